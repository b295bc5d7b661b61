"""The wheel holds every package and the sample content (pyproject.toml lists them by name)."""

from __future__ import annotations

import tomllib

from tests.conftest import REPO


def test_every_folder_of_the_package_is_in_the_wheel() -> None:
    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(settings["setuptools"]["packages"])
    folders = {
        ".".join(path.relative_to(REPO).parts)
        for path in [REPO / "kiosk", *(REPO / "kiosk").rglob("*")]
        if path.is_dir() and path.name != "__pycache__"
    }
    content = {
        "kiosk.sample_content." + ".".join(path.relative_to(REPO / "content").parts)
        for path in (REPO / "content").rglob("*")
        if path.is_dir()
    }

    assert listed == folders | content | {"kiosk.sample_content"}
    assert settings["setuptools"]["package-dir"] == {"kiosk.sample_content": "content"}
