"""build_installer.py without a full build: the spec, the installers' files, the smoke test.
(What the build leaves out is in test_pruning.py, its licences in test_licences.py.)"""

from __future__ import annotations

import platform
import stat
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path, PureWindowsPath

import pytest

import build_installer as bi
from kiosk.config import OPTIONS, default_config_file, load_config


def test_the_spec_builds_both_programs_into_one_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = bi.spec_text(Path("/build/entry"))
    compile(spec, "clinic-kiosk.spec", "exec")  # valid Python

    made: dict[str, object] = {}

    class Found:
        def __init__(self, scripts: list[str], **options: object) -> None:
            self.scripts, self.options = scripts, options
            self.pure: list[object] = []
            self.binaries: list[object] = []
            self.datas: list[object] = []

    def program(pyz: object, scripts: list[str], **options: object) -> dict[str, object]:
        made[str(options["name"])] = {"scripts": scripts, **options}
        return made[str(options["name"])]

    def collect(*parts: object, **options: object) -> None:
        made["folder"] = options["name"]
        made["parts"] = parts

    fake = {"Analysis": Found, "PYZ": lambda pure: pure, "EXE": program, "COLLECT": collect}
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(spec, "clinic-kiosk.spec", "exec"), dict(fake))

    assert made["folder"] == "clinic-kiosk"
    kiosk, admin = made["clinic-kiosk"], made["kiosk-admin"]
    assert isinstance(kiosk, dict)
    assert isinstance(admin, dict)
    assert kiosk["scripts"] == ["/build/entry/clinic-kiosk.py"]
    assert admin["scripts"] == ["/build/entry/kiosk-admin.py"]
    assert kiosk["disable_windowed_traceback"] is True  # a crash never shows a dialog
    assert kiosk["console"] is False
    assert admin["console"] is True


def test_the_spec_ships_screens_content_resources_and_pynacl() -> None:
    spec = bi.spec_text(Path("/build/entry"))
    for source, dest in [
        ("kiosk/views", "kiosk/views"),
        ("kiosk/resources", "kiosk/resources"),
        ("content", "content"),
    ]:
        assert f"'{bi.ROOT}/{source}', '{dest}'" in spec
    assert 'hiddenimports=["_cffi_backend"]' in spec
    assert "copy_metadata('clinic-kiosk')" in spec  # the version the app reports
    assert "'PySide6.QtDBus'" in spec
    assert '"pkg_resources"' in spec  # its start-up hook made the frozen kiosk 70 ms slower


def test_windows_settings_name_program_data_in_a_string_toml_keeps_as_is() -> None:
    text = bi.system_config(bi.default_settings(), bi.WINDOWS_DATA, bi.WINDOWS_LOGS)

    paths = tomllib.loads(text)["paths"]

    assert paths == {
        "data_dir": r"C:\ProgramData\clinic-kiosk\data",
        "log_dir": r"C:\ProgramData\clinic-kiosk\logs",
    }


def test_installed_settings_are_read_as_the_kiosk_reads_them(tmp_path: Path) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_text(bi.system_config(bi.default_settings(), bi.LINUX_DATA, bi.LINUX_LOGS))

    config = load_config(file, {})

    assert config.path("paths.data_dir") == Path(bi.LINUX_DATA)
    assert config.path("paths.log_dir") == Path(bi.LINUX_LOGS)
    others = [option.key for option in OPTIONS if option.section != "paths"]
    assert all(config.source(key) == "default" for key in others)


def test_settings_without_the_path_lines_are_refused() -> None:
    with pytest.raises(ValueError, match="no longer lists"):
        bi.system_config("[paths]\n", bi.LINUX_DATA, bi.LINUX_LOGS)


def test_the_kiosk_reads_the_file_the_installers_write() -> None:
    assert default_config_file("linux") == Path("/etc/clinic-kiosk/kiosk.toml")
    windows = default_config_file("win32", {"PROGRAMDATA": r"D:\ProgramData"})
    assert PureWindowsPath(str(windows)) == PureWindowsPath(
        r"D:\ProgramData\clinic-kiosk\kiosk.toml"
    )
    assert r"{commonappdata}\clinic-kiosk" in bi.inno_script("1.2.3")


def fake_app(folder: Path, version: str = "9.9.9") -> Path:
    """An app folder whose programs answer as the built ones do."""
    app = folder / "clinic-kiosk"
    (app / "_internal").mkdir(parents=True)
    (app / "_internal" / "lib.so").write_bytes(b"\x7fELF")
    for name in ("clinic-kiosk", "kiosk-admin"):
        program = app / name
        program.write_text(f'#!/bin/sh\necho "{name} {version}"\n')
        program.chmod(0o755)
    return app


