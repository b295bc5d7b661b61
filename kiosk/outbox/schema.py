"""The outbox's database: its file, its schema versions and how one is brought up to date.

The schema version is `PRAGMA user_version`; MIGRATIONS[n] takes a database
from version n to n + 1. A newer schema than this app knows is refused.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kiosk.outbox.errors import OutboxDamaged, OutboxError

log = logging.getLogger("kiosk.outbox")

DATABASE = "outbox.sqlite3"
SCHEMA_VERSION = 4
SYNCHRONOUS_FULL = 2
# What an envelope file is made of, in the order envelope() takes it.
ENVELOPE_COLUMNS = "id, created, sealed, kiosk, clock_note"
# Every column of the requests table at the newest schema.
COLUMNS = ("id", "created", "sealed", "exported", "delivered", "attempts", "next_attempt",
           "refused", "last_error", "kiosk", "clock_note", "clock_shift")  # fmt: skip


def _create_requests(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE requests ("
        " id TEXT PRIMARY KEY,"
        " created TEXT NOT NULL,"
        " sealed BLOB NOT NULL,"
        " exported TEXT)"
    )


def _add_delivery(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE requests ADD COLUMN delivered TEXT")
    db.execute("ALTER TABLE requests ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0")


def _add_retry_time(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE requests ADD COLUMN next_attempt TEXT")


def _add_outcomes(db: sqlite3.Connection) -> None:
    # refused: why the receiver refused it for good; last_error: the latest failure;
    # kiosk: which kiosk took it; clock_note: why its time may be wrong.
    # clock_shift: seconds to add to `created` for the right time, once the clock was corrected.
    for column in ("refused TEXT", "last_error TEXT", "kiosk TEXT NOT NULL DEFAULT ''",
                   "clock_note TEXT NOT NULL DEFAULT ''",
                   "clock_shift INTEGER NOT NULL DEFAULT 0"):  # fmt: skip
        db.execute(f"ALTER TABLE requests ADD COLUMN {column}")


# MIGRATIONS[n] takes a database from schema version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_requests,
    _add_delivery,
    _add_retry_time,
    _add_outcomes,
)
assert len(MIGRATIONS) == SCHEMA_VERSION


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error:  # e.g. the disk is full: leave no transaction open
                self._roll_back()
                raise
        else:
            self._roll_back()  # and the error that brought us here goes on, unchanged

    def _roll_back(self) -> None:
        # SQLite may have rolled back by itself (SQLITE_FULL does): then there is none.
        if self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")


def check_and_migrate(db: sqlite3.Connection, path: Path) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    db.execute("PRAGMA synchronous=FULL")
    synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
    if mode != "wal" or synchronous != SYNCHRONOUS_FULL:
        raise OutboxError(
            f"{path}: the outbox needs WAL mode and full sync (got {mode}, {synchronous}); "
            "is the data folder on a network drive?"
        )
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise OutboxDamaged(f"{path}: the outbox database is damaged ({check})")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise OutboxError(
            f"{path}: made by a newer version of the kiosk (schema {version}); update the app"
        )
    for step in range(version, SCHEMA_VERSION):
        with Transaction(db):
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
        log.info("outbox schema upgraded to version %d", step + 1)


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB: the file itself is bad, not the folder or a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in str(exc)
