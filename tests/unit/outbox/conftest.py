"""A clinic key pair made once per test session, with cheap key-derivation settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from nacl.public import PrivateKey

from kiosk.outbox.keys import INTERACTIVE, new_key_pair, read_private_key, read_public_key
from kiosk.outbox.request import ContactRequest
from kiosk.outbox.store import Outbox

PASSPHRASE = "correct horse battery staple"


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


@pytest.fixture(scope="session")
def clinic_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("keys")
    return new_key_pair(folder, PASSPHRASE, strength=INTERACTIVE)


@pytest.fixture(scope="session")
def private_key(clinic_keys: tuple[Path, Path]) -> PrivateKey:
    return read_private_key(clinic_keys[1], PASSPHRASE)


@pytest.fixture(scope="session")
def public_key(clinic_keys: tuple[Path, Path]) -> object:
    return read_public_key(clinic_keys[0])


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
