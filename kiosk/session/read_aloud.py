"""Reading a page aloud one sentence at a time: which sentence is being said, and what the
speech engine is to say next. The engine itself is the bridge's (kiosk.bridge.speech).

A sentence at a time, rather than the whole page in one go, because the engines differ in
what they report: speech-dispatcher says nothing of where it is inside a text, but every
engine says when it has finished one. So the sentence on screen is always the one heard.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

# Qt's rate runs from -1 (slowest) to 1; 0 is the voice's own pace.
NORMAL_RATE = 0.0
SLOWER_RATE = -0.35


class Speaking(enum.Enum):
    IDLE = "idle"
    SPEAKING = "speaking"
    PAUSED = "paused"


def worth_saying(sentence: str) -> bool:
    """A sentence with a letter or a digit in it: an engine may say nothing at all for "—"
    and never report that it finished."""
    return any(character.isalnum() for character in sentence)


@dataclass
class Reading:
    """What is being read (a page, the contact details), and how far the voice has got."""

    key: str = ""  # which text: the screen that asked, e.g. "page:opioids"
    sentences: tuple[str, ...] = ()
    index: int = -1  # the sentence being said, or -1
    state: Speaking = Speaking.IDLE
    slower: bool = False
    _finished_while_paused: bool = False

    @property
    def current(self) -> str:
        """The sentence being said (or paused in); "" when nothing is being read."""
        return self.sentences[self.index] if self.state is not Speaking.IDLE else ""

    @property
    def rate(self) -> float:
        return SLOWER_RATE if self.slower else NORMAL_RATE

    def start(self, key: str, sentences: Iterable[str]) -> str | None:
        """Read `sentences` from the first: the one to say now (None: nothing to read)."""
        kept = tuple(s.strip() for s in sentences if worth_saying(s))
        self.stop()
        if not kept:
            return None
        self.key, self.sentences, self.index = key, kept, 0
        self.state = Speaking.SPEAKING
        return kept[0]

    def said(self) -> str | None:
        """The engine finished the sentence: the next one to say, or None (the end, or the
        reading was paused or stopped meanwhile)."""
        if self.state is Speaking.PAUSED:
            self._finished_while_paused = True
            return None
        if self.state is not Speaking.SPEAKING:
            return None
        if self.index + 1 >= len(self.sentences):
            self.stop()
            return None
        self.index += 1
        return self.sentences[self.index]

    def pause(self) -> bool:
        """True if there was something to pause."""
        if self.state is not Speaking.SPEAKING:
            return False
        self.state = Speaking.PAUSED
        return True

    def resume(self) -> tuple[bool, str | None]:
        """(resumed at all, a sentence to say anew): when the engine finished the sentence
        just as it was paused, the next one is said; otherwise the engine resumes."""
        if self.state is not Speaking.PAUSED:
            return False, None
        self.state = Speaking.SPEAKING
        if not self._finished_while_paused:
            return True, None
        self._finished_while_paused = False
        following = self.said()
        return following is not None, following

    def stop(self) -> None:
        self.key, self.sentences, self.index = "", (), -1
        self.state = Speaking.IDLE
        self._finished_while_paused = False

    def forget(self) -> None:
        """The next patient starts with nothing being read, at the normal pace."""
        self.stop()
        self.slower = False
