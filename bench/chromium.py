"""The kiosk beside Chromium on the same page: the sample's opioids page, exported by
`kiosk-admin bundle export-html` for Chromium, shown by the kiosk from its installed copy.

Each is a fresh process tree, timed from its start to its exit, which each makes right
after its first frame of the page (the kiosk: `bench.window kiosk page`, the page open
before the window shows; Chromium: `--headless=new --screenshot`, which exits when the
screenshot is taken). Memory is the peak over the run of the whole tree, sampled every
SAMPLE_S: the sum of RSS (as the issue asks; Chromium's processes share much of it) and
the sum of PSS (each shared page counted once, split among its users).

python -m bench.chromium    (needs Debian's chromium: apt-get install chromium)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.kiosk import ENV, ROOT, _as_installed
from bench.table import print_table
from kiosk.content.export import export_site
from kiosk.content.loader import read_bundle

RUNS = 5
SAMPLE_S = 0.01
PAGE = "opioids"
TARGETS = {"to first frame": 2.5, "memory": 3.0}  # the kiosk this many times better
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1080,1920",
]  # fmt: skip


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _tree(pid: int) -> list[int]:
    tree, found, todo = _children(), [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(tree.get(found[-1], []))
    return found


def _memory(pids: list[int]) -> tuple[float, float]:
    """Sum of RSS and of PSS of `pids`, in MB."""
    rss = pss = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
    return rss / 1024, pss / 1024


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall time (ms) to exit, and peak tree RSS and PSS (MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    peak_rss = peak_pss = 0.0
    while process.poll() is None:
        rss, pss = _memory(_tree(process.pid))
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(SAMPLE_S)  # a benchmark's sampling interval, not a test's wait
    elapsed = (time.perf_counter() - start) * 1000
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed with status {process.returncode}")
    return elapsed, peak_rss, peak_pss


@contextlib.contextmanager
def _exported_page() -> Iterator[tuple[Path, Path]]:
    with _as_installed(big_too=False) as (sample, _), tempfile.TemporaryDirectory() as site:
        result = read_bundle(sample)
        assert result.bundle is not None
        export_site(result.bundle, result.rendered_for, Path(site))
        yield sample, Path(site) / f"{PAGE}.html"


def run(chromium: str) -> list[tuple[str, str, str, str, str]]:
    figures: dict[str, list[tuple[float, float, float]]] = {"kiosk": [], "chromium": []}
    with _exported_page() as (sample, page), tempfile.TemporaryDirectory() as scratch:
        for run in range(RUNS):
            profile = Path(scratch) / f"profile-{run}"
            shot = Path(scratch) / f"shot-{run}.png"
            figures["chromium"].append(_run([chromium, *CHROMIUM_FLAGS,
                                             f"--user-data-dir={profile}",
                                             f"--screenshot={shot}", page.as_uri()],
                                            dict(os.environ)))  # fmt: skip
            assert shot.is_file(), "chromium took no screenshot"
            env = {**ENV, "BENCH_SAMPLE": str(sample), "BENCH_PAGE": PAGE}
            figures["kiosk"].append(
                _run([sys.executable, "-m", "bench.window", "kiosk", "page"], env)
            )
    rows = []
    for index, (name, unit, target) in enumerate(
        [("to first frame of the page", "ms", TARGETS["to first frame"]),
         ("peak memory, sum of RSS", "MB", TARGETS["memory"]),
         ("peak memory, sum of PSS", "MB", TARGETS["memory"])]
    ):  # fmt: skip
        kiosk = statistics.median(f[index] for f in figures["kiosk"])
        other = statistics.median(f[index] for f in figures["chromium"])
        better = other / kiosk
        rows.append((name, f"{kiosk:.1f} {unit}", f"{other:.1f} {unit}", f"{better:.2f}x",
                     f">= {target}x {'ok' if better >= target else 'MISSED'}"))  # fmt: skip
    return rows


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("bench.chromium: needs Debian's chromium (apt-get install chromium)\n")
        return
    rows = run(chromium)
    print(f"The kiosk beside Chromium on the {PAGE} page (median of {RUNS} runs)\n")
    print_table(("benchmark", "kiosk", "chromium", "kiosk better by", "target"), rows)


if __name__ == "__main__":
    main()
