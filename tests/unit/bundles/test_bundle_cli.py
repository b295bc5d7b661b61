"""From edited Markdown to a signed bundle, and a changed copy refused, as staff run it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kiosk.admin.cli import main
from tests.conftest import SAMPLE_CONTENT


def test_keygen_build_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_SIGNING_PASSPHRASE", "a long signing passphrase")
    keys, bundle = tmp_path / "keys", tmp_path / "clinic.kbundle"

    assert main(["bundle", "keygen", "--out", str(keys)]) == 0
    assert main(["bundle", "build", str(SAMPLE_CONTENT), "--key", str(keys / "signing.key"),
                 "-o", str(bundle)]) == 0  # fmt: skip
    assert main(["bundle", "verify", str(bundle), "--trust", str(keys / "signing.pub")]) == 0

    out = capsys.readouterr().out
    assert f"{bundle}: good: libertas-mind version 1" in out
    assert "(content of 2026-11-01)" in out

    with zipfile.ZipFile(bundle) as original:
        files = {info.filename: original.read(info) for info in original.infolist()}
    files["bundle.toml"] = files["bundle.toml"].replace(b"(518) 672-3050", b"(518) 672-3051")
    with zipfile.ZipFile(bundle, "w") as tampered:
        for name, data in files.items():
            tampered.writestr(name, data)
    assert main(["bundle", "verify", str(bundle), "--trust", str(keys / "signing.pub")]) == 1
    assert f"{bundle}: refused: bundle.toml was changed after signing" in capsys.readouterr().out


def test_build_needs_the_right_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_SIGNING_PASSPHRASE", "a long signing passphrase")
    main(["bundle", "keygen", "--out", str(tmp_path)])
    monkeypatch.setenv("KIOSK_SIGNING_PASSPHRASE", "some other passphrase")

    status = main(["bundle", "build", str(SAMPLE_CONTENT), "--key", str(tmp_path / "signing.key"),
                   "-o", str(tmp_path / "x.kbundle")])  # fmt: skip

    assert status == 1
    assert "wrong passphrase" in capsys.readouterr().err
    assert not (tmp_path / "x.kbundle").exists()
