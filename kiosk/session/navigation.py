"""Where the patient is in the kiosk and how they got there."""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from kiosk.content.glossary import term_key_from_link, term_keys
from kiosk.content.model import Bundle
from kiosk.content.render import page_id_from_link


class Screen(enum.StrEnum):
    ATTRACT = "attract"
    HOME = "home"
    TOPIC = "topic"
    PAGE = "page"
    TOUR = "tour"
    CONTACT = "contact"
    STAFF = "staff"


@dataclass(frozen=True)
class Location:
    screen: Screen
    target: str = ""  # the topic or page shown; for a tour step, its page
    step: int = 0  # the tour step, counted from 0


class Navigator:
    """A history of locations, Home at its root once the patient has started.

    Back returns to the previous location; Home forgets the way there; a tour
    step's Back button steps back through the tour even when the patient jumped
    into it from elsewhere.

    A glossary word's card opens over the screen (`term`, its key) and closes at
    every move, so it never outlives the page it was opened on.
    """

    def __init__(
        self,
        tour: Sequence[str],
        pages: Collection[str],
        topics: Collection[str],
        terms: Collection[str] = (),
    ):
        self.tour = tuple(tour)
        self._pages = frozenset(pages)
        self._topics = frozenset(topics)
        self._terms = frozenset(terms)
        self._history = [Location(Screen.ATTRACT)]
        self.term = ""  # the key of the glossary word whose card is open, or ""

    @classmethod
    def of(cls, bundle: Bundle) -> Navigator:
        """The way round `bundle`: its tour, pages, topics and glossary words."""
        topics = [topic.id for topic in bundle.topics]
        terms = set(term_keys(bundle.glossary))
        for edition in bundle.translations.values():  # each language's glossary has its own
            terms.update(term_keys(edition.glossary))
        return cls(bundle.tour, bundle.pages.keys(), topics, terms)

    @property
    def current(self) -> Location:
        return self._history[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._history) > 1

    def reset(self) -> None:
        """Back to the attract screen with no history: nothing of the last patient."""
        self._history = [Location(Screen.ATTRACT)]
        self.term = ""

    def home(self) -> None:
        self._history = [Location(Screen.HOME)]
        self.term = ""

    def back(self) -> None:
        self.term = ""
        if self.can_go_back:
            self._history.pop()

    def open_topic(self, topic_id: str) -> bool:
        return topic_id in self._topics and self._push(Location(Screen.TOPIC, topic_id))

    def open_page(self, page_id: str) -> bool:
        return page_id in self._pages and self._push(Location(Screen.PAGE, page_id))

    def open_link(self, url: str) -> bool:
        """Follow a link from a page: to another page, or a glossary word's card over this
        one. Anything but a page or term of this bundle is ignored."""
        term = term_key_from_link(url)
        if term is not None:
            return self.open_term(term)
        page_id = page_id_from_link(url)
        return page_id is not None and self.open_page(page_id)

    def open_term(self, key: str) -> bool:
        if key not in self._terms or self.current.screen is Screen.ATTRACT:
            return False
        self.term = key
        return True

    def close_term(self) -> None:
        self.term = ""

    def open_contact(self) -> bool:
        return self._push(Location(Screen.CONTACT))

    def open_staff(self) -> bool:
        """The PIN pad, reached by the hidden gesture on the attract screen."""
        return self._push(Location(Screen.STAFF))

    def start_tour(self) -> bool:
        return bool(self.tour) and self._push(self._step(0))

    def next_step(self) -> bool:
        here = self.current
        if here.screen is not Screen.TOUR or here.step + 1 >= len(self.tour):
            return False
        return self._push(self._step(here.step + 1))

    def previous_step(self) -> bool:
        here = self.current
        if here.screen is not Screen.TOUR or here.step == 0:
            return False
        self.term = ""
        before = self._step(here.step - 1)
        if len(self._history) > 1 and self._history[-2] == before:
            self._history.pop()
        else:
            self._history[-1] = before
        return True

    def go_to(self, location: Location) -> bool:
        """Jump straight to `location` with Home behind it, as if walked there."""
        if location.screen is Screen.ATTRACT:
            self.reset()
            return True
        self.home()
        if location.screen is Screen.TOUR:
            if not 0 <= location.step < len(self.tour):
                return False
            self._history.append(self._step(location.step))
            return True
        moves = {
            Screen.HOME: lambda: True,
            Screen.TOPIC: lambda: self.open_topic(location.target),
            Screen.PAGE: lambda: self.open_page(location.target),
            Screen.CONTACT: self.open_contact,
            Screen.STAFF: self.open_staff,
        }
        return moves[location.screen]()

    def _step(self, step: int) -> Location:
        return Location(Screen.TOUR, self.tour[step], step)

    def _push(self, location: Location) -> bool:
        self.term = ""
        if self.current.screen is Screen.ATTRACT:
            self._history = [Location(Screen.HOME)]
        if location != self.current:
            self._history.append(location)
        return True


def every_location(
    tour: Sequence[str], pages: Sequence[str], topics: Sequence[str]
) -> list[Location]:
    """Every place a patient can reach, in the order a careful visitor would go."""
    return [
        Location(Screen.ATTRACT),
        Location(Screen.HOME),
        *(Location(Screen.TOPIC, topic) for topic in topics),
        *(Location(Screen.PAGE, page) for page in pages),
        *(Location(Screen.TOUR, page, step) for step, page in enumerate(tour)),
        Location(Screen.CONTACT),
        Location(Screen.STAFF),
    ]
