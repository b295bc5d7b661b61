"""Settings that are each valid but do not work together, or name files that are not there.

`kiosk-admin config check` prints these beside the errors that stop the kiosk;
the kiosk logs them at start. Each reads `source: warning|error: message`.
"""

from __future__ import annotations

import os

from kiosk.config.loader import Config


def advice(config: Config) -> list[str]:
    """Warnings (the kiosk runs, but not as meant) and errors (a part of it stays off)."""
    found: list[str] = []

    def say(key: str, level: str, message: str) -> None:
        found.append(f"{config.source(key)}: {level}: {message}")

    if config.text("content.bundle") and config.text("content.update_url"):
        say("content.update_url", "warning", "content.bundle is set, so the kiosk shows that "
            "folder: updates from content.update_url are installed but never shown")  # fmt: skip
    smtp = bool(config.text("requests.smtp_host"))
    if (
        smtp
        and config.number("requests.smtp_port") == 465
        and (config.text("requests.smtp_tls") != "implicit")
    ):
        say("requests.smtp_port", "warning",
            'port 465 speaks TLS from the start: set requests.smtp_tls = "implicit"')  # fmt: skip
    for key in ("network.ca_file", "requests.smtp_password_file"):
        path = config.file(key)
        if path is not None and not os.access(path, os.R_OK):
            say(key, "error", f"{key} {path} cannot be read (missing, or not this user's)")
    metrics = config.file("paths.metrics_file")
    if metrics is not None and metrics.suffix != ".prom":
        say("paths.metrics_file", "warning",
            "node_exporter's textfile collector reads only files ending in .prom")  # fmt: skip
    return found
