"""Any mix of submits, exports, deliveries and restarts keeps the outbox's books straight."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from contextlib import ExitStack
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from nacl.public import PrivateKey

from kiosk.outbox.delivery import deliver_due
from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import Outbox
from kiosk.outbox.targets import HttpTarget
from tests.servers import http_server
from tests.unit.outbox.conftest import a_request

KEY = PrivateKey.generate()
names = st.text(alphabet=st.characters(categories=("L", "Zs")), min_size=1, max_size=30).filter(
    lambda n: n.strip()
)


class OutboxMachine(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="outbox-states-"))
        self.outbox = Outbox.open(self.folder / "data", KEY.public_key)
        self.names: dict[str, str] = {}  # id -> name, everything acknowledged
        self.exported: set[str] = set()
        self.delivered: set[str] = set()
        self.resources = ExitStack()
        self.server = self.resources.enter_context(http_server())
        self.clock = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)

    @rule(name=names)
    def submit(self, name: str) -> None:
        request_id = self.outbox.submit(a_request(name=name))
        self.names[request_id] = " ".join(name.split())

    @rule()
    def export(self) -> None:
        written = self.outbox.export(self.folder / "usb")
        new = {path.stem for path in written}
        assert new == set(self.names) - self.exported
        for path in written:
            opened = open_envelope(path.read_bytes(), KEY)
            assert opened.request.name == self.names[opened.id]
        self.exported |= new

    @rule(server_is_down=st.booleans())
    def deliver(self, server_is_down: bool) -> None:
        self.server.fail_first = 10**9 if server_is_down else 0
        self.clock += dt.timedelta(hours=2)  # every retry is due again
        waiting = set(self.names) - self.delivered
        before = len(self.server.attempts)

        sent = deliver_due(self.outbox, HttpTarget(self.server.url).send, self.clock)

        tried = self.server.attempts[before:]
        if server_is_down:  # the first failure ends the round; the rest wait for the retry
            assert len(tried) == min(1, len(waiting))
            assert set(tried) <= waiting
        else:
            assert sorted(tried) == sorted(waiting)  # each tried once
        assert sent == (0 if server_is_down else len(waiting))
        if not server_is_down:
            self.delivered |= waiting

    @rule()
    def restart(self) -> None:
        self.outbox.close()
        self.outbox = Outbox.open(self.folder / "data", KEY.public_key)

    @invariant()
    def books_balance(self) -> None:
        if not hasattr(self, "outbox"):
            return
        status = self.outbox.status()
        assert self.outbox.ids() == set(self.names)
        assert status.exported == len(self.exported)
        assert status.delivered == len(self.delivered)
        assert status.pending == len(set(self.names) - self.exported - self.delivered)

    def teardown(self) -> None:
        if hasattr(self, "outbox"):
            self.outbox.close()
            self.resources.close()
            shutil.rmtree(self.folder, ignore_errors=True)


OutboxMachine.TestCase.settings = settings(
    max_examples=100, stateful_step_count=15, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
test_outbox_states = OutboxMachine.TestCase
