"""A sealed request as it travels: only the clinic's private key opens it.

The file is JSON with the request id and time outside the seal (so staff can
sort and de-duplicate without the key) and inside it again, so a changed
outer id is caught when the envelope is opened.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

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


def seal(request_id: str, created: str, request: ContactRequest, key: PublicKey) -> bytes:
    """The sealed payload stored in the outbox: id, time and request, encrypted."""
    inner = {"id": request_id, "created": created, "request": json.loads(request.to_json())}
    return SealedBox(key).encrypt(json.dumps(inner, sort_keys=True).encode("utf-8"))


def envelope(request_id: str, created: str, sealed: bytes) -> bytes:
    """The exported file for one request."""
    document = {
        "kind": KIND,
        "id": request_id,
        "created": created,
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def open_envelope(data: bytes, key: PrivateKey) -> Opened:
    try:
        document = json.loads(data)
        if document.get("kind") != KIND:
            raise ValueError("kind")
        sealed = base64.b64decode(document["sealed"], validate=True)
        outer_id = str(document["id"])
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
    return Opened(outer_id, str(inner["created"]), ContactRequest.from_json(inner["request"]))
