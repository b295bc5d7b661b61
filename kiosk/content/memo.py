"""What was made of a content folder the last time it was read, for the next reading of
the same folder: an author's preview (kiosk.content.preview) reads it again at every save,
and renders and checks again only the pages whose source, or whatever else they depend
on, changed. Everything else reads a folder once and keeps no memo."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Hashable, Mapping
from pathlib import Path
from typing import TypeVar

from kiosk.content.render import MEDIA_DIR, RenderedPage, Renderer

T = TypeVar("T")


class Memo:
    """Results by a key that holds everything they depend on. Only what the last reading
    used is kept for the next, so a memo is never larger than one reading."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, object] = {}
        self._used: dict[Hashable, object] = {}

    def made(self, key: Hashable, make: Callable[[], T]) -> T:
        """What `make()` made last time for `key`, else what it makes now."""
        found = self._used.get(key, self._kept.get(key))
        if found is None:
            found = make()
        self._used[key] = found
        return found  # type: ignore[return-value]

    def read_again(self) -> None:
        """A new reading starts: what the last one did not use is dropped."""
        self._kept, self._used = self._used, {}

    def __len__(self) -> int:
        return len(self._used)

    def __getstate__(self) -> dict[str, object]:
        """A worker process (kiosk.content.workers) gets no memo to fill."""
        return {"_kept": {}, "_used": {}}


def files_of(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under `folder` by name, size and time: a rendering that links pictures
    depends on which are there. What cannot be read (a link to nothing, an editor's lock
    file) is left out: the rendering says what it cannot find."""
    found = []
    for place, _, names in os.walk(folder):
        for name in names:
            path = Path(place, name)
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def renderer_for(root: Path, page_ids: Collection[str], glossary: Mapping[str, str],
                 memo: Memo | None) -> Renderer:  # fmt: skip
    """A Renderer of the bundle at `root`; with a memo, one that renders a page again only
    if its source, the page ids, the glossary or the files in media/ changed."""
    if memo is None:
        return Renderer(root, page_ids, glossary)
    return _RememberingRenderer(root, page_ids, glossary, memo)


class _RememberingRenderer(Renderer):
    def __init__(self, root: Path, page_ids: Collection[str], glossary: Mapping[str, str],
                 memo: Memo) -> None:  # fmt: skip
        super().__init__(root, page_ids, glossary)
        self._memo = memo
        self._context = (str(root), self.page_ids, tuple(sorted(glossary.items())),
                         files_of(root / MEDIA_DIR))  # fmt: skip

    def render(self, source: str) -> RenderedPage:
        return self._memo.made((self._context, source), lambda: Renderer.render(self, source))
