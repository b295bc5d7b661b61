"""Waiting for something to happen in another thread or process, with a generous deadline."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

LOOK_EVERY = 0.01  # seconds between looks at state another process changes


def wait_until(happened: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    """Return as soon as `happened()` is true; fail after `timeout` seconds, naming `what`.

    For state with no signal to wait on (a file another process writes, a port
    it opens), it looks again every LOOK_EVERY seconds: never a fixed sleep that
    assumes how fast the other side is.
    """
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not happened():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        pause.wait(LOOK_EVERY)
