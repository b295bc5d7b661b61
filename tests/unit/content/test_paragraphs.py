"""A page's blocks cut into paragraphs, lists and tables for the screen: every word kept,
in order, each piece whole; the first screenful marked to be laid out at once."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from kiosk.content.boxes import Block
from kiosk.content.loader import read_bundle
from kiosk.content.paragraphs import (
    ABOVE_LINES,
    PICTURE_LINES,
    SCREEN_LINES,
    block_maps,
    lines_of,
    top_level,
)
from kiosk.content.plaintext import html_to_text, in_english
from kiosk.content.render import Renderer
from kiosk.content.sanitizer import sanitize
from tests.conftest import SAMPLE_CONTENT
from tests.unit.content.test_hostile_corpus import CORPUS

_VOID = {"br", "hr", "img"}


class _Balance(HTMLParser):
    """Whether every tag opened in a piece of HTML is closed in it, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.broken = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.broken = True


def _whole(piece: str) -> bool:
    balance = _Balance()
    balance.feed(piece)
    balance.close()
    return not balance.broken and not balance.open


def _squeezed(html: str) -> str:
    return re.sub(r"\s+", "", html)


def _sample_blocks() -> list[str]:
    result = read_bundle(SAMPLE_CONTENT)
    assert result.bundle is not None
    rendered = [result.rendered_for(language) for language in result.bundle.languages]
    return [block.html for pages in rendered for page in pages.values() for block in page.blocks]


def test_a_block_is_cut_at_its_top_level_elements_only() -> None:
    html = ("<h2>Title</h2>\n<p>One <a href=\"kiosk:page/x\" title=\"a > b\">two</a></p>\n"
            "<ul>\n<li>Item\n<ul>\n<li>Inner</li>\n</ul>\n</li>\n</ul>\n<hr>\n"
            "<table><tr><td><p>Cell</p></td></tr></table>")  # fmt: skip

    assert top_level(html) == [
        "<h2>Title</h2>",
        '<p>One <a href="kiosk:page/x" title="a > b">two</a></p>',
        "<ul>\n<li>Item\n<ul>\n<li>Inner</li>\n</ul>\n</li>\n</ul>",
        "<hr>",
        "<table><tr><td><p>Cell</p></td></tr></table>",
    ]


def test_every_block_of_the_sample_keeps_all_of_its_markup_in_whole_pieces() -> None:
    blocks = _sample_blocks()
    assert len(blocks) > 50
    for html in blocks:
        pieces = top_level(html)
        assert _squeezed("".join(pieces)) == _squeezed(html)
        assert all(_whole(piece) for piece in pieces), pieces


def test_every_hostile_entry_after_the_wall_is_cut_into_whole_pieces() -> None:
    renderer = Renderer(SAMPLE_CONTENT, {"intro"})
    for entry in json.loads(CORPUS.read_text(encoding="utf-8")):
        html = sanitize(renderer.render(entry["payload"]).html)
        pieces = top_level(html)
        assert _squeezed("".join(pieces)) == _squeezed(html), entry["payload"]
        assert all(_whole(piece) for piece in pieces), entry["payload"]


@pytest.mark.parametrize("page_id", ["opioids", "sources", "crps"])
def test_the_first_screen_is_marked_to_be_laid_out_at_once(page_id: str) -> None:
    page = read_bundle(SAMPLE_CONTENT).rendered[page_id]

    maps = block_maps(page.blocks, in_english)

    pieces = [piece for block in maps for piece in block["pieces"]]
    soon = [piece for piece in pieces if piece["soon"]]
    assert pieces[0]["soon"]
    assert not pieces[-1]["soon"]
    assert pieces[: len(soon)] == soon  # the first ones, in reading order
    assert lines_of(p["text"] for p in soon) >= SCREEN_LINES - ABOVE_LINES - 10
    # Every word of the page, a box's title before its pieces.
    said = " ".join(f"{block['title']} " + " ".join(p["text"] for p in block["pieces"])
                    for block in maps)  # fmt: skip
    assert said.split() == html_to_text(page.html, in_english).split()


def test_what_is_above_the_text_leaves_less_of_the_screen_for_it() -> None:
    page = read_bundle(SAMPLE_CONTENT).rendered["migraine"]

    def soon(above: int) -> int:
        maps = block_maps(page.blocks, in_english, above)
        return sum(piece["soon"] for block in maps for piece in block["pieces"])

    assert soon(ABOVE_LINES) > soon(ABOVE_LINES + 20) > soon(ABOVE_LINES + 40) >= 1


def test_a_picture_takes_the_room_of_several_lines() -> None:
    count = SCREEN_LINES // PICTURE_LINES + 1  # pictures enough to fill a screen

    def last_is_soon(piece: str) -> bool:
        blocks = (Block("", "", piece * count), Block("", "", "<p>Last.</p>"))
        return bool(block_maps(blocks, in_english, above=0)[1]["pieces"][0]["soon"])

    assert last_is_soon("<p>Words.</p>\n")
    assert not last_is_soon('<p><img src="media/a.svg" alt="A"></p>\n')


def test_a_box_keeps_its_kind_and_title_around_its_pieces() -> None:
    block = Block("evidence", "How strong is this evidence?", "<p>One.</p>\n<p>Two.</p>")

    (shown,) = block_maps((block,), in_english)

    assert (shown["kind"], shown["title"]) == ("evidence", "How strong is this evidence?")
    assert [piece["html"] for piece in shown["pieces"]] == ["<p>One.</p>", "<p>Two.</p>"]
    assert [piece["heading"] for piece in shown["pieces"]] == [False, False]
