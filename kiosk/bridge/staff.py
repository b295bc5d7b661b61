"""The staff screen, as QML drives it: the PIN pad, the kiosk's state, staff actions.

What each does is kiosk.session.staff_console's; this converts and forwards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge.navigation import NavigationBridge
from kiosk.content.model import Bundle
from kiosk.session.navigation import Screen
from kiosk.session.staff_console import Answer, StaffConsole

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("the kiosk makes its staff bridge")
class StaffBridge(QObject):
    """Signals: `changed` when the pad opens or closes, a message shows, or state is
    refreshed; `restartRequested` to show new content; `exitRequested` for Exit."""

    changed = Signal()
    exitRequested = Signal()
    restartRequested = Signal()

    def __init__(self, console: StaffConsole, navigation: NavigationBridge,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.console = console
        self._message = ""
        self._state: dict[str, Any] = {}
        navigation.changed.connect(lambda: self._leave_if(navigation.property("screen")))

    @Property(bool, notify=changed)
    def unlocked(self) -> bool:
        return self.console.unlocked

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property("QVariantMap", notify=changed)
    def state(self) -> dict[str, Any]:
        return self._state

    def show_bundle(self, bundle: Bundle) -> None:
        """New content was swapped in: nothing to keep from the old (the console asks)."""
        self.console.preview = None

    @Slot(str)
    def tryPin(self, pin: str) -> None:
        self._message = self.console.sign_in(pin)
        if self.console.unlocked:
            self.refresh()
        self.changed.emit()

    @Slot()
    def refresh(self) -> None:
        if self.console.unlocked:
            self._state = self.console.state()
            self.changed.emit()

    @Slot(str)
    def exportTo(self, folder: str) -> None:
        if self.console.unlocked:
            self._answer(self.console.export_to(folder))

    @Slot(str)
    def exportUsageTo(self, folder: str) -> None:
        if self.console.unlocked:
            self._answer(self.console.export_usage_to(folder))

    @Slot(str)
    def previewUpdate(self, path: str) -> None:
        """Show what installing `path` would change; installing is a second tap."""
        if self.console.unlocked:
            self._answer(self.console.show_changes(path))

    @Slot()
    def installPreviewed(self) -> None:
        if self.console.unlocked:
            self._answer(self.console.install_shown())

    @Slot()
    def rollBack(self) -> None:
        if self.console.unlocked:
            self._answer(self.console.roll_back())

    @Slot()
    def restart(self) -> None:
        if self.console.unlocked:
            self.console.record("restart kiosk")
            self.restartRequested.emit()

    @Slot()
    def exitKiosk(self) -> None:
        if self.console.unlocked:
            self.console.record("exit kiosk")
            self.exitRequested.emit()

    def _answer(self, answer: Answer) -> None:
        self._message = answer.message
        if answer.restart:
            self.changed.emit()
            self.restartRequested.emit()
            return
        self.refresh()
        self.changed.emit()

    def _leave_if(self, screen: str) -> None:
        """Leaving the staff screen (Home, Back, idle reset) locks it again."""
        if screen != Screen.STAFF and (self.console.unlocked or self._message):
            self.console.lock()
            self._message, self._state = "", {}
            self.changed.emit()
