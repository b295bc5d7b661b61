"""This app's version, from the package metadata (one number for the build and the checks)."""

from __future__ import annotations

from importlib import metadata

try:
    APP_VERSION = metadata.version("clinic-kiosk")
except metadata.PackageNotFoundError:  # running from a folder that was never installed
    APP_VERSION = "0.0.0"
