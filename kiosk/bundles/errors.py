"""The bundle error, importable without the cryptography and zip code."""

from __future__ import annotations


class BundleRefused(Exception):
    """The bundle is not installed; the message says why, for staff."""
