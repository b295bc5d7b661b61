"""Parse bundle.toml and glossary.toml into model parts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.edition_text import EditionText, Originals, folder_of, read_translations
from kiosk.content.fields import Fields
from kiosk.content.model import Clinic, Notices, Phone, Reference, Topic
from kiosk.content.problems import ProblemLog
from kiosk.content.render import PAGE_ID_RE
from kiosk.content.tomlfile import TomlFile

BUNDLE_FILE = "bundle.toml"
GLOSSARY_FILE = "glossary.toml"

DEFAULT_DISCLAIMER = "This is general information, not medical advice. Talk with your provider."
DEFAULT_CRISIS = (
    "If you are thinking about suicide or are in crisis, call or text 988, the Suicide & "
    "Crisis Lifeline. If you are in danger, call 911."
)

_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_APP_VERSION_RE = re.compile(r"^\d+(?:\.\d+){0,2}$")

_SECTIONS = {"bundle", "clinic", "notices", "topics", "tour", "references", "translations"}


@dataclass(frozen=True)
class BundleFile:
    """What bundle.toml says, with the file kept for pointing at lines."""

    toml: TomlFile
    id: str
    title: str
    version: int
    language: str
    min_app_version: str
    clinic: Clinic
    notices: Notices
    topics: tuple[Topic, ...]
    tour: tuple[str, ...]
    references: tuple[Reference, ...]
    languages: tuple[str, ...] = ()  # the default language first
    translations: Mapping[str, EditionText] = field(default_factory=dict)  # by language


def read_bundle_file(root: Path, log: ProblemLog) -> BundleFile | None:
    path = root / BUNDLE_FILE
    if not path.is_file():
        log.error(path, 1, f"no {BUNDLE_FILE} here: is {root} a content folder?")
        return None
    toml = TomlFile.read(path, log)
    if toml is None:
        return None
    top = Fields(toml.data, log, path, lambda key: toml.line(key), BUNDLE_FILE)
    top.unknown(_SECTIONS)

    info = _fields(toml, log, "bundle")
    bundle_id, language, min_app = _checked_ids(info)
    title, version = info.text("title"), info.integer("version", minimum=1)
    info.unknown({"id", "title", "version", "language", "languages", "min_app_version"})
    languages = _languages(info, language)
    topics, notices, clinic = _topics(toml, log), _notices(toml, log), _clinic(toml, log)
    return BundleFile(
        toml=toml,
        id=bundle_id,
        title=title,
        version=version,
        language=language,
        min_app_version=min_app,
        clinic=clinic,
        notices=notices,
        topics=topics,
        tour=_fields(toml, log, "tour").text_list("pages"),
        references=_references(toml, log),
        languages=languages,
        translations=read_translations(
            toml, log, languages, Originals(title, notices, topics, clinic)
        ),
    )


def _checked_ids(info: Fields) -> tuple[str, str, str]:
    """[bundle]'s id, default language and lowest app version, each checked."""
    bundle_id = info.text("id")
    if bundle_id and not PAGE_ID_RE.match(bundle_id):
        info.error("id", "bundle 'id' must be lower-case letters, digits and dashes")
    language = info.text("language")
    if language and not _LANGUAGE_RE.match(language):
        info.error("language", f"'language' {language!r} is not a language tag like 'en-US'")
    min_app = info.text("min_app_version")
    if min_app and not _APP_VERSION_RE.match(min_app):
        info.error("min_app_version", "'min_app_version' must look like 1.2 or 1.2.3")
    return bundle_id, language, min_app


def _languages(info: Fields, default: str) -> tuple[str, ...]:
    """`languages`: every language the bundle is in, `language` (the default) first."""
    listed = info.text_list("languages", required=False) or (default,)
    if default and default not in listed:
        info.error("languages", f"'languages' must include the default 'language' {default!r}")
    folders: dict[str, str] = {}
    for language in listed:
        if not _LANGUAGE_RE.match(language):
            info.error("languages", f"{language!r} in 'languages' is not a tag like 'es-US'")
        elif folders.setdefault(folder_of(language), language) != language:
            info.error("languages", f"{folders[folder_of(language)]!r} and {language!r} would "
                       f"share pages/{folder_of(language)}/: keep one of them")  # fmt: skip
    return tuple(dict.fromkeys([default, *listed]))


