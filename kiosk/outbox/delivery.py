"""Deliver sealed requests in the background, whatever the receiver does.

Only sealed envelopes leave the kiosk. Each carries the request id so the
receiver can drop duplicates (the `Idempotency-Key` header, the e-mail
`Message-ID`): a crash between sending and marking may send a request twice,
never lose it. A failed request waits 30 s, then twice as long each time, up
to an hour, and the others wait with it; one the receiver refuses for good
waits for export. The worker outlives every error: it logs the reason and
tries again.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.outbox.errors import OutboxError
from kiosk.outbox.records import FIRST_RETRY, LONGEST_RETRY, retry_delay
from kiosk.outbox.store import Outbox
from kiosk.outbox.targets import DeliveryError
from kiosk.system.net import describe

log = logging.getLogger("kiosk.outbox")

Clock = Callable[[], dt.datetime]
Send = Callable[[str, bytes], None]
IDLE_CHECK = 60.0  # seconds between looks at an outbox with nothing due
DEADLINE = 60.0  # seconds one attempt may take in all


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Round:
    delivered: int
    pause: float | None = None  # seconds until the receiver is tried again, after a failure


def deliver_due(outbox: Outbox, send: Send, now: dt.datetime) -> int:
    """Send what is due, oldest first; return how many were delivered."""
    return deliver_round(outbox, send, now).delivered


def deliver_round(outbox: Outbox, send: Send, now: dt.datetime) -> Round:
    """Send what is due, oldest first, until the receiver fails to take one.

    Whatever an attempt raises is that request's failure, never the worker's. A
    receiver that fails (down, slow, misconfigured) ends the round: the others
    wait for the retry rather than each spending a timeout on it. A permanent
    refusal of one request does not: the next is tried.
    """
    delivered = 0
    for request_id, sealed_file in outbox.due(now):
        try:
            send(request_id, sealed_file)
        except DeliveryError as exc:
            attempts = _failed(outbox, request_id, now, str(exc), exc.permanent)
            if exc.permanent:
                continue
            return Round(delivered, retry_delay(attempts).total_seconds())
        except Exception as exc:  # a bug or a reply nobody foresaw: still only a failure
            log.exception("request %s: unexpected failure while sending", request_id)
            attempts = _failed(outbox, request_id, now, describe(exc), permanent=False)
            return Round(delivered, retry_delay(attempts).total_seconds())
        outbox.mark_delivered(request_id, now)
        delivered += 1
        log.info("request %s delivered", request_id)
    return Round(delivered)


def _failed(outbox: Outbox, request_id: str, now: dt.datetime, reason: str,
            permanent: bool) -> int:  # fmt: skip
    if permanent:
        outbox.mark_refused(request_id, now, reason)
        log.error("request %s will not be sent again: %s; it waits for export to USB",
                  request_id, reason)  # fmt: skip
        return 0
    attempts = outbox.mark_failed(request_id, now, reason)
    log.warning("request %s not delivered (attempt %d): %s", request_id, attempts, reason)
    return attempts


def within(send: Send, seconds: float) -> Send:
    """`send`, given up on after `seconds` in all, however slowly the receiver trickles.

    A socket timeout bounds each read, not the whole reply. The attempt left
    behind may still finish: then the request arrives twice, and the receiver
    drops the repeat by its id.
    """

    def bounded(request_id: str, sealed_file: bytes) -> None:
        failure: list[BaseException] = []

        def attempt() -> None:
            try:
                send(request_id, sealed_file)
            except BaseException as exc:  # handed to the caller below
                failure.append(exc)

        thread = threading.Thread(target=attempt, name="delivery-attempt", daemon=True)
        thread.start()
        thread.join(seconds)
        if thread.is_alive():
            raise DeliveryError(f"no complete answer within {seconds:g} s")
        if failure:
            raise failure[0]

    return bounded


class DeliveryWorker:
    """A background thread with its own database connection; never blocks the screen.

    Its waits are on the monotonic clock, so a wall clock set a year forward or
    back neither stalls nor hurries it beyond the stored retry times (which the
    outbox clamps).
    """

    def __init__(self, data_dir: Path, send: Send, clock: Clock = utc_now,
                 deadline: float = DEADLINE) -> None:  # fmt: skip
        self._data_dir = data_dir
        self._send = within(send, deadline)
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
                done = deliver_round(outbox, self._send, self._clock())
                wait = self._seconds_to_wait(outbox, done.pause)
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

    def _seconds_to_wait(self, outbox: Outbox, pause: float | None) -> float:
        if pause is not None:  # the receiver failed: give it its back-off
            return min(IDLE_CHECK, pause)
        due = outbox.next_attempt(self._clock())
        if due is None:
            return IDLE_CHECK
        return max(0.0, min(IDLE_CHECK, (due - self._clock()).total_seconds()))
