"""The staff screen's work without a screen: sign in, state, export, show an update's
changes and install it, roll back; each answered in a sentence and audited."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nacl.public import PublicKey

from kiosk.bundles import store
from kiosk.bundles.signing import PUBLIC_KIND, TRUSTED_KEYS
from kiosk.outbox.store import Outbox
from kiosk.secretfile import public_key_text
from kiosk.session.staff import AuditLog, PinGate, set_pin
from kiosk.session.staff_console import StaffConsole
from tests.conftest import DATA
from tests.unit.bundles.helpers import KEY, TRUSTED, folder_files, signed_bundle, version_of
from tests.unit.outbox.conftest import a_request

PIN = "482915"
GOOD = folder_files(DATA / "good")


class Clock:
    now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / TRUSTED_KEYS).mkdir(parents=True)
    (folder / TRUSTED_KEYS / "signing.pub").write_text(
        public_key_text(PUBLIC_KIND, bytes(KEY.verify_key))
    )
    return folder


@pytest.fixture
def console(tmp_path: Path, data: Path) -> StaffConsole:
    set_pin(data / "staff.pin", PIN)
    store.install(signed_bundle(version_of(GOOD, 3), tmp_path / "3.kbundle", "test-clinic", 3),
                  data, TRUSTED, "0.1.0")  # fmt: skip
    usb = tmp_path / "usb"
    usb.mkdir()
    return StaffConsole(
        PinGate(data / "staff.pin", Clock()),
        AuditLog(tmp_path / "audit.log", Clock()),
        data,
        tmp_path / "kiosk.log",
        content_root=lambda: store.active(data).path,  # type: ignore[union-attr]
        health=lambda: ([["Kiosk", "lobby-1"]], []),
        folders=lambda: [str(usb)],
        app_version="0.1.0",
    )


def audited(tmp_path: Path) -> list[list[str]]:
    return [line.split("\t")[1:] for line in (tmp_path / "audit.log").read_text().splitlines()]


def test_the_pin_opens_it_and_a_wrong_one_is_refused_in_words(
    console: StaffConsole, tmp_path: Path
) -> None:
    assert console.sign_in("111222") == "Wrong PIN. Try again."
    assert not console.unlocked

    assert console.sign_in(PIN) == ""
    assert console.unlocked
    assert audited(tmp_path) == [["staff sign-in", "refused: wrong PIN"], ["staff sign-in", "ok"]]
    console.lock()
    assert not console.unlocked


def test_without_a_pin_file_it_says_how_to_set_one(console: StaffConsole, data: Path) -> None:
    (data / "staff.pin").unlink()

    assert console.sign_in(PIN) == "No staff PIN is set. IT sets one with: kiosk-admin pin set"


def test_the_state_is_plain_data(console: StaffConsole, tmp_path: Path) -> None:
    (tmp_path / "kiosk.log").write_text("".join(f"line {n}\n" for n in range(20)))
    shutil.copy(tmp_path / "3.kbundle", tmp_path / "usb" / "update.kbundle")

    state = console.state()

    assert state["facts"] == [["Kiosk", "lobby-1"]]
    assert state["log"] == [f"line {n}" for n in range(8, 20)]  # the last twelve
    assert state["updates"] == [str(tmp_path / "usb" / "update.kbundle")]
    assert state["canRollBack"] is False


def test_a_state_that_cannot_be_read_is_said(console: StaffConsole) -> None:
    def broken() -> tuple[list[list[str]], list[str]]:
        raise RuntimeError("no disk")

    console._health = broken

    assert console.state()["problems"] == ["The kiosk's state cannot be read (no disk). Tell IT."]


def test_export_writes_the_requests_to_the_stick(
    console: StaffConsole, data: Path, tmp_path: Path, public_key: PublicKey
) -> None:
    with Outbox.open(data, public_key) as outbox:
        outbox.submit(a_request())

    answer = console.export_to(str(tmp_path / "usb"))

    assert answer.message == f"Exported 1 requests to {tmp_path / 'usb'}."
    assert len(list((tmp_path / "usb").glob("*.sealed"))) == 1
    assert audited(tmp_path)[-1] == ["export requests", f"1 to {tmp_path / 'usb'}"]


def test_an_update_is_shown_then_installed_then_rolled_back(
    console: StaffConsole, data: Path, tmp_path: Path
) -> None:
    update = signed_bundle(version_of(GOOD, 4), tmp_path / "usb" / "4.kbundle", "test-clinic", 4)

    assert console.show_changes(str(update)).message == ""
    assert console.preview is not None
    assert console.preview.headline.startswith("test-clinic version 3 → test-clinic version 4")
    installed = console.install_shown()
    assert (installed.message, installed.restart) == (
        "Installed version 4. Restarting to show it.", True,
    )  # fmt: skip
    assert store.active(data).version == 4  # type: ignore[union-attr]
    assert console.state()["canRollBack"] is True

    back = console.roll_back()

    assert (back.message, back.restart) == ("Back to version 3. Restarting to show it.", True)
    assert audited(tmp_path)[-2:] == [["install update", "test-clinic version 4"],
                                      ["roll back", "test-clinic version 3"]]  # fmt: skip


def test_a_damaged_update_cannot_be_used_and_nothing_changes(
    console: StaffConsole, data: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "usb" / "bad.kbundle"
    damaged.write_bytes(b"not a bundle")

    answer = console.show_changes(str(damaged))

    assert answer.message.startswith("This update cannot be used:")
    assert console.preview is None
    assert console.install_shown().message == ""  # nothing shown, nothing to install
    assert store.active(data).version == 3  # type: ignore[union-attr]
