"""What only the running kiosk knows of itself; light enough to import before the first frame."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.bundles.pointer import Showing


@dataclass(frozen=True)
class Live:
    """Made on the screen thread, read by the staff screen and the metrics thread."""

    showing: Showing | None = None
    outbox_note: str = ""  # e.g. a damaged outbox was set aside at start
    save_failure: str = ""  # why the last request could not be saved; "" after a save
    drafts: int = 0  # pages on show that no clinician has reviewed yet
    speech: str = ""  # read-aloud's one line: its voice, or why it is off ("": not known)
    speech_available: bool = False
