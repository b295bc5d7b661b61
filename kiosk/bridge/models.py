"""List models for QML: the topics on Home and the pages of one topic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QUrl,
)

from kiosk.content.model import Bundle, Page, Topic

_Index = QModelIndex | QPersistentModelIndex

# Qt.ItemDataRole values, written out: touching PySide's Qt namespace costs
# 20-odd milliseconds of start-up the first time.
DISPLAY_ROLE = 0
USER_ROLE = 0x0100


class _RowModel(QAbstractListModel):
    """A fixed list of rows; each role reads one field of a row."""

    ROLES: ClassVar[Mapping[int, bytes]] = {}

    def __init__(self, rows: Sequence[dict[str, Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._keys = {role: name.decode() for role, name in self.ROLES.items()}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  (Qt API default)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == DISPLAY_ROLE:
            return row["title"]
        key = self._keys.get(role)
        return row[key] if key is not None else None

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name) for role, name in self.ROLES.items()}


_USER = USER_ROLE


class TopicListModel(_RowModel):
    """The bundle's topics, in bundle.toml order."""

    ROLES: ClassVar[Mapping[int, bytes]] = {
        _USER + 1: b"topicId",
        _USER + 2: b"title",
        _USER + 3: b"summary",
        _USER + 4: b"iconUrl",
    }

    def __init__(self, bundle: Bundle, parent: QObject | None = None) -> None:
        super().__init__([_topic_row(bundle, t) for t in bundle.topics], parent)


def _topic_row(bundle: Bundle, topic: Topic) -> dict[str, Any]:
    icon = QUrl.fromLocalFile(str((bundle.root / topic.icon).resolve())) if topic.icon else QUrl()
    return {"topicId": topic.id, "title": topic.title, "summary": topic.summary, "iconUrl": icon}


class PageListModel(_RowModel):
    """The pages of one topic, in the topic's order."""

    ROLES: ClassVar[Mapping[int, bytes]] = {
        _USER + 1: b"pageId",
        _USER + 2: b"title",
        _USER + 3: b"summary",
    }

    def __init__(self, pages: Sequence[Page], parent: QObject | None = None) -> None:
        super().__init__([_page_row(page) for page in pages], parent)


def _page_row(page: Page) -> dict[str, Any]:
    return {"pageId": page.id, "title": page.title, "summary": page.summary}
