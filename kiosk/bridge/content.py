"""The loaded bundle, as QML reads it: clinic details, topics, rendered pages."""

from __future__ import annotations

import logging
from collections import OrderedDict, deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QDate, QLocale, QObject, QTimer, QUrl, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

if TYPE_CHECKING:
    from kiosk.bridge.models import PageListModel, TopicListModel
from kiosk.content.glossary import term_entry, term_key
from kiosk.content.model import Bundle, Page
from kiosk.content.paragraphs import block_maps, lines_above
from kiosk.content.qr import qr_picture
from kiosk.content.render import RenderedPage
from kiosk.content.spoken import clinic_sentences, page_sentences
from kiosk.content.vcard import clinic_vcard
from kiosk.i18n.catalogue import Catalogue, catalogue, language_name

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.app")

CONTACT_PAGE = "contact"  # a page with this id is shown on the Contact screen
PAGE_MAPS_KEPT = 64  # pages made ready for the screen, the latest first (as on_open keeps)
READ_AHEAD = 12  # of a screen's list, the first pages made ready: about a screenful


@QmlElement
@QmlUncreatable("the kiosk makes its content bridge")
class ContentBridge(QObject):
    """Read-only: a bundle never changes while it is shown."""

    def __init__(
        self,
        bundle: Bundle,
        rendered: Mapping[str, RenderedPage],
        parent: QObject | None = None,
        words: Catalogue | None = None,
    ) -> None:
        super().__init__(parent)
        self._bundle = bundle
        self._rendered = rendered
        self._words = words or catalogue(bundle.language)  # the kiosk's own words, in its language
        # The list models are built when Home first shows: subclassing Qt's
        # item model makes PySide build its whole Qt namespace (~15 ms), and
        # the first frame, the attract screen, needs none of them.
        self._topics: TopicListModel | None = None
        self._topic_pages: dict[str, PageListModel] = {}
        self._base_url = QUrl.fromLocalFile(str(bundle.root.resolve()) + "/")
        self._qr_codes: dict[tuple[str, str], dict[str, Any]] = {}
        # Each page's map, made when first opened (or read ahead), the latest kept.
        self._pages: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._ahead: deque[str] = deque()  # pages to make ready while the patient reads
        self._ahead_timer: QTimer | None = None

    @Property(str, constant=True)
    def title(self) -> str:
        return self._bundle.title

    @Property(str, constant=True)
    def language(self) -> str:
        """The language of this content, as a tag (es-US): for `lang` and the voice."""
        return self._bundle.language

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
        """Everything a page screen shows; an empty map for an unknown id. Made once per
        page (its plain text, sentences and buttons do not change while it is on show)."""
        page = self._bundle.pages.get(page_id)
        if page is None:
            return {}
        if page_id not in self._pages:
            try:
                self._pages[page_id] = self._page_map(page)
            except KeyError:  # it would not render (kiosk.content.on_open has said why)
                return {}
            if len(self._pages) > PAGE_MAPS_KEPT:
                self._pages.popitem(last=False)
        self._pages.move_to_end(page_id)
        return self._pages[page_id]

    @Slot(str)
    def readAhead(self, topic_id: str) -> None:
        """The pages a screen lists (a topic's, or the tour's with "tour"), made ready one
        at a time while the patient reads it, so that the tap that opens one only shows it."""
        try:
            listed = self._bundle.tour if topic_id == "tour" else self._bundle.topic(topic_id).pages
        except KeyError:
            return
        wanted = listed[:READ_AHEAD]
        self._ahead.extend(p for p in wanted if p not in self._pages and p not in self._ahead)
        if self._ahead_timer is None:
            self._ahead_timer = QTimer(self, interval=0)  # between the screen's events
            self._ahead_timer.timeout.connect(self._read_one_ahead)
        if self._ahead:
            self._ahead_timer.start()

    @property
    def reading_ahead(self) -> bool:
        """Whether pages are still being made ready (for the benchmarks)."""
        return bool(self._ahead)

    def _read_one_ahead(self) -> None:
        if self._ahead:
            self.page(self._ahead.popleft())
        if not self._ahead and self._ahead_timer is not None:
            self._ahead_timer.stop()

    def _page_map(self, page: Page) -> dict[str, Any]:
        rendered, above = self._rendered[page.id], lines_above(page.summary, page.key_points)
        return {
            "id": page.id,
            "title": page.title,
            "summary": page.summary,
            "html": rendered.html,
            "blocks": block_maps(rendered.blocks, self._picture, above),
            "keyPoints": list(page.key_points),
            "links": self._links_from(page.id),
            "terms": self._terms_on(page.id),
            "sources": [self._bundle.references[r].citation for r in page.references],
            "showCrisisLine": page.show_crisis_line,
            "publicUrl": page.public_url,
            "reviewed": self._reviewed_line(page),
            # A page shown untranslated is not read in this language's voice.
            "spoken": self._spoken(page) if self._bundle.in_own_language(page) else [],
            "language": page.language or self._bundle.language,
            "onlyIn": self._only_in(page),
        }

    def _only_in(self, page: Page) -> str:
        """For a page not translated into this content's language: which one it is in."""
        if self._bundle.in_own_language(page):
            return ""
        name = language_name(self._words, page.language)
        return self._words.translate("ContentBridge", "This page is only in %1.").replace(
            "%1", name
        )

    def _reviewed_line(self, page: Page) -> str:
        words = self._words
        date = QDate(page.last_reviewed.year, page.last_reviewed.month, page.last_reviewed.day)
        #: A date as a month and year: Qt's date format (MMMM is the month's name).
        when = QLocale(self._bundle.language).toString(
            date, words.translate("ContentBridge", "MMMM yyyy")
        )
        who = page.reviewed_by
        if page.is_draft and who:
            line = words.translate("ContentBridge", "Draft, %1: not yet reviewed by %2.")
        elif page.is_draft:
            line = words.translate("ContentBridge", "Draft, %1: not yet reviewed.")
        elif who:
            line = words.translate("ContentBridge", "Last reviewed %1 by %2.")
        else:
            line = words.translate("ContentBridge", "Last reviewed %1.")
        return line.replace("%1", when).replace("%2", who)

    def _links_from(self, page_id: str) -> list[dict[str, str]]:
        """The pages a page's links open, each once: buttons for keyboards and screen readers."""
        targets = dict.fromkeys(self._rendered[page_id].page_links)
        pages = self._bundle.pages
        return [{"id": t, "title": pages[t].title} for t in targets if t in pages and t != page_id]

    def _terms_on(self, page_id: str) -> list[dict[str, str]]:
        """The glossary words a page uses, in order: buttons for keyboards and screen readers."""
        glossary = self._bundle.glossary
        return [
            {"key": term_key(glossary, term), "term": term, "definition": glossary[term]}
            for term in self._rendered[page_id].terms
        ]

    @Slot(str, result="QVariantMap")
    def term(self, key: str) -> dict[str, str]:
        """A glossary word's card: its `term` and `definition`; an empty map for no such key."""
        entry = term_entry(self._bundle.glossary, key)
        return {"term": entry[0], "definition": entry[1]} if entry else {}

    def _spoken(self, page: Page, contact: bool = False) -> list[str]:
        """What Listen reads, sentence by sentence; the heading is KeyPointsBox's."""
        crisis = self._bundle.notices.crisis if contact or page.show_crisis_line else ""
        clinic = self._bundle.clinic if contact else None
        key_points = self._words.translate("KeyPointsBox", "Key points")
        return page_sentences(page, self._rendered[page.id], key_points, clinic, crisis,
                              self._picture)  # fmt: skip

    def _picture(self, alt: str) -> str:
        """A picture, as a screen reader and the voice say it: its alt text."""
        if not alt:
            return self._words.translate("ContentBridge", "Picture.")
        return self._words.translate("ContentBridge", "Picture: %1").replace("%1", alt)

    @Property("QStringList", constant=True)
    def contactSpoken(self) -> list[str]:
        """What Listen reads on the Contact screen: the contact page's words with the
        clinic's name, address and phones after its title, as the screen shows them."""
        page = self._bundle.pages.get(CONTACT_PAGE)
        if page is not None and self._bundle.in_own_language(page) and page.id in self._rendered:
            return self._spoken(page, contact=True)
        return [*clinic_sentences(self._bundle.clinic), self._bundle.notices.crisis]

    @Property(str, constant=True)
    def contactPageId(self) -> str:
        """The page shown on the Contact screen, or "" when the bundle has none."""
        return CONTACT_PAGE if CONTACT_PAGE in self._bundle.pages else ""

    @Property(str, constant=True)
    def clinicCard(self) -> str:
        """The clinic's name, address and phone numbers as a vCard, for its QR code."""
        return clinic_vcard(self._bundle.clinic)

    @Slot(str, str, result="QVariantMap")
    def qrCode(self, text: str, ink: str) -> dict[str, Any]:
        """`text` as a QR code in `ink` (#rrggbb) on white: `source`, a data: URL of its SVG
        (an Image loads it with no image provider to register, and draws it sharp at any
        size), and `modules`, its width with the quiet zone, so the screen can give each
        module a whole number of pixels. An empty map for "" or text too long for a code."""
        key = (text, ink)
        if key not in self._qr_codes:
            try:
                picture = qr_picture(text, ink) if text else None
            except ValueError:  # segno's DataOverflowError, or not a colour
                log.warning("no QR code for a text of %d characters", len(text))
                picture = None
            self._qr_codes[key] = (
                {"source": picture.data_url(), "modules": picture.modules} if picture else {}
            )
        return self._qr_codes[key]
