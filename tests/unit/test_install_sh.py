"""install.sh and uninstall.sh from a real tarball, into a temporary root (--prefix)."""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

import build_installer as bi
from tests.unit.test_build_installer import fake_app


def unpack(version: str, tmp_path: Path) -> Path:
    """Build a tarball around a stand-in app and unpack it, as IT would."""
    built = tmp_path / f"build-{version}"
    archive = bi.linux_tarball(fake_app(built, version), version, built, machine="x86_64")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    return tmp_path / "unpacked" / f"clinic-kiosk-{version}-linux-x86_64"


def run(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(script), *args], capture_output=True, text=True, check=False)


def version_of(program: Path) -> str:
    return run(program, "--version").stdout.strip()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "root"


def test_install_puts_each_part_in_its_place(tmp_path: Path, root: Path) -> None:
    unpacked = unpack("1.0.0", tmp_path)

    done = run(unpacked / "install.sh", "--no-service", "--prefix", str(root))

    assert done.returncode == 0, done.stderr
    assert f"installed clinic-kiosk 1.0.0 in {root}/opt/clinic-kiosk" in done.stdout
    app = root / "opt" / "clinic-kiosk"
    for name in ("clinic-kiosk", "kiosk-admin", "uninstall.sh"):
        assert os.access(app / name, os.X_OK), name
    assert (app / "INSTALL.md").is_file()
    settings = (root / "etc/clinic-kiosk/kiosk.toml").read_text()
    assert f"data_dir = '{root}/var/lib/clinic-kiosk'" in settings
    assert f"log_dir = '{root}/var/log/clinic-kiosk'" in settings
    for folder in ("var/lib/clinic-kiosk", "var/log/clinic-kiosk"):
        assert (root / folder).stat().st_mode & 0o777 == 0o750, folder
    assert (root / "var/lib/clinic-kiosk/trusted-keys").is_dir()
    assert version_of(root / "usr/local/bin/kiosk-admin") == "kiosk-admin 1.0.0"


def test_reinstalling_upgrades_and_keeps_settings_requests_and_content(
    tmp_path: Path, root: Path
) -> None:
    first = unpack("1.0.0", tmp_path / "one")
    assert run(first / "install.sh", "--no-service", "--prefix", str(root)).returncode == 0
    settings = root / "etc/clinic-kiosk/kiosk.toml"
    settings.write_text(settings.read_text() + "\n[session]\nidle_seconds = 150\n")
    requests = root / "var/lib/clinic-kiosk/requests.sqlite3"
    requests.write_bytes(b"waiting requests")
    (root / "opt/clinic-kiosk/_internal/old-only.so").write_bytes(b"from 1.0.0")

    second = unpack("1.1.0", tmp_path / "two")
    done = run(second / "install.sh", "--no-service", "--prefix", str(root))

    assert done.returncode == 0, done.stderr
    assert "kept the settings" in done.stdout
    assert "idle_seconds = 150" in settings.read_text()
    assert (root / "etc/clinic-kiosk/kiosk.toml.default").is_file()
    assert requests.read_bytes() == b"waiting requests"
    assert not (root / "opt/clinic-kiosk/_internal/old-only.so").exists()
    assert version_of(root / "opt/clinic-kiosk/kiosk-admin") == "kiosk-admin 1.1.0"
    assert not list((root / "opt").glob("clinic-kiosk.*"))  # no half-swapped copies


def test_uninstall_keeps_data_unless_purged(tmp_path: Path, root: Path) -> None:
    unpacked = unpack("1.0.0", tmp_path)
    assert run(unpacked / "install.sh", "--no-service", "--prefix", str(root)).returncode == 0
    requests = root / "var/lib/clinic-kiosk/requests.sqlite3"
    requests.write_bytes(b"waiting requests")
    uninstall = root / "opt/clinic-kiosk/uninstall.sh"
    kept_copy = tmp_path / "uninstall.sh"
    kept_copy.write_bytes(uninstall.read_bytes())
    kept_copy.chmod(0o755)

    done = run(uninstall, "--prefix", str(root))

    assert done.returncode == 0, done.stderr
    assert not (root / "opt/clinic-kiosk").exists()
    assert not (root / "usr/local/bin/kiosk-admin").exists()
    assert requests.read_bytes() == b"waiting requests"
    assert (root / "etc/clinic-kiosk/kiosk.toml").is_file()

    assert run(kept_copy, "--purge", "--prefix", str(root)).returncode == 0
    assert not (root / "var/lib/clinic-kiosk").exists()
    assert not (root / "etc/clinic-kiosk").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--prefix", "ROOT"], "--prefix installs files only: add --no-service"),
        (
            ["--no-service", "--prefix", "ROOT", "--user", "no-such-user"],
            "no user no-such-user on this machine",
        ),
        (["--bogus"], "usage: install.sh"),
    ],
)
def test_install_explains_what_it_cannot_do(
    tmp_path: Path, root: Path, args: list[str], message: str
) -> None:
    unpacked = unpack("1.0.0", tmp_path)

    done = run(unpacked / "install.sh", *[str(root) if a == "ROOT" else a for a in args])

    assert done.returncode != 0
    assert message in done.stderr
    assert not (root / "opt").exists()


def test_install_needs_the_whole_tarball(tmp_path: Path, root: Path) -> None:
    unpacked = unpack("1.0.0", tmp_path)
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "install.sh").write_bytes((unpacked / "install.sh").read_bytes())
    (lone / "install.sh").chmod(0o755)

    done = run(lone / "install.sh", "--no-service", "--prefix", str(root))

    assert done.returncode == 1
    assert "unpack the whole tarball" in done.stderr


def test_install_says_read_aloud_is_off_without_the_speech_packages_and_goes_on(
    tmp_path: Path, root: Path
) -> None:
    unpacked = unpack("1.0.0", tmp_path)
    tools = tmp_path / "tools"  # an ldconfig that knows every library but libspeechd
    tools.mkdir()
    real = next(p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if Path(p).exists())
    (tools / "ldconfig").write_text(f'#!/bin/sh\n{real} "$@" | grep -v libspeechd\n')
    (tools / "ldconfig").chmod(0o755)
    env = {**os.environ, "PATH": f"{tools}:{os.environ['PATH']}"}

    done = subprocess.run([str(unpacked / "install.sh"), "--no-service", "--prefix", str(root)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "read-aloud will be off: this machine lacks libspeechd.so.2" in done.stderr
    assert "apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng" in done.stderr
    assert "installed clinic-kiosk 1.0.0" in done.stdout


def test_install_is_quiet_about_read_aloud_where_the_speech_packages_are(
    tmp_path: Path, root: Path
) -> None:
    if not Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng").exists():
        pytest.skip("needs speech-dispatcher and espeak-ng (.ci/run installs them)")
    unpacked = unpack("1.0.0", tmp_path)

    done = run(unpacked / "install.sh", "--no-service", "--prefix", str(root))

    assert done.returncode == 0, done.stderr
    assert "read-aloud" not in done.stderr
