"""Real servers on 127.0.0.1 for tests: an HTTP server and an SMTP relay that record."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class RecordingHttpServer(ThreadingHTTPServer):
    """Counts every request; answers 503 to the first `fail_first` POSTs, then 200."""

    def __init__(self, port: int = 0, fail_first: int = 0) -> None:
        self.requests: list[str] = []
        self.posts: list[tuple[str, bytes]] = []  # (Idempotency-Key, body)
        self.fail_first = fail_first
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                self.send_response(404)
                self.end_headers()

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.requests.append(self.path)
                server.posts.append((self.headers.get("Idempotency-Key", ""), body))
                failing = len(server.posts) <= server.fail_first
                self.send_response(503 if failing else 200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", port), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def http_server(port: int = 0, fail_first: int = 0) -> Iterator[RecordingHttpServer]:
    server = RecordingHttpServer(port, fail_first)
    # A short poll so shutdown() returns at once; tests start many servers.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Collector:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


@contextmanager
def smtp_relay() -> Iterator[tuple[int, list[Message]]]:
    """An SMTP relay on 127.0.0.1; yields its port and the messages it receives."""
    collector = _Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, collector.messages
    finally:
        controller.stop()
