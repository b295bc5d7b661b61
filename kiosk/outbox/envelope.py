"""A sealed request as it travels: only the clinic's private key opens it.

The file is JSON with the request id, time and kiosk outside the seal (so
staff can sort and de-duplicate without the key) and inside it again, so a
changed outer id or kiosk is caught when the envelope is opened. A time the
kiosk's clock could not be trusted for carries a note saying so.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nacl.exceptions
from nacl.public import PrivateKey, PublicKey, SealedBox

from kiosk.outbox.request import ContactRequest

KIND = "kiosk-contact-request-v1"
SUFFIX = ".sealed"


class EnvelopeError(ValueError):
    """An envelope is damaged, changed, or sealed to another key."""


@dataclass(frozen=True)
class Opened:
    id: str
    created: str
    request: ContactRequest
    kiosk: str = ""  # which kiosk took it ("" in files from before kiosks had names)
    clock_note: str = ""  # why `created` may be wrong, if the kiosk's clock was off


def seal(request_id: str, created: str, request: ContactRequest, key: PublicKey,
         kiosk: str = "") -> bytes:  # fmt: skip
    """The sealed payload stored in the outbox: id, time, kiosk and request, encrypted."""
    inner = {"id": request_id, "created": created, "kiosk": kiosk,
             "request": json.loads(request.to_json())}  # fmt: skip
    return SealedBox(key).encrypt(json.dumps(inner, sort_keys=True).encode("utf-8"))


def envelope(request_id: str, created: str, sealed: bytes, kiosk: str = "",
             clock_note: str = "") -> bytes:  # fmt: skip
    """The exported file for one request."""
    document = {
        "kind": KIND,
        "id": request_id,
        "created": created,
        "kiosk": kiosk,
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }
    if clock_note:
        document["clock_note"] = clock_note
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def open_envelope(data: bytes, key: PrivateKey) -> Opened:
    try:
        document = json.loads(data)
        if document.get("kind") != KIND:
            raise ValueError("kind")
        sealed = base64.b64decode(document["sealed"], validate=True)
        outer_id = str(document["id"])
        outer_kiosk, note = str(document.get("kiosk", "")), str(document.get("clock_note", ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise EnvelopeError("not a sealed contact request") from None
    try:
        inner = json.loads(SealedBox(key).decrypt(sealed))
    except nacl.exceptions.CryptoError:
        raise EnvelopeError(
            "cannot be opened with this key: changed, or for another clinic"
        ) from None
    if inner.get("id") != outer_id:
        raise EnvelopeError("its id was changed after it was sealed")
    if inner.get("kiosk", "") != outer_kiosk:
        raise EnvelopeError("its kiosk name was changed after it was sealed")
    return Opened(outer_id, str(inner["created"]), ContactRequest.from_json(inner["request"]),
                  outer_kiosk, note)  # fmt: skip


def iter_envelopes(paths: list[Path]) -> Iterator[Path]:
    """Every sealed file named, looking one level into folders."""
    for path in paths:
        if path.is_dir():
            yield from sorted(path.glob(f"*{SUFFIX}"))
        else:
            yield path
