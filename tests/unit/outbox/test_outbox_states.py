"""Any mix of submits, exports and restarts keeps the outbox's books straight."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from nacl.public import PrivateKey

from kiosk.outbox.envelope import open_envelope
from kiosk.outbox.store import Outbox
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
        assert status.pending == len(self.names) - len(self.exported)

    def teardown(self) -> None:
        if hasattr(self, "outbox"):
            self.outbox.close()
            shutil.rmtree(self.folder, ignore_errors=True)


OutboxMachine.TestCase.settings = settings(
    max_examples=100, stateful_step_count=15, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
test_outbox_states = OutboxMachine.TestCase
