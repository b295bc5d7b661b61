"""The staff PIN: a scrypt hash, a growing wait after wrong tries, a lockout, an audit trail.

The PIN file holds only the hash; the attempts file holds the count of wrong
PINs and when the next try is allowed, so a restart does not reset them. After
ten wrong PINs staff entry stays locked until IT sets the PIN again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MIN_DIGITS = 6
FREE_TRIES = 3  # wrong PINs before each further try must wait
LOCKOUT_AFTER = 10
FIRST_WAIT = 5.0  # seconds after the third wrong PIN, doubling after each further one
LONGEST_WAIT = 15 * 60.0
# scrypt: n=2**14, r=8 needs 16 MiB; maxmem bounds it so a crafted file cannot
# make the kiosk allocate more.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAXMEM = 64 * 1024 * 1024

WallClock = Callable[[], float]  # seconds since the epoch: waits must survive a restart


class PinError(ValueError):
    """The PIN is not acceptable, or the PIN file cannot be used."""


@dataclass(frozen=True)
class Attempt:
    ok: bool
    wait_seconds: float = 0.0  # before another try is allowed
    locked: bool = False  # until IT sets a new PIN
    reason: str = ""


def check_new_pin(pin: str) -> None:
    if not pin.isdigit() or not pin.isascii():
        raise PinError("the PIN must be digits only")
    if len(pin) < MIN_DIGITS:
        raise PinError(f"the PIN must have at least {MIN_DIGITS} digits")
    if len(set(pin)) == 1 or pin in "0123456789012345" or pin in "9876543210987654":
        raise PinError("choose a PIN that is not a run or a repeat of one digit")


def _write_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    temp.replace(path)


def set_pin(pin_file: Path, pin: str) -> None:
    """Store the hash of a new PIN and clear any lockout."""
    check_new_pin(pin)
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, maxmem=MAXMEM, dklen=32, **SCRYPT)
    record = {"kdf": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": digest.hex()}
    pin_file.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(pin_file, json.dumps(record) + "\n")
    _attempts_file(pin_file).unlink(missing_ok=True)


def _attempts_file(pin_file: Path) -> Path:
    return pin_file.with_name(pin_file.name + ".attempts")


class PinGate:
    """Checks PINs typed on the staff pad."""

    def __init__(self, pin_file: Path, clock: WallClock) -> None:
        self.pin_file = pin_file
        self._clock = clock

    @property
    def configured(self) -> bool:
        return self.pin_file.exists()

    def try_pin(self, pin: str) -> Attempt:
        failures, next_try = self._load_attempts()
        if failures >= LOCKOUT_AFTER:
            return Attempt(False, locked=True, reason="locked: IT must set a new PIN")
        wait = next_try - self._clock()
        if wait > LONGEST_WAIT:  # set by a clock that has since gone back: not a year's wait
            wait = 0.0
        if wait > 0:
            return Attempt(False, wait_seconds=wait, reason="too soon after a wrong PIN")
        if self._matches(pin):
            _attempts_file(self.pin_file).unlink(missing_ok=True)
            return Attempt(True)
        failures += 1
        delay = 0.0
        if failures >= FREE_TRIES:
            delay = min(FIRST_WAIT * 2 ** (failures - FREE_TRIES), LONGEST_WAIT)
        self._save_attempts(failures, self._clock() + delay)
        if failures >= LOCKOUT_AFTER:
            return Attempt(False, locked=True, reason="locked: IT must set a new PIN")
        return Attempt(False, wait_seconds=delay, reason="wrong PIN")

    def _matches(self, pin: str) -> bool:
        try:
            record = json.loads(self.pin_file.read_text(encoding="utf-8"))
            params = {k: int(record[k]) for k in ("n", "r", "p")}
            salt, expected = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
            digest = hashlib.scrypt(pin.encode(), salt=salt, maxmem=MAXMEM, dklen=32, **params)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PinError(f"{self.pin_file}: the staff PIN file is not usable ({exc})") from None
        return hmac.compare_digest(digest, expected)

    def _load_attempts(self) -> tuple[int, float]:
        try:
            data = json.loads(_attempts_file(self.pin_file).read_text(encoding="utf-8"))
            return int(data["failures"]), float(data["next_try"])
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged counter must not unlock the pad: treat it as locked.
            return LOCKOUT_AFTER, 0.0

    def _save_attempts(self, failures: int, next_try: float) -> None:
        _write_atomically(
            _attempts_file(self.pin_file),
            json.dumps({"failures": failures, "next_try": next_try}) + "\n",
        )


class AuditLog:
    """One line per staff action: time, action, outcome. Never a PIN or a digit typed."""

    def __init__(self, path: Path, clock: WallClock) -> None:
        self.path = path
        self._clock = clock

    def record(self, action: str, outcome: str) -> None:
        when = dt.datetime.fromtimestamp(self._clock(), dt.UTC).isoformat(timespec="seconds")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(f"{when}\t{action}\t{outcome}\n")
