"""An author's preview (`kiosk-admin preview FOLDER`, `kiosk --preview FOLDER`): the kiosk in
a window on a content source folder, shown again within a second of every saved change
and in the same place, under a banner that says what `kiosk-admin bundle validate` says
of the page on show (kiosk.content.preview reads the folder; PreviewBanner.qml shows it).

A save is heard from the file watcher; a burst of them (an editor writes a file in
several steps) is read once, on a thread of its own, so the window keeps moving. The page
saved last is the one shown; a folder that no longer loads at all keeps the last one that
did on show, under its problems. Nothing is counted, sent or kept: the kiosk's data is a
temporary folder, and its contact form saves into it."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication

from kiosk import launcher
from kiosk.app import Kiosk
from kiosk.bridge.following import swap_content
from kiosk.bridge.preview_banner import PreviewBridge, Shown, screenshot
from kiosk.bridge.services import VOICE_SEARCH_DELAY_MS, after_first_frame, attach_throwaway_form
from kiosk.config import Config
from kiosk.content.loader import LoadResult
from kiosk.content.memo import Memo
from kiosk.content.preview import Look, look_at
from kiosk.content.problems import Severity
from kiosk.session.authoring import place_after, tag_of
from kiosk.session.idle import ManualClock
from kiosk.session.navigation import Location, Screen

log = logging.getLogger("kiosk.preview")

QUIET_MS = 80  # a save is read once the files have been still this long


class Preview(QObject):
    """Signals: `loaded(look)`, from the reading thread to the window's; `shown()` once
    the last save is on screen (the tests and the benchmark wait for it)."""

    loaded = Signal(object)
    shown = Signal()

    def __init__(self, root: Path, config: Config, size: tuple[int, int],
                 terminal: bool = False) -> None:  # fmt: skip
        """`config`'s data folder holds the contact form's requests, which nobody can read
        (kiosk.bridge.services.attach_throwaway_form). `terminal`: say on standard error
        how each reading went, and its errors."""
        super().__init__()
        self.root, self._config, self._size, self._terminal = root, config, size, terminal
        self.banner = PreviewBridge(self)
        self.kiosk: Kiosk | None = None
        self.look: Look | None = None
        self._wanted = (Location(Screen.HOME), "")  # until the kiosk itself shows
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._saved)
        self._watcher.directoryChanged.connect(self._saved)
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._quiet.timeout.connect(self._read)
        self._saves: set[Path] = set()
        self._memo = Memo()  # what the last reading made, for the pages that did not change
        self._reading = self._again = self._closed = False  # (again: saved while read)
        self.loaded.connect(self._arrived)  # queued: it comes from the reading thread

    def open(self, at: Location, language: str) -> Kiosk:
        """Read the folder and make the kiosk on it, at `at` in `language`."""
        look = look_at(self.root, dt.date.today(), self._memo)
        self._report(look, 0.0)
        self.look = look
        kiosk = self._make(look.result, at, language)
        self._watch(look)
        return kiosk

    def close(self) -> None:
        """Stop listening, and the window and its kiosk go (before the banner's bridge,
        which they read); a reading still under way is dropped when it ends."""
        self._closed = True
        self._quiet.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self.banner.detach()
        if self.kiosk is not None:
            self.kiosk.window.close()
            self.kiosk.engine.deleteLater()
            self.kiosk = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def place(self) -> tuple[Location, str]:
        """Where the author is: the screen on show and its language."""
        kiosk = self.kiosk
        if kiosk is None or not kiosk.ready:
            return self._wanted
        return kiosk.navigation.location, kiosk.language.property("current")

    def _make(self, result: LoadResult, at: Location, language: str) -> Kiosk:
        self._wanted = (at, language)
        kiosk = Kiosk(result, ManualClock(), self._config, start_on=at)  # no idle resets
        if kiosk.ready:
            kiosk.language.choose(tag_of(language, kiosk.editions.languages().tags))
            kiosk.navigation.changed.connect(self._show_banner)
            kiosk.language.changed.connect(self._show_banner)
            attach_throwaway_form(kiosk, self._config.path("paths.data_dir"))
            after_first_frame(kiosk.window, VOICE_SEARCH_DELAY_MS, kiosk.speech.discover)
        self.kiosk = kiosk
        self.banner.attach(kiosk.window, self._size)
        self._show_banner()
        return kiosk

    @Slot(str)
    def _saved(self, path: str) -> None:
        self._saves.add(Path(path))
        self._quiet.start()  # (again: the files are not still yet)

    def _read(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading, saves = True, self._saves
        self._saves = set()
        threading.Thread(target=self._read_on_thread, args=(saves,), name="preview-read",
                         daemon=True).start()  # fmt: skip

    def _read_on_thread(self, saves: set[Path]) -> None:
        started = time.perf_counter()
        try:
            look = look_at(self.root, dt.date.today(), self._memo)
        except Exception:  # a bug must not leave the preview deaf to the next save
            log.exception("reading %s failed", self.root)
            look = None
        with contextlib.suppress(RuntimeError):  # the window closed while it was read
            self.loaded.emit((look, saves, time.perf_counter() - started))

    @Slot(object)
    def _arrived(self, arrived: tuple[Look | None, set[Path], float]) -> None:
        look, saves, took = arrived
        self._reading = False
        if self._closed:
            return
        if look is None:
            self.banner.failed(f"Reading {self.root} failed: the terminal says why. Save "
                               "again to try again.")  # fmt: skip
        else:
            self._report(look, took)
            self._take(look, saves)
            self._watch(look)  # new files and folders, and those an editor saved by renaming
        if self._again:  # saved again meanwhile: that is what the author is waiting for
            self._again = False
            self._read()
            return
        self.shown.emit()

    def _take(self, look: Look, saves: set[Path]) -> None:
        kiosk = self.kiosk
        assert kiosk is not None
        at, language = place_after(saves, self.look, look, *self.place())
        self.look = look
        if look.result.bundle is None:  # bundle.toml does not read: keep what did
            self._show_banner()
            return
        if not kiosk.ready:  # nothing loaded before: the kiosk itself, this time
            geometry, states = kiosk.window.geometry(), kiosk.window.windowStates()
            shown = self._make(look.result, at, language)
            shown.window.setGeometry(geometry)
            shown.window.setWindowStates(states)
            shown.window.show()
            kiosk.window.close()
            kiosk.engine.deleteLater()
            return
        swap_content(kiosk, look.result, at, language)
        self._show_banner()

    def _show_banner(self) -> None:
        kiosk, look = self.kiosk, self.look
        if kiosk is None or look is None:
            return
        at, language = self.place()
        stale = look.result.bundle is None and kiosk.ready
        self.banner.show(Shown(look, at, language, stale))
        named = kiosk.content.property("clinicName") if kiosk.ready else ""
        kiosk.window.setTitle(f"Preview of {self.root.name} — {named or 'the kiosk'}")

    def _watch(self, look: Look) -> None:
        """Every folder of the content and every file in it, as the reading found them:
        a save in place changes a file, a save by renaming (most editors) and a new file
        change its folder."""
        wanted = {str(path) for path in look.files}
        have = set(self._watcher.files()) | set(self._watcher.directories())
        if wanted - have:
            self._watcher.addPaths(sorted(wanted - have))

    def _report(self, look: Look, took: float) -> None:
        """A line on the terminal for each reading, and each error in the usual form."""
        if not self._terminal:
            return
        errors = [p for p in look.problems if p.severity is Severity.ERROR]
        for problem in errors:
            print(problem, file=sys.stderr)
        warnings = sum(p.severity is Severity.WARNING for p in look.problems)
        read = f" in {took:.2f} s" if took else ""
        print(f"preview: read {self.root}{read}: {len(errors)} errors, {warnings} warnings",
              file=sys.stderr, flush=True)  # fmt: skip


def run_preview(app: QGuiApplication, options: argparse.Namespace, config: Config) -> int:
    """`kiosk --preview FOLDER`: the live window, or `--screenshot FILE`; the exit status."""
    import signal

    from kiosk.bundles.preview import preview_folder

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal ends it at once
    data = preview_folder()  # gone at exit, or at the next start after a Ctrl+C
    environ = {**os.environ, "KIOSK_USAGE_ENABLED": "false", "KIOSK_PATHS_DATA_DIR": str(data)}
    options.data_dir = None  # the preview keeps nothing of what is done in it
    config = launcher.settings(options, environ)
    size = options.size or launcher.window_size(config.text("display.size"))
    preview = Preview(options.preview, config, size, terminal=True)
    at = Location(Screen.PAGE, options.page) if options.page else Location(Screen.HOME)
    kiosk = preview.open(at, options.lang or "")
    try:
        return _run(app, preview, kiosk, options)
    finally:
        preview.close()


def _run(app: QGuiApplication, preview: Preview, kiosk: Kiosk,
         options: argparse.Namespace) -> int:  # fmt: skip
    problem = _refused(preview, options)
    if problem:
        print(f"kiosk: {problem}", file=sys.stderr)
        return 1
    if options.screenshot:
        return screenshot(preview, options.screenshot)
    kiosk.window.show()
    return app.exec()


def _refused(preview: Preview, options: argparse.Namespace) -> str:
    """What is wrong with --page or --lang for this folder ("" if nothing)."""
    bundle = preview.look.result.bundle if preview.look else None
    if bundle is None:
        return ""  # the banner says why nothing shows
    if options.page and options.page not in bundle.pages:
        return (f"--page {options.page}: there is no page with that id in {preview.root}; "
                f"its pages are {', '.join(bundle.pages)}")  # fmt: skip
    languages = bundle.languages or (bundle.language,)
    if options.lang and not tag_of(options.lang, languages):
        return f"--lang {options.lang}: the content is in {', '.join(languages)}"
    return ""
