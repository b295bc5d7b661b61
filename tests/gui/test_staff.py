"""Staff get in with the PIN, see the kiosk's state, act, and get out again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.session.staff import set_pin
from kiosk.session.staff_console import removable_folders
from tests.conftest import REPO, SAMPLE_CONTENT
from tests.gui.conftest import (
    LEFT,
    NO_MODIFIER,
    accessible_name,
    centre,
    find,
    items,
    tap,
    text_of,
)

PIN = "482915"


@pytest.fixture
def with_pin(kiosk: Kiosk) -> Kiosk:
    set_pin(kiosk.config.pin_file(), PIN)
    return kiosk


def type_pin(kiosk: Kiosk, pin: str) -> None:
    for digit in pin:
        tap(kiosk.window, f"pin_{digit}")
    tap(kiosk.window, "pin_open")


RESOURCES = REPO / "resources"


def signed_in_with_a_usb_stick(kiosk: Kiosk, tmp_path: Path) -> Path:
    """A USB stick plugged in (a folder the console looks in), and staff signed in."""
    usb = tmp_path / "usb"
    usb.mkdir()
    kiosk.staff.console.folders = lambda: [str(usb)]
    kiosk.navigation.openStaff()
    settle()
    type_pin(kiosk, PIN)
    return usb


def test_holding_the_clinic_name_for_five_seconds_opens_the_pin_pad(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    name = centre(find(window, "attractClinic"))

    QTest.mousePress(window, LEFT, NO_MODIFIER, name)
    qtbot.waitUntil(lambda: kiosk.navigation.screen == "staff", timeout=10_000)  # after 5 s
    QTest.mouseRelease(window, LEFT, NO_MODIFIER, name)
    settle()

    assert kiosk.navigation.screen == "staff"
    assert find(window, "pin_open").isVisible()


def test_a_short_tap_on_the_name_just_starts(kiosk: Kiosk) -> None:
    tap(kiosk.window, "attractClinic")

    assert kiosk.navigation.screen == "home"


def test_a_wrong_pin_is_refused_in_plain_words(with_pin: Kiosk) -> None:
    kiosk = with_pin
    kiosk.navigation.openStaff()
    settle()

    type_pin(kiosk, "111222")

    assert text_of(kiosk.window, "staffMessage") == "Wrong PIN. Try again."
    assert not kiosk.staff.unlocked


def test_the_right_pin_shows_the_state_and_exports_to_a_usb_folder(
    with_pin: Kiosk, tmp_path: Path
) -> None:
    kiosk = with_pin
    usb = signed_in_with_a_usb_stick(kiosk, tmp_path)

    facts = [i.property("text") for i in items(kiosk.window) if i.objectName() == "staffFact"]
    assert facts[1] == f"libertas-mind version 1, from {SAMPLE_CONTENT}"
    assert any("waiting" in fact and "delivered" in fact for fact in facts)
    assert any("GB free" in fact for fact in facts)
    tap(kiosk.window, "exportTo")
    assert text_of(kiosk.window, "staffMessage") == f"Exported 0 requests to {usb}."


def test_restart_and_exit_end_the_kiosk_with_the_service_files_statuses(
    with_pin: Kiosk, quits: list[int]
) -> None:
    kiosk = with_pin
    kiosk.navigation.openStaff()
    settle()
    type_pin(kiosk, PIN)

    tap(kiosk.window, "staffRestart")
    assert quits == [0]  # systemd starts it again
    assert not kiosk.window.property("exitAllowed")
    tap(kiosk.window, "staffExit")
    assert quits == [0, 64]  # RestartPreventExitStatus: staff meant it
    assert kiosk.window.property("exitAllowed")


def test_leaving_locks_the_staff_screen_again(with_pin: Kiosk) -> None:
    kiosk = with_pin
    kiosk.navigation.openStaff()
    settle()
    type_pin(kiosk, PIN)
    assert kiosk.staff.unlocked

    tap(kiosk.window, "staffClose")

    assert kiosk.navigation.screen == "home"
    kiosk.navigation.openStaff()
    settle()
    assert not kiosk.staff.unlocked
    assert find(kiosk.window, "pin_open").isVisible()


def test_staff_actions_are_audited_without_the_pin(with_pin: Kiosk) -> None:
    kiosk = with_pin
    kiosk.navigation.openStaff()
    settle()
    type_pin(kiosk, "999111")
    type_pin(kiosk, PIN)

    audit = (kiosk.config.path("paths.log_dir") / "audit.log").read_text().splitlines()
    assert [line.split("\t")[1:] for line in audit[-2:]] == [
        ["staff sign-in", "refused: wrong PIN"],
        ["staff sign-in", "ok"],
    ]
    assert PIN not in "\n".join(audit)
    assert "999111" not in "\n".join(audit)


def test_without_a_pin_staff_are_told_how_to_set_one(kiosk: Kiosk) -> None:
    kiosk.config.pin_file().unlink(missing_ok=True)
    kiosk.navigation.openStaff()
    settle()

    type_pin(kiosk, "123456")

    assert "kiosk-admin pin set" in text_of(kiosk.window, "staffMessage")


# size: staff's whole round: stick in, diff, install, see it, roll back
def test_install_an_update_from_usb_after_seeing_the_diff_then_roll_back(
    with_pin: Kiosk, tmp_path: Path
) -> None:
    import base64

    from kiosk.bundles import store
    from kiosk.bundles.signing import TRUSTED_KEYS
    from tests.conftest import DATA
    from tests.unit.bundles.helpers import KEY, folder_files, signed_bundle, version_of

    kiosk = with_pin
    data_dir = kiosk.config.path("paths.data_dir")
    (data_dir / TRUSTED_KEYS).mkdir(parents=True, exist_ok=True)
    encoded = base64.b64encode(bytes(KEY.verify_key)).decode()
    (data_dir / TRUSTED_KEYS / "clinic.pub").write_text(f"kiosk-signing-public-key-v1 {encoded}\n")
    usb = tmp_path / "usb"
    usb.mkdir()
    good = folder_files(DATA / "good")
    for version in (7, 8):
        signed_bundle(version_of(good, version), usb / f"update-{version}.kbundle",
                      "test-clinic", version)  # fmt: skip
    kiosk.staff.console.folders = lambda: [str(usb)]
    kiosk.navigation.openStaff()
    settle()
    type_pin(kiosk, PIN)
    updates = [i for i in items(kiosk.window) if i.objectName() == "previewUpdate"]
    assert [u.property("text") for u in updates] == [
        "See what update-7.kbundle changes",
        "See what update-8.kbundle changes",
    ]

    tap(kiosk.window, updates[0])
    preview = text_of(kiosk.window, "updatePreview")
    assert preview.startswith("libertas-mind version 1 → test-clinic version 7")
    assert "added intro:" in preview
    tap(kiosk.window, "installUpdate")

    assert text_of(kiosk.window, "staffMessage") == "Installed version 7. Restarting to show it."
    assert store.active(data_dir).version == 7  # type: ignore[union-attr]
    kiosk.staff.refresh()
    settle()
    assert not any(i.objectName() == "staffRollBack" and i.isVisible() for i in items(kiosk.window))

    updates = [i for i in items(kiosk.window) if i.objectName() == "previewUpdate"]
    tap(kiosk.window, updates[1])
    tap(kiosk.window, "installUpdate")
    assert store.active(data_dir).version == 8  # type: ignore[union-attr]
    kiosk.staff.refresh()
    tap(kiosk.window, "staffRollBack")

    assert text_of(kiosk.window, "staffMessage") == "Back to version 7. Restarting to show it."
    assert store.active(data_dir).version == 7  # type: ignore[union-attr]
    audit = (kiosk.config.path("paths.log_dir") / "audit.log").read_text().splitlines()
    assert [line.split("\t")[1:] for line in audit[-3:]] == [
        ["install update", "test-clinic version 7"],
        ["install update", "test-clinic version 8"],
        ["roll back", "test-clinic version 7"],
    ]


def test_a_stick_mounted_where_the_usb_rule_puts_it_is_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    media = tmp_path / "run" / "media"
    stick = media / "system" / "CLINIC-USB"  # systemd-mount: /run/media/system/<label>
    stick.mkdir(parents=True)
    (media / "system" / "not-mounted").mkdir()
    monkeypatch.setattr(Path, "is_mount", lambda path: path == stick)

    assert removable_folders((media, tmp_path / "media")) == [str(stick)]


def test_the_usb_rule_mounts_sticks_for_the_kiosk_and_runs_nothing_from_them() -> None:
    rule = (RESOURCES / "linux" / "90-clinic-kiosk-usb.rules").read_text()
    command = rule.split('RUN{program}+="', 1)[1].split('"', 1)[0].split()

    assert 'SUBSYSTEMS=="usb"' in rule  # USB only, never an internal disk
    assert 'ACTION=="add"' in rule
    assert command[0] == "/usr/bin/systemd-mount"
    assert "--owner=kiosk" in command  # the user the service runs as can write exports
    assert "--options=noexec,nosuid,nodev" in command
    assert command[-1] == "$devnode"  # one argument: /run/media/system/<label>


def test_staff_see_the_most_read_pages_and_save_the_usage_report(
    with_pin: Kiosk, tmp_path: Path
) -> None:
    import datetime as dt

    from kiosk.usage.report import CSV_FILE, HTML_FILE
    from kiosk.usage.store import UsageStore

    kiosk = with_pin
    today = dt.date.today().isoformat()
    store = UsageStore.open(tmp_path / "data")
    store.add({(today, "page opened", "migraine", "en-US"): 12,
               (today, "page opened", "crps", "es-US"): 6,
               (today, "page opened", "opioids", "en-US"): 2})  # fmt: skip
    store.close()
    kiosk.staff.console._data_dir = tmp_path / "data"
    usb = signed_in_with_a_usb_stick(kiosk, tmp_path)

    bars = [i for i in items(kiosk.window) if i.objectName() == "usageBar" and i.isVisible()]
    names = [accessible_name(bar) for bar in bars]
    assert names == ["Migraine: 12", "Complex regional pain syndrome (CRPS): 6"]  # not opioids
    assert bars[0].childItems()[1].width() > bars[1].childItems()[1].width()
    tap(kiosk.window, "exportUsageTo")
    assert text_of(kiosk.window, "staffMessage") == (
        f"Saved the usage report of the last 30 days to {usb}."
    )
    assert (usb / CSV_FILE).is_file()
    assert "Migraine" in (usb / HTML_FILE).read_text(encoding="utf-8")
