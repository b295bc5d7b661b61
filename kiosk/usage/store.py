"""Usage counts in SQLite: for each day, event, page and language, one total.

Kept as the outbox keeps requests (kiosk.outbox.schema): write-ahead log with full syncs,
checked when it opens, the schema's version in `PRAGMA user_version`, a damaged file set
aside (`usage.damaged-<time>.sqlite3`) and a new one started. Counts come a second's worth
at a time, so the write-ahead log would tell which counts changed together: after each
write it is folded into the database and emptied, and `secure_delete` overwrites what a
new total replaces. The file holds totals per day and nothing of the order they came in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
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

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    @classmethod
    def open(cls, data_dir: Path, read_only: bool = False) -> UsageStore:
        """Open (creating unless `read_only`) the counts; a damaged file is set aside and a
        new one started. Raises UsageError if there is none to read, or no usable one."""
        path = data_dir / DATABASE
        if read_only and not path.is_file():
            raise UsageError(f"{path}: no usage counts here (is usage counting on?)")
        try:
            return cls(_opened(path))
        except sqlite3.DatabaseError as exc:
            if read_only or not is_damage(exc):
                raise UsageError(f"{path}: the usage counts cannot be opened: {exc}") from None
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            aside = path.with_name(f"{DAMAGED_PREFIX}{stamp}.sqlite3")
            log.error("%s is damaged (%s): kept as %s, counting starts again", path, exc, aside)
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{path}{suffix}").replace(f"{aside}{suffix}")
        try:
            return cls(_opened(path))
        except sqlite3.Error as exc:
            raise UsageError(f"{path}: the usage counts cannot be opened: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def add(self, counts: Mapping[Key, int]) -> None:
        """Add `counts` to the totals, all or none; then leave no trace of the write."""
        with Transaction(self._db):
            self._db.executemany(
                "INSERT INTO counts VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
                " SET count = count + excluded.count",
                [(*key, n) for key, n in counts.items()],
            )
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def forget_before(self, day: dt.date) -> int:
        """Drop the counts of every day before `day`; return how many totals went."""
        with Transaction(self._db):
            gone = self._db.execute("DELETE FROM counts WHERE day < ?", (day.isoformat(),))
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return gone.rowcount

    def totals(self, first: dt.date | None = None, last: dt.date | None = None) -> list[Total]:
        """Every total from `first` to `last` (both included; None: no bound), by day."""
        rows = self._db.execute(
            "SELECT day, event, page, language, count FROM counts WHERE day >= ? AND day <= ?"
            " ORDER BY day, event, page, language",
            ((first or dt.date.min).isoformat(), (last or dt.date.max).isoformat()),
        ).fetchall()
        return [Total(dt.date.fromisoformat(d), e, p, lang, n) for d, e, p, lang, n in rows]


def _opened(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    except OSError as exc:
        raise UsageError(f"{path}: cannot open the usage counts: {exc}") from None
    try:
        _check_and_create(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _check_and_create(db: sqlite3.Connection, path: Path) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA secure_delete=ON")
    if mode != "wal" or db.execute("PRAGMA synchronous").fetchone()[0] != SYNCHRONOUS_FULL:
        raise UsageError(f"{path}: the usage counts need WAL mode and full sync (got {mode}); "
                         "is the data folder on a network drive?")  # fmt: skip
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise UsageError(f"{path}: made by a newer version of the kiosk (schema {version})")
    if version < SCHEMA_VERSION:
        with Transaction(db):
            _create(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
