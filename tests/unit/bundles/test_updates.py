"""Updates from the clinic's URL: 304 is quiet, 200 installs, a tampered file is refused."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.bundles import store
from kiosk.bundles.updates import UpdateWorker, check_for_update
from tests.conftest import DATA
from tests.servers import free_port
from tests.unit.bundles.helpers import TRUSTED, folder_files, signed_bundle, version_of

GOOD = folder_files(DATA / "good")


class UpdateServer(ThreadingHTTPServer):
    """Serves one bundle with an ETag; records each request's If-None-Match."""

    def __init__(self) -> None:
        self.body = b""
        self.etag = '"v1"'
        self.seen: list[str | None] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.seen.append(self.headers.get("If-None-Match"))
                if self.headers.get("If-None-Match") == server.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", server.etag)
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/clinic.kbundle"


@pytest.fixture
def server() -> Iterator[UpdateServer]:
    server = UpdateServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def bundle_bytes(version: int, tmp_path: Path) -> bytes:
    path = signed_bundle(version_of(GOOD, version), tmp_path / f"v{version}.kbundle",
                         "test-clinic", version)  # fmt: skip
    return path.read_bytes()


def check(server: UpdateServer, data_dir: Path, url: str | None = None) -> str:
    return check_for_update(url or server.url, data_dir, lambda: TRUSTED, "0.1.0").outcome


def test_a_new_bundle_is_installed_then_304_is_quiet(server: UpdateServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)

    assert check(server, data_dir) == "installed"
    assert store.active(data_dir).version == 3  # type: ignore[union-attr]
    assert check(server, data_dir) == "unchanged"
    assert server.seen == [None, '"v1"']

    server.body, server.etag = bundle_bytes(4, tmp_path), '"v2"'
    assert check(server, data_dir) == "installed"
    assert store.active(data_dir).version == 4  # type: ignore[union-attr]
    assert not [p for p in (data_dir / "bundles").iterdir() if p.name.startswith(".staging")]


def test_a_tampered_download_is_refused_and_nothing_changes(
    server: UpdateServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)
    check(server, data_dir)
    good = bundle_bytes(4, tmp_path)
    server.body, server.etag = good[:-300] + bytes(300), '"v2"'  # damaged in transit

    result = check_for_update(server.url, data_dir, lambda: TRUSTED, "0.1.0")

    assert result.outcome == "refused"
    assert "not a content bundle" in result.detail
    assert store.active(data_dir).version == 3  # type: ignore[union-attr]
    server.body = good  # the next check fetches it again: the refused ETag was not kept
    assert check(server, data_dir) == "installed"


def test_offline_is_quiet(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    url = f"http://127.0.0.1:{free_port()}/clinic.kbundle"

    result = check_for_update(url, tmp_path, lambda: TRUSTED, "0.1.0", timeout=2)

    assert result.outcome == "offline"
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]


def test_the_worker_checks_at_once_and_stops(server: UpdateServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)
    done = threading.Event()

    def checked() -> object:
        outcome = check_for_update(server.url, data_dir, lambda: TRUSTED, "0.1.0")
        done.set()
        return outcome

    worker = UpdateWorker(checked, every=3600)  # type: ignore[arg-type]
    worker.start()
    assert done.wait(10)
    worker.stop()

    assert store.active(data_dir).version == 3  # type: ignore[union-attr]
