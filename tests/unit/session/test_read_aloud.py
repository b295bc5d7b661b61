"""Reading aloud a sentence at a time: what the voice is given next, through pauses and stops."""

from __future__ import annotations

from kiosk.session.read_aloud import NORMAL_RATE, SLOWER_RATE, Reading, Speaking

PAGE = ["Opioids and long-term pain", "—", "Over time, the same dose may do less.", "Ask."]


def test_each_sentence_follows_the_last_until_the_end() -> None:
    reading = Reading()

    assert reading.start("page:opioids", PAGE) == "Opioids and long-term pain"
    assert (reading.key, reading.current, reading.state) == (
        "page:opioids", "Opioids and long-term pain", Speaking.SPEAKING)  # fmt: skip
    assert reading.said() == "Over time, the same dose may do less."  # "—" is not said
    assert reading.said() == "Ask."
    assert reading.said() is None
    assert (reading.state, reading.current, reading.key) == (Speaking.IDLE, "", "")


def test_nothing_worth_saying_reads_nothing() -> None:
    reading = Reading()
    assert reading.start("page:empty", ["", " ", "…"]) is None
    assert reading.state is Speaking.IDLE


def test_a_pause_holds_the_sentence_and_resume_goes_on_with_it() -> None:
    reading = Reading()
    reading.start("page:opioids", PAGE)

    assert reading.pause()
    assert reading.current == "Opioids and long-term pain"
    assert reading.said() is None  # the voice stopped at a sentence's end: nothing new yet
    assert reading.state is Speaking.PAUSED
    assert reading.resume() == (True, "Over time, the same dose may do less.")
    assert reading.state is Speaking.SPEAKING


def test_resume_asks_the_engine_to_go_on_when_the_sentence_was_not_finished() -> None:
    reading = Reading()
    reading.start("page:opioids", PAGE)
    reading.pause()

    assert reading.resume() == (True, None)
    assert reading.resume() == (False, None)  # not paused: nothing to resume
    assert not Reading().pause()  # nothing read: nothing to pause


def test_a_stopped_reading_ignores_the_engine_finishing() -> None:
    reading = Reading()
    reading.start("page:opioids", PAGE)
    reading.stop()

    assert reading.said() is None
    assert reading.state is Speaking.IDLE


def test_the_next_patient_starts_at_the_normal_pace_with_nothing_read() -> None:
    reading = Reading(slower=True)
    assert reading.rate == SLOWER_RATE
    reading.start("contact", PAGE)

    reading.forget()

    assert (reading.state, reading.slower, reading.rate) == (Speaking.IDLE, False, NORMAL_RATE)
