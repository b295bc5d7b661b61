"""The content pipeline on a 1,000-page bundle: validate, build (check, then sign) and
install (verify, unpack, render-check, index), each in this process with the worker
processes kiosk-admin uses (one per core), and, for the ratio, in one process; medians of
RUNS, the two ways taking turns.

python -m bench.pipeline    (part of make bench; prints a table)
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from nacl.signing import SigningKey

from bench.big_bundle import make_big_bundle
from bench.table import print_table
from kiosk.bundles import store
from kiosk.bundles.build import build_bundle
from kiosk.bundles.signing import key_id
from kiosk.content.validate import validate
from kiosk.content.workers import Workers, usable_cores
from kiosk.version import APP_VERSION

RUNS = 5
TARGETS = {"validate": 2.0, "build": 3.0, "install": 3.0}  # seconds


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _pipeline(root: Path, scratch: Path, workers: Workers) -> dict[str, float]:
    key = SigningKey.generate()
    trusted = {key_id(key.verify_key): key.verify_key}
    out, data = scratch / "big.kbundle", scratch / "data"

    def install() -> object:
        return store.install(out, data, trusted, APP_VERSION, workers=workers)

    return {
        "validate": _timed(lambda: validate(root, dt.date.today(), workers)),
        "build": _timed(lambda: build_bundle(root, key, out, workers)),
        "install": _timed(install),
    }


def run() -> list[tuple[str, str, str, str]]:
    cores = usable_cores()
    shared: dict[str, list[float]] = {name: [] for name in TARGETS}
    alone: dict[str, list[float]] = {name: [] for name in TARGETS}
    with tempfile.TemporaryDirectory() as folder:
        root = make_big_bundle(Path(folder) / "content")
        for run in range(RUNS):
            for times, processes in ((shared, cores), (alone, 1)):
                scratch = Path(folder) / f"run-{run}-{processes}"
                scratch.mkdir()
                with Workers(processes) as workers:
                    for name, seconds in _pipeline(root, scratch, workers).items():
                        times[name].append(seconds)
    rows = []
    for name, target in TARGETS.items():
        median, one = statistics.median(shared[name]), statistics.median(alone[name])
        rows.append((f"{name}, 1,000 pages, {cores} processes", f"{median:.2f} s",
                     f"{one:.2f} s ({one / median:.2f}x)",
                     f"<= {target:.0f} s {'ok' if median <= target else 'MISSED'}"))  # fmt: skip
    return rows


def main() -> None:
    print(f"Content pipeline on a 1,000-page bundle (median of {RUNS} runs)\n")
    print_table(("benchmark", "median", "in 1 process", "target"), run())


if __name__ == "__main__":
    main()
