"""Updates from the clinic's URL: 304 is quiet, 200 installs, a refused file is not fetched
again until it changes, a cut-off download says so, and every failure reaches the log once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.bundles import store
from kiosk.bundles.updates import UpdateCheck, UpdateSource, check_for_update, last_check
from tests.conftest import DATA, fill
from tests.nginx import needs_nginx, nginx
from tests.servers import free_port
from tests.tls import Certificates
from tests.unit.bundles.helpers import TRUSTED, folder_files, signed_bundle, version_of

GOOD = folder_files(DATA / "good")
AGENT = "clinic-kiosk/0.1.0 (waiting-room-2)"


class UpdateServer(ThreadingHTTPServer):
    """Serves one bundle, with an ETag unless `etag` is empty (then If-Modified-Since works
    on its Last-Modified); records what each GET sent.

    `cut` sends only that many bytes of the body, though Content-Length says more.
    """

    daemon_threads = True

    def __init__(self) -> None:
        self.body = b""
        self.etag = '"v1"'
        self.modified = "Mon, 30 Nov 2026 10:00:00 GMT"
        self.status = 200
        self.cut: int | None = None
        self.conditional = True  # False: answers If-None-Match/If-Modified-Since with 200
        self.announce: int | None = None  # a Content-Length to claim instead of the real one
        self.seen: list[str | None] = []
        self.agents: list[str] = []
        self.bodies_sent = 0
        super().__init__(("127.0.0.1", 0), _BundleHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/clinic.kbundle"


class _BundleHandler(BaseHTTPRequestHandler):
    """Serves its server's one bundle as its settings say, and records each GET."""

    server: UpdateServer

    def do_GET(self) -> None:
        server = self.server
        server.seen.append(self.headers.get("If-None-Match"))
        server.agents.append(self.headers.get("User-Agent", ""))
        if server.conditional and (
            (server.etag and self.headers.get("If-None-Match") == server.etag)
            or (not server.etag and self.headers.get("If-Modified-Since") == server.modified)
        ):
            self.send_response(304)
            self.end_headers()
            return
        if server.status != 200:
            self.send_error(server.status)
            return
        self.send_response(200)
        if server.etag:
            self.send_header("ETag", server.etag)
        self.send_header("Last-Modified", server.modified)
        self.send_header("Content-Length", str(server.announce or len(server.body)))
        self.end_headers()
        if server.announce:  # a huge file: the kiosk hangs up on seeing its size
            return
        server.bodies_sent += 1
        self.wfile.write(server.body[: server.cut])

    def log_message(self, *args: object) -> None:
        pass


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


def check(url: str, data_dir: Path, trusted: object = TRUSTED, force: bool = False,
          **source: object) -> UpdateCheck:  # fmt: skip
    return check_for_update(UpdateSource(url, AGENT, **source), data_dir,  # type: ignore[arg-type]
                            lambda: trusted, "0.1.0", force=force)  # type: ignore[arg-type,return-value]  # fmt: skip


def test_a_new_bundle_is_installed_then_304_is_quiet(server: UpdateServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)

    assert check(server.url, data_dir).outcome == "installed"
    assert store.active(data_dir).version == 3  # type: ignore[union-attr]
    assert check(server.url, data_dir).outcome == "unchanged"
    assert server.seen == [None, '"v1"']
    assert server.agents == [AGENT, AGENT]

    server.body, server.etag = bundle_bytes(4, tmp_path), '"v2"'
    assert check(server.url, data_dir).outcome == "installed"
    assert store.active(data_dir).version == 4  # type: ignore[union-attr]
    assert not [p for p in (data_dir / "bundles").iterdir() if p.name.startswith(".staging")]


def test_the_last_check_is_kept_for_staff_and_it(server: UpdateServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)
    check(server.url, data_dir)

    kept = last_check(data_dir)

    assert kept is not None
    assert (kept.outcome, kept.detail) == ("installed", "test-clinic version 3")
    assert kept.checked  # a time, ISO 8601


@pytest.mark.parametrize(("tagged", "conditional"), [(True, True), (False, True), (False, False)])
def test_a_refused_file_is_not_downloaded_again_until_it_changes(
    server: UpdateServer, tmp_path: Path, tagged: bool, conditional: bool
) -> None:
    """By its ETag; by its Last-Modified; by length and Last-Modified from a server that
    sends the whole file anyway (the kiosk hangs up without reading it)."""
    data_dir = tmp_path / "data"
    server.conditional = conditional
    server.body, server.etag = bundle_bytes(3, tmp_path), '"v1"' if tagged else ""
    check(server.url, data_dir)
    good = bundle_bytes(4, tmp_path)
    server.body = good[:-300] + bytes(300)  # damaged at the source: the same length
    server.etag, server.modified = '"v2"' if tagged else "", "Tue, 01 Dec 2026 09:00:00 GMT"

    first = check(server.url, data_dir)
    assert first.outcome == "refused"
    assert "not a content bundle" in first.detail
    sent = server.bodies_sent

    again = check(server.url, data_dir)  # the same file: not fetched in full again
    assert (again.outcome, again.detail, again.again) == ("refused", first.detail, True)
    assert "not downloaded again" in again.describe()
    assert server.bodies_sent == sent + (not conditional)
    assert store.active(data_dir).version == 3  # type: ignore[union-attr]

    server.body, server.modified = good, "Tue, 01 Dec 2026 10:00:00 GMT"  # fixed at the source
    server.etag = '"v3"' if tagged else ""
    assert check(server.url, data_dir).outcome == "installed"


