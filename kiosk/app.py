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

import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6.QtQuick  # noqa: F401  (must be imported before engine.rootObjects())
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QWindow
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle

from kiosk import launcher
from kiosk.bridge.contact_form import ContactFormBridge
from kiosk.bridge.content import ContentBridge
from kiosk.bridge.display import DisplayBridge
from kiosk.bridge.navigation import NavigationBridge
from kiosk.bridge.recovery import Recovery
from kiosk.bridge.services import open_outbox, start_services
from kiosk.bridge.session import SessionBridge
from kiosk.bridge.staff import StaffBridge
from kiosk.bridge.walk import QtMessages, Walker, screenshots, self_test
from kiosk.bundles import pointer
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
from kiosk.system.logs import LOG_FILE, start_logging

if TYPE_CHECKING:
    from kiosk.health.report import Health

log = logging.getLogger("kiosk.app")

HERE = Path(__file__).resolve().parent  # also right in the frozen build
EXIT_BY_STAFF = 64  # the service file's RestartPreventExitStatus: staff meant it
CONTENT_CHECK_MS = 30_000  # how often the attract screen looks for newly installed content
VIEWS = HERE / "views"
RESOURCES = HERE / "resources"
FONT_FAMILY = "Atkinson Hyperlegible"


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
        self._content_check: QTimer | None = None
        self._not_shown: set[tuple[str, int]] = set()  # installed, but would not load
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
            self.navigation.changed.connect(self._swap_in_new_content)
        if not self.ready:
            log.error("the kiosk's screens failed to load; showing the 'being updated' screen")
            self._load("Unavailable.qml")

    def _staff_bridge(self, bundle: Bundle) -> StaffBridge:
        log_dir = self.config.path("paths.log_dir")
        staff = StaffBridge(
            PinGate(self.config.pin_file(), time.time),
            AuditLog(log_dir / "audit.log", time.time),
            bundle,
            self.config.path("paths.data_dir"),
            log_dir / LOG_FILE,
            self.navigation,
            self.engine,
            health=self._health,
        )
        staff.exitRequested.connect(self._staff_exit)
        staff.restartRequested.connect(lambda: self.quit_app(0))
        return staff

    def live(self) -> Live:
        """What the running kiosk knows of itself, for the staff screen and the metrics."""
        return Live(self.showing, self.outbox_note, self.form.save_failure if self.ready else "")

    def _health(self) -> Health:
        from kiosk.health.report import gather
        from kiosk.outbox.targets import delivery_summary
        from kiosk.version import APP_VERSION

        return gather(self.config, APP_VERSION, delivery_summary(self.config), self.live())

    def note_showing(self) -> None:
        """When showing installed content: say which (for `bundle list`, the staff screen
        and the metrics), and look for newer content while nobody is using the kiosk."""
        bundle = self.result.bundle
        if bundle is None or not self.follow_installed:
            return
        self.showing = pointer.Showing(bundle.id, bundle.version, str(bundle.root))
        pointer.record_showing(self.config.path("paths.data_dir"), bundle.id, bundle.version,
                               bundle.root)  # fmt: skip
        if self._content_check is None:  # the attract screen shows new content this soon
            self._content_check = QTimer(self.engine, interval=CONTENT_CHECK_MS)
            self._content_check.timeout.connect(self._swap_in_new_content)
            self._content_check.start()

    def _swap_in_new_content(self) -> None:
        """At a reset (the attract screen, nobody reading), show a newly installed bundle."""
        if not self.follow_installed or self.navigation.property("screen") != "attract":
            return
        assert self.result.bundle is not None
        data_dir = self.config.path("paths.data_dir")
        installed = pointer.active(data_dir)
        if installed is None or installed.path == self.result.bundle.root:
            return
        if (installed.id, installed.version) in self._not_shown:
            return
        result = read_bundle(installed.path)
        bundle = result.bundle
        if bundle is None:
            self._not_shown.add((installed.id, installed.version))
            self._roll_back(installed)
            return
        old = self.content
        self.result = result
        self.content = ContentBridge(bundle, result.rendered, self.engine)
        self.navigator = Navigator(bundle.tour, bundle.pages.keys(), [t.id for t in bundle.topics])
        self.form.offer_topics({topic.id for topic in bundle.topics})
        self.staff.show_bundle(bundle)
        self.window.setProperty("content", self.content)
        self.navigation.follow(self.navigator)
        old.deleteLater()
        self.note_showing()
        log.info("now showing %s version %d", bundle.id, bundle.version)

    def _roll_back(self, installed: pointer.Installed) -> None:
        from kiosk.bundles import store  # only when something went wrong

        try:
            store.rollback(self.config.path("paths.data_dir"))
        except (BundleRefused, OSError) as exc:
            log.error("new content %s version %d does not load, and going back failed (%s): "
                      "still showing version %d", installed.id, installed.version, exc,
                      self.result.bundle.version if self.result.bundle else 0)  # fmt: skip
            return
        log.error("new content %s version %d does not load; went back to the version before",
                  installed.id, installed.version)  # fmt: skip

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


