"""A 1,000-page bundle made from the sample, for the benchmarks: the sample's pages (in
English only) plus copies of the migraine page under new ids, in one more topic.

python -m bench.big_bundle DIR [PAGES]
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "content"
COPIED = "migraine"


def make_big_bundle(out: Path, pages: int = 1000) -> Path:
    """`out`, a content folder of `pages` pages; replaced if it is there."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(SAMPLE, out, ignore=shutil.ignore_patterns("es", "glossary.es.toml"))
    toml = out / "bundle.toml"
    text = toml.read_text(encoding="utf-8")
    text = text[: text.index("# The Spanish edition")] if "# The Spanish edition" in text else text
    text = re.sub(r"^languages = .*\n", "", text, flags=re.MULTILINE)
    real = len(list((out / "pages").glob("*.md")))
    ids = [f"{COPIED}-copy-{n:04d}" for n in range(pages - real)]
    source = (out / "pages" / f"{COPIED}.md").read_text(encoding="utf-8")
    for page_id in ids:
        body = source.replace("topic: conditions", "topic: more-migraine", 1)
        (out / "pages" / f"{page_id}.md").write_text(body, encoding="utf-8")
    listed = ", ".join(f'"{page_id}"' for page_id in ids)
    text += (f'\n[[topics]]\nid = "more-migraine"\ntitle = "More about migraine"\n'
             f'summary = "The migraine page, {len(ids)} times."\n'
             f'icon = "media/icons/conditions.svg"\npages = [{listed}]\n')  # fmt: skip
    toml.write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    folder = make_big_bundle(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    print(folder)