def test_the_linux_tarball_holds_the_app_and_how_to_install_it(tmp_path: Path) -> None:
    archive = bi.linux_tarball(fake_app(tmp_path), "9.9.9", tmp_path, machine="x86_64")

    assert archive.name == "clinic-kiosk-9.9.9-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
        settings = tar.extractfile("clinic-kiosk-9.9.9-linux-x86_64/kiosk.toml")
        assert settings is not None
        installed_settings = settings.read().decode()
    top = "clinic-kiosk-9.9.9-linux-x86_64"
    assert {name.split("/")[0] for name in members} == {top}
    programs = ["install.sh", "uninstall.sh", "app/clinic-kiosk", "app/kiosk-admin",
                "app/clinic-kiosk-session"]  # fmt: skip
    others = ["INSTALL.md", "kiosk.toml", "clinic-kiosk.service", "clinic-kiosk.pam",
              "90-clinic-kiosk-usb.rules", "app/_internal/lib.so"]  # fmt: skip
    assert {f"{top}/{name}" for name in programs + others} <= set(members)
    for name in programs:
        assert members[f"{top}/{name}"].mode & stat.S_IXUSR, name
    assert all(member.uid == 0 and member.uname == "root" for member in members.values())
    assert "data_dir = '/var/lib/clinic-kiosk'" in installed_settings
    assert not list(tmp_path.glob("*.partial"))


def test_the_windows_script_upgrades_keeps_settings_and_installs_silently(tmp_path: Path) -> None:
    script = bi.windows_files("1.2.3", tmp_path)
    text = script.read_text(encoding="utf-8-sig")
    lines = text.splitlines()

    assert script.name == "clinic-kiosk.iss"
    assert b"\r\n" in script.read_bytes()  # Inno Setup reads Windows text
    app_ids = {line for line in lines if line.startswith("AppId=")}
    assert app_ids == {line for line in bi.inno_script("9.0.0").splitlines() if "AppId=" in line}
    assert "$" not in text  # every placeholder filled
    assert "AppVersion=1.2.3" in lines
    assert "OutputBaseFilename=clinic-kiosk-1.2.3-windows-x86_64-setup" in lines
    assert r"DefaultDirName={autopf}\Clinic Kiosk" in lines
    settings = [line for line in lines if 'DestName: "kiosk.toml"' in line]
    assert len(settings) == 1
    assert "onlyifdoesntexist" in settings[0]
    assert "uninsneveruninstall" in settings[0]
    kept = [line for line in lines if line.startswith("Name:") and "commonappdata" in line]
    assert kept
    assert all("uninsneveruninstall" in line for line in kept)
    assert "[Run]" not in text  # nothing waits for a click under /VERYSILENT
    windows_settings = (tmp_path / "kiosk-windows.toml").read_text(encoding="utf-8")
    assert r"data_dir = 'C:\ProgramData\clinic-kiosk\data'" in windows_settings
    assert (tmp_path / "INSTALL.md").read_text(encoding="utf-8").startswith("# Installing")
    sources = {line.split('"')[1] for line in lines if line.startswith("Source:")}
    assert sources == {"clinic-kiosk\\*", "INSTALL.md", "lockdown-windows.md", "kiosk-windows.toml"}
    assert all((tmp_path / name).is_file() for name in sources - {"clinic-kiosk\\*"})


def test_the_smoke_test_reports_a_build_that_does_not_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = fake_app(tmp_path, version="1.0.0")
    (app / "clinic-kiosk").write_text(
        "#!/bin/sh\necho 'Traceback: no module named kiosk' >&2\nexit 1\n"
    )

    failures = bi.smoke_test(app, "1.0.0")

    printed = capsys.readouterr().out.splitlines()
    assert "ok   kiosk-admin version" in printed
    assert "FAIL self-test, every screen and page" in printed
    assert any("no module named kiosk" in failure for failure in failures)
    # everything asked of clinic-kiosk, the content check, and the preview (which it shows)
    assert len(failures) == 5


def test_the_smoke_test_runs_without_python_on_path(tmp_path: Path) -> None:
    environment = bi.clean_environment(tmp_path)

    assert sys.prefix not in environment["PATH"]
    assert "VIRTUAL_ENV" not in environment
    assert "PYTHONPATH" not in environment
    found = subprocess.run(
        ["sh", "-c", "command -v python3 || true"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert not found.startswith(sys.prefix)
    assert platform.machine() in bi.linux_name("1.0.0")


def test_a_machine_without_binutils_is_told_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bi.shutil, "which", lambda name: None)
    monkeypatch.setattr(bi.sys, "platform", "linux")

    assert bi.main([]) == 1

    assert "apt-get install binutils" in capsys.readouterr().err
