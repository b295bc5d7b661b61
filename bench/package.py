"""The packaged build beside the source: start-up to the first frame, and its size.

Needs dist/ from `make package`; without it the table says so.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import build_installer as bi

RUNS = 7
Row = tuple[str, str, str, str]


def _start(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from launch until the process exits after its first frame."""
    start = time.perf_counter()
    subprocess.run(
        [*command, "--quit-after-first-frame", "--windowed"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    return (time.perf_counter() - start) * 1000


def run() -> list[Row]:
    app = bi.ROOT / "dist" / bi.APP
    if not (app / bi.APP).exists():
        return [("frozen start to first frame", "no build: run make package", "", "")]
    source = [str(Path(sys.executable).with_name("kiosk"))]
    frozen = [str(app / bi.APP)]
    starts: dict[str, list[float]] = {"frozen": [], "source": []}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        env = {**os.environ, **bi.clean_environment(Path(scratch))}
        env["PATH"] = os.environ["PATH"]  # the source kiosk needs its Python
        for command in (source, frozen):
            _start(command, env)  # once each first: both read from a warm disk cache
        for _ in range(RUNS):
            for name, command in (("source", source), ("frozen", frozen)):  # alternate
                starts[name].append(_start(command, env))
    frozen_ms, source_ms = statistics.median(starts["frozen"]), statistics.median(starts["source"])
    archive = bi.ROOT / "dist" / f"{bi.linux_name(bi.app_version())}.tar.gz"
    rows = [
        ("start to first frame (kiosk command)", f"{frozen_ms:.0f} ms", f"{source_ms:.0f} ms",
         f"{frozen_ms / source_ms:.2f}x"),
        ("dist folder", f"{bi.folder_size(app) / 1e6:.1f} MB", "", "target 200 MB"),
    ]  # fmt: skip
    if archive.exists():
        rows.append(("Linux tarball", f"{archive.stat().st_size / 1e6:.1f} MB", "", "target 80 MB"))
    return rows
