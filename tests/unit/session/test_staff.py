"""The staff PIN: hashed, slowed after wrong tries, locked after ten, across restarts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.session.staff import AuditLog, PinError, PinGate, set_pin

PIN = "482915"


class WallClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    path = tmp_path / "staff.pin"
    set_pin(path, PIN)
    return path


def test_the_pin_is_stored_as_a_scrypt_hash_only(pin_file: Path) -> None:
    text = pin_file.read_text()

    assert PIN not in text
    record = json.loads(text)
    assert record["kdf"] == "scrypt"
    assert (pin_file.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("pin", "words"),
    [("12345", "at least 6 digits"), ("12a456", "digits only"), ("111111", "not a run"),
     ("123456", "not a run"), ("654321", "not a run"), ("١٢٣٤٥٦", "digits only")],
)  # fmt: skip
def test_weak_pins_are_refused(tmp_path: Path, pin: str, words: str) -> None:
    with pytest.raises(PinError, match=words):
        set_pin(tmp_path / "staff.pin", pin)


def test_the_right_pin_opens(pin_file: Path) -> None:
    assert PinGate(pin_file, WallClock()).try_pin(PIN).ok


def test_wrong_pins_make_each_try_wait_longer(pin_file: Path) -> None:
    clock = WallClock()
    gate = PinGate(pin_file, clock)

    waits = []
    for _ in range(5):
        attempt = gate.try_pin("000000")
        waits.append(attempt.wait_seconds)
        clock.now += attempt.wait_seconds  # the patient waits as asked

    assert waits == [0, 0, 5, 10, 20]
    assert gate.try_pin("000000").wait_seconds == 40
    too_soon = gate.try_pin(PIN)  # even the right PIN must wait
    assert not too_soon.ok
    assert too_soon.reason == "too soon after a wrong PIN"
    clock.now += 40
    assert gate.try_pin(PIN).ok
    assert gate.try_pin("000000").wait_seconds == 0  # a right PIN starts the count again


def test_a_clock_set_back_does_not_make_staff_wait_a_year(pin_file: Path) -> None:
    clock = WallClock()
    gate = PinGate(pin_file, clock)
    for _ in range(3):
        gate.try_pin("000000")  # the third makes the next try wait 5 s

    clock.now -= 365 * 86400  # network time corrects the clock, a year back

    assert gate.try_pin(PIN).ok


def test_ten_wrong_pins_lock_staff_entry_even_after_a_restart(pin_file: Path) -> None:
    clock = WallClock()
    gate = PinGate(pin_file, clock)
    for _ in range(10):
        clock.now += gate.try_pin("999999").wait_seconds

    restarted = PinGate(pin_file, clock)  # a new process reads the same files
    clock.now += 10**6

    assert restarted.try_pin(PIN).locked
    set_pin(pin_file, "730516")  # IT sets a new PIN
    assert restarted.try_pin("730516").ok


def test_a_damaged_attempts_file_keeps_the_pad_locked(pin_file: Path) -> None:
    pin_file.with_name("staff.pin.attempts").write_text("not json")

    assert PinGate(pin_file, WallClock()).try_pin(PIN).locked


def test_audit_lines_have_time_action_outcome_and_no_digits_typed(
    tmp_path: Path, pin_file: Path
) -> None:
    audit = AuditLog(tmp_path / "audit.log", WallClock())
    audit.record("staff sign-in", "refused: wrong PIN")
    audit.record("export requests", "3 requests to /media/usb")

    lines = (tmp_path / "audit.log").read_text().splitlines()
    assert lines[0] == "2027-01-15T08:00:00+00:00\tstaff sign-in\trefused: wrong PIN"
    assert PIN not in "".join(lines)
    assert not re.search(r"\d{6}", lines[0].split("\t", 1)[1])


def test_kiosk_admin_pin_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.admin.cli import main

    monkeypatch.setenv("KIOSK_PATHS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_PATHS_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("KIOSK_NEW_PIN", "12345")
    assert main(["pin", "set", "--config", str(tmp_path / "none.toml")]) == 1
    assert "at least 6 digits" in capsys.readouterr().err

    monkeypatch.setenv("KIOSK_NEW_PIN", PIN)
    assert main(["pin", "set", "--config", str(tmp_path / "none.toml")]) == 0

    assert PinGate(tmp_path / "data" / "staff.pin", WallClock()).try_pin(PIN).ok
    audit = (tmp_path / "log" / "audit.log").read_text()
    assert audit.endswith("\tpin set\tok\n")
    assert PIN not in audit
