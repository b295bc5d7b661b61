"""What the first frame must not wait for: PySide builds some parts of Qt lazily, and
building them before the attract screen is up costs tens of milliseconds at every start
(measured by `make bench`; this keeps the known costs out of the kiosk's imports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PROBE = """
import argparse, os, sys
import PySide6.QtCore as core
from kiosk.app import Kiosk
from kiosk.bridge.window import present, start_qt
from kiosk.config import load_config
from kiosk.content.loader import read_bundle
from kiosk.launcher import sample_content

app = start_qt("kiosk", offscreen=True)
config = load_config(None, os.environ)
kiosk = Kiosk(read_bundle(sample_content()), config=config)  # all before the first frame
present(kiosk.window, app, argparse.Namespace(windowed=False, size=None), config)
print("ready:", kiosk.ready)
print("Qt namespace built:", "Qt" in vars(core))
print("metadata read:", "importlib.metadata" in sys.modules)
"""


def test_up_to_the_first_frame_no_qt_namespace_is_built_and_no_package_metadata_read(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "KIOSK_PATHS_DATA_DIR": str(tmp_path / "data"),
           "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log"), "KIOSK_DISPLAY_HIDE_CURSOR": "true",
           "KIOSK_DISPLAY_FULLSCREEN": "true"}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                            text=True, check=True, env=env)  # fmt: skip

    assert result.stdout.splitlines() == [
        "ready: True",
        "Qt namespace built: False",
        "metadata read: False",
    ]
