"""The patient's text size and contrast choices, as QML binds to them."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.session.display import TEXT_SCALES, DisplayChoices

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("the kiosk makes its display bridge")
class DisplayBridge(QObject):
    """Signals: `changed` when text size or contrast changes."""

    changed = Signal()

    def __init__(self, choices: DisplayChoices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    @Property(int, notify=changed)
    def textStep(self) -> int:
        return self._choices.text_step

    @Property(int, constant=True)
    def textSteps(self) -> int:
        return len(TEXT_SCALES)

    @Property(float, notify=changed)
    def textScale(self) -> float:
        return self._choices.text_scale

    @Property(bool, notify=changed)
    def highContrast(self) -> bool:
        return self._choices.high_contrast

    @Slot(int)
    def setTextStep(self, step: int) -> None:
        if self._choices.set_text_step(step):
            self.changed.emit()

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:
        if on != self._choices.high_contrast:
            self._choices.high_contrast = on
            self.changed.emit()

    @Slot()
    def reset(self) -> None:
        self._choices.reset()
        self.changed.emit()
