"""Counting as the kiosk runs: an event costs the screen a dictionary update; a thread of
its own adds a second's worth at a time to the store (kiosk.usage.store), so the kiosk
ending at any moment loses at most the last second of counts.

The thread never dies of a failed write: it logs why, keeps the counts, and tries again a
second later. Counts older than `keep_days` are dropped when it starts and each new day.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import Counter as Tally
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.system.clock import doubtful
from kiosk.usage.events import Event

if TYPE_CHECKING:  # SQLite comes with the first write, after the kiosk's first frame
    from kiosk.usage.store import UsageStore

log = logging.getLogger("kiosk.usage")

EVERY_S = 1.0  # how often counts are written: what a crash may lose
FAILURES_LOGGED = 60  # a write that keeps failing is logged once a minute
KEEP_DAYS = 396  # thirteen months

# A count's place: the day (YYYY-MM-DD), the event, the page ("" for none), the language.
Key = tuple[str, str, str, str]


class UsageCounter:
    """`count` from any thread; `start` the writer, `close` to write the rest and stop."""

    def __init__(
        self,
        data_dir: Path,
        keep_days: int = KEEP_DAYS,
        today: Callable[[], dt.date] = dt.date.today,
        every_s: float = EVERY_S,
    ) -> None:
        self._data_dir, self._keep_days, self._today, self._every_s = (
            data_dir, keep_days, today, every_s)  # fmt: skip
        self._pending: Tally[Key] = Tally()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._store: UsageStore | None = None
        self._forgot_on: dt.date | None = None
        self.written = 0  # counts written so far (for the tests and the log)
        self._failures = 0  # failed writes in a row

    def count(self, event: Event, page: str = "", language: str = "") -> None:
        key = (self._today().isoformat(), event.value, page, language)
        with self._lock:
            self._pending[key] += 1

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="usage counts", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Write what is pending and stop; the kiosk is ending."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            if self._thread.is_alive():  # stuck on the disk: leave the file to it
                log.warning("usage counts: the writer did not stop; the last second is lost")
                return
        else:
            self.write()
        if self._store is not None:
            self._store.close()
            self._store = None

    def _run(self) -> None:
        while not self._stop.wait(self._every_s):
            self.write()
        self.write()

    def write(self) -> bool:
        """Add the pending counts to the store now, each day's totals written whole; False
        if that failed: what was not written stays pending, for the next try."""
        with self._lock:
            taken, self._pending = self._pending, Tally()
        days = sorted({key[0] for key in taken})
        try:
            store = self._opened()
            while days:
                of_day = {key: n for key, n in taken.items() if key[0] == days[0]}
                store.add(of_day)  # all of the day or none of it
                self.written += sum(of_day.values())
                days.pop(0)
        except Exception as exc:  # a full disk, a damaged file: keep them, try again
            self._failed(exc)
            with self._lock:
                self._pending.update({k: n for k, n in taken.items() if k[0] in days})
            return False
        if self._failures:
            log.info("usage counts written again after %d failed tries", self._failures)
            self._failures = 0
        return True

    def _failed(self, exc: Exception) -> None:
        """Say why, the first time and then once a minute; open the file again next time."""
        if self._failures % FAILURES_LOGGED == 0:
            log.warning("usage counts not written (%s): trying again every %g s", exc,
                        self._every_s)  # fmt: skip
        self._failures += 1
        if self._store is not None:
            self._store.close()
            self._store = None  # opened again, and checked, next time

    def _opened(self) -> UsageStore:
        if self._store is None:
            from kiosk.usage.store import UsageStore

            self._store = UsageStore.open(self._data_dir)
        today = self._today()
        if self._forgot_on != today and not doubtful(dt.datetime.combine(today, dt.time(),
                                                                          dt.UTC)):  # fmt: skip
            # (a clock set years ahead must not drop what was counted)
            gone = self._store.forget_before(today - dt.timedelta(days=self._keep_days))
            if gone:
                log.info("usage counts older than %d days dropped (%d)", self._keep_days, gone)
            self._forgot_on = today
        return self._store
