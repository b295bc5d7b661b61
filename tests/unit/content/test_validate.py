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
        "idiopathic presentations. Back to [the start](intro.md).\n",
    )

    warnings = _warnings(root)

    assert any(w.startswith(f"{path}:11: warning: reading grade ") for w in warnings), warnings
    assert any("is above 8" in w for w in warnings)


def test_long_sentences_are_flagged_at_their_line(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    long_sentence = " ".join(["word"] * 30) + "."
    path = _set_body(root, "details", f"Short one.\n\n{long_sentence}\n\n[Back](intro.md).\n")

    warnings = _warnings(root)

    assert f"{path}:14: warning: sentence of 30 words (at most 20): 'word word word" in (
        "\n".join(warnings)
    )


def test_long_pages_are_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    _set_body(root, "details", "The cat sat on the mat. " * 90 + "\n\n[Back](intro.md).\n")

    warnings = _warnings(root)
    assert any("page has 555 words" in w for w in warnings), warnings  # key points count too


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
        "reviewed_by: Staff\nkey_points: [Nobody comes here., It is alone.]\n---\n\nNo way in.\n",
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


def _set_front(root: Path, page: str, lines: str) -> Path:
    """Add `lines` to the end of a page's front matter."""
    path = root / "pages" / f"{page}.md"
    text = path.read_text(encoding="utf-8")
    end = text.index("---", 3)
    path.write_text(text[:end] + lines + text[end:], encoding="utf-8")
    return path


def test_a_page_without_two_to_four_key_points_is_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    path = root / "pages" / "details.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - It reads at an easy level.\n", ""), encoding="utf-8")

    assert _warnings(root) == [
        f"{path}:7: warning: a page opens with 2 to 4 key points: write them as "
        "'key_points:' in the front matter, one '- ' line each"
    ]


def test_a_page_about_mood_without_the_crisis_line_is_flagged(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    path = _set_body(
        root, "details", "Pain can bring on low mood.\n\nGo back to [the start](intro.md).\n"
    )

    assert _warnings(root) == [
        f"{path}:12: warning: the page speaks of 'mood' but does not show the crisis line: "
        "add 'show_crisis_line: true' to its front matter"
    ]
    _set_front(root, "details", "show_crisis_line: true\n")
    assert _warnings(root) == []


def test_a_study_about_depression_named_only_in_the_citations_needs_no_crisis_line(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle()
    toml = root / "bundle.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(
        text.replace('citation = "', 'citation = "Depression and anxiety: ', 1), "utf-8"
    )

    assert _warnings(root) == []


def test_a_medical_word_neither_in_the_glossary_nor_explained_is_flagged(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle()
    path = _set_body(
        root,
        "details",
        "Some pain is nociplastic.\n\nGo back to [the start](intro.md).\n",
    )

    assert _warnings(root) == [
        f"{path}:12: warning: 'nociplastic' is a medical word: add 'nociplastic' to "
        "glossary.toml, or explain it where the page first uses it, in italics: "
        "*nociplastic* means ..."
    ]


def test_a_medical_word_explained_in_italics_or_in_the_glossary_passes(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle()
    _set_body(
        root,
        "details",
        "Some pain is *nociplastic*: it comes from how nerves handle signals. "
        "A nerve block may help, and so may *infusions*.\n\n[Back](intro.md).\n",
    )
    assert _warnings(root) == []

    _set_body(root, "details", "Ask about infusions.\n\n[Back](intro.md).\n")
    (root / "glossary.toml").write_text('"infusion" = "Medicine given slowly into a vein."\n')
    assert _warnings(root) == []


def test_draft_pages_and_what_a_clinician_must_check_are_noted(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    path = _set_front(
        root,
        "details",
        "review_status: draft\nclinician_review: The side effects come from the FDA label.\n",
    )

    report = validate(root, TODAY)

    assert report.errors == []
    assert report.warnings == []
    assert [str(p) for p in report.notes] == [
        f"{path}:10: note: draft: the kiosk shows this page as not yet reviewed; once a "
        "clinician has checked it, set 'review_status: reviewed'",
        f"{path}:11: note: a clinician must check: The side effects come from the FDA label.",
    ]


def test_a_review_status_other_than_draft_or_reviewed_is_an_error(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle()
    path = _set_front(root, "details", "review_status: checked\n")

    report = validate(root, TODAY)

    assert [str(p) for p in report.errors] == [
        f"{path}:10: error: 'review_status' in front matter must be one of: reviewed, draft"
    ]


def test_a_glossary_term_no_page_uses_is_flagged_at_its_line(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    _set_body(root, "details", "Ask about infusions.\n\n## Wind-up\n\n[Back](intro.md).\n")
    glossary = root / "glossary.toml"
    glossary.write_text(
        "# Plain words.\n"
        '"infusion" = "Medicine given slowly into a vein."\n'
        'wind-up = "The same pain signal feels stronger each time."\n'
        '"placebo" = "A look-alike treatment with no medicine in it."\n',
        encoding="utf-8",
    )

    assert _warnings(root) == [
        f"{glossary}:3: warning: glossary term 'wind-up' is on no page, so no patient will "
        "see it: use the word on a page, or remove it",
        f"{glossary}:4: warning: glossary term 'placebo' is on no page, so no patient will "
        "see it: use the word on a page, or remove it",
    ]

    # Used once anywhere is enough, in any case or number; a heading does not count.
    _set_body(root, "details", "Wind-up and placebos.\n\n[Back](intro.md).\n")
    _set_body(root, "intro", "An infusion.\n\nRead [the details](details.md).\n")
    assert _warnings(root) == []


def test_a_glossary_term_with_no_word_is_an_error(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    (root / "glossary.toml").write_text('"infusion" = "Into a vein."\n" " = "Nothing."\n')

    report = validate(root, TODAY)

    assert [str(p) for p in report.errors] == [
        f"{root / 'glossary.toml'}:2: error: a glossary term needs a word before the '='"
    ]
