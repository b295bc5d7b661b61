"""A full disk, for real: a small tmpfs the test mounts as the data folder and fills."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.config import load_config
from kiosk.health.metrics import render
from kiosk.health.report import gather
from kiosk.health.text import problems
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import DiskFull, Outbox
from tests.unit.outbox.conftest import a_request


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs .ci/run as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        # Lazily: a test that failed half-way may still hold a file open there.
        subprocess.run(["umount", "--lazy", str(mount)], check=True)


def fill(folder: Path) -> Path:
    """Write a file until the disk refuses another byte."""
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass  # ENOSPC: the disk is full
    finally:
        os.close(handle)
    return filler


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
    found, metrics = health_text(data, tmp_path, "could not store the request: the disk is full")
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
