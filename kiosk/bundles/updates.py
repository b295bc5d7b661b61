"""Fetch content updates from the clinic's URL: quietly offline, installed like any bundle.

Each check sends the last ETag in If-None-Match; 304 means nothing new. A new
file is downloaded into the bundles folder as staging, size-capped, and goes
through the same verify-and-install path as a USB stick.
"""

from __future__ import annotations

import logging
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import VerifyKey

from kiosk.bundles import store
from kiosk.bundles.verify import BundleRefused, Limits

log = logging.getLogger("kiosk.bundles")

ETAG_FILE = "update-etag"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class UpdateCheck:
    outcome: str  # "unchanged", "installed", "refused" or "offline"
    detail: str = ""


def check_for_update(
    url: str,
    data_dir: Path,
    trusted: Callable[[], Mapping[str, VerifyKey]],
    app_version: str,
    timeout: float = 30.0,
) -> UpdateCheck:
    root = data_dir / store.BUNDLES
    root.mkdir(parents=True, exist_ok=True)
    etag_file = root / ETAG_FILE
    request = urllib.request.Request(url)
    if etag_file.exists():
        request.add_header("If-None-Match", etag_file.read_text(encoding="utf-8").strip())
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    download = root / f"{store.STAGING_PREFIX}download-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        with opener.open(request, timeout=timeout) as response:
            etag = response.headers.get("ETag", "")
            _save(response, download, Limits().total_bytes)
    except urllib.error.HTTPError as exc:
        download.unlink(missing_ok=True)
        if exc.code == 304:
            return UpdateCheck("unchanged")
        log.warning("content update server answered %s", exc.code)
        return UpdateCheck("offline", f"the server answered {exc.code}")
    except (urllib.error.URLError, OSError) as exc:
        download.unlink(missing_ok=True)
        log.debug("no content update check: %s", exc)  # offline is normal
        return UpdateCheck("offline", str(exc))
    try:
        installed = store.install(download, data_dir, trusted(), app_version)
    except BundleRefused as exc:
        message = str(exc)
        if "already installed" in message or "is not newer" in message:
            outcome = UpdateCheck("unchanged", message)
        else:
            log.error("content update refused: %s", message)
            outcome = UpdateCheck("refused", message)
    else:
        log.info("content update installed: %s version %d", installed.id, installed.version)
        outcome = UpdateCheck("installed", f"{installed.id} version {installed.version}")
    finally:
        download.unlink(missing_ok=True)
    if etag and outcome.outcome != "refused":  # a refused file is fetched again next time
        etag_file.write_text(etag + "\n", encoding="utf-8")
    return outcome


def _save(response: object, path: Path, limit: int) -> None:
    size = 0
    with path.open("wb") as out:
        while chunk := response.read(_CHUNK):  # type: ignore[attr-defined]
            size += len(chunk)
            if size > limit:
                raise OSError(f"the update is larger than {limit // 2**20} MB")
            out.write(chunk)


class UpdateWorker:
    """Checks for updates now and then every `every` seconds, on a thread of its own."""

    def __init__(self, check: Callable[[], UpdateCheck], every: float = 3600.0) -> None:
        import threading

        self._check = check
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="updates", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._check()
            except Exception:  # never let one bad check end the updates for good
                log.exception("content update check failed")
            self._stop.wait(self._every)
