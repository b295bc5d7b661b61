"""The wall clock jumps a year back, then forward, while the kiosk runs (a PC with no clock
battery whose time is corrected late): retries and update checks still come on time.

The kiosk's workers run in a child process under libfaketime (Debian's faketime),
whose wall clock the test moves; the monotonic clock is left alone, as on a real
machine when network time steps the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from nacl.public import PublicKey

from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import Outbox
from tests.conftest import REPO
from tests.servers import RecordingHttpServer, http_server
from tests.unit.outbox.conftest import a_request
from tests.waiting import wait_until

FAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1")
needs_faketime = pytest.mark.skipif(
    not FAKETIME.exists(), reason="needs libfaketime (Debian's faketime; .ci/run installs it)"
)


class Child:
    def __init__(self, process: subprocess.Popen[str], clock_file: Path) -> None:
        self.process = process
        self.clock_file = clock_file

    def set_clock(self, offset: str) -> None:
        """Move the child's wall clock, e.g. "-365d"; it reads the file at every call."""
        self.clock_file.write_text(offset + "\n")

    def submit(self) -> str:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write("submit\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()


@contextmanager
def workers(tmp_path: Path, clinic_pub: Path, server: RecordingHttpServer) -> Iterator[Child]:
    clock_file = tmp_path / "faketime"
    clock_file.write_text("+0d\n")
    environment = {
        **os.environ,
        "LD_PRELOAD": str(FAKETIME),
        "FAKETIME_TIMESTAMP_FILE": str(clock_file),
        "FAKETIME_NO_CACHE": "1",
        "DONT_FAKE_MONOTONIC": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.system.clock_child", str(tmp_path / "data"),
         str(clinic_pub), server.url + "/requests", server.url + "/clinic.kbundle"],
        cwd=REPO, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdin is not None
    try:
        assert process.stdout.readline().strip() == "ready"
        yield Child(process, clock_file)
    finally:
        if process.poll() is None:
            process.stdin.write("stop\n")
            process.stdin.flush()
        process.wait(timeout=20)
        process.stdin.close()
        process.stdout.close()


def update_checks(server: RecordingHttpServer) -> int:
    return server.requests.count("/clinic.kbundle")


@needs_faketime
def test_retries_and_update_checks_go_on_through_clock_jumps(
    tmp_path: Path, clinic_keys: tuple[Path, Path], private_key: object
) -> None:
    with http_server(fail_first=1) as server, workers(tmp_path, clinic_keys[0], server) as child:
        first = child.submit()
        wait_until(lambda: server.attempts == [first], "the first attempt (refused)")

        child.set_clock("-365d")  # corrected a year back, with a retry pending
        wait_until(lambda: [k for k, _ in server.posts] == [first], "the retry, not in a year")
        checks = update_checks(server)
        wait_until(lambda: update_checks(server) >= checks + 3, "update checks after the jump")

        child.set_clock("+365d")  # and a year forward
        second = child.submit()
        wait_until(lambda: len(server.posts) == 2, "the next request after the jump forward")
        checks = update_checks(server)
        wait_until(lambda: update_checks(server) >= checks + 3, "update checks after it")

    assert [key for key, _ in server.posts] == [first, second]  # each exactly once
    for key, body in server.posts:
        assert open_envelope(body, private_key).id == key  # type: ignore[arg-type]


def test_a_request_saved_while_the_clock_is_unset_carries_a_note(
    tmp_path: Path, public_key: PublicKey, private_key: object
) -> None:
    never_set = dt.datetime(1970, 1, 1, 0, 5, tzinfo=dt.UTC)  # no clock battery, no network
    outbox = Outbox.open(tmp_path, public_key, "lobby-1", clock=lambda: never_set)
    request_id = outbox.submit(a_request())

    [file] = outbox.export(tmp_path / "usb")
    opened = open_envelope(file.read_bytes(), private_key)  # type: ignore[arg-type]

    assert opened.id == request_id
    assert opened.created == "1970-01-01T00:05:00+00:00"
    assert "the kiosk's clock read 1970-01-01 00:05 UTC, which cannot be right" in (
        opened.clock_note
    )
    assert opened.kiosk == "lobby-1"
    outbox.close()


def test_a_jump_is_noticed_once_with_the_times_it_put_off() -> None:
    from kiosk.system.clock import ClockWatch

    start = dt.datetime(2025, 12, 1, 8, 0, tzinfo=dt.UTC)  # a year behind, from boot
    now = {"wall": start, "mono": 100.0}
    watch = ClockWatch(lambda: now["wall"], lambda: now["mono"])

    now["wall"] += dt.timedelta(minutes=30)
    now["mono"] += 1800
    assert watch.jump() is None  # the clocks agree
    now["wall"] += dt.timedelta(days=365, minutes=5)  # network time arrives
    now["mono"] += 300
    jump = watch.jump()

    assert jump is not None
    assert jump.shift == dt.timedelta(days=365)
    assert (jump.since, jump.until) == (start, start + dt.timedelta(minutes=35))
    assert watch.jump() is None  # said once


def test_requests_saved_before_a_correction_carry_it_and_their_age_is_right(
    tmp_path: Path, public_key: PublicKey, private_key: object
) -> None:
    behind = dt.datetime(2025, 12, 1, 8, 0, tzinfo=dt.UTC)  # the clock, a year behind
    clock = {"now": behind}
    outbox = Outbox.open(tmp_path, public_key, clock=lambda: clock["now"])
    early = outbox.submit(a_request())
    clock["now"] = behind + dt.timedelta(days=365, minutes=10)  # corrected
    late = outbox.submit(a_request(name="Bo"))

    noted = outbox.note_clock_jump(behind, behind + dt.timedelta(minutes=5),
                                   dt.timedelta(days=365))  # fmt: skip

    assert noted == 1
    assert outbox.status().oldest_undelivered == "2026-12-01T08:00:00+00:00"  # not 2025
    files = {f.stem: f for f in outbox.export(tmp_path / "usb")}
    opened = open_envelope(files[early].read_bytes(), private_key)  # type: ignore[arg-type]
    assert "clock was corrected by +365.0 days after this request was saved" in opened.clock_note
    assert open_envelope(files[late].read_bytes(), private_key).clock_note == ""  # type: ignore[arg-type]
    outbox.close()
