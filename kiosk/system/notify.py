"""Tell systemd the kiosk is up and alive (sd_notify), without libsystemd.

systemd passes a socket in NOTIFY_SOCKET and, with WatchdogSec=, the interval
in WATCHDOG_USEC. The kiosk pings from its GUI thread, so a frozen screen
stops the pings and systemd restarts it.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping, MutableMapping

log = logging.getLogger("kiosk.system")

SERVICE_VARIABLES = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")


def take_service_environment(environ: MutableMapping[str, str]) -> dict[str, str]:
    """systemd's variables, taken out of `environ` for the kiosk alone.

    A process the kiosk starts (a D-Bus session autolaunched for the screen-reader
    bus, speech-dispatcher) would otherwise inherit NOTIFY_SOCKET and tell systemd
    "READY=1" as if it were the kiosk. As sd_notify's unset_environment does.
    """
    return {name: environ.pop(name) for name in SERVICE_VARIABLES if name in environ}


def notify(message: str, environ: Mapping[str, str]) -> bool:
    """Send `message` (e.g. "READY=1") to systemd; False when not run by systemd."""
    address = environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
    except OSError as exc:
        log.warning("could not notify systemd: %s", exc)
        return False
    return True


def watchdog_interval(environ: Mapping[str, str]) -> float | None:
    """Seconds between watchdog pings (half systemd's timeout), or None when off."""
    usec = environ.get("WATCHDOG_USEC", "")
    pid = environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and pid != str(os.getpid()):
        return None  # meant for another process
    return int(usec) / 1_000_000 / 2
