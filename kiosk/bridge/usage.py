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
        idle_s: float = 0.0,
    ) -> None:
        """`idle_s`: how long after the last touch an idle reset comes."""
        super().__init__(parent)
        self._counter, self._navigation, self._language, self._clock = (
            counter, navigation, language, clock)  # fmt: skip
        self._idle_s = idle_s
        self._answered: list[str] = []
        # The page on show: its id, its language, since when.
        self._page, self._page_language, self._since = "", "", 0.0
        self._touring, self._finished = False, False  # a tour begun, and its end reached
        if counter is not None:  # (counting off: a page switch costs nothing here)
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

    def count(self, event: Event, page: str = "", language: str = "") -> None:
        if self._counter is not None:
            self._counter.count(event, page, language or self._language())

    def read_aloud(self, key: str) -> None:
        """Read-aloud started on a screen (`key`: "page:<id>" on a page)."""
        self.count(Event.READ_ALOUD, key.removeprefix("page:") if key.startswith("page:") else "")

    def starting_over(self, idle: bool) -> None:
        """A reset begins (by the idle timeout, or "I'm done"), in the patient's language:
        the page on show was read until their last touch."""
        self._left_page(self._idle_s if idle else 0.0)
        self.count(Event.RESET_IDLE if idle else Event.RESET_DONE)

    def reset(self) -> None:
        """Between patients: the answers go (kiosk.session.between_patients)."""
        self._left_page()
        self._touring = False
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
                self._page, self._page_language = page, self._language()
                self._since = self._clock()
                self.count(Event.PAGE_OPENED, page, self._page_language)
        self._follow_tour(screen, nav.property("step"), nav.property("tourLength"))
        if screen == "contact":
            self.count(Event.CONTACT_OPENED)

    def _follow_tour(self, screen: str, step: int, steps: int) -> None:
        """Started: its first step shown, not already on it (Back from a page the tour
        linked to comes back to it); finished: its last step reached, once a tour."""
        if screen in ("home", "attract", "topic"):
            self._touring = False
        elif screen == "tour" and not self._touring:
            self._touring, self._finished = True, False
            self.count(Event.TOUR_STARTED)
        if screen == "tour" and step == steps - 1 and not self._finished:
            self._finished = True
            self.count(Event.TOUR_FINISHED)

    def _term(self) -> None:
        if self._navigation.property("term"):
            self.count(Event.TERM_OPENED, self._page)

    def _left_page(self, idle_s: float = 0.0) -> None:
        """The page on show leaves it: how long it was read (less `idle_s` untouched)."""
        if self._page:
            seconds = max(0.0, self._clock() - self._since - idle_s)
            self.count(read_time(seconds), self._page, self._page_language)
            self._page = ""
