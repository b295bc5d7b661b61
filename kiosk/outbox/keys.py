"""The clinic's key pair: the kiosk holds the public half, staff the private half.

clinic.pub  one line of text: the format name, then the key in base64.
clinic.key  the private key, locked with a passphrase (kiosk.secretfile).
"""

from __future__ import annotations

import base64
from pathlib import Path

import nacl.exceptions
from nacl.public import PrivateKey, PublicKey

from kiosk.secretfile import (
    INTERACTIVE,
    MODERATE,
    SecretFileError,
    unlock_secret,
    write_atomically,
    write_key_pair,
)

__all__ = [
    "INTERACTIVE",
    "MODERATE",
    "KeyFileError",
    "new_key_pair",
    "public_key_text",
    "read_private_key",
    "read_public_key",
    "write_atomically",
]

PUBLIC_KIND = "kiosk-clinic-public-key-v1"
PRIVATE_KIND = "kiosk-clinic-private-key-v1"
KeyFileError = SecretFileError


def new_key_pair(
    out_dir: Path, passphrase: str, strength: tuple[int, int] = MODERATE
) -> tuple[Path, Path]:
    """Write clinic.pub and clinic.key into `out_dir`; refuse to overwrite either."""
    key = PrivateKey.generate()
    return write_key_pair(
        (out_dir / "clinic.pub", public_key_text(key.public_key)),
        (out_dir / "clinic.key", bytes(key), PRIVATE_KIND),
        passphrase,
        strength,
    )


def public_key_text(key: PublicKey) -> str:
    return f"{PUBLIC_KIND} {base64.b64encode(bytes(key)).decode('ascii')}\n"


def read_public_key(path: Path) -> PublicKey:
    try:
        kind, encoded = path.read_text(encoding="ascii").split()
        if kind != PUBLIC_KIND:
            raise ValueError(kind)
        return PublicKey(base64.b64decode(encoded, validate=True))
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot read the clinic's public key: {exc.strerror}") from None
    except (ValueError, UnicodeError, nacl.exceptions.CryptoError):
        raise KeyFileError(f"{path}: not a clinic public key (clinic.pub)") from None


def read_private_key(path: Path, passphrase: str) -> PrivateKey:
    return PrivateKey(unlock_secret(path, passphrase, PRIVATE_KIND, "clinic key (clinic.key)"))
