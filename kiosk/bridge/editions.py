"""The content on show in each language the patient chose: one ContentBridge a language,
made the first time it is chosen and kept while the bundle is on show."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.bridge.content import ContentBridge
from kiosk.content.loader import LoadResult
from kiosk.i18n.catalogue import catalogue
from kiosk.session.languages import Languages


class Editions:
    def __init__(self, result: LoadResult, parent: QObject) -> None:
        assert result.bundle is not None
        self._result = result
        self._bundle = result.bundle
        self._parent = parent
        self._bridges: dict[str, ContentBridge] = {}

    def languages(self) -> Languages:
        """The bundle's languages, each named as the bundle (or the kiosk) names it."""
        tags = self._bundle.languages or (self._bundle.language,)
        names = {tag: self._bundle.edition(tag).language_name for tag in tags}
        return Languages(tags, names)

    def bridge(self, language: str) -> ContentBridge:
        """The content in `language` (the default language's for one the bundle is not in)."""
        if language not in self._bridges:
            edition = self._bundle.edition(language)
            self._bridges[language] = ContentBridge(
                edition,
                self._result.rendered_for(edition.language),
                self._parent,
                catalogue(edition.language),
            )
        return self._bridges[language]

    def drop(self) -> None:
        """The bundle is no longer shown: its bridges go once QML lets go of them."""
        for bridge in self._bridges.values():
            bridge.deleteLater()
        self._bridges.clear()
