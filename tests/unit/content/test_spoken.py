"""What Listen reads: a page in the order the screen shows it, and numbers as digits."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.loader import read_bundle
from kiosk.content.model import Clinic, Phone
from kiosk.content.spoken import clinic_sentences, for_the_voice, page_sentences
from tests.conftest import SAMPLE_CONTENT


def test_a_page_is_read_title_summary_key_points_then_each_block_and_the_crisis_line() -> None:
    result = read_bundle(Path(SAMPLE_CONTENT))
    assert result.bundle is not None
    page = result.bundle.pages["opioids"]

    said = page_sentences(page, result.rendered["opioids"], "Key points", crisis="Call 988.")

    assert said[:4] == [page.title, page.summary, "Key points",
                        "Over time, the same dose may do less."]  # fmt: skip
    assert said.index("Stay safe with opioids") < said.index("Do not stop suddenly on your own.")
    assert said[-1] == "Call 988."
    assert all("<" not in sentence for sentence in said)  # words, never markup


def test_the_contact_page_reads_the_clinic_after_its_title() -> None:
    result = read_bundle(Path(SAMPLE_CONTENT))
    assert result.bundle is not None
    page, clinic = result.bundle.pages["contact"], result.bundle.clinic

    said = page_sentences(page, result.rendered["contact"], "Key points", clinic)

    assert said[:4] == [page.title, clinic.name, clinic.address, clinic.phones[0].number]


def test_a_labelled_phone_is_read_with_its_label() -> None:
    clinic = Clinic("Clinic", "1 Main St", (Phone("(518) 672-3050", "Front desk"),), "Mon–Fri")
    assert clinic_sentences(clinic) == ["Clinic", "1 Main St", "Front desk: (518) 672-3050",
                                        "Mon–Fri"]  # fmt: skip


def test_phone_numbers_go_to_the_voice_digit_by_digit() -> None:
    assert for_the_voice("Call (518) 672-3050 today.") == "Call 5 1 8, 6 7 2, 3 0 5 0 today."
    assert for_the_voice("Call 1-800-662-4357.") == "Call 1, 8 0 0, 6 6 2, 4 3 5 7."
    assert for_the_voice("In 2021, 3 in 4 people.") == "In 2021, 3 in 4 people."


def test_windows_sapi_hears_markup_as_words_not_as_its_own_xml() -> None:
    sentence = 'Pain & mood <pitch absmiddle="10"/> feed each other.'

    assert for_the_voice(sentence, "sapi") == (
        'Pain &amp; mood &lt;pitch absmiddle="10"/&gt; feed each other.'
    )
    assert for_the_voice(sentence, "speechd") == sentence  # plain text there
