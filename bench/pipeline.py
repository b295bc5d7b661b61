"""The content pipeline on a 1,000-page bundle: validate, build (check, then sign) and
install (verify, unpack, render-check, index), each in this process, medians of RUNS."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from nacl.signing import SigningKey

from bench.big_bundle import make_big_bundle
from kiosk.bundles import store
from kiosk.bundles.build import build_bundle
from kiosk.bundles.signing import key_id
from kiosk.content.validate import validate
from kiosk.version import APP_VERSION

RUNS = 3
TARGETS = {"validate": 2.0, "build": 3.0, "install": 3.0}  # seconds


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run() -> list[tuple[str, str, str]]:
    key = SigningKey.generate()
    trusted = {key_id(key.verify_key): key.verify_key}
    times: dict[str, list[float]] = {name: [] for name in TARGETS}
    with tempfile.TemporaryDirectory() as scratch:
        root = make_big_bundle(Path(scratch) / "content")
        for run in range(RUNS):
            out = Path(scratch) / f"big-{run}.kbundle"
            times["validate"].append(_timed(lambda: validate(root, dt.date.today())))
            times["build"].append(_timed(lambda out=out: build_bundle(root, key, out)))
            data = Path(scratch) / f"data-{run}"
            times["install"].append(
                _timed(lambda out=out, data=data: store.install(out, data, trusted, APP_VERSION))
            )
    rows = []
    for name, target in TARGETS.items():
        median = statistics.median(times[name])
        rows.append((f"{name}, 1,000 pages", f"{median:.2f} s",
                     f"<= {target:.0f} s {'ok' if median <= target else 'MISSED'}"))  # fmt: skip
    return rows
