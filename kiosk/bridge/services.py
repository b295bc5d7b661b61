"""What the kiosk starts once its first frame is up: the search for a read-aloud voice, the
contact-request outbox and its delivery, content update checks, the metrics file, and
systemd's ready and watchdog pings.

Each runs on a thread of its own (or a timer on the screen thread, for the
watchdog), logs why it stops working, and keeps trying.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.config import Config
from kiosk.outbox.errors import OutboxError
from kiosk.system.notify import notify, watchdog_interval

if TYPE_CHECKING:
    from kiosk.app import Kiosk
    from kiosk.outbox.store import Outbox

log = logging.getLogger("kiosk.app")


def start_services(kiosk: Kiosk, app: QGuiApplication, config: Config) -> None:
    """Everything that waits for the first frame, in this order."""
    from kiosk.config.advice import advice

    for problem in advice(config):
        log.warning("settings: %s", problem)
    if kiosk.ready:  # not behind the "being updated" screen
        if kiosk.follower is not None:  # say what is on show, and watch for newer installs
            kiosk.follower.note_showing()
        # The Listen buttons show once a voice is found. Making the engine holds the
        # screen's thread for about a second (speech-dispatcher lists its voices): so not
        # before the first frame, and not while the first patient may be tapping.
        after_first_frame(kiosk.window, VOICE_SEARCH_DELAY_MS, kiosk.speech.discover)
        start_contact_requests(kiosk, app, config.path("paths.data_dir"), config)
        start_updates(kiosk, app, config)
        start_metrics(kiosk, app, config)
        start_clock_watch(kiosk, app)
        kiosk.usage.start()
    start_service_pings(app)


def attach_throwaway_form(kiosk: Kiosk, folder: Path) -> bool:
    """The contact form as it is with the clinic's key, on a kiosk that has none (the
    screenshots, an author's preview): a key made for the purpose and an outbox in
    `folder`, whose requests nobody can read or send. False (logged) if it cannot be."""
    from nacl.public import PrivateKey

    from kiosk.outbox.keys import public_key_text

    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "clinic.pub").write_text(public_key_text(PrivateKey.generate().public_key))
    except OSError as exc:
        log.warning("the contact form stays off: cannot write a key to %s (%s)", folder, exc)
        return False
    kiosk.form.attach(open_outbox(folder))
    return bool(kiosk.form.property("available"))


def open_outbox(data_dir: Path, key_file: Path | None = None, kiosk: Kiosk | None = None,
                kiosk_id: str = "") -> Outbox | None:  # fmt: skip
    """The outbox for contact requests, or None (and a log line) if it cannot be used.

    A damaged database is set aside and a fresh one started (kiosk.outbox.salvage);
    the note about it goes to `kiosk` for the staff screen and the metrics.
    """
    key_file = key_file or data_dir / "clinic.pub"
    if not key_file.exists():
        log.warning("no clinic public key at %s: the contact form is turned off", key_file)
        return None
    from kiosk.outbox.keys import KeyFileError, read_public_key  # the database and crypto
    from kiosk.outbox.salvage import open_or_recover

    try:
        recovered = open_or_recover(data_dir, read_public_key(key_file), kiosk_id)
    except (KeyFileError, OutboxError, OSError) as exc:
        log.error("the contact form is turned off: %s", exc)
        return None
    if kiosk is not None:
        kiosk.outbox_note = recovered.note
    return recovered.outbox


def start_contact_requests(
    kiosk: Kiosk, app: QGuiApplication, data_dir: Path, config: Config
) -> None:
    """Turn the form on, and delivery if it is set up."""
    key = config.text("requests.public_key")
    outbox = open_outbox(data_dir, Path(key).expanduser() if key else None, kiosk,
                         config.kiosk_id())  # fmt: skip
    kiosk.form.attach(outbox)
    if outbox is None:
        return
    app.aboutToQuit.connect(kiosk.form.close)
    from kiosk.outbox.delivery import DeliveryWorker
    from kiosk.outbox.targets import delivery_summary, target_from_config
    from kiosk.version import APP_VERSION

    try:
        target = target_from_config(config, APP_VERSION)
    except ValueError as exc:
        log.error("delivery of contact requests is off: %s", exc)
        return
    if target is None:
        log.info("contact requests are kept for export; no delivery is set up")
        return
    worker = DeliveryWorker(data_dir, target.send)
    worker.start()
    kiosk.form.saved.connect(worker.wake)
    app.aboutToQuit.connect(worker.stop)
    log.info("contact requests are delivered: %s", delivery_summary(config))


def start_updates(kiosk: Kiosk, app: QGuiApplication, config: Config) -> None:
    """Poll content.update_url in the background; what it installs shows on the attract screen."""
    url = config.text("content.update_url")
    if not url or kiosk.follower is None:
        return
    from kiosk.bundles.signing import trusted_keys
    from kiosk.bundles.update_worker import UpdateWorker
    from kiosk.bundles.updates import UpdateSource, check_for_update
    from kiosk.system.net import user_agent
    from kiosk.version import APP_VERSION

    data_dir = config.path("paths.data_dir")
    source = UpdateSource(url, user_agent(APP_VERSION, config.kiosk_id()),
                          config.file("network.ca_file"))  # fmt: skip
    every = config.number("content.check_minutes") * 60.0
    worker = UpdateWorker(
        lambda: check_for_update(source, data_dir, lambda: trusted_keys(data_dir), APP_VERSION),
        every=every,
        start_delay=config.number("content.start_delay_minutes") * 60.0,
    )
    worker.start()
    app.aboutToQuit.connect(worker.stop)
    log.info("content updates: checking %s every %d minutes", url, every // 60)


def start_metrics(kiosk: Kiosk, app: QGuiApplication, config: Config) -> None:
    """Write the health file for node_exporter every minute, if `paths.metrics_file` is set."""
    path = config.file("paths.metrics_file")
    if path is None:
        return
    from kiosk.health.metrics import MetricsWorker
    from kiosk.health.report import gather
    from kiosk.outbox.targets import delivery_summary
    from kiosk.version import APP_VERSION

    delivery = delivery_summary(config)
    worker = MetricsWorker(path, lambda: gather(config, APP_VERSION, delivery, kiosk.live()))
    worker.start()
    app.aboutToQuit.connect(worker.stop)
    log.info("metrics for node_exporter: %s, every minute", path)


VOICE_SEARCH_DELAY_MS = 3000  # after the first frame: the attract screen is up and calm


def after_first_frame(window: QQuickWindow, delay_ms: int, then: Callable[[], None]) -> None:
    """Call `then` `delay_ms` after `window` has drawn its next frame, once.

    frameSwapped comes from the render thread: several frames may be queued before the
    first of them is heard, so only the first counts.
    """
    pending = [True]

    def drawn() -> None:
        if pending:
            pending.clear()
            window.frameSwapped.disconnect(drawn)
            QTimer.singleShot(delay_ms, then)

    window.frameSwapped.connect(drawn)
    window.update()


def start_service_pings(app: QGuiApplication) -> None:
    """Tell systemd the kiosk is up, then keep telling it from this (the GUI) thread."""
    from kiosk.bridge.window import SERVICE_ENVIRONMENT

    environ = dict(app.property(SERVICE_ENVIRONMENT) or {})
    notify("READY=1", environ)
    interval = watchdog_interval(environ)
    if interval is None:
        return
    pings = QTimer(app, interval=int(interval * 1000))
    pings.timeout.connect(lambda: notify("WATCHDOG=1", environ))
    pings.start()
    log.info("systemd watchdog: a ping every %.1f s", interval)


def start_clock_watch(kiosk: Kiosk, app: QGuiApplication) -> None:
    """When the wall clock jumps (a late correction), note it on the requests it mistimed."""
    from kiosk.system.clock import ClockWatch

    watch = ClockWatch()

    def look() -> None:
        jump = watch.jump()
        if jump is None:
            return
        days = jump.shift.total_seconds() / 86400
        noted = kiosk.form.note_clock_jump(jump.since, jump.until, jump.shift)
        log.warning("the wall clock jumped by %+.1f days; waits are unaffected; %d requests "
                    "saved before it carry a note", days, noted)  # fmt: skip

    timer = QTimer(app, interval=60_000)
    timer.timeout.connect(look)
    timer.start()
