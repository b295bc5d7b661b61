"""Where delivered requests go: the clinic's HTTP(S) endpoint or its mail relay.

Only a 2xx answer to the POST itself, or a relay accepting the mail, counts as
delivered. Every other outcome raises DeliveryError saying why; `permanent`
means the receiver refused this request for good (an SMTP 5xx), so it waits
for export instead of being sent again.
"""

from __future__ import annotations

import logging
import smtplib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from kiosk.config import Config
from kiosk.outbox.envelope import SUFFIX
from kiosk.system.net import describe, opener, tls_context, user_agent

log = logging.getLogger("kiosk.outbox")

TIMEOUT = 15.0  # seconds for a reply from a receiver


class DeliveryError(Exception):
    """The receiver did not take the request: tried again later, unless `permanent`."""

    def __init__(self, reason: str, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


@dataclass(frozen=True)
class HttpTarget:
    url: str
    agent: str = "clinic-kiosk"
    ca_file: Path | None = None
    timeout: float = TIMEOUT

    def send(self, request_id: str, sealed_file: bytes) -> None:
        request = urllib.request.Request(
            self.url,
            data=sealed_file,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Idempotency-Key": request_id,
                "User-Agent": self.agent,
            },
        )
        try:
            with opener(self.ca_file, follow_redirects=False).open(
                request, timeout=self.timeout
            ) as response:
                response.read()  # a reply cut off here is not a delivery
        except urllib.error.HTTPError as exc:
            exc.close()  # its reply's connection: the error outlives this frame
            if 300 <= exc.code < 400:
                where = urllib.parse.urljoin(self.url, exc.headers.get("Location", ""))
                raise DeliveryError(
                    f"requests.delivery_url redirects ({exc.code}) to {where}: set that address"
                ) from None
            raise DeliveryError(describe(exc)) from None
        except Exception as exc:  # any broken reply: a failure to retry, never a crash
            raise DeliveryError(describe(exc)) from None


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    sender: str
    recipient: str
    tls: str = "opportunistic"  # kiosk.config.options.SMTP_TLS
    user: str = ""
    password_file: Path | None = None
    ca_file: Path | None = None
    kiosk_id: str = "kiosk"
    timeout: float = TIMEOUT
    _warned: list[bool] = field(default_factory=list, compare=False, repr=False)

    def send(self, request_id: str, sealed_file: bytes) -> None:
        message = self.message(request_id, sealed_file)
        try:
            smtp = self._connect()
            try:
                if self.user:
                    smtp.login(self.user, self._password())
                smtp.send_message(message)  # once this returns, the relay has the mail
            finally:
                _hang_up(smtp)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            reason = "; ".join(_reply(code, text) for code, text in exc.recipients.values())
            raise DeliveryError(
                f"refused by the mail server: {reason}", all(c >= 500 for c in codes)
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                "the mail server refused the user name or password "
                f"({_reply(exc.smtp_code, exc.smtp_error)}): check requests.smtp_user and "
                "requests.smtp_password_file"
            ) from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(
                f"refused by the mail server: {_reply(exc.smtp_code, exc.smtp_error)}",
                permanent=exc.smtp_code >= 500,
            ) from None
        except DeliveryError:
            raise
        except Exception as exc:
            raise DeliveryError(f"the mail relay did not take it: {describe(exc)}") from None

    def message(self, request_id: str, sealed_file: bytes) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = self.recipient
        message["Subject"] = f"Contact request {request_id[:8]} from kiosk {self.kiosk_id} (sealed)"
        message["Message-ID"] = f"<{request_id}@clinic-kiosk>"
        message.set_content(
            f"A patient left a contact request at the kiosk {self.kiosk_id}. It is sealed:\n"
            "save the attachment and open it on the staff PC with\n"
            "`kiosk-admin requests open FILE --key clinic.key`.\n"
        )
        message.add_attachment(
            sealed_file, maintype="application", subtype="json", filename=request_id + SUFFIX
        )
        return message

    def _connect(self) -> smtplib.SMTP:
        context = tls_context(self.ca_file)
        if self.tls == "implicit":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if self.tls != "off" and smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
            elif self.tls == "required" or (self.tls == "opportunistic" and self.user):
                raise DeliveryError(
                    f"the mail relay {self.host}:{self.port} does not offer STARTTLS, and "
                    "requests.smtp_tls asks for TLS: nothing was sent"
                )
            elif self.tls == "opportunistic" and not self._warned:
                self._warned.append(True)
                log.warning("the mail relay %s:%d offers no STARTTLS: requests travel sealed "
                            "but in a plain connection", self.host, self.port)  # fmt: skip
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _password(self) -> str:
        assert self.password_file is not None  # target_from_config insists on it
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise DeliveryError(
                f"cannot read requests.smtp_password_file {self.password_file}: {exc.strerror}"
            ) from None


def _hang_up(smtp: smtplib.SMTP) -> None:
    """QUIT, and close whatever the relay answers: the mail was taken or not before this."""
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(words.split())}"


Target = HttpTarget | SmtpTarget


def target_from_config(config: Config, app_version: str = "") -> Target | None:
    """The delivery the settings ask for (requests.*), or None for export only.

    Raises ValueError naming what is missing or contradictory.
    """
    url, host = config.text("requests.delivery_url"), config.text("requests.smtp_host")
    ca_file = config.file("network.ca_file")
    if url and host:
        raise ValueError("set requests.delivery_url or requests.smtp_host, not both")
    if url:
        return HttpTarget(url, user_agent(app_version or "0", config.kiosk_id()), ca_file)
    if not host:
        return None
    sender, recipient = config.text("requests.smtp_from"), config.text("requests.smtp_to")
    if not sender or not recipient:
        raise ValueError("requests.smtp_host needs requests.smtp_from and requests.smtp_to")
    tls, user = config.text("requests.smtp_tls"), config.text("requests.smtp_user")
    password_file = config.file("requests.smtp_password_file")
    if user and tls == "off":
        raise ValueError('requests.smtp_user needs TLS: a password never travels in plain '
                         'text (set requests.smtp_tls = "required" or "implicit")')  # fmt: skip
    if user and password_file is None:
        raise ValueError("requests.smtp_user needs requests.smtp_password_file")
    return SmtpTarget(host, config.number("requests.smtp_port"), sender, recipient, tls, user,
                      password_file, ca_file, config.kiosk_id())  # fmt: skip


def delivery_summary(config: Config) -> str:
    """How requests leave this kiosk, in words for staff and IT."""
    try:
        target = target_from_config(config)
    except ValueError as exc:
        return f"off, the settings are wrong: {exc}"
    if target is None:
        return "none set up: staff export requests to a USB stick"
    if isinstance(target, HttpTarget):
        return f"POST to {target.url}"
    return f"mail to {target.recipient} through {target.host}:{target.port} (TLS: {target.tls})"
