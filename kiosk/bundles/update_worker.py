"""When to check for content updates, on a thread of its own, so a fleet never checks at once.

The first check waits a random time (up to `content.start_delay_minutes`);
each next one comes after `content.check_minutes`, give or take 10 %; after
failures the wait doubles, up to four times the interval. Waits are on the
monotonic clock, so a wall clock set a year forward or back changes nothing.
A failure is logged at WARNING when the outcome changes, not at every check.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable

from kiosk.bundles.updates import UpdateCheck

log = logging.getLogger("kiosk.bundles")

JITTER = 0.10
MAX_BACK_OFF = 4  # times the interval


def next_wait(every: float, failures: int, rng: random.Random) -> float:
    """Seconds until the next check after `failures` failed checks in a row."""
    factor = min(2**failures, MAX_BACK_OFF) if failures else 1
    return every * factor * rng.uniform(1 - JITTER, 1 + JITTER)


class UpdateWorker:
    """Checks after a random start delay, then every `every` seconds (jittered)."""

    def __init__(
        self,
        check: Callable[[], UpdateCheck],
        every: float = 3600.0,
        start_delay: float = 900.0,
        rng: random.Random | None = None,
    ) -> None:
        self._check = check
        self._every = every
        self._rng = rng or random.Random()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="updates", daemon=True)
        self._last: UpdateCheck | None = None
        self.failures = 0
        self.first_wait = self._rng.uniform(0, start_delay)  # seconds before the first check

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        wait = self.first_wait
        while not self._stop.wait(wait):
            try:
                result = self._check()
            except Exception as exc:  # never let one bad check end the updates for good
                log.exception("content update check failed")
                result = UpdateCheck("failed", f"{type(exc).__name__}: {exc}")
            self._report(result)
            self.failures = 0 if result.ok else self.failures + 1
            wait = next_wait(self._every, self.failures, self._rng)

    def _report(self, result: UpdateCheck) -> None:
        """Log what changed: an install, a new failure, a recovery; not the same line hourly."""
        before, self._last = self._last, result
        if result.outcome == "installed":
            log.info("content update installed: %s; it shows on the attract screen", result.detail)
        elif not result.ok and not result.same_as(before):
            log.warning("content update check did not work: %s", result.describe())
        elif result.ok and before is not None and not before.ok:
            log.info("content update checks work again: %s", result.describe())
