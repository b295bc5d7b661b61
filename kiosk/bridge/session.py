"""The idle policy, as the window feeds it and QML shows it: warning, countdown, reset."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge.display import DisplayBridge
from kiosk.bridge.navigation import NavigationBridge
from kiosk.session.between_patients import BetweenPatients, Forgets
from kiosk.session.idle import IdlePolicy, IdleState
from kiosk.session.navigation import Screen

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.session")

TICK_MS = 250  # how often the countdown is checked: a reset comes well within a second


@QmlElement
@QmlUncreatable("the kiosk makes its session bridge")
class SessionBridge(QObject):
    """Signals: `changed` when the warning shows, hides or counts down; `startingOver(idle)`
    as a reset begins, before anything is forgotten: by the idle timeout, or by "I'm
    done"."""

    changed = Signal()
    startingOver = Signal(bool)

    def __init__(
        self,
        policy: IdlePolicy,
        navigation: NavigationBridge,
        display: DisplayBridge,
        parent: QObject | None = None,
        also_forget: Sequence[Forgets] = (),
    ) -> None:
        super().__init__(parent)
        self._policy = policy
        self._navigation = navigation
        self._display = display
        self._warning = False
        self._seconds_left = 0
        self._input_events: frozenset[QEvent.Type] = frozenset()
        self._window: QObject | None = None
        self._watching = False
        # What else the patient left (read-aloud: the reading and its pace), then the screens
        # (with their fields and keyboard), the display choices, the clipboard.
        parts = (*also_forget, navigation, display, _Clipboard())
        self._between = BetweenPatients(parts, policy)
        navigation.changed.connect(self._follow_navigation)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def watch(self, window: QObject) -> None:
        """Feed this window's touches and keys to the policy while a patient is here.

        The filter is on only between the first tap and the reset: on the
        attract screen there is nobody to time, and start-up stays quick.
        """
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every touch, click and key press counts as the patient being here."""
        if not self._input_events:  # built on first use: start-up need not pay for it
            kinds = QEvent.Type
            self._input_events = frozenset(
                {kinds.MouseButtonPress, kinds.TouchBegin, kinds.TouchUpdate,
                 kinds.KeyPress, kinds.Wheel, kinds.TabletPress}
            )  # fmt: skip
        if event.type() in self._input_events:
            self._policy.touched()
            if self._warning:
                self.tick()
                # A key pressed at the warning answers it and does nothing else.
                return event.type() == QEvent.Type.KeyPress
        return False

    @Property(bool, notify=changed)
    def warning(self) -> bool:
        return self._warning

    @Property(int, notify=changed)
    def secondsLeft(self) -> int:
        return self._seconds_left

    @Slot()
    def tick(self) -> None:
        state = self._policy.state()
        if state is IdleState.EXPIRED:
            log.info("no touch for a while: the kiosk starts over")
            self.reset(idle=True)
            return
        warning = state is IdleState.WARNING
        seconds = self._policy.seconds_left() if warning else 0
        if (warning, seconds) != (self._warning, self._seconds_left):
            self._warning, self._seconds_left = warning, seconds
            self.changed.emit()

    @Slot()
    def stillHere(self) -> None:
        self._policy.touched()
        self.tick()

    @Slot()
    def done(self) -> None:
        """The patient tapped "I'm done": start over at once."""
        self.reset()

    def reset(self, idle: bool = False) -> None:
        """Everything back to how the next patient should find it (see BetweenPatients)."""
        self.startingOver.emit(idle)
        self._between.start_over()
        self._warning, self._seconds_left = False, 0
        self.changed.emit()

    def _follow_navigation(self) -> None:
        screen = self._navigation.property("screen")
        if screen == Screen.ATTRACT:
            self._policy.pause()
            self._set_watching(False)
            return
        if self._policy.paused:
            self._policy.resume()
        self._set_watching(True)
        self._policy.set_on_form(screen == Screen.CONTACT)

    def _set_watching(self, on: bool) -> None:
        if self._window is None or on == self._watching:
            return
        if on:
            self._window.installEventFilter(self)
        else:
            self._window.removeEventFilter(self)
        self._watching = on


class _Clipboard:
    """Selected text may have reached the system clipboard: it goes too."""

    def reset(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
