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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from nacl.public import PublicKey

from kiosk.outbox.envelope import SUFFIX, envelope, iter_envelopes, seal
from kiosk.outbox.errors import DiskFull, InvalidRequest, OutboxDamaged, OutboxError
from kiosk.outbox.records import (
    FIRST_RETRY,
    LONGEST_RETRY,
    Refused,
    Status,
    oldest,
    retry_delay,
)
from kiosk.outbox.records import stamp as _stamp
from kiosk.outbox.request import ContactRequest
from kiosk.outbox.schema import (
    COLUMNS,
    DATABASE,
    ENVELOPE_COLUMNS,
    SCHEMA_VERSION,
    Transaction,
    check_and_migrate,
    is_damage,
)
from kiosk.system.clock import doubtful
from kiosk.system.files import write_atomically

log = logging.getLogger("kiosk.outbox")

__all__ = [
    "DATABASE", "FIRST_RETRY", "LONGEST_RETRY", "SCHEMA_VERSION", "DiskFull", "InvalidRequest",
    "Outbox", "OutboxDamaged", "OutboxError", "Refused", "Status", "iter_envelopes",
    "retry_delay",
]  # fmt: skip


class Outbox:
    """Open with `Outbox.open`; one per data folder."""

    def __init__(self, db: sqlite3.Connection, key: PublicKey | None, kiosk_id: str = "",
                 clock: Callable[[], dt.datetime] | None = None) -> None:  # fmt: skip
        self._db = db
        self._key = key
        self._kiosk_id = kiosk_id
        self._clock = clock or _utc_now
        self._closed = False

    @classmethod
    def open(cls, data_dir: Path, public_key: PublicKey | None, kiosk_id: str = "",
             clock: Callable[[], dt.datetime] | None = None) -> Outbox:  # fmt: skip
        """Open (creating or upgrading) the outbox; `public_key` is None for export only.

        Raises OutboxDamaged when the file is not a sound database (see salvage),
        OutboxError for anything else that makes it unusable.
        """
        path = data_dir / DATABASE
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise OutboxError(f"{path}: cannot open the outbox: {exc}") from None
        try:
            check_and_migrate(db, path)
        except sqlite3.DatabaseError as exc:
            db.close()
            if is_damage(exc):
                raise OutboxDamaged(f"{path}: the outbox database is damaged ({exc})") from None
            raise OutboxError(f"{path}: the outbox database is not usable: {exc}") from None
        except OutboxError:
            db.close()
            raise
        return cls(db, public_key, kiosk_id, clock)

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
        now = self._clock()
        created, note = _stamp(now), doubtful(now)
        sealed = seal(request_id, created, request.normalized(), self._key, self._kiosk_id)
        try:
            with self._transaction():
                self._db.execute(
                    "INSERT INTO requests (id, created, sealed, kiosk, clock_note)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (request_id, created, sealed, self._kiosk_id, note),
                )
        except sqlite3.Error as exc:
            full = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            log.error("could not store a contact request: %s", exc)
            if full:
                raise DiskFull("could not store the request: the disk is full") from None
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
            f"SELECT {ENVELOPE_COLUMNS} FROM requests WHERE exported IS NULL ORDER BY created"
        ).fetchall()
        written = []
        for row in rows:
            path = out_dir / f"{row[0]}{SUFFIX}"
            write_atomically(path, envelope(*row), mode=0o600)
            written.append(path)
        now = _stamp(self._clock())
        try:
            with self._transaction():
                self._db.executemany(
                    "UPDATE requests SET exported = ? WHERE id = ?", [(now, r[0]) for r in rows]
                )
        except sqlite3.Error as exc:  # the files are out; they go again next time
            log.warning("exported %d contact requests but could not note it (%s): the next "
                        "export writes them again", len(written), exc)  # fmt: skip
            return written
        log.info("exported %d contact requests", len(written))
        return written

    def due(self, now: dt.datetime) -> list[tuple[str, bytes]]:
        """Requests to send now: (id, envelope file).

        A retry time further ahead than the longest back-off can only come from
        a clock that went back since it was stored: it is due now, not in a year.
        """
        rows = self._db.execute(
            f"SELECT {ENVELOPE_COLUMNS} FROM requests WHERE delivered IS NULL AND refused IS NULL"
            " AND (next_attempt IS NULL OR next_attempt <= ? OR next_attempt > ?)"
            " ORDER BY created",
            (_stamp(now), _stamp(now + LONGEST_RETRY)),
        ).fetchall()
        return [(row[0], envelope(*row)) for row in rows]

    def next_attempt(self, now: dt.datetime) -> dt.datetime | None:
        """When the next request is due, or None; `now` for one a clock set back left behind."""
        row = self._db.execute(
            "SELECT min(coalesce(next_attempt, created)) FROM requests"
            " WHERE delivered IS NULL AND refused IS NULL"
        ).fetchone()
        if not row[0]:
            return None
        when = dt.datetime.fromisoformat(row[0])
        return now if when > now + LONGEST_RETRY else when

    def mark_delivered(self, request_id: str, now: dt.datetime) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE requests SET delivered = ?, last_error = NULL WHERE id = ?",
                (_stamp(now), request_id),
            )

    def mark_failed(self, request_id: str, now: dt.datetime, reason: str = "") -> int:
        """Count a failed attempt and schedule the next; return the attempts so far."""
        with self._transaction():
            (attempts,) = self._db.execute(
                "UPDATE requests SET attempts = attempts + 1, last_error = ? WHERE id = ?"
                " RETURNING attempts",
                (reason, request_id),
            ).fetchone()
            retry = now + retry_delay(attempts)
            self._db.execute(
                "UPDATE requests SET next_attempt = ? WHERE id = ?", (_stamp(retry), request_id)
            )
        return int(attempts)

    def mark_refused(self, request_id: str, now: dt.datetime, reason: str) -> None:
        """The receiver refused it for good: no more attempts; it waits for export."""
        with self._transaction():
            self._db.execute(
                "UPDATE requests SET attempts = attempts + 1, refused = ?, last_error = ?"
                " WHERE id = ?",
                (reason, reason, request_id),
            )

    def refused(self) -> list[Refused]:
        rows = self._db.execute(
            "SELECT id, created, refused, exported IS NOT NULL FROM requests"
            " WHERE refused IS NOT NULL AND delivered IS NULL ORDER BY created"
        ).fetchall()
        return [Refused(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def send_refused_again(self) -> int:
        """After the settings were fixed: try the refused requests again; return how many."""
        with self._transaction():
            cursor = self._db.execute(
                "UPDATE requests SET refused = NULL, next_attempt = NULL"
                " WHERE refused IS NOT NULL AND delivered IS NULL"
            )
        return cursor.rowcount

    def adopt(self, rows: Iterable[Mapping[str, object]]) -> int:
        """Copy requests saved from a damaged outbox in; return how many were new."""
        added = 0
        with self._transaction():
            for row in rows:
                names = [name for name in row if name in COLUMNS]
                cursor = self._db.execute(
                    f"INSERT OR IGNORE INTO requests ({', '.join(names)})"
                    f" VALUES ({', '.join('?' * len(names))})",
                    [row[name] for name in names],
                )
                added += cursor.rowcount
        return added

    def ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM requests")}

    def sealed(self, request_id: str) -> bytes | None:
        row = self._db.execute("SELECT sealed FROM requests WHERE id = ?", (request_id,)).fetchone()
        return bytes(row[0]) if row else None

    def status(self) -> Status:
        pending, exported, delivered, refused, failures = self._db.execute(
            "SELECT"
            " count(*) FILTER (WHERE exported IS NULL AND delivered IS NULL),"
            " count(*) FILTER (WHERE exported IS NOT NULL),"
            " count(*) FILTER (WHERE delivered IS NOT NULL),"
            " count(*) FILTER (WHERE refused IS NOT NULL AND delivered IS NULL),"
            " coalesce(sum(attempts), 0)"
            " FROM requests"
        ).fetchone()
        waiting = self._db.execute(
            "SELECT created, clock_shift FROM requests WHERE exported IS NULL AND delivered IS NULL"
        ).fetchall()
        last = self._db.execute(
            "SELECT last_error FROM requests WHERE delivered IS NULL AND last_error IS NOT NULL"
            " ORDER BY coalesce(next_attempt, created) DESC LIMIT 1"
        ).fetchone()
        return Status(pending, exported, delivered, oldest(waiting), refused, failures,
                      last[0] if last else "")  # fmt: skip

    def note_clock_jump(self, saved_from: dt.datetime, saved_to: dt.datetime,
                        shift: dt.timedelta) -> int:  # fmt: skip
        """The clock was corrected by `shift` after requests saved between the two times (by
        the old clock): note it on each, so their times are read right; return how many."""
        days = shift.total_seconds() / 86400
        note = (f"the kiosk's clock was corrected by {days:+.1f} days after this request was "
                "saved: its time is off by that much")  # fmt: skip
        try:
            with self._transaction():
                cursor = self._db.execute(
                    "UPDATE requests SET clock_shift = clock_shift + ?, clock_note = CASE"
                    " WHEN clock_note = '' THEN ? ELSE clock_note || '; ' || ? END"
                    " WHERE created >= ? AND created <= ?",
                    (round(shift.total_seconds()), note, note, _stamp(saved_from),
                     _stamp(saved_to)),
                )  # fmt: skip
        except sqlite3.Error as exc:
            raise OutboxError(f"could not note the clock's jump on saved requests: {exc}") from None
        return cursor.rowcount

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def _transaction(self) -> Transaction:
        return Transaction(self._db)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
