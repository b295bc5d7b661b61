"""When a patient has walked away: idle time, then a warning, then a reset."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config import Config

Clock = Callable[[], float]  # seconds, only ever compared: time.monotonic in the app

READING_IDLE = 120.0  # seconds without a touch on the reading screens
FORM_IDLE = 90.0  # shorter on the contact form: it may hold someone's details
WARNING = 30.0  # the "Are you still there?" countdown; WCAG 2.2.1 asks for at least 20


class IdleState(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleTimes:
    reading: float = READING_IDLE
    form: float = FORM_IDLE
    warning: float = WARNING

    @classmethod
    def of(cls, config: Config) -> IdleTimes:
        """The times the settings give (`[session]`); they are checked when loaded."""
        return cls(config.number("session.idle_seconds"),
                   config.number("session.form_idle_seconds"),
                   config.number("session.warning_seconds"))  # fmt: skip

    def __post_init__(self) -> None:
        if self.warning < 20:
            raise ValueError("the warning must last at least 20 seconds (WCAG 2.2.1)")
        if min(self.reading, self.form) <= 0:
            raise ValueError("idle times must be positive")


class IdlePolicy:
    """Tracks the last touch; says whether to warn, and when to reset.

    Nothing is timed while `paused` (the attract screen: there is nobody to
    protect). A touch at any time, the warning included, starts over.
    """

    def __init__(self, clock: Clock, times: IdleTimes | None = None) -> None:
        self._clock = clock
        self.times = times or IdleTimes()
        self._last_touch = clock()
        self._on_form = False
        self.paused = True

    def touched(self) -> None:
        self._last_touch = self._clock()

    def set_on_form(self, on_form: bool) -> None:
        self._on_form = on_form

    def resume(self) -> None:
        """A patient started: time them from now."""
        self.paused = False
        self.touched()

    def pause(self) -> None:
        self.paused = True

    @property
    def idle_limit(self) -> float:
        return self.times.form if self._on_form else self.times.reading

    def state(self) -> IdleState:
        if self.paused:
            return IdleState.ACTIVE
        idle = self._clock() - self._last_touch
        if idle >= self.idle_limit + self.times.warning:
            return IdleState.EXPIRED
        if idle >= self.idle_limit:
            return IdleState.WARNING
        return IdleState.ACTIVE

    def seconds_left(self) -> int:
        """Whole seconds until the reset, for the countdown (rounded up)."""
        idle = self._clock() - self._last_touch
        left = self.idle_limit + self.times.warning - idle
        return max(0, int(-(-left // 1)))


class ManualClock:
    """Seconds that move only when told: the self-test, screenshots and tests use it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
