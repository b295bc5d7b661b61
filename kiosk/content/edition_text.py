"""What bundle.toml says in each other language: its `[translations.<folder>]` tables (the
title, notices, opening hours, phone labels and topics a reader of that language sees).

Each text left out shows in the default language, and `validate` says so; the crisis line
most loudly. `translated_from` holds a fingerprint of the default language's texts, so a
change to them (a new crisis number, say) makes the translation stale, as with pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.content.fields import Fields
from kiosk.content.model import Clinic, Notices, Topic
from kiosk.content.problems import ProblemLog
from kiosk.content.tomlfile import TomlFile
from kiosk.i18n.catalogue import primary

_KEYS = {"title", "name", "disclaimer", "crisis", "hours", "phone_labels", "topics",
         "translated_from"}  # fmt: skip


def folder_of(language: str) -> str:
    """The folder and glossary suffix of a language: es-US → pages/es/, glossary.es.toml."""
    return primary(language)


@dataclass(frozen=True)
class EditionText:
    """One more language's texts; what it leaves out shows in the default language."""

    language: str
    name: str  # the language's own name on its button ("" → the kiosk's own table)
    title: str
    notices: Notices
    hours: str
    topics: Mapping[str, tuple[str, str]]  # topic id → (title, summary)
    phone_labels: tuple[str, ...] = ()  # one per phone, in order ("" where none)


@dataclass(frozen=True)
class Originals:
    """The default language's texts a translation translates."""

    title: str
    notices: Notices
    topics: tuple[Topic, ...]
    clinic: Clinic

    def fingerprint(self) -> str:
        texts = [self.title, self.notices.disclaimer, self.notices.crisis, self.clinic.hours,
                 *(p.label for p in self.clinic.phones),
                 *(f"{t.id}\n{t.title}\n{t.summary}" for t in self.topics)]  # fmt: skip
        return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:12]


def read_translations(
    toml: TomlFile, log: ProblemLog, languages: tuple[str, ...], originals: Originals
) -> dict[str, EditionText]:
    """Each other language's texts; a language with no table shows the default's."""
    tables = toml.data.get("translations", {})
    if not isinstance(tables, dict):
        log.error(toml.path, toml.line("", "translations"), "'translations' must be tables "
                  "like [translations.es]")  # fmt: skip
        return {}
    by_folder = {folder_of(language): language for language in languages[1:]}
    for folder in tables:
        if folder not in by_folder:
            log.warning(toml.path, _table_line(toml, f"translations.{folder}"), f"[translations."
                        f"{folder}] is for a language not in [bundle] 'languages'")  # fmt: skip
    found = {}
    for folder, language in by_folder.items():
        table, data = f"translations.{folder}", tables.get(folder)
        if not isinstance(data, dict):
            _no_table(toml, log, table, data, (languages[0], language))
            data = {}
        found[language] = _edition_text(toml, log, table, data, language, originals)
    return found


def _no_table(
    toml: TomlFile, log: ProblemLog, table: str, data: object, languages: tuple[str, str]
) -> None:
    if data is None:
        log.warning(toml.path, toml.line("bundle", "languages"), f"no [{table}] table: the "
                    f"bundle's title, topics and notices (the crisis line too) show in "
                    f"{languages[0]} to {languages[1]} readers")  # fmt: skip
    else:
        log.error(toml.path, _table_line(toml, table), f"'{table}' must be a table: "
                  f"[{table}] with title = \"...\" and so on")  # fmt: skip


def _edition_text(
    toml: TomlFile,
    log: ProblemLog,
    table: str,
    data: Mapping[str, Any],
    language: str,
    originals: Originals,
) -> EditionText:
    fields = Fields(data, log, toml.path, _line_in(toml, table), f"[{table}]")
    if data:
        fields.unknown(_KEYS)
        _check_complete(fields, originals, language)
    notices = originals.notices
    return EditionText(
        language=language,
        name=fields.text("name", required=False),
        title=fields.text("title", required=False),
        notices=Notices(
            disclaimer=fields.text("disclaimer", required=False, default=notices.disclaimer),
            crisis=fields.text("crisis", required=False, default=notices.crisis),
        ),
        hours=fields.text("hours", required=False),
        topics=_topics(toml, log, table, data, originals.topics) if data else {},
        phone_labels=_phone_labels(fields, originals.clinic),
    )


def _check_complete(fields: Fields, originals: Originals, language: str) -> None:
    """Every text the default language has, said in this one too, and up to date."""
    where = f"in {language}"
    wanted = {"title": "the bundle's title", "disclaimer": "the disclaimer",
              "crisis": "THE CRISIS LINE (988, 911)"}  # fmt: skip
    if originals.clinic.hours:
        wanted["hours"] = "the opening hours"
    for key, what in wanted.items():
        if key not in fields.data:
            fields.log.warning(fields.path, fields.line_of(key), f"{fields.where} has no "
                               f"'{key}': {what} shows untranslated {where}")  # fmt: skip
    now, said = originals.fingerprint(), fields.data.get("translated_from")
    if said is None:
        fields.log.warning(fields.path, fields.line_of("translated_from"), f"{fields.where}: "
                           f"say which version of the texts it translates: add "
                           f"translated_from = \"{now}\"")  # fmt: skip
    elif said != now:
        fields.log.warning(fields.path, fields.line_of("translated_from"), f"bundle.toml's "
                           f"title, notices or topics have changed since {fields.where} was "
                           f"translated ({said}, now {now}): update it, then set "
                           f"translated_from = \"{now}\"")  # fmt: skip


def _topics(
    toml: TomlFile, log: ProblemLog, table: str, data: Mapping[str, Any], topics: tuple[Topic, ...]
) -> dict[str, tuple[str, str]]:
    texts = data.get("topics", {})
    if not isinstance(texts, dict):
        log.error(toml.path, toml.line(table, "topics"), f"'topics' in [{table}] must be "
                  f"tables like [{table}.topics.<id>]")  # fmt: skip
        return {}
    titled: dict[str, tuple[str, str]] = {}
    for topic in topics:
        where = f"{table}.topics.{topic.id}"
        entry = texts.get(topic.id)
        if entry is None:
            log.warning(toml.path, toml.line(table), f"no [{where}]: the topic {topic.id!r} "
                        "shows its title and summary untranslated")  # fmt: skip
            continue
        if not isinstance(entry, dict):
            log.error(toml.path, toml.line(table, "topics"), f"[{where}] must be a table")
            continue
        one = Fields(entry, log, toml.path, _line_in(toml, where), f"[{where}]")
        one.unknown({"title", "summary"})
        titled[topic.id] = (one.text("title", default=topic.title),
                            one.text("summary", default=topic.summary))  # fmt: skip
    return titled


def _phone_labels(fields: Fields, clinic: Clinic) -> tuple[str, ...]:
    labels = fields.text_list("phone_labels", required=False)
    if labels and len(labels) != len(clinic.phones):
        fields.error("phone_labels", f"'phone_labels' needs one label for each of the "
                     f"{len(clinic.phones)} phone numbers, in order (\"\" for none)")  # fmt: skip
        return ()
    return labels


def _table_line(toml: TomlFile, table: str) -> int:
    """The table's header line, or the first line of a table under it."""
    line = toml.line(table)
    if line == 1:
        for number, text in enumerate(toml.text.splitlines(), start=1):
            if text.strip().startswith(f"[{table}"):
                return number
        parent, _, key = table.rpartition(".")
        return toml.line(parent, key)  # `es = ...` under [translations]
    return line


def _line_in(toml: TomlFile, table: str) -> Callable[[str], int]:
    return lambda key: toml.line(table, key)
