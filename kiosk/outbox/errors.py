"""The outbox's errors, importable without its database or cryptography."""

from __future__ import annotations


class OutboxError(Exception):
    """The outbox cannot be used safely; the message says why, never what was sent."""


class OutboxDamaged(OutboxError):
    """The database file is damaged; kiosk.outbox.salvage sets it aside and saves what it can."""


class DiskFull(OutboxError):
    """A request could not be stored because the disk is full; nothing stored was harmed."""


class InvalidRequest(ValueError):
    """The request has mistakes; `problems` maps each field to what to fix."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(sorted(problems)))
        self.problems = problems
