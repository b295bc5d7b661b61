"""Pages rendered when first opened, for a bundle that was checked when it was installed.

At start the kiosk reads every page's front matter (its title, topic, key points) but
renders none: Markdown, the glossary pass and the sanitizer run for a page the first time
a patient opens it, and the last PAGES_KEPT stay rendered. The install already rendered
and checked every page (kiosk.bundles.store) and kept what it made (kiosk.content.
prerendered): a page is read back from there when it can be, and rendered otherwise. A
problem found now is logged, not shown: the page goes through the same sanitizer wall all
the same, and a page that fails to render at all is missing from this mapping, which the
screens treat as no such page.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterator, Mapping

from kiosk.content.model import Page
from kiosk.content.page_index import body_of
from kiosk.content.prerendered import Stored
from kiosk.content.render import RenderedPage, Renderer

log = logging.getLogger("kiosk.content")

PAGES_KEPT = 64  # rendered pages kept: a visit reads a few; the tour has six


class RenderedOnOpen(Mapping[str, RenderedPage]):
    """id → the rendered page, made on first access; a bounded cache of the latest."""

    def __init__(
        self,
        renderer: Renderer,
        pages: Mapping[str, Page],
        stored: Stored | None = None,
        language: str = "",
    ) -> None:
        self._renderer = renderer
        self._stored, self._language = stored, language  # the install's renderings
        self._bodies = pages  # a page known from the index has its body read when rendered
        self._kept: OrderedDict[str, RenderedPage] = OrderedDict()
        self._failed: set[str] = set()

    def __getitem__(self, page_id: str) -> RenderedPage:
        if page_id in self._kept:
            self._kept.move_to_end(page_id)
            return self._kept[page_id]
        if page_id not in self._bodies or page_id in self._failed:
            raise KeyError(page_id)
        page = self._bodies[page_id]
        source = page.source
        try:
            rendered = self._read_back(page_id) or self._renderer.render(
                page.body or body_of(source, page.body_line)
            )
        except Exception:  # a page that will not render never reaches a patient
            log.exception("%s cannot be rendered: it is not shown", source)
            self._failed.add(page_id)
            raise KeyError(page_id) from None
        for issue in rendered.issues:
            log.warning("%s: %s", source, issue.message)
        self._kept[page_id] = rendered
        if len(self._kept) > PAGES_KEPT:
            self._kept.popitem(last=False)
        return rendered

    def _read_back(self, page_id: str) -> RenderedPage | None:
        if self._stored is None:
            return None
        return self._stored.read(self._language, page_id, self._renderer)

    def __contains__(self, page_id: object) -> bool:
        return page_id in self._bodies and page_id not in self._failed

    def __iter__(self) -> Iterator[str]:
        return iter(self._bodies)

    def __len__(self) -> int:
        return len(self._bodies)
