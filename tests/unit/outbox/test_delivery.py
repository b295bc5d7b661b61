"""Requests reach the clinic's server or mail relay, retried until they do."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.outbox.delivery import DeliveryWorker, deliver_due
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import Outbox
from kiosk.outbox.targets import HttpTarget, SmtpTarget
from tests.servers import free_port, http_server, smtp_relay
from tests.unit.outbox.conftest import a_request
from tests.waiting import wait_until

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def later(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_http_delivery_posts_each_sealed_request_with_its_id(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey
) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    ids = {outbox.submit(a_request()), outbox.submit(a_request(name="Bo"))}

    with http_server() as server:
        delivered = deliver_due(outbox, HttpTarget(server.url + "/requests").send, later(0))

    assert delivered == 2
    assert {key for key, _ in server.posts} == ids
    for key, body in server.posts:
        assert open_envelope(body, private_key).id == key
    assert outbox.status().delivered == 2
    assert outbox.due(later(10_000)) == []


def test_a_server_that_fails_twice_gets_the_request_on_the_third_try(
    tmp_path: Path, public_key: PublicKey
) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    request_id = outbox.submit(a_request())

    with http_server(fail_first=2) as server:
        send = HttpTarget(server.url).send
        assert deliver_due(outbox, send, later(0)) == 0  # 503: retry in 30 s
        assert deliver_due(outbox, send, later(29)) == 0  # not yet due: no request sent
        assert deliver_due(outbox, send, later(30)) == 0  # 503 again: retry in 60 s more
        assert deliver_due(outbox, send, later(89)) == 0
        assert deliver_due(outbox, send, later(90)) == 1

    assert server.attempts == [request_id] * 3
    assert [key for key, _ in server.posts] == [request_id]
    assert outbox.status().delivered == 1
    assert outbox.status().failures == 2


def test_a_server_down_across_a_restart_still_gets_every_request_once(
    tmp_path: Path, public_key: PublicKey
) -> None:
    port = free_port()
    target = HttpTarget(f"http://127.0.0.1:{port}/", timeout=2)
    outbox = Outbox.open(tmp_path, public_key)
    ids = {outbox.submit(a_request(name=f"P{n}")) for n in range(3)}
    assert deliver_due(outbox, target.send, later(0)) == 0  # nobody is listening
    outbox.close()  # the kiosk restarts

    reopened = Outbox.open(tmp_path, public_key)
    assert reopened.status().delivered == 0
    with http_server(port=port) as server:
        assert deliver_due(reopened, target.send, later(30)) == 3

    assert {key for key, _ in server.posts} == ids  # after de-duplication by id
    assert len(server.posts) == 3


def test_smtp_delivery_attaches_the_sealed_request(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey
) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    request_id = outbox.submit(a_request())

    with smtp_relay() as relay:
        target = SmtpTarget("127.0.0.1", relay.port, "kiosk@clinic.example",
                            "desk@clinic.example", kiosk_id="waiting-room-2")  # fmt: skip
        assert deliver_due(outbox, target.send, later(0)) == 1

    [message] = relay.messages
    assert "waiting-room-2" in message["Subject"]
    assert message["Message-ID"] == f"<{request_id}@clinic-kiosk>"
    assert "Ana" not in message.as_string()  # only the sealed envelope travels
    [attachment] = [part for part in message.walk() if part.get_filename()]
    assert attachment.get_filename() == f"{request_id}.sealed"
    assert open_envelope(attachment.get_payload(decode=True), private_key).id == request_id


def test_an_unreachable_relay_is_retried(tmp_path: Path, public_key: PublicKey) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    outbox.submit(a_request())
    target = SmtpTarget("127.0.0.1", free_port(), "a@b.example", "c@d.example", timeout=2)

    assert deliver_due(outbox, target.send, later(0)) == 0
    assert outbox.next_attempt(later(0)) == later(30)


def test_the_worker_delivers_in_the_background(tmp_path: Path, public_key: PublicKey) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    with http_server() as server:
        worker = DeliveryWorker(tmp_path, HttpTarget(server.url).send)
        worker.start()
        request_id = outbox.submit(a_request())
        worker.wake()
        wait_until(lambda: server.posts, "the request to arrive")
        worker.stop()

    assert [key for key, _ in server.posts] == [request_id]
    assert outbox.status().delivered == 1


@pytest.mark.parametrize(
    ("attempts", "seconds"), [(1, 30), (2, 60), (3, 120), (7, 1920), (8, 3600), (50, 3600)]
)
def test_back_off_doubles_up_to_an_hour(attempts: int, seconds: int) -> None:
    from kiosk.outbox.records import retry_delay

    assert retry_delay(attempts) == dt.timedelta(seconds=seconds)


def test_delivery_follows_the_settings(tmp_path: Path) -> None:
    from kiosk.config import load_config
    from kiosk.outbox.targets import target_from_config

    assert target_from_config(load_config(None, {})) is None
    http = load_config(None, {"KIOSK_REQUESTS_DELIVERY_URL": "https://c.example/in",
                              "KIOSK_KIOSK_ID": "lobby-1"})  # fmt: skip
    assert target_from_config(http, "1.2.3") == HttpTarget(
        "https://c.example/in", "clinic-kiosk/1.2.3 (lobby-1)"
    )
    password = tmp_path / "smtp-password"
    password.write_text("s3cret\n")
    smtp = load_config(
        None,
        {
            "KIOSK_REQUESTS_SMTP_HOST": "relay.clinic.example",
            "KIOSK_REQUESTS_SMTP_PORT": "465",
            "KIOSK_REQUESTS_SMTP_TLS": "implicit",
            "KIOSK_REQUESTS_SMTP_USER": "kiosk",
            "KIOSK_REQUESTS_SMTP_PASSWORD_FILE": str(password),
            "KIOSK_REQUESTS_SMTP_FROM": "kiosk@clinic.example",
            "KIOSK_REQUESTS_SMTP_TO": "desk@clinic.example",
            "KIOSK_NETWORK_CA_FILE": "/etc/clinic/ca.pem",
            "KIOSK_KIOSK_ID": "lobby-1",
        },
    )
    assert target_from_config(smtp) == SmtpTarget(
        "relay.clinic.example", 465, "kiosk@clinic.example", "desk@clinic.example", "implicit",
        "kiosk", password, Path("/etc/clinic/ca.pem"), "lobby-1",
    )  # fmt: skip


SMTP = {"KIOSK_REQUESTS_SMTP_HOST": "h", "KIOSK_REQUESTS_SMTP_FROM": "a@b.example",
        "KIOSK_REQUESTS_SMTP_TO": "c@d.example"}  # fmt: skip


@pytest.mark.parametrize(
    ("environment", "words"),
    [
        ({"KIOSK_REQUESTS_SMTP_HOST": "h"}, "needs requests.smtp_from"),
        ({"KIOSK_REQUESTS_SMTP_HOST": "h", "KIOSK_REQUESTS_DELIVERY_URL": "https://x"}, "not both"),
        ({**SMTP, "KIOSK_REQUESTS_SMTP_USER": "u", "KIOSK_REQUESTS_SMTP_TLS": "off",
          "KIOSK_REQUESTS_SMTP_PASSWORD_FILE": "/p"}, "a password never travels in plain text"),
        ({**SMTP, "KIOSK_REQUESTS_SMTP_USER": "u"}, "needs requests.smtp_password_file"),
    ],
)  # fmt: skip
def test_incomplete_delivery_settings_are_named(environment: dict[str, str], words: str) -> None:
    from kiosk.config import load_config
    from kiosk.outbox.targets import target_from_config

    with pytest.raises(ValueError, match=words):
        target_from_config(load_config(None, environment))


def test_the_worker_keeps_going_after_a_database_error(
    tmp_path: Path, public_key: PublicKey, caplog: pytest.LogCaptureFixture
) -> None:
    outbox = Outbox.open(tmp_path, public_key)
    outbox.submit(a_request())
    calls = []

    def clock() -> dt.datetime:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return later(0)

    with http_server() as server:
        worker = DeliveryWorker(tmp_path, HttpTarget(server.url).send, clock=clock)
        worker.start()

        def arrived() -> bool:
            worker.wake()  # the pause after the locked database may be cut short at once
            return bool(server.posts)

        wait_until(arrived, "the request to arrive after the pause")
        worker.stop()

    assert len(server.posts) == 1
    assert "delivery paused for 30 s: OperationalError: database is locked" in caplog.text
