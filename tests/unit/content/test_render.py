"""The renderer: Markdown in, Qt-safe HTML out, nothing outside the bundle survives."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.plaintext import html_to_text
from kiosk.content.render import Renderer, sanitize


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("Plain words.", "<p>Plain words.</p>"),
        ("## A heading", "<h2>A heading</h2>"),
        ("**Bold** and *soft*", "<p><strong>Bold</strong> and <em>soft</em></p>"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("3. three\n4. four", '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>'),
        ("> Said well.", "<blockquote>\n<p>Said well.</p>\n</blockquote>"),
        ('It\'s "quoted"', "<p>It’s “quoted”</p>"),
        ("[Next](intro.md)", '<p><a href="kiosk:page/intro">Next</a></p>'),
        ("[Next](./intro.md)", '<p><a href="kiosk:page/intro">Next</a></p>'),
        ("[Next](kiosk:page/intro)", '<p><a href="kiosk:page/intro">Next</a></p>'),
        (
            "[Ref][cs]\n\n[cs]: central-sensitization.md",
            '<p><a href="kiosk:page/central-sensitization">Ref</a></p>',
        ),
        ("![A brain](media/brain.svg)", '<p><img alt="A brain" src="media/brain.svg"></p>'),
        (
            '![Start](media/icons/start.svg){: width="96" }',
            '<p><img alt="Start" src="media/icons/start.svg" width="96"></p>',
        ),
        (
            "| a | b |\n|---|---|\n| 1 | 2 |",
            '<table border="1" cellpadding="8" cellspacing="0" width="100%">\n<thead>\n<tr>\n'
            "<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n"
            "</tr>\n</tbody>\n</table>",
        ),
        ("Line one  \nline two", "<p>Line one<br>\nline two</p>"),
        ("`code` here", "<p><code>code</code> here</p>"),
    ],
)
def test_markdown_becomes_qt_rich_text(renderer: Renderer, markdown: str, html: str) -> None:
    assert renderer.render(markdown).html == html


def test_each_page_starts_with_fresh_markdown_state(renderer: Renderer) -> None:
    renderer.render("[Ref][cs]\n\n[cs]: central-sensitization.md")

    second = renderer.render("[Ref][cs]")

    assert "href" not in second.html


def test_links_and_images_are_reported(renderer: Renderer, tmp_path: Path) -> None:
    page = renderer.render("[a](intro.md) [b](central-sensitization.md) ![x](media/brain.svg)")

    assert page.page_links == ("intro", "central-sensitization")
    assert page.images == ((tmp_path / "media" / "brain.svg").resolve(),)
    assert page.issues == ()


HOSTILE = [
    "![remote](https://evil.example/pixel.png)",
    "![remote](http://127.0.0.1:9/canary.png)",
    "![file](file:///etc/passwd)",
    "![abs](/etc/passwd)",
    "![up](../secret.txt)",
    "![up](media/../secret.txt)",
    "![up](media/../../../etc/passwd)",
    "![proto](//evil.example/x.png)",
    "![data](data:image/png;base64,iVBORw0KGgo=)",
    "![win](C:\\Windows\\win.ini)",
    "![back](media\\..\\secret.txt)",
    "[js](javascript:alert(1))",
    "[js2](JaVaScRiPt:alert(1))",
    "[js3]( javascript:alert(1) )",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "[file](file:///etc/passwd)",
    "[web](https://evil.example/)",
    "[proto](//evil.example/)",
    "[abs](/etc/passwd)",
    "[up](../pages/intro.md)",
    "[mail](mailto:someone@example.org)",
    "[tel](tel:+15185550100)",
    "<https://evil.example/auto>",
    "<someone@example.org>",
    "[ref][r]\n\n[r]: https://evil.example/ref",
    '<img src="https://evil.example/x.png">',
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    "<iframe src='https://evil.example/'></iframe>",
    "<a href='javascript:alert(1)'>click</a>",
    '<div onclick="alert(1)">tap</div>',
    "<style>body{background:url(https://evil.example/)}</style>",
    "<!-- <img src=https://evil.example/c.png> -->",
    "<object data='https://evil.example/x.swf'></object>",
    '<svg><image href="https://evil.example/x.png"/></svg>',
    "**[nested ![img](https://evil.example/n.png) link](https://evil.example/)**",
    "[![a picture link](media/brain.svg)](https://evil.example/)",
    '![x](media/brain.svg){: onerror="alert(1)" src="https://evil.example/a.png" }',
    '[x](intro.md){: href="https://evil.example/" onclick="alert(1)" }',
    '<p style="background:url(https://evil.example/)">styled</p>',
    "<table background='https://evil.example/t.png'><tr><td>t</td></tr></table>",
    '<a href="kiosk:page/intro" style="x">raw kiosk link</a>',
]

_ALLOWED_URL_RE = re.compile(r"^(kiosk:page/[a-z0-9-]+|media/[A-Za-z0-9._/-]+)$")
_TAGS = {
    "p", "a", "img", "strong", "em", "code", "pre", "br", "ul", "ol", "li", "blockquote",
    "h1", "h2", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ATTRIBUTES = {"href", "src", "alt", "width", "border", "cellspacing", "cellpadding", "start"}


class _Markup(HTMLParser):
    """Every tag and attribute in a piece of HTML, as a browser or Qt would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def urls(self) -> list[str]:
        return [
            value or ""
            for _, attrs in self.tags
            for name, value in attrs.items()
            if name in {"href", "src"}
        ]


