"""How soon an author's saved edit is on the preview's screen (kiosk-admin preview): from
the file written to the first frame drawn after it is read, on the sample and on a
1,000-page bundle, with the page being edited on show; and what a reading costs once the
last one is remembered (only what changed is rendered and checked again) beside a reading
from nothing, in the same run.

    python -m bench.preview      (also part of `make bench`)
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from bench.big_bundle import make_big_bundle
from bench.table import print_table
from kiosk.bridge.frames import wait_for_frame
from kiosk.bridge.preview import Preview
from kiosk.bridge.walk import settle
from kiosk.config import load_config
from kiosk.content.memo import Memo
from kiosk.content.preview import look_at
from kiosk.session.navigation import Location, Screen

RUNS = 9
TARGET_MS = 1000.0
SAMPLE = Path(__file__).resolve().parent.parent / "content"
EDITED = "This page is for people whose migraines"


def saved_to_frame(preview: Preview, page: Path, run: int) -> float:
    """Milliseconds from `page` written to the first frame after the preview read it."""
    assert preview.kiosk is not None
    window = preview.kiosk.window
    loop = QEventLoop()
    preview.shown.connect(loop.quit)
    timeout = QTimer(singleShot=True, interval=30_000)
    timeout.timeout.connect(loop.quit)
    text = page.read_text(encoding="utf-8")
    before = text.split(EDITED, 1)[0].rsplit("\n", 1)[0]
    edited = text.replace(before + "\n" + EDITED, f"{before}\nEdit {run}. {EDITED}", 1)
    started = time.perf_counter()
    page.write_text(edited, encoding="utf-8")
    timeout.start()
    loop.exec()
    wait_for_frame(window)
    took = (time.perf_counter() - started) * 1000
    timeout.stop()
    preview.shown.disconnect(loop.quit)
    page.write_text(text, encoding="utf-8")  # back as it was, and let that reading go by
    _wait_for(preview)
    return took


def _wait_for(preview: Preview) -> None:
    loop = QEventLoop()
    preview.shown.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    preview.shown.disconnect(loop.quit)
    settle()


def measure_saves(folder: Path, page_id: str, data: Path) -> list[float]:
    config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(data), "KIOSK_USAGE_ENABLED": "false"})
    preview = Preview(folder, config, (1080, 1920))
    kiosk = preview.open(Location(Screen.PAGE, page_id), "")
    kiosk.window.show()
    settle()
    try:
        return [saved_to_frame(preview, folder / "pages" / f"{page_id}.md", run)
                for run in range(RUNS)]  # fmt: skip
    finally:
        preview.close()


def measure_readings(folder: Path) -> tuple[list[float], list[float]]:
    """Milliseconds of a reading from nothing, and of one after an edit with a memo."""
    today, fresh, again = dt.date.today(), [], []
    memo = Memo()
    look_at(folder, today, memo)
    page = folder / "pages" / "migraine.md"
    text = page.read_text(encoding="utf-8")
    for run in range(RUNS):
        started = time.perf_counter()
        look_at(folder, today)
        fresh.append((time.perf_counter() - started) * 1000)
        page.write_text(text.replace(EDITED, f"Edit {run}. {EDITED}", 1), encoding="utf-8")
        started = time.perf_counter()
        look_at(folder, today, memo)
        again.append((time.perf_counter() - started) * 1000)
    page.write_text(text, encoding="utf-8")
    return fresh, again


def run() -> list[tuple[str, ...]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-preview-") as temp:
        root = Path(temp)
        sample = Path(shutil.copytree(SAMPLE, root / "sample"))
        big = make_big_bundle(root / "big")
        for name, folder in (("sample (14 pages, 2 languages)", sample),
                             ("1,000 pages", big)):  # fmt: skip
            saves = measure_saves(folder, "migraine", root / "data")
            median = statistics.median(saves)
            rows.append((f"save → on screen, {name}", f"{median:.0f} ms", f"{min(saves):.0f} ms",
                         f"{max(saves):.0f} ms", f"≤ {TARGET_MS:.0f} ms",
                         "ok" if median <= TARGET_MS else "MISSED"))  # fmt: skip
        fresh, again = measure_readings(big)
        ratio = statistics.median(fresh) / statistics.median(again)
        rows.append(("reading, 1,000 pages: from nothing / again after one edit",
                     f"{statistics.median(fresh):.0f} / {statistics.median(again):.0f} ms",
                     "", "", f"{ratio:.1f}×", ""))  # fmt: skip
    return rows


def main() -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuickControls2 import QQuickStyle

    from kiosk.bridge.window import load_fonts

    app = QGuiApplication(["preview"])
    QQuickStyle.setStyle("Basic")
    load_fonts()
    rows = run()
    print(f"An author's preview, offscreen (median of {RUNS} saves)\n")
    print_table(("benchmark", "median", "min", "max", "target", ""), rows)
    del app


if __name__ == "__main__":
    main()
