"""Curly quotes, dashes and ellipses as Python-Markdown's Smarty makes them, only faster."""

from __future__ import annotations

import html
import json
from pathlib import Path

import markdown
import pytest
from markdown.extensions.smarty import SmartyExtension

from kiosk.content.typography import Typography, educate

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE = Path(__file__).resolve().parents[3] / "content"


def _convert(extension: markdown.extensions.Extension, source: str) -> str:
    """`source` through Markdown as the kiosk sets it up (raw HTML off), with `extension`."""
    md = markdown.Markdown(extensions=["tables", "attr_list", "sane_lists", extension,
                                       "admonition"])  # fmt: skip
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return html.unescape(md.convert(source))


def _sources() -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((SAMPLE / "pages").rglob("*.md"))]
    corpus = json.loads((DATA / "corpora" / "xss-payloads.json").read_text(encoding="utf-8"))
    payloads = [entry["payload"] for entry in corpus]
    in_contexts = [f"Said \"{p}\" -- then: [it]({p} 'a {p}')" for p in payloads]
    tricky = [
        "He said, \"'Quoted' words in a larger quote.\"", "The '80s and '90s", "'Tis 'twas",
        "\"Hi,\" she said -- twice --- then...", "rock 'n' roll", "\\\"kept\\\" straight",
        "A `code 'quote'` and 'quote'", "\"*stressed*\" and '**bold**'", "----'four'", "''",
        "It's \"quoted\"", "¿Qué es \"dolor\"? —dijo.",
    ]  # fmt: skip
    return pages + payloads + in_contexts + tricky


def test_the_same_as_smarty_on_the_sample_and_the_hostile_corpus() -> None:
    different = [
        source for source in _sources()
        if _convert(Typography(), source) != _convert(SmartyExtension(), source)
    ]  # fmt: skip

    assert different == []


@pytest.mark.parametrize(
    ("text", "curled"),
    [
        ('It\'s "quoted"', "It’s “quoted”"),
        ("Wait -- or --- not...", "Wait – or — not…"),
        ("the '80s", "the ’80s"),
        ("no quotes at all", "no quotes at all"),
    ],
)
def test_quotes_are_curled_and_dashes_made(text: str, curled: str) -> None:
    assert educate(text) == curled


def test_the_placeholder_marks_are_markdowns() -> None:
    from markdown import util

    from kiosk.content import marks

    assert (marks.STX, marks.ETX, marks.AMP_SUBSTITUTE) == (util.STX, util.ETX, util.AMP_SUBSTITUTE)
