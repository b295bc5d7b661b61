"""Submits requests forever, printing each id once submit() returns; the test kills it."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.outbox.keys import read_public_key
from kiosk.outbox.store import Outbox
from tests.unit.outbox.conftest import a_request


def main() -> None:
    data_dir, public_key = Path(sys.argv[1]), read_public_key(Path(sys.argv[2]))
    outbox = Outbox.open(data_dir, public_key)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        request_id = outbox.submit(a_request(name=f"Patient {number}"))
        print(request_id, flush=True)


if __name__ == "__main__":
    main()
