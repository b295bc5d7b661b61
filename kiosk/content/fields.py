"""Typed reads of loosely typed data (TOML tables, YAML front matter), reporting mistakes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk.content.problems import ProblemLog


class Fields:
    """Reads keys of one table; each mistake becomes an error at the key's line."""

    def __init__(
        self,
        data: Mapping[str, Any],
        log: ProblemLog,
        path: Path,
        line_of: Callable[[str], int],
        where: str,
    ) -> None:
        self.data = data
        self.log = log
        self.path = path
        self.line_of = line_of
        self.where = where

    def error(self, key: str, message: str) -> None:
        self.log.error(self.path, self.line_of(key), message)

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, f"{self.where} is missing '{key}'")
            return default
        if not isinstance(value, str) or not value.strip():
            self.error(key, f"'{key}' in {self.where} must be non-empty text")
            return default
        return value.strip()

    def integer(self, key: str, *, minimum: int = 0) -> int:
        value = self.data.get(key)
        if value is None:
            self.error(key, f"{self.where} is missing '{key}'")
            return minimum
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.error(key, f"'{key}' in {self.where} must be a whole number of {minimum} or more")
            return minimum
        return value

    def text_list(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, f"{self.where} is missing '{key}'")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"'{key}' in {self.where} must be a list of names in quotes")
            return ()
        return tuple(value)

    def date(self, key: str) -> dt.date:
        value = self.data.get(key)
        if value is None:
            self.error(key, f"{self.where} is missing '{key}' (a date like 2026-01-31)")
            return dt.date.min
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.error(key, f"'{key}' in {self.where} must be a date like 2026-01-31")
            return dt.date.min

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        """One of `choices`; the first when the key is missing or wrong."""
        value = self.data.get(key, choices[0])
        if value not in choices:
            self.error(key, f"'{key}' in {self.where} must be one of: {', '.join(choices)}")
            return choices[0]
        return str(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"'{key}' in {self.where} must be true or false")
            return False
        return value

    def table(self, key: str) -> Mapping[str, Any]:
        value = self.data.get(key)
        if value is None:
            self.error(key, f"{self.where} has no [{key}] table")
            return {}
        if not isinstance(value, dict):
            self.error(key, f"'{key}' in {self.where} must be a [{key}] table")
            return {}
        return value

    def tables(self, key: str) -> list[Mapping[str, Any]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.error(key, f"'{key}' in {self.where} must be a list of [[{key}]] tables")
            return []
        return value

    def unknown(self, known: set[str]) -> None:
        for key in self.data:
            if key not in known:
                self.log.warning(
                    self.path,
                    self.line_of(key),
                    f"unknown key '{key}' in {self.where} (expected one of: "
                    f"{', '.join(sorted(known))})",
                )
