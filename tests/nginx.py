"""nginx from Debian, started by a test on 127.0.0.1 with a config the test writes.

Everything it writes (pid, logs, temporary bodies) stays in the test's folder;
the server is stopped when the test ends. Its access log records each request's
time, method, path, status, body bytes, If-None-Match, User-Agent and all bytes
sent (headers too), tab-separated.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.waiting import wait_until

NGINX = shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
needs_nginx = pytest.mark.skipif(
    NGINX is None, reason="needs nginx (Debian's nginx-light; .ci/run installs it)"
)

CONFIG = """\
daemon off;
master_process on;
worker_processes 1;
{user}
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format kiosk '$msec\\t$request_method\\t$uri\\t$status\\t$body_bytes_sent\\t'
                     '$http_if_none_match\\t$http_user_agent\\t$bytes_sent';
    access_log {folder}/access.log kiosk;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    types {{ application/zip kbundle; }}
    default_type application/octet-stream;
{servers}
}}
"""


@dataclass(frozen=True)
class Nginx:
    folder: Path
    process: subprocess.Popen[bytes]

    def access_log(self) -> list[list[str]]:
        path = self.folder / "access.log"
        if not path.exists():
            return []
        return [line.split("\t") for line in path.read_text().splitlines() if line]


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def nginx(folder: Path, servers: str, ports: list[int]) -> Iterator[Nginx]:
    """Run nginx with `servers` (server blocks) until the block ends; wait for `ports`."""
    assert NGINX is not None
    folder.mkdir(parents=True, exist_ok=True)
    # As root, nginx's workers would become "nobody", who cannot read a test's folder.
    user = "user root root;" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(CONFIG.format(user=user, folder=folder, servers=servers))
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until(lambda: process.poll() is not None or all(map(_listening, ports)),
                   "nginx to listen")  # fmt: skip
        if process.poll() is not None:
            log = folder / "error.log"
            raise RuntimeError(f"nginx did not start: {log.read_text() if log.exists() else ''}")
        yield Nginx(folder, process)
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: finish what is under way
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()
