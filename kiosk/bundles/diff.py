"""What an update changes: pages added, removed and changed in each language, and their
reading levels."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.bundles.verify import BundleRefused, unpack_unsigned
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.model import Page
from kiosk.content.readability import measure, measure_spanish
from kiosk.content.render import RenderedPage
from kiosk.i18n.catalogue import primary


@dataclass(frozen=True)
class Change:
    page: str
    kind: str  # "added", "removed" or "changed"
    detail: str


def _load(path: Path, workspace: Path) -> LoadResult:
    """A content folder as it is, or a .kbundle unpacked after the usual safety checks."""
    if path.is_dir():
        return read_bundle(path)
    return read_bundle(unpack_unsigned(path, workspace / path.stem))


def diff(old: Path, new: Path) -> tuple[str, list[Change]]:
    """A headline (versions) and the page changes, old → new."""
    with tempfile.TemporaryDirectory() as workspace:
        before, after = _load(old, Path(workspace)), _load(new, Path(workspace))
    if before.bundle is None or after.bundle is None:
        broken = old if before.bundle is None else new
        raise BundleRefused(f"{broken} does not load; check it with kiosk-admin bundle validate")
    headline = (
        f"{before.bundle.id} version {before.bundle.version} → "
        f"{after.bundle.id} version {after.bundle.version}"
    )
    changes: list[Change] = []
    old_languages = before.bundle.languages or (before.bundle.language,)
    new_languages = after.bundle.languages or (after.bundle.language,)
    for language in dict.fromkeys([*new_languages, *old_languages]):
        if language not in old_languages:
            changes.append(Change(f"({language})", "added", "a new language"))
        elif language not in new_languages:
            changes.append(Change(f"({language})", "removed", "this language is gone"))
        else:
            label = "" if language == after.bundle.language else f" ({language})"
            changes += _page_changes(_own(before, language), _own(after, language), label)
    return headline, changes


_Pages = dict[str, tuple[Page, RenderedPage]]


def _own(result: LoadResult, language: str) -> _Pages:
    """The pages written in `language` (not those shown from another), each rendered."""
    assert result.bundle is not None
    edition = result.bundle.edition(language)
    rendered = result.rendered_for(language)
    return {page_id: (page, rendered[page_id]) for page_id, page in edition.pages.items()
            if edition.in_own_language(page)}  # fmt: skip


def _page_changes(before: _Pages, after: _Pages, label: str) -> list[Change]:
    changes = []
    for page_id in sorted(before.keys() | after.keys()):
        name = page_id + label
        if page_id not in before:
            page, rendered = after[page_id]
            changes.append(Change(name, "added", f"{page.title!r}, {_level(page, rendered)}"))
        elif page_id not in after:
            changes.append(Change(name, "removed", repr(before[page_id][0].title)))
        else:
            (old_page, old), (new_page, new) = before[page_id], after[page_id]
            if (old_page.title, old_page.summary, old_page.key_points, old.html) == (
                new_page.title, new_page.summary, new_page.key_points, new.html):  # fmt: skip
                continue
            before_level, after_level = _level(old_page, old), _level(new_page, new)
            kind, _, was = before_level.rpartition(" ")
            if after_level.startswith(kind + " "):  # "reading grade 4.1 → 4.5"
                after_level = after_level.removeprefix(kind + " ")
            changes.append(Change(name, "changed", f"{kind} {was} → {after_level}"))
    return changes


def _level(page: Page, rendered: RenderedPage) -> str:
    """`reading grade 4.5` for English, `INFLESZ 74.0` for Spanish."""
    if primary(page.language) == "es":
        return f"INFLESZ {measure_spanish(rendered.text).inflesz}"
    return f"reading grade {measure(rendered.text).grade}"
