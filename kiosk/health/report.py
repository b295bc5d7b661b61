"""One kiosk's health, gathered the same way for the staff screen, `kiosk-admin status` and
the metrics file: what it shows, its update checks, its contact requests, its disk.

Nothing here reads a request's contents: only counts, times and reasons.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.bundles import pointer
from kiosk.bundles.updates import UpdateCheck, last_check
from kiosk.config import Config
from kiosk.health.live import Live
from kiosk.outbox.errors import OutboxError
from kiosk.outbox.records import Refused, Status
from kiosk.outbox.salvage import damaged_files
from kiosk.outbox.store import DATABASE, Outbox
from kiosk.system.clock import doubtful, parse_time
from kiosk.system.logs import CRASH_FILE

DISK_FULL_BELOW = 1024 * 1024  # bytes free: below this nothing more can be saved


@dataclass(frozen=True)
class Health:
    kiosk_id: str
    app_version: str
    running: bool
    now: dt.datetime
    showing: pointer.Showing | None
    installed: pointer.Installed | None
    update_url: str
    update: UpdateCheck | None
    delivery: str
    requests: Status | None
    requests_problem: str
    refused: list[Refused] = field(default_factory=list)
    damaged: list[Path] = field(default_factory=list)
    live: Live = field(default_factory=Live)
    last_crash: float | None = None
    disk_free: int | None = None
    disk_total: int | None = None

    @property
    def waiting_to_show(self) -> int | None:
        """An installed version the kiosk does not show yet (it shows at the next reset)."""
        if self.installed is None or self.showing is None:
            return None
        same = (self.installed.id, self.installed.version) == (
            self.showing.id,
            self.showing.version,
        )
        return None if same else self.installed.version

    @property
    def disk_full(self) -> bool:
        low = self.disk_free is not None and self.disk_free < DISK_FULL_BELOW
        return low or "disk is full" in self.live.save_failure

    @property
    def oldest_waiting_seconds(self) -> float:
        """Age of the oldest request no one has yet; 0 when none (or its time is ahead)."""
        created = parse_time(self.requests.oldest_undelivered if self.requests else None)
        if created is None:
            return 0.0
        return max(0.0, (self.now - created).total_seconds())

    @property
    def clock_note(self) -> str:
        return doubtful(self.now)


def gather_running(config: Config, live: Live) -> Health:
    """This running kiosk's health: gather() with its version and where requests go."""
    from kiosk.outbox.targets import delivery_summary
    from kiosk.version import APP_VERSION

    return gather(config, APP_VERSION, delivery_summary(config), live)


def gather(
    config: Config,
    app_version: str,
    delivery: str,
    live: Live | None = None,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Health:
    """Read everything once; `live` is None outside the running kiosk."""
    data_dir, log_dir = config.path("paths.data_dir"), config.path("paths.log_dir")
    status, refused, problem = _requests(data_dir)
    free, total = _disk(data_dir)
    return Health(
        kiosk_id=config.kiosk_id(),
        app_version=app_version,
        running=live is not None,
        now=clock(),
        showing=live.showing if live is not None else pointer.showing(data_dir),
        installed=pointer.active(data_dir),
        update_url=config.text("content.update_url"),
        update=last_check(data_dir),
        delivery=delivery,
        requests=status,
        requests_problem=problem,
        refused=refused,
        damaged=_damaged(data_dir),
        live=live or Live(),
        last_crash=_last_crash(log_dir / CRASH_FILE),
        disk_free=free,
        disk_total=total,
    )


def _requests(data_dir: Path) -> tuple[Status | None, list[Refused], str]:
    if not (data_dir / DATABASE).exists():
        return Status(0, 0, 0, None), [], ""
    try:
        with Outbox.open(data_dir, public_key=None) as outbox:
            return outbox.status(), outbox.refused(), ""
    except OutboxError as exc:
        return None, [], str(exc)
    except (sqlite3.Error, ValueError) as exc:  # a row nobody could have written, a lock
        return None, [], f"{data_dir / DATABASE}: {exc}"


def _damaged(data_dir: Path) -> list[Path]:
    try:
        return damaged_files(data_dir) if data_dir.is_dir() else []
    except OSError:
        return []


def _disk(data_dir: Path) -> tuple[int | None, int | None]:
    folder = data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return None, None
    return usage.free, usage.total


def _last_crash(crash_file: Path) -> float | None:
    """faulthandler writes crash.log only when the kiosk dies hard."""
    try:
        info = crash_file.stat()
    except OSError:
        return None
    return info.st_mtime if info.st_size > 0 else None