def assert_nothing_escapes(html: str) -> None:
    markup = _Markup(html)
    assert not markup.comments, html
    for tag, attrs in markup.tags:
        assert tag in _TAGS, f"<{tag}> survived in {html!r}"
        assert set(attrs) <= _ATTRIBUTES, f"{attrs} survived in {html!r}"
    for url in markup.urls():
        assert _ALLOWED_URL_RE.match(url), f"{url!r} survived in {html!r}"
        assert ".." not in url.split("/")


@pytest.mark.parametrize("markdown", HOSTILE)
def test_hostile_markdown_cannot_reach_outside_the_bundle(
    renderer: Renderer, markdown: str
) -> None:
    page = renderer.render(markdown)

    assert_nothing_escapes(page.html)


def test_removed_links_keep_their_words(renderer: Renderer) -> None:
    page = renderer.render("Read [our web site](https://clinic.example/) or [this](x.html).")

    assert page.html == "<p>Read our web site or this.</p>"
    assert [i.error for i in page.issues] == [False, True]


def test_raw_html_shows_as_text_and_is_reported(renderer: Renderer) -> None:
    page = renderer.render("Hello <b>there</b>\n\n<!-- a note -->\n\n`<b>` is fine in code")

    assert "<b>" not in page.html
    assert "&lt;b&gt;there&lt;/b&gt;" in page.html
    assert len([i for i in page.issues if "raw HTML" in i.message]) == 2


def test_plain_text_has_one_block_per_line(renderer: Renderer) -> None:
    page = renderer.render("## Title\n\nA *first* paragraph.\n\n- item one\n- item two")

    assert page.text == "Title\nA first paragraph.\nitem one\nitem two"


def test_plain_text_decodes_entities() -> None:
    assert html_to_text("<p>Pain &amp; mood &lt;3 &rsquo;</p>") == "Pain & mood <3 ’"


