"""One conditional GET of the clinic's update file, saved whole or not at all.

What the server says of the file (ETag, length, Last-Modified) is its
fingerprint: the update check remembers it, to ask "has it changed?" next time
and to recognise a file it refused before, even from a server that answers
every request in full.
"""

from __future__ import annotations

import http.client
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.system.net import describe, opener

CHUNK = 64 * 1024
Fingerprint = dict[str, str]


@dataclass(frozen=True)
class Source:
    """Where and how to fetch: the URL, the User-Agent, the clinic's CA, the time allowed."""

    url: str
    agent: str = "clinic-kiosk"
    ca_file: Path | None = None
    timeout: float = 30.0


class Failure(Exception):
    """The check did not get a usable file: its outcome, why, and (for a file that is not
    worth fetching again) the fingerprint to remember."""

    def __init__(self, outcome: str, detail: str, remember: Fingerprint | None = None) -> None:
        super().__init__(detail)
        self.outcome, self.detail, self.remember = outcome, detail, remember


@dataclass(frozen=True)
class Reply:
    """`saved`: the whole file is at the target; else nothing new (304) or `skipped`."""

    fingerprint: Fingerprint = field(default_factory=dict)
    saved: bool = False
    skipped: bool = False  # the server sent a file known already: not read
    length_known: bool = False  # the server said how long it is, and that much came


def fetch(source: Source, ask_since: Mapping[str, str], target: Path, limit: int,
          known: Callable[[Fingerprint], bool]) -> Reply:  # fmt: skip
    """GET the file, asking only for a change since `ask_since` (a fingerprint, or {})."""
    request = urllib.request.Request(source.url, headers={"User-Agent": source.agent})
    if ask_since.get("etag"):
        request.add_header("If-None-Match", ask_since["etag"])
    elif ask_since.get("modified"):
        request.add_header("If-Modified-Since", ask_since["modified"])
    try:
        with opener(source.ca_file, follow_redirects=True).open(
            request, timeout=source.timeout
        ) as response:
            fingerprint = _fingerprint(response.headers)
            if known(fingerprint):
                return Reply(fingerprint, skipped=True)
            length_known = _save(response, target, limit, fingerprint)
        return Reply(fingerprint, saved=True, length_known=length_known)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304:
            return Reply()
        raise Failure("failed", describe(exc)) from None
    except http.client.IncompleteRead as exc:
        raise Failure("incomplete", f"download incomplete ({describe(exc)})") from None
    except (urllib.error.URLError, OSError) as exc:
        raise Failure("failed" if _is_tls(exc) else "offline", describe(exc)) from None
    except Failure:
        raise
    except Exception as exc:  # a broken reply of any kind: a failed check, never a crash
        raise Failure("failed", describe(exc)) from None


def _save(response: Any, target: Path, limit: int, fingerprint: Fingerprint) -> bool:
    """Write the body to `target`; True if its announced length was checked."""
    announced = fingerprint.get("length", "")
    if announced.isdigit() and int(announced) > limit:
        raise Failure("refused", f"the update is larger than {limit // 2**20} MB", fingerprint)
    size = 0
    try:
        out = target.open("wb", buffering=0)  # unbuffered: a full disk shows at its write
    except OSError as exc:
        raise Failure("failed", f"cannot save the download here: {exc.strerror}") from None
    with out:
        while chunk := response.read(CHUNK):  # the network's errors are the caller's
            size += len(chunk)
            if size > limit:
                raise Failure("refused", f"the update is larger than {limit // 2**20} MB",
                              fingerprint)  # fmt: skip
            _write(out, chunk)
    if announced.isdigit() and size != int(announced):
        raise Failure("incomplete", f"download incomplete ({size} of {announced} bytes came); "
                      "will try again")  # fmt: skip
    return announced.isdigit()


def _write(out: Any, data: bytes) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[out.write(view) :]
    except OSError as exc:  # this machine's disk, not the server
        raise Failure("failed", f"cannot save the download here: {exc.strerror}") from None


def _fingerprint(headers: Any) -> Fingerprint:
    return {
        "etag": headers.get("ETag", ""),
        "length": headers.get("Content-Length", ""),
        "modified": headers.get("Last-Modified", ""),
    }


def same_file(seen: Mapping[str, Any], fingerprint: Mapping[str, str]) -> bool:
    """By ETag when there is one; else by length and Last-Modified, both given."""
    if seen.get("etag") or fingerprint.get("etag"):
        return bool(seen.get("etag") == fingerprint.get("etag"))
    keys = ("length", "modified")
    return all(seen.get(k) for k in keys) and all(seen.get(k) == fingerprint.get(k) for k in keys)


def _is_tls(exc: BaseException) -> bool:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, ssl.SSLError)
