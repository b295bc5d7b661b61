"""Receivers that misbehave the ways real ones do: no request is ever lost or silently stalled.

nginx (Debian's nginx-light) stands in front of a recording server as a clinic's
web server would: it redirects, fails, and serves HTTPS with the clinic's own
certificate authority. Other faults come from servers that cut replies off,
never answer, or are not HTTP at all. After each, the fixed receiver gets
every request exactly once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.outbox.delivery import DeliveryWorker, deliver_due
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import Outbox
from kiosk.outbox.targets import HttpTarget, Target
from tests.nginx import Nginx, needs_nginx, nginx
from tests.servers import RecordingHttpServer, free_port, http_server, smtp_relay
from tests.tls import Certificates
from tests.unit.outbox.conftest import a_request
from tests.waiting import wait_until

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)

SERVERS = """
server {{
    listen 127.0.0.1:{http};
    location = /requests {{ proxy_pass http://127.0.0.1:{backend}; }}
    location = /moved {{ return 301 https://127.0.0.1:{https}/requests; }}
    location = /found {{ return 302 /requests; }}
    location = /see-other {{ return 303 /requests; }}
    location = /temporary {{ return 307 /requests; }}
    location = /permanent {{ return 308 /requests; }}
    location /inbox/ {{ proxy_pass http://127.0.0.1:{backend}/requests; }}
    location = /broken {{ return 500; }}
}}
server {{
    listen 127.0.0.1:{https} ssl;
    ssl_certificate {cert};
    ssl_certificate_key {key};
    location = /requests {{ proxy_pass http://127.0.0.1:{backend}; }}
}}
"""


class Site:
    """nginx on two ports (HTTP, HTTPS) in front of a recording server."""

    def __init__(self, server: RecordingHttpServer, web: Nginx, http: int, https: int) -> None:
        self.backend, self.web = server, web
        self.http = f"http://127.0.0.1:{http}"
        self.https = f"https://127.0.0.1:{https}"


@pytest.fixture
def site(tmp_path: Path, certificates: Certificates) -> Iterator[Site]:
    http, https = free_port(), free_port()
    with http_server() as backend:
        servers = SERVERS.format(http=http, https=https, backend=backend.server_address[1],
                                 cert=certificates.cert, key=certificates.key)  # fmt: skip
        with nginx(tmp_path / "nginx", servers, [http, https]) as web:
            yield Site(backend, web, http, https)


def outbox_with(tmp_path: Path, public_key: PublicKey, count: int = 1) -> tuple[Outbox, list[str]]:
    outbox = Outbox.open(tmp_path / "data", public_key)
    return outbox, [outbox.submit(a_request(name=f"Patient {n}")) for n in range(count)]


def last_error(outbox: Outbox) -> str:
    return outbox.status().last_error


@needs_nginx
@pytest.mark.parametrize(
    ("path", "code", "where"),
    [
        ("/moved", 301, "{https}/requests"),  # http → https
        ("/found", 302, "{http}/requests"),
        ("/see-other", 303, "{http}/requests"),
        ("/temporary", 307, "{http}/requests"),
        ("/permanent", 308, "{http}/requests"),
        ("/inbox", 301, "{http}/inbox/"),  # nginx's own trailing-slash redirect
    ],
)
def test_a_redirect_is_a_failure_that_names_the_address_to_set(
    site: Site, tmp_path: Path, public_key: PublicKey, certificates: Certificates,
    path: str, code: int, where: str,
) -> None:  # fmt: skip
    outbox, [request_id] = outbox_with(tmp_path, public_key)
    target = where.format(http=site.http, https=site.https)

    assert deliver_due(outbox, HttpTarget(site.http + path).send, T0) == 0

    assert outbox.status().delivered == 0  # the POST never arrived: not delivered
    assert site.backend.posts == []
    assert last_error(outbox) == (
        f"requests.delivery_url redirects ({code}) to {target}: set that address"
    )
    # IT sets the address named: the request goes, once.
    fixed = HttpTarget(target, ca_file=certificates.clinic_ca)
    assert deliver_due(outbox, fixed.send, T0 + dt.timedelta(minutes=1)) == 1
    assert [key for key, _ in site.backend.posts] == [request_id]


@needs_nginx
def test_a_server_error_is_retried_and_the_request_goes_once_it_is_fixed(
    site: Site, tmp_path: Path, public_key: PublicKey
) -> None:
    outbox, [request_id] = outbox_with(tmp_path, public_key)

    assert deliver_due(outbox, HttpTarget(site.http + "/broken").send, T0) == 0
    assert last_error(outbox) == "the server answered 500 Internal Server Error"
    assert outbox.due(T0 + dt.timedelta(seconds=29)) == []  # backing off
    assert deliver_due(outbox, HttpTarget(site.http + "/requests").send,
                       T0 + dt.timedelta(seconds=30)) == 1  # fmt: skip
    assert [key for key, _ in site.backend.posts] == [request_id]


@needs_nginx
def test_https_with_the_clinics_own_authority_needs_network_ca_file(
    site: Site, tmp_path: Path, public_key: PublicKey, certificates: Certificates
) -> None:
    outbox, [request_id] = outbox_with(tmp_path, public_key)
    url = site.https + "/requests"

    assert deliver_due(outbox, HttpTarget(url).send, T0) == 0
    assert "certificate is not trusted" in last_error(outbox)
    assert "network.ca_file" in last_error(outbox)
    later = T0 + dt.timedelta(hours=2)
    assert deliver_due(outbox, HttpTarget(url, ca_file=certificates.stranger_ca).send, later) == 0
    assert "certificate is not trusted" in last_error(outbox)

    assert deliver_due(outbox, HttpTarget(url, ca_file=certificates.clinic_ca).send,
                       later + dt.timedelta(hours=2)) == 1  # fmt: skip
    assert [key for key, _ in site.backend.posts] == [request_id]
    assert site.web.access_log()[-1][1:4] == ["POST", "/requests", "200"]


class Switch:
    """A delivery target the test can swap while the worker runs."""

    def __init__(self, target: Target) -> None:
        self.target = target

    def send(self, request_id: str, sealed_file: bytes) -> None:
        self.target.send(request_id, sealed_file)


class MovableClock:
    """The wall clock the worker reads; the test moves it past retry times."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


FAULTS = {
    "truncate": "the reply was cut off",
    "slow": "no answer in time",
    "500": "the server answered 500",
    "not HTTP": "the reply is not HTTP ('220 ",
}


# size: one fault's whole story: the request fails, the receiver is mended, both arrive once
@pytest.mark.parametrize("fault", FAULTS)
def test_after_each_bad_reply_the_worker_goes_on_and_nothing_is_lost(
    tmp_path: Path, public_key: PublicKey, private_key: PrivateKey,
    caplog: pytest.LogCaptureFixture, fault: str,
) -> None:  # fmt: skip
    caplog.set_level(logging.INFO, logger="kiosk.outbox")
    data = tmp_path / "data"
    outbox = Outbox.open(data, public_key)
    clock = MovableClock()
    with http_server() as server, smtp_relay() as relay:
        good = HttpTarget(server.url + "/requests", timeout=1)
        if fault == "not HTTP":  # a mail server's port, given by mistake
            switch = Switch(HttpTarget(f"http://127.0.0.1:{relay.port}/", timeout=5))
        else:
            server.mode = fault
            switch = Switch(good)
        worker = DeliveryWorker(data, switch.send, clock)
        worker.start()
        try:
            first = outbox.submit(a_request(name="First"))
            worker.wake()
            wait_until(lambda: outbox.status().failures == 1, "the first attempt to fail")
            assert FAULTS[fault] in last_error(outbox)
            assert outbox.status().delivered == 0
            assert worker.alive

            server.mode, switch.target = "ok", good  # the receiver is mended
            second = outbox.submit(a_request(name="Second"))
            worker.wake()
            wait_until(lambda: outbox.status().delivered == 1, "the next request to go")
            clock.now += dt.timedelta(seconds=31)  # the first one's retry time comes
            worker.wake()
            wait_until(lambda: outbox.status().delivered == 2, "the first request's retry")
        finally:
            worker.stop()
            server.release.set()

    assert sorted(key for key, _ in server.posts) == sorted([first, second])  # once each
    for key, body in server.posts:
        assert open_envelope(body, private_key).id == key
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(first in line and FAULTS[fault] in line for line in warnings)
    assert "First" not in caplog.text  # ids, never contents
    assert "Second" not in caplog.text


def test_an_unexpected_error_in_sending_is_a_failure_not_the_end(
    tmp_path: Path, public_key: PublicKey, caplog: pytest.LogCaptureFixture
) -> None:
    outbox, [request_id] = outbox_with(tmp_path, public_key)

    def broken(request_id: str, sealed_file: bytes) -> None:
        raise KeyError("a bug")

    assert deliver_due(outbox, broken, T0) == 0
    assert outbox.status().failures == 1
    assert last_error(outbox) == "KeyError: 'a bug'"
    assert f"request {request_id}: unexpected failure while sending" in caplog.text


def test_retry_times_from_before_the_clock_was_set_back_are_due_now(
    tmp_path: Path, public_key: PublicKey
) -> None:
    outbox, [request_id] = outbox_with(tmp_path, public_key)
    with http_server(fail_first=1) as server:
        send = HttpTarget(server.url).send
        assert deliver_due(outbox, send, T0) == 0  # retry at T0 + 30 s
        a_year_back = T0 - dt.timedelta(days=365)  # the clock is corrected, a year back

        assert outbox.next_attempt(a_year_back) == a_year_back  # due now
        assert deliver_due(outbox, send, a_year_back) == 1  # not in a year

    assert server.attempts == [request_id, request_id]


def test_a_clock_set_forward_makes_every_retry_due(tmp_path: Path, public_key: PublicKey) -> None:
    outbox, ids = outbox_with(tmp_path, public_key, count=2)
    with http_server(fail_first=1) as server:
        assert deliver_due(outbox, HttpTarget(server.url).send, T0) == 0  # down: both wait
        assert deliver_due(outbox, HttpTarget(server.url).send, T0 + dt.timedelta(days=365)) == 2
    assert server.attempts == [ids[0], *ids]


def test_a_receiver_that_fails_ends_the_round_so_the_rest_do_not_each_time_out(
    tmp_path: Path, public_key: PublicKey
) -> None:
    outbox, ids = outbox_with(tmp_path, public_key, count=5)
    with http_server() as server:
        server.mode = "slow"
        target = HttpTarget(server.url, timeout=1)

        assert deliver_due(outbox, target.send, T0) == 0

        assert server.attempts == [ids[0]]  # one timeout, not five
        assert outbox.status().failures == 1
        server.mode = "ok"
        assert deliver_due(outbox, target.send, T0 + dt.timedelta(seconds=30)) == 5
        server.release.set()
    assert [key for key, _ in server.posts] == ids  # oldest first, each once


def test_a_receiver_that_trickles_its_reply_is_given_up_on(
    tmp_path: Path, public_key: PublicKey
) -> None:
    """Every byte comes inside the socket timeout, so only a deadline on the whole ends it."""
    data = tmp_path / "data"
    outbox = Outbox.open(data, public_key)
    request_id = outbox.submit(a_request())
    with http_server() as server:
        server.mode = "trickle"
        worker = DeliveryWorker(data, HttpTarget(server.url, timeout=5).send, deadline=1)
        worker.start()
        try:
            wait_until(lambda: outbox.status().failures == 1, "the attempt to be given up on")
            assert last_error(outbox) == "no complete answer within 1 s"
            assert worker.alive
        finally:
            worker.stop()
            server.release.set()
    assert server.attempts == [request_id]
