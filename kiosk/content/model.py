"""The immutable model of a loaded content bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

DRAFT = "draft"
REVIEW_STATUSES = ("reviewed", DRAFT)


@dataclass(frozen=True)
class Phone:
    number: str
    label: str = ""


@dataclass(frozen=True)
class Clinic:
    name: str
    address: str
    phones: tuple[Phone, ...]
    hours: str = ""
    website: str = ""


@dataclass(frozen=True)
class Reference:
    """A published source, cited in full."""

    id: str
    citation: str


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    icon: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """One Markdown page: its front matter and its (not yet rendered) body."""

    id: str
    title: str
    summary: str
    topic: str | None
    last_reviewed: dt.date
    reviewed_by: str
    references: tuple[str, ...]
    body: str
    source: Path
    body_line: int  # line of `source` on which `body` starts
    public_url: str = ""
    show_crisis_line: bool = False
    key_points: tuple[str, ...] = ()
    review_status: str = "reviewed"  # or DRAFT: written, not yet checked by a clinician
    clinician_review: str = ""  # what a clinician must check: facts not from the clinic
    language: str = ""  # the language its words are in ("" before the loader sets it)
    translated_from: str = ""  # a translation: the fingerprint of the page it translates
    meta_lines: Mapping[str, int] = field(default_factory=dict, compare=False)

    def __getstate__(self) -> dict[str, object]:
        """For a worker process (kiosk.content.workers): a read-only view does not pickle."""
        return {**self.__dict__, "meta_lines": dict(self.meta_lines)}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, meta_lines=MappingProxyType(state["meta_lines"]))  # type: ignore[arg-type]

    def meta_line(self, key: str) -> int:
        """The line of `source` where the front matter sets `key` (1 if it does not)."""
        return self.meta_lines.get(key, 1)

    @property
    def is_draft(self) -> bool:
        return self.review_status == DRAFT

    def line_of(self, needle: str) -> int:
        """The line of `source` where `needle` first appears in the body."""
        for offset, line in enumerate(self.body.splitlines()):
            if needle in line:
                return self.body_line + offset
        return self.body_line


@dataclass(frozen=True)
class Notices:
    """Text the kiosk shows around pages; staff may reword it per clinic."""

    disclaimer: str
    crisis: str


@dataclass(frozen=True)
class Bundle:
    """A checked bundle. `pages` keeps the order of the files on disk."""

    root: Path
    id: str
    title: str
    version: int
    language: str
    min_app_version: str
    clinic: Clinic
    notices: Notices
    topics: tuple[Topic, ...]
    tour: tuple[str, ...]
    pages: Mapping[str, Page]
    references: Mapping[str, Reference]
    glossary: Mapping[str, str] = field(default_factory=dict)
    # Every language the bundle is written in, its default first; the same in each edition.
    languages: tuple[str, ...] = ()
    language_name: str = ""  # what the bundle calls its language ("" → the kiosk's name)
    # The bundle in its other languages (only on the default-language edition): the same
    # topics, tour and page ids; a page not translated is the default language's page.
    translations: Mapping[str, Bundle] = field(default_factory=dict, compare=False)

    def edition(self, language: str) -> Bundle:
        """The bundle in `language`; itself for its own language or one it is not in."""
        return self.translations.get(language, self)

    def in_own_language(self, page: Page) -> bool:
        """Whether `page` is written in this edition's language (not shown in another)."""
        return page.language in ("", self.language)

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def media_dir(self) -> Path:
        return self.root / "media"

    @property
    def drafts(self) -> int:
        """How many pages no clinician has reviewed yet, in every language."""
        own = sum(page.is_draft for page in self.pages.values() if self.in_own_language(page))
        return own + sum(edition.drafts for edition in self.translations.values())
