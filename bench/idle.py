"""CPU the kiosk uses while nobody touches it, in a real X window (Xvfb, software GL):
on the attract screen, on the Home screen after Enter, and on the tour's first page (Tab
to "Start the guided tour", Home's eighth control, and Enter), both static screens.

python -m bench.idle    (needs xvfb-run and xdotool; prints a table)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.kiosk import compile_kiosk

ROOT = Path(__file__).resolve().parent.parent
SETTLE_S = 8.0  # start-up, then the voice search 3 s after the first frame
WINDOW_S = 20.0  # each measurement; the figure is scaled to a minute
RUNS = 3
TARGETS = {"attract screen": 2.0, "Home screen (static)": 0.5, "a page (static)": 0.5}  # %
KEYS = {"Home screen (static)": ["Return"], "a page (static)": ["Tab"] * 8 + ["Return"]}


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _share(pid: int) -> float:
    """% of one core over WINDOW_S seconds."""
    before, start = _cpu_seconds(pid), time.monotonic()
    time.sleep(WINDOW_S)  # a benchmark's measuring window, not a test's wait
    return 100 * (_cpu_seconds(pid) - before) / (time.monotonic() - start)


def measure_once(data: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "KIOSK_PATHS_DATA_DIR": str(data),
           "KIOSK_PATHS_LOG_DIR": str(data / "log")}  # fmt: skip
    env.pop("QT_QUICK_BACKEND", None)
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--content", str(ROOT / "content"), "--windowed",
         "--size", "1080x1920"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(SETTLE_S)
        found = {"attract screen": _share(kiosk.pid)}
        # The only window there (no window manager): its keys go to it.
        for screen, keys in KEYS.items():
            subprocess.run(["xdotool", "key", *keys], check=True, env=env, timeout=30)
            time.sleep(SETTLE_S / 2)
            found[screen] = _share(kiosk.pid)
        return found
    finally:
        kiosk.terminate()
        kiosk.wait(20)


def main() -> None:
    if "DISPLAY" not in os.environ:  # run itself again inside a virtual X server
        if not (shutil.which("xvfb-run") and shutil.which("xdotool")):
            print("bench.idle: needs xvfb-run and xdotool (apt-get install xvfb xdotool)")
            return
        subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1080x1920x24", sys.executable, "-m",
                        "bench.idle"], cwd=ROOT, check=True)  # fmt: skip
        return
    compile_kiosk()
    runs = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as data:
            runs.append(measure_once(Path(data)))
    print(
        f"CPU on an idle screen, Xvfb with software GL (median of {RUNS} runs of "
        f"{WINDOW_S:.0f} s)\n"
    )
    print(f"{'screen':22}  {'% of a core':>11}  target")
    print(f"{'-' * 22}  {'-' * 11}  ------")
    for name, target in TARGETS.items():
        share = statistics.median(run[name] for run in runs)
        print(f"{name:22}  {share:10.2f}%  <= {target}%  {'ok' if share <= target else 'MISSED'}")
    print()


if __name__ == "__main__":
    main()
