"""The renderer says when what it makes changes (kiosk.content.render.RENDERER), so that
pages an install kept as an older renderer made them are rendered again."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kiosk.content.render import RENDERER, RenderedPage, Renderer

# Every kind of thing a page holds, once.
PAGE = """\
## A heading -- with "quotes" and 'apostrophes'...

A paragraph with a [link](intro.md), a [web link](https://clinic.example/), a glossary
word (ketamine) and an ![alt text](media/brain.svg) picture. <b>Raw</b> HTML.

- A list
    - nested, *emphasis*, **strong**, `code`
- two

1. One
2. Two

| Drug | Dose |
|------|------|
| one  | two  |

> A quote.

!!! safety "When to get help"
    Call 911 -- at once.

!!! evidence "How strong is this evidence?"
    Some studies.

    Indented code
"""
# RENDERER → the digest of what it makes of PAGE (see _made).
MADE = {1: "2238d60c"}


def _made(page: RenderedPage, root: Path) -> str:
    shown = {
        "blocks": [[b.kind, b.title, b.html] for b in page.blocks],
        "links": page.page_links, "terms": page.terms,
        "images": [p.relative_to(root).as_posix() for p in page.images],
        "issues": [[i.error, i.needle, i.message] for i in page.issues],
    }  # fmt: skip
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:8]


def test_a_change_to_what_the_renderer_makes_comes_with_a_new_renderer_number(
    tmp_path: Path,
) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "brain.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    renderer = Renderer(tmp_path, {"intro"}, {"ketamine": "A medicine."})

    made = _made(renderer.render(PAGE), tmp_path.resolve())

    assert MADE.get(RENDERER) == made, (
        f"the renderer's output changed: add 1 to RENDERER in kiosk/content/render.py "
        f"and give MADE here {{{RENDERER + 1}: {made!r}}}"
    )
