"""What the outbox reports (its counts, its refused requests) and when it tries again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

FIRST_RETRY = dt.timedelta(seconds=30)
LONGEST_RETRY = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Status:
    pending: int  # neither delivered nor exported: no one at the clinic has it yet
    exported: int
    delivered: int
    oldest_undelivered: str | None  # when the oldest pending one was saved, ISO 8601
    refused: int = 0  # refused for good by the receiver, kept for export
    failures: int = 0  # failed delivery attempts, all requests, ever
    last_error: str = ""  # the latest failure's reason, if a request still waits on it


@dataclass(frozen=True)
class Refused:
    id: str
    created: str
    reason: str
    exported: bool


def retry_delay(attempts: int) -> dt.timedelta:
    """30 s after the first failure, doubling each time, never more than an hour."""
    doubled: dt.timedelta = FIRST_RETRY * 2 ** min(attempts - 1, 16)
    return min(doubled, LONGEST_RETRY)


def stamp(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def oldest(saved: Iterable[tuple[str, int]]) -> str | None:
    """The earliest of (time saved, seconds the clock was off then), corrected; ISO 8601."""
    times = [dt.datetime.fromisoformat(created) + dt.timedelta(seconds=shift)
             for created, shift in saved]  # fmt: skip
    return stamp(min(times)) if times else None
