"""Write a bundle as a small static web site, with the kiosk's own renderer: the default
language at the top, each other language in its own folder (`es/`), every page linking to
itself in the other languages, and `lang` on every page (and on a page shown untranslated)."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kiosk.content.boxes import TEXT
from kiosk.content.glossary import term_entry, term_key
from kiosk.content.model import Bundle, Page
from kiosk.content.render import MEDIA_DIR, RenderedPage
from kiosk.i18n.catalogue import Catalogue, catalogue, language_name, own_name, primary

STYLESHEET = "style.css"
_KIOSK_HREF_RE = re.compile(r'href="kiosk:page/([a-z0-9-]+)"')
# The renderer's term links: its own markup, with a key and the page's own words.
_TERM_LINK_RE = re.compile(r'<a class="term" href="kiosk:term/([0-9]+)">([^<]*)</a>')


@dataclass(frozen=True)
class _Edition:
    """One language's part of the site."""

    bundle: Bundle
    words: Catalogue
    # The other languages: (tag, its name in itself, the path from here to its folder).
    others: tuple[tuple[str, str, str], ...] = ()


def export_site(
    bundle: Bundle, rendered_for: Callable[[str], Mapping[str, RenderedPage]], out_dir: Path
) -> list[Path]:
    """Every language of `bundle`: the default in `out_dir`, each other in `out_dir/<folder>`."""
    languages = bundle.languages or (bundle.language,)
    written = []
    for language in languages:
        here = "" if language == bundle.language else "../"
        others = tuple(
            (other, bundle.edition(other).language_name or own_name(other),
             here + ("" if other == bundle.language else f"{primary(other)}/"))
            for other in languages if other != language
        )  # fmt: skip
        folder = out_dir if language == bundle.language else out_dir / primary(language)
        edition = bundle.edition(language)
        written += export_html(edition, rendered_for(language), folder, others)
    return written


def export_html(
    bundle: Bundle,
    rendered: Mapping[str, RenderedPage],
    out_dir: Path,
    others: tuple[tuple[str, str, str], ...] = (),
) -> list[Path]:
    """Write index.html, one <page>.html per page, the stylesheet and media; return the pages."""
    site = _Edition(bundle, catalogue(bundle.language), others)
    out_dir.mkdir(parents=True, exist_ok=True)
    css = resources.files("kiosk.content").joinpath("export.css").read_text(encoding="utf-8")
    (out_dir / STYLESHEET).write_text(css, encoding="utf-8")
    media = bundle.media_dir()
    if media.is_dir():
        shutil.copytree(media, out_dir / MEDIA_DIR, dirs_exist_ok=True)
    written = [_write(out_dir / "index.html", bundle.title, _index_body(site), site)]
    for page_id, page in bundle.pages.items():
        body = _page_body(site, page, rendered[page_id])
        written.append(_write(out_dir / f"{page_id}.html", page.title, body, site))
    return written


def _write(path: Path, title: str, body: str, site: _Edition) -> Path:
    bundle = site.bundle
    alternates = "".join(
        f'<link rel="alternate" hreflang="{_e(tag)}" href="{_e(prefix + path.name)}">\n'
        for tag, _, prefix in site.others
    )
    switch = "".join(
        f'<a href="{_e(prefix + path.name)}" hreflang="{_e(tag)}" lang="{_e(tag)}">{_e(name)}</a>'
        for tag, name, prefix in site.others
    )
    switch = f'<nav class="languages">{switch}</nav>' if switch else ""
    document = f"""<!DOCTYPE html>
<html lang="{_e(bundle.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} · {_e(bundle.clinic.name)}</title>
<link rel="stylesheet" href="{STYLESHEET}">
{alternates}</head>
<body>
<header><a href="index.html">{_e(bundle.clinic.name)}</a>{switch}</header>
<main>
{body}
</main>
{_clinic_footer(bundle)}
</body>
</html>
"""
    path.write_text(document, encoding="utf-8")
    return path


def _index_body(site: _Edition) -> str:
    bundle = site.bundle
    parts = [f"<h1>{_e(bundle.title)}</h1>"]
    if bundle.tour:
        steps = "".join(_page_item(bundle.pages[p]) for p in bundle.tour)
        tour = site.words.translate("Export", "Guided tour")
        parts.append(f'<section><h2>{tour}</h2><ol class="pages">{steps}</ol></section>')
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


def _page_body(site: _Edition, page: Page, rendered: RenderedPage) -> str:
    bundle = site.bundle
    parts = []
    if not bundle.in_own_language(page):
        only = site.words.translate("Export", "This page is only in %1.").replace(
            "%1", language_name(site.words, page.language)
        )
        parts.append(f'<p class="only-in">{_e(only)}</p>')
    parts += [
        f'<article lang="{_e(page.language or bundle.language)}"><h1>{_e(page.title)}</h1>',
        f'<p class="summary">{_e(page.summary)}</p>',
    ]
    if page.key_points:
        points = "".join(f"<li>{_e(point)}</li>" for point in page.key_points)
        heading = site.words.translate("Export", "Key points")
        parts.append(f'<section class="key-points"><h2>{heading}</h2><ul>{points}</ul></section>')
    for block in rendered.blocks:
        body = _with_terms(bundle, _KIOSK_HREF_RE.sub(r'href="\1.html"', block.html))
        if block.kind == TEXT:
            parts.append(body)
        else:
            parts.append(
                f'<aside class="box {block.kind}"><h2>{_e(block.title)}</h2>{body}</aside>'
            )
    parts.append(f"{_words_used(site, rendered)}</article>")
    if page.show_crisis_line:
        parts.append(f'<aside class="crisis"><p>{_e(bundle.notices.crisis)}</p></aside>')
    if page.references:
        items = "".join(f"<li>{_e(bundle.references[r].citation)}</li>" for r in page.references)
        sources = site.words.translate("Export", "Sources")
        parts.append(f'<section class="sources"><h2>{sources}</h2><ol>{items}</ol></section>')
    parts.append(
        f'<p class="disclaimer">{_e(bundle.notices.disclaimer)}</p>'
        f'<p class="reviewed">{_e(_reviewed(site, page))}</p>'
    )
    return "\n".join(parts)


def _reviewed(site: _Edition, page: Page) -> str:
    who, when = page.reviewed_by, page.last_reviewed.isoformat()
    if page.is_draft and who:
        line = site.words.translate("Export", "Draft, %1: not yet reviewed by %2.")
    elif page.is_draft:
        line = site.words.translate("Export", "Draft, %1: not yet reviewed.")
    elif who:
        line = site.words.translate("Export", "Last reviewed %1 by %2.")
    else:
        line = site.words.translate("Export", "Last reviewed %1.")
    return line.replace("%1", when).replace("%2", who)


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


def _words_used(site: _Edition, rendered: RenderedPage) -> str:
    """The glossary words on the page and what they mean, as the kiosk's cards say it."""
    bundle = site.bundle
    if not rendered.terms:
        return ""
    words = "".join(
        f'<dt id="word-{term_key(bundle.glossary, term)}">{_e(term)}</dt>'
        f"<dd>{_e(bundle.glossary[term])}</dd>"
        for term in rendered.terms
    )
    heading = site.words.translate("Export", "Words used on this page")
    return f'<section class="words"><h2>{heading}</h2><dl>{words}</dl></section>'


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
