"""What the kiosk forgets when a patient leaves (the idle reset, or "I'm done"), in order.

Each part forgets its share: the screens with their fields, keyboard and way back;
the text size and contrast; whatever reached the clipboard. Then the idle timer
rests until the next patient's first touch. Nothing of one patient reaches the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kiosk.session.idle import IdlePolicy


class Forgets(Protocol):
    def reset(self) -> None: ...


@dataclass(frozen=True)
class BetweenPatients:
    parts: Sequence[Forgets]
    idle: IdlePolicy

    def start_over(self) -> None:
        for part in self.parts:
            part.reset()
        self.idle.pause()
