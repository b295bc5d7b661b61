"""What the staff screen tells staff: update checks, a damaged outbox, a full disk, refusals."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from nacl.public import PublicKey
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.services import open_outbox
from kiosk.bridge.walk import settle
from kiosk.bundles.updates import UpdateSource, check_for_update
from kiosk.config import load_config
from kiosk.content.loader import read_bundle
from kiosk.outbox.keys import public_key_text
from kiosk.outbox.store import DATABASE, Outbox
from kiosk.session.idle import ManualClock
from kiosk.session.staff import set_pin
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import items, tap, text_of
from tests.servers import free_port
from tests.unit.outbox.conftest import a_request

PIN = "482915"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, data: Path) -> Iterator[Kiosk]:
    config = load_config(None, {
        "KIOSK_PATHS_DATA_DIR": str(data), "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log"),
        "KIOSK_KIOSK_ID": "lobby-1",
        "KIOSK_CONTENT_UPDATE_URL": f"http://127.0.0.1:{free_port()}/clinic.kbundle",
    })  # fmt: skip
    set_pin(config.pin_file(), PIN)
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT), ManualClock(), config)
    kiosk.window.resize(1080, 1920)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    yield kiosk
    kiosk.window.close()
    kiosk.form.close()


def open_staff_screen(kiosk: Kiosk) -> None:
    kiosk.navigation.openStaff()
    settle()
    for digit in PIN:
        tap(kiosk.window, f"pin_{digit}")
    tap(kiosk.window, "pin_open")


def texts(kiosk: Kiosk, name: str) -> list[str]:
    return [str(i.property("text")) for i in items(kiosk.window) if i.objectName() == name]


def problems(kiosk: Kiosk) -> list[str]:
    """What needs attention, besides the sample being a draft (its own test says so)."""
    return [p for p in texts(kiosk, "staffProblem") if not p.startswith(DRAFTS)]


DRAFTS = "28 pages are drafts, not yet reviewed by a clinician"


def test_staff_are_told_the_content_is_a_draft(kiosk: Kiosk) -> None:
    open_staff_screen(kiosk)

    assert f"{DRAFTS}: patients see them marked as drafts. Ask the content author." in texts(
        kiosk, "staffProblem"
    )


def with_clinic_key(data: Path, public_key: PublicKey) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "clinic.pub").write_text(public_key_text(public_key))


def test_staff_see_the_last_update_check_and_its_failure(kiosk: Kiosk, data: Path) -> None:
    url = kiosk.config.text("content.update_url")
    check_for_update(UpdateSource(url, timeout=2), data, dict, "0.1.0")  # nobody answers

    open_staff_screen(kiosk)

    facts = texts(kiosk, "staffFact")
    assert facts[0].startswith("lobby-1, app version")
    assert any(f.startswith("last check 20") and "offline: connection refused" in f for f in facts)
    assert any(
        "The last content update check could not reach the server: connection refused" in p
        for p in problems(kiosk)
    )


def test_staff_are_told_of_a_damaged_outbox_kept_aside(
    kiosk: Kiosk, data: Path, public_key: PublicKey
) -> None:
    with_clinic_key(data, public_key)
    with Outbox.open(data, public_key) as outbox:
        outbox.submit(a_request())
    (data / DATABASE).write_bytes(b"overwritten by a disk fault" * 200)

    outbox = open_outbox(data, kiosk=kiosk)  # as at start

    assert outbox is not None
    kiosk.form.attach(outbox)
    open_staff_screen(kiosk)
    [problem] = problems(kiosk)
    assert problem.startswith("The outbox database was damaged: it is kept as ")
    assert "outbox.damaged-" in problem
    assert "0 requests were saved from it" in problem


def test_a_request_that_cannot_be_saved_shows_on_the_staff_screen(
    kiosk: Kiosk, data: Path, public_key: PublicKey
) -> None:
    with_clinic_key(data, public_key)
    kiosk.form.attach(open_outbox(data, kiosk=kiosk))
    with closing(sqlite3.connect(data / DATABASE)) as db:
        db.execute("CREATE TRIGGER broken BEFORE INSERT ON requests BEGIN"
                   " SELECT RAISE(FAIL, 'disk I/O error'); END")  # fmt: skip
    fields = {"name": "Di", "phone": "5185550142", "consent": True}

    assert kiosk.form.submit(fields)["failed"]  # the patient is told to see the front desk

    open_staff_screen(kiosk)
    [problem] = problems(kiosk)
    assert problem.startswith("The last contact request could not be saved (could not store")
    assert "disk I/O error" in problem
    assert problem.endswith("Tell IT.")
    with closing(sqlite3.connect(data / DATABASE)) as db:
        db.execute("DROP TRIGGER broken")
    assert kiosk.form.submit(fields)["saved"]  # and once it works again, the line goes
    kiosk.staff.refresh()
    assert problems(kiosk) == []


# size: one story: disk fills, patient told, staff told, space freed, saving resumes
def test_a_full_disk_tells_the_patient_and_the_staff_and_saving_resumes(
    qtbot: QtBot, small_disk: Path, tmp_path: Path, public_key: PublicKey
) -> None:
    """For real: the data folder is a 2 MB file system the test fills."""
    from tests.conftest import fill
    from tests.gui.test_contact_form import fill_in

    data = small_disk / "data"
    config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(data),
                                "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log")})  # fmt: skip
    set_pin(config.pin_file(), PIN)
    with_clinic_key(data, public_key)
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT), ManualClock(), config)
    kiosk.window.resize(1080, 1920)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    kiosk.form.attach(open_outbox(data, kiosk=kiosk))
    filler = fill(small_disk)
    try:
        kiosk.navigation.home()
        kiosk.navigation.openContact()
        settle()
        fill_in(kiosk, "eli")
        tap(kiosk.window, "sendRequest")
        assert "We could not save your request. Please tell the front desk" in text_of(
            kiosk.window, "saveFailed"
        )
        kiosk.navigation.home()
        open_staff_screen(kiosk)
        assert "The disk is full: new contact requests cannot be saved. Tell IT." in texts(
            kiosk, "staffProblem"
        )
        assert any(fact.endswith(" — full") for fact in texts(kiosk, "staffFact"))

        filler.unlink()  # IT frees space
        assert kiosk.form.submit({"name": "Eli", "phone": "5185550142", "consent": True})["saved"]
        kiosk.staff.refresh()
        assert not [p for p in problems(kiosk) if "disk is full" in p]
    finally:
        kiosk.window.close()
        kiosk.form.close()
