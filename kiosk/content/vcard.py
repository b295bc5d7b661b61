"""The clinic's details as a vCard 3.0, for a patient's phone to save as a contact."""

from __future__ import annotations

from kiosk.content.model import Clinic

CRLF = "\r\n"  # vCard lines end in CRLF (RFC 2426 section 4, RFC 6350 section 3.2)


def escape(value: str) -> str:
    """A text value with backslash, comma, semicolon and line breaks escaped (RFC 6350 3.4)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def clinic_vcard(clinic: Clinic) -> str:
    """Name, address, every phone number, and the web site only if the bundle gives one.

    Nothing else: no hours (a contact has no field for them a phone shows), no invented
    address, and the whole address as the street part of ADR, since the bundle gives it as
    one line and splitting it into town and postcode would be a guess. N is empty: the
    clinic is not a person (FN and ORG carry its name), but vCard 3.0 requires the line.
    Lines are not folded: phones' scanners read long lines, and some mis-join folded ones.
    """
    name = escape(clinic.name)
    lines = ["BEGIN:VCARD", "VERSION:3.0", "N:;;;;", f"FN:{name}", f"ORG:{name}"]
    if clinic.address.strip():
        lines.append(f"ADR;TYPE=WORK:;;{escape(clinic.address)};;;;")
    lines += [f"TEL;TYPE=WORK:{escape(phone.number)}" for phone in clinic.phones]
    website = clinic.website.strip()
    if website and not any(c.isspace() for c in website):
        lines.append(f"URL:{website}")  # a URI value, not text: its commas stay as they are
    lines.append("END:VCARD")
    return CRLF.join(lines) + CRLF
