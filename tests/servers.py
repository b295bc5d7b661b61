"""Real servers on 127.0.0.1 for tests: an HTTP server and an SMTP relay that record, and
that misbehave on request the ways real servers do."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

# What RecordingHttpServer does with a POST:
#   ok        200, and the request counts as received
#   truncate  200 with a Content-Length it never sends in full, then hangs up
#   slow      no answer until `release` is set (or 30 s)
#   trickle   a reply one byte every 0.2 s, until `release` is set
#   500       an error page
MODES = ("ok", "truncate", "slow", "trickle", "500")


class RecordingHttpServer(ThreadingHTTPServer):
    """Counts every request; answers 503 to the first `fail_first` POSTs, then as `mode` says.

    `posts` holds the POSTs it took (answered 200 in full); `attempts` every POST.
    """

    daemon_threads = True

    def __init__(self, port: int = 0, fail_first: int = 0) -> None:
        self.requests: list[str] = []
        self.posts: list[tuple[str, bytes]] = []  # (Idempotency-Key, body)
        self.attempts: list[str] = []  # Idempotency-Key of every POST, taken or not
        self.agents: list[str] = []
        self.fail_first = fail_first
        self.mode = "ok"
        self.release = threading.Event()
        super().__init__(("127.0.0.1", port), _PostHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _PostHandler(BaseHTTPRequestHandler):
    """Answers as its server's `mode` and `fail_first` say, and records what came."""

    server: RecordingHttpServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        server = self.server
        server.requests.append(self.path)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        server = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        key = self.headers.get("Idempotency-Key", "")
        server.requests.append(self.path)
        server.attempts.append(key)
        server.agents.append(self.headers.get("User-Agent", ""))
        if len(server.attempts) <= server.fail_first:
            self._answer(503)
        elif server.mode == "truncate":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b'{"ok"')
            self.close_connection = True
        elif server.mode == "slow":
            server.release.wait(30)
            self.close_connection = True
        elif server.mode == "trickle":  # one byte at a time, each well in time
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok":
                if server.release.wait(0.2):
                    break
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            self.close_connection = True
        elif server.mode == "500":
            self._answer(500)
        else:
            server.posts.append((key, body))
            self._answer(200, b'{"ok": true}')

    def _answer(self, code: int, body: bytes = b"") -> None:
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def http_server(port: int = 0, fail_first: int = 0) -> Iterator[RecordingHttpServer]:
    server = RecordingHttpServer(port, fail_first)
    # A short poll so shutdown() returns at once; tests start many servers.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


@contextmanager
def file_server(folder: Path, tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """A plain web server publishing `folder` on 127.0.0.1 (HTTPS with `tls`); yields its URL."""

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Collector:
    """Keeps each message; refuses recipients listed in `refuse` with a 550."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.refuse: set[str] = set()
        self.secure: list[bool] = []  # was each message sent over TLS?
        self.users: list[str] = []
        self.quit_reply = "221 Bye"

    async def handle_QUIT(self, server: Any, session: Any, envelope: Any) -> str:
        return self.quit_reply

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:  # fmt: skip
        if address in self.refuse:
            return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        self.secure.append(server.transport.get_extra_info("ssl_object") is not None)
        self.users.append(session.auth_data.decode() if session.auth_data else "")
        return "250 OK"


class _Passwords:
    def __init__(self, accounts: dict[str, str]) -> None:
        self.accounts = accounts

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> AuthResult:  # fmt: skip
        if isinstance(auth_data, LoginPassword):
            user, password = auth_data.login.decode(), auth_data.password.decode()
            if self.accounts.get(user) == password:
                return AuthResult(success=True, auth_data=user.encode())
        return AuthResult(success=False, handled=False)


class Relay:
    """What smtp_relay yields: its port, what it received, and how to make it refuse."""

    def __init__(self, port: int, collector: _Collector) -> None:
        self.port = port
        self._collector = collector

    @property
    def messages(self) -> list[Message]:
        return self._collector.messages

    @property
    def secure(self) -> list[bool]:
        return self._collector.secure

    @property
    def users(self) -> list[str]:
        return self._collector.users

    @property
    def refuse(self) -> set[str]:
        return self._collector.refuse

    def answer_quit_with(self, reply: str) -> None:
        self._collector.quit_reply = reply


@contextmanager
def smtp_relay(
    tls: ssl.SSLContext | None = None,
    implicit: bool = False,
    accounts: dict[str, str] | None = None,
    mechanisms: list[str] | None = None,
) -> Iterator[Relay]:
    """A real SMTP relay (aiosmtpd) on 127.0.0.1.

    With `tls` it offers STARTTLS, or with `implicit` speaks TLS from the start
    (as on port 465); with `accounts` it asks for AUTH (PLAIN, LOGIN, or only
    `mechanisms`), only over TLS.
    """
    collector = _Collector()
    port = free_port()
    options: dict[str, Any] = {}
    if tls is not None and not implicit:
        options["tls_context"] = tls
    if accounts is not None:
        # With implicit TLS the whole session is encrypted, but aiosmtpd's checks
        # look only for STARTTLS: there the test sees AUTH in `users` instead.
        options.update(authenticator=_Passwords(accounts), auth_required=not implicit,
                       auth_require_tls=not implicit)  # fmt: skip
        if mechanisms is not None:
            options["auth_exclude_mechanism"] = [
                name for name in ("PLAIN", "LOGIN") if name not in mechanisms
            ]
    controller = Controller(
        collector,
        hostname="127.0.0.1",
        port=port,
        ssl_context=tls if implicit else None,
        server_hostname="127.0.0.1",
        **options,
    )
    controller.start()
    try:
        yield Relay(port, collector)
    finally:
        controller.stop()
