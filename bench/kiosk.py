"""Start-up, page switches, language switches and memory of the kiosk (its sample content in
two languages), each beside a minimal QML window."""

from __future__ import annotations

import compileall
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.big_bundle import SAMPLE, make_big_bundle
from kiosk.bundles.store import render_check

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}

Row = tuple[str, str, str, str]


def compile_kiosk() -> None:
    """The kiosk's modules compiled, as an installed kiosk has them (pip and PyInstaller
    compile them): a checkout run with PYTHONDONTWRITEBYTECODE compiles at every start."""
    compileall.compile_dir(ROOT / "kiosk", quiet=1)


@contextlib.contextmanager
def _as_installed(big_too: bool = True) -> Iterator[tuple[Path, Path]]:
    """The kiosk and its content as an install leaves them: the modules compiled, and the
    sample and (unless not `big_too`) the 1,000-page bundle with the page index and the
    pages as rendered beside them (kiosk.bundles.store.render_check), in a scratch folder."""
    compile_kiosk()
    with tempfile.TemporaryDirectory() as scratch:
        sample = Path(scratch) / "sample"
        shutil.copytree(SAMPLE, sample)
        big = make_big_bundle(Path(scratch) / "big") if big_too else sample
        for folder in {sample, big}:
            render_check(folder)
        yield sample, big


def _child(which: str, mode: str, content: tuple[Path, Path]) -> tuple[float, float, str]:
    """Run one child; return its wall time (ms), peak RSS (MB) and output."""
    start = time.perf_counter()
    env = {**ENV, "BENCH_SAMPLE": str(content[0]), "BENCH_BIG": str(content[1])}
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.window", which, mode],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if status != 0:
        raise RuntimeError(f"bench.window {which} {mode} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024, output


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_big() -> list[Row]:
    """The 1,000-page bundle beside the sample, in the same run: start, switches, memory."""
    starts: dict[str, list[float]] = {"big": [], "kiosk": []}
    p95: dict[str, list[float]] = {"big": [], "kiosk": []}
    peaks: dict[str, list[float]] = {"big": [], "kiosk": []}
    with _as_installed() as content:
        for _ in range(RUNS):
            for which in ("kiosk", "big"):
                starts[which].append(_child(which, "first-frame", content)[0])
                _, peak, output = _child(which, "switch", content)
                peaks[which].append(peak)
                p95[which].append(_percentile(json.loads(output), 0.95))

    def row(name: str, figures: dict[str, list[float]], unit: str, target: str) -> Row:
        big, sample = statistics.median(figures["big"]), statistics.median(figures["kiosk"])
        return name, f"{big:.1f} {unit}", f"{sample:.1f} {unit}", f"{big / sample:.2f}x", target

    return [
        row("start to first frame", starts, "ms", "<= 1.2x"),
        row("page switch p95 (big: 200 never opened)", p95, "ms", "<= 16 ms"),
        row("peak RSS (big: 200 pages; sample: all 3x)", peaks, "MB", "<= 1.3x"),
    ]


def run() -> list[Row]:
    starts: dict[str, list[float]] = {"kiosk": [], "floor": []}
    peaks: dict[str, list[float]] = {"kiosk": [], "floor": []}
    p50: dict[str, list[float]] = {"kiosk": [], "floor": []}
    p95: dict[str, list[float]] = {"kiosk": [], "floor": []}
    spanish: dict[str, dict[str, list[float]]] = {m: {"kiosk": [], "floor": []}
                                                  for m in ("switch-es", "language")}  # fmt: skip
    with _as_installed() as content:
        for _ in range(RUNS):
            for which in ("floor", "kiosk"):  # alternate, so drift hits both alike
                elapsed, _, _ = _child(which, "first-frame", content)
                starts[which].append(elapsed)
                _, peak, output = _child(which, "switch", content)
                switches = json.loads(output)
                peaks[which].append(peak)
                p50[which].append(_percentile(switches, 0.50))
                p95[which].append(_percentile(switches, 0.95))
                for mode, figures in spanish.items():
                    output = _child(which, mode, content)[2]
                    figures[which].append(_percentile(json.loads(output), 0.95))

    def row(name: str, figures: dict[str, list[float]], unit: str) -> Row:
        kiosk, floor = statistics.median(figures["kiosk"]), statistics.median(figures["floor"])
        return name, f"{kiosk:.1f} {unit}", f"{floor:.1f} {unit}", f"{kiosk / floor:.2f}x"

    return [
        row("cold start to first frame", starts, "ms"),
        row("page switch p50 (tap to next frame)", p50, "ms"),
        row("page switch p95 (tap to next frame)", p95, "ms"),
        row("peak RSS, every page shown 3 times", peaks, "MB"),
        row("page switch p95, in Spanish", spanish["switch-es"], "ms"),
        row("English ⇄ Spanish on a page, p95", spanish["language"], "ms"),
    ]