def load_fonts() -> None:
    for font in sorted((RESOURCES / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(font)) < 0:
            log.warning("could not load the font %s", font.name)
    QGuiApplication.setFont(QFont(FONT_FAMILY))


def main(argv: Sequence[str]) -> int:
    options = launcher.build_parser().parse_args(argv)
    offscreen = options.self_test or options.screenshots is not None
    cannot = None if offscreen else launcher.no_screen(os.environ, sys.platform)
    if cannot:
        print(cannot, file=sys.stderr)
        return 2
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    QQuickStyle.setStyle("Basic")
    app = QGuiApplication(sys.argv[:1])
    load_fonts()
    environ = dict(os.environ)
    if options.data_dir is not None:  # the command line wins over every other source
        environ["KIOSK_PATHS_DATA_DIR"] = str(options.data_dir)
    try:
        config = load_config(options.config or default_config_file(), environ)
    except ConfigError as exc:
        start_logging(None)
        return refuse_bad_settings(app, exc.problems, options.self_test or offscreen)
    crash_file = start_logging(None if offscreen else config.path("paths.log_dir"))
    data_dir = config.path("paths.data_dir")
    with QtMessages() as messages:
        # Offscreen runs keep their own time, so no idle reset can cut a walk short.
        clock: Clock = ManualClock() if offscreen else time.monotonic
        try:
            content = choose_content(options.content, config)
        except BundleRefused as exc:
            log.error("cannot show %s: %s", options.content, exc)
            print(f"kiosk: cannot show {options.content}: {exc}", file=sys.stderr)
            return 1
        follow = options.content is None and not config.text("content.bundle")
        kiosk = Kiosk.from_path(content, clock, config, follow)
        if kiosk.result.bundle is None and fell_back(content, config):
            kiosk.engine.deleteLater()  # its "being updated" window was never shown
            kiosk = Kiosk.from_path(choose_content(None, config), clock, config, follow)
        if offscreen and kiosk.ready:
            kiosk.form.attach(open_outbox(data_dir))
        if options.self_test:
            return run_self_test(kiosk, messages)
        if options.screenshots is not None:
            return run_screenshots(kiosk, options.screenshots)
    window = kiosk.window
    if options.windowed or not config.flag("display.fullscreen"):
        window.resize(*(options.size or launcher.window_size(config.text("display.size"))))
        window.show()
    else:
        window.setProperty("locked", True)
        fill_screen(window)
        if config.flag("display.hide_cursor"):
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QCursor

            app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    if kiosk.ready:
        recovery = Recovery(kiosk.navigation, kiosk.engine)
        recovery.install(kiosk.engine)
    QTimer.singleShot(0, lambda: start_services(kiosk, app, config))
    if options.quit_after_first_frame:
        window.frameSwapped.connect(app.quit)
        QTimer.singleShot(30_000, lambda: app.exit(1))  # no frame at all is a failure
    status = app.exec()
    if crash_file is not None:
        crash_file.close()
    return status


def _is_file(path: Path) -> bool:
    """False also for a path this user may not look at (the loader then says so)."""
    try:
        return path.is_file()
    except OSError:
        return False


def choose_content(given: Path | None, config: Config) -> Path:
    """--content, else content.bundle, else the installed bundle, else the sample.

    A .kbundle given with --content is unpacked and shown as it is, signed or not:
    that is for authors checking their work, never for the waiting room.
    """
    if given is not None and given.suffix == ".kbundle" and _is_file(given):
        from kiosk.bundles.preview import preview_folder
        from kiosk.bundles.verify import unpack_unsigned

        return unpack_unsigned(given, preview_folder())
    if given is not None:
        return given
    named = config.text("content.bundle")
    if named:
        return Path(named).expanduser()
    data_dir = config.path("paths.data_dir")
    if pointer.clean_staging(data_dir):
        log.warning("removed an unfinished content install")
    installed = pointer.active(data_dir)
    if installed is not None:
        log.info("showing installed content %s version %d", installed.id, installed.version)
        return installed.path
    return launcher.sample_content()


def fell_back(content: Path, config: Config) -> bool:
    """The installed bundle at `content` failed to load: go back to the previous one."""
    from kiosk.bundles import store  # only when something went wrong

    data_dir = config.path("paths.data_dir")
    shown = pointer.active(data_dir)
    if shown is None or shown.path != content:
        return False
    try:
        restored = store.rollback(data_dir)
    except BundleRefused:
        log.error("installed content %s version %d does not load, and there is no previous "
                  "version to go back to", shown.id, shown.version)  # fmt: skip
        return False
    log.error("installed content %s version %d does not load (see above); went back to "
              "version %d", shown.id, shown.version, restored.version)  # fmt: skip
    return True


def refuse_bad_settings(app: QGuiApplication, problems: list[str], offscreen: bool) -> int:
    """Log every problem; show them to staff on screen unless running offscreen."""
    for problem in problems:
        log.error("settings: %s", problem)
    if offscreen:
        for problem in problems:
            print(f"FAIL  settings: {problem}", flush=True)
        return 1
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"problems": problems})
    engine.load(QUrl.fromLocalFile(str(VIEWS / "SettingsProblem.qml")))
    if engine.rootObjects():
        fill_screen(engine.rootObjects()[0])  # type: ignore[arg-type]
    app.exec()
    return 2


