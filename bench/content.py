"""How long the content pipeline takes on the sample bundle (it runs at every start-up)."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.content.export import export_html
from kiosk.content.loader import read_bundle
from kiosk.content.render import Renderer
from kiosk.content.validate import validate

SAMPLE = Path(__file__).resolve().parent.parent / "content"
RUNS = 15

Row = tuple[str, float, float, float, int]


def _time(name: str, action: Callable[[], object], runs: int = RUNS) -> Row:
    action()  # warm caches and imports; the first start is measured separately
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return name, statistics.median(samples), min(samples), max(samples), runs


def run() -> list[Row]:
    result = read_bundle(SAMPLE)
    bundle = result.bundle
    assert bundle is not None, "the sample content has errors: run kiosk-admin bundle validate"
    renderer = Renderer(SAMPLE, bundle.pages.keys())
    longest = max(bundle.pages.values(), key=lambda page: len(page.body))
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as out:
        return [
            _time(
                f"load + render sample bundle ({len(bundle.pages)} pages)",
                lambda: read_bundle(SAMPLE),
            ),
            _time(f"render one page ({longest.id})", lambda: renderer.render(longest.body)),
            _time("validate sample bundle", lambda: validate(SAMPLE, today)),
            _time(
                "export sample bundle as HTML",
                lambda: export_html(bundle, result.rendered, Path(out)),
            ),
        ]
