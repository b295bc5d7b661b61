"""Installs bundles in a loop, for the crash test that kills it at random moments.

Prints "ready", then "installed" after each install that switched the version.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.bundles import store
from tests.unit.bundles.helpers import TRUSTED


def main() -> None:
    data_dir, bundles = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    print("ready", flush=True)
    turn = 0
    while True:
        bundle = bundles[turn % len(bundles)]
        turn += 1
        try:
            store.install(bundle, data_dir, TRUSTED, "0.1.0", allow_downgrade=True)
        except store.BundleRefused:  # the same version as the active one: next
            continue
        print("installed", flush=True)


if __name__ == "__main__":
    main()
