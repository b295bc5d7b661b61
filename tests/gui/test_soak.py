"""An afternoon of patients in a few minutes: memory and references stay flat."""

from __future__ import annotations

import resource
import sys

import pytest

from kiosk.app import Kiosk
from kiosk.bridge.frames import wait_for_frame
from kiosk.bridge.walk import settle
from kiosk.session.navigation import every_location

ROUNDS = 200  # 200 walks over all 27 screens: about 5,400 screen changes


@pytest.mark.soak
def test_thousands_of_screen_changes_leave_memory_and_references_flat(kiosk: Kiosk) -> None:
    bundle = kiosk.result.bundle
    assert bundle is not None
    locations = every_location(bundle.tour, list(bundle.pages), [t.id for t in bundle.topics])

    def walk() -> None:
        for location in locations:
            kiosk.navigation.go_to(location)
            wait_for_frame(kiosk.window)
        kiosk.display.setTextStep(2)
        kiosk.display.setHighContrast(True)
        kiosk.navigation.reset()
        kiosk.display.reset()
        settle()

    walk()  # the first walk builds caches: measure from here
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    true_before = sys.getrefcount(True)

    for _ in range(ROUNDS):
        walk()

    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < 20, f"peak memory grew {grown_mb:.1f} MB"
    assert abs(sys.getrefcount(True) - true_before) < 50
