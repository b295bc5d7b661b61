"""A damaged outbox: kept aside for IT, a fresh one started, every readable request saved.

Damage (a disk fault, a bad sector, a file overwritten) must not stop the
kiosk taking new requests, nor lose the ones it holds. At start the damaged
file and its WAL are renamed `outbox.damaged-<time>.sqlite3…`; a fresh outbox
is made; every row that can still be read is copied into it, so delivery and
export go on. `kiosk-admin requests export` also reads the files kept aside.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from nacl.public import PublicKey

from kiosk.outbox.envelope import SUFFIX, envelope
from kiosk.outbox.errors import OutboxDamaged
from kiosk.outbox.schema import COLUMNS, DATABASE
from kiosk.outbox.store import Outbox
from kiosk.system.files import write_atomically

log = logging.getLogger("kiosk.outbox")

DAMAGED_PREFIX = "outbox.damaged-"
_COMPANIONS = ("", "-wal", "-shm")


@dataclass(frozen=True)
class Recovered:
    outbox: Outbox
    note: str  # for the staff screen and the log; "" when nothing was wrong


def open_or_recover(data_dir: Path, key: PublicKey | None, kiosk_id: str = "",
                    clock: Callable[[], dt.datetime] | None = None) -> Recovered:  # fmt: skip
    """The outbox, after setting a damaged one aside and saving what it held."""
    try:
        return Recovered(Outbox.open(data_dir, key, kiosk_id, clock), "")
    except OutboxDamaged as exc:
        log.error("%s", exc)
    aside = set_aside(data_dir)
    outbox = Outbox.open(data_dir, key, kiosk_id, clock)
    saved = outbox.adopt(readable_rows(aside))
    note = (f"the outbox database was damaged: it is kept as {aside} for IT, and "
            f"{saved} requests were saved from it into a new one")  # fmt: skip
    log.error("%s", note)
    return Recovered(outbox, note)


def set_aside(data_dir: Path) -> Path:
    """Rename the database with its WAL and shared memory, together; return the new name."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    aside = data_dir / f"{DAMAGED_PREFIX}{stamp}.sqlite3"
    for suffix in _COMPANIONS:
        source = data_dir / (DATABASE + suffix)
        if source.exists():
            source.replace(aside.with_name(aside.name + suffix))
    return aside


def damaged_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob(f"{DAMAGED_PREFIX}*.sqlite3"))


def readable_rows(path: Path) -> Iterator[dict[str, object]]:
    """Every request row that can still be read, walking the table from both ends."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.error("%s: cannot be opened at all: %s", path, exc)
        return
    with closing(db):
        try:
            present = [row[1] for row in db.execute("PRAGMA table_info(requests)")]
        except sqlite3.DatabaseError as exc:
            log.error("%s: its table of requests cannot be read: %s", path, exc)
            return
        columns = [c for c in COLUMNS if c in present]
        select = f"SELECT {', '.join(columns)} FROM requests WHERE rowid = ?"
        for rowid in sorted(_rowids(db, "ASC") | _rowids(db, "DESC")):
            try:
                row = db.execute(select, (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row is not None:
                yield dict(zip(columns, row, strict=True))


def _rowids(db: sqlite3.Connection, order: str) -> set[int]:
    found: set[int] = set()
    try:
        for (rowid,) in db.execute(f"SELECT rowid FROM requests ORDER BY rowid {order}"):
            found.add(rowid)
    except sqlite3.DatabaseError:
        pass  # the walk stops at the damage; the other direction reads past it
    return found


def export_readable(path: Path, out_dir: Path, skip: set[str]) -> list[Path]:
    """Write the sealed file of every readable request in `path` whose id is not in `skip`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for row in readable_rows(path):
        request_id, sealed = str(row["id"]), row.get("sealed")
        if request_id in skip or not isinstance(sealed, bytes):
            continue
        data = envelope(request_id, str(row["created"]), sealed, str(row.get("kiosk") or ""),
                        str(row.get("clock_note") or ""))  # fmt: skip
        target = out_dir / f"{request_id}{SUFFIX}"
        write_atomically(target, data, mode=0o600)
        written.append(target)
        skip.add(request_id)
    return written


def export_everything(data_dir: Path, out_dir: Path) -> list[Path]:
    """What `requests export` and the staff screen write: every request no one has yet.

    From the outbox (marking them exported), or, if it is damaged, every row that
    can still be read from it; then any request found only in a damaged file kept
    aside. Raises OutboxError when the outbox cannot be used for another reason.
    """
    try:
        with Outbox.open(data_dir, public_key=None) as outbox:
            written = outbox.export(out_dir)
            known = outbox.ids()
    except OutboxDamaged as exc:
        log.error("%s; exporting what can still be read from it", exc)
        known = set()
        written = export_readable(data_dir / DATABASE, out_dir, known)
    for damaged in damaged_files(data_dir):
        written += export_readable(damaged, out_dir, known)
    return written
