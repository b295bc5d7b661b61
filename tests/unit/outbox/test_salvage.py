"""A damaged outbox at start: kept aside for IT, a fresh one takes new requests, and every
request that can still be read reaches the clinic."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.admin.cli import main as admin
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.salvage import damaged_files, open_or_recover, readable_rows
from kiosk.outbox.store import DATABASE, Outbox, OutboxDamaged
from tests.unit.outbox.conftest import a_request

PAGE = 4096


def filled_outbox(data: Path, public_key: PublicKey, count: int = 60) -> list[str]:
    with Outbox.open(data, public_key) as outbox:
        # Long messages: a few requests to a page, so one damaged page costs only a few.
        return [outbox.submit(a_request(name=f"P{n}", message="x" * 400)) for n in range(count)]


def damage(path: Path, page: int) -> None:
    """Overwrite one whole page of the file with noise, as a bad sector would."""
    with path.open("r+b") as file:
        file.seek(page * PAGE)
        file.write(bytes((i * 37 + 11) % 256 for i in range(PAGE)))


def leaf_page(path: Path) -> int:
    """A page in the middle of the table (not its root, not the schema)."""
    with closing(sqlite3.connect(path)) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    return int(pages * 2 // 3)


def test_a_damaged_outbox_is_set_aside_and_what_it_held_is_saved(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    data = tmp_path / "data"
    ids = filled_outbox(data, public_key)
    damage(data / DATABASE, leaf_page(data / DATABASE))
    with pytest.raises(OutboxDamaged):
        Outbox.open(data, public_key)

    recovered = open_or_recover(data, public_key)

    [aside] = damaged_files(data)
    assert "the outbox database was damaged" in recovered.note
    assert str(aside) in recovered.note
    saved = recovered.outbox.ids()
    assert saved <= set(ids)
    assert len(saved) >= len(ids) - 10  # all but the few on the damaged page
    assert f"{len(saved)} requests were saved" in recovered.note
    assert recovered.outbox.integrity() == "ok"
    new = recovered.outbox.submit(a_request(name="After"))  # new requests are taken
    recovered.outbox.close()

    # IT exports from the kiosk: the fresh outbox's requests, each opens with the key.
    usb = tmp_path / "usb"
    assert admin(["requests", "export", "--data-dir", str(data), "--out", str(usb)]) == 0
    exported = {open_envelope(f.read_bytes(), private_key).id for f in usb.iterdir()}
    assert exported == saved | {new}
    assert "exported" in capsys.readouterr().err


def test_export_also_reads_a_damaged_outbox_in_place(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey
) -> None:
    """With the kiosk stopped, `requests export` reads what it can from the damaged file."""
    data = tmp_path / "data"
    ids = filled_outbox(data, public_key)
    damage(data / DATABASE, leaf_page(data / DATABASE))
    readable = {str(row["id"]) for row in readable_rows(data / DATABASE)}

    usb = tmp_path / "usb"
    assert admin(["requests", "export", "--data-dir", str(data), "--out", str(usb)]) == 0

    exported = {open_envelope(f.read_bytes(), private_key).id for f in usb.iterdir()}
    assert exported == readable
    assert len(readable) >= len(ids) - 10


def test_a_file_with_nothing_readable_still_gives_a_working_outbox(
    tmp_path: Path, public_key: PublicKey
) -> None:
    data = tmp_path / "data"
    filled_outbox(data, public_key, count=5)
    damage(data / DATABASE, 0)  # the header: not a database any more

    recovered = open_or_recover(data, public_key)

    assert "0 requests were saved" in recovered.note
    assert len(damaged_files(data)) == 1  # kept for IT all the same
    assert recovered.outbox.submit(a_request())
    recovered.outbox.close()


def test_a_sound_outbox_is_left_alone(tmp_path: Path, public_key: PublicKey) -> None:
    data = tmp_path / "data"
    ids = filled_outbox(data, public_key, count=3)

    recovered = open_or_recover(data, public_key)

    assert recovered.note == ""
    assert recovered.outbox.ids() == set(ids)
    assert damaged_files(data) == []
    recovered.outbox.close()
