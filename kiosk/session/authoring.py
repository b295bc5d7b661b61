"""Where an author's preview (kiosk.bridge.preview) shows once a save has been read: the
page just saved, in the language it is written in, else where the author was."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from kiosk.content.preview import Look, page_of
from kiosk.i18n.catalogue import primary
from kiosk.session.navigation import Location, Screen


def place_after(saves: Collection[Path], before: Look | None, after: Look, at: Location,
                language: str) -> tuple[Location, str]:  # fmt: skip
    """Where to be once `after` is shown, having been `at` in `language` on `before`.

    The page saved is the one whose file was written, or that is new (a new file is not
    watched yet: only its folder is heard of); if there is one such page, and it is still
    there, it is shown. A tour step stays the step of its page, wherever the tour now has
    it."""
    bundle = after.result.bundle
    if bundle is None:
        return at, language
    written = [*saves, *(after.files - before.files if before else after.files)]
    pages = {found for path in written if path.is_file()
             and (found := page_of(after.root, path, bundle.languages[1:]))}  # fmt: skip
    if len(pages) == 1:
        page_id, written_in = next(iter(pages))
        language = written_in or bundle.language
        if not (at.screen is Screen.TOUR and at.target == page_id):
            return Location(Screen.PAGE, page_id), language
    if at.screen is Screen.TOUR:
        if at.target not in bundle.tour:
            return Location(Screen.PAGE, at.target), language
        return Location(Screen.TOUR, at.target, bundle.tour.index(at.target)), language
    return at, language


def tag_of(language: str, tags: Iterable[str]) -> str:
    """The tag of `tags` that `language` names ("es" names es-US); "" if none does."""
    return next((tag for tag in tags if language in (tag, primary(tag))), "")
