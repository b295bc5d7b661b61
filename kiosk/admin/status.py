"""`kiosk-admin status [--json]`: the kiosk's health, as the staff screen and the metrics say it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.admin.common import EXIT_OK, EXIT_PROBLEMS, settings
from kiosk.config import default_config_file
from kiosk.health.metrics import render
from kiosk.health.report import Health, gather
from kiosk.health.text import facts, problems
from kiosk.outbox.targets import delivery_summary
from kiosk.version import APP_VERSION


def add_commands(groups: Any) -> None:
    status = groups.add_parser(
        "status",
        help="the kiosk's health: content, updates, requests, delivery, disk",
        description="Exit status 1 when something needs attention.",
    )
    status.add_argument("--config", type=Path, default=default_config_file(),
                        help="the settings file (default: %(default)s)")  # fmt: skip
    shape = status.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print it as JSON")
    shape.add_argument(
        "--metrics", action="store_true", help="print it as the metrics file (Prometheus text)"
    )
    status.set_defaults(run=run_status)


def run_status(args: argparse.Namespace) -> int:
    config = settings(args)
    if config is None:
        return EXIT_PROBLEMS
    health = gather(config, APP_VERSION, delivery_summary(config))
    found = problems(health)
    if args.json:
        print(json.dumps(as_dict(health, found), indent=2))
    elif args.metrics:
        print(render(health), end="")
    else:
        for label, text in facts(health):
            print(f"{label + ':':18}{text}")
        for problem in found:
            print(f"needs attention:  {problem}")
    return EXIT_PROBLEMS if found else EXIT_OK


def as_dict(health: Health, found: list[str]) -> dict[str, Any]:
    status = health.requests
    update = health.update
    return {
        "kiosk": health.kiosk_id,
        "app_version": health.app_version,
        "content": None if health.showing is None else {
            "id": health.showing.id, "version": health.showing.version,
            "path": health.showing.path, "waiting_version": health.waiting_to_show,
        },
        "update": None if update is None else {
            "url": health.update_url, "checked": update.checked, "outcome": update.outcome,
            "detail": update.detail, "ok": update.ok,
        },
        "requests": None if status is None else {
            "waiting": status.pending, "exported": status.exported,
            "delivered": status.delivered, "refused": status.refused,
            "oldest_waiting": status.oldest_undelivered,
            "oldest_waiting_age_seconds": health.oldest_waiting_seconds,
            "delivery_failures": status.failures, "last_error": status.last_error,
        },
        "delivery": health.delivery,
        "damaged_outboxes": [str(path) for path in health.damaged],
        "last_crash": health.last_crash,
        "disk": {"free_bytes": health.disk_free, "total_bytes": health.disk_total,
                 "full": health.disk_full},
        "clock_note": health.clock_note,
        "problems": found,
    }  # fmt: skip
