"""Worker processes for the pipeline's per-page work (rendering, reading-level checks),
so `kiosk-admin bundle validate`, `build` and `install` use every core of the machine.

Only kiosk-admin makes a pool. The kiosk renders in its own process: a kiosk installing
an update in the background leaves the other core to the screen, and a process with Qt's
threads running must not fork. Small jobs, and systems with no `fork`, stay in this
process; a pool that loses a worker (killed, out of memory) is logged and the work done
here instead, so a command never hangs or fails for want of a process.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # multiprocessing is imported when a pool starts: the kiosk never needs it
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger("kiosk.content")

In = TypeVar("In")
Out = TypeVar("Out")

WORTH_A_POOL = 48  # items: below this, starting the processes costs more than it saves
CHUNKS_PER_PROCESS = 4  # enough to even out pages of different lengths


def usable_cores() -> int:
    """The cores this process may run on (`taskset` or a container's cpuset may allow
    fewer; a CPU quota, such as docker's --cpus, is not seen here)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """Runs a job over many items, in `processes` worker processes or in this one.

    Use as a context manager; the pool starts with the first job big enough for it.
    A job and its items must pickle: a module's function, or a bound method of an
    object that pickles (kiosk.content.render.Renderer does).
    """

    def __init__(self, processes: int = 1) -> None:
        self.processes = processes if hasattr(os, "fork") else 1
        self._pool: ProcessPoolExecutor | None = None

    def map(self, job: Callable[[In], Out], items: Iterable[In]) -> list[Out]:
        """`job` of each item, in order."""
        items = list(items)
        if self.processes < 2 or len(items) < WORTH_A_POOL:
            return [job(item) for item in items]
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, len(items) // (self.processes * CHUNKS_PER_PROCESS))
        try:
            return list(self._started().map(job, items, chunksize=chunk))
        except BrokenProcessPool as exc:
            log.warning("a worker process stopped (%s): doing the rest in one process", exc)
            self.close()
            self.processes = 1
            return [job(item) for item in items]

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(self.processes, mp_context=context)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


ONE_PROCESS = Workers(1)  # no pool: every job runs here (the kiosk's own use)
