"""One kiosk's update agent for the fleet run: the kiosk's own update worker and checks.

Arguments: data folder, update URL, seconds between checks, the longest start
delay in seconds, a User-Agent name. Prints "installed <version> <wall time>"
for each install; ends when stdin closes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.bundles.signing import trusted_keys
from kiosk.bundles.update_worker import UpdateWorker
from kiosk.bundles.updates import UpdateCheck, UpdateSource, check_for_update
from kiosk.system.net import user_agent


def main() -> None:
    data, url = Path(sys.argv[1]), sys.argv[2]
    every, start_delay, name = float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    source = UpdateSource(url, user_agent("0.1.0", name), timeout=10)

    def check() -> UpdateCheck:
        result = check_for_update(source, data, lambda: trusted_keys(data), "0.1.0")
        if result.outcome == "installed":
            print(f"installed {result.detail.rsplit(' ', 1)[-1]} {time.time():.3f}", flush=True)
        return result

    worker = UpdateWorker(check, every=every, start_delay=start_delay)
    worker.start()
    sys.stdin.read()  # until the fleet run closes it
    worker.stop()


if __name__ == "__main__":
    main()
