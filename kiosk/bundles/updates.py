"""Fetch content updates from the clinic's URL and install them like any bundle.

Each check asks whether the file changed since the last one it saw
(kiosk.bundles.download); a new file is saved into the bundles folder as
staging and goes through the same verify-and-install path as a USB stick. A
file refused for what it is (signature, contents, size) is not fetched again
until it changes, or until this kiosk changes (its app version, its trusted
keys), or staff force it; one refused for a reason of this machine's (disk
space) is fetched again next time. The last check's time and outcome are kept
in `bundles/update-state.json` for the staff screen, `kiosk-admin status` and
the metrics.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nacl.signing import VerifyKey

from kiosk.bundles import store
from kiosk.bundles.download import Failure, Reply, fetch, same_file
from kiosk.bundles.download import Source as UpdateSource
from kiosk.bundles.errors import InstallFailed
from kiosk.bundles.verify import BundleRefused, Limits
from kiosk.system.files import write_atomically

log = logging.getLogger("kiosk.bundles")

__all__ = ["GOOD", "UpdateCheck", "UpdateSource", "check_for_update", "last_check", "state_file"]

STATE_FILE = "update-state.json"
GOOD = ("installed", "unchanged")
# Outcomes: installed, unchanged (nothing new), offline (no answer: DNS, refused,
# timed out), failed (TLS, an HTTP error, a broken reply), incomplete (the
# download was cut off), refused (the file is not a bundle this kiosk accepts).


@dataclass(frozen=True)
class UpdateCheck:
    outcome: str
    detail: str = ""
    checked: str = ""  # wall-clock time of the check, ISO 8601
    again: bool = False  # the same refused file as before: not downloaded again

    @property
    def ok(self) -> bool:
        return self.outcome in GOOD

    def describe(self) -> str:
        text = f"{self.outcome}: {self.detail}" if self.detail else self.outcome
        return text + (" (the same file as before: not downloaded again)" if self.again else "")

    def same_as(self, other: UpdateCheck | None) -> bool:
        return other is not None and (other.outcome, other.detail) == (self.outcome, self.detail)


def state_file(data_dir: Path) -> Path:
    return data_dir / store.BUNDLES / STATE_FILE


def last_check(data_dir: Path) -> UpdateCheck | None:
    """The outcome of the last check any process made here, if one was made."""
    try:
        data = json.loads(state_file(data_dir).read_text(encoding="utf-8"))
        return UpdateCheck(str(data["outcome"]), str(data["detail"]), str(data["checked"]),
                           bool(data.get("again")))  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_for_update(
    source: UpdateSource,
    data_dir: Path,
    trusted: Callable[[], Mapping[str, VerifyKey]],
    app_version: str,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    force: bool = False,
) -> UpdateCheck:
    """One check: fetch if changed, install if new; the outcome is also saved to the state.

    `force` fetches and tries a file even if it was refused before.
    """
    root = data_dir / store.BUNDLES
    root.mkdir(parents=True, exist_ok=True)
    seen: dict[str, Any] = _read_state(data_dir).get("seen") or {}
    keys = trusted()
    context = {"app": app_version, "keys": sorted(keys)}  # what a refusal was judged by
    refused = bool(seen.get("refused")) and seen.get("context") == context and not force
    download = root / f"{store.STAGING_PREFIX}download-{os.urandom(4).hex()}"
    try:
        # A refusal judged by another app version or other keys is forgotten: fetch afresh.
        since = seen if refused or not seen.get("refused") else {}
        reply = fetch(source, since, download, Limits().total_bytes,
                      lambda found: refused and same_file(seen, found))  # fmt: skip
        outcome, remember = _judge(reply, refused, seen, download, data_dir, keys, app_version)
    except Failure as failure:
        outcome = UpdateCheck(failure.outcome, failure.detail)
        remember = None if failure.remember is None else {**failure.remember,
                                                          "refused": failure.detail}  # fmt: skip
    finally:
        download.unlink(missing_ok=True)
    if remember is not None and remember.get("refused"):
        remember["context"] = context
    result = UpdateCheck(outcome.outcome, outcome.detail, clock().isoformat(timespec="seconds"),
                         outcome.again)  # fmt: skip
    _write_state(data_dir, result, remember if remember is not None else seen or None)
    return result


def _judge(
    reply: Reply,
    refused: bool,
    seen: Mapping[str, Any],
    download: Path,
    data_dir: Path,
    keys: Mapping[str, VerifyKey],
    app_version: str,
) -> tuple[UpdateCheck, dict[str, Any] | None]:
    """The outcome of a reply, and the fingerprint to keep (None: keep the one kept)."""
    if reply.skipped or (not reply.saved and refused):
        return UpdateCheck("refused", str(seen["refused"]), again=True), None
    if not reply.saved:
        return UpdateCheck("unchanged", "the server has nothing new"), None
    try:
        installed = store.install(download, data_dir, keys, app_version)
    except InstallFailed as exc:  # this machine's trouble, not the file's: try it again
        return UpdateCheck("failed", str(exc)), {}
    except BundleRefused as exc:
        message = str(exc)
        if "already installed" in message or "is not newer" in message:
            return UpdateCheck("unchanged", message), dict(reply.fingerprint)
        # Remembered only if the whole file surely came: a cut-off one is tried again.
        kept = {**reply.fingerprint, "refused": message} if reply.length_known else {}
        return UpdateCheck("refused", message), kept
    except OSError as exc:
        return UpdateCheck("failed", f"cannot install it here: {exc.strerror or exc}"), {}
    return UpdateCheck("installed", f"{installed.id} version {installed.version}"), dict(
        reply.fingerprint
    )


def _read_state(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads(state_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(data_dir: Path, result: UpdateCheck, seen: Mapping[str, Any] | None) -> None:
    document = {**asdict(result), "seen": seen}
    try:
        write_atomically(state_file(data_dir), (json.dumps(document, indent=2) + "\n").encode())
    except OSError as exc:  # a full disk: the check itself still counts
        log.warning("cannot save the update check's outcome: %s", exc.strerror)
