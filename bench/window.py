"""Child process for the kiosk benchmarks: the kiosk, or a minimal QML window (the floor).

python -m bench.window kiosk|floor|big first-frame   exit at the first frame (big: the
                                                 1,000-page bundle in $BENCH_BIG)
python -m bench.window kiosk page               exit at the first frame with $BENCH_PAGE open
python -m bench.window kiosk|floor switch        print page-switch times as JSON
python -m bench.window kiosk|floor switch-es     the same, the kiosk showing Spanish
python -m bench.window kiosk|floor language      on a page, English ⇄ Spanish (the floor: a
                                                 title change), times as JSON
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.bridge.frames import wait_for_frame  # imports only Qt: fair to the floor

SAMPLE = Path(__file__).resolve().parent.parent / "content"
SWITCHES = 200  # page switches measured on a big bundle
FLOOR_QML = b"""
import QtQuick
Window {
    required property var source
    width: 1080; height: 1920
    Text { text: source.title; font.pixelSize: 30 }
}
"""


class Title(QObject):
    """The floor's one bound value, fed from Python as the kiosk's bridges are."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._title = "Welcome"

    def set(self, title: str) -> None:
        self._title = title
        self.changed.emit()

    title = Property(str, lambda self: self._title, notify=changed)


# What is measured: its window, how many pages it has, how to stand where a patient taps a
# page from, how to switch to a page, and the object that keeps its Qt parts alive.
Subject = tuple[QQuickWindow, int, Callable[[int], None], Callable[[int], None], object]


def the_kiosk(content: Path = SAMPLE, start_on: str = "") -> Subject:
    """The kiosk as it starts on installed content (on the page `start_on` if given)."""
    from kiosk.app import Kiosk
    from kiosk.bridge.window import load_fonts
    from kiosk.content.loader import read_bundle
    from kiosk.session.navigation import Location, Screen

    load_fonts()
    start = Location(Screen.PAGE, start_on) if start_on else None
    kiosk = Kiosk(read_bundle(content, trusted=True), start_on=start)
    bundle = kiosk.result.bundle
    assert bundle is not None
    pages = list(bundle.pages)
    topic_of = {page: topic.id for topic in bundle.topics for page in topic.pages}

    def prepare(index: int) -> None:
        """Stand on the screen a patient taps the next page from: its topic, or Home."""
        topic = topic_of.get(pages[(index + 1) % len(pages)])
        kiosk.navigation.go_to(Location(Screen.TOPIC, topic) if topic else Location(Screen.HOME))

    def switch(index: int) -> None:
        kiosk.navigation.openPage(pages[index % len(pages)])

    return kiosk.window, len(pages), prepare, switch, kiosk


def the_floor() -> Subject:
    title = Title()
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"source": title})
    engine.loadData(FLOOR_QML)
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    pages = [f"Page {n}" for n in range(13)]

    def switch(index: int) -> None:
        title.set(pages[index % len(pages)])

    return window, len(pages), lambda index: title.set("Topic"), switch, (engine, title)


def measure(which: str, mode: str) -> list[float]:
    """Show the window; for `switch`, time every page switch. Qt objects die here."""
    if which == "big":  # the 1,000-page bundle bench.kiosk made: its folder in BENCH_BIG
        window, pages, prepare, switch, _alive = the_kiosk(Path(os.environ["BENCH_BIG"]))
    else:
        sample = Path(os.environ.get("BENCH_SAMPLE", SAMPLE))  # installed, as bench.kiosk made it
        # bench.chromium: the page Chromium is shown, as the first frame.
        page = os.environ["BENCH_PAGE"] if mode == "page" else ""
        window, pages, prepare, switch, _alive = (
            the_kiosk(sample, page) if which == "kiosk" else the_floor()
        )
        if page and _alive.navigation.screen != "page":  # type: ignore[attr-defined]
            raise SystemExit(f"no page {page!r} to show")
    window.resize(1080, 1920)
    window.show()
    wait_for_frame(window)
    times: list[float] = []
    if mode in ("first-frame", "page"):
        window.close()
        return times
    if which != "floor":
        kiosk: Any = _alive
        kiosk.speech.wait_for_voice()  # as a kiosk has, seconds after its first frame
        if mode == "switch-es":
            kiosk.language.choose("es-US")
        elif mode == "language":  # on each page in turn, the other language, and back
            prepare, switch = _language_switches(kiosk)
    # Every page three times over; of a big bundle, 200 pages never opened before.
    for index in range(3 * pages if pages < SWITCHES else SWITCHES):
        prepare(index)
        wait_for_frame(window)
        _read_what_a_patient_reads(_alive)
        start = time.perf_counter()
        switch(index + 1)
        wait_for_frame(window)
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return times


def _read_what_a_patient_reads(alive: object, longest_s: float = 2.0) -> None:
    """Let the kiosk make ready the pages on screen, as it does while a patient reads the
    list before tapping one (a patient takes a second or more; this is far less)."""
    from PySide6.QtCore import QCoreApplication

    content = getattr(alive, "content", None)
    until = time.perf_counter() + longest_s
    while content is not None and content.reading_ahead and time.perf_counter() < until:
        QCoreApplication.processEvents()


def _language_switches(kiosk: Any) -> tuple[Callable[[int], None], Callable[[int], None]]:
    pages = list(kiosk.result.bundle.pages)

    def prepare(index: int) -> None:
        kiosk.navigation.openPage(pages[index % len(pages)])

    def switch(index: int) -> None:
        kiosk.language.choose("es-US" if index % 2 else "en-US")

    return prepare, switch


def main() -> None:
    which, mode = sys.argv[1], sys.argv[2]
    app = QGuiApplication(sys.argv[:1])
    times = measure(which, mode)
    if mode not in ("first-frame", "page"):
        print(json.dumps(times))
    app.processEvents()


if __name__ == "__main__":
    main()
