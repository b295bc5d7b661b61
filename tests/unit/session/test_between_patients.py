"""Between patients the kiosk forgets everything, with no screen involved."""

from __future__ import annotations

from kiosk.session.between_patients import BetweenPatients
from kiosk.session.display import DisplayChoices
from kiosk.session.idle import IdlePolicy, IdleTimes, ManualClock
from kiosk.session.navigation import Navigator, Screen


class Clipboard:
    def __init__(self) -> None:
        self.text = "a patient's phone number, selected"

    def reset(self) -> None:
        self.text = ""


def test_starting_over_forgets_the_screens_the_display_the_clipboard_and_rests_the_timer() -> None:
    navigator = Navigator(("intro", "details"), ["intro", "details"], ["basics"])
    navigator.home()
    navigator.open_topic("basics")
    display = DisplayChoices()
    display.text_step, display.high_contrast = 2, True
    clipboard = Clipboard()
    idle = IdlePolicy(ManualClock(), IdleTimes(reading=120, form=90, warning=30))
    idle.resume()

    BetweenPatients((navigator, display, clipboard), idle).start_over()

    assert navigator.current.screen is Screen.ATTRACT
    assert not navigator.can_go_back
    assert (display.text_step, display.high_contrast) == (0, False)
    assert clipboard.text == ""
    assert idle.paused
