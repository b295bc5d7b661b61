"""Every option the kiosk reads: its type, default and meaning, in one table."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

Check = Callable[[object], str | None]  # a problem in plain words, or None


@dataclass(frozen=True)
class Option:
    section: str
    name: str
    type: type
    default: object
    description: str
    check: Check | None = None

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}"

    @property
    def variable(self) -> str:
        return f"KIOSK_{self.section.upper()}_{self.name.upper()}"


def _at_least(minimum: float, why: str = "") -> Check:
    def check(value: object) -> str | None:
        if isinstance(value, int | float) and value < minimum:
            return f"must be at least {minimum:g}{why}"
        return None

    return check


def _size(value: object) -> str | None:
    return None if re.fullmatch(r"\d{3,5}x\d{3,5}", str(value)) else "must look like 1080x1920"


def _port(value: object) -> str | None:
    return None if isinstance(value, int) and 0 < value < 65536 else "must be a port, 1 to 65535"


def _url(value: object) -> str | None:
    ok = value == "" or str(value).startswith(("https://", "http://"))
    return None if ok else "must start with https:// or http://"


def _email(value: object) -> str | None:
    return None if value == "" or "@" in str(value) else "must be an e-mail address"


def _one_of(*choices: str) -> Check:
    def check(value: object) -> str | None:
        return None if value in choices else "must be one of " + ", ".join(map(repr, choices))

    return check


def _kiosk_id(value: object) -> str | None:
    # It travels in a User-Agent header, a mail subject and metric labels.
    ok = value == "" or re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}", str(value))
    return None if ok else "must be up to 63 letters, digits, '.', '_' or '-', like front-desk-2"


def _engine(value: object) -> str | None:
    # A Qt text-to-speech engine's name (speechd, winrt, sapi, mock), "off" or "".
    ok = re.fullmatch(r"[a-z0-9_-]{0,32}", str(value))
    return None if ok else 'must be "", "off" or an engine\'s name, like speechd or sapi'


SMTP_TLS = ("required", "opportunistic", "off", "implicit")


OPTIONS: tuple[Option, ...] = (
    Option("kiosk", "id", str, "",
           "This kiosk's name, sent with its requests, update checks and metrics; "
           "empty: the host name.", _kiosk_id),
    Option("display", "fullscreen", bool, True,
           "Run full screen and frameless (kiosk mode); false opens a window."),
    Option("display", "size", str, "1080x1920",
           "Window size when not full screen, as WIDTHxHEIGHT.", _size),
    Option("display", "hide_cursor", bool, False,
           "Hide the mouse pointer in kiosk mode (for touch-only screens)."),
    Option("speech", "engine", str, "",
           "The read-aloud voice's engine: empty: speech-dispatcher on Linux, the Windows "
           "voices on Windows; \"off\": no Listen buttons; or a Qt engine's name.", _engine),
    Option("session", "idle_seconds", int, 120,
           "Seconds without a touch on reading screens before the warning.", _at_least(10)),
    Option("session", "form_idle_seconds", int, 90,
           "Seconds without a touch on the contact form before the warning.", _at_least(10)),
    Option("session", "warning_seconds", int, 30,
           "Length of the 'Are you still there?' countdown.",
           _at_least(20, " (WCAG 2.2.1 asks for 20 seconds)")),
    Option("content", "bundle", str, "",
           "The content folder to show; empty: the sample content shipped with the app."),
    Option("content", "update_url", str, "",
           "Check this http(s) URL for a new signed bundle; empty: updates by USB only.",
           _url),
    Option("content", "check_minutes", int, 60,
           "Minutes between update checks (each varies by up to 10 %).", _at_least(1)),
    Option("content", "start_delay_minutes", int, 15,
           "The first check waits a random time up to this, so a fleet does not check at once.",
           _at_least(0)),
    Option("requests", "public_key", str, "",
           "The clinic's clinic.pub; empty means clinic.pub in the data folder."),
    Option("requests", "delivery_url", str, "",
           "POST each sealed request to this http(s) URL; empty: no HTTP delivery.", _url),
    Option("requests", "smtp_host", str, "",
           "Mail each sealed request through this relay; empty: no e-mail delivery."),
    Option("requests", "smtp_port", int, 25,
           "The relay's port (465: set smtp_tls to \"implicit\").", _port),
    Option("requests", "smtp_tls", str, "opportunistic",
           "required: STARTTLS or nothing is sent; opportunistic: STARTTLS when offered; "
           "implicit: TLS from the start (port 465); off: never (only with no smtp_user).",
           _one_of(*SMTP_TLS)),
    Option("requests", "smtp_user", str, "",
           "User name for the relay (AUTH PLAIN or LOGIN, only ever over TLS); empty: no AUTH."),
    Option("requests", "smtp_password_file", str, "",
           "A file holding the relay's password for smtp_user (readable by the kiosk alone)."),
    Option("requests", "smtp_from", str, "", "Sender address for delivered requests.", _email),
    Option("requests", "smtp_to", str, "", "The clinic's address that receives them.", _email),
    Option("usage", "enabled", bool, True,
           "Count, per day, which pages patients open, read, hear and find helpful (totals "
           "only: nothing that tells one visit from another); false: nothing is written."),
    Option("usage", "keep_days", int, 396,
           "Days the counts are kept (396: thirteen months), then dropped.", _at_least(1)),
    Option("network", "ca_file", str, "",
           "Extra certificate authorities (PEM) to trust, e.g. the clinic's own, for "
           "delivery_url, the mail relay and update_url; empty: the system's only."),
    Option("staff", "pin_file", str, "",
           "The staff PIN's hash (kiosk-admin pin set); empty: staff.pin in the data folder."),
    Option("paths", "data_dir", Path, Path(platformdirs.user_data_dir("clinic-kiosk")),
           "Where contact requests are kept (a local disk: SQLite needs real syncs)."),
    Option("paths", "log_dir", Path, Path(platformdirs.user_log_dir("clinic-kiosk")),
           "Where kiosk.log (rotated) and crash.log are written."),
    Option("paths", "metrics_file", str, "",
           "Write the kiosk's health here every minute, for node_exporter's textfile collector "
           "(a name ending in .prom); empty: off."),
)  # fmt: skip
