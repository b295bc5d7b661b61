"""New content installed while the kiosk runs shows at the next reset, without a restart;
it is read off the screen's thread, and swapped in only while nobody is using the kiosk."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge import following
from kiosk.bridge.walk import settle
from kiosk.bundles import pointer, store
from kiosk.content.loader import read_bundle
from kiosk.session.idle import ManualClock
from tests.conftest import DATA
from tests.gui.conftest import find, items, tap, text_of
from tests.unit.bundles.helpers import TRUSTED, folder_files, signed_bundle, version_of

GOOD = folder_files(DATA / "good")
MORE_PAGE = (
    b"---\ntitle: More\nsummary: A new page.\nlast_reviewed: 2026-10-01\nreviewed_by: Staff\n"
    b"---\n\nNew words. Back to [the start](intro.md).\n"
)


def bundle_v(version: int, tmp_path: Path, **extra: bytes) -> Path:
    files = version_of(GOOD, version)
    files["bundle.toml"] = files["bundle.toml"].replace(
        b'name = "Test Clinic"', f'name = "Test Clinic {version}"'.encode()
    )
    return signed_bundle({**files, **extra}, tmp_path / f"v{version}.kbundle", "test-clinic",
                         version)  # fmt: skip


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[Kiosk]:
    from kiosk.config import load_config

    config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(tmp_path / "data"),
                                "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log")})  # fmt: skip
    installed = store.install(bundle_v(3, tmp_path), tmp_path / "data", TRUSTED, "0.1.0")
    kiosk = Kiosk(read_bundle(installed.path), ManualClock(), config, follow_installed=True)
    kiosk.window.resize(1080, 1920)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    yield kiosk
    kiosk.window.close()


def shows(qtbot: QtBot, kiosk: Kiosk, clinic: str) -> None:
    """Wait until the follower has read what it was reading, and the attract screen names
    `clinic`."""
    follower = kiosk.follower
    assert follower is not None
    qtbot.waitUntil(lambda: not follower.loading, timeout=10_000)
    assert text_of(kiosk.window, "attractClinic") == clinic


def test_a_new_install_shows_at_the_next_reset(kiosk: Kiosk, qtbot: QtBot, tmp_path: Path) -> None:
    window = kiosk.window
    assert text_of(window, "attractClinic") == "Test Clinic 3"
    tap(window, "attractClinic")
    store.install(bundle_v(4, tmp_path, **{"pages/more.md": MORE_PAGE}), tmp_path / "data",
                  TRUSTED, "0.1.0")  # fmt: skip
    assert kiosk.navigation.screen == "home"  # a patient is here: nothing changes yet

    tap(window, "doneButton")

    shows(qtbot, kiosk, "Test Clinic 4")
    assert kiosk.result.bundle is not None
    assert kiosk.result.bundle.version == 4
    kiosk.navigation.home()
    assert kiosk.navigation.openPage("more")
    settle()
    assert text_of(window, "pageTitle") == "More"


def test_a_new_install_that_does_not_load_is_rolled_back(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    new = store.install(bundle_v(5, tmp_path), tmp_path / "data", TRUSTED, "0.1.0")
    (new.path / "bundle.toml").write_text("damaged [")
    tap(kiosk.window, "attractClinic")

    tap(kiosk.window, "doneButton")

    shows(qtbot, kiosk, "Test Clinic 3")
    assert store.active(tmp_path / "data").version == 3  # type: ignore[union-attr]
    assert find(kiosk.window, "attractClinic").isVisible()


def test_nobody_on_the_attract_screen_new_content_shows_within_a_minute(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert kiosk.follower is not None
    kiosk.follower.note_showing()  # as the running kiosk does after its first frame
    timer = kiosk.follower.timer
    assert timer is not None
    assert timer.isActive()
    assert timer.interval() <= 60_000
    timer.setInterval(20)  # the test does not wait the half-minute
    store.install(bundle_v(4, tmp_path), data, TRUSTED, "0.1.0")
    assert pointer.showing(data).version == 3  # type: ignore[union-attr]

    qtbot.waitUntil(
        lambda: text_of(kiosk.window, "attractClinic") == "Test Clinic 4", timeout=10_000
    )

    assert pointer.showing(data).version == 4  # type: ignore[union-attr]
    assert kiosk.live().showing.version == 4  # type: ignore[union-attr]


def test_a_patient_reading_is_never_interrupted_by_new_content(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    assert kiosk.follower is not None
    kiosk.follower.note_showing()
    tap(kiosk.window, "attractClinic")  # a patient starts
    store.install(bundle_v(4, tmp_path), tmp_path / "data", TRUSTED, "0.1.0")

    for _ in range(3):
        kiosk.follower.look()  # type: ignore[union-attr]  # the half-minute look, while they read

    assert kiosk.result.bundle.version == 3  # type: ignore[union-attr]
    assert kiosk.navigation.screen == "home"


def test_new_content_that_does_not_load_is_tried_once_not_every_half_minute(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing was installed before it, so there is nothing to go back to: say so once."""
    from kiosk.config import load_config
    from tests.conftest import SAMPLE_CONTENT

    config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(tmp_path / "data"),
                                "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log")})  # fmt: skip
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT), ManualClock(), config, follow_installed=True)
    kiosk.window.resize(1080, 1920)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    broken = store.install(bundle_v(5, tmp_path), tmp_path / "data", TRUSTED, "0.1.0")
    (broken.path / "bundle.toml").write_text("damaged [")

    for _ in range(3):
        kiosk.follower.look()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: not kiosk.follower.loading)  # type: ignore[union-attr]

    assert kiosk.result.bundle.id == "libertas-mind"  # type: ignore[union-attr]
    assert text_of(kiosk.window, "attractClinic") == "Libertas Mind"
    failures = [r for r in caplog.records if "does not load, and going back failed" in r.message]
    assert len(failures) == 1
    kiosk.window.close()


