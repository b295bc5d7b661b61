"""Back, Home and the tour do what a person expects."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.session.navigation import Location, Navigator, Screen, every_location

TOUR = ("a", "b", "c")


@pytest.fixture
def nav() -> Navigator:
    return Navigator(TOUR, pages={"a", "b", "c", "d"}, topics={"t"})


def test_starts_on_the_attract_screen_and_any_move_lands_above_home(nav: Navigator) -> None:
    assert nav.current == Location(Screen.ATTRACT)

    nav.open_topic("t")
    nav.back()

    assert nav.current == Location(Screen.HOME)
    assert not nav.can_go_back


def test_back_retraces_the_way(nav: Navigator) -> None:
    nav.home()
    nav.open_topic("t")
    nav.open_page("d")
    nav.open_link("kiosk:page/a")

    visited = []
    while nav.can_go_back:
        nav.back()
        visited.append(nav.current)

    assert visited == [
        Location(Screen.PAGE, "d"),
        Location(Screen.TOPIC, "t"),
        Location(Screen.HOME),
    ]


def test_home_forgets_the_way_there(nav: Navigator) -> None:
    nav.home()
    nav.open_topic("t")
    nav.open_page("d")

    nav.home()

    assert nav.current == Location(Screen.HOME)
    assert not nav.can_go_back


def test_tour_steps_forward_and_back(nav: Navigator) -> None:
    nav.home()
    nav.start_tour()
    assert nav.next_step()
    assert nav.next_step()
    assert not nav.next_step()
    assert nav.current == Location(Screen.TOUR, "c", 2)

    assert nav.previous_step()
    assert nav.current == Location(Screen.TOUR, "b", 1)
    nav.back()
    assert nav.current == Location(Screen.TOUR, "a", 0)
    assert not nav.previous_step()


def test_tour_back_button_steps_back_after_a_detour(nav: Navigator) -> None:
    nav.home()
    nav.start_tour()
    nav.next_step()
    nav.open_link("kiosk:page/d")
    nav.back()

    assert nav.previous_step()
    assert nav.current == Location(Screen.TOUR, "a", 0)
    nav.back()
    assert nav.current == Location(Screen.HOME)


@pytest.mark.parametrize(
    "link",
    ["https://example.org/", "kiosk:page/missing", "file:///etc/passwd", "kiosk:page/../x", ""],
)
def test_links_outside_the_bundle_go_nowhere(nav: Navigator, link: str) -> None:
    nav.home()

    assert not nav.open_link(link)
    assert nav.current == Location(Screen.HOME)


def test_unknown_topics_and_pages_are_refused(nav: Navigator) -> None:
    nav.home()

    assert not nav.open_topic("nope")
    assert not nav.open_page("nope")
    assert nav.current == Location(Screen.HOME)


def test_reset_leaves_no_history(nav: Navigator) -> None:
    nav.start_tour()
    nav.next_step()

    nav.reset()

    assert nav.current == Location(Screen.ATTRACT)
    assert not nav.can_go_back


def test_an_empty_tour_cannot_start() -> None:
    nav = Navigator((), pages={"a"}, topics=set())
    nav.home()

    assert not nav.start_tour()
    assert nav.current == Location(Screen.HOME)


def test_every_location_can_be_reached(nav: Navigator) -> None:
    locations = every_location(TOUR, pages=["a", "d"], topics=["t"])

    for location in locations:
        assert nav.go_to(location)
        assert nav.current == location

    assert [loc.screen for loc in locations].count(Screen.TOUR) == len(TOUR)
    assert locations[0] == Location(Screen.ATTRACT)
    assert locations[-2] == Location(Screen.CONTACT)
    assert locations[-1] == Location(Screen.STAFF)


@pytest.fixture
def words() -> Navigator:
    nav = Navigator(TOUR, pages={"a", "b", "c", "d"}, topics={"t"}, terms=["0", "1"])
    nav.open_page("d")
    return nav


def test_a_glossary_word_opens_its_card_over_the_page(words: Navigator) -> None:
    assert words.open_link("kiosk:term/1")

    assert words.term == "1"
    assert words.current == Location(Screen.PAGE, "d")
    words.close_term()
    assert words.term == ""


@pytest.mark.parametrize("url", ["kiosk:term/2", "kiosk:term/01", "kiosk:term/x", "kiosk:term/"])
def test_a_word_the_glossary_does_not_have_opens_nothing(words: Navigator, url: str) -> None:
    assert not words.open_link(url)
    assert words.term == ""


@pytest.mark.parametrize(
    "move",
    [
        lambda nav: nav.open_link("kiosk:page/a"),
        lambda nav: nav.open_page("d"),
        lambda nav: nav.back(),
        lambda nav: nav.home(),
        lambda nav: nav.start_tour(),
        lambda nav: nav.open_contact(),
        lambda nav: nav.reset(),
        lambda nav: nav.go_to(Location(Screen.PAGE, "d")),
    ],
)
def test_every_move_and_every_reset_closes_the_card(
    words: Navigator, move: Callable[[Navigator], object]
) -> None:
    words.open_term("0")

    move(words)

    assert words.term == ""


def test_a_tour_step_back_closes_the_card(words: Navigator) -> None:
    words.start_tour()
    words.next_step()
    words.open_term("0")

    assert words.previous_step()
    assert words.term == ""


def test_no_card_opens_on_the_attract_screen() -> None:
    nav = Navigator(TOUR, pages={"a"}, topics=set(), terms=["0"])

    assert not nav.open_term("0")
    assert nav.term == ""
