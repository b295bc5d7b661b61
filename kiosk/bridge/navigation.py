"""The Navigator, as QML drives it: the screen to show and the moves a patient makes."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.session.navigation import Location, Navigator, Screen

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_SCREENS = {screen.name.lower(): screen.value for screen in Screen}  # QML reads it often


@QmlElement
@QmlUncreatable("the kiosk makes its navigation bridge")
class NavigationBridge(QObject):
    """Signals: `changed` after every move that changes the location; `termChanged` when a
    glossary word's card opens or closes."""

    changed = Signal()
    termChanged = Signal()

    def __init__(self, navigator: Navigator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nav = navigator
        self._term = ""

    def _after(self, moved: bool = True) -> bool:
        if moved:
            self.changed.emit()
        if self._nav.term != self._term:  # every move closes the card
            self._term = self._nav.term
            self.termChanged.emit()
        return moved

    @Property(str, notify=changed)
    def screen(self) -> str:
        """One of `screens`' values."""
        return self._nav.current.screen.value

    @Property("QVariantMap", constant=True)
    def screens(self) -> dict[str, str]:
        """The Screen enum for QML: `navigation.screens.attract`, never a bare string."""
        return _SCREENS

    @Property(str, notify=changed)
    def target(self) -> str:
        return self._nav.current.target

    @Property(int, notify=changed)
    def step(self) -> int:
        return self._nav.current.step

    @Property(int, constant=True)
    def tourLength(self) -> int:
        return len(self._nav.tour)

    @Property(bool, notify=changed)
    def canGoBack(self) -> bool:
        return self._nav.can_go_back

    @Property(str, notify=termChanged)
    def term(self) -> str:
        """The key of the glossary word whose card is open over the screen, or ""."""
        return self._term

    @property
    def location(self) -> Location:
        """Where the patient is."""
        return self._nav.current

    def follow(self, navigator: Navigator, at: Location | None = None) -> None:
        """Navigate new content from now on (the kiosk swapped bundles at a reset): from
        its start, or from `at` (an author's preview keeps its place), Home if it is gone."""
        self._nav = navigator
        if at is not None and not navigator.go_to(at):
            navigator.home()
        self._after()

    def go_to(self, location: Location) -> bool:
        """For the self-test and screenshots: show `location` at once."""
        return self._after(self._nav.go_to(location))

    @Slot()
    def home(self) -> None:
        self._nav.home()
        self._after()

    @Slot()
    def back(self) -> None:
        self._nav.back()
        self._after()

    @Slot()
    def reset(self) -> None:
        self._nav.reset()
        self._after()

    @Slot(str, result=bool)
    def openTopic(self, topic_id: str) -> bool:
        return self._after(self._nav.open_topic(topic_id))

    @Slot(str, result=bool)
    def openPage(self, page_id: str) -> bool:
        return self._after(self._nav.open_page(page_id))

    @Slot(str, result=bool)
    def openLink(self, url: str) -> bool:
        """A link in a page: another page, or a glossary word's card over this one."""
        opened = self._nav.open_link(url)
        self._after(opened and not self._nav.term)  # a card is not a move
        return opened

    @Slot(str, result=bool)
    def openTerm(self, key: str) -> bool:
        """A glossary word's card, from the list of words on a page."""
        opened = self._nav.open_term(key)
        self._after(False)
        return opened

    @Slot()
    def closeTerm(self) -> None:
        self._nav.close_term()
        self._after(False)

    @Slot(result=bool)
    def openContact(self) -> bool:
        return self._after(self._nav.open_contact())

    @Slot(result=bool)
    def openStaff(self) -> bool:
        return self._after(self._nav.open_staff())

    @Slot(result=bool)
    def startTour(self) -> bool:
        return self._after(self._nav.start_tour())

    @Slot(result=bool)
    def nextStep(self) -> bool:
        return self._after(self._nav.next_step())

    @Slot(result=bool)
    def previousStep(self) -> bool:
        return self._after(self._nav.previous_step())
