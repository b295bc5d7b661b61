"""The outbox keeps every request, sealed, and hands it to staff intact."""

from __future__ import annotations

import base64
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.outbox.envelope import EnvelopeError, open_envelope
from kiosk.outbox.store import (
    DATABASE,
    SCHEMA_VERSION,
    InvalidRequest,
    Outbox,
    OutboxDamaged,
    OutboxError,
)
from tests.unit.outbox.conftest import a_request


def test_round_trip_submit_export_open(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey
) -> None:
    outbox = Outbox.open(tmp_path / "data", public_key)
    request = a_request()

    request_id = outbox.submit(request)
    files = outbox.export(tmp_path / "usb")

    assert [f.name for f in files] == [f"{request_id}.sealed"]
    opened = open_envelope(files[0].read_bytes(), private_key)
    assert opened.id == request_id
    assert opened.request == request.normalized()
    assert opened.request.phone == "(518) 555-0142"


def test_export_writes_each_request_once(tmp_path: Path, public_key: PublicKey) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    first = outbox.submit(a_request())

    assert len(outbox.export(tmp_path / "usb")) == 1
    second = outbox.submit(a_request(name="Bo"))
    again = outbox.export(tmp_path / "usb")

    assert [f.stem for f in again] == [second]
    assert outbox.status().exported == 2
    assert outbox.ids() == {first, second}


def test_an_invalid_request_is_refused_and_not_stored(
    tmp_path: Path, public_key: PublicKey
) -> None:
    outbox = Outbox.open(tmp_path, public_key)

    with pytest.raises(InvalidRequest) as caught:
        outbox.submit(a_request(consent=False))

    assert set(caught.value.problems) == {"consent"}
    assert outbox.ids() == set()


def test_the_kiosk_cannot_read_what_it_stored(tmp_path: Path, public_key: PublicKey) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    request_id = outbox.submit(a_request(name="Zebedee Canary"))

    sealed = outbox.sealed(request_id)

    assert sealed is not None
    assert b"Zebedee" not in sealed
    with pytest.raises(EnvelopeError, match="cannot be opened with this key"):
        open_envelope(
            json.dumps(
                {"kind": "kiosk-contact-request-v1", "id": request_id, "created": "x",
                 "sealed": base64.b64encode(sealed).decode()}
            ).encode(),
            PrivateKey.generate(),
        )  # fmt: skip


def test_a_flipped_byte_or_a_changed_id_is_rejected(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey
) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    outbox.submit(a_request())
    path = outbox.export(tmp_path / "usb")[0]
    document = json.loads(path.read_text())

    sealed = bytearray(base64.b64decode(document["sealed"]))
    sealed[40] ^= 0x01
    flipped = {**document, "sealed": base64.b64encode(bytes(sealed)).decode()}
    with pytest.raises(EnvelopeError, match="cannot be opened"):
        open_envelope(json.dumps(flipped).encode(), private_key)

    renamed = {**document, "id": "00000000-0000-0000-0000-000000000000"}
    with pytest.raises(EnvelopeError, match="id was changed"):
        open_envelope(json.dumps(renamed).encode(), private_key)

    moved = {**document, "kiosk": "another-waiting-room"}
    with pytest.raises(EnvelopeError, match="kiosk name was changed"):
        open_envelope(json.dumps(moved).encode(), private_key)

    with pytest.raises(EnvelopeError, match="not a sealed contact request"):
        open_envelope(b"hello", private_key)


def test_the_database_is_wal_with_full_sync(tmp_path: Path, public_key: PublicKey) -> None:
    Outbox.open(tmp_path, public_key).close()

    with closing(sqlite3.connect(tmp_path / DATABASE)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_version_1_outbox_is_upgraded_and_keeps_its_requests(
    tmp_path: Path, public_key: PublicKey
) -> None:
    with closing(sqlite3.connect(tmp_path / DATABASE)) as db:
        db.executescript(
            "CREATE TABLE requests (id TEXT PRIMARY KEY, created TEXT NOT NULL,"
            " sealed BLOB NOT NULL, exported TEXT);"
            "INSERT INTO requests VALUES ('old-id', '2026-01-01T00:00:00+00:00', x'00', NULL);"
            "PRAGMA user_version = 1;"
        )

    outbox = Outbox.open(tmp_path, public_key)

    assert outbox.ids() == {"old-id"}
    assert outbox.status().pending == 1
    assert outbox.status().oldest_undelivered == "2026-01-01T00:00:00+00:00"


def test_an_outbox_from_a_newer_kiosk_is_refused(tmp_path: Path, public_key: PublicKey) -> None:
    with closing(sqlite3.connect(tmp_path / DATABASE)) as db:
        db.execute("PRAGMA user_version = 99")

    with pytest.raises(OutboxError, match="newer version of the kiosk"):
        Outbox.open(tmp_path, public_key)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, public_key: PublicKey) -> None:
    (tmp_path / DATABASE).write_bytes(b"this is not sqlite" * 100)

    with pytest.raises(OutboxDamaged, match="damaged"):
        Outbox.open(tmp_path, public_key)


def test_a_read_only_outbox_fails_to_save_and_says_so(
    tmp_path: Path, public_key: PublicKey
) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    outbox.close()
    connection = sqlite3.connect(
        f"file:{tmp_path / DATABASE}?mode=ro", uri=True, isolation_level=None
    )

    with (
        Outbox(connection, public_key) as readonly,
        pytest.raises(OutboxError, match="could not store the request"),
    ):
        readonly.submit(a_request())
