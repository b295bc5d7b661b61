"""The house sizes: modules of at most 300 lines, functions of at most 40, QML files of at
most 250, each unless it gives its reason in one line at the top.

A module or QML file gives it within its first 15 lines, a function on the line above its
`def` (or above its decorators), as `# size: <reason>` (`// size: <reason>` in QML).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = [ROOT / "build_installer.py", *(p for folder in ("kiosk", "installer", "tools",
          "bench", "tests") for p in sorted((ROOT / folder).rglob("*.py")))]  # fmt: skip
QML = sorted((ROOT / "kiosk" / "views").glob("*.qml"))
MODULE_LINES, FUNCTION_LINES, QML_LINES = 300, 40, 250


def _has_reason(lines: list[str], marker: str) -> bool:
    return any(line.strip().startswith(marker) and line.strip()[len(marker):].strip()
               for line in lines)  # fmt: skip


def oversized(path: Path) -> list[str]:
    """What in this file is over its size and gives no reason, as `path:line: what`."""
    text = path.read_text("utf-8")
    lines = text.splitlines()
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    if path.suffix == ".qml":
        ok = len(lines) <= QML_LINES or _has_reason(lines[:15], "// size:")
        return [] if ok else [f"{name}:1: {len(lines)} lines (at most {QML_LINES})"]
    found = []
    if len(lines) > MODULE_LINES and not _has_reason(lines[:15], "# size:"):
        found.append(f"{name}:1: {len(lines)} lines (at most {MODULE_LINES})")
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([d.lineno for d in node.decorator_list] + [node.lineno])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > FUNCTION_LINES and not _has_reason(lines[first - 2 : first - 1], "# size:"):
                found.append(f"{name}:{node.lineno}: {node.name}() is {length} lines "
                             f"(at most {FUNCTION_LINES})")  # fmt: skip
    return found


def test_every_module_function_and_screen_is_within_its_size_or_says_why() -> None:
    problems = [problem for path in PYTHON + QML for problem in oversized(path)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_long_function_and_accepts_its_reason(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    body = "".join(f"    x = {n}\n" for n in range(FUNCTION_LINES))
    probe.write_text(f"def long():\n{body}", encoding="utf-8")
    assert oversized(probe) == [f"probe.py:1: long() is {FUNCTION_LINES + 1} lines (at most 40)"]

    probe.write_text(f"# size: a table of forty values\ndef long():\n{body}", "utf-8")
    assert oversized(probe) == []

    probe.write_text(f"# size:\ndef long():\n{body}", "utf-8")  # no reason given
    assert len(oversized(probe)) == 1


def test_the_check_finds_a_long_qml_file_and_accepts_its_reason(tmp_path: Path) -> None:
    probe = tmp_path / "Probe.qml"
    items = "".join("    Item {}\n" for _ in range(QML_LINES))
    probe.write_text(f"import QtQuick\nItem {{\n{items}}}\n", encoding="utf-8")
    assert oversized(probe) == [f"Probe.qml:1: {QML_LINES + 3} lines (at most {QML_LINES})"]

    probe.write_text(f"// size: one grid of tiles\nItem {{\n{items}}}\n", encoding="utf-8")
    assert oversized(probe) == []
