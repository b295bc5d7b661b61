"""Installed content follows the kiosk's installs: newer content is swapped in when nobody
is using the kiosk (on the attract screen, at once after a reset, or within half a
minute); content that will not load is rolled back once, not tried again and again."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from kiosk.bundles import pointer
from kiosk.bundles.errors import BundleRefused
from kiosk.content.loader import LoadResult, read_logged
from kiosk.session.navigation import Screen

if TYPE_CHECKING:
    from kiosk.app import Kiosk

log = logging.getLogger("kiosk.app")

LOOK_EVERY_MS = 30_000  # how often the attract screen looks for newly installed content


class ContentFollower:
    def __init__(self, kiosk: Kiosk) -> None:
        self._kiosk = kiosk
        self.timer: QTimer | None = None
        self._not_shown: set[tuple[str, int]] = set()  # installed, but would not load

    def note_showing(self) -> None:
        """Say what is on show (for `bundle list`, the staff screen and the metrics), and
        start looking for newer content."""
        kiosk, bundle = self._kiosk, self._kiosk.result.bundle
        if bundle is None:
            return
        kiosk.showing = pointer.Showing(bundle.id, bundle.version, str(bundle.root))
        pointer.record_showing(kiosk.config.path("paths.data_dir"), bundle.id, bundle.version,
                               bundle.root)  # fmt: skip
        if self.timer is None:
            self.timer = QTimer(kiosk.engine, interval=LOOK_EVERY_MS)
            self.timer.timeout.connect(self.look)
            self.timer.start()

    def look(self) -> None:
        """On the attract screen (nobody reading), show a newly installed bundle."""
        kiosk = self._kiosk
        if kiosk.navigation.property("screen") != Screen.ATTRACT or kiosk.result.bundle is None:
            return
        installed = pointer.active(kiosk.config.path("paths.data_dir"))
        if installed is None or installed.path == kiosk.result.bundle.root:
            return
        if (installed.id, installed.version) in self._not_shown:
            return
        result = read_logged(installed.path, log, trusted=True)  # its install checked it
        if result.bundle is None:
            self._not_shown.add((installed.id, installed.version))
            self._roll_back(installed)
            return
        self._show(result)
        self.note_showing()
        log.info("now showing %s version %d", result.bundle.id, result.bundle.version)

    def _show(self, result: LoadResult) -> None:
        """Swap the new content in: its bridges replace the old ones on every screen."""
        from kiosk.bridge.editions import Editions
        from kiosk.session.navigation import Navigator

        kiosk, bundle = self._kiosk, result.bundle
        assert bundle is not None
        old = kiosk.editions
        kiosk.result = result
        kiosk.editions = Editions(result, kiosk.engine)
        kiosk.navigator = Navigator.of(bundle)
        kiosk.form.offer_topics({topic.id for topic in bundle.topics})
        kiosk.staff.show_bundle(bundle)
        kiosk.language.offer(kiosk.editions.languages())  # its default: content, voice, words
        kiosk.navigation.follow(kiosk.navigator)
        old.drop()

    def _roll_back(self, installed: pointer.Installed) -> None:
        from kiosk.bundles import store  # only when something went wrong

        shown = self._kiosk.result.bundle
        try:
            store.rollback(self._kiosk.config.path("paths.data_dir"))
        except (BundleRefused, OSError) as exc:
            log.error("new content %s version %d does not load, and going back failed (%s): "
                      "still showing version %d", installed.id, installed.version, exc,
                      shown.version if shown else 0)  # fmt: skip
            return
        log.error("new content %s version %d does not load; went back to the version before",
                  installed.id, installed.version)  # fmt: skip
