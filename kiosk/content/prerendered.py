"""Pages as their install rendered them, kept beside the pages: opening a page on the kiosk
reads it back rather than running Markdown, so a page never opened before opens as fast
as any, and the kiosk does not load Markdown at all for installed content.

`.rendered.sqlite` holds, for each language and page id, what the renderer made of the
page (its blocks, page links, images, glossary terms and issues), with the fingerprint of
the bundle's files it was made from (every file but these dot files: name, size and
modification time), the version of the kiosk and of its renderer (render.RENDERER, held
by a test to the renderer's output) and of nh3. A page read back goes through the
sanitizer again, as the wall is the last step before the screen whatever came before it,
with the checks a fresh rendering makes against the bundle: a link only to one of its
pages, a picture only of a file in its media/, a box only of a known kind. A file that is
missing or unreadable, or was made by another kiosk or from files changed since, is not
used: each page is rendered as it opens.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nh3

from kiosk.content.boxes import BOX_KINDS, TEXT, Block
from kiosk.content.page_index import fingerprint
from kiosk.content.render import RENDERER, Issue, RenderedPage, Renderer, page_id_from_link
from kiosk.content.sanitizer import sanitize
from kiosk.version import APP_VERSION

log = logging.getLogger("kiosk.content")

RENDERED_FILE = ".rendered.sqlite"
FORMAT = 1  # the layout of a stored page; a new one makes older files unused


def _bundle_files(root: Path) -> list[Path]:
    """The files the rendering was made from: all but the ones kept beside them."""
    return sorted(p for p in root.rglob("*") if not p.name.startswith(".") and p.is_file())


def _made_by(root: Path) -> str:
    makers = f"{FORMAT} {APP_VERSION} {RENDERER} {getattr(nh3, '__version__', '')}"
    return f"{makers} {fingerprint(root, _bundle_files(root))}"


def write_rendered(root: Path, by_language: Mapping[str, Mapping[str, RenderedPage]]) -> Path:
    """Keep every rendered page of `by_language` (language → page id → page) in
    `root/.rendered.sqlite`, replacing any there was."""
    root = root.resolve()  # as the renderer resolves each picture
    target = root / RENDERED_FILE
    temp = root / f"{RENDERED_FILE}.{os.getpid()}.tmp"
    temp.unlink(missing_ok=True)
    rows = [
        (language, page_id, json.dumps(_record(root, page), ensure_ascii=False))
        for language, pages in by_language.items()
        for page_id, page in pages.items()
    ]
    try:
        with contextlib.closing(sqlite3.connect(temp)) as db, db:  # commits and syncs
            db.execute("CREATE TABLE made (by TEXT NOT NULL)")
            db.execute("CREATE TABLE pages (language TEXT, id TEXT, page TEXT NOT NULL, "
                       "PRIMARY KEY (language, id)) WITHOUT ROWID")  # fmt: skip
            db.execute("INSERT INTO made VALUES (?)", (_made_by(root),))
            db.executemany("INSERT INTO pages VALUES (?, ?, ?)", rows)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _record(root: Path, page: RenderedPage) -> dict[str, Any]:
    return {
        "blocks": [[b.kind, b.title, b.html] for b in page.blocks],
        "page_links": list(page.page_links),
        "images": [p.relative_to(root).as_posix() for p in page.images],
        "terms": list(page.terms),
        "issues": [[i.error, i.needle, i.message] for i in page.issues],
    }


class Stored:
    """The pages a bundle's install rendered; `read` gives one back, or None (render it)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._path = self.root / RENDERED_FILE
        self._usable: bool | None = None  # decided at the first read
        self._lock = threading.Lock()

    def read(self, language: str, page_id: str, renderer: Renderer) -> RenderedPage | None:
        """The page as installed, through the wall again; None if it must be rendered."""
        try:
            with self._lock:
                if self._usable is None:
                    self._usable = self._check()
                if not self._usable:
                    return None
                with contextlib.closing(self._connect()) as db:
                    row = db.execute("SELECT page FROM pages WHERE language = ? AND id = ?",
                                     (language, page_id)).fetchone()  # fmt: skip
            return None if row is None else _revive(json.loads(row[0]), renderer)
        except (OSError, sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            log.warning("%s cannot be read (%s): rendering pages as they open", self._path, exc)
            self._usable = False
            return None

    def _connect(self) -> sqlite3.Connection:
        # A new connection for each read: a page may be opened from any thread.
        return sqlite3.connect(f"{self._path.as_uri()}?mode=ro", uri=True)

    def _check(self) -> bool:
        if not self._path.is_file():  # installed by a kiosk before this one, or copied
            log.info("%s has no pages as rendered: rendering pages as they open", self.root)
            return False
        with contextlib.closing(self._connect()) as db:
            row = db.execute("SELECT by FROM made").fetchone()
        if row is None or row[0] != _made_by(self.root):
            log.warning("%s was not made by this kiosk from the files here now: rendering "
                        "pages as they open", self._path)  # fmt: skip
            return False
        return True


def _revive(record: dict[str, Any], renderer: Renderer) -> RenderedPage:
    """A stored page, checked as if it came from outside the bundle."""
    known = len(renderer.glossary)

    def in_bundle(tag: str, attribute: str, value: str) -> bool:
        if attribute == "href" and (page_id := page_id_from_link(value)) is not None:
            return page_id in renderer.page_ids
        if tag == "img" and attribute == "src":
            return _picture(renderer, value) is not None
        return True

    blocks = []
    for kind, title, html in record["blocks"]:
        boxed = kind in BOX_KINDS
        blocks.append(Block(kind if boxed else TEXT, str(title) if boxed else "",
                            sanitize(str(html), known, in_bundle).strip()))  # fmt: skip
    images = (_picture(renderer, str(src)) for src in record["images"])
    terms = set(renderer.glossary.terms)
    return RenderedPage(
        html="\n".join(block.inline() for block in blocks),
        page_links=tuple(p for p in record["page_links"] if p in renderer.page_ids),
        images=tuple(path for path in images if path is not None),
        issues=tuple(Issue(bool(e), str(n), str(m)) for e, n, m in record["issues"]),
        blocks=tuple(blocks),
        terms=tuple(t for t in record["terms"] if t in terms),
    )


def _picture(renderer: Renderer, src: str) -> Path | None:
    """The file a picture shows, if it is one in the bundle's media/."""
    path = renderer.resolve_image(src)
    return path if path is not None and path.is_file() else None
