"""Every page's front matter, parsed once at install and kept beside the pages, so that the
kiosk starts in the same time whatever the number of pages: at start it reads this one
file rather than a thousand pages of YAML, and each page's words when it is first opened.

`.pages.json` holds, for each page file under pages/ (translations too): its front matter,
the line of each key, and the line its body starts on; and a fingerprint of the files it
was made from (name, size and modification time). A page changed since, added or removed
makes the fingerprint differ, and the pages are read one by one as if there were no index.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.content import frontmatter
from kiosk.system.files import write_atomically

log = logging.getLogger("kiosk.content")

INDEX_FILE = ".pages.json"
VERSION = 1


def _files(root: Path) -> list[Path]:
    return sorted((root / "pages").rglob("*.md"))


def fingerprint(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        stat = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0"
                      f"{stat.st_mtime_ns}\n".encode())  # fmt: skip
    return digest.hexdigest()


def write_index(root: Path) -> Path:
    """Parse every page's front matter under `root` and keep it in `root/.pages.json`."""
    files = _files(root)
    pages = {}
    for path in files:
        split = frontmatter.split(path.read_text(encoding="utf-8"))
        pages[path.relative_to(root).as_posix()] = {
            "meta": _plain(split.meta), "meta_lines": split.meta_lines,
            "body_line": split.body_line,
        }  # fmt: skip
    document = {"version": VERSION, "fingerprint": fingerprint(root, files), "pages": pages}
    target = root / INDEX_FILE
    write_atomically(target, json.dumps(document, ensure_ascii=False).encode("utf-8"))
    return target


def read_index(root: Path, files: list[Path]) -> Mapping[Path, frontmatter.SplitPage] | None:
    """Each page file's front matter as the index has it; None (the pages are read one by
    one) if there is no index, or it is not of these very files (every .md under pages/,
    sorted)."""
    path = root / INDEX_FILE
    try:
        document = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("%s cannot be read (%s): reading every page instead", path, exc)
        return None
    if document.get("version") != VERSION or document.get("fingerprint") != fingerprint(
        root, files
    ):
        log.warning("%s is not of the pages here now: reading every page instead", path)
        return None
    return {
        root / name: frontmatter.SplitPage(
            entry["meta"], entry["meta_lines"], "", entry["body_line"]
        )
        for name, entry in document["pages"].items()
    }


def body_of(source: Path, body_line: int) -> str:
    """A page's Markdown body, read from its file (for a page known from the index)."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(lines[body_line - 1 :])


def _plain(value: Any) -> Any:
    """YAML's values as JSON has them: dates as 2026-01-31."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
