"""Print what a screen reader gets from the running kiosk over AT-SPI, the bus Orca reads.

Run with Debian's own Python, which has python3-pyatspi, inside the session bus that
the kiosk uses (see tests/gui/test_atspi.py for the whole set-up):

    /usr/bin/python3 tools/atspi_walk.py "Libertas Mind"   # the app, or its window's title

One line per node that is showing: its role, its name, its description, and whether
it has the focus. Exit status 1 if the application never appears on the bus.
"""

from __future__ import annotations

import sys
import time

import pyatspi  # type: ignore[import-not-found]  # Debian's python3-pyatspi

WAIT_SECONDS = 30


def application(name: str) -> object | None:
    """The application called `name`, or whose window is, once it has registered."""
    end = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is None:
                continue
            windows = [app.getChildAtIndex(i).name for i in range(app.childCount)]
            if name == app.name or name in windows:
                return app
        time.sleep(0.2)
    return None


def lines(node: object, depth: int = 0) -> list[str]:
    """The showing nodes under `node`, indented by depth."""
    try:
        states = node.getState()  # type: ignore[attr-defined]
        showing = states.contains(pyatspi.STATE_SHOWING)
        focused = " *focused*" if states.contains(pyatspi.STATE_FOCUSED) else ""
        role, name = node.getRoleName(), node.name or ""  # type: ignore[attr-defined]
        description = node.description or ""  # type: ignore[attr-defined]
    except Exception:  # a node torn down while we walk: skip it
        return []
    found = []
    if showing:
        about = f" ({description})" if description else ""
        found.append(f"{'  ' * depth}[{role}] {name!r}{about}{focused}")
    for index in range(node.childCount):  # type: ignore[attr-defined]
        found += lines(node.getChildAtIndex(index), depth + 1)  # type: ignore[attr-defined]
    return found


def main(argv: list[str]) -> int:
    name = argv[1] if len(argv) > 1 else "kiosk"
    app = application(name)
    if app is None:
        names = [a.name for a in pyatspi.Registry.getDesktop(0) if a is not None]
        print(f"atspi_walk: {name!r} is not on the bus (found: {names})", file=sys.stderr)
        return 1
    print("\n".join(lines(app)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
