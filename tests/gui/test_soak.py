"""An afternoon of patients in a few minutes: memory and references stay flat; and a
day's page switches and resets on content as installed (rendered when opened)."""

from __future__ import annotations

import gc
import os
import resource
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.frames import wait_for_frame
from kiosk.bridge.walk import settle
from kiosk.bundles.store import render_check
from kiosk.content.loader import read_bundle
from kiosk.session.navigation import every_location
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import open_kiosk

SWITCHES, RESET_EVERY, FIRST = 10_000, 10, 100  # 1,000 resets; measured from the 100th
MOST_GROWTH = 2.0  # %

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


@pytest.fixture
def installed_kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[Kiosk]:
    """The sample in both languages as an install leaves it: its pages read back as the
    install rendered them."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    render_check(content)
    kiosk = open_kiosk(qtbot, read_bundle(content, trusted=True))
    yield kiosk
    kiosk.window.close()


def _resident_mb() -> float:
    gc.collect()
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.soak
def test_a_days_page_switches_and_resets_grow_memory_by_at_most_two_percent(
    installed_kiosk: Kiosk,
) -> None:
    kiosk = installed_kiosk
    bundle = kiosk.result.bundle
    assert bundle is not None
    pages = list(bundle.pages)
    resets = 0
    before = 0.0
    for switch in range(1, SWITCHES + 1):
        assert kiosk.navigation.openPage(pages[switch % len(pages)])
        wait_for_frame(kiosk.window)
        if switch % RESET_EVERY == 0:  # "I'm done"; every other patient reads Spanish
            kiosk.session.done()
            resets += 1
            if resets % 2:
                kiosk.language.choose("es-US")
            settle()
        if switch == FIRST:
            before = _resident_mb()

    after = _resident_mb()
    growth = 100 * (after - before) / before
    print(
        f"\nresident memory after {FIRST} page switches {before:.1f} MB; after {SWITCHES:,} "
        f"and {resets:,} resets {after:.1f} MB: {growth:+.2f}% (at most {MOST_GROWTH}%)"
    )
    assert resets == SWITCHES // RESET_EVERY
    assert growth <= MOST_GROWTH
