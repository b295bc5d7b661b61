"""`kiosk-admin keys new` and `kiosk-admin requests export|open|status`."""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import DATA_DIR_HELP, EXIT_OK, EXIT_PROBLEMS, data_dir, make_key_pair
from kiosk.admin.secrets_prompt import SecretUnavailable, ask_secret
from kiosk.config import ConfigError
from kiosk.i18n.catalogue import own_name
from kiosk.outbox.envelope import SUFFIX, EnvelopeError, Opened, open_envelope
from kiosk.outbox.keys import KeyFileError, new_key_pair, read_private_key
from kiosk.outbox.salvage import export_everything
from kiosk.outbox.store import Outbox, OutboxError, iter_envelopes

PASSPHRASE_VARIABLE = "KIOSK_KEY_PASSPHRASE"
CSV_FIELDS = ("id", "created", "kiosk", "name", "phone", "email", "contact_method",
              "best_time", "topics", "message", "note", "language")  # fmt: skip


def add_commands(groups: Any) -> None:
    keys = groups.add_parser("keys", help="the clinic's key pair for contact requests")
    key_commands = keys.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = key_commands.add_parser(
        "new",
        help="make clinic.pub (for the kiosk) and clinic.key (for staff, passphrase-locked)",
        description=f"The passphrase comes from {PASSPHRASE_VARIABLE} or is asked for twice.",
    )
    new.add_argument("--out", type=Path, required=True, help="folder for the two files")
    new.set_defaults(run=run_keys_new)

    requests = groups.add_parser("requests", help="collect and read contact requests")
    commands = requests.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = commands.add_parser(
        "export", help="copy sealed requests to a folder (a USB stick); no key needed"
    )
    export.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    export.add_argument("--out", type=Path, required=True, help="folder to write them to")
    export.set_defaults(run=run_export)

    status = commands.add_parser("status", help="how many requests are waiting")
    status.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    status.set_defaults(run=run_status)

    retry = commands.add_parser(
        "retry",
        help="send requests the mail server refused again (after the settings are fixed)",
    )
    retry.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    retry.set_defaults(run=run_retry)

    read = commands.add_parser(
        "open",
        help="decrypt exported requests on a staff PC",
        description=f"The passphrase comes from {PASSPHRASE_VARIABLE} or is asked for.",
    )
    read.add_argument("paths", type=Path, nargs="+", help="sealed files, or folders of them")
    read.add_argument("--key", type=Path, required=True, help="the clinic key (clinic.key)")
    read.add_argument("--csv", type=Path, help="write a spreadsheet here instead of printing")
    read.set_defaults(run=run_open)


def _passphrase(confirm: bool) -> str:
    try:
        return ask_secret(PASSPHRASE_VARIABLE, "Passphrase for the clinic key: ", confirm)
    except SecretUnavailable as exc:
        raise KeyFileError(str(exc)) from None


def run_keys_new(args: argparse.Namespace) -> int:
    return make_key_pair(
        args.out,
        PASSPHRASE_VARIABLE,
        "Passphrase for the clinic key: ",
        new_key_pair,
        "give it to the kiosk",
    )


def run_export(args: argparse.Namespace) -> int:
    try:
        written = export_everything(data_dir(args), args.out)
    except (OutboxError, OSError, ConfigError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"exported {len(written)} requests to {args.out}", file=sys.stderr)
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    try:
        with Outbox.open(data_dir(args), public_key=None) as outbox:
            status, refused = outbox.status(), outbox.refused()
    except (OutboxError, ConfigError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"pending: {status.pending}")
    print(f"exported: {status.exported}")
    print(f"delivered: {status.delivered}")
    print(f"oldest not delivered: {status.oldest_undelivered or 'none'}")
    print(f"refused: {status.refused}")
    print(f"failed delivery attempts: {status.failures}")
    if status.last_error:
        print(f"last delivery problem: {status.last_error}")
    for item in refused:
        where = "exported" if item.exported else "export it to a USB stick"
        print(f"request {item.id} ({item.created}): {item.reason} ({where})")
    return EXIT_OK


def run_retry(args: argparse.Namespace) -> int:
    try:
        with Outbox.open(data_dir(args), public_key=None) as outbox:
            count = outbox.send_refused_again()
    except (OutboxError, ConfigError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{count} refused requests will be sent again at the kiosk's next delivery round",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def run_open(args: argparse.Namespace) -> int:
    try:
        key = read_private_key(args.key, _passphrase(confirm=False))
    except KeyFileError as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    files = list(iter_envelopes(args.paths))
    if not files:
        names = ", ".join(str(path) for path in args.paths)
        print(f"kiosk-admin: no {SUFFIX} files in {names}: save the mail attachments "
              "(or export from the kiosk) there first", file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEMS
    opened: list[Opened] = []
    skipped = 0
    for path in files:
        try:
            opened.append(open_envelope(path.read_bytes(), key))
        except (EnvelopeError, OSError) as exc:
            print(f"{path}: skipped: {exc}", file=sys.stderr)
            skipped += 1
    unique = {item.id: item for item in sorted(opened, key=lambda o: o.created)}
    if args.csv:
        _write_csv(args.csv, list(unique.values()))
        print(f"wrote {len(unique)} requests to {args.csv}", file=sys.stderr)
    else:
        for item in unique.values():
            _print(item)
    return EXIT_PROBLEMS if skipped else EXIT_OK


def _row(item: Opened) -> dict[str, str]:
    request = item.request
    return {
        "id": item.id,
        "created": item.created,
        "kiosk": item.kiosk,
        "name": request.name,
        "phone": request.phone,
        "email": request.email,
        "contact_method": request.contact_method,
        "best_time": request.best_time,
        "topics": ", ".join(request.topics),
        "message": request.message,
        "note": item.clock_note,
        # The language the patient read and wrote in: call back in it. (Last, so the
        # columns staff's sheets already use keep their places.)
        "language": f"{request.language} ({own_name(request.language)})",
    }


def _print(item: Opened) -> None:
    for field, value in _row(item).items():
        if value or field not in ("kiosk", "note"):
            print(f"{field + ':':16}{value}")
    print()


def _write_csv(path: Path, items: list[Opened]) -> None:
    """Owner-only, as it holds patients' details; no cell runs as a formula."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for item in items:
            writer.writerow({k: _inert(v) for k, v in _row(item).items()})


def _inert(cell: str) -> str:
    # A spreadsheet runs a cell starting with = + - @ as a formula; a patient
    # typed this text, so it is shown, never run.
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
