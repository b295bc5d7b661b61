"""`kiosk-admin bundle validate` and `export-html`, as staff run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.admin.cli import main
from tests.conftest import REPO, MakeBundle


def test_validate_a_good_bundle_prints_no_problems(
    make_bundle: MakeBundle, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle()

    status = main(["bundle", "validate", str(root)])

    out, err = capsys.readouterr()
    assert status == 0
    assert out == ""
    assert err == f"{root}: 2 pages, 0 errors, 0 warnings\n"


def test_validate_prints_problems_one_per_line_and_fails(
    make_bundle: MakeBundle, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle("broken-link")

    status = main(["bundle", "validate", str(root)])

    out, _ = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [
        f"{root}/pages/details.md:14: error: broken link: there is no page 'appendix'"
    ]


def test_validate_exits_0_with_only_warnings(
    make_bundle: MakeBundle, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle()
    page = root / "pages" / "details.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee <b>this</b>.\n", encoding="utf-8")

    status = main(["bundle", "validate", str(root)])

    out, _ = capsys.readouterr()
    assert status == 0
    assert out.startswith(f"{page}:14: warning: raw HTML shows as plain text")


def test_validate_json_gives_the_same_as_data(
    make_bundle: MakeBundle, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle("missing-image")

    status = main(["bundle", "validate", "--json", str(root)])

    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert report["ok"] is False
    assert report["errors"] == 1
    assert report["problems"] == [
        {
            "path": f"{root}/pages/details.md",
            "line": 14,
            "severity": "error",
            "message": "image 'media/chart.svg' not found in the bundle",
        }
    ]
    assert {page["id"] for page in report["pages"]} == {"intro", "details"}
    assert all(isinstance(page["grade"], float) for page in report["pages"])


def test_validate_grades_lists_every_page(
    make_bundle: MakeBundle, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle()

    main(["bundle", "validate", "--grades", str(root)])

    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        f"{root}/pages/details.md",
        f"{root}/pages/intro.md",
    ]
    assert all(": grade " in line and " words" in line for line in lines)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["bundle", "validate"])

    assert caught.value.code == 2
    assert "the following arguments are required: path" in capsys.readouterr().err


def test_export_refuses_a_bundle_with_errors(
    make_bundle: MakeBundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_bundle("missing-image")

    status = main(["bundle", "export-html", str(root), str(tmp_path / "site")])

    out, err = capsys.readouterr()
    assert status == 1
    assert "image 'media/chart.svg' not found" in out
    assert "not exported" in err
    assert not (tmp_path / "site").exists()


def test_export_reports_a_folder_it_cannot_write(
    make_bundle: MakeBundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "site"
    blocker.write_text("a file, not a folder", encoding="utf-8")

    status = main(["bundle", "export-html", str(make_bundle()), str(blocker)])

    assert status == 1
    assert f"{blocker}: cannot write the site" in capsys.readouterr().err


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        args, capture_output=True, text=True, cwd=REPO, env=env, check=False, timeout=120
    )


def test_installed_command_validates_the_sample_content() -> None:
    result = _run("kiosk-admin", "bundle", "validate", "content")

    # Warnings are not asserted: a page's review date ages with the calendar.
    assert result.returncode == 0
    assert ": error: " not in result.stdout
    assert result.stderr.startswith("content: 14 pages in en-US, 14 in es-US, 0 errors, ")
    # The sample is a draft, and says so to whoever checks it.
    assert result.stderr.rstrip().endswith("; 28 pages not yet reviewed (drafts)")
    assert ": note: draft: the kiosk shows this page as not yet reviewed" in result.stdout


def test_python_m_kiosk_self_test_reports_bad_content_without_a_traceback(
    tmp_path: Path,
) -> None:
    result = _run(sys.executable, "-m", "kiosk", "--self-test", "--content", str(tmp_path))

    assert result.returncode == 1
    assert f"FAIL  content: {tmp_path}/bundle.toml:1: error: no bundle.toml here" in result.stdout
    assert "FAIL  kiosk shown: the content has errors" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_folder_it_cannot_read_is_named_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied", "content")

    monkeypatch.setattr("kiosk.admin.bundle.validate", refused)
    monkeypatch.setattr("os.geteuid", lambda: 999)  # as the kiosk user, not root

    assert main(["bundle", "validate", "content"]) == 1

    err = capsys.readouterr().err
    assert err.startswith("kiosk-admin: content: Permission denied (kiosk-admin runs as the user ")
    assert "Traceback" not in err