def test_a_cut_off_download_says_incomplete(server: UpdateServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)
    server.cut = 1000

    result = check(server.url, data_dir)

    assert result.outcome == "incomplete"
    assert result.detail.startswith("download incomplete")
    assert store.active(data_dir) is None
    server.cut = None  # the next check fetches it whole
    assert check(server.url, data_dir).outcome == "installed"


def test_a_missing_file_is_a_failure(server: UpdateServer, tmp_path: Path) -> None:
    server.status = 404

    result = check(server.url, tmp_path)

    assert (result.outcome, result.detail) == ("failed", "the server answered 404 Not Found")


def test_no_server_at_all_is_offline(tmp_path: Path) -> None:
    result = check(f"http://127.0.0.1:{free_port()}/clinic.kbundle", tmp_path, timeout=2)

    assert result.outcome == "offline"
    assert "connection refused" in result.detail


def test_a_name_that_does_not_resolve_is_offline(tmp_path: Path) -> None:
    result = check("http://updates.invalid/clinic.kbundle", tmp_path, timeout=2)

    assert result.outcome == "offline"
    assert "cannot be found (DNS" in result.detail


@needs_nginx
def test_an_https_update_host_with_the_clinics_own_authority(
    tmp_path: Path, certificates: Certificates
) -> None:
    """nginx serves the signed file as a clinic's update host would, over HTTPS."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "clinic.kbundle").write_bytes(bundle_bytes(3, tmp_path))
    port = free_port()
    servers = f"""
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {certificates.cert};
        ssl_certificate_key {certificates.key};
        root {site};
    }}"""
    url = f"https://127.0.0.1:{port}/clinic.kbundle"
    with nginx(tmp_path / "nginx", servers, [port]) as web:
        refused = check(url, tmp_path / "data")
        assert refused.outcome == "failed"
        assert "certificate is not trusted" in refused.detail
        assert check(url, tmp_path / "data", ca_file=certificates.clinic_ca).outcome == "installed"
        assert check(url, tmp_path / "data", ca_file=certificates.clinic_ca).outcome == "unchanged"
        log = web.access_log()

    assert [(line[1], line[3]) for line in log] == [("GET", "200"), ("GET", "304")]
    assert log[-1][6] == AGENT  # nginx saw which kiosk asked


def test_a_file_refused_for_an_untrusted_key_is_taken_once_it_adds_the_key(
    server: UpdateServer, tmp_path: Path
) -> None:
    """The refusal was this kiosk's judgement, not the file's fault: new keys, new judgement."""
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)

    first = check(server.url, data_dir, trusted={})
    assert first.outcome == "refused"
    assert "key this kiosk does not trust" in first.detail
    assert check(server.url, data_dir, trusted={}).again  # the same judgement: not fetched

    assert check(server.url, data_dir).outcome == "installed"  # IT added the key


def test_a_file_too_large_is_refused_without_downloading_it_and_not_asked_for_again(
    server: UpdateServer, tmp_path: Path
) -> None:
    server.body, server.announce = b"x", 600 * 2**20

    first = check(server.url, tmp_path)
    again = check(server.url, tmp_path)

    assert (first.outcome, first.detail) == ("refused", "the update is larger than 500 MB")
    assert (again.outcome, again.again) == ("refused", True)
    assert server.seen == [None, '"v1"']  # asked "has it changed?" the second time


def test_force_fetches_a_refused_file_again(server: UpdateServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server.body = bundle_bytes(3, tmp_path)[:-300] + bytes(300)
    check(server.url, data_dir)
    sent = server.bodies_sent

    forced = check(server.url, data_dir, force=True)

    assert forced.outcome == "refused"
    assert not forced.again
    assert server.bodies_sent == sent + 1


def test_a_full_disk_is_this_machines_trouble_not_the_files(
    server: UpdateServer, small_disk: Path
) -> None:
    data_dir = small_disk / "data"
    server.body = bundle_bytes(3, small_disk.parent)
    check(server.url, data_dir)  # too small a disk to install (250 MB must stay free)...
    filler = fill(small_disk)

    full = check(server.url, data_dir)
    assert full.outcome == "failed"
    assert full.detail == "cannot save the download here: No space left on device"

    filler.unlink()
    roomy = check(server.url, data_dir)
    assert roomy.outcome == "failed"
    assert roomy.detail.startswith("not enough disk space")
    sent = server.bodies_sent
    assert check(server.url, data_dir).outcome == "failed"  # fetched again, not "refused"
    assert server.bodies_sent == sent + 1
