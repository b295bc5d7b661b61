"""Make kiosk/content/syllables-en.txt from the CMU Pronouncing Dictionary.

    python tools/make_syllable_table.py path/to/cmudict.dict

(cmudict.dict is in https://github.com/cmusphinx/cmudict.) The table keeps only the
words whose syllable count the rule in kiosk.content.syllables gets wrong, and
carries the dictionary's licence, which its redistribution asks for.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kiosk.content.syllables import TABLE, english_rule

LICENCE = Path(__file__).resolve().parent.parent / "resources" / "licenses" / "CMUdict.txt"


def counts(dictionary: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].split()
        if not entry or "(" in entry[0] or not re.fullmatch(r"[a-z']+", entry[0]):
            continue  # alternative pronunciations: the first one counts
        found[entry[0]] = sum(1 for phone in entry[1:] if phone[-1].isdigit())
    return found


def main(dictionary: Path) -> None:
    exceptions = {w: n for w, n in sorted(counts(dictionary).items()) if english_rule(w) != n}
    header = [
        "# Syllable counts from the CMU Pronouncing Dictionary, for the words where",
        "# kiosk.content.syllables.english_rule would be wrong. Made by",
        "# tools/make_syllable_table.py. The dictionary's licence:",
        "#",
        *("# " + line if line else "#" for line in LICENCE.read_text().splitlines()),
    ]
    body = [f"{word} {count}" for word, count in exceptions.items()]
    TABLE.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"wrote {TABLE}: {len(body)} words", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
