"""Waiting for something to happen in another thread or process, with a generous deadline."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(happened: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    """Return as soon as `happened()` is true; fail after `timeout` seconds, naming `what`."""
    deadline = time.monotonic() + timeout
    while not happened():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.01)
