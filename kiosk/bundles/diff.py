"""What an update changes: pages added, removed and changed, and reading grades."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.bundles.verify import BundleRefused, unpack_unsigned
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.readability import measure


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
    changes = []
    for page_id in sorted(before.pages.keys() | after.pages.keys()):
        if page_id not in before.pages:
            title = after.pages[page_id].title
            grade = measure(after.rendered[page_id].text).grade
            changes.append(Change(page_id, "added", f"{title!r}, reading grade {grade}"))
        elif page_id not in after.pages:
            changes.append(Change(page_id, "removed", repr(before.pages[page_id].title)))
        else:
            old_page, new_page = before.pages[page_id], after.pages[page_id]
            old_html, new_html = before.rendered[page_id].html, after.rendered[page_id].html
            if (old_page.title, old_page.summary, old_html) == (
                new_page.title,
                new_page.summary,
                new_html,
            ):
                continue
            old_grade = measure(before.rendered[page_id].text).grade
            new_grade = measure(after.rendered[page_id].text).grade
            changes.append(Change(page_id, "changed", f"reading grade {old_grade} → {new_grade}"))
    return headline, changes
