"""The background update worker: waits that vary and back off, a failure logged when it
changes (not at every check), a check that raises does not end it, a random first wait."""

from __future__ import annotations

import logging
import random
import threading

import pytest

from kiosk.bundles.update_worker import UpdateWorker, next_wait
from kiosk.bundles.updates import UpdateCheck
from tests.waiting import wait_until


def test_waits_vary_by_ten_percent_and_back_off_after_failures() -> None:
    rng = random.Random(7)
    hour = 3600.0

    waits = [next_wait(hour, 0, rng) for _ in range(1000)]
    assert min(waits) >= 0.9 * hour
    assert max(waits) <= 1.1 * hour
    assert len({round(w) for w in waits}) > 100  # spread, not one value

    assert 1.8 * hour <= next_wait(hour, 1, rng) <= 2.2 * hour
    assert 3.6 * hour <= next_wait(hour, 2, rng) <= 4.4 * hour
    assert 3.6 * hour <= next_wait(hour, 9, rng) <= 4.4 * hour  # at most four intervals


def test_the_worker_logs_a_failure_when_it_changes_not_every_time(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.bundles")
    outcomes = iter(
        [UpdateCheck("offline", "connection refused")] * 3
        + [UpdateCheck("failed", "the server answered 404 Not Found")] * 2
        + [UpdateCheck("unchanged")] * 2
    )
    done = threading.Event()
    results: list[UpdateCheck] = []

    def next_check() -> UpdateCheck:
        result = next(outcomes, None)
        if result is None:
            done.set()
            return UpdateCheck("unchanged")
        results.append(result)
        return result

    worker = UpdateWorker(next_check, every=0.001, start_delay=0)
    worker.start()
    assert done.wait(20)
    worker.stop()

    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "kiosk.bundles"]
    assert lines[:3] == [
        ("WARNING", "content update check did not work: offline: connection refused"),
        ("WARNING", "content update check did not work: failed: the server answered 404 Not Found"),
        ("INFO", "content update checks work again: unchanged"),
    ]


def test_the_worker_survives_a_check_that_raises(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def broken() -> UpdateCheck:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return UpdateCheck("unchanged")

    worker = UpdateWorker(broken, every=0.001, start_delay=0)
    worker.start()
    wait_until(lambda: len(calls) >= 2, "a second check after the first raised")
    worker.stop()

    assert "content update check failed" in caplog.text
    assert worker.failures == 0


def test_the_first_check_waits_a_random_time_up_to_the_start_delay() -> None:
    def never() -> UpdateCheck:
        raise AssertionError("not started")

    waits = [UpdateWorker(never, start_delay=900, rng=random.Random(n)).first_wait
             for n in range(200)]  # fmt: skip

    assert all(0 <= wait <= 900 for wait in waits)
    assert max(waits) - min(waits) > 700  # spread over the quarter hour
    checked = threading.Event()

    def record() -> UpdateCheck:
        checked.set()
        return UpdateCheck("unchanged")

    worker = UpdateWorker(record, every=3600, start_delay=0.05)
    worker.start()
    assert checked.wait(20)  # and the first check does come, after that wait
    worker.stop()
