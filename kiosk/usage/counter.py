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

from kiosk.usage.events import Event

if TYPE_CHECKING:  # SQLite comes with the first write, after the kiosk's first frame
    from kiosk.usage.store import UsageStore

log = logging.getLogger("kiosk.usage")

EVERY_S = 1.0  # how often counts are written: what a crash may lose
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
        """Add the pending counts to the store now; False (they stay pending) if it failed."""
        with self._lock:
            taken, self._pending = self._pending, Tally()
        try:
            store = self._opened()
            if taken:
                store.add(taken)
                self.written += sum(taken.values())
            return True
        except Exception as exc:  # a full disk, a damaged file: keep them, try again
            log.warning("usage counts not written (%s): trying again in %g s", exc,
                        self._every_s)  # fmt: skip
            with self._lock:
                self._pending.update(taken)
            if self._store is not None:
                self._store.close()
                self._store = None  # open it again, checked, next time
            return False

    def _opened(self) -> UsageStore:
        if self._store is None:
            from kiosk.usage.store import UsageStore

            self._store = UsageStore.open(self._data_dir)
        today = self._today()
        if self._forgot_on != today:
            gone = self._store.forget_before(today - dt.timedelta(days=self._keep_days))
            if gone:
                log.info("usage counts older than %d days dropped (%d)", self._keep_days, gone)
            self._forgot_on = today
        return self._store
