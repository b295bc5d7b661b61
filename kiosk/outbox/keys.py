"""The clinic's key pair: the kiosk holds the public half, staff the private half.

clinic.pub  one line of text: the format name, then the key in base64.
clinic.key  JSON: the private key sealed with a key derived from a passphrase
            (Argon2id), so a copied file alone opens nothing.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from pathlib import Path

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey

PUBLIC_KIND = "kiosk-clinic-public-key-v1"
PRIVATE_KIND = "kiosk-clinic-private-key-v1"
argon2id = nacl.pwhash.argon2id
# Work factors for deriving the key from the passphrase: about half a second
# and 256 MB on a staff PC; tests pass cheaper ones.
MODERATE = (argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
INTERACTIVE = (argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)


class KeyFileError(ValueError):
    """A key file is missing, damaged, of the wrong kind, or the passphrase is wrong."""


def write_atomically(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write `data` to `path` so that it is either all there or not there at all."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temp.chmod(mode)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def new_key_pair(
    out_dir: Path, passphrase: str, strength: tuple[int, int] = MODERATE
) -> tuple[Path, Path]:
    """Write clinic.pub and clinic.key into `out_dir`; refuse to overwrite either."""
    public_path, private_path = out_dir / "clinic.pub", out_dir / "clinic.key"
    for path in (public_path, private_path):
        if path.exists():
            raise FileExistsError(f"{path} already exists; move it away first")
    key = PrivateKey.generate()
    write_atomically(private_path, _lock(bytes(key), passphrase, strength), mode=0o600)
    write_atomically(public_path, public_key_text(key.public_key).encode("ascii"))
    return public_path, private_path


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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != PRIVATE_KIND:
            raise ValueError("kind")
        salt, sealed = base64.b64decode(data["salt"]), base64.b64decode(data["sealed"])
        ops, mem = int(data["opslimit"]), int(data["memlimit"])
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot read the clinic key: {exc.strerror}") from None
    except (ValueError, KeyError, TypeError):
        raise KeyFileError(f"{path}: not a clinic key file (clinic.key)") from None
    box = nacl.secret.SecretBox(_derive(passphrase, salt, (ops, mem)))
    try:
        return PrivateKey(box.decrypt(sealed))
    except nacl.exceptions.CryptoError:
        raise KeyFileError(f"{path}: wrong passphrase, or the file is damaged") from None


def _lock(secret: bytes, passphrase: str, strength: tuple[int, int]) -> bytes:
    salt = nacl.utils.random(argon2id.SALTBYTES)
    sealed = nacl.secret.SecretBox(_derive(passphrase, salt, strength)).encrypt(secret)
    document = {
        "kind": PRIVATE_KIND,
        "kdf": "argon2id",
        "opslimit": strength[0],
        "memlimit": strength[1],
        "salt": base64.b64encode(salt).decode("ascii"),
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _derive(passphrase: str, salt: bytes, strength: tuple[int, int]) -> bytes:
    ops, mem = strength
    return bytes(
        argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE,
            passphrase.encode("utf-8"),
            salt,
            opslimit=ops,
            memlimit=mem,
        )
    )
