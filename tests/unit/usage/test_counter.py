"""Counting as the kiosk runs: every event once, written a second's worth at a time by a
thread that survives a failed write, and a kill at any moment never corrupts the file."""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

from kiosk.usage.counter import UsageCounter
from kiosk.usage.events import Event, read_time
from kiosk.usage.store import UsageStore

DAY = dt.date(2026, 11, 2)
KILLS = 20


def _total(data_dir: Path, event: Event = Event.PAGE_OPENED) -> int:
    store = UsageStore.open(data_dir, read_only=True)
    total = sum(t.count for t in store.totals() if t.event == event.value)
    store.close()
    return total


def test_every_event_from_every_thread_is_counted_once(tmp_path: Path) -> None:
    counter = UsageCounter(tmp_path, today=lambda: DAY)

    def tap() -> None:
        for _ in range(500):
            counter.count(Event.PAGE_OPENED, "crps", "en-US")

    threads = [threading.Thread(target=tap) for _ in range(4)]
    for thread in threads:
        thread.start()
    counter.write()  # mid-way: some now, the rest later
    for thread in threads:
        thread.join()
    counter.close()

    assert _total(tmp_path) == 2000


def test_a_failed_write_keeps_the_counts_for_the_next(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    data_dir.write_text("a file where the folder should be")
    counter = UsageCounter(data_dir, today=lambda: DAY)
    counter.count(Event.PAGE_OPENED, "crps", "en-US")

    assert not counter.write()
    assert "usage counts not written" in caplog.text
    data_dir.unlink()
    counter.count(Event.PAGE_OPENED, "crps", "en-US")
    assert counter.write()
    counter.close()
    assert _total(data_dir) == 2


def test_counts_older_than_the_kept_days_are_dropped(tmp_path: Path) -> None:
    store = UsageStore.open(tmp_path)
    store.add({("2025-01-01", "page opened", "crps", "en-US"): 7,
               ("2026-10-30", "page opened", "crps", "en-US"): 1})  # fmt: skip
    store.close()

    counter = UsageCounter(tmp_path, keep_days=30, today=lambda: DAY)
    counter.write()
    counter.close()

    assert _total(tmp_path) == 1


@pytest.mark.parametrize(("seconds", "event"), [(0, Event.READ_UNDER_10_S),
    (9.9, Event.READ_UNDER_10_S), (10, Event.READ_10_TO_60_S), (60, Event.READ_10_TO_60_S),
    (61, Event.READ_OVER_60_S)])  # fmt: skip
def test_reading_time_falls_in_one_of_three_spans(seconds: float, event: Event) -> None:
    assert read_time(seconds) == event


CHILD = """
import sys
from pathlib import Path
from kiosk.usage.counter import UsageCounter
from kiosk.usage.events import Event
counter = UsageCounter(Path(sys.argv[1]), every_s=0.05)
counter.start()
counted = 0
print("ready", flush=True)
for _ in sys.stdin:  # a batch at each line the test sends: the writer runs in between
    for _ in range(50):
        counter.count(Event.PAGE_OPENED, "crps", "en-US")
    counted += 50
    print(counted, counter.written, flush=True)
"""


def _batch(stdin: IO[str], stdout: IO[str]) -> str:
    """50 more counts: what the child has counted and written, as it says."""
    stdin.write("go\n")
    stdin.flush()
    return stdout.readline()


def test_a_kill_at_any_moment_keeps_what_was_written_and_a_sound_file(tmp_path: Path) -> None:
    rng = random.Random(17)
    total = 0
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], text=True,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
        assert child.stdin is not None
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"

        read, writes, seen = "", rng.randint(1, 4), "0"  # some writes, then any moment
        while writes:
            line = _batch(child.stdin, child.stdout)
            assert line, "the counting process ended by itself"
            read += line
            if line.split()[1] != seen:  # the writer goes on writing
                writes, seen = writes - 1, line.split()[1]
        read += "".join(_batch(child.stdin, child.stdout) for _ in range(rng.randint(0, 120)))
        child.stdin.write("go\n")  # one more batch under way as the kill lands
        child.stdin.flush()
        child.send_signal(signal.SIGKILL)  # mid-count, mid-write: wherever it is
        child.wait()
        said = (read + child.stdout.read()).split("\n")[:-1]  # whole lines only
        child.stdout.close()
        child.stdin.close()
        counted = int(said[-1].split()[0])  # then at most one more batch before the kill
        written = max(int(line.split()[1]) for line in said)  # each on disk when printed
        before = total
        total = _total(tmp_path)  # opened, checked (quick_check) and read
        assert before + written <= total <= before + counted + 50, f"kill {kill}"