def test_a_new_install_in_two_languages_is_offered_in_both(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    """A Spanish reader was on the old (English-only) content; the new one is in both."""
    window = kiosk.window
    assert all(i.objectName() != "language-es-US" for i in items(window))  # English only
    spanish = folder_files(DATA / "spanish")
    tap(window, "attractClinic")
    store.install(bundle_v(4, tmp_path, **spanish), tmp_path / "data", TRUSTED, "0.1.0")

    tap(window, "doneButton")

    shows(qtbot, kiosk, "Test Clinic")  # (the Spanish bundle's name)
    assert kiosk.result.bundle is not None
    assert kiosk.result.bundle.languages == ("en-US", "es-US")
    assert kiosk.language.property("current") == "en-US"  # the next patient: the default
    tap(window, "language-es-US")
    assert text_of(window, "homeButton") == "Inicio"
    assert kiosk.navigation.openPage("intro")
    settle()
    assert text_of(window, "pageTitle") == "Introducción"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, list[Path]]]:
    """New content is read only when the test lets it (and each read is counted)."""
    release, reads = threading.Event(), []
    read = following.read_logged

    def slow_read(root: Path, *args: object, **kwargs: object) -> object:
        reads.append(root)
        release.wait(timeout=10)  # a kiosk reading on the screen's thread would stall here
        return read(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(following, "read_logged", slow_read)
    yield release, reads
    release.set()


def install_4_and_look(kiosk: Kiosk, tmp_path: Path) -> following.ContentFollower:
    """Version 4 installed, and the follower starting to read it."""
    assert kiosk.follower is not None
    store.install(bundle_v(4, tmp_path), tmp_path / "data", TRUSTED, "0.1.0")
    kiosk.follower.look()
    return kiosk.follower


def test_the_attract_screen_keeps_drawing_while_new_content_is_read(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path, held: tuple[threading.Event, list[Path]]
) -> None:
    release, _ = held

    follower = install_4_and_look(kiosk, tmp_path)

    assert follower.loading
    with qtbot.waitSignal(kiosk.window.frameSwapped, timeout=5_000):
        kiosk.window.update()  # the screen still draws while the content is read
    assert text_of(kiosk.window, "attractClinic") == "Test Clinic 3"
    release.set()
    shows(qtbot, kiosk, "Test Clinic 4")


def test_content_read_while_a_patient_started_waits_for_the_next_reset(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path, held: tuple[threading.Event, list[Path]]
) -> None:
    release, reads = held
    follower = install_4_and_look(kiosk, tmp_path)
    tap(kiosk.window, "attractClinic")  # a patient starts while it is read
    release.set()
    qtbot.waitUntil(lambda: not follower.loading)
    assert kiosk.navigation.screen == "home"
    assert kiosk.result.bundle.version == 3  # type: ignore[union-attr]

    tap(kiosk.window, "doneButton")

    shows(qtbot, kiosk, "Test Clinic 4")
    assert len(reads) == 1  # read once, shown when they were done


def test_a_good_install_while_a_broken_one_is_read_is_not_rolled_back(
    kiosk: Kiosk, qtbot: QtBot, tmp_path: Path, held: tuple[threading.Event, list[Path]]
) -> None:
    release, _ = held
    assert kiosk.follower is not None
    data = tmp_path / "data"
    broken = store.install(bundle_v(5, tmp_path), data, TRUSTED, "0.1.0")
    (broken.path / "bundle.toml").write_text("damaged [")
    kiosk.follower.look()
    store.install(bundle_v(6, tmp_path), data, TRUSTED, "0.1.0")  # lands while 5 is read
    release.set()
    qtbot.waitUntil(lambda: not kiosk.follower.loading)  # type: ignore[union-attr]

    assert store.active(data).version == 6  # type: ignore[union-attr]
    kiosk.follower.look()
    shows(qtbot, kiosk, "Test Clinic 6")
