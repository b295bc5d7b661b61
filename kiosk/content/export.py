"""Write a bundle as a small static web site, with the kiosk's own renderer."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from kiosk.content.boxes import TEXT
from kiosk.content.glossary import term_entry, term_key
from kiosk.content.model import Bundle, Page
from kiosk.content.render import MEDIA_DIR, RenderedPage

STYLESHEET = "style.css"
_KIOSK_HREF_RE = re.compile(r'href="kiosk:page/([a-z0-9-]+)"')
# The renderer's term links: its own markup, with a key and the page's own words.
_TERM_LINK_RE = re.compile(r'<a class="term" href="kiosk:term/([0-9]+)">([^<]*)</a>')


def export_html(bundle: Bundle, rendered: Mapping[str, RenderedPage], out_dir: Path) -> list[Path]:
    """Write index.html, one <page>.html per page, the stylesheet and media; return the pages."""
    out_dir.mkdir(parents=True, exist_ok=True)
    css = resources.files("kiosk.content").joinpath("export.css").read_text(encoding="utf-8")
    (out_dir / STYLESHEET).write_text(css, encoding="utf-8")
    media = bundle.media_dir()
    if media.is_dir():
        shutil.copytree(media, out_dir / MEDIA_DIR, dirs_exist_ok=True)
    written = [_write(out_dir / "index.html", bundle.title, _index_body(bundle), bundle)]
    for page_id, page in bundle.pages.items():
        body = _page_body(bundle, page, rendered[page_id])
        written.append(_write(out_dir / f"{page_id}.html", page.title, body, bundle))
    return written


def _write(path: Path, title: str, body: str, bundle: Bundle) -> Path:
    document = f"""<!DOCTYPE html>
<html lang="{_e(bundle.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} · {_e(bundle.clinic.name)}</title>
<link rel="stylesheet" href="{STYLESHEET}">
</head>
<body>
<header><a href="index.html">{_e(bundle.clinic.name)}</a></header>
<main>
{body}
</main>
{_clinic_footer(bundle)}
</body>
</html>
"""
    path.write_text(document, encoding="utf-8")
    return path


def _index_body(bundle: Bundle) -> str:
    parts = [f"<h1>{_e(bundle.title)}</h1>"]
    if bundle.tour:
        steps = "".join(_page_item(bundle.pages[p]) for p in bundle.tour)
        parts.append(f'<section><h2>Guided tour</h2><ol class="pages">{steps}</ol></section>')
    for topic in bundle.topics:
        items = "".join(_page_item(bundle.pages[p]) for p in topic.pages)
        parts.append(
            f"<section><h2>{_e(topic.title)}</h2><p>{_e(topic.summary)}</p>"
            f'<ul class="pages">{items}</ul></section>'
        )
    return "\n".join(parts)


def _page_item(page: Page) -> str:
    return (
        f'<li><a href="{page.id}.html">{_e(page.title)}</a>'
        f'<span class="summary">{_e(page.summary)}</span></li>'
    )


def _page_body(bundle: Bundle, page: Page, rendered: RenderedPage) -> str:
    parts = [
        f"<article><h1>{_e(page.title)}</h1>",
        f'<p class="summary">{_e(page.summary)}</p>',
    ]
    if page.key_points:
        points = "".join(f"<li>{_e(point)}</li>" for point in page.key_points)
        parts.append(f'<section class="key-points"><h2>Key points</h2><ul>{points}</ul></section>')
    for block in rendered.blocks:
        body = _with_terms(bundle, _KIOSK_HREF_RE.sub(r'href="\1.html"', block.html))
        if block.kind == TEXT:
            parts.append(body)
        else:
            parts.append(
                f'<aside class="box {block.kind}"><h2>{_e(block.title)}</h2>{body}</aside>'
            )
    parts.append(f"{_words_used(bundle, rendered)}</article>")
    if page.show_crisis_line:
        parts.append(f'<aside class="crisis"><p>{_e(bundle.notices.crisis)}</p></aside>')
    if page.references:
        items = "".join(f"<li>{_e(bundle.references[r].citation)}</li>" for r in page.references)
        parts.append(f'<section class="sources"><h2>Sources</h2><ol>{items}</ol></section>')
    who = f" by {_e(page.reviewed_by)}" if page.reviewed_by else ""
    when = page.last_reviewed.isoformat()
    reviewed = f"Draft, {when}: not yet reviewed{who}." if page.is_draft else (
        f"Last reviewed {when}{who}.")  # fmt: skip
    parts.append(
        f'<p class="disclaimer">{_e(bundle.notices.disclaimer)}</p>'
        f'<p class="reviewed">{reviewed}</p>'
    )
    return "\n".join(parts)


def _with_terms(bundle: Bundle, html: str) -> str:
    """Each glossary word with its definition as a tooltip, linked to it in the page's list."""

    def word(match: re.Match[str]) -> str:
        entry = term_entry(bundle.glossary, match[1])
        if entry is None:
            return match[2]
        title = _e(entry[1])
        return (
            f'<a class="term" href="#word-{match[1]}"><abbr title="{title}">{match[2]}</abbr></a>'
        )

    return _TERM_LINK_RE.sub(word, html)


def _words_used(bundle: Bundle, rendered: RenderedPage) -> str:
    """The glossary words on the page and what they mean, as the kiosk's cards say it."""
    if not rendered.terms:
        return ""
    words = "".join(
        f'<dt id="word-{term_key(bundle.glossary, term)}">{_e(term)}</dt>'
        f"<dd>{_e(bundle.glossary[term])}</dd>"
        for term in rendered.terms
    )
    return f'<section class="words"><h2>Words used on this page</h2><dl>{words}</dl></section>'


def _clinic_footer(bundle: Bundle) -> str:
    clinic = bundle.clinic
    phones = " · ".join(_e(phone.number) for phone in clinic.phones)
    extra = "".join(f"<p>{_e(v)}</p>" for v in (clinic.hours, clinic.website) if v)
    return (
        f"<footer><p><strong>{_e(clinic.name)}</strong></p>"
        f"<p>{_e(clinic.address)}</p><p>{phones}</p>{extra}</footer>"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
