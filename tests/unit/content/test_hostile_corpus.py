"""The public hostile-string corpus (tests/data/corpora: 569 entries from DOMPurify's
fixtures, the HTML5 Security Cheatsheet, markdown-it's XSS fixtures and a Markdown XSS
list), each in every Markdown context a page can put it in: nothing gets past the wall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.content.render import Renderer
from tests.unit.content.test_render import assert_nothing_escapes

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpora" / "xss-payloads.json"
CONTEXTS = {
    "raw block": "{}",
    "inline": "Some words {} and more words.",
    "link target": "[tap here]({})",
    "image source": "![a picture]({})",
    "reference definition": "[tap here][r]\n\n[r]: {}",
    "table cell": "| a | b |\n|---|---|\n| {} | two |",
    "link title": '[tap here](intro.md "{}")',
    "attribute list": '![x](media/brain.svg){: src="{}" alt="{}" }',
}


def _payloads() -> list[str]:
    return [entry["payload"] for entry in json.loads(CORPUS.read_text(encoding="utf-8"))]


def test_the_corpus_is_all_there() -> None:
    assert len(_payloads()) == 569


@pytest.mark.parametrize("context", CONTEXTS)
def test_no_entry_escapes_in_any_context(renderer: Renderer, context: str) -> None:
    template = CONTEXTS[context]
    escaped = []
    for payload in _payloads():
        html = renderer.render(template.replace("{}", payload)).html
        try:
            assert_nothing_escapes(html)
        except AssertionError as exc:
            escaped.append(f"{payload[:60]!r}: {str(exc)[:120]}")

    assert escaped == []
