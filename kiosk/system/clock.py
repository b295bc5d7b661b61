"""The wall clock of a small PC that may have no clock battery and no network time.

Waits use the monotonic clock; times that are stored or shown use the wall
clock, and this notes when a wall-clock time cannot be trusted: before this
version of the app existed, or after the clock jumped while the kiosk ran.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

# No kiosk of this version ran before this day: an earlier time is a clock never set.
EARLIEST = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LATEST = EARLIEST + dt.timedelta(days=365 * 30)
JUMP = dt.timedelta(minutes=10)  # more drift than this between the two clocks is a jump

WallClock = Callable[[], dt.datetime]
Monotonic = Callable[[], float]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO 8601 time as stored, or None if there is none or it is not one."""
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def doubtful(when: dt.datetime) -> str:
    """Why the wall-clock time `when` cannot be right, or "" when it may be."""
    if EARLIEST <= when <= LATEST:
        return ""
    return (f"the kiosk's clock read {when:%Y-%m-%d %H:%M} UTC, which cannot be right: "
            "set its clock (or turn on network time)")  # fmt: skip


@dataclass(frozen=True)
class Jump:
    """The wall clock moved by `shift`; times saved from `since` to `until` (by the clock as
    it was) are off by that much, if the clock is right now."""

    shift: dt.timedelta
    since: dt.datetime
    until: dt.datetime


class ClockWatch:
    """Notices when the wall clock jumps against the monotonic one (a late correction)."""

    def __init__(self, wall: WallClock = utc_now, monotonic: Monotonic = time.monotonic) -> None:
        self._wall, self._monotonic = wall, monotonic
        self._wall0, self._mono0 = wall(), monotonic()
        self._since = self._wall0  # when the clock as it is now began (start, or last jump)

    def jump(self) -> Jump | None:
        """How far the wall clock jumped since the last look, if it did; then look afresh."""
        wall, mono = self._wall(), self._monotonic()
        expected = self._wall0 + dt.timedelta(seconds=mono - self._mono0)
        self._wall0, self._mono0 = wall, mono
        if abs(wall - expected) <= JUMP:
            return None
        found = Jump(wall - expected, self._since, expected)
        self._since = wall
        return found
