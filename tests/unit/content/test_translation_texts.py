"""bundle.toml's texts in another language ([translations.es]): what validate says when
one is missing, out of date or malformed."""

from __future__ import annotations

import pytest

from kiosk.content.loader import read_bundle
from kiosk.content.validate import validate
from tests.conftest import MakeBundle
from tests.unit.content.test_translations import TODAY, _edit, _problems


def test_a_translation_that_leaves_out_the_crisis_line_is_told_so(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    _edit(root / "bundle.toml", 'crisis = "Si piensa en el suicidio, llame o envíe un mensaje '
          'de texto al 988."\n', "")  # fmt: skip

    problems = _problems(root)
    crisis = read_bundle(root).bundle.edition("es-US").notices.crisis  # type: ignore[union-attr]

    assert problems == [
        f"{root}/bundle.toml:28: warning: [translations.es] has no 'crisis': THE CRISIS LINE "
        "(988, 911) shows untranslated in es-US"
    ]
    assert "988" in crisis  # the English one: never none at all


def test_texts_translated_before_the_english_changed_are_stale(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    _edit(root / "bundle.toml", 'title = "Basics"', 'title = "The basics"')

    [problem] = _problems(root)

    stale = (
        f"{root}/bundle.toml:29: warning: bundle.toml's title, notices or topics have changed "
        "since [translations.es] was translated"
    )
    assert problem.startswith(stale)


@pytest.mark.parametrize(
    ("text", "line"),
    [('[translations]\nes = "Spanish"\n', 35), ("[translations.es]\ntopics = 3\n", 35)],
)
def test_a_malformed_translations_table_is_an_error_on_its_line_not_a_crash(
    make_bundle: MakeBundle, text: str, line: int
) -> None:
    root = make_bundle("spanish")
    toml = root / "bundle.toml"
    good = toml.read_text()
    toml.write_text(good[: good.index("[translations.es]")] + "\n" * 6 + text)

    report = validate(root, TODAY)

    assert report.errors, report.problems
    assert all(p.path == str(toml) for p in report.errors)
    assert line in {p.line for p in report.errors}
