"""Content signing keys (Ed25519): staff sign bundles, kiosks trust public keys by file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from nacl.signing import SigningKey, VerifyKey

from kiosk.secretfile import (
    MODERATE,
    public_key_text,
    read_public_key_file,
    unlock_secret,
    write_key_pair,
)

PUBLIC_KIND = "kiosk-signing-public-key-v1"
PRIVATE_KIND = "kiosk-signing-private-key-v1"


def key_id(key: VerifyKey) -> str:
    """A short name for a public key, shown to staff and written in signatures."""
    return hashlib.sha256(bytes(key)).hexdigest()[:16]


def new_signing_keys(
    out_dir: Path, passphrase: str, strength: tuple[int, int] = MODERATE
) -> tuple[Path, Path]:
    key = SigningKey.generate()
    return write_key_pair(
        (out_dir / "signing.pub", public_key_text(PUBLIC_KIND, bytes(key.verify_key))),
        (out_dir / "signing.key", bytes(key), PRIVATE_KIND),
        passphrase,
        strength,
    )


def read_signing_key(path: Path, passphrase: str) -> SigningKey:
    return SigningKey(unlock_secret(path, passphrase, PRIVATE_KIND, "signing key (signing.key)"))


def read_trusted_key(path: Path) -> VerifyKey:
    return VerifyKey(
        read_public_key_file(path, PUBLIC_KIND, "signing key", "content signing key (signing.pub)")
    )


TRUSTED_KEYS = "trusted-keys"


def trusted_keys(data_dir: Path, extra: list[Path] | None = None) -> dict[str, VerifyKey]:
    """The signing keys a kiosk trusts: every *.pub in <data dir>/trusted-keys, plus `extra`."""
    folder = data_dir / TRUSTED_KEYS
    files = sorted(folder.glob("*.pub")) if folder.is_dir() else []
    keys = [read_trusted_key(path) for path in [*files, *(extra or [])]]
    return {key_id(key): key for key in keys}
