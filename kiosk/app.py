"""Composition root: build the kiosk's objects in order and run the chosen mode.

Start-up order:
1. Parse the command line (kiosk.launcher); offscreen modes pick the offscreen
   platform before Qt starts.
2. Start Qt: the Basic Controls style, then the bundled font.
3. Load the content bundle. If it fails, log every reason and show the calm
   "being updated" window instead of the kiosk.
4. Build the session (navigation, display choices, idle policy on its clock)
   and the bridges over it, and hand them to Main.qml as required properties.
5. Run: full screen, a window, the self-test, screenshots, or one frame.
6. After the first frame (kiosk.bridge.services): open the contact-request
   outbox (the form stays off without the clinic's key) and start delivery,
   update checks, the metrics file and systemd's pings, each as it is set up.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import PySide6.QtQuick  # noqa: F401  (must be imported before engine.rootObjects())
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import launcher
from kiosk.bridge.contact_form import ContactFormBridge
from kiosk.bridge.content import ContentBridge
from kiosk.bridge.display import DisplayBridge
from kiosk.bridge.following import ContentFollower
from kiosk.bridge.modes import refuse_bad_settings, run_screenshots, run_self_test
from kiosk.bridge.navigation import NavigationBridge
from kiosk.bridge.recovery import Recovery
from kiosk.bridge.services import open_outbox, start_services
from kiosk.bridge.session import SessionBridge
from kiosk.bridge.staff import StaffBridge
from kiosk.bridge.walk import QtMessages, Walker
from kiosk.bridge.window import present, start_qt
from kiosk.bundles import pointer
from kiosk.bundles.choice import choose_content, fell_back
from kiosk.bundles.errors import BundleRefused
from kiosk.config import Config, ConfigError, default_config_file, load_config
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.model import Bundle
from kiosk.content.problems import Severity
from kiosk.health.live import Live
from kiosk.session.display import DisplayChoices
from kiosk.session.idle import Clock, IdlePolicy, IdleTimes, ManualClock
from kiosk.session.navigation import Navigator
from kiosk.session.staff import AuditLog, PinGate
from kiosk.session.staff_console import StaffConsole
from kiosk.system.logs import LOG_FILE, start_logging

log = logging.getLogger("kiosk.app")

EXIT_BY_STAFF = 64  # the service file's RestartPreventExitStatus: staff meant it
VIEWS, RESOURCES = launcher.VIEWS, launcher.RESOURCES


class Kiosk:
    """Everything one running kiosk holds, built in the documented order."""

    # How the kiosk ends itself (staff's Restart and Exit, after an update): tests put a
    # recorder here, as QCoreApplication.exit() outside exec() also ends at once every
    # event loop the process starts afterwards.
    quit_app: Callable[[int], None] = staticmethod(QGuiApplication.exit)

    @classmethod
    def from_path(
        cls,
        content: Path,
        clock: Clock = time.monotonic,
        config: Config | None = None,
        follow_installed: bool = False,
    ) -> Kiosk:
        result = read_bundle(content)
        for problem in result.problems:
            level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
            log.log(level, "%s", problem)
        if result.bundle is None:
            log.error("content at %s cannot be shown; showing the 'being updated' screen", content)
        return cls(result, clock, config, follow_installed)

    def __init__(
        self,
        result: LoadResult,
        clock: Clock = time.monotonic,
        config: Config | None = None,
        follow_installed: bool = False,
    ) -> None:
        self.engine = QQmlApplicationEngine()
        # When showing the installed bundle, a newer install is swapped in at a reset.
        self.follow_installed = follow_installed
        self.result = result
        self.clock = clock
        self.config = config or load_config(None, os.environ)
        self.ready = False  # True once the kiosk itself, not the fallback, is showing
        self.outbox_note = ""  # set when a damaged outbox was set aside at start
        self.showing: pointer.Showing | None = None  # (kept current by note_showing)
        self.follower: ContentFollower | None = None  # when following installed content
        bundle = result.bundle
        if bundle is None:
            self._load("Unavailable.qml")
            return
        self.showing = pointer.Showing(bundle.id, bundle.version, str(bundle.root))
        self.navigator = Navigator(bundle.tour, bundle.pages.keys(), [t.id for t in bundle.topics])
        # Children of the engine, so QML is torn down before the objects it reads.
        self.content = ContentBridge(bundle, result.rendered, self.engine)
        self.navigation = NavigationBridge(self.navigator, self.engine)
        self.display = DisplayBridge(DisplayChoices(), self.engine)
        topic_ids = {topic.id for topic in bundle.topics}
        self.form = ContactFormBridge(topic_ids, self.engine)
        times = IdleTimes(
            reading=self.config.number("session.idle_seconds"),
            form=self.config.number("session.form_idle_seconds"),
            warning=self.config.number("session.warning_seconds"),
        )
        self.session = SessionBridge(
            IdlePolicy(clock, times), self.navigation, self.display, self.engine
        )
        self.staff = self._staff_bridge(bundle)
        icons = RESOURCES / "icons"
        self.engine.setInitialProperties(
            {
                "content": self.content,
                "navigation": self.navigation,
                "display": self.display,
                "form": self.form,
                "session": self.session,
                "staff": self.staff,
                "iconDir": QUrl.fromLocalFile(str(icons)),
            }
        )
        self.ready = self._load("Main.qml")
        if self.ready:
            self.session.watch(self.window)
            if follow_installed:  # a newer install shows at the next reset
                self.follower = ContentFollower(self)
                self.navigation.changed.connect(self.follower.look)
        if not self.ready:
            log.error("the kiosk's screens failed to load; showing the 'being updated' screen")
            self._load("Unavailable.qml")

    def _staff_bridge(self, bundle: Bundle) -> StaffBridge:
        from kiosk.version import APP_VERSION

        log_dir = self.config.path("paths.log_dir")
        console = StaffConsole(
            PinGate(self.config.pin_file(), time.time),
            AuditLog(log_dir / "audit.log", time.time),
            self.config.path("paths.data_dir"),
            log_dir / LOG_FILE,
            content_root=lambda: self.result.bundle.root if self.result.bundle else bundle.root,
            health=self._health,
            app_version=APP_VERSION,
        )
        staff = StaffBridge(console, self.navigation, self.engine)
        staff.exitRequested.connect(self._staff_exit)
        staff.restartRequested.connect(lambda: self.quit_app(0))
        return staff

    def live(self) -> Live:
        """What the running kiosk knows of itself, for the staff screen and the metrics."""
        return Live(self.showing, self.outbox_note, self.form.save_failure if self.ready else "")

    def _health(self) -> tuple[list[list[str]], list[str]]:
        from kiosk.health.report import gather
        from kiosk.health.text import for_staff
        from kiosk.outbox.targets import delivery_summary
        from kiosk.version import APP_VERSION

        return for_staff(gather(self.config, APP_VERSION, delivery_summary(self.config),
                                self.live()))  # fmt: skip

    def show_result(self, result: LoadResult) -> None:
        """Swap newly loaded content in: its bridges replace the old ones on every screen."""
        bundle = result.bundle
        assert bundle is not None
        old = self.content
        self.result = result
        self.content = ContentBridge(bundle, result.rendered, self.engine)
        self.navigator = Navigator(bundle.tour, bundle.pages.keys(), [t.id for t in bundle.topics])
        self.form.offer_topics({topic.id for topic in bundle.topics})
        self.staff.show_bundle(bundle)
        self.window.setProperty("content", self.content)
        self.navigation.follow(self.navigator)
        old.deleteLater()

    def note_showing(self) -> None:
        """Once running: when following installed content, say so and watch for more."""
        if self.follower is not None:
            self.follower.note_showing()

    def _staff_exit(self) -> None:
        """Staff chose Exit: let the window close, and ask the service not to restart."""
        self.window.setProperty("exitAllowed", True)
        self.quit_app(EXIT_BY_STAFF)

    def _load(self, view: str) -> bool:
        before = len(self.engine.rootObjects())
        self.engine.load(QUrl.fromLocalFile(str(VIEWS / view)))
        return len(self.engine.rootObjects()) > before

    @property
    def window(self) -> QQuickWindow:
        """The window on show: the kiosk, or the 'being updated' fallback."""
        window = self.engine.rootObjects()[-1]
        assert isinstance(window, QQuickWindow)
        return window

    def walker(self) -> Walker:
        assert self.result.bundle is not None
        assert isinstance(self.clock, ManualClock), "walk only a kiosk on a manual clock"
        return Walker(
            self.window, self.result.bundle, self.navigation, self.display, self.session, self.clock
        )


def main(argv: Sequence[str]) -> int:
    options = launcher.build_parser().parse_args(argv)
    offscreen = options.self_test or options.screenshots is not None
    cannot = None if offscreen else launcher.no_screen(os.environ, sys.platform)
    if cannot:
        print(cannot, file=sys.stderr)
        return 2
    app = start_qt(sys.argv[0] if sys.argv else "kiosk", offscreen)
    environ = dict(os.environ)
    if options.data_dir is not None:  # the command line wins over every other source
        environ["KIOSK_PATHS_DATA_DIR"] = str(options.data_dir)
    try:
        config = load_config(options.config or default_config_file(), environ)
    except ConfigError as exc:
        start_logging(None)
        return refuse_bad_settings(app, exc.problems, offscreen)
    crash_file = start_logging(None if offscreen else config.path("paths.log_dir"))
    with QtMessages() as messages:
        try:
            kiosk = build_kiosk(options, config, offscreen)
        except BundleRefused as exc:
            log.error("cannot show %s: %s", options.content, exc)
            print(f"kiosk: cannot show {options.content}: {exc}", file=sys.stderr)
            return 1
        if options.self_test:
            return run_self_test(kiosk, messages)
        if options.screenshots is not None:
            return run_screenshots(kiosk, options.screenshots)
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
    kiosk = Kiosk.from_path(content, clock, config, follow)
    if kiosk.result.bundle is None and fell_back(content, config):
        kiosk.engine.deleteLater()  # its "being updated" window was never shown
        kiosk = Kiosk.from_path(choose_content(None, config), clock, config, follow)
    if offscreen and kiosk.ready:
        kiosk.form.attach(open_outbox(config.path("paths.data_dir")))
    return kiosk


def run(kiosk: Kiosk, app: QGuiApplication, options: argparse.Namespace, config: Config) -> int:
    """Show the kiosk, start what follows the first frame, and run until it ends."""
    present(kiosk.window, app, options, config)
    if kiosk.ready:
        recovery = Recovery(kiosk.navigation, kiosk.engine)
        recovery.install(kiosk.engine)
    QTimer.singleShot(0, lambda: start_services(kiosk, app, config))
    if options.quit_after_first_frame:
        kiosk.window.frameSwapped.connect(app.quit)
        QTimer.singleShot(30_000, lambda: app.exit(1))  # no frame at all is a failure
    return app.exec()
