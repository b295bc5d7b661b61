"""Deliver sealed requests to the clinic in the background: HTTP(S) or an SMTP relay.

Only sealed envelopes leave the kiosk. Each carries the request id so the
receiver can drop duplicates (the `Idempotency-Key` header, the e-mail
`Message-ID`): a crash between sending and marking may send a request twice,
never lose it. Failures wait 30 s, then twice as long each time, up to an hour.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import sqlite3
import ssl
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from kiosk.config import Config
from kiosk.outbox.envelope import SUFFIX
from kiosk.outbox.errors import OutboxError
from kiosk.outbox.store import Outbox

log = logging.getLogger("kiosk.outbox")

Clock = Callable[[], dt.datetime]
Send = Callable[[str, bytes], None]
IDLE_CHECK = 60.0  # seconds between looks at an empty outbox


class DeliveryError(Exception):
    """The receiver did not take the request; it will be tried again later."""


@dataclass(frozen=True)
class HttpTarget:
    url: str
    timeout: float = 15.0

    def send(self, request_id: str, sealed_file: bytes) -> None:
        request = urllib.request.Request(
            self.url,
            data=sealed_file,
            method="POST",
            headers={"Content-Type": "application/json", "Idempotency-Key": request_id},
        )
        # No proxies from the environment: the kiosk talks to the clinic only.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"the server answered {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise DeliveryError(f"cannot reach the server: {exc}") from None


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    sender: str
    recipient: str
    timeout: float = 15.0

    def send(self, request_id: str, sealed_file: bytes) -> None:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = self.recipient
        message["Subject"] = f"Contact request {request_id[:8]} (sealed)"
        message["Message-ID"] = f"<{request_id}@clinic-kiosk>"
        message.set_content(
            "A patient left a contact request at the kiosk. It is sealed: open the\n"
            "attachment with `kiosk-admin requests open FILE --key clinic.key`.\n"
        )
        message.add_attachment(
            sealed_file, maintype="application", subtype="json", filename=request_id + SUFFIX
        )
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.ehlo()
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=ssl.create_default_context())
                    smtp.ehlo()
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"the mail relay did not take it: {exc}") from None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def deliver_due(outbox: Outbox, send: Send, now: dt.datetime) -> int:
    """Send every request that is due; return how many were delivered."""
    delivered = 0
    for request_id, sealed_file in outbox.due(now):
        try:
            send(request_id, sealed_file)
        except DeliveryError as exc:
            attempts = outbox.mark_failed(request_id, now)
            log.warning("request %s not delivered (attempt %d): %s", request_id, attempts, exc)
            continue
        outbox.mark_delivered(request_id, now)
        delivered += 1
        log.info("request %s delivered", request_id)
    return delivered


class DeliveryWorker:
    """A background thread with its own database connection; never blocks the screen."""

    def __init__(self, data_dir: Path, send: Send, clock: Clock = utc_now) -> None:
        self._data_dir = data_dir
        self._send = send
        self._clock = clock
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="delivery", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """A new request was saved: look now rather than at the next scheduled time."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            outbox = Outbox.open(self._data_dir, public_key=None)
        except OutboxError as exc:
            log.error("delivery is off: %s", exc)
            return
        with outbox:
            while not self._stop.is_set():
                wait = IDLE_CHECK
                try:
                    deliver_due(outbox, self._send, self._clock())
                    wait = self._seconds_to_wait(outbox)
                except sqlite3.Error as exc:  # e.g. locked too long: try again later
                    log.error("delivery paused: %s", exc)
                self._wake.wait(wait)
                self._wake.clear()

    def _seconds_to_wait(self, outbox: Outbox) -> float:
        due = outbox.next_attempt()
        if due is None:
            return IDLE_CHECK
        return max(0.0, min(IDLE_CHECK, (due - self._clock()).total_seconds()))


def target_from_config(config: Config) -> HttpTarget | SmtpTarget | None:
    """The delivery the settings ask for (requests.*), or None for export only."""
    url, host = config.text("requests.delivery_url"), config.text("requests.smtp_host")
    if url and host:
        raise ValueError("set requests.delivery_url or requests.smtp_host, not both")
    if url:
        return HttpTarget(url)
    if not host:
        return None
    sender, recipient = config.text("requests.smtp_from"), config.text("requests.smtp_to")
    if not sender or not recipient:
        raise ValueError("requests.smtp_host needs requests.smtp_from and requests.smtp_to")
    return SmtpTarget(host, config.number("requests.smtp_port"), sender, recipient)
