"""A renderer over a small bundle folder with a few media files and a secret beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.render import Renderer


@pytest.fixture
def renderer(tmp_path: Path) -> Renderer:
    media = tmp_path / "media"
    (media / "icons").mkdir(parents=True)
    for name in ("brain.svg", "icons/start.svg"):
        (media / name).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not media", encoding="utf-8")
    return Renderer(tmp_path, {"intro", "central-sensitization"})
