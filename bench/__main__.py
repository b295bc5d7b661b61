"""Run every benchmark and print its table."""

from __future__ import annotations

import subprocess
import sys

from bench import content, kiosk, package, pipeline


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for number, line in enumerate([headers, *rows]):
        print("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * w for w in widths))
    print()


def main() -> None:
    print(f"Content pipeline on the sample bundle (median of {content.RUNS} runs)\n")
    _table(
        ("benchmark", "median", "min", "max"),
        [(n, f"{m:.2f} ms", f"{lo:.2f} ms", f"{hi:.2f} ms") for n, m, lo, hi, _ in content.run()],
    )
    print(f"Content pipeline on a 1,000-page bundle (median of {pipeline.RUNS} runs)\n")
    _table(("benchmark", "median", "in 1 process", "target"), pipeline.run())
    print(f"Kiosk beside a minimal QML window, the floor (median of {kiosk.RUNS} runs)\n")
    _table(("benchmark", "kiosk", "floor", "ratio"), kiosk.run())
    print(f"A 1,000-page bundle beside the sample, both as installed (median of {kiosk.RUNS})\n")
    _table(("benchmark", "1,000 pages", "sample", "ratio", "target"), kiosk.run_big())
    print(f"Packaged build beside the source (median of {package.RUNS} runs)\n")
    _table(("benchmark", "frozen", "source", "ratio"), package.run())
    # Their own processes: a Qt application of its own; a real X window (Xvfb); Chromium.
    subprocess.run([sys.executable, "-m", "bench.contrast"], check=True)
    subprocess.run([sys.executable, "-m", "bench.idle"], check=True)
    subprocess.run([sys.executable, "-m", "bench.chromium"], check=True)


if __name__ == "__main__":
    main()
