"""Staff see what an update changes before they install it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.admin.cli import main
from kiosk.bundles.build import build_bundle
from tests.conftest import MakeBundle
from tests.unit.bundles.helpers import KEY


def test_diff_lists_added_removed_and_changed_pages_with_grades(
    make_bundle: MakeBundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_root = make_bundle()
    old = build_bundle(old_root, KEY, tmp_path / "old.kbundle").path
    new_root = tmp_path / "new"
    shutil.copytree(old_root, new_root)
    toml = new_root / "bundle.toml"
    toml.write_text(toml.read_text().replace("version = 3", "version = 4"))
    details = new_root / "pages" / "details.md"
    details.write_text(details.read_text().replace(
        "This page has more to say.",
        "Multidisciplinary pharmacological considerations necessitate comprehensive review.",
    ))  # fmt: skip
    (new_root / "pages" / "more.md").write_text(
        "---\ntitle: More\nsummary: More.\nlast_reviewed: 2026-10-01\nreviewed_by: Staff\n---\n\n"
        "A new page. Back to [the start](intro.md).\n"
    )

    assert main(["bundle", "diff", str(old), str(new_root)]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0] == "test-clinic version 3 → test-clinic version 4"
    assert out[1].startswith("  changed  details: reading grade ")
    old_grade, new_grade = (float(g) for g in out[1].rsplit(" ", 3)[1::2])
    assert new_grade > old_grade
    assert out[2].startswith("  added    more: 'More', reading grade ")


def test_diff_of_identical_content(
    make_bundle: MakeBundle, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle()

    assert main(["bundle", "diff", str(root), str(root)]) == 0
    assert "no page changes" in capsys.readouterr().out


def test_diff_shows_each_language_s_changes_with_its_own_reading_level(
    make_bundle: MakeBundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_root = make_bundle("spanish")
    new_root = tmp_path / "new"
    shutil.copytree(old_root, new_root)
    intro = new_root / "pages" / "es" / "intro.md"
    intro.write_text(intro.read_text().replace("Esta es la primera página.", "Esta es la entrada."))
    (new_root / "pages" / "es" / "details.md").unlink()
    toml = new_root / "bundle.toml"
    toml.write_text(toml.read_text().replace('["en-US", "es-US"]', '["en-US", "es-US", "fr-CA"]'))

    assert main(["bundle", "diff", str(old_root), str(new_root)]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[1] == "  removed  details (es-US): 'Detalles'"
    assert out[2].startswith("  changed  intro (es-US): INFLESZ ")
    assert out[3] == "  added    (fr-CA): a new language"
    assert len(out) == 4  # the English pages did not change
