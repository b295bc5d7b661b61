"""Split a Markdown page into its YAML front matter and its body."""

from __future__ import annotations

from dataclasses import dataclass

FENCE = "---"


class FrontMatterError(ValueError):
    """Front matter is missing or is not valid YAML; `line` is 1-based in the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class SplitPage:
    meta: dict[str, object]
    meta_lines: dict[str, int]  # top-level key -> line in the file
    body: str
    body_line: int


def split(text: str) -> SplitPage:
    """Parse `---` fenced YAML at the top of `text`; raise FrontMatterError."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(1, "the page must start with '---' and its front matter")
    for end in range(1, len(lines)):
        if lines[end].strip() == FENCE:
            break
    else:
        raise FrontMatterError(1, "front matter has no closing '---' line")
    yaml_text = "".join(lines[1:end])
    # Imported here: a kiosk starting on installed content reads the page index, no YAML.
    import yaml

    try:
        # libyaml's loader when PyYAML was built with it: eight times faster.
        meta = yaml.load(yaml_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = 2 + mark.line if mark is not None else 1
        raise FrontMatterError(line, f"front matter is not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(1, f"front matter is not valid YAML: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be 'key: value' lines")
    return SplitPage(
        meta={str(k): v for k, v in meta.items()},
        meta_lines=_key_lines(lines[1:end], first_line=2),
        body="".join(lines[end + 1 :]),
        body_line=end + 2,
    )


def _key_lines(lines: list[str], first_line: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for offset, line in enumerate(lines):
        if line[:1].isalpha() and ":" in line:
            found.setdefault(line.split(":", 1)[0].strip(), first_line + offset)
    return found
