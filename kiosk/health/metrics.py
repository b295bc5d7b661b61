"""The kiosk's health in the Prometheus text format, for node_exporter's textfile collector.

The running kiosk rewrites the file every minute, atomically (node_exporter
must never read half a file); a kiosk that stopped leaves its last file, and
node_exporter's `node_textfile_mtime_seconds` shows how old it is. Every
series carries the kiosk's name as the label `kiosk`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.bundles.updates import GOOD
from kiosk.health.report import Health
from kiosk.system.clock import parse_time
from kiosk.system.files import write_atomically

log = logging.getLogger("kiosk.health")

PREFIX = "clinic_kiosk_"
EVERY = 60.0  # seconds between writes
OUTCOMES = ("installed", "unchanged", "offline", "failed", "incomplete", "refused")


def _number(value: float) -> str:
    """Whole numbers in full (timestamps, bytes, counts), others as Python writes them."""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def render(health: Health) -> str:
    """The whole file: HELP and TYPE lines, then each sample."""
    kiosk = f'kiosk="{_label(health.kiosk_id)}"'
    lines: list[str] = []

    def metric(name: str, kind: str, text: str, value: float, labels: str = "") -> None:
        if not any(line.startswith(f"# HELP {PREFIX}{name} ") for line in lines):
            lines.append(f"# HELP {PREFIX}{name} {text}")
            lines.append(f"# TYPE {PREFIX}{name} {kind}")
        lines.append(f"{PREFIX}{name}{{{kiosk}{labels}}} {_number(value)}")

    metric("up", "gauge", "1 while the kiosk runs and rewrites this file.", health.running)
    metric("info", "gauge", "The app's version.", 1, f',version="{_label(health.app_version)}"')
    shown = health.showing
    if shown is not None:
        metric("content_info", "gauge", "The content on show.", 1,
               f',content="{_label(shown.id)}",version="{shown.version}"')  # fmt: skip
        metric("content_version", "gauge", "The version of the content on show.", shown.version)
    metric("content_waiting_version", "gauge",
           "An installed content version that shows at the next reset; 0: none.",
           health.waiting_to_show or 0)  # fmt: skip
    _updates(health, metric)
    _requests(health, metric)
    metric("last_crash_timestamp_seconds", "gauge",
           "When the kiosk last died hard (crash.log); 0: never.",
           health.last_crash or 0)  # fmt: skip
    if health.disk_free is not None:
        metric("disk_free_bytes", "gauge", "Free space where requests are kept.", health.disk_free)
    metric("disk_full", "gauge", "1 when contact requests cannot be saved for lack of space.",
           health.disk_full)  # fmt: skip
    metric("clock_ok", "gauge", "0 when the kiosk's clock cannot be right.",
           not health.clock_note)  # fmt: skip
    if health.running and health.live.speech:
        metric("speech_available", "gauge", "1 when the Listen buttons show (a voice was found).",
               health.live.speech_available)  # fmt: skip
    return "\n".join(lines) + "\n"


Metric = Callable[..., None]


def _updates(health: Health, metric: Metric) -> None:
    check = health.update
    if not health.update_url or check is None:
        return
    when = parse_time(check.checked)
    checked = when.timestamp() if when is not None else 0
    metric("update_last_check_timestamp_seconds", "gauge",
           "When content.update_url was last checked.", checked)  # fmt: skip
    metric("update_last_check_ok", "gauge", "1 when the last update check worked.",
           check.outcome in GOOD)  # fmt: skip
    for outcome in OUTCOMES:
        metric("update_last_outcome", "gauge", "1 for the outcome of the last update check.",
               check.outcome == outcome, f',outcome="{outcome}"')  # fmt: skip


def _requests(health: Health, metric: Metric) -> None:
    metric("outbox_ok", "gauge", "0 when the contact-request database cannot be read.",
           health.requests is not None)  # fmt: skip
    metric("outbox_damaged_files", "gauge",
           "Damaged request databases kept aside for IT.", len(health.damaged))  # fmt: skip
    status = health.requests
    if status is None:
        return
    metric("requests_waiting", "gauge",
           "Contact requests neither delivered nor exported.", status.pending)  # fmt: skip
    metric("requests_oldest_waiting_age_seconds", "gauge",
           "Age of the oldest waiting request; 0: none.",
           health.oldest_waiting_seconds)  # fmt: skip
    metric("requests_refused", "gauge",
           "Requests the receiver refused for good (kept for export).", status.refused)  # fmt: skip
    metric("requests_delivered_total", "counter", "Requests delivered.", status.delivered)
    metric("delivery_failures_total", "counter",
           "Failed delivery attempts.", status.failures)  # fmt: skip


def write(path: Path, health: Health) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, render(health).encode("utf-8"))


class MetricsWorker:
    """Writes the file now and every minute on a thread of its own; survives every error."""

    def __init__(self, path: Path, gather: Callable[[], Health], every: float = EVERY) -> None:
        self._path, self._gather, self._every = path, gather, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="metrics", daemon=True)
        self._failing = ""

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)
        try:  # say it stopped, rather than leave "up 1" behind
            write(self._path, _stopped(self._gather()))
        except Exception as exc:
            log.warning("could not mark the metrics file as stopped: %s", exc)

    def _run(self) -> None:
        while True:
            try:
                write(self._path, self._gather())
                if self._failing:
                    log.info("the metrics file %s is written again", self._path)
                self._failing = ""
            except Exception as exc:  # a full disk, a bad folder: say so once, keep trying
                reason = f"{type(exc).__name__}: {exc}"
                if reason != self._failing:
                    log.warning("cannot write the metrics file %s: %s", self._path, reason)
                self._failing = reason
            if self._stop.wait(self._every):
                return


def _stopped(health: Health) -> Health:
    from dataclasses import replace

    return replace(health, running=False)
