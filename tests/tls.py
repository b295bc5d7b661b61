"""A clinic's private certificate authority for tests, made with Debian's openssl.

`clinic` signs the certificate of 127.0.0.1 (and localhost) that the test
servers present; `stranger` is another authority the kiosk has no reason to
trust.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

needs_openssl = pytest.mark.skipif(
    shutil.which("openssl") is None, reason="needs openssl (.ci/run installs it)"
)
_EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


@dataclass(frozen=True)
class Certificates:
    clinic_ca: Path  # the clinic's authority (PEM): what network.ca_file names
    stranger_ca: Path  # an authority that signed nothing here
    cert: Path  # 127.0.0.1's certificate, signed by clinic_ca
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context


def _openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


def _authority(folder: Path, name: str) -> tuple[Path, Path]:
    cert, key = folder / f"{name}-ca.pem", folder / f"{name}-ca.key"
    _openssl("req", "-x509", *_EC, "-keyout", key, "-out", cert, "-days", "30",
             "-subj", f"/CN={name} test authority",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    return cert, key


def make_certificates(folder: Path) -> Certificates:
    clinic_ca, clinic_key = _authority(folder, "clinic")
    stranger_ca, _ = _authority(folder, "stranger")
    key, request, cert = folder / "server.key", folder / "server.csr", folder / "server.pem"
    _openssl("req", *_EC, "-keyout", key, "-out", request, "-subj", "/CN=127.0.0.1")
    extensions = folder / "server.ext"
    extensions.write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "basicConstraints=CA:FALSE\n"
        "extendedKeyUsage=serverAuth\n"
    )
    _openssl("x509", "-req", "-in", request, "-CA", clinic_ca, "-CAkey", clinic_key,
             "-CAcreateserial", "-out", cert, "-days", "30", "-extfile", extensions)  # fmt: skip
    return Certificates(clinic_ca, stranger_ca, cert, key)
