"""Usage counts in SQLite: for each day, event, page and language, one total.

Kept with the outbox's care (kiosk.outbox.schema): full syncs, checked when it opens, the
schema's version in `PRAGMA user_version`, a damaged file set aside
(`usage.damaged-<time>.sqlite3`) and a new one started. What is kept must not tell the
order counts came in, so that no visit can be traced through the file:
- each write replaces a whole day's totals, written in the order of their keys, so the
  file's bytes depend on the totals and not on which page was read first;
- the rollback journal, not the outbox's write-ahead log: a log would hold each second's
  write, which counts changed together, for as long as anyone reads the file; the journal
  is gone with each commit, and `secure_delete` zeroes what a total replaced;
- the file's times are set to the start of the day after each write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.outbox.schema import SYNCHRONOUS_FULL, Transaction, is_damage

log = logging.getLogger("kiosk.usage")

DATABASE = "usage.sqlite3"
DAMAGED_PREFIX = "usage.damaged-"
SCHEMA_VERSION = 1
COLUMNS = ("day", "event", "page", "language", "count")  # all a row is: see test_usage
Key = tuple[str, str, str, str]  # day (YYYY-MM-DD), event, page ("" for none), language
DayKey = tuple[str, str, str]  # event, page, language: a total within a day


class UsageError(Exception):
    """The counts cannot be kept (the folder, the disk): the kiosk goes on without them."""


@dataclass(frozen=True)
class Total:
    day: dt.date
    event: str
    page: str
    language: str
    count: int


def _create(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE counts (day TEXT NOT NULL, event TEXT NOT NULL, page TEXT NOT NULL,"
        " language TEXT NOT NULL, count INTEGER NOT NULL,"
        " PRIMARY KEY (day, event, page, language)) WITHOUT ROWID"
    )


class UsageStore:
    """Open with `UsageStore.open`; one thread at a time."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db, self._path = db, path

    @classmethod
    def open(cls, data_dir: Path, read_only: bool = False) -> UsageStore:
        """Open (creating unless `read_only`) the counts; a damaged file is set aside and a
        new one started. Raises UsageError if there is none to read, or no usable one."""
        path = data_dir / DATABASE
        if read_only and not path.is_file():
            raise UsageError(f"{path}: no usage counts here (is usage counting on?)")
        try:
            return cls(_opened(path, read_only), path)
        except sqlite3.DatabaseError as exc:
            if read_only or not is_damage(exc):
                raise UsageError(f"{path}: the usage counts cannot be opened: {exc}") from None
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            aside = path.with_name(f"{DAMAGED_PREFIX}{stamp}.sqlite3")
            log.error("%s is damaged (%s): kept as %s, counting starts again", path, exc, aside)
            for suffix in ("", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{path}{suffix}").replace(f"{aside}{suffix}")
        try:
            return cls(_opened(path), path)
        except sqlite3.Error as exc:
            raise UsageError(f"{path}: the usage counts cannot be opened: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def day(self, day: str) -> dict[DayKey, int]:
        """The totals of `day` (YYYY-MM-DD) as kept."""
        rows = self._db.execute("SELECT event, page, language, count FROM counts WHERE day = ?",
                                (day,)).fetchall()  # fmt: skip
        return {(e, p, lang): n for e, p, lang, n in rows}

    def write_day(self, day: str, totals: Mapping[DayKey, int]) -> None:
        """Replace the totals of `day` by `totals`, all or none, in the order of their keys."""
        with Transaction(self._db):
            self._db.execute("DELETE FROM counts WHERE day = ?", (day,))
            self._db.executemany("INSERT INTO counts VALUES (?, ?, ?, ?, ?)",
                                 [(day, *key, totals[key]) for key in sorted(totals)])  # fmt: skip
        self._stamp(dt.date.fromisoformat(day))

    def add(self, counts: Mapping[Key, int]) -> None:
        """Add `counts` to the totals of their days (each day written whole)."""
        for day in sorted({key[0] for key in counts}):
            totals = self.day(day)
            for key, n in counts.items():
                if key[0] == day:
                    totals[key[1:]] = totals.get(key[1:], 0) + n
            self.write_day(day, totals)

    def _stamp(self, day: dt.date) -> None:
        """The file's times: the start of `day`, not the second it was written."""
        start = time.mktime(day.timetuple())
        with contextlib.suppress(OSError):
            os.utime(self._path, (start, start))

    def forget_before(self, day: dt.date) -> int:
        """Drop the counts of every day before `day`; return how many totals went."""
        with Transaction(self._db):
            gone = self._db.execute("DELETE FROM counts WHERE day < ?", (day.isoformat(),))
        return gone.rowcount

    def totals(self, first: dt.date | None = None, last: dt.date | None = None) -> list[Total]:
        """Every total from `first` to `last` (both included; None: no bound), by day."""
        rows = self._db.execute(
            "SELECT day, event, page, language, count FROM counts WHERE day >= ? AND day <= ?"
            " ORDER BY day, event, page, language",
            ((first or dt.date.min).isoformat(), (last or dt.date.max).isoformat()),
        ).fetchall()
        return [Total(dt.date.fromisoformat(d), e, p, lang, n) for d, e, p, lang, n in rows]


def _read_only(path: Path) -> sqlite3.Connection:
    """The database as it is, for a report. A write the kiosk did not finish (it ended
    mid-write: its journal is still there) must be undone first, which a read-only
    connection cannot do: then it is opened to be read and written, and SQLite undoes it
    (the journal holds what was there; nothing else is changed)."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=1)
    try:
        version = _check(db, path)
    except sqlite3.OperationalError as exc:
        db.close()
        if "readonly" not in str(exc):
            raise
        db = sqlite3.connect(f"{uri}?mode=rw", uri=True, isolation_level=None, timeout=1)
        version = _check(db, path)
    if version < SCHEMA_VERSION:
        db.close()
        raise UsageError(f"{path}: no usage counts here yet")
    return db


def _opened(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """The database, checked; `read_only` (a report): as it is (see _read_only)."""
    try:
        if read_only:
            return _read_only(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, timeout=1, check_same_thread=False)
    except OSError as exc:
        raise UsageError(f"{path}: cannot open the usage counts: {exc}") from None
    try:
        _check_and_create(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _check_and_create(db: sqlite3.Connection, path: Path) -> None:
    mode = db.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA secure_delete=ON")
    if mode != "delete" or db.execute("PRAGMA synchronous").fetchone()[0] != SYNCHRONOUS_FULL:
        raise UsageError(f"{path}: the usage counts need a rollback journal and full sync "
                         f"(got {mode}); is the data folder on a network drive?")  # fmt: skip
    version = _check(db, path)
    if version < SCHEMA_VERSION:
        with Transaction(db):
            _create(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _check(db: sqlite3.Connection, path: Path) -> int:
    """The file is sound and of a schema this kiosk knows; its schema version."""
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise UsageError(f"{path}: made by a newer version of the kiosk (schema {version})")
    return version
