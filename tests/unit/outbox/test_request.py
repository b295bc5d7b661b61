"""Validation speaks plainly and keeps what was typed; phones come out one way."""

from __future__ import annotations

import pytest

from kiosk.outbox.request import normalize_phone
from tests.unit.outbox.conftest import a_request


def test_a_complete_request_is_valid() -> None:
    assert a_request().validate({"conditions", "medicines"}) == {}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "Please enter your name."),
        ({"name": "x" * 101}, "name", "100 letters or fewer"),
        ({"phone": "", "email": ""}, "phone", "a phone number or an email address"),
        ({"phone": "555-0142"}, "phone", "10-digit US phone number"),
        ({"phone": "018-555-0142"}, "phone", "10-digit US phone number"),
        ({"phone": "518-555-014x"}, "phone", "10-digit US phone number"),
        ({"email": "ana@"}, "email", "check your email address"),
        ({"email": "ana example.org"}, "email", "check your email address"),
        ({"phone": "", "contact_method": "call"}, "phone", "so we can call you"),
        ({"phone": "", "contact_method": "text"}, "phone", "so we can text you"),
        ({"email": "", "contact_method": "email"}, "email", "so we can write to you"),
        ({"contact_method": "fax"}, "contact_method", "call, text or email"),
        ({"best_time": "midnight"}, "best_time", "time of day"),
        ({"topics": ("astrology",)}, "topics", "from the list"),
        ({"message": "x" * 501}, "message", "500 characters"),
        ({"consent": False}, "consent", "tick the box"),
    ],
)
def test_each_mistake_is_named_in_plain_words(
    changes: dict[str, object], field: str, words: str
) -> None:
    problems = a_request(**changes).validate({"conditions"})

    assert words in problems[field]


def test_a_message_of_exactly_500_characters_is_fine() -> None:
    assert a_request(message="x" * 500).validate() == {}


@pytest.mark.parametrize(
    "typed",
    ["518-555-0142", "(518) 555-0142", "518.555.0142", "5185550142", "+1 518 555 0142",
     "1-518-555-0142", " (518)555-0142 "],
)  # fmt: skip
def test_us_phone_numbers_in_any_common_format(typed: str) -> None:
    assert normalize_phone(typed) == "(518) 555-0142"


def test_normalizing_trims_and_formats_without_losing_anything() -> None:
    request = a_request(name="  Ana   Núñez ", phone="518.555.0142", message=" Hello \n")

    normal = request.normalized()

    assert (normal.name, normal.phone, normal.message) == ("Ana Núñez", "(518) 555-0142", "Hello")
    assert normal.email == request.email


def test_the_form_takes_its_limits_and_choices_from_the_rules() -> None:
    from kiosk.outbox.request import MAX_MESSAGE, MAX_NAME, form_rules

    rules = form_rules()

    assert (rules["maxName"], rules["maxMessage"]) == (MAX_NAME, MAX_MESSAGE)
    assert [c["value"] for c in rules["contactMethods"]] == ["call", "text", "email"]  # type: ignore[attr-defined]
    assert [c["text"] for c in rules["bestTimes"]] == [  # type: ignore[attr-defined]
        "Morning", "Afternoon", "Evening", "Any time",
    ]  # fmt: skip
    assert (rules["defaultMethod"], rules["defaultTime"]) == ("call", "any")


@pytest.mark.parametrize(
    ("method", "phones", "said"),
    [("text", ["(518) 672-3050"], "We will text you within one business day. If you need us "
      "sooner, call (518) 672-3050."),
     ("call", ["1", "2", "3"], "We will call you within one business day. If you need us "
      "sooner, call 1, 2 or 3."),
     ("email", [], "We will email you within one business day.")],
)  # fmt: skip
def test_the_thank_you_is_a_whole_sentence_for_each_way(
    method: str, phones: list[str], said: str
) -> None:
    from kiosk.outbox.request import thank_you

    assert thank_you(method, phones) == said
