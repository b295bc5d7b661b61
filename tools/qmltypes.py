"""Type information for qmllint about the bridges (the QML module Kiosk), so a QML call to
a slot or property that does not exist fails the lint.

    python tools/qmltypes.py OUT_DIR      # then: pyside6-qmllint -I OUT_DIR kiosk/views/*.qml

The bridges declare themselves with @QmlElement; pyside6-metaobjectdump reads them and
pyside6-qmltyperegistrar writes OUT_DIR/Kiosk/kiosk.qmltypes with its qmldir, as
pyside6-project does. metaobjectdump (PySide 6.8) reads `notify=` but not `constant=True`,
so the constants are marked here; without it qmllint warns that bindings on them go stale.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
BRIDGES = ROOT / "kiosk" / "bridge"
METATYPES = Path(PySide6.__file__).parent / "Qt" / "metatypes"


def bridge_sources() -> list[Path]:
    return sorted(p for p in BRIDGES.glob("*.py") if "@QmlElement" in p.read_text("utf-8"))


def constant_properties(source: Path) -> dict[str, set[str]]:
    """{class name: its properties declared `@Property(..., constant=True)`}."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(source.read_text("utf-8"), str(source))):
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and any(map(_is_constant, item.decorator_list)):
                found.setdefault(node.name, set()).add(item.name)
    return found


def _is_constant(decorator: ast.expr) -> bool:
    return (
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Name)
        and decorator.func.id == "Property"
        and any(k.arg == "constant" and getattr(k.value, "value", False) is True
                for k in decorator.keywords)
    )  # fmt: skip


def mark_constants(dump: Path, sources: list[Path]) -> None:
    constants: dict[str, set[str]] = {}
    for source in sources:
        constants.update(constant_properties(source))
    files = json.loads(dump.read_text("utf-8"))
    for entry in files:
        for cls in entry["classes"]:
            for prop in cls.get("properties", []):
                if prop["name"] in constants.get(cls["className"], ()):
                    prop["constant"] = True
    dump.write_text(json.dumps(files, indent=1), encoding="utf-8")


def generate(out_dir: Path) -> Path:
    module = out_dir / "Kiosk"
    module.mkdir(parents=True, exist_ok=True)
    tools = Path(sys.executable).parent
    dump = module / "kiosk_metatypes.json"
    sources = bridge_sources()
    subprocess.run([str(tools / "pyside6-metaobjectdump"), "--quiet", "-o", str(dump),
                    *map(str, sources)], check=True)  # fmt: skip
    mark_constants(dump, sources)
    foreign = ",".join(str(METATYPES / f"qt6{m}_metatypes.json") for m in ("core", "qml"))
    qmltypes = module / "kiosk.qmltypes"
    subprocess.run([str(tools / "pyside6-qmltyperegistrar"), "--import-name", "Kiosk",
                    "--major-version", "1", "--minor-version", "0",
                    f"--foreign-types={foreign}", f"--generate-qmltypes={qmltypes}",
                    "-o", str(module / "kiosk_qmltyperegistrations.cpp"), str(dump)],
                   check=True)  # fmt: skip
    (module / "qmldir").write_text("module Kiosk\ntypeinfo kiosk.qmltypes\n", encoding="utf-8")
    return qmltypes


if __name__ == "__main__":
    print(generate(Path(sys.argv[1])))
