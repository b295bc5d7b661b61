"""Composition root: build the kiosk's objects in order and run the chosen mode.

Start-up order:
1. Parse the command line (kiosk.launcher); with no screen, say so in one line and stop.
2. Start Qt (kiosk.bridge.window): offscreen for the offscreen modes, the house style and font.
3. Read the settings; broken ones are logged and shown to staff instead of the kiosk.
4. Choose and load the content (kiosk.bundles.choice): if it fails, log every reason and show
   the bundle before it, or the calm "being updated" window when there is none.
5. Build the session (navigation, display choices, idle policy on its clock) and the bridges
   over it, and hand them to Main.qml as required properties.
6. Run: full screen or a window, or the self-test or screenshots (kiosk.bridge.modes).
7. After the first frame (kiosk.bridge.services): the search for a read-aloud voice, the
   contact-request outbox (the form stays off without the clinic's key), delivery, update
   checks, the metrics file, the clock watch and systemd's pings.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import launcher
from kiosk.bridge.contact_form import ContactFormBridge
from kiosk.bridge.display import DisplayBridge
from kiosk.bridge.editions import Editions
from kiosk.bridge.following import ContentFollower
from kiosk.bridge.language import LanguageBridge, Translators
from kiosk.bridge.modes import refuse_bad_settings, run_offscreen
from kiosk.bridge.navigation import NavigationBridge
from kiosk.bridge.recovery import Recovery
from kiosk.bridge.services import open_outbox, start_services
from kiosk.bridge.session import SessionBridge
from kiosk.bridge.speech import SpeechBridge
from kiosk.bridge.staff import StaffBridge
from kiosk.bridge.usage import UsageBridge
from kiosk.bridge.walk import QtMessages
from kiosk.bridge.window import being_updated, load_view, present, shown_window, start_qt
from kiosk.bundles import pointer
from kiosk.bundles.choice import choose_content, fell_back, is_installed
from kiosk.bundles.errors import BundleRefused
from kiosk.config import Config, ConfigError, load_config
from kiosk.content.loader import LoadResult, read_logged
from kiosk.content.model import Bundle
from kiosk.health.live import Live
from kiosk.i18n.catalogue import DEFAULT
from kiosk.session.display import DisplayChoices
from kiosk.session.idle import Clock, IdlePolicy, IdleTimes, ManualClock
from kiosk.session.navigation import Location, Navigator
from kiosk.session.staff_console import StaffConsole
from kiosk.system.logs import start_logging
from kiosk.usage.counter import UsageCounter
from kiosk.usage.events import Event

log = logging.getLogger("kiosk.app")


class Kiosk:
    """Everything one running kiosk holds, built in the documented order."""

    @staticmethod
    def quit_app(status: int) -> None:
        """How the kiosk ends itself (staff's Restart and Exit). Tests put a recorder here:
        exit() outside exec() also ends at once every event loop started afterwards."""
        QGuiApplication.exit(status)  # (not read at import: that costs PySide ~20 ms)

    def __init__(
        self,
        result: LoadResult,
        clock: Clock = time.monotonic,
        config: Config | None = None,
        follow_installed: bool = False,
        start_on: Location | None = None,
    ) -> None:
        """`start_on`: the screen the kiosk opens on (an author's preview: the page being
        written), built first instead of the attract screen; the attract screen if None."""
        self.engine = QQmlApplicationEngine()
        self.result = result
        self.clock = clock
        self.config = config or load_config(None, os.environ)
        self.ready = False  # True once the kiosk itself, not the fallback, is showing
        self.outbox_note = ""  # set when a damaged outbox was set aside at start
        self.showing: pointer.Showing | None = None  # kept current by the follower
        # Showing the installed content: newer installs are swapped in at a reset.
        self.follower = ContentFollower(self) if follow_installed else None
        bundle = result.bundle
        if bundle is not None:
            self._build(bundle)
            if start_on is not None and not self.navigation.go_to(start_on):
                log.warning("cannot open on %s: there is no such screen", start_on)
            self.ready = load_view(self.engine, "Main.qml")
        if self.ready:
            self.session.watch(self.window)
            if self.follower is not None:
                self.navigation.changed.connect(self.follower.look)
        else:
            why = "the content has errors" if not bundle else "the kiosk's screens failed to load"
            log.error("%s; showing the 'being updated' screen", why)
            Translators.shared().show(DEFAULT)  # its title: not the last patient's language
            self.engine.setInitialProperties({"notices": being_updated()})
            load_view(self.engine, "Unavailable.qml")

    def _build(self, bundle: Bundle) -> None:
        """The session over the bundle, its bridges, and Main.qml's required properties."""
        self.showing = pointer.Showing(bundle.id, bundle.version, str(bundle.root))
        self.navigator = Navigator.of(bundle)
        # Children of the engine, so QML is torn down before the objects it reads.
        self.editions = Editions(self.result, self.engine)
        self.content = self.editions.bridge(bundle.language)
        self.language = LanguageBridge(self.editions.languages(), self.engine, self.engine)
        self.language.follow(self._show_language)
        self.navigation = NavigationBridge(self.navigator, self.engine)
        self.display = DisplayBridge(DisplayChoices(), self.engine)
        self.form = ContactFormBridge({topic.id for topic in bundle.topics}, self.engine)
        times = IdleTimes.of(self.config)
        idle = IdlePolicy(self.clock, times)
        self.speech = SpeechBridge(bundle.language, self.config.text("speech.engine"),
                                   self.navigation, self.engine, bundle.languages)  # fmt: skip
        self.usage = self._usage_bridge(times)
        forget = (self.usage, self.speech, self.language)  # with the screens, at a reset
        self.session = SessionBridge(idle, self.navigation, self.display, self.engine,
                                     also_forget=forget)  # fmt: skip
        self.speech.sentenceStarted.connect(self.session.stillHere)  # someone is listening
        self.session.startingOver.connect(self.usage.starting_over)
        self.staff = self._staff_bridge(bundle)
        self.engine.setInitialProperties(
            {"content": self.content, "navigation": self.navigation, "display": self.display,
             "form": self.form, "session": self.session, "staff": self.staff,
             "speech": self.speech, "language": self.language, "usage": self.usage,
             "iconDir": QUrl.fromLocalFile(str(launcher.RESOURCES / "icons"))}
        )  # fmt: skip

    def _usage_bridge(self, times: IdleTimes) -> UsageBridge:
        """Counts of what patients use (kiosk.usage), if the settings have them on; the
        counts are written from when the services start (start_services). A page left
        until the idle reset was read until the last touch, `times` before it."""
        config = self.config
        counter = (UsageCounter(config.path("paths.data_dir"), config.number("usage.keep_days"))
                   if config.flag("usage.enabled") else None)  # fmt: skip
        usage = UsageBridge(counter, self.navigation, lambda: self.content.property("language"),
                            self.engine, self.clock, times.reading + times.warning)  # fmt: skip
        self.speech.readingStarted.connect(usage.read_aloud)
        self.form.saved.connect(lambda: usage.count(Event.CONTACT_SENT))
        return usage

    def _show_language(self, language: str) -> None:
        """The patient chose `language` (or a reset went back to the default): its content
        on every screen, its voice, its words on the form."""
        self.content = self.editions.bridge(language)
        self.speech.use_language(self.content.property("language"))
        self.form.use_language(language)
        if self.ready:
            self.window.setProperty("content", self.content)

    def _staff_bridge(self, bundle: Bundle) -> StaffBridge:
        def shown() -> Bundle:
            return self.result.bundle or bundle

        def titles() -> dict[str, str]:  # to name the pages of the usage counts by
            return {page_id: page.title for page_id, page in shown().pages.items()}

        console = StaffConsole.of(self.config, lambda: shown().root, self._health, titles)
        staff = StaffBridge(console, self.navigation, self.engine)
        staff.exitRequested.connect(self._staff_exit)
        staff.restartRequested.connect(lambda: self.quit_app(0))
        return staff

    def live(self) -> Live:
        """What the running kiosk knows of itself, for the staff screen and the metrics."""
        saved, bundle = self.form.save_failure if self.ready else "", self.result.bundle
        speech = self.speech.found if self.ready else None
        return Live(self.showing, self.outbox_note, saved, bundle.drafts if bundle else 0,
                    speech=speech.line() if speech else "",
                    speech_available=bool(speech and speech.available))  # fmt: skip

    def _health(self) -> tuple[list[list[str]], list[str]]:
        from kiosk.health.report import gather_running  # on the staff screen, not at start
        from kiosk.health.text import for_staff

        return for_staff(gather_running(self.config, self.live()))

    def _staff_exit(self) -> None:
        """Staff chose Exit: let the window close, and ask the service not to restart."""
        self.window.setProperty("exitAllowed", True)
        self.quit_app(launcher.EXIT_BY_STAFF)

    @property
    def window(self) -> QQuickWindow:
        """The window on show: the kiosk, or the 'being updated' fallback."""
        return shown_window(self.engine)


def main(argv: Sequence[str]) -> int:
    options = launcher.parse_options(argv)
    offscreen = options.self_test or options.screenshots is not None or bool(options.screenshot)
    cannot = None if offscreen else launcher.no_screen(os.environ, sys.platform)
    if cannot:
        print(cannot, file=sys.stderr)
        return launcher.EXIT_NO_SCREEN
    app = start_qt(sys.argv[0] if sys.argv else "kiosk", offscreen)
    try:
        config = launcher.settings(options, os.environ)
    except ConfigError as exc:
        start_logging(None)
        return refuse_bad_settings(app, exc.problems, offscreen)
    if options.preview is not None:
        from kiosk.bridge.preview import run_preview  # an author's, not the kiosk's

        start_logging(None)
        return run_preview(app, options, config)
    crash_file = start_logging(None if offscreen else config.path("paths.log_dir"))
    with QtMessages() as messages:
        try:
            kiosk = build_kiosk(options, config, offscreen)
        except BundleRefused as exc:
            log.error("cannot show %s: %s", options.content, exc)
            print(f"kiosk: cannot show {options.content}: {exc}", file=sys.stderr)
            return 1
        if offscreen:
            return run_offscreen(kiosk, options, messages)
    status = run(kiosk, app, options, config)
    if crash_file is not None:
        crash_file.close()
    return status


def build_kiosk(options: argparse.Namespace, config: Config, offscreen: bool) -> Kiosk:
    """The kiosk on the content to show, or on the one before it if that fails to load."""
    # Offscreen runs keep their own time, so no idle reset can cut a walk short.
    clock: Clock = ManualClock() if offscreen else time.monotonic
    content = choose_content(options.content, config)
    follow = options.content is None and not config.text("content.bundle")
    # Installed content is trusted to render (its install proved it): its pages render
    # when first opened. A folder given with --content is checked whole, as validate does.
    trusted = follow and is_installed(content, config)
    kiosk = Kiosk(read_logged(content, log, trusted), clock, config, follow)
    if kiosk.result.bundle is None and fell_back(content, config):
        kiosk.engine.deleteLater()  # its "being updated" window was never shown
        before = choose_content(None, config)
        kiosk = Kiosk(read_logged(before, log, is_installed(before, config)), clock, config,
                      follow)  # fmt: skip
    if offscreen and kiosk.ready:
        kiosk.form.attach(open_outbox(config.path("paths.data_dir")))
    return kiosk


def run(kiosk: Kiosk, app: QGuiApplication, options: argparse.Namespace, config: Config) -> int:
    """Show the kiosk, start what follows the first frame, and run until it ends."""
    present(kiosk.window, app, options, config)
    if kiosk.ready:
        recovery = Recovery(kiosk.navigation, kiosk.engine)  # lives as long as exec() runs
        recovery.install(kiosk.engine)
    QTimer.singleShot(0, lambda: start_services(kiosk, app, config))
    if options.quit_after_first_frame:
        kiosk.window.frameSwapped.connect(app.quit)
        QTimer.singleShot(30_000, lambda: app.exit(1))  # no frame at all is a failure
    status = app.exec()
    if kiosk.ready:
        kiosk.usage.close()  # what was counted in the last second
    return status
