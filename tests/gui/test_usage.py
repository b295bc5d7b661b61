"""What a patient does is counted once, per day, page and language; "Was this page
helpful?" asks once per page and visit; with counting off, nothing is written at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.services import open_outbox
from kiosk.bridge.walk import find_visible, settle
from kiosk.config import load_config
from kiosk.content.loader import read_bundle
from kiosk.session.idle import ManualClock
from kiosk.usage.store import DATABASE, UsageStore
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import PORTRAIT, find, form_data, tap  # noqa: F401  (a fixture)


def _kiosk(qtbot: QtBot, data_dir: Path, **settings: str) -> Kiosk:
    environ = {**os.environ, "KIOSK_PATHS_DATA_DIR": str(data_dir), "KIOSK_SPEECH_ENGINE": "mock",
               **{f"KIOSK_USAGE_{k.upper()}": v for k, v in settings.items()}}  # fmt: skip
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT), ManualClock(), load_config(None, environ))
    kiosk.window.resize(*PORTRAIT)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    return kiosk


@pytest.fixture
def counting(qtbot: QtBot, form_data: Path) -> Iterator[Kiosk]:  # noqa: F811
    kiosk = _kiosk(qtbot, form_data)
    kiosk.form.attach(open_outbox(form_data))
    yield kiosk
    kiosk.window.close()
    kiosk.form.close()
    kiosk.engine.deleteLater()
    settle()


def _counts(kiosk: Kiosk, data_dir: Path) -> dict[tuple[str, str, str], int]:
    kiosk.usage.close()  # writes what is pending, as the kiosk does when it ends
    store = UsageStore.open(data_dir, read_only=True)
    counts = {(t.event, t.page, t.language): t.count for t in store.totals()}
    store.close()
    return counts


def _a_day_of_visits(kiosk: Kiosk, qtbot: QtBot) -> None:
    """A page read and heard, a glossary card, a link, the whole tour, the form sent in
    Spanish, "I'm done"; then a page left until the idle reset."""
    clock = kiosk.clock
    assert isinstance(clock, ManualClock)
    with qtbot.waitSignal(kiosk.speech.changed, timeout=10_000):
        kiosk.speech.discover()
    kiosk.navigation.home()
    kiosk.navigation.openPage("opioids")
    clock.advance(30)
    kiosk.speech.read("page:opioids", kiosk.content.page("opioids")["spoken"])
    kiosk.navigation.openLink("kiosk:term/0")
    kiosk.navigation.closeTerm()
    kiosk.navigation.openLink("kiosk:page/ketamine")
    clock.advance(3)
    kiosk.navigation.home()
    kiosk.navigation.startTour()
    while kiosk.navigation.nextStep():
        clock.advance(75)
    kiosk.language.choose("es-US")
    kiosk.navigation.openContact()
    assert kiosk.form.submit({"name": "Eli", "phone": "5185550142", "consent": True})["saved"]
    kiosk.session.done()
    kiosk.navigation.openPage("crps")  # read 6 s, then left until the idle reset
    clock.advance(kiosk.config.number("session.idle_seconds") + 6)
    kiosk.session.tick()  # the warning
    clock.advance(kiosk.config.number("session.warning_seconds") + 1)
    kiosk.session.tick()  # and the reset


def test_a_visit_is_counted_event_by_event_and_once(
    counting: Kiosk,
    qtbot: QtBot,
    form_data: Path,  # noqa: F811
) -> None:
    kiosk = counting
    _a_day_of_visits(kiosk, qtbot)

    counts = _counts(kiosk, form_data)

    en, es = "en-US", "es-US"
    assert counts == {
        **{("page opened", page, en): 1 for page in kiosk.result.bundle.tour},
        ("page opened", "opioids", en): 2, ("page opened", "ketamine", en): 2,
        ("page opened", "crps", en): 1,
        ("read under 10 s", "chronic-pain-nervous-system", en): 1,  # the tour's first: 0 s
        **{("read over a minute", page, en): 1 for page in kiosk.result.bundle.tour[1:]},
        ("read 10 to 60 s", "opioids", en): 1, ("read under 10 s", "ketamine", en): 1,
        ("read under 10 s", "crps", en): 1,  # 6 s: the untouched time before the reset is not
        ("read aloud", "opioids", en): 1, ("glossary card opened", "opioids", en): 1,
        ("tour started", "", en): 1, ("tour finished", "", en): 1,
        ("contact form opened", "", es): 1, ("contact request sent", "", es): 1,
        ("reset by I'm done", "", es): 1,  # in the language of the patient who tapped it
        ("reset when idle", "", en): 1,
    }  # fmt: skip


def test_a_tour_left_for_a_linked_page_and_back_is_one_tour(
    counting: Kiosk,
    form_data: Path,  # noqa: F811
) -> None:
    nav = counting.navigation
    nav.home()
    nav.startTour()
    assert nav.openLink("kiosk:page/central-sensitization")
    nav.back()
    assert nav.property("screen") == "tour"
    while nav.nextStep():
        pass
    nav.previousStep()
    nav.nextStep()  # the last step again

    counts = _counts(counting, form_data)
    assert counts[("tour started", "", "en-US")] == 1
    assert counts[("tour finished", "", "en-US")] == 1


def test_helpful_asks_once_per_page_and_visit_with_big_buttons(
    counting: Kiosk,
    form_data: Path,  # noqa: F811
) -> None:
    window = counting.window
    counting.navigation.home()
    counting.navigation.openPage("migraine")
    yes, no = find(window, "helpfulYes"), find(window, "helpfulNo")
    assert min(yes.height(), no.height(), yes.width(), no.width()) >= 88
    assert yes.property("text") == "Yes"
    assert no.property("text") == "Not really"

    tap(window, "helpfulYes")

    assert find(window, "helpfulThanks").property("text") == "Thank you for telling us."
    assert find_visible(window, "helpfulYes") is None
    counting.navigation.openPage("crps")
    tap(window, "helpfulNo")
    counting.navigation.openPage("migraine")  # the same visit: asked once
    settle()
    assert find_visible(window, "helpfulYes") is None
    counting.session.done()
    counting.navigation.home()
    counting.navigation.openPage("migraine")  # the next patient is asked again
    assert find(window, "helpfulYes").isVisible()
    counts = _counts(counting, form_data)
    assert counts[("helpful: yes", "migraine", "en-US")] == 1
    assert counts[("helpful: not really", "crps", "en-US")] == 1


def test_with_counting_off_nothing_is_written_or_asked(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = _kiosk(qtbot, tmp_path, enabled="false")
    kiosk.navigation.home()
    assert "not recorded" in find(kiosk.window, "privacyLine").property("text")
    kiosk.navigation.openPage("migraine")
    settle()
    assert find_visible(kiosk.window, "helpful") is None
    kiosk.session.done()
    kiosk.usage.close()

    assert not (tmp_path / DATABASE).exists()
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


def test_home_says_what_is_counted(counting: Kiosk) -> None:
    counting.navigation.home()
    line = find(counting.window, "privacyLine").property("text")
    assert "We count how often each page is read, never who reads it." in line
