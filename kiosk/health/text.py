"""A kiosk's health in words: the staff screen's facts and `kiosk-admin status`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kiosk.system.clock import parse_time

if TYPE_CHECKING:  # the report's imports are heavy; the staff screen loads this early
    from kiosk.bundles.updates import UpdateCheck
    from kiosk.health.report import Health


def for_staff(health: Health) -> tuple[list[list[str]], list[str]]:
    """The staff screen's facts, as [label, text] pairs, and what needs attention."""
    return [list(fact) for fact in facts(health)], problems(health)


def facts(health: Health) -> list[tuple[str, str]]:
    """(label, text) pairs, in the order staff read them."""
    return [
        ("Kiosk", f"{health.kiosk_id}, app version {health.app_version}"),
        ("Content", _content(health)),
        ("Content updates", _updates(health)),
        ("Contact requests", _requests(health)),
        ("Delivery", _delivery(health)),
        ("Disk", _disk(health)),
        *_speech(health),
    ]


def problems(health: Health) -> list[str]:
    """What needs someone's attention; empty when all is well."""
    found = []
    if health.live.outbox_note:
        found.append(health.live.outbox_note[:1].upper() + health.live.outbox_note[1:] + ".")
    noted = health.live.outbox_note
    found += [f"A damaged outbox is kept for IT: {path}" for path in health.damaged
              if str(path) not in noted]  # fmt: skip
    if health.requests_problem:
        found.append(f"Contact requests cannot be read: {health.requests_problem}")
    if health.disk_full:
        found.append("The disk is full: new contact requests cannot be saved. Tell IT.")
    elif health.live.save_failure:
        found.append(f"The last contact request could not be saved ({health.live.save_failure})."
                     " The patient was asked to tell the front desk. Tell IT.")  # fmt: skip
    waiting = [r for r in health.refused if not r.exported]
    if len(waiting) == 1:
        found.append("1 contact request was refused by the mail server: export it to a USB stick")
    elif waiting:
        found.append(f"{len(waiting)} contact requests were refused by the mail server: "
                     "export them to a USB stick")  # fmt: skip
    if health.update is not None and not health.update.ok:
        found.append(_update_problem(health.update))
    if health.clock_note:
        found.append(health.clock_note[:1].upper() + health.clock_note[1:] + ".")
    if health.live.drafts:
        pages = "1 page is a draft" if health.live.drafts == 1 else (
            f"{health.live.drafts} pages are drafts")  # fmt: skip
        found.append(f"{pages}, not yet reviewed by a clinician: patients see them marked "
                     "as drafts. Ask the content author.")  # fmt: skip
    return found


_UPDATE_PROBLEMS = {
    "offline": "The last content update check could not reach the server",
    "failed": "The last content update check failed",
    "incomplete": "The last content update download was cut off",
    "refused": "The last content update was refused",
}


def _update_problem(check: UpdateCheck) -> str:
    text = f"{_UPDATE_PROBLEMS.get(check.outcome, 'The last content update check failed')}"
    text += f": {check.detail}" if check.detail else ""
    return text + (" (the same file as before: not downloaded again)" if check.again else "")


def when(stamp: str | float | None, now: dt.datetime) -> str:
    """An ISO time or epoch seconds as 'YYYY-MM-DD HH:MM UTC (N min ago)'."""
    moment = (
        dt.datetime.fromtimestamp(stamp, dt.UTC) if isinstance(stamp, float) else parse_time(stamp)
    )
    if moment is None:
        return "never" if not stamp else str(stamp)
    return f"{moment:%Y-%m-%d %H:%M} UTC ({_ago((now - moment).total_seconds())})"


def _ago(seconds: float) -> str:
    if seconds < 0:
        return "in the future: check the clock"
    for unit, size in (("day", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if unit == 'day' and count > 1 else ''} ago"
    return "just now"


def _content(health: Health) -> str:
    shown = health.showing
    text = f"{shown.id} version {shown.version}, from {shown.path}" if shown else "not known"
    waiting = health.waiting_to_show
    if waiting is not None:
        text += f"; version {waiting} is installed and shows at the next reset"
    return text


def _updates(health: Health) -> str:
    if not health.update_url:
        return "by USB only (no content.update_url)"
    check = health.update
    if check is None:
        return f"from {health.update_url}; not checked yet"
    return f"last check {when(check.checked, health.now)}: {check.describe()}"


def _requests(health: Health) -> str:
    status = health.requests
    if status is None:
        return f"not available: {health.requests_problem}"
    text = (f"{status.pending} waiting, {status.exported} exported, "
            f"{status.delivered} delivered")  # fmt: skip
    if status.oldest_undelivered:
        text += f"; oldest waiting since {when(status.oldest_undelivered, health.now)}"
    return text


def _delivery(health: Health) -> str:
    status = health.requests
    text = health.delivery
    if status is not None and status.failures:
        text += f"; {status.failures} failed attempt{'s' if status.failures != 1 else ''} so far"
    if status is not None and status.last_error:
        text += f"; last problem: {status.last_error}"
    for refused in health.refused:
        state = "exported" if refused.exported else "export it to USB"
        text += f"; request {refused.id[:8]} {refused.reason} ({state})"
    return text


def _disk(health: Health) -> str:
    if health.disk_free is None or health.disk_total is None:
        return "unknown"
    text = f"{health.disk_free / 2**30:.1f} GB free of {health.disk_total / 2**30:.1f} GB"
    return text + (" — full" if health.disk_full else "")


def _speech(health: Health) -> list[tuple[str, str]]:
    """Read-aloud's voice, or why there is none; only the running kiosk knows it."""
    line = health.live.speech
    if not line:
        return []
    label, _, text = line.partition(": ")
    return [(label, text)]
