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

    out, err = capsys.readouterr()
    assert f"{bundle}: good: libertas-mind version 1" in out
    assert "(content of 2026-12-01)" in out
    # Signed or not, the sample is a draft, and the one who built it is told.
    assert f"{SAMPLE_CONTENT}: note: 28 pages not yet reviewed (drafts)" in err

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


def test_install_list_rollback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.bundles.signing import TRUSTED_KEYS
    from tests.unit.bundles.helpers import KEY, signed_bundle, version_of
    from tests.unit.bundles.helpers import folder_files as files_of

    data = tmp_path / "data"
    (data / TRUSTED_KEYS).mkdir(parents=True)
    import base64

    encoded = base64.b64encode(bytes(KEY.verify_key)).decode()
    (data / TRUSTED_KEYS / "clinic.pub").write_text(f"kiosk-signing-public-key-v1 {encoded}\n")
    good = files_of(Path(__file__).parents[2] / "data" / "good")
    v3 = signed_bundle(version_of(good, 3), tmp_path / "v3.kbundle", "test-clinic", 3)
    v4 = signed_bundle(version_of(good, 4), tmp_path / "v4.kbundle", "test-clinic", 4)

    assert main(["bundle", "list", "--data-dir", str(data)]) == 0
    assert "nothing installed" in capsys.readouterr().out
    assert main(["bundle", "install", str(v3), "--data-dir", str(data)]) == 0
    assert main(["bundle", "install", str(v4), "--data-dir", str(data)]) == 0
    assert main(["bundle", "install", str(v3), "--data-dir", str(data)]) == 1
    assert "not installed: version 3 is not newer" in capsys.readouterr().out

    main(["bundle", "list", "--data-dir", str(data)])
    listing = capsys.readouterr().out
    assert "showing: test-clinic version 4" in listing
    assert "previous: test-clinic version 3" in listing
    assert main(["bundle", "rollback", "--data-dir", str(data)]) == 0
    assert "back to test-clinic version 3" in capsys.readouterr().out


def test_install_without_a_trusted_key_says_where_to_put_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "x.kbundle"
    bundle.write_bytes(b"irrelevant")

    assert main(["bundle", "install", str(bundle), "--data-dir", str(tmp_path)]) == 1
    assert f"no trusted signing key: put signing.pub in {tmp_path / 'trusted-keys'}" in (
        capsys.readouterr().out
    )


def test_the_kiosk_shows_the_installed_bundle_unless_told_otherwise(tmp_path: Path) -> None:
    from kiosk.bundles import store
    from kiosk.bundles.choice import choose_content
    from kiosk.config import load_config
    from kiosk.launcher import sample_content
    from tests.unit.bundles.helpers import TRUSTED, signed_bundle, version_of
    from tests.unit.bundles.helpers import folder_files as files_of

    config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(tmp_path)})
    assert choose_content(None, config) == sample_content()
    good = files_of(Path(__file__).parents[2] / "data" / "good")
    bundle = signed_bundle(version_of(good, 3), tmp_path / "v3.kbundle", "test-clinic", 3)
    installed = store.install(bundle, tmp_path, TRUSTED, "0.1.0")
    (tmp_path / "bundles" / ".staging-1-dead").mkdir()

    assert choose_content(None, config) == installed.path
    assert not (tmp_path / "bundles" / ".staging-1-dead").exists()  # cleaned at start
    assert choose_content(tmp_path / "elsewhere", config) == tmp_path / "elsewhere"
