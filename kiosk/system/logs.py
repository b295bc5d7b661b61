"""The kiosk's log: standard error and a rotating file, plus a crash file for faulthandler.

A frozen, windowed build has no standard error worth keeping, so the file is
what IT reads. Nothing a patient typed is ever logged (only request ids).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from typing import IO

LOG_FILE = "kiosk.log"
CRASH_FILE = "crash.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5


def start_logging(log_dir: Path | None) -> IO[str] | None:
    """Log to standard error and, when `log_dir` can be written, to files in it.

    Returns the crash file that faulthandler writes to; keep it open.
    """
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(console)
    if log_dir is None:
        return None
    from logging.handlers import RotatingFileHandler  # only when there is a file to rotate

    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file = RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        crash = (log_dir / CRASH_FILE).open("a", encoding="utf-8")
    except OSError as exc:
        logging.getLogger("kiosk.system").warning(
            "no log file in %s (%s): logging to standard error only", log_dir, exc.strerror
        )
        return None
    file.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(file)
    faulthandler.enable(file=crash)
    return crash
