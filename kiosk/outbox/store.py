"""The outbox: sealed requests in SQLite, acknowledged only once they are on disk.

The database is in WAL mode with synchronous=FULL, both checked when it opens,
so a request whose id was returned survives a power cut. The kiosk can write
requests but never read them back: each is sealed to the clinic's public key.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nacl.public import PublicKey

from kiosk.outbox.envelope import SUFFIX, envelope, seal
from kiosk.outbox.errors import InvalidRequest, OutboxError
from kiosk.outbox.keys import write_atomically
from kiosk.outbox.request import ContactRequest

log = logging.getLogger("kiosk.outbox")

__all__ = ["DATABASE", "SCHEMA_VERSION", "InvalidRequest", "Outbox", "OutboxError", "Status"]

DATABASE = "outbox.sqlite3"
SCHEMA_VERSION = 3
_SYNCHRONOUS_FULL = 2


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


# MIGRATIONS[n] takes a database from schema version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_requests,
    _add_delivery,
    _add_retry_time,
)
assert len(MIGRATIONS) == SCHEMA_VERSION


@dataclass(frozen=True)
class Status:
    pending: int
    exported: int
    delivered: int
    oldest_undelivered: str | None  # creation time, ISO 8601


class Outbox:
    """Open with `Outbox.open`; one per data folder."""

    def __init__(self, db: sqlite3.Connection, key: PublicKey | None) -> None:
        self._db = db
        self._key = key
        self._closed = False

    @classmethod
    def open(cls, data_dir: Path, public_key: PublicKey | None) -> Outbox:
        """Open (creating or upgrading) the outbox; `public_key` is None for export only."""
        path = data_dir / DATABASE
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise OutboxError(f"{path}: cannot open the outbox: {exc}") from None
        try:
            _check_and_migrate(db, path)
        except sqlite3.Error as exc:
            db.close()
            raise OutboxError(f"{path}: the outbox database is not usable: {exc}") from None
        except OutboxError:
            db.close()
            raise
        return cls(db, public_key)

    def close(self) -> None:
        """Close the database; closing twice is harmless."""
        if not self._closed:
            self._closed = True
            self._db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, request: ContactRequest, known_topics: set[str] | None = None) -> str:
        """Seal and store `request`; return its id only once it is committed."""
        if self._key is None:
            raise OutboxError("this outbox was opened without the clinic's public key")
        problems = request.validate(known_topics)
        if problems:
            raise InvalidRequest(problems)
        request_id = str(uuid.uuid4())
        created = _now()
        sealed = seal(request_id, created, request.normalized(), self._key)
        try:
            with self._transaction():
                self._db.execute(
                    "INSERT INTO requests (id, created, sealed) VALUES (?, ?, ?)",
                    (request_id, created, sealed),
                )
        except sqlite3.Error as exc:
            log.error("could not store a contact request: %s", exc)
            raise OutboxError(f"could not store the request: {exc}") from None
        log.info("stored contact request %s", request_id)
        return request_id

    def export(self, out_dir: Path) -> list[Path]:
        """Write one sealed file per request not yet exported, then mark them exported.

        A file is written before its row is marked, so a crash between the two
        writes the same file again next time, never loses one.
        """
        out_dir.mkdir(parents=True, exist_ok=True)
        rows = self._db.execute(
            "SELECT id, created, sealed FROM requests WHERE exported IS NULL ORDER BY created"
        ).fetchall()
        written = []
        for request_id, created, sealed in rows:
            path = out_dir / f"{request_id}{SUFFIX}"
            write_atomically(path, envelope(request_id, created, sealed), mode=0o600)
            written.append(path)
        now = _now()
        with self._transaction():
            self._db.executemany(
                "UPDATE requests SET exported = ? WHERE id = ?", [(now, r[0]) for r in rows]
            )
        log.info("exported %d contact requests", len(written))
        return written

    def due(self, now: dt.datetime) -> list[tuple[str, bytes]]:
        """Undelivered requests whose next attempt has come: (id, envelope file)."""
        rows = self._db.execute(
            "SELECT id, created, sealed FROM requests WHERE delivered IS NULL"
            " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY created",
            (now.isoformat(timespec="seconds"),),
        ).fetchall()
        return [(r[0], envelope(r[0], r[1], r[2])) for r in rows]

    def next_attempt(self) -> dt.datetime | None:
        """When the next undelivered request is due, or None when none waits."""
        row = self._db.execute(
            "SELECT min(coalesce(next_attempt, created)) FROM requests WHERE delivered IS NULL"
        ).fetchone()
        return dt.datetime.fromisoformat(row[0]) if row[0] else None

    def mark_delivered(self, request_id: str, now: dt.datetime) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE requests SET delivered = ? WHERE id = ?",
                (now.isoformat(timespec="seconds"), request_id),
            )

    def mark_failed(self, request_id: str, now: dt.datetime) -> int:
        """Count a failed attempt and schedule the next; return the attempts so far."""
        with self._transaction():
            (attempts,) = self._db.execute(
                "UPDATE requests SET attempts = attempts + 1 WHERE id = ? RETURNING attempts",
                (request_id,),
            ).fetchone()
            retry = now + retry_delay(attempts)
            self._db.execute(
                "UPDATE requests SET next_attempt = ? WHERE id = ?",
                (retry.isoformat(timespec="seconds"), request_id),
            )
        return int(attempts)

    def ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM requests")}

    def sealed(self, request_id: str) -> bytes | None:
        row = self._db.execute("SELECT sealed FROM requests WHERE id = ?", (request_id,)).fetchone()
        return bytes(row[0]) if row else None

    def status(self) -> Status:
        pending, exported, delivered, oldest = self._db.execute(
            "SELECT"
            " count(*) FILTER (WHERE exported IS NULL AND delivered IS NULL),"
            " count(*) FILTER (WHERE exported IS NOT NULL),"
            " count(*) FILTER (WHERE delivered IS NOT NULL),"
            " min(created) FILTER (WHERE delivered IS NULL)"
            " FROM requests"
        ).fetchone()
        return Status(pending, exported, delivered, oldest)

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def _check_and_migrate(db: sqlite3.Connection, path: Path) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    db.execute("PRAGMA synchronous=FULL")
    synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
    if mode != "wal" or synchronous != _SYNCHRONOUS_FULL:
        raise OutboxError(
            f"{path}: the outbox needs WAL mode and full sync (got {mode}, {synchronous}); "
            "is the data folder on a network drive?"
        )
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise OutboxError(f"{path}: the outbox database is damaged ({check}); tell IT")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise OutboxError(
            f"{path}: made by a newer version of the kiosk (schema {version}); update the app"
        )
    for step in range(version, SCHEMA_VERSION):
        with _Transaction(db):
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
        log.info("outbox schema upgraded to version %d", step + 1)


FIRST_RETRY = dt.timedelta(seconds=30)
LONGEST_RETRY = dt.timedelta(hours=1)


def retry_delay(attempts: int) -> dt.timedelta:
    """30 s after the first failure, doubling each time, never more than an hour."""
    doubled: dt.timedelta = FIRST_RETRY * 2 ** min(attempts - 1, 16)
    return min(doubled, LONGEST_RETRY)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def iter_envelopes(paths: list[Path]) -> Iterator[Path]:
    """Every sealed file named, looking one level into folders."""
    for path in paths:
        if path.is_dir():
            yield from sorted(path.glob(f"*{SUFFIX}"))
        else:
            yield path
