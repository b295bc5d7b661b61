"""Read settings from kiosk.toml and KIOSK_<SECTION>_<NAME> variables, all problems at once."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from kiosk.config.options import OPTIONS, Option

CONFIG_FILE = "kiosk.toml"
Problem = tuple[str, str]  # where (file:line or a variable), what is wrong
DEFAULT = "default"
_AT_LINE_RE = re.compile(r"at line (\d+)")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}
# KIOSK_ variables that are not settings of the running kiosk.
OTHER_VARIABLES = frozenset({"KIOSK_KEY_PASSPHRASE", "KIOSK_NEW_PIN", "KIOSK_SIGNING_PASSPHRASE"})


class ConfigError(Exception):
    """The settings have problems; `problems` lists each as 'source: error: message'."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Config:
    """Effective settings: each value with where it came from. Undeclared names are errors."""

    def __init__(self, values: Mapping[str, object], sources: Mapping[str, str]) -> None:
        self._values = dict(values)
        self._sources = dict(sources)

    def __getitem__(self, key: str) -> object:
        if key not in self._values:
            raise KeyError(f"{key} is not a declared option (see kiosk/config/options.py)")
        return self._values[key]

    def text(self, key: str) -> str:
        return str(self[key])

    def number(self, key: str) -> int:
        value = self[key]
        assert isinstance(value, int)
        return value

    def path(self, key: str) -> Path:
        value = self[key]
        assert isinstance(value, Path)
        return value

    def flag(self, key: str) -> bool:
        return bool(self[key])

    def pin_file(self) -> Path:
        """Where the staff PIN's hash is kept."""
        named = self.text("staff.pin_file")
        return Path(named).expanduser() if named else self.path("paths.data_dir") / "staff.pin"

    def file(self, key: str) -> Path | None:
        """A file named by a text option, or None when it is left empty."""
        named = self.text(key)
        return Path(named).expanduser() if named else None

    def kiosk_id(self) -> str:
        """This kiosk's name: kiosk.id, else the host name."""
        import socket

        return self.text("kiosk.id") or socket.gethostname().split(".")[0] or "kiosk"

    def source(self, key: str) -> str:
        return self._sources[key]


def default_config_file(platform: str = sys.platform,
                        environ: Mapping[str, str] = os.environ) -> Path:  # fmt: skip
    """The machine's one settings file, where the installers put it."""
    if platform == "linux":
        return Path("/etc/clinic-kiosk") / CONFIG_FILE
    if platform == "win32":
        return Path(environ.get("PROGRAMDATA", r"C:\ProgramData"), "clinic-kiosk", CONFIG_FILE)
    return Path(platformdirs.site_config_dir("clinic-kiosk")) / CONFIG_FILE


def load_config(file: Path | None, environ: Mapping[str, str]) -> Config:
    """Defaults, then the file (if it exists), then the environment; raise ConfigError."""
    values = {option.key: option.default for option in OPTIONS}
    sources = dict.fromkeys(values, DEFAULT)
    problems: list[Problem] = []
    if file is not None and file.exists():
        _read_file(file, values, sources, problems)
    _read_environment(environ, values, sources, problems)
    for option in OPTIONS:
        check = option.check(values[option.key]) if option.check else None
        if check:
            problems.append((sources[option.key], f"{option.key} {check}"))
    if problems:
        ordered = sorted(problems, key=_reading_order)
        raise ConfigError([f"{where}: error: {message}" for where, message in ordered])
    return Config(values, sources)


def _reading_order(problem: Problem) -> tuple[int, str, int]:
    """The file's problems first, line by line; then the variables, by name."""
    place = problem[0]
    path, _, line = place.rpartition(":")
    if line.isdigit():
        return (0, path, int(line))
    return (1, place, 0)


def _read_file(file: Path, values: dict[str, object], sources: dict[str, str],
               problems: list[Problem]) -> None:  # fmt: skip
    try:
        text = file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        problems.append((f"{file}", f"cannot read: {exc.strerror}"))
        return
    except UnicodeDecodeError:
        problems.append((f"{file}:1", "not UTF-8 text"))
        return
    except tomllib.TOMLDecodeError as exc:
        line = _AT_LINE_RE.search(str(exc))
        problems.append((f"{file}:{line[1] if line else 1}", f"not valid TOML: {exc}"))
        return
    lines = _key_lines(text)
    declared = {option.key: option for option in OPTIONS}
    sections = {option.section for option in OPTIONS}
    for section, table in data.items():
        where = f"{file}:{lines.get(section, 1)}"
        if section not in sections or not isinstance(table, dict):
            problems.append((where, f"unknown section [{section}]"))
            continue
        for name, raw in table.items():
            key = f"{section}.{name}"
            where = f"{file}:{lines.get(key, 1)}"
            option = declared.get(key)
            if option is None:
                problems.append((where, f"unknown option {name!r} in [{section}]"))
                continue
            value = _typed(option, raw)
            if value is None:
                problems.append((where, f"{key} must be {_kind(option)}"))
                continue
            values[key], sources[key] = value, where


def _read_environment(environ: Mapping[str, str], values: dict[str, object],
                      sources: dict[str, str], problems: list[Problem]) -> None:  # fmt: skip
    by_variable = {option.variable: option for option in OPTIONS}
    for variable, raw in environ.items():
        if not variable.startswith("KIOSK_"):
            continue
        option = by_variable.get(variable)
        if option is None:
            if variable not in OTHER_VARIABLES:
                problems.append((variable, "not a kiosk setting (misspelled?)"))
            continue
        value = _from_text(option, raw)
        if value is None:
            problems.append((variable, f"must be {_kind(option)}"))
            continue
        values[option.key], sources[option.key] = value, variable


def _typed(option: Option, raw: object) -> object | None:
    if option.type is bool:
        return raw if isinstance(raw, bool) else None
    if option.type is int:
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if option.type is Path:
        return Path(raw).expanduser() if isinstance(raw, str) else None
    return raw.strip() if isinstance(raw, str) else None


def _from_text(option: Option, raw: str) -> object | None:
    text = raw.strip()
    if option.type is bool:
        lowered = text.lower()
        return True if lowered in _TRUE else False if lowered in _FALSE else None
    if option.type is int:
        return int(text) if re.fullmatch(r"-?\d+", text) else None
    if option.type is Path:
        return Path(text).expanduser()
    return text


def _kind(option: Option) -> str:
    return {bool: "true or false", int: "a whole number", Path: "a path in quotes"}.get(
        option.type, "text in quotes"
    )


def _key_lines(text: str) -> dict[str, int]:
    """'section' and 'section.key' → the line they are on."""
    lines: dict[str, int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[([A-Za-z0-9_-]+)\]", line)
        if header:
            section = header[1]
            lines.setdefault(section, number)
            continue
        key = re.match(r"^\s*([A-Za-z0-9_-]+)\s*=", line)
        if key and section:
            lines.setdefault(f"{section}.{key[1]}", number)
    return lines
