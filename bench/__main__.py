"""Run every benchmark and print its table."""

from __future__ import annotations

import subprocess
import sys

from bench import content, kiosk, package
from bench.table import print_table as _table


def _in_its_own_process(module: str) -> None:
    sys.stdout.flush()  # this process's tables first, in order
    subprocess.run([sys.executable, "-m", module], check=True)


def main() -> None:
    print(f"Content pipeline on the sample bundle (median of {content.RUNS} runs)\n")
    _table(
        ("benchmark", "median", "min", "max"),
        [(n, f"{m:.2f} ms", f"{lo:.2f} ms", f"{hi:.2f} ms") for n, m, lo, hi, _ in content.run()],
    )
    # Its own process: the 1,000-page bundles it reads would swell this one, and every
    # child forked from it after (a child's peak memory counts what it had at the fork).
    _in_its_own_process("bench.pipeline")
    print(f"Kiosk beside a minimal QML window, the floor (median of {kiosk.RUNS} runs)\n")
    _table(("benchmark", "kiosk", "floor", "ratio"), kiosk.run())
    print(f"A 1,000-page bundle beside the sample, both as installed (median of {kiosk.RUNS})\n")
    _table(("benchmark", "1,000 pages", "sample", "ratio", "target"), kiosk.run_big())
    print(f"Packaged build beside the source (median of {package.RUNS} runs)\n")
    _table(("benchmark", "frozen", "source", "ratio"), package.run())
    # Their own processes: a Qt application of its own; a real X window (Xvfb); Chromium.
    for module in ("bench.contrast", "bench.idle", "bench.chromium", "bench.preview"):
        _in_its_own_process(module)


if __name__ == "__main__":
    main()
