"""The bundle error, importable without the cryptography and zip code."""

from __future__ import annotations


class BundleRefused(Exception):
    """The bundle is not installed; the message says why, for staff."""


class InstallFailed(BundleRefused):
    """The bundle may be fine, but this machine could not install it now (disk space, a file
    changed under the install); another try may work."""
