"""The pipeline's worker processes: the same findings as one process, and no hang or
failure when a worker dies."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import pytest

from kiosk.content import workers
from kiosk.content.validate import validate
from kiosk.content.workers import Workers

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 12, 1)
PARENT = os.getpid()


def _pid(_: int) -> int:
    return os.getpid()


def _doubled_unless_worker_three(n: int) -> int:
    if n == 3 and os.getpid() != PARENT:
        os._exit(9)  # as the out-of-memory killer would
    return 2 * n


@pytest.mark.parametrize("content", ["content", "tests/data/broken-link", "tests/data/spanish"])
def test_worker_processes_find_what_one_process_finds(
    content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "WORTH_A_POOL", 2)  # these bundles are small
    alone = validate(ROOT / content, TODAY)

    with Workers(2) as two:
        shared = validate(ROOT / content, TODAY, two)

    assert shared.problems == alone.problems
    assert shared.pages == alone.pages
    assert alone.problems or alone.pages


def test_a_big_job_runs_in_other_processes() -> None:
    with Workers(2) as two:
        pids = set(two.map(_pid, range(workers.WORTH_A_POOL)))

    assert PARENT not in pids


def test_a_small_job_runs_here() -> None:
    with Workers(2) as two:
        assert set(two.map(_pid, range(3))) == {PARENT}


def test_a_worker_that_dies_leaves_its_work_to_this_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    items = range(workers.WORTH_A_POOL)

    with Workers(2) as two, caplog.at_level(logging.WARNING, "kiosk.content"):
        done = two.map(_doubled_unless_worker_three, items)
        again = two.map(_pid, items)

    assert done == [2 * n for n in items]
    assert "a worker process stopped" in caplog.text
    assert set(again) == {PARENT}  # and the rest of the command stays here
