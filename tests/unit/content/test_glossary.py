"""Glossary words on a page: the first use of each term is a tappable word, nothing more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.glossary import Glossary, term_entry, term_key_from_link
from kiosk.content.render import Renderer, sanitize
from tests.unit.content.test_render import HOSTILE, _fragments, _Markup

GLOSSARY = {
    "receptor": "A part of a cell that picks up a signal.",  # 0
    "NMDA receptor": "A switch on nerve cells.",  # 1
    "infusion": "Medicine given slowly into a vein.",  # 2
    "off-label": "Used in a way the FDA has not approved.",  # 3
    "ganglion": "A small bundle of nerve cells.",  # 4
    "meta-analysis": "A study of many studies.",  # 5
    "tolerance": "The same dose does less over time.",  # 6
    "nerve": "A thread that carries signals.",  # 7
    "nerve block": "A shot that calms a nerve.",  # 8
}


@pytest.fixture
def glossary_renderer(tmp_path: Path) -> Renderer:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "brain.svg").write_text("<svg/>", encoding="utf-8")
    return Renderer(tmp_path, {"intro"}, GLOSSARY)


def _term(key: int, words: str) -> str:
    return f'<a class="term" href="kiosk:term/{key}">{words}</a>'


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        # The first use only; later ones stay words.
        ("An infusion, then another infusion.", f"<p>An {_term(2, 'infusion')}, then another "
         "infusion.</p>"),
        # Any case, plural with -s or -es, and the irregular plurals.
        ("INFUSIONS help.", f"<p>{_term(2, 'INFUSIONS')} help.</p>"),
        ("Two ganglia.", f"<p>Two {_term(4, 'ganglia')}.</p>"),
        ("Two meta-analyses.", f"<p>Two {_term(5, 'meta-analyses')}.</p>"),
        # The longest term wins where terms overlap, and its use is not a use of the shorter.
        ("The NMDA receptors.", f"<p>The {_term(1, 'NMDA receptors')}.</p>"),
        ("A nerve block calms a nerve.", f"<p>A {_term(8, 'nerve block')} calms a "
         f"{_term(7, 'nerve')}.</p>"),
        ("The NMDA\nreceptor.", f"<p>The {_term(1, 'NMDA' + chr(10) + 'receptor')}.</p>"),
        ("NMDA receptor, NMDA receptor, a receptor.",
         f"<p>{_term(1, 'NMDA receptor')}, NMDA receptor, a {_term(0, 'receptor')}.</p>"),
        # Whole words only: not inside a longer word or a hyphenated one.
        ("Intolerance, non-off-label, reinfusion.", "<p>Intolerance, non-off-label, "
         "reinfusion.</p>"),
        ("Off-label’s meaning.", f"<p>{_term(3, 'Off-label')}’s meaning.</p>"),
        # Never inside a link, a heading, code or a picture's alt text.
        ("[An infusion](intro.md), then an infusion.",
         f'<p><a href="kiosk:page/intro">An infusion</a>, then an {_term(2, "infusion")}.</p>'),
        ("## Infusion\n\nAn infusion.", f"<h2>Infusion</h2>\n<p>An {_term(2, 'infusion')}.</p>"),
        ("`infusion` and infusion", f"<p><code>infusion</code> and {_term(2, 'infusion')}</p>"),
        ("![An infusion](media/brain.svg)", '<p><img alt="An infusion" src="media/brain.svg"></p>'),
        # Inside emphasis, lists and tables it is still running text.
        ("*off-label* means", f"<p><em>{_term(3, 'off-label')}</em> means</p>"),
        ("- a\n- infusion", f"<ul>\n<li>a</li>\n<li>{_term(2, 'infusion')}</li>\n</ul>"),
        ("| a |\n|---|\n| infusion |", '<table border="1" cellpadding="8" cellspacing="0" '
         'width="100%">\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
         f"<td>{_term(2, 'infusion')}</td>\n</tr>\n</tbody>\n</table>"),
        ("Say “tolerance” & mean it", f"<p>Say “{_term(6, 'tolerance')}” &amp; mean it</p>"),
    ],
)  # fmt: skip
def test_the_first_use_of_each_term_becomes_a_term_link(
    glossary_renderer: Renderer, markdown: str, html: str
) -> None:
    assert glossary_renderer.render(markdown).html == html


def test_a_box_title_stays_words_and_its_body_links(glossary_renderer: Renderer) -> None:
    page = glossary_renderer.render('!!! evidence "An infusion study"\n    One infusion.\n')

    assert [b.title for b in page.blocks] == ["An infusion study"]
    assert page.blocks[0].html == f"<p>One {_term(2, 'infusion')}.</p>"


def test_the_page_records_its_terms_in_the_order_it_first_uses_them(
    glossary_renderer: Renderer,
) -> None:
    page = glossary_renderer.render(
        "Tolerance.\n\n## Infusion\n\nAn infusion is off-label. Tolerance."
    )

    assert page.terms == ("tolerance", "infusion", "off-label")


def test_without_a_glossary_nothing_is_a_term(renderer: Renderer) -> None:
    page = renderer.render("An infusion is off-label.")

    assert page.html == "<p>An infusion is off-label.</p>"
    assert page.terms == ()


def test_a_term_that_looks_like_markdowns_stand_ins_breaks_nothing(tmp_path: Path) -> None:
    plain = Renderer(tmp_path, set()).render('It\'s "quoted" &amp; fine')
    odd = Renderer(tmp_path, set(), {"wzxhzdk": "x", "amp": "y", "1": "z"})

    assert odd.render('It\'s "quoted" &amp; fine').html == plain.html


_TERM_URL_RE = re.compile(r"^kiosk:term/(?P<key>[0-9]+)$")
_ALLOWED_URL_RE = re.compile(r"^(kiosk:page/[a-z0-9-]+|media/[A-Za-z0-9._/-]+)$")


def assert_only_known_terms_and_nothing_escapes(html: str, terms: int = len(GLOSSARY)) -> None:
    """The hostile corpus's wall, plus: a term link names a glossary key and nothing else."""
    markup = _Markup(html)
    assert not markup.comments, html
    for tag, attrs in markup.tags:
        if "class" in attrs:
            assert (tag, attrs["class"]) == ("a", "term"), html
        assert set(attrs) <= {"href", "src", "alt", "width", "class", "border", "cellspacing",
                              "cellpadding", "start"}, html  # fmt: skip
    for url in markup.urls():
        term = _TERM_URL_RE.match(url)
        if term:
            assert int(term["key"]) < terms, html
        else:
            assert _ALLOWED_URL_RE.match(url), f"{url!r} survived in {html!r}"


