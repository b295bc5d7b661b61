"""Problems found in a content bundle, and the one error type that carries them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # for staff to know, not to fix: e.g. a draft page


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a bundle, pointing at the file and line to fix."""

    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message,
        }


class BundleError(Exception):
    """A bundle could not be loaded; `problems` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ProblemLog:
    """Collects problems for one bundle.

    Paths are reported as the loader built them from the root the person typed,
    so `content/pages/x.md:12` opens straight from their terminal.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(str(path), line, Severity.ERROR, message))

    def warning(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(str(path), line, Severity.WARNING, message))

    def note(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(str(path), line, Severity.NOTE, message))

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)
