"""Check a .kbundle before anything of it touches the disk; refuse with a plain reason.

Order matters: names, entry types and sizes first (cheap, and before any byte
is decompressed), then the manifest and its signature, then every file's size
and SHA-256 while it is read, never trusting what the zip declares.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import stat
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from kiosk.bundles.build import FORMAT, MANIFEST, SIGNATURE
from kiosk.bundles.errors import BundleRefused

__all__ = ["BundleRefused", "Limits", "Verified", "check_entries", "unpack_unsigned",
           "verify_bundle"]  # fmt: skip
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    entries: int = 5000
    total_bytes: int = 500 * 1024 * 1024
    ratio: int = 100  # uncompressed : compressed, per entry
    manifest_bytes: int = 1024 * 1024


@dataclass(frozen=True)
class Verified:
    id: str
    version: int
    created: str
    min_app_version: str
    key_id: str
    files: tuple[str, ...]


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def verify_bundle(
    path: Path,
    trusted: Mapping[str, VerifyKey],
    app_version: str,
    limits: Limits | None = None,
) -> Verified:
    limits = limits or Limits()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleRefused(f"{path.name} is not a content bundle ({exc})") from None
    with archive:
        infos = archive.infolist()
        check_entries(infos, limits)
        names = {info.filename for info in infos}
        if MANIFEST not in names or SIGNATURE not in names:
            raise BundleRefused("unsigned: the bundle has no manifest and signature")
        if archive.getinfo(MANIFEST).file_size > limits.manifest_bytes:
            raise BundleRefused("the manifest is too large to be a real one")
        signed = _read(archive, archive.getinfo(MANIFEST), limits.manifest_bytes, limits)
        signature = _read(archive, archive.getinfo(SIGNATURE), limits.manifest_bytes, limits)
        key_name = _check_signature(signed, signature, trusted)
        manifest = _parse_manifest(signed)
        listed = {entry.path: entry for entry in manifest.files}
        _check_files(archive, listed, names - {MANIFEST, SIGNATURE}, limits)
    needed = manifest.min_app_version
    if version_tuple(needed) > version_tuple(app_version):
        raise BundleRefused(
            f"this content needs kiosk version {needed}; this kiosk is {app_version}"
        )
    return Verified(
        id=manifest.id,
        version=manifest.version,
        created=manifest.created,
        min_app_version=needed,
        key_id=key_name,
        files=tuple(sorted(listed)),
    )


def _check_files(archive: zipfile.ZipFile, listed: Mapping[str, _Entry], present: set[str],
                 limits: Limits) -> None:  # fmt: skip
    """Exactly the files the manifest lists, each of its size and SHA-256 as it is read."""
    for name in sorted(present - listed.keys()):
        raise BundleRefused(f"{name} was added after signing (it is not in the manifest)")
    for name in sorted(listed.keys() - present):
        raise BundleRefused(f"{name} is listed in the manifest but missing")
    for name, entry in sorted(listed.items()):
        data = _read(archive, archive.getinfo(name), entry.size, limits)
        if len(data) != entry.size:
            raise BundleRefused(f"{name} has the wrong size: changed after signing")
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise BundleRefused(f"{name} was changed after signing")


def check_name(name: str, original: str) -> None:
    """Refuse any entry name that could land outside the folder, or mean two things."""
    if name != original or "\0" in original:
        raise BundleRefused(f"unsafe file name {original!r} (rewritten by the zip reader)")
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or _DRIVE_RE.match(name)
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(ch) < 32 for ch in name)
    ):
        raise BundleRefused(f"unsafe file name {name!r}")


def check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise BundleRefused(f"too many files ({len(infos)}; at most {limits.entries})")
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        check_name(info.filename, info.orig_filename)
        mode = info.external_attr >> 16
        file_type = stat.S_IFMT(mode)  # 0 when the zip tool recorded no type: a plain file
        if info.is_dir() or file_type not in (0, stat.S_IFREG):
            what = "a link" if stat.S_ISLNK(mode) else "a folder or special file"
            raise BundleRefused(f"{info.filename} is {what}; bundles hold plain files only")
        folded = unicodedata.normalize("NFC", info.filename).casefold()
        if folded in seen:
            raise BundleRefused(
                f"{info.filename} and {seen[folded]} differ only by case or Unicode form"
            )
        seen[folded] = info.filename
        total += info.file_size
        if total > limits.total_bytes:
            raise BundleRefused(f"too large: more than {limits.total_bytes // 2**20} MB unpacked")
        if info.file_size > limits.ratio * max(info.compress_size, 1):
            raise BundleRefused(f"{info.filename} unpacks more than {limits.ratio} times larger")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: int, limits: Limits) -> bytes:
    """Read an entry, stopping as soon as it grows past what was expected or allowed."""
    cap = min(expected, info.file_size, limits.total_bytes)
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > cap or size > limits.ratio * max(info.compress_size, 1):
                    raise BundleRefused(f"{info.filename} is larger than it claims")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:  # e.g. a bad CRC
        raise BundleRefused(f"{info.filename} is damaged ({exc})") from None
    return b"".join(chunks)


def _check_signature(signed: bytes, signature: bytes, trusted: Mapping[str, VerifyKey]) -> str:
    try:
        document = json.loads(signature)
        key_name = str(document["key_id"])
        raw = base64.b64decode(document["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise BundleRefused("unsigned: the signature file is not valid") from None
    key = trusted.get(key_name)
    if key is None:
        raise BundleRefused(f"signed by a key this kiosk does not trust (key id {key_name})")
    try:
        key.verify(signed, raw)
    except BadSignatureError:
        raise BundleRefused(
            "the signature does not match the manifest: changed after signing"
        ) from None
    return key_name


@dataclass(frozen=True)
class _Entry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class _Manifest:
    id: str
    version: int
    created: str
    min_app_version: str
    files: tuple[_Entry, ...]


def _parse_manifest(signed: bytes) -> _Manifest:
    try:
        data = json.loads(signed)
        if data.get("format") != FORMAT:
            raise ValueError("format")
        return _Manifest(
            id=str(data["id"]),
            version=int(data["version"]),
            created=str(data["created"]),
            min_app_version=str(data["min_app_version"]),
            files=tuple(
                _Entry(str(e["path"]), int(e["size"]), str(e["sha256"])) for e in data["files"]
            ),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BundleRefused("the manifest is not valid") from None


def unpack_unsigned(path: Path, target: Path) -> Path:
    """Unpack a bundle for authors to look at, signed or not, after the same safety checks."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleRefused(
            f"{path.name} is neither a content folder nor a bundle ({exc})"
        ) from None
    with archive:
        check_entries(archive.infolist(), Limits())
        for info in archive.infolist():
            if info.filename in (MANIFEST, SIGNATURE):
                continue
            out = target / info.filename
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(_read(archive, info, info.file_size, Limits()))
    return target
