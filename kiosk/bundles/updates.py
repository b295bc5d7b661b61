"""Fetch content updates from the clinic's URL and install them like any bundle.

Each check sends the ETag of the last file it saw in If-None-Match (or, from a
server that gives none, its Last-Modified in If-Modified-Since); 304 means
nothing new. A new file is downloaded into the bundles folder as staging,
size-capped and checked against its Content-Length, and goes through the same
verify-and-install path as a USB stick. A file that was refused is not fetched
again until it changes (its ETag, or its length and Last-Modified). The last
check's time and outcome are kept in `bundles/update-state.json` for the staff
screen, `kiosk-admin status` and the metrics.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import logging
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nacl.signing import VerifyKey

from kiosk.bundles import store
from kiosk.bundles.verify import BundleRefused, Limits
from kiosk.system.files import write_atomically
from kiosk.system.net import describe, opener

log = logging.getLogger("kiosk.bundles")

STATE_FILE = "update-state.json"
_CHUNK = 64 * 1024
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


@dataclass(frozen=True)
class UpdateSource:
    """Where and how to fetch: the URL, the User-Agent, the clinic's CA, the time allowed."""

    url: str
    agent: str = "clinic-kiosk"
    ca_file: Path | None = None
    timeout: float = 30.0


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
) -> UpdateCheck:
    """One check: fetch if changed, install if new; the outcome is also saved to the state."""
    root = data_dir / store.BUNDLES
    root.mkdir(parents=True, exist_ok=True)
    state = _read_state(data_dir)
    outcome, seen = _fetch_and_install(source, data_dir, state, trusted, app_version)
    result = UpdateCheck(outcome.outcome, outcome.detail, clock().isoformat(timespec="seconds"),
                         outcome.again)  # fmt: skip
    _write_state(data_dir, result, seen if seen is not None else state.get("seen"))
    return result


def _fetch_and_install(
    source: UpdateSource,
    data_dir: Path,
    state: dict[str, Any],
    trusted: Callable[[], Mapping[str, VerifyKey]],
    app_version: str,
) -> tuple[UpdateCheck, dict[str, Any] | None]:
    """The outcome, and what is known of the file on the server (None: nothing new)."""
    seen: dict[str, Any] = state.get("seen") or {}
    request = urllib.request.Request(source.url, headers={"User-Agent": source.agent})
    if seen.get("etag"):
        request.add_header("If-None-Match", seen["etag"])
    elif seen.get("modified"):
        request.add_header("If-Modified-Since", seen["modified"])
    download = data_dir / store.BUNDLES / f"{store.STAGING_PREFIX}download-{os.urandom(4).hex()}"
    try:
        with opener(source.ca_file, follow_redirects=True).open(
            request, timeout=source.timeout
        ) as response:
            fingerprint = _fingerprint(response.headers)
            if seen.get("refused") and _same_file(seen, fingerprint):
                return _refused_again(seen), None
            _save(response, download, Limits().total_bytes, response.headers.get("Content-Length"))
        return _install(download, data_dir, trusted(), app_version, fingerprint)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            if seen.get("refused"):
                return _refused_again(seen), None
            return UpdateCheck("unchanged", "the server has nothing new"), None
        return UpdateCheck("failed", describe(exc)), None
    except _Incomplete as exc:
        return UpdateCheck("incomplete", f"download incomplete ({exc}); will try again"), None
    except http.client.IncompleteRead as exc:
        return UpdateCheck("incomplete", f"download incomplete ({describe(exc)})"), None
    except (urllib.error.URLError, OSError) as exc:
        return UpdateCheck("failed" if _is_tls(exc) else "offline", describe(exc)), None
    except Exception as exc:  # a broken reply of any kind: a failed check, never a crash
        return UpdateCheck("failed", describe(exc)), None
    finally:
        download.unlink(missing_ok=True)


def _install(
    download: Path,
    data_dir: Path,
    trusted: Mapping[str, VerifyKey],
    app_version: str,
    fingerprint: dict[str, Any],
) -> tuple[UpdateCheck, dict[str, Any]]:
    try:
        installed = store.install(download, data_dir, trusted, app_version)
    except BundleRefused as exc:
        message = str(exc)
        if "already installed" in message or "is not newer" in message:
            return UpdateCheck("unchanged", message), fingerprint
        return UpdateCheck("refused", message), {**fingerprint, "refused": message}
    detail = f"{installed.id} version {installed.version}"
    return UpdateCheck("installed", detail), fingerprint


class _Incomplete(Exception):
    """Fewer bytes came than the server announced."""


def _save(response: Any, path: Path, limit: int, announced: str | None) -> None:
    size = 0
    with path.open("wb") as out:
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise OSError(f"the update is larger than {limit // 2**20} MB")
            out.write(chunk)
    if announced is not None and announced.isdigit() and size != int(announced):
        raise _Incomplete(f"{size} of {announced} bytes came")


def _fingerprint(headers: Any) -> dict[str, Any]:
    return {
        "etag": headers.get("ETag", ""),
        "length": headers.get("Content-Length", ""),
        "modified": headers.get("Last-Modified", ""),
    }


def _same_file(seen: Mapping[str, Any], fingerprint: Mapping[str, Any]) -> bool:
    if seen.get("etag") or fingerprint.get("etag"):
        return bool(seen.get("etag") == fingerprint.get("etag"))
    keys = ("length", "modified")
    return all(seen.get(k) for k in keys) and all(seen.get(k) == fingerprint.get(k) for k in keys)


def _refused_again(seen: Mapping[str, Any]) -> UpdateCheck:
    return UpdateCheck("refused", str(seen["refused"]), again=True)


def _is_tls(exc: BaseException) -> bool:
    import ssl

    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, ssl.SSLError)


def _read_state(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads(state_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(data_dir: Path, result: UpdateCheck, seen: dict[str, Any] | None) -> None:
    document = {**asdict(result), "seen": seen}
    try:
        write_atomically(state_file(data_dir), (json.dumps(document, indent=2) + "\n").encode())
    except OSError as exc:  # a full disk: the check itself still counts
        log.warning("cannot save the update check's outcome: %s", exc.strerror)
