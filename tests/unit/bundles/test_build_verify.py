"""Signed bundles: built the same way every time; every hostile variant refused in plain words."""

from __future__ import annotations

import base64
import json
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from nacl.signing import SigningKey, VerifyKey

from kiosk.bundles.build import MANIFEST, SIGNATURE, BuildRefused, build_bundle, manifest_bytes
from kiosk.bundles.signing import key_id
from kiosk.bundles.verify import BundleRefused, Limits, verify_bundle
from tests.conftest import DATA, MakeBundle

KEY = SigningKey(b"k" * 32)  # a fixed key: signatures (Ed25519) are then fixed too
TRUSTED = {key_id(KEY.verify_key): KEY.verify_key}
APP = "0.1.0"


@pytest.fixture
def bundle_file(make_bundle: MakeBundle, tmp_path: Path) -> Path:
    return build_bundle(make_bundle(), KEY, tmp_path / "good.kbundle").path


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rewrite(
    source: Path,
    target: Path,
    change: Callable[[dict[str, bytes]], dict[str, bytes]],
    attrs: dict[str, int] | None = None,
) -> Path:
    """A copy of `source` with its entries changed; `attrs` sets entry modes by name."""
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in change(entries(source)).items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (attrs or {}).get(name, 0o100644) << 16
            archive.writestr(info, data)
    return target


def resign(files: dict[str, bytes], manifest: dict[str, object]) -> dict[str, bytes]:
    signed = manifest_bytes(manifest)
    files[MANIFEST] = signed
    files[SIGNATURE] = manifest_bytes(
        {"key_id": key_id(KEY.verify_key),
         "signature": base64.b64encode(KEY.sign(signed).signature).decode()}
    )  # fmt: skip
    return files


def refused(
    path: Path, limits: Limits | None = None, trusted: dict[str, VerifyKey] = TRUSTED
) -> str:
    """The refusal message; with default limits, an install is refused too and changes nothing."""
    with pytest.raises(BundleRefused) as caught:
        verify_bundle(path, trusted, APP, limits)
    if limits is None:
        _install_changes_nothing(path, trusted, str(caught.value))
    return str(caught.value)


def _install_changes_nothing(path: Path, trusted: dict[str, VerifyKey], message: str) -> None:
    from kiosk.bundles import store
    from tests.unit.bundles.helpers import folder_files, signed_bundle, version_of

    data_dir = path.parent / "kiosk-data"
    if store.active(data_dir) is None:
        good = signed_bundle(version_of(folder_files(DATA / "good"), 1),
                             path.parent / "active.kbundle", "test-clinic", 1)  # fmt: skip
        store.install(good, data_dir, TRUSTED, APP)
    root = data_dir / "bundles"
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}

    with pytest.raises(BundleRefused) as caught:
        store.install(path, data_dir, trusted, APP)

    assert str(caught.value) == message
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    assert store.active(data_dir).version == 1  # type: ignore[union-attr]


def test_the_same_source_and_key_give_the_same_bytes(
    make_bundle: MakeBundle, tmp_path: Path
) -> None:
    root = make_bundle()
    first = build_bundle(root, KEY, tmp_path / "a.kbundle").path.read_bytes()
    for path in root.rglob("*"):
        os.utime(path, (1_900_000_000, 1_900_000_000))  # a fresh checkout: new times
    second = build_bundle(root, KEY, tmp_path / "b.kbundle").path.read_bytes()

    assert first == second


def test_a_good_bundle_verifies(bundle_file: Path) -> None:
    verified = verify_bundle(bundle_file, TRUSTED, APP)

    assert (verified.id, verified.version, verified.created) == ("test-clinic", 3, "2026-10-01")
    assert verified.key_id == key_id(KEY.verify_key)
    assert "pages/intro.md" in verified.files
    assert "bundle.toml" in verified.files


def test_a_folder_with_errors_is_not_built(make_bundle: MakeBundle, tmp_path: Path) -> None:
    with pytest.raises(BuildRefused) as caught:
        build_bundle(make_bundle("broken-link"), KEY, tmp_path / "x.kbundle")

    assert "broken link" in str(caught.value)
    assert not (tmp_path / "x.kbundle").exists()


def drop(name: str) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    return lambda files: {k: v for k, v in files.items() if k != name}


def put(name: str, data: bytes) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    return lambda files: {**files, name: data}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (drop(SIGNATURE), "unsigned: the bundle has no manifest and signature"),
        (drop(MANIFEST), "unsigned: the bundle has no manifest and signature"),
        (put(SIGNATURE, b"{}"), "unsigned: the signature file is not valid"),
        (lambda f: {**f, "pages/intro.md": f["pages/intro.md"].replace(b"first", b"FALSE")},
         "pages/intro.md was changed after signing"),  # same length, other words
        (put("pages/intro.md", b"---\ntitle: Changed\n---\nFalse claims.\n"),
         "pages/intro.md has the wrong size: changed after signing"),
        (put("pages/extra.md", b"---\ntitle: Extra\n---\n"),
         "pages/extra.md was added after signing"),
        (drop("pages/details.md"), "pages/details.md is listed in the manifest but missing"),
        (lambda f: {**f, MANIFEST: f[MANIFEST].replace(b'"version":3', b'"version":4')},
         "the signature does not match the manifest"),
    ],
)  # fmt: skip
def test_changed_bundles_are_refused(
    bundle_file: Path,
    tmp_path: Path,
    change: Callable[[dict[str, bytes]], dict[str, bytes]],
    words: str,
) -> None:
    assert words in refused(rewrite(bundle_file, tmp_path / "bad.kbundle", change))


