"""Boxes on a page: written as admonitions, shown apart from the text, refused when malformed."""

from __future__ import annotations

import pytest

from kiosk.content.render import Renderer


def test_boxes_come_apart_from_the_text_in_reading_order(renderer: Renderer) -> None:
    page = renderer.render(
        "Before.\n\n"
        '!!! evidence "How strong is it\'s evidence?"\n'
        "    One study *looked back*. See [the start](intro.md).\n\n"
        "Between.\n\n"
        '!!! tool "Count your days"\n'
        "    - Mark each day.\n\n"
        '!!! safety "When to get help"\n'
        "    Call 911.\n"
    )

    assert [(b.kind, b.title) for b in page.blocks] == [
        ("", ""),
        ("evidence", "How strong is it’s evidence?"),
        ("", ""),
        ("tool", "Count your days"),
        ("safety", "When to get help"),
    ]
    assert page.blocks[1].html == (
        '<p>One study <em>looked back</em>. See <a href="kiosk:page/intro">the start</a>.</p>'
    )
    assert page.page_links == ("intro",)
    assert page.issues == ()
    assert page.text.splitlines() == [
        "Before.",
        "How strong is it’s evidence?",
        "One study looked back. See the start.",
        "Between.",
        "Count your days",
        "Mark each day.",
        "When to get help",
        "Call 911.",
    ]


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ('!!! warning "Careful"\n    Kept words.', "unknown box '!!! warning': a box is one of"),
        ('!!! evidence extra "Two kinds"\n    Kept words.', "unknown box '!!! extra'"),
        ("!!! tool\n    Kept words.", "the box '!!! tool' has no title"),
        ('!!! tool ""\n    Kept words.', "the box '!!! tool' has no title"),
        (
            '- A list\n\n    !!! safety "Inside"\n        Kept words.',
            "the box '!!! safety' is inside a list or another box",
        ),
        (
            '!!! tool "Outer"\n    Outer words.\n\n    !!! safety "Inner"\n        Kept words.',
            "the box '!!! safety' is inside a list or another box",
        ),
    ],
)
def test_a_box_the_kiosk_cannot_show_is_an_error_and_its_words_stay(
    renderer: Renderer, markdown: str, problem: str
) -> None:
    page = renderer.render(markdown)

    [issue] = page.issues
    assert issue.error
    assert issue.message.startswith(problem), issue.message
    assert "Kept words." in page.text
    assert "admonition" not in page.html


def test_a_page_with_no_box_is_one_text_block(renderer: Renderer) -> None:
    assert [b.kind for b in renderer.render("Just words.").blocks] == [""]
    assert [b.kind for b in renderer.render("").blocks] == [""]
