"""The clinic's key pair: the kiosk holds the public half, staff the private half.

clinic.pub  one line of text: the format name, then the key in base64.
clinic.key  the private key, locked with a passphrase (kiosk.secretfile).
"""

from __future__ import annotations

from pathlib import Path

from nacl.public import PrivateKey, PublicKey

from kiosk import secretfile
from kiosk.secretfile import (
    INTERACTIVE,
    MODERATE,
    SecretFileError,
    read_public_key_file,
    unlock_secret,
    write_key_pair,
)
from kiosk.system.files import write_atomically

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
    return secretfile.public_key_text(PUBLIC_KIND, bytes(key))


def read_public_key(path: Path) -> PublicKey:
    return PublicKey(
        read_public_key_file(
            path, PUBLIC_KIND, "clinic's public key", "clinic public key (clinic.pub)"
        )
    )


def read_private_key(path: Path, passphrase: str) -> PrivateKey:
    return PrivateKey(unlock_secret(path, passphrase, PRIVATE_KIND, "clinic key (clinic.key)"))
