"""The kiosk's interface catalogues (kiosk/resources/i18n/kiosk_<lang>.ts), kept whole.

    python tools/translations.py update   # add new strings to every catalogue (make translations)
    python tools/translations.py check    # list strings a catalogue lacks or has not translated

The strings are every `qsTr()` in the patients' screens (all of kiosk/views but the staff
screen and the theme) and every `words.translate("Context", "...")` in the Python that words
them (found by looking for the call, so a new file is never forgotten). English keeps only
its plural forms ("1 second" / "2 seconds"); every other catalogue translates everything.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEWS = ROOT / "kiosk" / "views"
CATALOGUES = ROOT / "kiosk" / "resources" / "i18n"
# Staff keep the clinic's language.
NOT_FOR_PATIENTS = {"PreviewBanner.qml", "StaffScreen.qml", "StaffUsage.qml", "Theme.qml"}
_TRANSLATE_CALL = re.compile(r"\.translate\(\s*\"")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def sources() -> list[Path]:
    screens = [p for p in sorted(VIEWS.glob("*.qml")) if p.name not in NOT_FOR_PATIENTS]
    python = [p for p in sorted((ROOT / "kiosk").rglob("*.py"))
              if _TRANSLATE_CALL.search(p.read_text(encoding="utf-8"))]  # fmt: skip
    return screens + python


def all_catalogues() -> list[Path]:
    return sorted(CATALOGUES.glob("kiosk_*.ts"))


def update(catalogue: Path, files: Iterable[Path]) -> None:
    """Add new strings to `catalogue` (unfinished) and drop ones no longer used."""
    language = catalogue.stem.removeprefix("kiosk_")
    extra = ["-pluralonly"] if language == "en" else []
    subprocess.run(
        [str(LUPDATE), *map(str, files), "-silent", "-locations", "none", "-no-obsolete",
         *extra, "-target-language", language, "-ts", str(catalogue)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip


@dataclass(frozen=True)
class Gap:
    catalogue: str
    context: str
    source: str
    why: str  # "new" (not in the catalogue yet) or "unfinished" (not translated)

    def __str__(self) -> str:
        return f"{self.catalogue}: {self.why} in {self.context}: {self.source!r}"


def gaps(
    files: Iterable[Path] | None = None, catalogues: Iterable[Path] | None = None
) -> list[Gap]:
    """What each catalogue lacks for `files` (every source by default)."""
    found: list[Gap] = []
    files = list(files if files is not None else sources())
    for catalogue in catalogues if catalogues is not None else all_catalogues():
        with tempfile.TemporaryDirectory() as scratch:
            fresh = Path(scratch) / catalogue.name
            shutil.copy(catalogue, fresh)
            update(fresh, files)
            have = _messages(catalogue)
            for key, forms in _messages(fresh).items():
                if key not in have:
                    found.append(Gap(catalogue.name, *key, "new"))
                elif forms is None:
                    found.append(Gap(catalogue.name, *key, "unfinished"))
                elif any(_placeholders(form) != _placeholders(key[1]) for form in forms):
                    found.append(Gap(catalogue.name, *key, "other placeholders (%1, {count})"))
    return found


_PLACEHOLDER = re.compile(r"%\d|\{[a-z_]+\}")  # (%n may go: "un segundo")


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _messages(path: Path) -> dict[tuple[str, str], tuple[str, ...] | None]:
    """(context, source) → its translation's forms, or None if it is not translated."""
    messages: dict[tuple[str, str], tuple[str, ...] | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] | None = None
            if translation is not None and not translation.get("type"):
                said = [f.text or "" for f in translation.iter("numerusform")]
                forms = tuple(said or [translation.text or ""])
                forms = forms if all(forms) else None  # an empty one reads as English
            messages[(name, message.findtext("source") or "")] = forms
    return messages


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        for catalogue in all_catalogues():
            update(catalogue, sources())
            print(f"updated {catalogue.relative_to(ROOT)}")
        return 0
    if argv[1:] == ["check"]:
        found = gaps()
        for gap in found:
            print(gap)
        print(f"{len(found)} strings to translate", file=sys.stderr)
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
