"""A patient's "contact us" request and the plain-language checks on it."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Collection
from dataclasses import asdict, dataclass, field, replace

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


# The choices the form offers, in order, with the words on their buttons.
CONTACT_METHODS = ((ContactMethod.CALL, "Call me"), (ContactMethod.TEXT, "Text me"),
                   (ContactMethod.EMAIL, "Email me"))  # fmt: skip
BEST_TIMES = ((BestTime.MORNING, "Morning"), (BestTime.AFTERNOON, "Afternoon"),
              (BestTime.EVENING, "Evening"), (BestTime.ANY, "Any time"))  # fmt: skip


_REPLY: dict[str, str] = {
    ContactMethod.CALL: "We will call you within one business day.",
    ContactMethod.TEXT: "We will text you within one business day.",
    ContactMethod.EMAIL: "We will email you within one business day.",
}


def thank_you(method: str, phones: Collection[str]) -> str:
    """What the patient reads once the request is saved: how and when the clinic replies."""
    reply = _REPLY.get(method, "We will contact you within one business day.")
    if not phones:
        return reply
    listed = list(phones)
    numbers = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
    return f"{reply} If you need us sooner, call {numbers}."


def form_rules() -> dict[str, object]:
    """What the form must know of these rules: its limits, choices and defaults."""
    return {
        "maxName": MAX_NAME, "maxPhone": MAX_PHONE, "maxEmail": MAX_EMAIL,
        "maxMessage": MAX_MESSAGE,
        "contactMethods": [{"value": str(v), "text": t} for v, t in CONTACT_METHODS],
        "bestTimes": [{"value": str(v), "text": t} for v, t in BEST_TIMES],
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

    def validate(self, known_topics: Collection[str] | None = None) -> dict[str, str]:
        """Field name → what to fix. Empty when the request can be sent."""
        problems: dict[str, str] = {}
        name = self.name.strip()
        if not name:
            problems["name"] = "Please enter your name."
        elif len(name) > MAX_NAME:
            problems["name"] = f"Please shorten your name to {MAX_NAME} letters or fewer."
        phone, email = self.phone.strip(), self.email.strip()
        if not phone and not email:
            problems["phone"] = "Please enter a phone number or an email address."
        if phone and normalize_phone(phone) is None:
            problems["phone"] = "Please enter a 10-digit US phone number, like 518-555-0100."
        if email and (len(email) > MAX_EMAIL or not _EMAIL_RE.match(email)):
            problems["email"] = "Please check your email address, like name@example.com."
        method = self.contact_method
        if method not in ContactMethod.__members__.values():
            problems["contact_method"] = "Please choose call, text or email."
        elif method in (ContactMethod.CALL, ContactMethod.TEXT) and not phone:
            problems.setdefault("phone", f"Please enter a phone number so we can {method} you.")
        elif method == ContactMethod.EMAIL and not email:
            problems.setdefault("email", "Please enter an email address so we can write to you.")
        if self.best_time not in BestTime.__members__.values():
            problems["best_time"] = "Please choose a time of day."
        if known_topics is not None and not set(self.topics) <= set(known_topics):
            problems["topics"] = "Please choose topics from the list."
        if len(self.message) > MAX_MESSAGE:
            problems["message"] = f"Please shorten your message to {MAX_MESSAGE} characters."
        if not self.consent:
            problems["consent"] = "Please tick the box to let the clinic contact you."
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
