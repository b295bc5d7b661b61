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


def test_the_package_says_the_version_the_kiosk_knows_without_reading_it() -> None:
    """pyproject.toml takes the version from kiosk/version.py, so the kiosk need not read
    its package metadata to know it (that costs its start tens of milliseconds)."""
    from importlib import metadata

    from kiosk.version import APP_VERSION

    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert settings["project"]["dynamic"] == ["version"]
    assert settings["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "kiosk.version.APP_VERSION"
    }
    assert metadata.version("clinic-kiosk") == APP_VERSION
