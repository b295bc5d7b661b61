"""The clinic's vCard: what a patient's phone saves, escaped so no detail runs into another,
and nothing the bundle does not say."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.loader import load_bundle
from kiosk.content.model import Clinic, Phone
from kiosk.content.vcard import clinic_vcard, escape
from tests.conftest import SAMPLE_CONTENT

SAMPLE_CARD = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:;;;;\r\n"
    "FN:Libertas Mind\r\n"
    "ORG:Libertas Mind\r\n"
    "ADR;TYPE=WORK:;;963 Route 146\\, Suite 1\\, Clifton Park\\, NY 12065;;;;\r\n"
    "TEL;TYPE=WORK:(518) 672-3050\r\n"
    "TEL;TYPE=WORK:(518) 240-4310\r\n"
    "END:VCARD\r\n"
)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def unescape(value: str) -> str:
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def properties(card: str) -> list[str]:
    """Each line's property name, parameters left off."""
    assert card.endswith("\r\n")
    lines = card.removesuffix("\r\n").split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in lines)
    return [re.split(r"[;:]", line, maxsplit=1)[0] for line in lines]


def test_the_sample_clinic_card() -> None:
    assert clinic_vcard(load_bundle(SAMPLE_CONTENT).clinic) == SAMPLE_CARD


@pytest.mark.parametrize(
    ("value", "escaped"),
    [("Suite 1, Albany", "Suite 1\\, Albany"), ("Pain; care", "Pain\\; care"),
     ("C:\\clinic", "C:\\\\clinic"), ("1 Main St\nAlbany", "1 Main St\\nAlbany"),
     ("1 Main St\r\nAlbany", "1 Main St\\nAlbany"), ("1 Main St\rAlbany", "1 Main St\\nAlbany"),
     ("\\,", "\\\\\\,"), ("Clínica Niño", "Clínica Niño")],
)  # fmt: skip
def test_commas_semicolons_backslashes_and_line_breaks_are_escaped(
    value: str, escaped: str
) -> None:
    assert escape(value) == escaped


@given(st.text())
def test_an_escaped_value_reads_back_and_never_splits_a_line_or_a_field(value: str) -> None:
    escaped = escape(value)

    assert unescape(escaped) == value.replace("\r\n", "\n").replace("\r", "\n")
    assert "\n" not in escaped
    assert "\r" not in escaped
    assert not re.search(r"(?<!\\)(?:\\\\)*[,;]", escaped)  # every , and ; has its backslash


def test_every_phone_in_order_and_only_what_the_bundle_gives() -> None:
    clinic = Clinic(
        name="North; South, Clinic",
        address="2 Elm Street, Troy, NY 12180\nBuilding B",
        phones=(
            Phone("(518) 555-0100", "Front desk"),
            Phone("518-555-0101"),
            Phone("+1 518 555 0102", "Nurse line"),
        ),
        hours="Monday to Friday, 8 to 5",
    )
    card = clinic_vcard(clinic)

    assert properties(card) == ["BEGIN", "VERSION", "N", "FN", "ORG", "ADR",
                                "TEL", "TEL", "TEL", "END"]  # fmt: skip
    assert re.findall(r"^TEL;TYPE=WORK:(.*)$", card, re.MULTILINE) == [
        "(518) 555-0100\r",
        "518-555-0101\r",
        "+1 518 555 0102\r",
    ]
    assert "FN:North\\; South\\, Clinic\r\n" in card
    assert "ADR;TYPE=WORK:;;2 Elm Street\\, Troy\\, NY 12180\\nBuilding B;;;;\r\n" in card
    for not_in_it in ("URL", "http", "Monday", "Front desk", "Nurse line", "EMAIL"):
        assert not_in_it not in card


def test_a_web_site_only_when_the_bundle_gives_one() -> None:
    base = Clinic(name="Test Clinic", address="1 Main Street", phones=(Phone("555-0100"),))
    with_site = Clinic(**{**base.__dict__, "website": "https://example.org/a,b"})
    with_bad_site = Clinic(**{**base.__dict__, "website": "https://example.org/\nEMAIL:x"})

    assert "URL" not in properties(clinic_vcard(base))
    assert properties(clinic_vcard(with_site))[-2:] == ["URL", "END"]
    assert "URL:https://example.org/a,b\r\n" in clinic_vcard(with_site)  # a URI: not escaped
    assert "URL" not in properties(clinic_vcard(with_bad_site))  # no line of its own smuggled in


def test_a_clinic_without_an_address_gets_no_empty_adr() -> None:
    clinic = Clinic(name="Test Clinic", address=" ", phones=(Phone("555-0100"),))

    assert properties(clinic_vcard(clinic)) == ["BEGIN", "VERSION", "N", "FN", "ORG", "TEL",
                                                "END"]  # fmt: skip
