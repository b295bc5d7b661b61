"""Shared fixtures; Qt runs offscreen with the software Quick backend."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
SAMPLE_CONTENT = REPO / "content"

MakeBundle = Callable[..., Path]


@pytest.fixture
def make_bundle(tmp_path: Path) -> MakeBundle:
    """A copy of tests/data/good, with the files of tests/data/<overlay> laid over it."""

    def make(overlay: str | None = None) -> Path:
        root = tmp_path / "content"
        shutil.copytree(DATA / "good", root)
        if overlay is not None:
            shutil.copytree(DATA / overlay, root, dirs_exist_ok=True)
        return root

    return make
