"""The wall between a page and the screen: only Qt rich-text tags, only bundle-internal URLs.

nh3 keeps an allow-list of tags and attributes, and a filter checks every URL again,
whatever the renderer before it decided: QML ``Text`` fetches remote images and
``QTextDocument`` reads ``file:`` paths, so nothing that reaches the screen may name
anything outside the bundle. Term links (``kiosk:term/<key>``) pass only for keys the
bundle's glossary has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial

import nh3

from kiosk.content.glossary import TERM_CLASS, term_key_from_link

PAGE_ID = r"[a-z0-9][a-z0-9-]*"
KIOSK_HREF_RE = re.compile(rf"^kiosk:page/(?P<id>{PAGE_ID})$")
MEDIA_SRC_RE = re.compile(r"^media/(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._-]*$")
_DIMENSION_RE = re.compile(r"^[0-9]{1,4}$")

ALLOWED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "s", "del", "sub", "sup", "code", "br",
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "th", "td",
        "img",
    }
)  # fmt: skip
_CELL_ATTRIBUTES = {"colspan", "rowspan", "align"}
# Qt draws table borders only when the table asks for them.
TABLE_ATTRIBUTES = {"border": "1", "cellspacing": "0", "cellpadding": "8", "width": "100%"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "class"},
    "img": {"src", "alt", "width", "height"},
    "th": _CELL_ATTRIBUTES,
    "td": _CELL_ATTRIBUTES,
    "ol": {"start"},
    "table": set(TABLE_ATTRIBUTES),
}


def _filter_attribute(tag: str, attribute: str, value: str, terms: int = 0) -> str | None:
    """Each attribute's value checked again; `terms` is how many glossary terms there are."""
    if tag == "a" and attribute == "href":
        key = term_key_from_link(value)
        return value if KIOSK_HREF_RE.match(value) or (key and int(key) < terms) else None
    if attribute == "class":
        return value if tag == "a" and value == TERM_CLASS else None
    if tag == "img" and attribute == "src":
        ok = MEDIA_SRC_RE.match(value) and ".." not in value.split("/")
        return value if ok else None
    if attribute in {"width", "height"} and tag == "img":
        return value if _DIMENSION_RE.match(value) else None
    if tag == "table":
        return value if TABLE_ATTRIBUTES.get(attribute) == value else None
    if attribute in {"colspan", "rowspan", "start"}:
        return value if _DIMENSION_RE.match(value) else None
    if attribute == "align":
        return value if value in {"left", "center", "right"} else None
    return value


# (tag, attribute, value) → whether to keep it, after the wall's own checks passed.
AttributeCheck = Callable[[str, str, str], bool]


def _filter_also(
    tag: str, attribute: str, value: str, terms: int, also: AttributeCheck
) -> str | None:
    kept = _filter_attribute(tag, attribute, value, terms)
    return kept if kept is not None and also(tag, attribute, kept) else None


@lru_cache(maxsize=8)
def _cleaner(terms: int) -> nh3.Cleaner:
    return _new_cleaner(partial(_filter_attribute, terms=terms))


def _new_cleaner(attribute_filter: Callable[[str, str, str], str | None]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes={"kiosk"},
    )


def sanitize(html: str, terms: int = 0, also: AttributeCheck | None = None) -> str:
    """The allow-list wall: only Qt rich-text tags, only bundle-internal URLs, and term
    links only to the first `terms` glossary terms; `also` may refuse more (a page read
    back from its install checks its links and pictures against the bundle)."""
    if also is None:
        return _cleaner(terms).clean(html)
    return _new_cleaner(partial(_filter_also, terms=terms, also=also)).clean(html)
