"""The counts on disk: totals per day, event, page and language, and nothing else."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from kiosk.usage.counter import UsageCounter
from kiosk.usage.events import Event
from kiosk.usage.store import COLUMNS, DAMAGED_PREFIX, DATABASE, UsageError, UsageStore

DAY = dt.date(2026, 11, 2)


def _rows(data_dir: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(data_dir / DATABASE)) as db:
        return db.execute("SELECT * FROM counts ORDER BY 1, 2, 3, 4").fetchall()


def test_counts_add_up_per_day_event_page_and_language(tmp_path: Path) -> None:
    store = UsageStore.open(tmp_path)
    store.add({("2026-11-02", "page opened", "crps", "en-US"): 2})
    store.add({("2026-11-02", "page opened", "crps", "en-US"): 3,
               ("2026-11-02", "page opened", "crps", "es-US"): 1})  # fmt: skip

    totals = store.totals()
    store.close()

    assert [(t.page, t.language, t.count) for t in totals] == [
        ("crps", "en-US", 5), ("crps", "es-US", 1)]  # fmt: skip


def test_old_days_are_dropped_and_a_span_is_read_whole(tmp_path: Path) -> None:
    store = UsageStore.open(tmp_path)
    for day in ("2025-10-01", "2025-11-02", "2026-11-01", "2026-11-02"):
        store.add({(day, "page opened", "crps", "en-US"): 1})

    gone = store.forget_before(DAY - dt.timedelta(days=396))
    shown = [t.day.isoformat() for t in store.totals(dt.date(2025, 1, 1), dt.date(2026, 11, 1))]
    store.close()

    assert gone == 1
    assert shown == ["2025-11-02", "2026-11-01"]


def test_a_damaged_file_is_set_aside_and_counting_starts_again(tmp_path: Path) -> None:
    (tmp_path / DATABASE).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)

    store = UsageStore.open(tmp_path)
    store.add({("2026-11-02", "page opened", "crps", "en-US"): 1})
    store.close()

    assert len(list(tmp_path.glob(f"{DAMAGED_PREFIX}*.sqlite3"))) == 1
    assert len(_rows(tmp_path)) == 1


def test_a_report_of_a_kiosk_that_never_counted_says_so(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no usage counts here"):
        UsageStore.open(tmp_path, read_only=True)


def test_the_file_holds_totals_per_day_and_nothing_that_joins_a_visit(tmp_path: Path) -> None:
    """Two patients' visits, counted as the kiosk counts them: what is on disk is one
    total per day, event, page and language; no visit id, no time of day, no order."""
    counter = UsageCounter(tmp_path, today=lambda: DAY)
    for visit in (["crps", "ketamine", "opioids"], ["opioids", "crps"]):
        for page in visit:
            counter.count(Event.PAGE_OPENED, page, "en-US")
            counter.count(Event.READ_10_TO_60_S, page, "en-US")
            counter.write()  # a second's worth at a time, as the kiosk writes
        counter.count(Event.RESET_DONE)
        counter.write()

    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        columns = tuple(r[1] for r in db.execute("PRAGMA table_info(counts)"))
        with pytest.raises(sqlite3.OperationalError):
            db.execute("SELECT rowid FROM counts")  # no insertion order to read back
    beside = sorted(p.name for p in tmp_path.iterdir())  # while the kiosk has it open
    counter.close()
    rows = _rows(tmp_path)
    assert tables == ["counts"]
    assert columns == COLUMNS
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(row[0])) for row in rows)
    assert ("2026-11-02", "page opened", "crps", "en-US", 2) in rows
    assert ("2026-11-02", "reset by I'm done", "", "", 2) in rows
    assert len(rows) == 7  # 3 pages, 2 events each, + the resets: totals, not visits
    assert beside == [DATABASE]  # no log or journal of what changed together


def _file_after(data_dir: Path, visits: list[list[str]]) -> bytes:
    counter = UsageCounter(data_dir, today=lambda: DAY)
    for visit in visits:
        for page in visit:
            counter.count(Event.PAGE_OPENED, page, "en-US")
            counter.write()
    counter.close()
    data = bytearray((data_dir / DATABASE).read_bytes())
    data[24:28] = bytes(4)  # the change counter: how many writes, not what they were
    data[92:96] = bytes(4)  # and its copy
    return bytes(data)


def test_the_same_totals_make_the_same_file_whatever_order_they_came_in(
    tmp_path: Path,
) -> None:
    """Byte for byte: nothing in the file says which page one visit read first."""
    one = _file_after(tmp_path / "a", [["crps", "ketamine", "opioids"], ["opioids"]])
    other = _file_after(tmp_path / "b", [["opioids", "opioids", "ketamine"], ["crps"]])

    assert one == other
    day_start = dt.datetime.combine(DAY, dt.time()).timestamp()
    assert (tmp_path / "a" / DATABASE).stat().st_mtime == day_start  # no time of day


def test_a_report_after_the_kiosk_ended_mid_write_reads_the_last_totals(
    tmp_path: Path,
) -> None:
    """The kiosk killed during a write leaves its journal (a read-only reader cannot undo
    it): the report undoes it and reads the totals as last written."""
    import shutil

    kiosk, copy = tmp_path / "kiosk", tmp_path / "copy"
    store = UsageStore.open(kiosk)
    store.add({("2026-11-02", "page opened", f"p{n}", "en-US"): 3 for n in range(2000)})
    store.close()
    with contextlib.closing(sqlite3.connect(kiosk / DATABASE, isolation_level=None)) as db:
        db.execute("PRAGMA cache_size=2")  # so the write reaches the file before its commit
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE counts SET count = count + 1")
        shutil.copytree(kiosk, copy)  # the folder as a kill at this moment leaves it
        db.execute("ROLLBACK")
    assert (copy / f"{DATABASE}-journal").exists()

    report = UsageStore.open(copy, read_only=True)
    total = sum(t.count for t in report.totals())
    report.close()

    assert total == 6000
