"""A full disk, for real: a small tmpfs the test mounts as the data folder and fills."""

from __future__ import annotations

from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.config import load_config
from kiosk.health.metrics import render
from kiosk.health.report import gather
from kiosk.health.text import problems
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import DiskFull, Outbox
from tests.conftest import fill
from tests.unit.outbox.conftest import a_request


def health_text(data: Path, tmp_path: Path, save_failure: str = "") -> tuple[list[str], str]:
    from kiosk.health.live import Live

    config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(data),
                                "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log")})  # fmt: skip
    health = gather(config, "0.1.0", "none", Live(save_failure=save_failure))
    return problems(health), render(health)


def test_a_full_disk_refuses_new_requests_and_harms_none_already_saved(
    small_disk: Path, tmp_path: Path, public_key: PublicKey, private_key: PrivateKey
) -> None:
    data = small_disk / "data"
    outbox = Outbox.open(data, public_key)
    saved = [outbox.submit(a_request(name=f"P{n}")) for n in range(20)]
    filler = fill(small_disk)

    for _ in range(3):  # the patient tries again; each time it is refused, cleanly
        with pytest.raises(DiskFull, match="the disk is full"):
            outbox.submit(a_request(name="Too late"))

    assert outbox.ids() == set(saved)
    assert outbox.integrity() == "ok"
    found, metrics = health_text(data, tmp_path)  # from the space left: none
    assert "The disk is full: new contact requests cannot be saved. Tell IT." in found
    assert 'clinic_kiosk_disk_full{kiosk="' in metrics
    assert metrics.split("clinic_kiosk_disk_full{", 1)[1].split("\n")[0].endswith(" 1")
    written = outbox.export(tmp_path / "usb")  # staff can still take everything out
    assert {open_envelope(f.read_bytes(), private_key).id for f in written} == set(saved)

    filler.unlink()  # IT frees space
    again = outbox.submit(a_request(name="Later"))

    assert outbox.ids() == {*saved, again}
    assert outbox.integrity() == "ok"
    found, _ = health_text(data, tmp_path)
    assert not any("disk is full" in line for line in found)
    outbox.close()
    reopened = Outbox.open(data, public_key)
    assert reopened.ids() == {*saved, again}
