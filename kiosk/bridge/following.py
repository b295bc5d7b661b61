"""Installed content follows the kiosk's installs: newer content is swapped in when nobody
is using the kiosk (on the attract screen, at once after a reset, or within half a
minute); content that will not load is rolled back once, not tried again and again.

The new content is read on a thread of its own, so the attract screen keeps moving while
it loads; the swap itself (new bridges for the screens) happens on the screen's thread
when it is ready, and only if nobody has started using the kiosk meanwhile."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.bundles import pointer
from kiosk.bundles.errors import BundleRefused
from kiosk.content.loader import LoadResult, read_logged
from kiosk.session.navigation import Location, Screen

if TYPE_CHECKING:
    from kiosk.app import Kiosk

log = logging.getLogger("kiosk.app")

LOOK_EVERY_MS = 30_000  # how often the attract screen looks for newly installed content


class ContentFollower(QObject):
    """Signals: `loaded(installed, result)`, from the loading thread to the screen's."""

    loaded = Signal(object, object)

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk.engine)  # goes with the engine: a late read is then dropped
        self._kiosk = kiosk
        self.timer: QTimer | None = None
        self._not_shown: set[tuple[str, int]] = set()  # installed, but would not load
        self._loading: pointer.Installed | None = None  # being read on its thread
        self._ready: tuple[pointer.Installed, LoadResult] | None = None  # read; not yet shown
        self.loaded.connect(self._arrived)  # queued: it is emitted on the loading thread

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

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def look(self) -> None:
        """On the attract screen (nobody reading), show a newly installed bundle: start
        reading it, or show it if it has been read."""
        installed = self._newer()
        if installed is None or self._loading is not None:
            return
        if self._ready is not None and self._ready[0] == installed:
            self._take(self._ready[1])
            return
        self._ready, self._loading = None, installed
        threading.Thread(target=self._load, args=(installed,), name="content-load",
                         daemon=True).start()  # fmt: skip

    def _newer(self) -> pointer.Installed | None:
        """The installed bundle, if it is not the one on show and the kiosk is idle."""
        kiosk = self._kiosk
        if kiosk.navigation.property("screen") != Screen.ATTRACT or kiosk.result.bundle is None:
            return None
        installed = pointer.active(kiosk.config.path("paths.data_dir"))
        if installed is None or installed.path == kiosk.result.bundle.root:
            return None
        if (installed.id, installed.version) in self._not_shown:
            return None
        return installed

    def _load(self, installed: pointer.Installed) -> None:
        """On the loading thread: read the bundle (its install checked it), never raise."""
        try:
            result = read_logged(installed.path, log, trusted=True)
        except Exception:  # a bug must not leave the follower waiting for ever
            log.exception("reading new content %s version %d failed", installed.id,
                          installed.version)  # fmt: skip
            result = LoadResult(None, {}, {}, [])
        try:
            self.loaded.emit(installed, result)
        except RuntimeError:  # the kiosk closed while it was read: nothing to show it on
            log.info("new content %s version %d was read after the kiosk closed",
                     installed.id, installed.version)  # fmt: skip

    @Slot(object, object)
    def _arrived(self, installed: pointer.Installed, result: LoadResult) -> None:
        """On the screen's thread: the read bundle, shown if the kiosk is still idle."""
        self._loading = None
        if result.bundle is None:
            self._not_shown.add((installed.id, installed.version))
            if pointer.active(self._kiosk.config.path("paths.data_dir")) == installed:
                self._roll_back(installed)  # (not if yet another install replaced it)
            return
        if self._newer() != installed:  # a patient started, or yet another install came
            self._ready = (installed, result)  # shown at the next look, if still the one
            return
        self._take(result)

    def _take(self, result: LoadResult) -> None:
        assert result.bundle is not None
        self._ready = None
        self._show(result)
        self.note_showing()
        log.info("now showing %s version %d", result.bundle.id, result.bundle.version)

    def _show(self, result: LoadResult) -> None:
        swap_content(self._kiosk, result)

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


def swap_content(kiosk: Kiosk, result: LoadResult, at: Location | None = None,
                 language: str = "") -> None:  # fmt: skip
    """Swap `result`'s content in: its bridges replace the old ones on every screen. The
    patient starts again on the attract screen, in the default language; an author's
    preview keeps its place instead: `at` (Home if it is gone), in `language`."""
    from kiosk.bridge.editions import Editions
    from kiosk.session.navigation import Navigator

    bundle = result.bundle
    assert bundle is not None
    old = kiosk.editions
    kiosk.result = result
    kiosk.editions = Editions(result, kiosk.engine)
    kiosk.navigator = Navigator.of(bundle)
    kiosk.form.offer_topics({topic.id for topic in bundle.topics})
    kiosk.staff.show_bundle(bundle)
    languages = kiosk.editions.languages()
    languages.choose(language)  # (no language, or one no longer offered: the default)
    kiosk.language.offer(languages)  # its content, voice and words
    kiosk.navigation.follow(kiosk.navigator, at)
    old.drop()
