"""Deliver sealed requests in the background, whatever the receiver does.

Only sealed envelopes leave the kiosk. Each carries the request id so the
receiver can drop duplicates (the `Idempotency-Key` header, the e-mail
`Message-ID`): a crash between sending and marking may send a request twice,
never lose it. A failed request waits 30 s, then twice as long each time, up
to an hour; one the receiver refuses for good waits for export. The worker
outlives every error: it logs the reason and tries again.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.outbox.errors import OutboxError
from kiosk.outbox.store import FIRST_RETRY, LONGEST_RETRY, Outbox
from kiosk.outbox.targets import DeliveryError
from kiosk.system.net import describe

log = logging.getLogger("kiosk.outbox")

Clock = Callable[[], dt.datetime]
Send = Callable[[str, bytes], None]
IDLE_CHECK = 60.0  # seconds between looks at an outbox with nothing due


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def deliver_due(outbox: Outbox, send: Send, now: dt.datetime) -> int:
    """Send every request that is due; return how many were delivered.

    Whatever one request's attempt raises is that request's failure: the
    others are still tried.
    """
    delivered = 0
    for request_id, sealed_file in outbox.due(now):
        try:
            send(request_id, sealed_file)
        except DeliveryError as exc:
            _failed(outbox, request_id, now, str(exc), exc.permanent)
            continue
        except Exception as exc:  # a bug or a reply nobody foresaw: still only a failure
            log.exception("request %s: unexpected failure while sending", request_id)
            _failed(outbox, request_id, now, describe(exc), permanent=False)
            continue
        outbox.mark_delivered(request_id, now)
        delivered += 1
        log.info("request %s delivered", request_id)
    return delivered


def _failed(outbox: Outbox, request_id: str, now: dt.datetime, reason: str,
            permanent: bool) -> None:  # fmt: skip
    if permanent:
        outbox.mark_refused(request_id, now, reason)
        log.error("request %s will not be sent again: %s; it waits for export to USB",
                  request_id, reason)  # fmt: skip
        return
    attempts = outbox.mark_failed(request_id, now, reason)
    log.warning("request %s not delivered (attempt %d): %s", request_id, attempts, reason)


class DeliveryWorker:
    """A background thread with its own database connection; never blocks the screen.

    Its waits are on the monotonic clock, so a wall clock set a year forward or
    back neither stalls nor hurries it beyond the stored retry times (which the
    outbox clamps).
    """

    def __init__(self, data_dir: Path, send: Send, clock: Clock = utc_now) -> None:
        self._data_dir = data_dir
        self._send = send
        self._clock = clock
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="delivery", daemon=True)
        self._pause = FIRST_RETRY.total_seconds()

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """A new request was saved: look now rather than at the next scheduled time."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        outbox: Outbox | None = None
        while not self._stop.is_set():
            try:
                if outbox is None:
                    outbox = Outbox.open(self._data_dir, public_key=None)
                deliver_due(outbox, self._send, self._clock())
                wait = self._seconds_to_wait(outbox)
                self._pause = FIRST_RETRY.total_seconds()
            except Exception as exc:  # the database, the disk, a bug: pause, never end
                wait = self._pause
                self._pause = min(self._pause * 2, LONGEST_RETRY.total_seconds())
                reason = str(exc) if isinstance(exc, OutboxError) else describe(exc)
                log.error("delivery paused for %d s: %s", wait, reason,
                          exc_info=not isinstance(exc, OutboxError))  # fmt: skip
                if outbox is not None:
                    outbox.close()
                    outbox = None
            self._wake.wait(wait)
            self._wake.clear()
        if outbox is not None:
            outbox.close()

    def _seconds_to_wait(self, outbox: Outbox) -> float:
        due = outbox.next_attempt(self._clock())
        if due is None:
            return IDLE_CHECK
        return max(0.0, min(IDLE_CHECK, (due - self._clock()).total_seconds()))
