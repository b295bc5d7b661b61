"""Shared fixtures; Qt runs offscreen with the software Quick backend."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.tls import Certificates, make_certificates

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
SAMPLE_CONTENT = REPO / "content"

MakeBundle = Callable[..., Path]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session")
def clinic_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A clinic key pair made once per test session, with cheap key-derivation settings."""
    from kiosk.outbox.keys import INTERACTIVE, new_key_pair

    folder = tmp_path_factory.mktemp("keys")
    return new_key_pair(folder, PASSPHRASE, strength=INTERACTIVE)


@pytest.fixture(scope="session")
def private_key(clinic_keys: tuple[Path, Path]) -> object:
    from kiosk.outbox.keys import read_private_key

    return read_private_key(clinic_keys[1], PASSPHRASE)


@pytest.fixture(scope="session")
def public_key(clinic_keys: tuple[Path, Path]) -> object:
    from kiosk.outbox.keys import read_public_key

    return read_public_key(clinic_keys[0])


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """A clinic's private authority and the certificate it signed for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("needs openssl (.ci/run installs it)")
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session", autouse=True)
def _kiosk_folders_in_a_temporary_place(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """No test, nor any kiosk process a test starts, writes into the real home folder."""
    folders = tmp_path_factory.mktemp("kiosk-folders")
    saved = {name: os.environ.get(name) for name in ("KIOSK_PATHS_DATA_DIR", "KIOSK_PATHS_LOG_DIR")}
    os.environ["KIOSK_PATHS_DATA_DIR"] = str(folders / "data")
    os.environ["KIOSK_PATHS_LOG_DIR"] = str(folders / "log")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def make_bundle(tmp_path: Path) -> MakeBundle:
    """A copy of tests/data/good, with the files of tests/data/<overlay> laid over it."""

    def make(overlay: str | None = None) -> Path:
        root = tmp_path / "content"
        shutil.copytree(DATA / "good", root)
        if overlay is not None:
            shutil.copytree(DATA / overlay, root, dirs_exist_ok=True)
        return root

    return make


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs .ci/run as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        # Lazily: a test that failed half-way may still hold a file open there.
        subprocess.run(["umount", "--lazy", str(mount)], check=True)


def fill(folder: Path) -> Path:
    """Write a file until the disk refuses another byte."""
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass  # ENOSPC: the disk is full
    finally:
        os.close(handle)
    return filler
