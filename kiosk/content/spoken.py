"""What the read-aloud voice says for a page or the clinic's details, sentence by sentence,
in the order the screen shows them; and how a sentence is put to the voice."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from kiosk.content.model import Clinic, Page
from kiosk.content.plaintext import Pictures, html_to_text, in_english
from kiosk.content.readability import sentences
from kiosk.content.render import RenderedPage

# A phone number as the clinic writes it: (518) 672-3050, 518-672-3050, 1-800-662-4357.
_PHONE_RE = re.compile(r"(?<!\w)(?:1-)?\(?\d{3}\)?[ .-]?\d{3}-\d{4}(?!\w)")


def _lines(texts: Iterable[str]) -> list[str]:
    return [sentence for text in texts if text for sentence in sentences(text)]


def page_sentences(page: Page, rendered: RenderedPage, key_points: str,
                   clinic: Clinic | None = None, crisis: str = "",
                   pictures: Pictures = in_english) -> list[str]:  # fmt: skip
    """In the order a tall screen shows them: the title (then the clinic's details, on the
    contact page), the summary, the key points (under `key_points`, their box's heading),
    each block (a box's title before its words, each picture's alt text), and `crisis`,
    the crisis line, where the page shows it."""
    said = _lines([page.title])
    if clinic is not None:
        said += clinic_sentences(clinic)
    said += _lines([page.summary])
    if page.key_points:
        said += _lines([key_points, *page.key_points])
    for block in rendered.blocks:
        said += _lines([block.title, html_to_text(block.html, pictures)])
    return said + _lines([crisis])


def clinic_sentences(clinic: Clinic) -> list[str]:
    """The clinic's name, address, each phone number (with its label) and opening hours."""
    phones = [f"{phone.label}: {phone.number}" if phone.label else phone.number
              for phone in clinic.phones]  # fmt: skip
    return _lines([clinic.name, clinic.address, *phones, clinic.hours])


SAPI = "sapi"  # Qt's name for the Windows speech engine that parses XML


def for_the_voice(sentence: str, engine: str = "") -> str:
    """The sentence as the voice is given it: a phone number digit by digit, in its groups
    ("5 1 8, 6 7 2, 3 0 5 0"), not as "five hundred and eighteen". Windows' SAPI engine
    reads its text as XML, so there `&`, `<` and `>` are escaped: a page's words are said,
    never taken as the voice's own markup."""

    def digits(match: re.Match[str]) -> str:
        groups = re.findall(r"\d+", match.group())
        return ", ".join(" ".join(group) for group in groups)

    said = _PHONE_RE.sub(digits, sentence)
    return html.escape(said, quote=False) if engine == SAPI else said
