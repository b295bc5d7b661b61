"""What is counted: each event, per day, per page (where it has one) and per language.

Nothing else is kept: no time finer than the day, nothing typed, nothing that says which
pages one visit read (kiosk.usage.store keeps only totals).
"""

from __future__ import annotations

import enum


class Event(enum.StrEnum):
    PAGE_OPENED = "page opened"
    READ_UNDER_10_S = "read under 10 s"
    READ_10_TO_60_S = "read 10 to 60 s"
    READ_OVER_60_S = "read over a minute"
    TOUR_STARTED = "tour started"
    TOUR_FINISHED = "tour finished"
    TERM_OPENED = "glossary card opened"
    READ_ALOUD = "read aloud"
    CONTACT_OPENED = "contact form opened"
    CONTACT_SENT = "contact request sent"
    RESET_IDLE = "reset when idle"
    RESET_DONE = "reset by I'm done"
    HELPFUL_YES = "helpful: yes"
    HELPFUL_NO = "helpful: not really"


READ_TIMES = (Event.READ_UNDER_10_S, Event.READ_10_TO_60_S, Event.READ_OVER_60_S)


def read_time(seconds: float) -> Event:
    """How long a page was on the screen, as one of three spans."""
    if seconds < 10:
        return Event.READ_UNDER_10_S
    return Event.READ_10_TO_60_S if seconds <= 60 else Event.READ_OVER_60_S
