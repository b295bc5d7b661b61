"""Nothing acknowledged is lost to a crash; nothing typed is readable on disk."""

from __future__ import annotations

import logging
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.outbox.envelope import envelope, open_envelope
from kiosk.outbox.store import Outbox
from tests.conftest import REPO
from tests.unit.outbox.conftest import a_request


def _kill_at_random(data: Path, public_key_file: Path, rng: random.Random) -> list[str]:
    """Run the child, SIGKILL it mid-stream, return every id it acknowledged."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.outbox.crash_child", str(data), str(public_key_file)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    first = child.stdout.readline().strip()  # one whole request first, however slow the machine
    assert first, "the child ended before it saved a request"
    time.sleep(rng.uniform(0.0, 0.25))  # then a random moment: the kill lands mid-write
    os.kill(child.pid, signal.SIGKILL)
    acknowledged = [first] + [line.strip() for line in child.stdout if line.strip()]
    child.wait()
    child.stdout.close()
    return acknowledged


def _crash_many_times(
    kills: int, tmp_path: Path, clinic_keys: tuple[Path, Path], private_key: PrivateKey
) -> str:
    rng = random.Random(2026)  # the same moments every run
    data = tmp_path / "data"
    acknowledged: list[str] = []
    for _ in range(kills):
        acknowledged += _kill_at_random(data, clinic_keys[0], rng)

    outbox = Outbox.open(data, public_key=None)
    assert outbox.integrity() == "ok"
    stored = outbox.ids()
    assert set(acknowledged) <= stored, "an acknowledged request was lost"
    for request_id in acknowledged:
        sealed = outbox.sealed(request_id)
        assert sealed is not None
        opened = open_envelope(envelope(request_id, "", sealed), private_key)
        assert opened.request.name.startswith("Patient ")
    outbox.close()
    return (
        f"{kills} kills: {len(acknowledged)} requests acknowledged, 0 missing, "
        f"{len(stored)} stored, integrity ok"
    )


def test_requests_survive_20_kills(
    tmp_path: Path, clinic_keys: tuple[Path, Path], private_key: PrivateKey
) -> None:
    _crash_many_times(20, tmp_path, clinic_keys, private_key)


@pytest.mark.soak
def test_requests_survive_200_kills(
    tmp_path: Path, clinic_keys: tuple[Path, Path], private_key: PrivateKey
) -> None:
    summary = _crash_many_times(200, tmp_path, clinic_keys, private_key)
    print(f"\ncrash soak: {summary}")  # the figure `make soak` reports


def test_no_typed_word_is_readable_on_disk_or_in_the_log(
    tmp_path: Path, public_key: PublicKey, caplog: pytest.LogCaptureFixture
) -> None:
    canaries = {
        "name": "Quillon Fairweather",
        "email": "zanzibar.canary@example.org",
        "message": "xylophone-canary-message",
        "phone": "(518) 555-0199",
    }
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    outbox = Outbox.open(data, public_key)
    for _ in range(5):
        outbox.submit(a_request(**canaries))
    outbox.export(tmp_path / "usb")  # the copy staff take away is sealed too
    outbox.close()

    files = [p for p in [*data.rglob("*"), *(tmp_path / "usb").rglob("*")] if p.is_file()]
    assert any(p.name.endswith("-wal") or p.suffix == ".sqlite3" for p in files)
    for value in canaries.values():
        for needle in {value.encode(), value.encode("utf-16-le"), value.split()[0].encode()}:
            for path in files:
                assert needle not in path.read_bytes(), f"{value!r} readable in {path.name}"
        assert value not in caplog.text
