"""Files that must be whole or absent, and private keys locked with a passphrase.

A locked key file is JSON: its kind, the Argon2id work factors and salt, and the
key sealed with a key derived from the passphrase, so a copied file alone
opens nothing. The clinic's request key and the content signing key use it.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils

from kiosk.system.files import write_atomically

argon2id = nacl.pwhash.argon2id
# Work factors: about half a second and 256 MB on a staff PC; tests pass cheaper ones.
MODERATE = (argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
INTERACTIVE = (argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)


class SecretFileError(ValueError):
    """A key file is missing, damaged, of the wrong kind, or the passphrase is wrong."""


KEY_BYTES = 32  # Curve25519 and Ed25519 public keys alike


def public_key_text(kind: str, key: bytes) -> str:
    """A public key file's one line: its kind, then the key in base64."""
    return f"{kind} {base64.b64encode(key).decode('ascii')}\n"


def read_public_key_file(path: Path, kind: str, name: str, label: str) -> bytes:
    """The key bytes in a public key file; errors name the `name` and `label` of the key."""
    try:
        found, encoded = path.read_text(encoding="ascii").split()
        key = base64.b64decode(encoded, validate=True)
        if found != kind or len(key) != KEY_BYTES:
            raise ValueError(found)
    except OSError as exc:
        raise SecretFileError(f"{path}: cannot read the {name}: {exc.strerror}") from None
    except (ValueError, UnicodeError):
        raise SecretFileError(f"{path}: not a {label}") from None
    return key


def write_key_pair(
    public: tuple[Path, str],
    private: tuple[Path, bytes, str],
    passphrase: str,
    strength: tuple[int, int],
) -> tuple[Path, Path]:
    """Write a public key file and its passphrase-locked private key; overwrite neither.

    `public` is (path, text); `private` is (path, secret bytes, kind).
    """
    (public_path, text), (private_path, secret, kind) = public, private
    for path in (public_path, private_path):
        if path.exists():
            raise FileExistsError(f"{path} already exists; move it away first")
    write_atomically(private_path, lock_secret(secret, passphrase, kind, strength), mode=0o600)
    write_atomically(public_path, text.encode("ascii"))
    return public_path, private_path


def lock_secret(secret: bytes, passphrase: str, kind: str, strength: tuple[int, int]) -> bytes:
    salt = nacl.utils.random(argon2id.SALTBYTES)
    sealed = nacl.secret.SecretBox(_derive(passphrase, salt, strength)).encrypt(secret)
    document = {
        "kind": kind,
        "kdf": "argon2id",
        "opslimit": strength[0],
        "memlimit": strength[1],
        "salt": base64.b64encode(salt).decode("ascii"),
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def unlock_secret(path: Path, passphrase: str, kind: str, what: str) -> bytes:
    """The secret in a locked file of `kind`; `what` names it in messages."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != kind:
            raise ValueError("kind")
        salt, sealed = base64.b64decode(data["salt"]), base64.b64decode(data["sealed"])
        strength = (int(data["opslimit"]), int(data["memlimit"]))
    except OSError as exc:
        raise SecretFileError(f"{path}: cannot read the {what}: {exc.strerror}") from None
    except (ValueError, KeyError, TypeError):
        raise SecretFileError(f"{path}: not a {what} file") from None
    box = nacl.secret.SecretBox(_derive(passphrase, salt, strength))
    try:
        return bytes(box.decrypt(sealed))
    except nacl.exceptions.CryptoError:
        raise SecretFileError(f"{path}: wrong passphrase, or the file is damaged") from None


def _derive(passphrase: str, salt: bytes, strength: tuple[int, int]) -> bytes:
    ops, mem = strength
    return bytes(
        argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt,
            opslimit=ops, memlimit=mem,
        )
    )  # fmt: skip
