"""Read a TOML file while keeping enough of its text to point at lines."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content.problems import ProblemLog

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?")
_KEY_RE = re.compile(r"""^\s*(?:"(?P<dq>[^"]+)"|'(?P<sq>[^']+)'|(?P<bare>[A-Za-z0-9_-]+))\s*=""")
_DECODE_LINE_RE = re.compile(r"at line (\d+)")


@dataclass
class TomlFile:
    """A parsed TOML file plus the line of every `[table] key` in it."""

    path: Path
    data: dict[str, Any]
    text: str
    _lines: dict[tuple[str, int, str], int] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path, log: ProblemLog) -> TomlFile | None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            log.error(path, 1, "not UTF-8 text: save the file as UTF-8")
            return None
        except OSError as exc:
            log.error(path, 1, f"cannot read: {exc.strerror}")
            return None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = _DECODE_LINE_RE.search(str(exc))
            log.error(path, int(match[1]) if match else 1, f"not valid TOML: {exc}")
            return None
        toml = cls(path, data, text)
        toml._index()
        return toml

    def _index(self) -> None:
        table, counts = "", {"": 0}
        for number, line in enumerate(self.text.splitlines(), start=1):
            header = _HEADER_RE.match(line)
            if header:
                table = header[2]
                counts[table] = counts.get(table, -1) + 1
                self._lines.setdefault((table, counts[table], ""), number)
                continue
            key = _KEY_RE.match(line)
            if key:
                name = key["dq"] or key["sq"] or key["bare"]
                self._lines.setdefault((table, counts[table], name), number)

    def line(self, table: str, key: str = "", index: int = 0) -> int:
        """Line of `key` in the `index`-th `[table]`; the table's header line if absent."""
        return self._lines.get((table, index, key)) or self._lines.get((table, index, "")) or 1

    def line_of_value(self, table: str, key: str, value: str, index: int = 0) -> int:
        """Line on which the string `value` is written, searching from `table.key`."""
        start = self.line(table, key, index)
        lines = self.text.splitlines()
        for number in range(start, len(lines) + 1):
            line = lines[number - 1]
            if number > start and _HEADER_RE.match(line):
                break
            if f'"{value}"' in line or f"'{value}'" in line:
                return number
        return start
