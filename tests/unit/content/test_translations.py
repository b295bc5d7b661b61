"""A bundle in two languages: what a translation takes from its original, what `validate`
tells an author about a missing, stale or diverging translation, and the Spanish grades."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.content.loader import load_bundle, read_bundle
from kiosk.content.translations import fingerprint
from kiosk.content.validate import validate
from tests.conftest import SAMPLE_CONTENT, MakeBundle

TODAY = dt.date(2026, 11, 23)


def _problems(root: Path) -> list[str]:
    return [str(p) for p in validate(root, TODAY).problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_translated_bundle_loads_in_each_language_with_the_same_structure(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle("spanish")
    result = read_bundle(root)
    assert result.bundle is not None, result.problems
    bundle = result.bundle
    spanish = bundle.edition("es-US")

    assert bundle.languages == ("en-US", "es-US")
    assert spanish.language == "es-US"
    assert spanish.title == "Contenido de prueba"
    assert [t.title for t in spanish.topics] == ["Lo básico"]
    assert spanish.pages["intro"].title == "Introducción"
    assert spanish.notices.crisis.startswith("Si piensa en el suicidio")
    # What a translation leaves out it takes from the page it translates.
    assert spanish.pages["intro"].references == bundle.pages["intro"].references
    assert spanish.pages["intro"].topic == "basics"
    assert list(spanish.pages) == list(bundle.pages)
    assert spanish.tour == bundle.tour
    assert "kiosk:page/details" in result.rendered_for("es-US")["intro"].html
    assert bundle.edition("fr-FR") is bundle  # a language it is not in: the default
    assert _problems(root) == []


def test_a_missing_translation_is_a_warning_and_shows_the_original(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle("spanish")
    (root / "pages" / "es" / "details.md").unlink()

    problems = _problems(root)
    spanish = read_bundle(root).bundle.edition("es-US")  # type: ignore[union-attr]

    assert problems == [
        f"{root}/pages/details.md:1: warning: no es-US translation (pages/es/details.md): "
        "the page shows in en-US, with a notice"
    ]
    assert spanish.pages["details"].title == "Details"
    assert not spanish.in_own_language(spanish.pages["details"])
    assert spanish.in_own_language(spanish.pages["intro"])


def test_a_translation_whose_original_changed_is_stale(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    _edit(root / "pages" / "intro.md", "This is the first page.", "This is the opening page.")
    now = fingerprint(read_bundle(root).pages["intro"])

    problems = _problems(root)

    assert len(problems) == 1
    assert problems[0].startswith(f"{root}/pages/es/intro.md:6: warning: pages/intro.md has "
                                  "changed since this translation (translated_from ")  # fmt: skip
    assert problems[0].endswith(f"then set 'translated_from: {now}'")


def test_a_translation_that_does_not_say_what_it_translates_is_told_its_fingerprint(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle("spanish")
    page = root / "pages" / "es" / "details.md"
    page.write_text(
        "\n".join(x for x in page.read_text().splitlines() if "translated_from" not in x)
    )
    expected = fingerprint(read_bundle(root).pages["details"])

    assert _problems(root) == [
        f"{page}:1: warning: say which version of pages/details.md this translates: add "
        f"'translated_from: {expected}' to the front matter"
    ]


def test_a_translation_of_no_page_is_an_error(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    extra = root / "pages" / "es" / "extra.md"
    extra.write_text((root / "pages" / "es" / "details.md").read_text())

    report = validate(root, TODAY)

    assert [str(p) for p in report.errors] == [
        f"{extra}:1: error: no page 'extra' in en-US (pages/extra.md): a translation needs "
        "the page it translates"
    ]


@pytest.mark.parametrize(
    ("key", "value"),
    [("show_crisis_line", "false"), ("references", "[]"), ("topic", "other")],
)
def test_a_translation_may_not_say_other_than_its_original(
    make_bundle: MakeBundle, key: str, value: str
) -> None:
    root = make_bundle("spanish")
    _edit(root / "pages" / "intro.md", "references: [study-2020]",
          "references: [study-2020]\nshow_crisis_line: true")  # fmt: skip
    page = root / "pages" / "es" / "intro.md"
    _edit(page, "title: Introducción", f"title: Introducción\n{key}: {value}")

    report = validate(root, TODAY)

    assert f"{page}:3: error: '{key}' differs from pages/intro.md: leave it out, and the " \
           "translation takes the original's" in [str(p) for p in report.errors]  # fmt: skip


def test_a_translation_with_other_links_or_pictures_is_warned(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    page = root / "pages" / "es" / "intro.md"
    _edit(page, "Lea [los detalles](details.md) después.", "Lea los detalles después.")
    _edit(page, "(media/picture.svg)", "(media/icon.svg)")

    problems = _problems(root)

    assert f"{page}:11: warning: pages/intro.md links to 'details' and this translation " \
           "does not" in problems  # fmt: skip
    assert f"{page}:11: warning: pages/intro.md pictures 'picture.svg' and this " \
           "translation does not" in problems  # fmt: skip
    assert f"{page}:14: warning: this translation pictures 'icon.svg' and pages/intro.md " \
           "does not" in problems  # fmt: skip


def test_a_picture_in_the_language_s_own_folder_counts_as_the_same_picture(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle("spanish")
    (root / "media" / "es").mkdir()
    (root / "media" / "es" / "picture.svg").write_text((root / "media" / "picture.svg").read_text())
    _edit(root / "pages" / "es" / "intro.md", "(media/picture.svg)", "(media/es/picture.svg)")

    assert _problems(root) == []


def test_spanish_pages_get_spanish_grades_and_a_hard_one_is_warned(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle("spanish")
    page = root / "pages" / "es" / "details.md"
    _edit(page, "Esta página dice un poco más.",
          "La administración intravenosa de antagonistas glutamatérgicos determina "
          "modificaciones neurofisiológicas considerablemente significativas.")  # fmt: skip

    report = validate(root, TODAY)
    spanish = {p.id: p for p in report.pages if p.language == "es-US"}

    assert spanish["intro"].inflesz is not None
    assert spanish["intro"].grade is None
    assert spanish["intro"].inflesz >= 65
    assert not spanish["intro"].hard
    assert spanish["details"].hard
    assert any(
        str(p).startswith(f"{page}:11: warning: reading ease INFLESZ ") for p in report.warnings
    ), report.warnings
    # Spanish medical words need explaining too (mood words: the tests below).
    assert any("'intravenosa' is a medical word: add 'intravenosa' to glossary.es.toml"
               in str(p) for p in report.warnings)  # fmt: skip


def test_a_spanish_page_about_mood_needs_the_crisis_line(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    page = root / "pages" / "es" / "details.md"
    _edit(page, "Esta página dice un poco más.", "El dolor puede traer depresión.")

    assert any(
        "the page speaks of 'depresión' but does not show the crisis line" in p
        for p in _problems(root)
    )


def test_a_language_with_no_folder_or_texts_is_told_what_is_missing(
    make_bundle: MakeBundle,
) -> None:
    """Adding a third language is adding files: validate lists what is still to write."""
    root = make_bundle("spanish")
    _edit(root / "bundle.toml", '["en-US", "es-US"]', '["en-US", "es-US", "fr-CA"]')

    problems = _problems(root)

    assert f"{root}/bundle.toml:6: warning: no [translations.fr] table: the bundle's " \
           "title, topics and notices (the crisis line too) show in en-US to fr-CA " \
           "readers" in problems  # fmt: skip
    assert f"{root}/bundle.toml:6: warning: no pages/fr/ folder: every page shows in en-US " \
           "to fr-CA readers" in problems  # fmt: skip
    assert sum("no fr-CA translation" in p for p in problems) == 2
    no_words = (
        f"{root}/bundle.toml:6: warning: the kiosk's own words (buttons, the form, the idle "
        "warning) are not in fr-CA: its readers see them in English until the kiosk has a "
        "catalogue for it (see the README, More than one language)"
    )
    assert no_words in problems
    assert read_bundle(root).bundle.edition("fr-CA").pages["intro"].title == "Introduction"  # type: ignore[union-attr]


def test_two_languages_sharing_a_folder_and_an_undeclared_folder_are_errors(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle("spanish")
    _edit(root / "bundle.toml", '["en-US", "es-US"]', '["en-US", "es-US", "es-MX"]')
    assert any("'es-US' and 'es-MX' would share pages/es/" in p for p in _problems(root))

    _edit(root / "bundle.toml", 'languages = ["en-US", "es-US", "es-MX"]\n', "")
    report = validate(root, TODAY)
    assert any(
        "(is pages/es/ a translation? add its language to [bundle] languages)" in str(p)
        for p in report.errors
    )


def test_the_sample_s_spanish_edition_says_what_the_english_does_where_it_matters() -> None:
    bundle = load_bundle(SAMPLE_CONTENT)
    spanish = bundle.edition("es-US")

    assert spanish.title == "Entienda el dolor crónico y sus opciones de tratamiento"
    assert all(spanish.in_own_language(page) for page in spanish.pages.values())
    for page_id, page in spanish.pages.items():
        original = bundle.pages[page_id]
        assert page.show_crisis_line == original.show_crisis_line
        assert page.references == original.references
        assert len(page.key_points) == len(original.key_points)
    # 988's Spanish option, wherever the crisis line shows.
    assert "llame al 988 y marque 2, o envíe AYUDA por mensaje de texto al 988" in (
        spanish.notices.crisis
    )
    assert "llame al 911" in spanish.notices.crisis


def test_everyday_spanish_mood_words_count_too(make_bundle: MakeBundle) -> None:
    root = make_bundle("spanish")
    _edit(root / "pages" / "es" / "details.md", "Esta página dice un poco más.",
          "A veces se siente deprimida.")  # fmt: skip

    assert any(
        "speaks of 'deprimida' but does not show the crisis line: add 'show_crisis_line: "
        "true' to pages/details.md" in p
        for p in _problems(root)
    )


def test_a_translation_may_give_its_own_web_address(make_bundle: MakeBundle) -> None:
    """The QR code under a Spanish page may open the clinic's page in Spanish."""
    root = make_bundle("spanish")
    _edit(root / "pages" / "intro.md", "references: [study-2020]",
          "references: [study-2020]\npublic_url: https://example.org/intro")  # fmt: skip
    _edit(root / "pages" / "es" / "intro.md", "title: Introducción",
          "title: Introducción\npublic_url: https://example.org/es/intro")  # fmt: skip

    spanish = read_bundle(root).bundle.edition("es-US")  # type: ignore[union-attr]

    assert _problems(root) == []
    assert spanish.pages["intro"].public_url == "https://example.org/es/intro"
    assert spanish.pages["details"].public_url == ""  # none given, as in the original
