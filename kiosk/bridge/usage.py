"""What patients use, told to the usage counter (kiosk.usage.counter) as it happens, and
"Was this helpful?" as QML asks it.

It watches the navigation (pages opened and how long each stayed on the screen, the tour,
glossary cards, the contact screen), read-aloud, the form and the session's resets. It
keeps in memory only what the screen on show needs (the page since when, the pages
answered this visit), and forgets that at every reset.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge.navigation import NavigationBridge
from kiosk.usage.counter import UsageCounter
from kiosk.usage.events import Event, read_time

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_PAGE_SCREENS = ("page", "tour")


@QmlElement
@QmlUncreatable("the kiosk makes its usage bridge")
class UsageBridge(QObject):
    """Signals: `answeredChanged` when a page's helpful question is answered or a reset
    clears the answers."""

    answeredChanged = Signal()

    def __init__(
        self,
        counter: UsageCounter | None,
        navigation: NavigationBridge,
        language: Callable[[], str],
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._counter, self._navigation, self._language, self._clock = (
            counter, navigation, language, clock)  # fmt: skip
        self._answered: list[str] = []
        self._page, self._since = "", 0.0  # the page on show, since when
        self._step, self._finished = -1, False  # the tour's step on show (-1: none)
        navigation.changed.connect(self._moved)
        navigation.termChanged.connect(self._term)

    @Property(bool, constant=True)
    def asking(self) -> bool:
        """Whether pages ask "Was this helpful?" (counting is on)."""
        return self._counter is not None

    @Property("QStringList", notify=answeredChanged)
    def answered(self) -> list[str]:
        """The pages answered this visit: each asks once."""
        return self._answered

    @Slot(str, bool)
    def answer(self, page_id: str, helpful: bool) -> None:
        if page_id in self._answered or not page_id:
            return
        self._answered.append(page_id)
        self.count(Event.HELPFUL_YES if helpful else Event.HELPFUL_NO, page_id)
        self.answeredChanged.emit()

    def start(self) -> None:
        """Start writing the counts (once the kiosk shows: kiosk.bridge.services)."""
        if self._counter is not None:
            self._counter.start()

    def close(self) -> None:
        """Write the last counts: the kiosk is ending."""
        if self._counter is not None:
            self._counter.close()

    def count(self, event: Event, page: str = "") -> None:
        if self._counter is not None:
            self._counter.count(event, page, self._language())

    def read_aloud(self, key: str) -> None:
        """Read-aloud started on a screen (`key`: "page:<id>" on a page)."""
        self.count(Event.READ_ALOUD, key.removeprefix("page:") if key.startswith("page:") else "")

    def started_over(self, idle: bool) -> None:
        """The session reset: by the idle timeout, or by "I'm done"."""
        self._left_page()
        self.count(Event.RESET_IDLE if idle else Event.RESET_DONE)

    def reset(self) -> None:
        """Between patients: the answers go (kiosk.session.between_patients)."""
        self._left_page()
        self._step = -1
        if self._answered:
            self._answered = []
            self.answeredChanged.emit()

    def _moved(self) -> None:
        nav = self._navigation
        screen, target = nav.property("screen"), nav.property("target")
        page = target if screen in _PAGE_SCREENS else ""
        if page != self._page:
            self._left_page()
            if page:
                self.count(Event.PAGE_OPENED, page)
                self._page, self._since = page, self._clock()
        step = nav.property("step") if screen == "tour" else -1
        if step == 0 and self._step == -1:
            self.count(Event.TOUR_STARTED)
            self._finished = False
        if step >= 0 and step == nav.property("tourLength") - 1 and not self._finished:
            self.count(Event.TOUR_FINISHED)  # its last step reached
            self._finished = True
        self._step = step
        if screen == "contact":
            self.count(Event.CONTACT_OPENED)

    def _term(self) -> None:
        if self._navigation.property("term"):
            self.count(Event.TERM_OPENED, self._page)

    def _left_page(self) -> None:
        if self._page:
            self.count(read_time(self._clock() - self._since), self._page)
            self._page = ""
