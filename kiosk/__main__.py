"""`python -m kiosk` and the `kiosk` command."""

from __future__ import annotations

import sys


def main() -> int:
    from kiosk.app import main as run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
