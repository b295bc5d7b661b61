"""The static site: every page, working links, the same safe HTML as the kiosk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.export import export_site
from kiosk.content.loader import read_bundle
from tests.conftest import SAMPLE_CONTENT, MakeBundle

_LOCAL_URL_RE = re.compile(r'(?:href|src)="([^"]+)"')


def _export(root: Path, out: Path) -> list[Path]:
    result = read_bundle(root)
    assert result.bundle is not None
    return export_site(result.bundle, result.rendered_for, out)


@pytest.mark.parametrize("source", ["good", "sample"])
def test_every_link_and_image_in_the_site_resolves(
    make_bundle: MakeBundle, tmp_path: Path, source: str
) -> None:
    root = SAMPLE_CONTENT if source == "sample" else make_bundle()
    out = tmp_path / "site"

    written = _export(root, out)

    pages = {p.relative_to(out).as_posix() for p in written}
    assert "index.html" in pages
    sources = {p.relative_to(root / "pages").with_suffix(".html").as_posix()
               for p in (root / "pages").rglob("*.md")}  # fmt: skip
    assert pages - {"index.html", "es/index.html"} == sources
    for page in written:
        html = page.read_text(encoding="utf-8")
        assert "kiosk:" not in html
        for url in _LOCAL_URL_RE.findall(html):
            if url.startswith("#"):  # a glossary word, to its entry in the page's list
                assert f'id="{url[1:]}"' in html, f"{page.name} links to missing {url}"
                continue
            assert (page.parent / url).is_file(), f"{page.name} links to missing {url}"


def test_pages_carry_sources_disclaimer_and_review_date(
    make_bundle: MakeBundle, tmp_path: Path
) -> None:
    _export(make_bundle(), tmp_path)

    intro = (tmp_path / "intro.html").read_text(encoding="utf-8")
    assert '<a href="details.html">the details</a>' in intro
    assert "<li>A study of things. J Things. 2020;1:1-2.</li>" in intro
    assert "This is general information, not medical advice." in intro
    assert "Last reviewed 2026-10-01 by Clinic medical staff." in intro
    assert "(518) 555-0100" in intro


def test_the_index_lists_the_tour_and_every_topic(make_bundle: MakeBundle, tmp_path: Path) -> None:
    _export(make_bundle(), tmp_path)

    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<h2>Guided tour</h2>" in index
    assert "<h2>Basics</h2>" in index
    assert index.count('href="intro.html"') == 2


def test_front_matter_text_is_escaped(make_bundle: MakeBundle, tmp_path: Path) -> None:
    root = make_bundle()
    page = root / "pages" / "details.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("title: Details", 'title: "<script>x</script>"'),
        encoding="utf-8",
    )

    _export(root, tmp_path)

    html = (tmp_path / "details.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_crisis_line_shows_only_where_the_page_asks(tmp_path: Path) -> None:
    _export(SAMPLE_CONTENT, tmp_path)

    assert "call or text 988" in (tmp_path / "pain-and-mood.html").read_text(encoding="utf-8")
    assert "call or text 988" not in (tmp_path / "welcome.html").read_text(encoding="utf-8")


def test_the_export_shows_the_key_points_and_the_boxes_as_the_kiosk_does(
    make_bundle: MakeBundle, tmp_path: Path
) -> None:
    root = make_bundle()
    page = root / "pages" / "details.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n!!! evidence "How strong is this evidence?"\n'
        + "    One small study. See [the start](intro.md).\n"
        + '\n!!! tool "Count your good days"\n    - Mark each day.\n',
        encoding="utf-8",
    )

    _export(root, tmp_path)

    html = (tmp_path / "details.html").read_text(encoding="utf-8")
    assert (
        '<section class="key-points"><h2>Key points</h2><ul><li>This page is part of the test '
        "bundle.</li><li>It reads at an easy level.</li></ul></section>"
    ) in html
    assert (
        '<aside class="box evidence"><h2>How strong is this evidence?</h2><p>One small study. '
        'See <a href="intro.html">the start</a>.</p></aside>'
    ) in html
    assert '<aside class="box tool"><h2>Count your good days</h2><ul>' in html
    assert html.index("key-points") < html.index("This page has more") < html.index("box tool")


def test_a_draft_page_says_so_instead_of_reviewed(make_bundle: MakeBundle, tmp_path: Path) -> None:
    root = make_bundle()
    page = root / "pages" / "intro.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "references:", "review_status: draft\nreferences:"), encoding="utf-8")  # fmt: skip

    _export(root, tmp_path)

    intro = (tmp_path / "intro.html").read_text(encoding="utf-8")
    assert "Draft, 2026-10-01: not yet reviewed by Clinic medical staff." in intro
    assert "Last reviewed" not in intro


def test_the_export_defines_each_glossary_word_where_it_is_used_and_at_the_end(
    make_bundle: MakeBundle, tmp_path: Path
) -> None:
    root = make_bundle()
    (root / "glossary.toml").write_text(
        '"infusion" = "Medicine given slowly into a vein."\n'
        '"off-label" = "Used in a way the FDA has not approved: ask about \\"cost\\" & cover."\n',
        encoding="utf-8",
    )
    page = root / "pages" / "details.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nIt is off-label. Infusions help; an infusion.\n",
        encoding="utf-8",
    )

    _export(root, tmp_path)

    html = (tmp_path / "details.html").read_text(encoding="utf-8")
    assert (
        '<a class="term" href="#word-1"><abbr title="Used in a way the FDA has not approved: ask '
        'about &quot;cost&quot; &amp; cover.">off-label</abbr></a>'
    ) in html
    assert (
        '<a class="term" href="#word-0"><abbr title="Medicine given slowly into a vein.">'
        "Infusions</abbr></a> help; an infusion."
    ) in html
    assert (
        '<section class="words"><h2>Words used on this page</h2><dl>'
        '<dt id="word-1">off-label</dt><dd>Used in a way the FDA has not approved: ask about '
        '&quot;cost&quot; &amp; cover.</dd><dt id="word-0">infusion</dt>'
        "<dd>Medicine given slowly into a vein.</dd></dl></section></article>"
    ) in html
    assert "Words used on this page" not in (tmp_path / "intro.html").read_text(encoding="utf-8")


def test_each_language_is_its_own_part_of_the_site_linked_to_the_other(
    make_bundle: MakeBundle, tmp_path: Path
) -> None:
    root = make_bundle("spanish")
    (root / "pages" / "es" / "details.md").unlink()

    _export(root, tmp_path)

    english = (tmp_path / "intro.html").read_text(encoding="utf-8")
    spanish = (tmp_path / "es" / "intro.html").read_text(encoding="utf-8")
    untranslated = (tmp_path / "es" / "details.html").read_text(encoding="utf-8")
    assert '<html lang="en-US">' in english
    assert '<a href="es/intro.html" hreflang="es-US" lang="es-US">Español</a>' in english
    assert '<link rel="alternate" hreflang="es-US" href="es/intro.html">' in english
    assert '<html lang="es-US">' in spanish
    assert '<a href="../intro.html" hreflang="en-US" lang="en-US">English</a>' in spanish
    assert "<h1>Introducción</h1>" in spanish
    assert "<h2>Puntos clave</h2>" in spanish
    assert "Última revisión: 2026-10-01, por Personal médico de la clínica." in spanish
    assert "Esta es información general, no un consejo médico." in spanish
    # A page with no translation: the original, marked as English, with a notice in Spanish.
    assert '<p class="only-in">Esta página solo está en inglés.</p>' in untranslated
    assert '<article lang="en-US"><h1>Details</h1>' in untranslated
