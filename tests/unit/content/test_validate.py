"""The validator's editorial warnings, each pointing at the page to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.content.validate import validate
from tests.conftest import MakeBundle

TODAY = dt.date(2026, 11, 23)


def _set_body(root: Path, page: str, body: str) -> Path:
    path = root / "pages" / f"{page}.md"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("---", 3) + 4]
    path.write_text(head + "\n" + body, encoding="utf-8")
    return path


def _warnings(root: Path, today: dt.date = TODAY) -> list[str]:
    report = validate(root, today)
    assert report.errors == []
    return [str(p) for p in report.warnings]


def test_good_bundle_has_no_problems_and_reports_grades(make_bundle: MakeBundle) -> None:
    report = validate(make_bundle(), TODAY)

    assert report.problems == []
    assert {p.id for p in report.pages} == {"intro", "details"}
    assert all(p.grade <= 8 and p.words > 0 for p in report.pages)


def test_hard_reading_is_flagged_with_its_grade(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    path = _set_body(
        root,
        "details",
        "Pharmacological interventions necessitate comprehensive multidisciplinary "
        "consideration. Neuroplasticity-mediated hypersensitization characterizes "
        "nociplastic presentations. Back to [the start](intro.md).\n",
    )

    warnings = _warnings(root)

    assert any(w.startswith(f"{path}:8: warning: reading grade ") for w in warnings), warnings
    assert any("is above 8" in w for w in warnings)


def test_long_sentences_are_flagged_at_their_line(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    long_sentence = " ".join(["word"] * 30) + "."
    path = _set_body(root, "details", f"Short one.\n\n{long_sentence}\n\n[Back](intro.md).\n")

    warnings = _warnings(root)

    assert f"{path}:11: warning: sentence of 30 words (at most 25): 'word word word" in (
        "\n".join(warnings)
    )


def test_long_pages_are_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    _set_body(root, "details", "The cat sat on the mat. " * 90 + "\n\n[Back](intro.md).\n")

    assert any("page has 541 words" in w for w in _warnings(root))


def test_pages_not_reviewed_for_a_year_are_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()

    assert _warnings(root, today=dt.date(2027, 10, 1)) == []
    warnings = _warnings(root, today=dt.date(2027, 10, 2))

    assert len(warnings) == 2
    assert all("last reviewed 2026-10-01, over a year ago" in w for w in warnings)


def test_unused_references_are_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    toml = root / "bundle.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + '\n[[references]]\nid = "uncited"\ncitation = "Never cited. 2021."\n',
        encoding="utf-8",
    )

    assert _warnings(root) == [f"{toml}:28: warning: reference 'uncited' is never cited by a page"]


def test_pages_nobody_can_reach_are_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    orphan = root / "pages" / "orphan.md"
    orphan.write_text(
        "---\ntitle: Orphan\nsummary: Alone.\nlast_reviewed: 2026-10-01\n"
        "reviewed_by: Staff\n---\n\nNo way in.\n",
        encoding="utf-8",
    )

    assert _warnings(root) == [
        f"{orphan}:1: warning: no topic, tour step or link leads to page 'orphan': "
        "patients cannot reach it"
    ]


def test_missing_reviewer_and_unknown_keys_are_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    path = root / "pages" / "details.md"
    text = path.read_text(encoding="utf-8").replace("reviewed_by: Clinic medical staff", "titel: x")
    path.write_text(text, encoding="utf-8")

    warnings = _warnings(root)

    assert f"{path}:6: warning: unknown key 'titel' in front matter" in "\n".join(warnings)
    assert f"{path}:1: warning: front matter has no 'reviewed_by'" in warnings


def test_errors_and_warnings_come_together(make_bundle: MakeBundle) -> None:
    root = make_bundle("broken-link")
    _set_body(root, "intro", "See <https://example.org>.\n")

    report = validate(root, TODAY)

    assert len(report.errors) == 1
    assert "broken link" in report.errors[0].message
    assert any("the kiosk is offline" in w.message for w in report.warnings)
