"""Outbox tests: every outbox a test opens is closed; a typical request to submit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.outbox.request import ContactRequest
from kiosk.outbox.store import Outbox


@pytest.fixture(autouse=True)
def _close_every_outbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests open outboxes freely; each is closed afterwards, as the app closes its own."""
    opened: list[Outbox] = []
    real_open = Outbox.open.__func__  # type: ignore[attr-defined]

    def tracking_open(cls: type[Outbox], *args: object, **kwargs: object) -> Outbox:
        outbox: Outbox = real_open(cls, *args, **kwargs)
        opened.append(outbox)
        return outbox

    monkeypatch.setattr(Outbox, "open", classmethod(tracking_open))
    yield
    for outbox in opened:
        outbox.close()


def a_request(**changes: object) -> ContactRequest:
    fields: dict[str, object] = {
        "name": "Ana Núñez",
        "phone": "518-555-0142",
        "email": "ana@example.org",
        "contact_method": "text",
        "best_time": "morning",
        "topics": ("conditions",),
        "message": "Please call about ketamine for migraine.",
        "consent": True,
    }
    fields.update(changes)
    return ContactRequest(**fields)  # type: ignore[arg-type]