def fill_screen(window: QWindow) -> None:
    """Full screen, also where no window manager acts on the request (a bare X server)."""
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def run_self_test(kiosk: Kiosk, messages: QtMessages) -> int:
    failures = 0

    def report(name: str, ok: bool, detail: str = "") -> None:
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)

    for problem in kiosk.result.problems:
        report("content", problem.severity is not Severity.ERROR, str(problem))
    problems = messages.take()
    if kiosk.result.bundle is None:
        report("kiosk shown", False, "the content has errors; 'being updated' is showing")
    else:
        report("QML loads without warnings", kiosk.ready and not problems, "; ".join(problems))
    if kiosk.ready:
        self_test(kiosk.walker(), messages, report)
    print(f"{'self-test passed' if not failures else f'self-test failed: {failures} checks'}")
    return 1 if failures else 0


def run_screenshots(kiosk: Kiosk, out_dir: Path) -> int:
    if not kiosk.ready:
        print("kiosk: the kiosk could not be shown; see the log above", file=sys.stderr)
        return 1
    try:
        saved = screenshots(kiosk.walker(), out_dir)
    except OSError as exc:
        print(f"kiosk: cannot write screenshots to {out_dir}: {exc}", file=sys.stderr)
        return 1
    print(f"kiosk: saved {len(saved)} screenshots in {out_dir}", file=sys.stderr)
    return 0
