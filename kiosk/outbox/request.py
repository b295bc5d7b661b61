"""A patient's "contact us" request and the plain-language checks on it."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Collection
from dataclasses import asdict, dataclass, field, replace

from kiosk.i18n.catalogue import DEFAULT, Catalogue, catalogue

MAX_NAME = 100
MAX_MESSAGE = 500
MAX_EMAIL = 254
MAX_PHONE = 20  # room for "(518) 555-0142 ext. 12"

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


class ContactMethod(enum.StrEnum):
    CALL = "call"
    TEXT = "text"
    EMAIL = "email"


class BestTime(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    ANY = "any"


ENGLISH = catalogue(DEFAULT)


def contact_methods(words: Catalogue) -> list[tuple[ContactMethod, str]]:
    """The ways the form offers to be reached, in order, with the words on their buttons."""
    return [(ContactMethod.CALL, words.translate("ContactRequest", "Call me")),
            (ContactMethod.TEXT, words.translate("ContactRequest", "Text me")),
            (ContactMethod.EMAIL, words.translate("ContactRequest", "Email me"))]  # fmt: skip


def best_times(words: Catalogue) -> list[tuple[BestTime, str]]:
    return [(BestTime.MORNING, words.translate("ContactRequest", "Morning")),
            (BestTime.AFTERNOON, words.translate("ContactRequest", "Afternoon")),
            (BestTime.EVENING, words.translate("ContactRequest", "Evening")),
            (BestTime.ANY, words.translate("ContactRequest", "Any time"))]  # fmt: skip


def _reply(method: str, words: Catalogue) -> str:
    if method == ContactMethod.CALL:
        return words.translate("ContactRequest", "We will call you within one business day.")
    if method == ContactMethod.TEXT:
        return words.translate("ContactRequest", "We will text you within one business day.")
    if method == ContactMethod.EMAIL:
        return words.translate("ContactRequest", "We will email you within one business day.")
    return words.translate("ContactRequest", "We will contact you within one business day.")


def thank_you(method: str, phones: Collection[str], words: Catalogue = ENGLISH) -> str:
    """What the patient reads once the request is saved: how and when the clinic replies."""
    reply = _reply(method, words)
    listed = list(phones)
    if not listed:
        return reply
    numbers = listed[0]
    for number in listed[1:-1]:
        numbers = words.translate("ContactRequest", "{first}, {next}").format(
            first=numbers, next=number
        )
    if len(listed) > 1:
        numbers = words.translate("ContactRequest", "{first} or {last}").format(
            first=numbers, last=listed[-1]
        )
    sooner = words.translate("ContactRequest", "If you need us sooner, call {numbers}.")
    return f"{reply} {sooner.format(numbers=numbers)}"


def form_rules(words: Catalogue = ENGLISH) -> dict[str, object]:
    """What the form must know of these rules: its limits, choices and defaults."""
    return {
        "maxName": MAX_NAME, "maxPhone": MAX_PHONE, "maxEmail": MAX_EMAIL,
        "maxMessage": MAX_MESSAGE,
        "contactMethods": [{"value": str(v), "text": t} for v, t in contact_methods(words)],
        "bestTimes": [{"value": str(v), "text": t} for v, t in best_times(words)],
        "defaultMethod": str(ContactMethod.CALL), "defaultTime": str(BestTime.ANY),
    }  # fmt: skip


@dataclass(frozen=True)
class ContactRequest:
    """What a patient typed; `validate()` says what to fix, in plain words."""

    name: str
    phone: str = ""
    email: str = ""
    contact_method: str = ContactMethod.CALL
    best_time: str = BestTime.ANY
    topics: tuple[str, ...] = field(default_factory=tuple)
    message: str = ""
    consent: bool = False
    language: str = DEFAULT  # the language the patient used: the clinic answers in it

    def validate(
        self, known_topics: Collection[str] | None = None, words: Catalogue = ENGLISH
    ) -> dict[str, str]:
        """Field name → what to fix, in `words`' language. Empty when it can be sent."""
        problems: dict[str, str] = {}
        name, phone, email = self.name.strip(), self.phone.strip(), self.email.strip()
        if not name:
            problems["name"] = words.translate("ContactRequest", "Please enter your name.")
        elif len(name) > MAX_NAME:
            problems["name"] = words.translate(
                "ContactRequest", "Please shorten your name to {count} letters or fewer."
            ).format(count=MAX_NAME)
        if not phone and not email:
            problems["phone"] = words.translate(
                "ContactRequest", "Please enter a phone number or an email address."
            )
        if phone and normalize_phone(phone) is None:
            problems["phone"] = words.translate(
                "ContactRequest", "Please enter a 10-digit US phone number, like 518-555-0100."
            )
        if email and (len(email) > MAX_EMAIL or not _EMAIL_RE.match(email)):
            problems["email"] = words.translate(
                "ContactRequest", "Please check your email address, like name@example.com."
            )
        problems.update(self._method_problems(phone, email, problems, words))
        problems.update(self._choice_problems(known_topics, words))
        return problems

    def _method_problems(
        self, phone: str, email: str, found: dict[str, str], words: Catalogue
    ) -> dict[str, str]:
        method = self.contact_method
        if method not in ContactMethod.__members__.values():
            return {
                "contact_method": words.translate(
                    "ContactRequest", "Please choose call, text or email."
                )
            }
        if (
            method in (ContactMethod.CALL, ContactMethod.TEXT)
            and not phone
            and "phone" not in found
        ):
            if method == ContactMethod.CALL:
                return {
                    "phone": words.translate(
                        "ContactRequest", "Please enter a phone number so we can call you."
                    )
                }
            return {
                "phone": words.translate(
                    "ContactRequest", "Please enter a phone number so we can text you."
                )
            }
        if method == ContactMethod.EMAIL and not email and "email" not in found:
            return {
                "email": words.translate(
                    "ContactRequest", "Please enter an email address so we can write to you."
                )
            }
        return {}

    def _choice_problems(
        self, known_topics: Collection[str] | None, words: Catalogue
    ) -> dict[str, str]:
        problems = {}
        if self.best_time not in BestTime.__members__.values():
            problems["best_time"] = words.translate(
                "ContactRequest", "Please choose a time of day."
            )
        if known_topics is not None and not set(self.topics) <= set(known_topics):
            problems["topics"] = words.translate(
                "ContactRequest", "Please choose topics from the list."
            )
        if len(self.message) > MAX_MESSAGE:
            problems["message"] = words.translate(
                "ContactRequest", "Please shorten your message to {count} characters."
            ).format(count=MAX_MESSAGE)
        if not self.consent:
            problems["consent"] = words.translate(
                "ContactRequest", "Please tick the box to let the clinic contact you."
            )
        return problems

    def normalized(self) -> ContactRequest:
        """The same request with spaces trimmed and the phone number in one format."""
        phone = self.phone.strip()
        return replace(
            self,
            name=" ".join(self.name.split()),
            phone=normalize_phone(phone) or phone,
            email=self.email.strip(),
            message=self.message.strip(),
            topics=tuple(self.topics),
        )

    def to_json(self) -> bytes:
        data = asdict(self)
        data["topics"] = list(self.topics)
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ContactRequest:
        topics = data.get("topics", [])
        return cls(
            name=str(data["name"]),
            phone=str(data.get("phone", "")),
            email=str(data.get("email", "")),
            contact_method=str(data.get("contact_method", ContactMethod.CALL)),
            best_time=str(data.get("best_time", BestTime.ANY)),
            topics=tuple(str(t) for t in topics) if isinstance(topics, list) else (),
            message=str(data.get("message", "")),
            consent=bool(data.get("consent", False)),
            language=str(data.get("language", DEFAULT)),
        )


def normalize_phone(text: str) -> str | None:
    """A US number in any common format as (518) 555-0100; None if it is not one."""
    digits = re.sub(r"\D", "", text)
    if re.search(r"[^\d\s().+-]", text):
        return None
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        return None
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