def _fields(toml: TomlFile, log: ProblemLog, table: str) -> Fields:
    top = Fields(toml.data, log, toml.path, lambda key: toml.line(key), BUNDLE_FILE)
    return Fields(top.table(table), log, toml.path, lambda key: toml.line(table, key), f"[{table}]")


def _clinic(toml: TomlFile, log: ProblemLog) -> Clinic:
    clinic = _fields(toml, log, "clinic")
    clinic.unknown({"name", "address", "phones", "hours", "website"})
    phones = tuple(Phone(number) for number in clinic.text_list("phones"))
    if not phones and "phones" in clinic.data:
        clinic.error("phones", "[clinic] needs at least one phone number")
    return Clinic(
        name=clinic.text("name"),
        address=clinic.text("address"),
        phones=phones,
        hours=clinic.text("hours", required=False),
        website=clinic.text("website", required=False),
    )


def _notices(toml: TomlFile, log: ProblemLog) -> Notices:
    if "notices" not in toml.data:
        return Notices(DEFAULT_DISCLAIMER, DEFAULT_CRISIS)
    notices = _fields(toml, log, "notices")
    notices.unknown({"disclaimer", "crisis"})
    return Notices(
        disclaimer=notices.text("disclaimer", required=False, default=DEFAULT_DISCLAIMER),
        crisis=notices.text("crisis", required=False, default=DEFAULT_CRISIS),
    )


def _each_table(toml: TomlFile, log: ProblemLog, table: str) -> list[tuple[int, Fields]]:
    top = Fields(toml.data, log, toml.path, lambda key: toml.line(key), BUNDLE_FILE)
    found = []
    for index, data in enumerate(top.tables(table)):

        def line_of(key: str, index: int = index) -> int:
            return toml.line(table, key, index)

        found.append((index, Fields(data, log, toml.path, line_of, f"[[{table}]] #{index + 1}")))
    return found


def _topics(toml: TomlFile, log: ProblemLog) -> tuple[Topic, ...]:
    topics: list[Topic] = []
    for _, fields in _each_table(toml, log, "topics"):
        fields.unknown({"id", "title", "summary", "icon", "pages"})
        topic = Topic(
            id=fields.text("id"),
            title=fields.text("title"),
            summary=fields.text("summary"),
            icon=fields.text("icon"),
            pages=fields.text_list("pages"),
        )
        if any(t.id == topic.id for t in topics):
            fields.error("id", f"duplicate topic id {topic.id!r}")
        topics.append(topic)
    return tuple(topics)


def _references(toml: TomlFile, log: ProblemLog) -> tuple[Reference, ...]:
    references: list[Reference] = []
    for _, fields in _each_table(toml, log, "references"):
        fields.unknown({"id", "citation"})
        reference = Reference(id=fields.text("id"), citation=fields.text("citation"))
        if any(r.id == reference.id for r in references):
            fields.error("id", f"duplicate reference id {reference.id!r}")
        references.append(reference)
    return tuple(references)


def glossary_file(language: str, default: str) -> str:
    """glossary.toml for the default language; glossary.es.toml for es-US."""
    return GLOSSARY_FILE if language == default else f"glossary.{folder_of(language)}.toml"


def read_glossary(root: Path, log: ProblemLog, name: str = GLOSSARY_FILE) -> Mapping[str, str]:
    path = root / name
    if not path.exists():
        return {}
    toml = TomlFile.read(path, log)
    if toml is None:
        return {}
    glossary: dict[str, str] = {}
    for term, definition in toml.data.items():
        if not term.strip():
            log.error(path, toml.line("", term), "a glossary term needs a word before the '='")
            continue
        if not isinstance(definition, str) or not definition.strip():
            message = f"glossary term {term!r} needs a one-sentence definition in quotes"
            log.error(path, toml.line("", term), message)
            continue
        glossary[term] = definition.strip()
    return glossary