def test_an_untrusted_key_is_refused(bundle_file: Path) -> None:
    stranger = SigningKey(b"s" * 32).verify_key

    message = refused(bundle_file, trusted={key_id(stranger): stranger})

    assert message == f"signed by a key this kiosk does not trust (key id {key_id(KEY.verify_key)})"


def test_a_file_bigger_than_its_signed_size_is_refused(bundle_file: Path, tmp_path: Path) -> None:
    def shrink_listed_size(files: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(files[MANIFEST])
        manifest["files"][0]["size"] -= 1
        return resign(files, manifest)

    path = rewrite(bundle_file, tmp_path / "bad.kbundle", shrink_listed_size)

    assert "is larger than it claims" in refused(path)


def test_a_signed_manifest_that_is_not_valid_is_refused(bundle_file: Path, tmp_path: Path) -> None:
    path = rewrite(bundle_file, tmp_path / "bad.kbundle", lambda f: resign(f, {"format": 99}))

    assert refused(path) == "the manifest is not valid"


def test_content_for_a_newer_kiosk_is_refused(make_bundle: MakeBundle, tmp_path: Path) -> None:
    root = make_bundle()
    toml = root / "bundle.toml"
    toml.write_text(toml.read_text().replace('min_app_version = "0.1"', 'min_app_version = "9.2"'))

    path = build_bundle(root, KEY, tmp_path / "new.kbundle").path

    assert refused(path) == "this content needs kiosk version 9.2; this kiosk is 0.1.0"


@pytest.mark.parametrize(
    "name",
    ["/etc/cron.d/x", "../outside.md", "pages/../../x.md", "pages\\x.md", "C:x.md",
     "C:/Windows/x.md", "pages/./x.md", "pages//x.md", "pages/\tx.md"],
)  # fmt: skip
def test_unsafe_names_are_refused(bundle_file: Path, tmp_path: Path, name: str) -> None:
    path = rewrite(bundle_file, tmp_path / "bad.kbundle", put(name, b"x"))

    assert f"unsafe file name {name!r}" in refused(path)


def test_a_name_the_zip_reader_would_cut_short_is_refused(
    bundle_file: Path, tmp_path: Path
) -> None:
    # zipfile truncates a name at a NUL byte; write "media/aXsvg.md" and make X a NUL.
    path = rewrite(bundle_file, tmp_path / "bad.kbundle", put("media/aXsvg.md", b"x"))
    path.write_bytes(path.read_bytes().replace(b"media/aXsvg.md", b"media/a\0svg.md"))

    assert "rewritten by the zip reader" in refused(path)


@pytest.mark.parametrize(
    ("first", "second"),
    [("pages/Intro.md", "pages/intro.md"), ("media/caf\u00e9.svg", "media/cafe\u0301.svg")],
)
def test_names_that_differ_only_by_case_or_unicode_form_are_refused(
    bundle_file: Path, tmp_path: Path, first: str, second: str
) -> None:
    path = rewrite(
        bundle_file, tmp_path / "bad.kbundle", lambda f: {**f, first: b"a", second: b"b"}
    )

    assert "differ only by case or Unicode form" in refused(path)


def test_entries_without_a_recorded_file_type_count_as_plain_files(
    bundle_file: Path, tmp_path: Path
) -> None:
    path = rewrite(bundle_file, tmp_path / "plain.kbundle", lambda f: f,
                   attrs=dict.fromkeys(entries(bundle_file), 0o600))  # fmt: skip

    assert verify_bundle(path, TRUSTED, APP).id == "test-clinic"


@pytest.mark.parametrize(
    ("mode", "words"),
    [(stat.S_IFLNK | 0o777, "is a link"), (stat.S_IFIFO | 0o644, "a folder or special file")],
)
def test_links_and_special_entries_are_refused(
    bundle_file: Path, tmp_path: Path, mode: int, words: str
) -> None:
    path = rewrite(
        bundle_file, tmp_path / "bad.kbundle", put("media/link.svg", b"/etc/passwd"),
        attrs={"media/link.svg": mode},
    )  # fmt: skip

    assert words in refused(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(bundle_file: Path, tmp_path: Path) -> None:
    path = rewrite(bundle_file, tmp_path / "bomb.kbundle", put("media/zeros.svg", bytes(2**22)))

    assert "media/zeros.svg unpacks more than 100 times larger" in refused(path)


@pytest.mark.parametrize(
    ("limits", "words"),
    [
        (Limits(entries=3), "too many files"),
        (Limits(total_bytes=500), "too large: more than"),
        (Limits(manifest_bytes=100), "the manifest is too large"),
    ],
)
def test_size_limits(bundle_file: Path, limits: Limits, words: str) -> None:
    assert words in refused(bundle_file, limits)


def test_something_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.kbundle"
    path.write_bytes(b"not a zip at all")

    assert refused(path).startswith("fake.kbundle is not a content bundle")


def test_the_sample_content_builds_and_verifies(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE_CONTENT

    built = build_bundle(SAMPLE_CONTENT, KEY, tmp_path / "sample.kbundle")

    assert verify_bundle(built.path, TRUSTED, APP).files == tuple(
        sorted(p.relative_to(SAMPLE_CONTENT).as_posix() for p in SAMPLE_CONTENT.rglob("*")
               if p.is_file())
    )  # fmt: skip
    assert DATA.exists()
