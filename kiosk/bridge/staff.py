"""The staff screen, as QML drives it: the PIN pad, the kiosk's state, staff actions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.bridge.navigation import NavigationBridge
from kiosk.bundles import pointer
from kiosk.bundles.errors import BundleRefused
from kiosk.content.model import Bundle
from kiosk.outbox.errors import OutboxError
from kiosk.session.staff import AuditLog, PinError, PinGate

if TYPE_CHECKING:
    from kiosk.health.report import Health

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


class StaffBridge(QObject):
    """Signals: `changed` when the pad opens or closes, a message shows, or state is refreshed."""

    changed = Signal()
    exitRequested = Signal()
    restartRequested = Signal()

    def __init__(
        self,
        gate: PinGate,
        audit: AuditLog,
        bundle: Bundle,
        data_dir: Path,
        log_file: Path,
        navigation: NavigationBridge,
        parent: QObject | None = None,
        folders: Callable[[], list[str]] = removable_folders,
        health: Callable[[], Health] | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate, self._audit, self._bundle = gate, audit, bundle
        self._health = health
        self._data_dir, self._log_file = data_dir, log_file
        self.folders = folders  # where USB sticks are looked for (tests point it elsewhere)
        self._unlocked = False
        self._message = ""
        self._state: dict[str, Any] = {}
        self._preview: dict[str, Any] = {}  # an update shown to staff before installing
        navigation.changed.connect(lambda: self._leave_if(navigation.property("screen")))

    @Property(bool, notify=changed)
    def unlocked(self) -> bool:
        return self._unlocked

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property("QVariantMap", notify=changed)
    def state(self) -> dict[str, Any]:
        return self._state

    def show_bundle(self, bundle: Bundle) -> None:
        """Report on new content after it was swapped in."""
        self._bundle = bundle

    @Slot(str)
    def tryPin(self, pin: str) -> None:
        if not self._gate.configured:
            self._say("No staff PIN is set. IT sets one with: kiosk-admin pin set")
            return
        try:
            attempt = self._gate.try_pin(pin)
        except PinError as exc:
            log.error("%s", exc)
            self._say("The staff PIN file is damaged. IT must set a new PIN.")
            return
        if attempt.ok:
            self._audit.record("staff sign-in", "ok")
            self._unlocked, self._message = True, ""
            self.refresh()
            return
        self._audit.record("staff sign-in", f"refused: {attempt.reason}")
        if attempt.locked:
            self._say("Staff entry is locked after too many wrong PINs. IT must set a new PIN.")
        elif attempt.wait_seconds > 0:
            self._say(f"Wrong PIN. Try again in {round(attempt.wait_seconds)} seconds.")
        else:
            self._say("Wrong PIN. Try again.")

    @Slot()
    def refresh(self) -> None:
        if not self._unlocked:
            return
        from kiosk.health.text import facts, problems

        found, told = [], []
        try:
            if self._health is not None:
                health = self._health()
                found, told = [list(fact) for fact in facts(health)], problems(health)
        except Exception as exc:  # the screen still opens, and says why it cannot tell more
            log.exception("the staff screen could not read the kiosk's state")
            told = [f"The kiosk's state cannot be read ({exc}). Tell IT."]
        self._state = {
            "facts": found,
            "problems": told,
            "log": self._recent_log(),
            "folders": self.folders(),
            "updates": [
                str(f) for folder in self.folders() for f in sorted(Path(folder).glob("*.kbundle"))
            ],
            "canRollBack": pointer.previous(self._data_dir) is not None,
            "preview": self._preview,
        }
        self.changed.emit()

    @Slot(str)
    def exportTo(self, folder: str) -> None:
        if not self._unlocked:
            return
        from kiosk.outbox.salvage import export_everything

        try:
            written = export_everything(self._data_dir, Path(folder))
        except (OutboxError, OSError) as exc:
            self._audit.record("export requests", f"failed: {type(exc).__name__}")
            self._say(f"Could not export: {exc}")
            return
        self._audit.record("export requests", f"{len(written)} to {folder}")
        self._say(f"Exported {len(written)} requests to {folder}.")
        self.refresh()

    @Slot(str)
    def previewUpdate(self, path: str) -> None:
        """Show what installing `path` would change; installing is a second tap."""
        if not self._unlocked:
            return
        from kiosk.bundles.diff import diff

        try:
            headline, changes = diff(self._bundle.root, Path(path))
        except BundleRefused as exc:
            self._preview = {}
            self._say(f"This update cannot be used: {exc}")
            self.refresh()
            return
        lines = [f"{c.kind} {c.page}: {c.detail}" for c in changes] or ["no page changes"]
        self._preview = {"path": path, "headline": headline, "lines": lines}
        self._say("")
        self.refresh()

    @Slot()
    def installPreviewed(self) -> None:
        if not self._unlocked or not self._preview:
            return
        from kiosk.bundles import store
        from kiosk.bundles.signing import trusted_keys
        from kiosk.version import APP_VERSION

        path = Path(self._preview["path"])
        self._preview = {}
        try:
            installed = store.install(
                path, self._data_dir, trusted_keys(self._data_dir), APP_VERSION
            )
        except (BundleRefused, ValueError, OSError) as exc:  # ValueError: a bad key file
            self._audit.record("install update", f"refused: {exc}")
            self._say(f"Not installed: {exc}")
            self.refresh()
            return
        self._audit.record("install update", f"{installed.id} version {installed.version}")
        self._say(f"Installed version {installed.version}. Restarting to show it.")
        self.restartRequested.emit()

    @Slot()
    def rollBack(self) -> None:
        if not self._unlocked:
            return
        from kiosk.bundles import store

        try:
            restored = store.rollback(self._data_dir)
        except (BundleRefused, OSError) as exc:
            self._say(f"Cannot roll back: {exc}")
            return
        self._audit.record("roll back", f"{restored.id} version {restored.version}")
        self._say(f"Back to version {restored.version}. Restarting to show it.")
        self.restartRequested.emit()

    @Slot()
    def restart(self) -> None:
        if self._unlocked:
            self._audit.record("restart kiosk", "ok")
            self.restartRequested.emit()

    @Slot()
    def exitKiosk(self) -> None:
        if self._unlocked:
            self._audit.record("exit kiosk", "ok")
            self.exitRequested.emit()

    def _leave_if(self, screen: str) -> None:
        """Leaving the staff screen (Home, Back, idle reset) locks it again."""
        if screen != "staff" and (self._unlocked or self._message):
            self._unlocked, self._message, self._state, self._preview = False, "", {}, {}
            self.changed.emit()

    def _say(self, message: str) -> None:
        self._message = message
        self.changed.emit()

    def _recent_log(self) -> list[str]:
        try:
            lines = self._log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ["(no log file yet)"]
        return lines[-LOG_LINES:]
