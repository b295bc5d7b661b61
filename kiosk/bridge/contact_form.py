"""The contact form, as QML drives it: check what was typed, save it sealed."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.i18n.catalogue import DEFAULT, catalogue
from kiosk.outbox.errors import InvalidRequest, OutboxError
from kiosk.outbox.request import ContactRequest, form_rules, thank_you

if TYPE_CHECKING:
    from kiosk.outbox.store import Outbox

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.outbox")


def _request(fields: dict[str, Any], language: str) -> ContactRequest:
    topics = fields.get("topics") or []
    return ContactRequest(
        name=str(fields.get("name", "")),
        phone=str(fields.get("phone", "")),
        email=str(fields.get("email", "")),
        contact_method=str(fields.get("contactMethod", "call")),
        best_time=str(fields.get("bestTime", "any")),
        topics=tuple(str(t) for t in topics),
        message=str(fields.get("message", "")),
        consent=bool(fields.get("consent", False)),
        language=language,
    )


@QmlElement
@QmlUncreatable("the kiosk makes its form bridge")
class ContactFormBridge(QObject):
    """Holds nothing a patient typed: QML passes the fields in, and forgets them.

    Signals: `availableChanged` when the outbox is attached; `saved` after a
    request is committed (delivery wakes on it); `languageChanged` when the patient
    chose another language (the choices' words change with it).
    """

    availableChanged = Signal()
    saved = Signal()
    languageChanged = Signal()

    def __init__(self, topics: set[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outbox: Outbox | None = None
        self._topics = topics
        self.save_failure = ""  # why the last request could not be saved; "" once one is
        self._language = DEFAULT
        self._words = catalogue(DEFAULT)

    def use_language(self, language: str) -> None:
        """Word the form in `language`, and record it in each request sent from now on."""
        self._language, self._words = language, catalogue(language)
        self.languageChanged.emit()

    def offer_topics(self, topics: set[str]) -> None:
        """The topics patients may pick, after new content was swapped in."""
        self._topics = topics

    def attach(self, outbox: Outbox | None) -> None:
        """Start saving into `outbox` (None: the form stays off)."""
        self._outbox = outbox
        self.availableChanged.emit()

    def close(self) -> None:
        """Close the outbox on shutdown; the form is off afterwards."""
        if self._outbox is not None:
            self._outbox.close()
            self.attach(None)

    def note_clock_jump(self, since: dt.datetime, until: dt.datetime,
                        shift: dt.timedelta) -> int:  # fmt: skip
        """Mark requests saved between the two times as off by `shift`; return how many."""
        if self._outbox is None:
            return 0
        try:
            return self._outbox.note_clock_jump(since, until, shift)
        except OutboxError as exc:
            log.error("%s", exc)
            return 0

    @Slot(str, "QStringList", result=str)
    def thanks(self, method: str, phones: list[str]) -> str:
        """The thank-you sentence for the way the patient chose to be reached."""
        return thank_you(method, phones, self._words)

    @Property("QVariantMap", notify=languageChanged)
    def rules(self) -> dict[str, object]:
        """The form's limits, choices and defaults, as kiosk.outbox.request declares them."""
        return form_rules(self._words)

    @Property(bool, notify=availableChanged)
    def available(self) -> bool:
        """False when the kiosk has no outbox or clinic key: the form is not shown."""
        return self._outbox is not None

    @Slot("QVariantMap", result="QVariantMap")
    def check(self, fields: dict[str, Any]) -> dict[str, str]:
        """Field name → what to fix; empty when the request can be sent."""
        return _request(fields, self._language).validate(self._topics, self._words)

    @Slot("QVariantMap", result="QVariantMap")
    def submit(self, fields: dict[str, Any]) -> dict[str, Any]:
        """{"saved": True} only after the request is committed to disk."""
        if self._outbox is None:
            return {"saved": False, "failed": True, "errors": {}}
        try:
            self._outbox.submit(_request(fields, self._language), self._topics)
        except InvalidRequest:  # what check() says, in the patient's language
            errors = self.check(fields)
            return {"saved": False, "failed": False, "errors": errors}
        except OutboxError as exc:
            self.save_failure = str(exc)
            log.error("a contact request could not be saved; the patient was told")
            return {"saved": False, "failed": True, "errors": {}}
        self.save_failure = ""
        self.saved.emit()
        return {"saved": True, "failed": False, "errors": {}}
