"""Installing, rolling back and surviving a crash mid-install."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.bundles import store
from kiosk.bundles.signing import key_id
from kiosk.bundles.verify import BundleRefused
from kiosk.content.loader import read_bundle
from tests.conftest import DATA, REPO
from tests.unit.bundles.helpers import (
    KEY,
    TRUSTED,
    folder_files,
    installed_files,
    signed_bundle,
    version_of,
)

APP = "0.1.0"
GOOD = folder_files(DATA / "good")


@pytest.fixture
def versions(tmp_path: Path) -> dict[int, Path]:
    return {
        v: signed_bundle(version_of(GOOD, v), tmp_path / f"v{v}.kbundle", "test-clinic", v)
        for v in (3, 4, 5)
    }


def snapshot(data_dir: Path) -> dict[str, bytes]:
    root = data_dir / "bundles"
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_install_makes_the_bundle_active(tmp_path: Path, versions: dict[int, Path]) -> None:
    installed = store.install(versions[3], tmp_path, TRUSTED, APP)

    assert (installed.id, installed.version) == ("test-clinic", 3)
    assert store.active(tmp_path) == installed
    assert read_bundle(installed.path).bundle is not None
    assert installed_files(installed.path) == version_of(GOOD, 3)


def test_upgrade_keeps_the_previous_and_rollback_returns_to_it(
    tmp_path: Path, versions: dict[int, Path]
) -> None:
    store.install(versions[3], tmp_path, TRUSTED, APP)
    store.install(versions[4], tmp_path, TRUSTED, APP)
    store.install(versions[5], tmp_path, TRUSTED, APP)

    assert store.active(tmp_path).version == 5  # type: ignore[union-attr]
    assert store.previous(tmp_path).version == 4  # type: ignore[union-attr]
    assert sorted(p.name for p in (tmp_path / "bundles" / "test-clinic").iterdir()) == ["4", "5"]
    assert store.rollback(tmp_path).version == 4
    assert store.previous(tmp_path).version == 5  # type: ignore[union-attr]


def test_no_previous_no_rollback(tmp_path: Path, versions: dict[int, Path]) -> None:
    store.install(versions[3], tmp_path, TRUSTED, APP)

    with pytest.raises(BundleRefused, match="no previous bundle"):
        store.rollback(tmp_path)


def test_older_or_equal_versions_are_refused_unless_asked(
    tmp_path: Path, versions: dict[int, Path]
) -> None:
    store.install(versions[4], tmp_path, TRUSTED, APP)
    before = snapshot(tmp_path)

    with pytest.raises(BundleRefused, match="version 3 is not newer than the installed version 4"):
        store.install(versions[3], tmp_path, TRUSTED, APP)
    with pytest.raises(BundleRefused, match="already installed and showing"):
        store.install(versions[4], tmp_path, TRUSTED, APP, allow_downgrade=True)
    assert snapshot(tmp_path) == before

    assert store.install(versions[3], tmp_path, TRUSTED, APP, allow_downgrade=True).version == 3


def test_refusals_change_nothing(tmp_path: Path, versions: dict[int, Path]) -> None:
    store.install(versions[3], tmp_path, TRUSTED, APP)
    before = snapshot(tmp_path)
    tampered = tmp_path / "tampered.kbundle"
    tampered.write_bytes(versions[4].read_bytes()[:-200])  # a truncated download
    broken = signed_bundle(
        {**version_of(GOOD, 6), "pages/details.md": b"---\ntitle: x\n---\n[a](nowhere.md)\n"},
        tmp_path / "broken.kbundle", "test-clinic", 6,
    )  # fmt: skip

    with pytest.raises(BundleRefused, match="not a content bundle"):
        store.install(tampered, tmp_path, TRUSTED, APP)
    with pytest.raises(BundleRefused, match="the content does not load"):
        store.install(broken, tmp_path, TRUSTED, APP)
    with pytest.raises(BundleRefused, match="not enough disk space"):
        store.install(versions[4], tmp_path, TRUSTED, APP, min_free=2**62)
    with pytest.raises(BundleRefused, match="does not trust"):
        store.install(versions[4], tmp_path, {}, APP)

    assert snapshot(tmp_path) == before
    assert store.active(tmp_path).version == 3  # type: ignore[union-attr]
    assert not [p for p in (tmp_path / "bundles").iterdir() if p.name.startswith(".staging")]


def test_leftover_staging_is_cleaned(tmp_path: Path) -> None:
    leftover = tmp_path / "bundles" / ".staging-123-abcd"
    (leftover / "pages").mkdir(parents=True)

    assert store.clean_staging(tmp_path) == 1
    assert not leftover.exists()


def _kill_an_install(data_dir: Path, bundles: list[Path], rng: random.Random) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.bundles.install_child", str(data_dir),
         *map(str, bundles)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    for _ in range(rng.randint(0, 2)):  # whole installs first, however slow the machine
        assert child.stdout.readline().strip() == "installed"
    time.sleep(rng.uniform(0.0, 0.3))  # then a random moment: the kill lands mid-install
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()


def _assert_whole(data_dir: Path, bundles: dict[int, Path]) -> int:
    """The active bundle is exactly one of the versions, every file, nothing else."""
    store.clean_staging(data_dir)
    shown = store.active(data_dir)
    assert shown is not None
    assert installed_files(shown.path) == version_of(GOOD, shown.version)
    assert read_bundle(shown.path).bundle is not None
    pointer = json.loads((data_dir / "bundles" / "active.json").read_text())
    assert pointer["active"]["version"] == shown.version
    assert pointer["active"]["key_id"] == key_id(KEY.verify_key)  # as signed, by that key
    return shown.version


def _crash_installs(kills: int, tmp_path: Path, versions: dict[int, Path]) -> None:
    data_dir = tmp_path / "data"
    store.install(versions[3], data_dir, TRUSTED, APP)
    rng = random.Random(2026)
    seen = set()
    for _ in range(kills):
        _kill_an_install(data_dir, [versions[4], versions[5], versions[3]], rng)
        seen.add(_assert_whole(data_dir, versions))
    assert len(seen) > 1  # the kills came while installs were really switching versions


def test_an_install_killed_at_any_moment_leaves_old_or_new_whole_20(
    tmp_path: Path, versions: dict[int, Path]
) -> None:
    _crash_installs(20, tmp_path, versions)


@pytest.mark.soak
def test_an_install_killed_at_any_moment_leaves_old_or_new_whole_200(
    tmp_path: Path, versions: dict[int, Path]
) -> None:
    _crash_installs(200, tmp_path, versions)
