"""Mail delivery through a real relay (aiosmtpd): TLS as the settings ask, AUTH only over TLS,
a permanent refusal kept for export, and exactly one message per request once it works."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from nacl.public import PrivateKey, PublicKey

from kiosk.admin.cli import main as admin
from kiosk.outbox.delivery import deliver_due
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import Outbox
from kiosk.outbox.targets import SmtpTarget
from tests.servers import smtp_relay
from tests.tls import Certificates
from tests.unit.outbox.conftest import a_request

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
DESK = "desk@clinic.example"


def relay_target(port: int, **settings: object) -> SmtpTarget:
    return SmtpTarget("127.0.0.1", port, "kiosk@clinic.example", DESK, timeout=5,
                      **settings)  # type: ignore[arg-type]  # fmt: skip


@pytest.fixture
def outbox(tmp_path: Path, public_key: PublicKey) -> Outbox:
    return Outbox.open(tmp_path / "data", public_key)


@pytest.fixture
def password(tmp_path: Path) -> Path:
    path = tmp_path / "smtp-password"
    path.write_text("relay pass phrase\n")
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_starttls_with_the_clinics_authority_then_auth(
    outbox: Outbox, certificates: Certificates, password: Path, private_key: PrivateKey,
    mechanism: str,
) -> None:  # fmt: skip
    request_id = outbox.submit(a_request())
    accounts = {"kiosk": "relay pass phrase"}
    # The relay offers only this mechanism; the kiosk uses what is offered.
    with smtp_relay(tls=certificates.server_context(), accounts=accounts,
                    mechanisms=[mechanism]) as relay:  # fmt: skip
        target = relay_target(relay.port, tls="required", user="kiosk", password_file=password,
                              ca_file=certificates.clinic_ca)  # fmt: skip
        assert deliver_due(outbox, target.send, T0) == 1

    assert relay.secure == [True]
    assert relay.users == ["kiosk"]
    [message] = relay.messages
    [attachment] = [part for part in message.walk() if part.get_filename()]
    assert open_envelope(attachment.get_payload(decode=True), private_key).id == request_id


def test_implicit_tls_as_on_port_465(
    outbox: Outbox, certificates: Certificates, password: Path
) -> None:
    outbox.submit(a_request())
    with smtp_relay(tls=certificates.server_context(), implicit=True,
                    accounts={"kiosk": "relay pass phrase"}) as relay:  # fmt: skip
        target = relay_target(relay.port, tls="implicit", user="kiosk", password_file=password,
                              ca_file=certificates.clinic_ca)  # fmt: skip
        assert deliver_due(outbox, target.send, T0) == 1

    assert relay.secure == [True]
    assert relay.users == ["kiosk"]


def test_required_tls_sends_nothing_to_a_relay_without_starttls(outbox: Outbox) -> None:
    outbox.submit(a_request())
    with smtp_relay() as relay:
        target = relay_target(relay.port, tls="required")
        assert deliver_due(outbox, target.send, T0) == 0

    assert relay.messages == []
    status = outbox.status()
    assert "does not offer STARTTLS" in status.last_error
    assert status.refused == 0  # a setting to fix, not a refusal: it is tried again
    assert outbox.next_attempt(T0) == T0 + dt.timedelta(seconds=30)


def test_auth_is_never_tried_without_tls(outbox: Outbox, password: Path) -> None:
    outbox.submit(a_request())
    with smtp_relay() as relay:  # no STARTTLS on offer
        target = relay_target(relay.port, tls="opportunistic", user="kiosk",
                              password_file=password)  # fmt: skip
        assert deliver_due(outbox, target.send, T0) == 0

    assert relay.messages == []
    assert "does not offer STARTTLS" in outbox.status().last_error


def test_opportunistic_tls_says_once_that_the_relay_offers_none(
    outbox: Outbox, caplog: pytest.LogCaptureFixture
) -> None:
    outbox.submit(a_request())
    outbox.submit(a_request(name="Bo"))
    with smtp_relay() as relay:
        target = relay_target(relay.port)
        assert deliver_due(outbox, target.send, T0) == 2

    assert relay.secure == [False, False]
    lines = [r for r in caplog.records if "offers no STARTTLS" in r.getMessage()]
    assert len(lines) == 1
    assert lines[0].levelno == logging.WARNING


def test_an_unknown_authority_is_refused_with_what_to_set(
    outbox: Outbox, certificates: Certificates
) -> None:
    outbox.submit(a_request())
    with smtp_relay(tls=certificates.server_context()) as relay:
        assert deliver_due(outbox, relay_target(relay.port, tls="required").send, T0) == 0
        assert relay.messages == []
        assert "certificate is not trusted" in outbox.status().last_error
        assert "network.ca_file" in outbox.status().last_error

        fixed = relay_target(relay.port, tls="required", ca_file=certificates.clinic_ca)
        assert deliver_due(outbox, fixed.send, T0 + dt.timedelta(minutes=1)) == 1
    assert len(relay.messages) == 1


def test_a_wrong_password_is_retried_not_refused(
    outbox: Outbox, certificates: Certificates, password: Path
) -> None:
    outbox.submit(a_request())
    with smtp_relay(tls=certificates.server_context(), accounts={"kiosk": "another"}) as relay:
        target = relay_target(relay.port, tls="required", user="kiosk", password_file=password,
                              ca_file=certificates.clinic_ca)  # fmt: skip
        assert deliver_due(outbox, target.send, T0) == 0

    status = outbox.status()
    assert "refused the user name or password (535" in status.last_error
    assert status.refused == 0


def test_a_permanent_refusal_stops_retrying_and_waits_for_export(
    outbox: Outbox, tmp_path: Path, private_key: PrivateKey,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    refused_id = outbox.submit(a_request())
    with smtp_relay() as relay:
        relay.refuse.add(DESK)
        assert deliver_due(outbox, relay_target(relay.port).send, T0) == 0

        assert outbox.due(T0 + dt.timedelta(days=1)) == []  # never sent again by itself
        status = outbox.status()
        assert (status.refused, status.pending, status.delivered) == (1, 1, 0)
        [refused] = outbox.refused()
        assert refused.id == refused_id
        assert refused.reason.startswith("refused by the mail server: 550 5.1.1 <desk@")

        data = str(tmp_path / "data")
        assert admin(["requests", "status", "--data-dir", data]) == 0
        out = capsys.readouterr().out
        assert "refused: 1" in out
        assert f"request {refused_id}" in out
        assert "refused by the mail server: 550" in out

        assert (
            admin(["requests", "export", "--data-dir", data, "--out", str(tmp_path / "usb")]) == 0
        )
        [file] = (tmp_path / "usb").iterdir()
        assert open_envelope(file.read_bytes(), private_key).id == refused_id

        # The clinic fixes its mail server, and IT asks for the refused ones to go again.
        relay.refuse.clear()
        assert admin(["requests", "retry", "--data-dir", data]) == 0
        assert deliver_due(outbox, relay_target(relay.port).send, T0 + dt.timedelta(days=1)) == 1
    assert len(relay.messages) == 1
    assert relay.messages[0]["Message-ID"] == f"<{refused_id}@clinic-kiosk>"


def test_a_mail_the_relay_took_is_delivered_whatever_it_says_to_quit(outbox: Outbox) -> None:
    request_id = outbox.submit(a_request())
    with smtp_relay() as relay:
        relay.answer_quit_with("554 5.3.0 closing with an error")
        assert deliver_due(outbox, relay_target(relay.port).send, T0) == 1
        assert deliver_due(outbox, relay_target(relay.port).send, T0 + dt.timedelta(days=1)) == 0

    assert [m["Message-ID"] for m in relay.messages] == [f"<{request_id}@clinic-kiosk>"]
    assert outbox.status().refused == 0
