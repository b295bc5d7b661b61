"""The sample bundle shipped in content/ is complete, clean and easy to read."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.content import Bundle, load_bundle
from kiosk.content.validate import validate
from tests.conftest import SAMPLE_CONTENT

REQUIRED_PAGES = {
    "welcome",
    "chronic-pain-nervous-system",
    "central-sensitization",
    "pain-and-mood",
    "opioids",
    "ketamine",
    "fibromyalgia",
    "crps",
    "migraine",
    "nerve-blocks",
    "questions",
    "sources",
    "contact",
}


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle(SAMPLE_CONTENT)


def _text(bundle: Bundle, page_id: str) -> str:
    return bundle.pages[page_id].body


def test_sample_validates_with_no_errors_or_warnings(bundle: Bundle) -> None:
    newest_review = max(page.last_reviewed for page in bundle.pages.values())

    report = validate(SAMPLE_CONTENT, today=newest_review + dt.timedelta(days=30))

    assert [str(p) for p in report.problems] == []
    assert {p.id for p in report.pages} == REQUIRED_PAGES
    assert all(p.grade <= 8 and p.words <= 500 for p in report.pages)


def test_every_required_page_is_there_and_reviewed(bundle: Bundle) -> None:
    assert set(bundle.pages) == REQUIRED_PAGES
    for page in bundle.pages.values():
        assert page.reviewed_by == "Clinic medical staff"
        assert page.last_reviewed <= dt.date.today()


def test_the_tour_walks_the_basics_and_ends_at_contact(bundle: Bundle) -> None:
    assert bundle.tour == (
        "chronic-pain-nervous-system",
        "central-sensitization",
        "pain-and-mood",
        "opioids",
        "ketamine",
        "contact",
    )


def test_condition_pages_are_reached_from_home(bundle: Bundle) -> None:
    on_home = {page for topic in bundle.topics for page in topic.pages}

    assert {"fibromyalgia", "crps", "migraine", "nerve-blocks"} <= on_home


def test_clinic_details_come_from_the_seed(bundle: Bundle) -> None:
    assert bundle.clinic.address == "963 Route 146, Suite 1, Clifton Park, NY 12065"
    assert [p.number for p in bundle.clinic.phones] == ["(518) 672-3050", "(518) 240-4310"]


def test_mood_pages_and_contact_show_the_crisis_line(bundle: Bundle) -> None:
    with_crisis = {p.id for p in bundle.pages.values() if p.show_crisis_line}

    assert with_crisis == {"pain-and-mood", "opioids", "contact"}
    assert "988" in bundle.notices.crisis
    assert "911" in bundle.notices.crisis
    assert bundle.notices.disclaimer == (
        "This is general information, not medical advice. Talk with your provider."
    )


def test_sources_page_lists_every_reference(bundle: Bundle) -> None:
    assert set(bundle.pages["sources"].references) == set(bundle.references)
    assert len(bundle.references) >= 9


def test_numbers_are_given_as_people_understand_them(bundle: Bundle) -> None:
    mood = _text(bundle, "pain-and-mood")
    assert "60 to 85 out of every 100" in mood
    assert "6 to 8 out of 10" in mood
    migraine = _text(bundle, "migraine")
    for figure in ("169", "4 in 10 (40%)", "8 in 10 (80%)", "61", "3 in 4 people (77%)", "28 days"):
        assert figure in migraine


def test_ketamine_is_called_off_label_for_pain_and_mood(bundle: Bundle) -> None:
    for page_id in ("ketamine", "migraine"):
        assert "off-label" in _text(bundle, page_id)


def test_no_website_leftovers(bundle: Bundle) -> None:
    everything = " ".join(page.body for page in bundle.pages.values()).lower()

    for leftover in ("lorem ipsum", "optimized360", "patient portal", "all rights reserved"):
        assert leftover not in everything


def test_glossary_defines_the_medical_terms(bundle: Bundle) -> None:
    for term in (
        "NMDA receptor",
        "central sensitization",
        "tolerance",
        "off-label",
        "infusion",
        "nerve block",
    ):
        assert bundle.glossary[term].endswith(".")
