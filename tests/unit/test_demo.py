"""`make run`'s demo: a clinic key made on first run, so the form works, and the README's way
to read what was sent."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.outbox.keys import read_public_key
from kiosk.outbox.store import Outbox
from tests.conftest import REPO
from tests.unit.outbox.conftest import a_request

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def make(target: str, demo: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    return subprocess.run(["make", "--no-print-directory", f"DEMO={demo}", target], cwd=REPO,
                          env=environment, capture_output=True, text=True, check=False,
                          timeout=300)  # fmt: skip


@needs_make
def test_the_demo_takes_a_request_and_the_readme_way_opens_it(tmp_path: Path) -> None:
    demo = tmp_path / "demo"

    made = make(f"{demo}/kiosk.toml", demo)

    assert made.returncode == 0, made.stdout + made.stderr
    assert "staff PIN 246810 (demo only)" in made.stdout
    key = read_public_key(demo / "data" / "clinic.pub")
    with Outbox.open(demo / "data", key, kiosk_id="demo") as outbox:  # as the demo kiosk does
        outbox.submit(a_request(name="Demo Patient"))
    opened = make("demo-requests", demo)
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert "name:           Demo Patient" in opened.stdout
    assert "kiosk:          demo" in opened.stdout
    again = make(f"{demo}/kiosk.toml", demo)
    assert "keys new" not in again.stdout  # made once: the next `make run` keeps it
