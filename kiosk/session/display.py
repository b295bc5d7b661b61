"""A patient's display choices: text size and contrast, forgotten at reset."""

from __future__ import annotations

from dataclasses import dataclass

TEXT_SCALES = (1.0, 1.25, 1.5)  # the three text sizes a patient can pick


@dataclass
class DisplayChoices:
    text_step: int = 0
    high_contrast: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_step]

    def set_text_step(self, step: int) -> bool:
        """Pick a text size by its index; out-of-range steps are ignored."""
        if not 0 <= step < len(TEXT_SCALES) or step == self.text_step:
            return False
        self.text_step = step
        return True

    def reset(self) -> None:
        self.text_step, self.high_contrast = 0, False
