"""A kiosk's background workers, run under libfaketime so the test can move the wall clock.

Delivers to argv[3] and checks argv[4] for updates, the way the kiosk does, with
short intervals. Reads commands on stdin: "submit" saves a request and wakes
delivery; "stop" ends. Prints each saved request's id.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import kiosk.outbox.delivery
from kiosk.bundles.update_worker import UpdateWorker
from kiosk.bundles.updates import UpdateSource, check_for_update
from kiosk.outbox.delivery import DeliveryWorker
from kiosk.outbox.keys import read_public_key
from kiosk.outbox.store import Outbox
from kiosk.outbox.targets import HttpTarget
from tests.unit.outbox.conftest import a_request

# The worker looks every second, not every minute: a retry due thirty seconds on
# comes only from the outbox clamping a time the clock left a year behind.
kiosk.outbox.delivery.IDLE_CHECK = 1.0


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    data, key = Path(sys.argv[1]), read_public_key(Path(sys.argv[2]))
    outbox = Outbox.open(data, key)
    delivery = DeliveryWorker(data, HttpTarget(sys.argv[3], timeout=5).send)
    updates = UpdateWorker(
        lambda: check_for_update(UpdateSource(sys.argv[4], timeout=5), data, dict, "0.1.0"),
        every=0.2,
        start_delay=0,
    )
    delivery.start()
    updates.start()
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "submit":
            print(outbox.submit(a_request()), flush=True)
            delivery.wake()
        elif line.strip() == "stop":
            break
    delivery.stop()
    updates.stop()
    outbox.close()


if __name__ == "__main__":
    main()
