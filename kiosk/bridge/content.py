"""The loaded bundle, as QML reads it: clinic details, topics, rendered pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QUrl, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

if TYPE_CHECKING:
    from kiosk.bridge.models import PageListModel, TopicListModel
from kiosk.content.model import Bundle, Page
from kiosk.content.render import RenderedPage

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

CONTACT_PAGE = "contact"  # a page with this id is shown on the Contact screen


@QmlElement
@QmlUncreatable("the kiosk makes its content bridge")
class ContentBridge(QObject):
    """Read-only: a bundle never changes while it is shown."""

    def __init__(
        self, bundle: Bundle, rendered: Mapping[str, RenderedPage], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._bundle = bundle
        self._rendered = rendered
        # The list models are built when Home first shows: subclassing Qt's
        # item model makes PySide build its whole Qt namespace (~15 ms), and
        # the first frame, the attract screen, needs none of them.
        self._topics: TopicListModel | None = None
        self._topic_pages: dict[str, PageListModel] = {}
        self._base_url = QUrl.fromLocalFile(str(bundle.root.resolve()) + "/")

    @Property(str, constant=True)
    def title(self) -> str:
        return self._bundle.title

    @Property(str, constant=True)
    def clinicName(self) -> str:
        return self._bundle.clinic.name

    @Property(str, constant=True)
    def clinicAddress(self) -> str:
        return self._bundle.clinic.address

    @Property("QStringList", constant=True)
    def clinicPhones(self) -> list[str]:
        return [phone.number for phone in self._bundle.clinic.phones]

    @Property(str, constant=True)
    def clinicHours(self) -> str:
        return self._bundle.clinic.hours

    @Property(str, constant=True)
    def disclaimer(self) -> str:
        return self._bundle.notices.disclaimer

    @Property(str, constant=True)
    def crisisText(self) -> str:
        return self._bundle.notices.crisis

    @Property(QUrl, constant=True)
    def baseUrl(self) -> QUrl:
        """Folder that relative image paths in page HTML (`media/...`) resolve against."""
        return self._base_url

    @Property(QObject, constant=True)
    def topics(self) -> TopicListModel:
        if self._topics is None:
            from kiosk.bridge.models import TopicListModel

            self._topics = TopicListModel(self._bundle, self)
        return self._topics

    @Property("QStringList", constant=True)
    def highlights(self) -> list[str]:
        """Short lines for the attract screen: each topic's summary."""
        return [topic.summary for topic in self._bundle.topics]

    @Slot(str, result=QObject)
    def pagesOf(self, topic_id: str) -> PageListModel | None:
        if topic_id not in self._topic_pages:
            from kiosk.bridge.models import PageListModel

            try:
                topic = self._bundle.topic(topic_id)
            except KeyError:
                return None
            pages = [self._bundle.pages[p] for p in topic.pages]
            self._topic_pages[topic_id] = PageListModel(pages, self)
        return self._topic_pages[topic_id]

    @Slot(str, result=str)
    def topicTitle(self, topic_id: str) -> str:
        try:
            return self._bundle.topic(topic_id).title
        except KeyError:
            return ""

    @Slot(str, result="QVariantMap")
    def page(self, page_id: str) -> dict[str, Any]:
        """Everything a page screen shows; an empty map for an unknown id."""
        page = self._bundle.pages.get(page_id)
        if page is None:
            return {}
        return {
            "id": page.id,
            "title": page.title,
            "summary": page.summary,
            "html": self._rendered[page.id].html,
            "blocks": [
                {"kind": block.kind, "title": block.title, "html": block.html}
                for block in self._rendered[page.id].blocks
            ],
            "keyPoints": list(page.key_points),
            "sources": [self._bundle.references[r].citation for r in page.references],
            "showCrisisLine": page.show_crisis_line,
            "reviewed": _reviewed_line(page),
        }

    @Property(str, constant=True)
    def contactPageId(self) -> str:
        """The page shown on the Contact screen, or "" when the bundle has none."""
        return CONTACT_PAGE if CONTACT_PAGE in self._bundle.pages else ""


def _reviewed_line(page: Page) -> str:
    when = page.last_reviewed.strftime("%B %Y")
    who = f" by {page.reviewed_by}" if page.reviewed_by else ""
    if page.is_draft:
        return f"Draft, {when}: not yet reviewed{who}."
    return f"Last reviewed {when}{who}."