_SCHEMES = ["http://", "https://", "file://", "//", "javascript:", "data:", "ftp://", "", "/"]
_urls = st.builds(
    lambda scheme, host, path: f"{scheme}{host}{path}",
    st.sampled_from(_SCHEMES),
    st.sampled_from(["evil.example", "127.0.0.1:8000", "", "..", "media", "."]),
    st.lists(
        st.sampled_from(["/..", "/media", "/etc", "/brain.svg", "/x.png", "%2e%2e", "\\", "/"]),
        max_size=4,
    ).map("".join),
)
_fragments = st.one_of(
    _urls.map(lambda u: f"[link]({u})"),
    _urls.map(lambda u: f"![img]({u})"),
    _urls.map(lambda u: f"<{u}>"),
    _urls.map(lambda u: f'<img src="{u}">'),
    _urls.map(lambda u: f'<a href="{u}">x</a>'),
    _urls.map(lambda u: f"[r][ref]\n\n[ref]: {u}"),
    _urls.map(lambda u: f'![i](media/brain.svg){{: src="{u}" }}'),
    st.sampled_from(["# Head", "- item", "**bold**", "> quote", "| a |\n|---|\n| b |", "\n\n"]),
    _urls.map(lambda u: f"\n\n!!! evidence \"<a href='{u}'>t</a>\"\n    [in a box]({u})\n\n"),
    st.sampled_from(['\n\n!!! tool "T"\n    - x\n\n    !!! safety "In"\n        y\n\n', "!!! "]),
    st.text(alphabet="<>[]()!:/\"'=& abc", max_size=20),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_fragments, min_size=1, max_size=8).map(" ".join))
def test_no_generated_url_outside_the_bundle_survives(renderer: Renderer, markdown: str) -> None:
    page = renderer.render(markdown)
    assert_nothing_escapes(page.html)
    for block in page.blocks:  # a box's title is plain text: QML shows it as words
        assert_nothing_escapes(block.html)


HOSTILE_HTML = [
    '<a href="https://evil.example/">web</a>',
    '<a href="//evil.example/">protocol-relative</a>',
    '<a href="/etc/passwd">absolute</a>',
    '<a href="../pages/intro.md">up</a>',
    '<a href="JAVASCRIPT:alert(1)">js</a>',
    '<a href="kiosk:page/../../x">kiosk up</a>',
    '<a href="kiosk:media/x">other kiosk</a>',
    '<img src="https://evil.example/x.png" alt="x">',
    '<img src="file:///etc/passwd" alt="x">',
    '<img src="/etc/passwd" alt="x">',
    '<img src="media/../secret.txt" alt="x">',
    '<img src="media/x.svg" width="100%" height="-1" onerror="alert(1)" alt="x">',
    '<img src="data:image/png;base64,AAAA" alt="x">',
    "<script>alert(1)</script><style>p{}</style><iframe src=x></iframe>",
    '<table border="9" background="https://evil.example/t.png"><tr><td colspan="x">t</td></tr>'
    "</table>",
    '<p style="background:url(https://evil.example/)" class="c" id="i">p</p>',
    "<!-- comment --><p>after</p>",
    '<svg><image href="https://evil.example/x.png"/></svg><math><mi>x</mi></math>',
    '<form action="https://evil.example/"><input name="q"><button>go</button></form>',
    '<link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh">',
]


@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_sanitizer_alone_is_a_wall(html: str) -> None:
    assert_nothing_escapes(sanitize(html))


def test_sanitizer_keeps_what_the_renderer_makes() -> None:
    html = (
        '<p><a href="kiosk:page/intro">a</a> <img alt="b" src="media/icons/b.svg" width="96"></p>'
    )

    assert sanitize(html) == html


def test_a_symlink_out_of_media_is_not_followed(renderer: Renderer, tmp_path: Path) -> None:
    (tmp_path / "media" / "escape.svg").symlink_to(tmp_path / "secret.txt")

    page = renderer.render("![Escape](media/escape.svg)")

    assert "<img" not in page.html
    assert page.images == ()
    assert [i.error for i in page.issues] == [True]


def test_removed_email_links_are_named_readably(renderer: Renderer) -> None:
    page = renderer.render("Write to <someone@example.org>.")

    assert [i.message for i in page.issues] == [
        "link to 'mailto:someone@example.org' was removed: the kiosk is offline; write it as text"
    ]


def test_a_page_that_fails_to_render_leaves_the_next_page_as_it_should_be(
    renderer: Renderer, tmp_path: Path
) -> None:
    too_deep = "".join("    " * depth + "- item\n" for depth in range(400))
    with pytest.raises(RecursionError):
        renderer.render(too_deep)

    after = "- one\n\n    more of one\n"
    assert renderer.render(after).html == Renderer(tmp_path, set()).render(after).html
    assert "<pre>" not in renderer.render(after).html
