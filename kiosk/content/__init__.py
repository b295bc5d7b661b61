"""Content bundles: load, render and check the pages patients read."""

from kiosk.content.loader import load_bundle, read_bundle
from kiosk.content.model import Bundle, Clinic, Page, Reference, Topic
from kiosk.content.problems import BundleError, Problem, Severity

__all__ = [
    "Bundle",
    "BundleError",
    "Clinic",
    "Page",
    "Problem",
    "Reference",
    "Severity",
    "Topic",
    "load_bundle",
    "read_bundle",
]
