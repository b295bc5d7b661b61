"""Read one page file: its YAML front matter (each mistake a problem on its line) and body."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from kiosk.content import frontmatter
from kiosk.content.fields import Fields
from kiosk.content.model import REVIEW_STATUSES, Page
from kiosk.content.problems import ProblemLog
from kiosk.content.render import PAGE_ID_RE

PAGE_KEYS = {  # what a page's front matter may set
    "title",
    "summary",
    "topic",
    "last_reviewed",
    "reviewed_by",
    "references",
    "public_url",
    "show_crisis_line",
    "key_points",
    "review_status",
    "clinician_review",
}
KEY_POINTS = (2, 4)  # the fewest and most key points a page opens with


@dataclass(frozen=True)
class PageSource:
    """A page with the text it came from, to point problems at lines."""

    page: Page
    lines: list[str]
    meta_lines: dict[str, int]

    def line_of(self, needle: str, start: int) -> int:
        """First line at or after `start` that contains `needle`; `start` if none."""
        for number in range(start, len(self.lines) + 1):
            if needle and needle in self.lines[number - 1]:
                return number
        return start


Index = Mapping[Path, frontmatter.SplitPage]  # kiosk.content.page_index: no body


def read_page(
    path: Path,
    problems: ProblemLog,
    language: str,
    known: set[str] = PAGE_KEYS,
    index: Index | None = None,
) -> PageSource | None:
    """The page in `path`; from `index` when given (its body is then read on rendering)."""
    page_id = path.stem
    if not PAGE_ID_RE.match(page_id):
        problems.error(path, 1, "page file names must be lower-case letters, digits and dashes")
        return None
    read = ("", index[path]) if index is not None and path in index else _split_page(path, problems)
    if read is None:
        return None
    text, split = read
    fields = Fields(split.meta, problems, path, lambda key: split.meta_lines.get(key, 1),
                    "front matter")  # fmt: skip
    fields.unknown(known)
    page = _page(page_id, fields, split, language)
    return PageSource(page, text.splitlines(), split.meta_lines)


def _page(page_id: str, fields: Fields, split: frontmatter.SplitPage, language: str) -> Page:
    public_url, reviewed_by = _public_url(fields), _reviewed_by(fields)
    return Page(
        id=page_id,
        title=fields.text("title"),
        summary=fields.text("summary"),
        topic=fields.text("topic", required=False) or None,
        last_reviewed=fields.date("last_reviewed"),
        reviewed_by=reviewed_by,
        references=fields.text_list("references", required=False),
        body=split.body,
        source=fields.path,
        body_line=split.body_line,
        meta_lines=MappingProxyType(split.meta_lines),
        public_url=public_url,
        show_crisis_line=fields.flag("show_crisis_line"),
        key_points=_key_points(fields),
        review_status=fields.choice("review_status", REVIEW_STATUSES),
        clinician_review=fields.text("clinician_review", required=False),
        language=language,
        translated_from=fields.text("translated_from", required=False),
    )


def _public_url(fields: Fields) -> str:
    public_url = fields.text("public_url", required=False)
    if public_url and not public_url.startswith("https://"):
        fields.error("public_url", "'public_url' must be a web address starting with https://")
    return public_url


def _reviewed_by(fields: Fields) -> str:
    reviewed_by = fields.text("reviewed_by", required=False)
    if not reviewed_by:
        fields.log.warning(fields.path, fields.line_of("reviewed_by"),
                           "front matter has no 'reviewed_by'")  # fmt: skip
    return reviewed_by


def _key_points(fields: Fields) -> tuple[str, ...]:
    points = tuple(p.strip() for p in fields.text_list("key_points", required=False))
    fewest, most = KEY_POINTS
    if not fewest <= len(points) <= most or not all(points):
        fields.log.warning(
            fields.path,
            fields.line_of("key_points"),
            f"a page opens with {fewest} to {most} key points: write them as "
            "'key_points:' in the front matter, one '- ' line each",
        )
    return tuple(p for p in points if p)


def _split_page(path: Path, problems: ProblemLog) -> tuple[str, frontmatter.SplitPage] | None:
    """The page's text and its front matter split from the body; None (and why) if unread."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, frontmatter.split(text)
    except OSError as exc:
        problems.error(path, 1, f"cannot read: {exc.strerror}")
    except UnicodeDecodeError:
        problems.error(path, 1, "not UTF-8 text: save the file as UTF-8")
    except frontmatter.FrontMatterError as exc:
        problems.error(path, exc.line, exc.message)
    return None
