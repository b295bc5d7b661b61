"""What `make package` writes besides the app folder: the Linux tarball, the Windows
setup script, the wheel, and the settings file each installs."""

from __future__ import annotations

import platform
import re
import shutil
import string
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"  # what the installers put on a machine besides the app
APP = "clinic-kiosk"


def system_config(default: str, data_dir: str, log_dir: str) -> str:
    """The shipped kiosk.toml with the machine-wide data and log folders set."""

    def uncomment(name: str, value: str) -> Callable[[re.Match[str]], str]:
        return lambda _: f"{name} = '{value}'"

    text, found_data = re.subn(
        r"^# data_dir = .*$", uncomment("data_dir", data_dir), default, flags=re.MULTILINE
    )
    text, found_log = re.subn(
        r"^# log_dir = .*$", uncomment("log_dir", log_dir), text, flags=re.MULTILINE
    )
    if not (found_data == found_log == 1):
        raise ValueError("kiosk.toml no longer lists paths.data_dir and paths.log_dir")
    return text


LINUX_DATA, LINUX_LOGS = "/var/lib/clinic-kiosk", "/var/log/clinic-kiosk"
WINDOWS_DATA, WINDOWS_LOGS = (
    r"C:\ProgramData\clinic-kiosk\data",
    r"C:\ProgramData\clinic-kiosk\logs",
)


def default_settings() -> str:
    return (RESOURCES / "kiosk.toml").read_text(encoding="utf-8")


# --- Linux tarball -----------------------------------------------------------------------


def linux_name(version: str, machine: str | None = None) -> str:
    return f"{APP}-{version}-linux-{machine or platform.machine()}"


def linux_tarball(app_dir: Path, version: str, out_dir: Path, machine: str | None = None) -> Path:
    """dist/clinic-kiosk-<version>-linux-<machine>.tar.gz: the app and how to install it.

    clinic-kiosk-<version>-linux-<machine>/
        install.sh  uninstall.sh  INSTALL.md  kiosk.toml
        clinic-kiosk.service  clinic-kiosk.pam  90-clinic-kiosk-usb.rules
        app/   (the PyInstaller folder: clinic-kiosk, kiosk-admin, _internal/, licenses/,
                and clinic-kiosk-session, which the service runs)
    """
    top = linux_name(version, machine)
    linux = service = RESOURCES / "linux"
    files = {
        "install.sh": (linux / "install.sh", 0o755),
        "uninstall.sh": (linux / "uninstall.sh", 0o755),
        "INSTALL.md": (ROOT / "INSTALL.md", 0o644),
        "clinic-kiosk.service": (service / "clinic-kiosk.service", 0o644),
        "clinic-kiosk.pam": (service / "clinic-kiosk.pam", 0o644),
        "90-clinic-kiosk-usb.rules": (service / "90-clinic-kiosk-usb.rules", 0o644),
        "app/clinic-kiosk-session": (service / "clinic-kiosk-session", 0o755),
    }
    settings = system_config(default_settings(), LINUX_DATA, LINUX_LOGS).encode()
    archive = out_dir / f"{top}.tar.gz"
    partial = archive.with_suffix(".partial")
    with tarfile.open(partial, "w:gz", compresslevel=9) as tar:
        tar.add(app_dir, arcname=f"{top}/app", filter=_owned_by_root)
        for name, (source, mode) in files.items():
            info = tar.gettarinfo(source, arcname=f"{top}/{name}")
            info.mode = mode
            with source.open("rb") as data:
                tar.addfile(_owned_by_root(info), data)
        _add_bytes(tar, f"{top}/kiosk.toml", settings, 0o644)
    partial.replace(archive)
    return archive


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int) -> None:
    import io

    info = _owned_by_root(tarfile.TarInfo(name))
    info.size, info.mode = len(data), mode
    tar.addfile(info, io.BytesIO(data))


# --- Windows installer script ---------------------------------------------------------------


def inno_script(version: str) -> str:
    """clinic-kiosk.iss for Inno Setup 6, built on Windows beside dist\\clinic-kiosk."""
    template = (RESOURCES / "windows" / "clinic-kiosk.iss.in").read_text(encoding="utf-8")
    return string.Template(template).substitute(version=version)


def windows_files(version: str, out_dir: Path) -> Path:
    """Write clinic-kiosk.iss and what it packs besides the app folder."""
    settings = system_config(default_settings(), WINDOWS_DATA, WINDOWS_LOGS)
    (out_dir / "kiosk-windows.toml").write_text(settings, encoding="utf-8", newline="\r\n")
    shutil.copyfile(ROOT / "INSTALL.md", out_dir / "INSTALL.md")
    shutil.copyfile(RESOURCES / "windows" / "README.md", out_dir / "lockdown-windows.md")
    script = out_dir / f"{APP}.iss"
    script.write_text(inno_script(version), encoding="utf-8-sig", newline="\r\n")
    return script


# --- wheel ----------------------------------------------------------------------------------


def wheel(out_dir: Path) -> Path:
    """The wheel, for `kiosk-admin` on a staff PC (pipx install dist/clinic_kiosk-….whl)."""
    for old in out_dir.glob("clinic_kiosk-*.whl"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet",
                    "--wheel-dir", str(out_dir)], check=True)  # fmt: skip
    return next(out_dir.glob("clinic_kiosk-*.whl"))
