"""The idle policy with a clock the test moves by hand."""

from __future__ import annotations

import pytest

from kiosk.session.idle import IdlePolicy, IdleState, IdleTimes, ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def policy(clock: ManualClock) -> IdlePolicy:
    policy = IdlePolicy(clock, IdleTimes(reading=120, form=90, warning=30))
    policy.resume()
    return policy


def test_warns_after_the_idle_time_then_expires(policy: IdlePolicy, clock: ManualClock) -> None:
    clock.advance(119.9)
    assert policy.state() is IdleState.ACTIVE
    clock.advance(0.1)
    assert policy.state() is IdleState.WARNING
    assert policy.seconds_left() == 30
    clock.advance(29.5)
    assert policy.seconds_left() == 1
    clock.advance(0.5)
    assert policy.state() is IdleState.EXPIRED
    assert policy.seconds_left() == 0


def test_a_touch_during_the_warning_extends(policy: IdlePolicy, clock: ManualClock) -> None:
    clock.advance(140)
    assert policy.state() is IdleState.WARNING

    policy.touched()

    assert policy.state() is IdleState.ACTIVE
    clock.advance(119)
    assert policy.state() is IdleState.ACTIVE


def test_the_form_times_out_sooner(policy: IdlePolicy, clock: ManualClock) -> None:
    policy.set_on_form(True)
    clock.advance(90)
    assert policy.state() is IdleState.WARNING
    policy.set_on_form(False)
    assert policy.state() is IdleState.ACTIVE


def test_no_reset_while_a_patient_keeps_touching(policy: IdlePolicy, clock: ManualClock) -> None:
    for _ in range(600):  # ten minutes of reading, a touch every second
        clock.advance(1)
        policy.touched()
        assert policy.state() is IdleState.ACTIVE


def test_nothing_is_timed_on_the_attract_screen(policy: IdlePolicy, clock: ManualClock) -> None:
    policy.pause()
    clock.advance(10_000)
    assert policy.state() is IdleState.ACTIVE

    policy.resume()

    assert policy.state() is IdleState.ACTIVE
    clock.advance(120)
    assert policy.state() is IdleState.WARNING


@pytest.mark.parametrize("times", [{"warning": 19}, {"reading": 0}, {"form": -5}])
def test_unsafe_times_are_refused(times: dict[str, float]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the messages are tested where shown)
        IdleTimes(**times)
