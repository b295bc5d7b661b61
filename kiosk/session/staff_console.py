"""What the staff screen does, in plain Python: sign in with the PIN, tell the kiosk's
state, export requests to a USB stick, show an update's changes and install it, roll back.

Every answer is a sentence for staff; every action is audited (never a digit typed).
The bridge (kiosk.bridge.staff) only converts and forwards.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.bundles import pointer
from kiosk.bundles.errors import BundleRefused
from kiosk.config import Config
from kiosk.outbox.errors import OutboxError
from kiosk.session.staff import AuditLog, PinError, PinGate
from kiosk.system.logs import LOG_FILE
from kiosk.usage.staff import top_pages

log = logging.getLogger("kiosk.staff")

LOG_LINES = 12
REMOVABLE_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))


def removable_folders(roots: tuple[Path, ...] = REMOVABLE_ROOTS) -> list[str]:
    """Mounted USB sticks and the like: folders one or two levels below the usual roots."""
    found: list[str] = []
    for root in roots:
        if not root.is_dir():
            continue
        for entry in sorted(root.iterdir()):
            if entry.is_mount():
                found.append(str(entry))
            elif entry.is_dir():  # /media/<user>/<stick>
                found.extend(str(sub) for sub in sorted(entry.iterdir()) if sub.is_mount())
    return found


@dataclass(frozen=True)
class Answer:
    """What staff are told, and whether the kiosk restarts to show new content."""

    message: str
    restart: bool = False


@dataclass
class Preview:
    path: str
    headline: str
    lines: list[str] = field(default_factory=list)


class StaffConsole:
    """One per kiosk. `content_root()` is the folder of the content on show."""

    def __init__(
        self,
        gate: PinGate,
        audit: AuditLog,
        data_dir: Path,
        log_file: Path,
        content_root: Callable[[], Path],
        health: Callable[[], tuple[list[list[str]], list[str]]] | None = None,
        folders: Callable[[], list[str]] = removable_folders,
        app_version: str | None = None,
        titles: Callable[[], Mapping[str, str]] = dict,
    ) -> None:
        self._gate, self._audit = gate, audit
        self._data_dir, self._log_file = data_dir, log_file
        self._content_root, self._health = content_root, health
        self.folders = folders  # where USB sticks are looked for (tests point it elsewhere)
        self._app_version = app_version  # None: this app's, read when staff install something
        self._titles = titles  # each page's title in the content on show
        self.unlocked = False
        self.preview: Preview | None = None  # an update shown to staff before installing

    @classmethod
    def of(
        cls,
        config: Config,
        content_root: Callable[[], Path],
        health: Callable[[], tuple[list[list[str]], list[str]]],
        titles: Callable[[], Mapping[str, str]] = dict,
    ) -> StaffConsole:
        """The console with the PIN, audit log, data folder and log file the settings name."""
        log_dir = config.path("paths.log_dir")
        gate = PinGate(config.pin_file(), time.time)
        audit = AuditLog(log_dir / "audit.log", time.time)
        return cls(gate, audit, config.path("paths.data_dir"), log_dir / LOG_FILE,
                   content_root, health, titles=titles)  # fmt: skip

    def sign_in(self, pin: str) -> str:
        """The message for staff; "" once signed in."""
        if not self._gate.configured:
            return "No staff PIN is set. IT sets one with: kiosk-admin pin set"
        try:
            attempt = self._gate.try_pin(pin)
        except PinError as exc:
            log.error("%s", exc)
            return "The staff PIN file is damaged. IT must set a new PIN."
        if attempt.ok:
            self._audit.record("staff sign-in", "ok")
            self.unlocked = True
            return ""
        self._audit.record("staff sign-in", f"refused: {attempt.reason}")
        if attempt.locked:
            return "Staff entry is locked after too many wrong PINs. IT must set a new PIN."
        if attempt.wait_seconds > 0:
            return f"Wrong PIN. Try again in {round(attempt.wait_seconds)} seconds."
        return "Wrong PIN. Try again."

    def lock(self) -> None:
        self.unlocked, self.preview = False, None

    def state(self) -> dict[str, Any]:
        """What the staff screen shows, as plain data."""
        facts, problems = self._facts()
        folders = self.folders()
        updates = [str(f) for folder in folders for f in sorted(Path(folder).glob("*.kbundle"))]
        return {
            "facts": facts,
            "problems": problems,
            "log": self._recent_log(),
            "folders": folders,
            "updates": updates,
            "canRollBack": pointer.previous(self._data_dir) is not None,
            "preview": {} if self.preview is None else self.preview.__dict__,
            "usage": top_pages(self._data_dir, self._titles()),  # [] with counting off
        }

    def export_usage_to(self, folder: str) -> Answer:
        """The last 30 days' usage report (kiosk.usage.report) saved in `folder`."""
        from kiosk.usage.staff import DAYS, save_report
        from kiosk.usage.store import UsageError

        try:
            save_report(self._data_dir, self._titles(), Path(folder))
        except (UsageError, OSError) as exc:
            self._audit.record("save usage report", f"failed: {type(exc).__name__}")
            return Answer(f"Could not save the usage report: {exc}")
        self._audit.record("save usage report", f"to {folder}")
        return Answer(f"Saved the usage report of the last {DAYS} days to {folder}.")

    def export_to(self, folder: str) -> Answer:
        from kiosk.outbox.salvage import export_everything

        try:
            written = export_everything(self._data_dir, Path(folder))
        except (OutboxError, OSError) as exc:
            self._audit.record("export requests", f"failed: {type(exc).__name__}")
            return Answer(f"Could not export: {exc}")
        self._audit.record("export requests", f"{len(written)} to {folder}")
        return Answer(f"Exported {len(written)} requests to {folder}.")

    def show_changes(self, path: str) -> Answer:
        """What installing `path` would change; installing it is a second tap."""
        from kiosk.bundles.diff import diff

        try:
            headline, changes = diff(self._content_root(), Path(path))
        except BundleRefused as exc:
            self.preview = None
            return Answer(f"This update cannot be used: {exc}")
        lines = [f"{c.kind} {c.page}: {c.detail}" for c in changes] or ["no page changes"]
        self.preview = Preview(path, headline, lines)
        return Answer("")

    def install_shown(self) -> Answer:
        if self.preview is None:
            return Answer("")
        from kiosk.bundles import store
        from kiosk.bundles.signing import trusted_keys
        from kiosk.version import APP_VERSION  # the package metadata: not read at start-up

        path, self.preview = Path(self.preview.path), None
        try:
            installed = store.install(path, self._data_dir, trusted_keys(self._data_dir),
                                      self._app_version or APP_VERSION)  # fmt: skip
        except (BundleRefused, ValueError, OSError) as exc:  # ValueError: a bad key file
            self._audit.record("install update", f"refused: {exc}")
            return Answer(f"Not installed: {exc}")
        self._audit.record("install update", f"{installed.id} version {installed.version}")
        return Answer(f"Installed version {installed.version}. Restarting to show it.", True)

    def roll_back(self) -> Answer:
        from kiosk.bundles import store

        try:
            restored = store.rollback(self._data_dir)
        except (BundleRefused, OSError) as exc:
            return Answer(f"Cannot roll back: {exc}")
        self._audit.record("roll back", f"{restored.id} version {restored.version}")
        return Answer(f"Back to version {restored.version}. Restarting to show it.", True)

    def record(self, action: str) -> None:
        self._audit.record(action, "ok")

    def _facts(self) -> tuple[list[list[str]], list[str]]:
        if self._health is None:
            return [], []
        try:
            return self._health()
        except Exception as exc:  # the screen still opens, and says why it cannot tell more
            log.exception("the staff screen could not read the kiosk's state")
            return [], [f"The kiosk's state cannot be read ({exc}). Tell IT."]

    def _recent_log(self) -> list[str]:
        try:
            lines = self._log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ["(no log file yet)"]
        return lines[-LOG_LINES:]