@pytest.mark.parametrize("markdown", HOSTILE)
def test_a_term_inside_hostile_markdown_cannot_smuggle_a_url(
    glossary_renderer: Renderer, markdown: str
) -> None:
    # Each hostile piece, with glossary words in its link text, alt text and raw HTML.
    words = markdown.replace("link", "infusion").replace("img", "off-label").replace(
        "click", "NMDA receptor").replace("x", "tolerance")  # fmt: skip

    page = glossary_renderer.render(f"{words} infusion {words}")

    assert_only_known_terms_and_nothing_escapes(page.html)
    assert "infusion" in page.terms


HOSTILE_TERMS = [
    '<a class="term" href="kiosk:term/7">past the glossary</a>',  # keys 0 to 6 here
    '<a class="term" href="kiosk:term/01">a leading zero</a>',
    '<a class="term" href="kiosk:term/-1">negative</a>',
    '<a class="term" href="kiosk:term/1/../../x">up</a>',
    '<a class="term" href="kiosk:term/1?u=https://evil.example/">query</a>',
    '<a class="term" href="kiosk:term/１">a wide digit</a>',
    '<a class="term" href="kiosk:term/https://evil.example/">a web address</a>',
    '<a class="term" href="javascript:alert(1)">script</a>',
    '<a class="evil" href="kiosk:page/intro">another class</a>',
    '<p class="term">a term class on a paragraph</p>',
    '<img class="term" src="media/brain.svg" alt="x">',
]


@pytest.mark.parametrize("html", HOSTILE_TERMS)
def test_the_wall_lets_through_only_term_links_the_glossary_has(html: str) -> None:
    assert_only_known_terms_and_nothing_escapes(sanitize(html, terms=7), terms=7)


def test_the_wall_keeps_the_term_links_the_renderer_makes() -> None:
    html = f"<p>{_term(0, 'a')} {_term(6, 'b')}</p>"

    assert sanitize(html, terms=7) == html
    # A key past the glossary loses its address: there is nothing left to open.
    assert sanitize(html, terms=6) == f'<p>{_term(0, "a")} <a class="term">b</a></p>'
    assert sanitize(html) == '<p><a class="term">a</a> <a class="term">b</a></p>'


def test_glossary_words_with_markup_in_them_stay_words(tmp_path: Path) -> None:
    hostile = {"<script>alert(1)</script>": "x", "javascript:alert(1)": "y", "media/../x": "z"}
    renderer = Renderer(tmp_path, set(), hostile)

    page = renderer.render(
        "Run javascript:alert(1) and `media/../x` then <script>alert(1)</script>."
    )

    assert_only_known_terms_and_nothing_escapes(page.html, terms=len(hostile))
    assert "<script>" not in page.html
    assert page.terms == ("javascript:alert(1)", "<script>alert(1)</script>")


_words = st.sampled_from([*GLOSSARY, "NMDA receptors", "ganglia", "Off-Label", "infusions"])
_pieces = st.one_of(
    _fragments,  # the hostile corpus's generator: links, images, raw HTML, boxes
    _words,
    _words.map(lambda w: f"[{w}](https://e.x/{w})"),
    _words.map(lambda w: f"![{w}](media/brain.svg)"),
    _words.map(lambda w: f"## {w}"),
)
GLOSSARY_TERMS = list(GLOSSARY)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_pieces, min_size=1, max_size=10).map(" ".join))
def test_no_generated_page_with_terms_lets_anything_out(
    glossary_renderer: Renderer, markdown: str
) -> None:
    page = glossary_renderer.render(markdown)

    assert_only_known_terms_and_nothing_escapes(page.html)
    for block in page.blocks:
        assert_only_known_terms_and_nothing_escapes(block.html)
    linked = [int(m) for m in re.findall(r'href="kiosk:term/([0-9]+)"', page.html)]
    assert len(linked) == len(set(linked))  # each term once a page
    assert [GLOSSARY_TERMS[n] for n in linked] == list(page.terms)


@pytest.mark.parametrize(
    ("key", "entry"),
    [("1", ("NMDA receptor", "A switch on nerve cells.")), ("9", None), ("", None),
     ("-1", None), ("٣", None), ("01", None), ("1x", None)],
)  # fmt: skip
def test_a_term_key_names_one_entry_or_none(key: str, entry: tuple[str, str] | None) -> None:
    assert term_entry(GLOSSARY, key) == entry


def test_term_links_are_read_back_only_in_the_renderers_form() -> None:
    assert term_key_from_link("kiosk:term/12") == "12"
    assert [term_key_from_link(u) for u in ("kiosk:term/", "kiosk:term/01", "kiosk:page/a",
                                            "kiosk:term/1 ")] == [None] * 4  # fmt: skip
    assert len(Glossary({})) == 0
    assert list(Glossary({}).uses("anything")) == []
