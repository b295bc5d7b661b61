"""Settings: declared once, read from the file and the environment, every mistake named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk.admin.cli import main
from kiosk.config import OPTIONS, ConfigError, load_config

SHIPPED = Path(__file__).parents[3] / "resources" / "kiosk.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_with_no_file(tmp_path: Path) -> None:
    config = load_config(tmp_path / "absent.toml", {})

    assert config.number("session.idle_seconds") == 120
    assert config.flag("display.fullscreen") is True
    assert config.source("session.idle_seconds") == "default"


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    file = write(tmp_path, "[session]\nidle_seconds = 150\nform_idle_seconds = 100\n")

    config = load_config(file, {"KIOSK_SESSION_IDLE_SECONDS": "180"})

    assert config.number("session.idle_seconds") == 180
    assert config.source("session.idle_seconds") == "KIOSK_SESSION_IDLE_SECONDS"
    assert config.number("session.form_idle_seconds") == 100
    assert config.source("session.form_idle_seconds") == f"{file}:3"


def test_every_problem_from_every_source_at_once(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "[session]\n"
        'idle_seconds = "two minutes"\n'
        "warning_seconds = 5\n"
        "[display]\n"
        "fulscreen = true\n"
        "[colours]\n"
        "ink = 1\n",
    )

    with pytest.raises(ConfigError) as caught:
        load_config(
            file,
            {
                "KIOSK_REQUESTS_SMTP_PORT": "99999",
                "KIOSK_DISPLAY_FULLSCREEN": "maybe",
                "KIOSK_SESION_IDLE_SECONDS": "5",
                "KIOSK_KEY_PASSPHRASE": "not a setting, and fine",
            },
        )

    assert caught.value.problems == [
        f"{file}:2: error: session.idle_seconds must be a whole number",
        f"{file}:3: error: session.warning_seconds must be at least 20 (WCAG 2.2.1 asks for 20 "
        "seconds)",
        f"{file}:5: error: unknown option 'fulscreen' in [display]",
        f"{file}:6: error: unknown section [colours]",
        "KIOSK_DISPLAY_FULLSCREEN: error: must be true or false",
        "KIOSK_REQUESTS_SMTP_PORT: error: requests.smtp_port must be a port, 1 to 65535",
        "KIOSK_SESION_IDLE_SECONDS: error: not a kiosk setting (misspelled?)",
    ]


def test_broken_toml_points_at_its_line(tmp_path: Path) -> None:
    file = write(tmp_path, "[session]\nidle_seconds = \n")

    with pytest.raises(ConfigError, match=rf"{file.name}:2: error: not valid TOML"):
        load_config(file, {})


def test_reading_an_undeclared_option_is_an_error(tmp_path: Path) -> None:
    config = load_config(None, {})

    with pytest.raises(KeyError, match="not a declared option"):
        config["session.idle_minutes"]


def test_the_shipped_kiosk_toml_lists_every_option_at_its_default() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    uncommented = "\n".join(
        line.removeprefix("# ") if " = " in line else line for line in text.splitlines()
    )
    listed = tomllib.loads(uncommented)

    for option in OPTIONS:
        assert option.name in listed[option.section], option.key
        if option.type is not Path:  # paths are shown as the Linux ones
            shown = listed[option.section][option.name]
            assert shown == (str(option.default) if option.type is str else option.default)
    config = load_config(SHIPPED, {})  # as shipped, all commented out: every default
    assert all(config.source(option.key) == "default" for option in OPTIONS)


def test_config_check_explains_line_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, "[session]\nwarning_seconds = 10\n")

    assert main(["config", "check", "--config", str(file)]) == 1

    out, err = capsys.readouterr()
    problem = "session.warning_seconds must be at least 20 (WCAG 2.2.1 asks for 20 seconds)"
    assert out.splitlines() == [f"{file}:2: error: {problem}"]
    assert "1 problem; the kiosk will not start" in err


def test_config_show_gives_values_and_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file = write(tmp_path, '[display]\nsize = "1920x1080"\n')
    monkeypatch.setenv("KIOSK_SESSION_IDLE_SECONDS", "150")

    assert main(["config", "show", "--config", str(file)]) == 0

    out = capsys.readouterr().out
    assert f"display.size = '1920x1080'  # {file}:2\n" in out
    assert "session.idle_seconds = 150  # KIOSK_SESSION_IDLE_SECONDS\n" in out
    assert "display.fullscreen = true  # default\n" in out
