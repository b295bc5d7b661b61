"""The health file: what it says, written whole, and read by a real node_exporter."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from nacl.public import PublicKey

from kiosk.bundles import pointer
from kiosk.config import load_config
from kiosk.health.live import Live
from kiosk.health.metrics import MetricsWorker, render, write
from kiosk.health.report import Health, gather
from kiosk.outbox.store import Outbox
from tests.servers import free_port
from tests.unit.outbox.conftest import a_request
from tests.waiting import wait_until

NODE_EXPORTER = shutil.which("prometheus-node-exporter")
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def health_of(tmp_path: Path, public_key: PublicKey | None = None, **live: object) -> Health:
    data = tmp_path / "data"
    environment = {
        "KIOSK_PATHS_DATA_DIR": str(data),
        "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log"),
        "KIOSK_KIOSK_ID": "lobby-1",
        "KIOSK_CONTENT_UPDATE_URL": "https://c.example/c.kbundle",
    }
    config = load_config(None, environment)
    if public_key is not None:
        with Outbox.open(data, public_key) as outbox:
            outbox.submit(a_request())
            outbox.submit(a_request(name="Bo"))
    showing = pointer.Showing("libertas-mind", 3, str(tmp_path))
    return gather(config, "1.2.3", "POST to https://c.example/in",
                  Live(showing=showing, **live), clock=lambda: NOW)  # type: ignore[arg-type]  # fmt: skip


def samples(text: str) -> dict[str, float]:
    """'name{labels}' → value, for every sample line."""
    found = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            series, value = line.rsplit(" ", 1)
            found[series] = float(value)
    return found


def test_the_file_says_what_the_kiosk_is_doing(tmp_path: Path, public_key: PublicKey) -> None:
    text = render(health_of(tmp_path, public_key))
    found = samples(text)

    assert found['clinic_kiosk_up{kiosk="lobby-1"}'] == 1
    assert found['clinic_kiosk_info{kiosk="lobby-1",version="1.2.3"}'] == 1
    assert found['clinic_kiosk_content_info{kiosk="lobby-1",content="libertas-mind",version="3"}']
    assert found['clinic_kiosk_content_version{kiosk="lobby-1"}'] == 3
    assert found['clinic_kiosk_requests_waiting{kiosk="lobby-1"}'] == 2
    assert found['clinic_kiosk_requests_refused{kiosk="lobby-1"}'] == 0
    assert found['clinic_kiosk_delivery_failures_total{kiosk="lobby-1"}'] == 0
    assert found['clinic_kiosk_disk_free_bytes{kiosk="lobby-1"}'] > 0
    assert found['clinic_kiosk_disk_full{kiosk="lobby-1"}'] == 0
    assert found['clinic_kiosk_outbox_ok{kiosk="lobby-1"}'] == 1
    assert found['clinic_kiosk_clock_ok{kiosk="lobby-1"}'] == 1
    assert "# TYPE clinic_kiosk_delivery_failures_total counter" in text
    assert "Ana" not in text  # counts, never contents
    assert "555-0142" not in text


def test_a_save_that_failed_for_space_shows_as_disk_full(tmp_path: Path) -> None:
    health = health_of(tmp_path, save_failure="could not store the request: the disk is full")

    assert samples(render(health))['clinic_kiosk_disk_full{kiosk="lobby-1"}'] == 1


def test_label_values_are_escaped(tmp_path: Path) -> None:
    health = health_of(tmp_path)
    odd = pointer.Showing('clinic "north"\\east', 1, "")

    text = render(Health(**{**health.__dict__, "showing": odd}))

    assert 'content="clinic \\"north\\"\\\\east"' in text


def test_the_worker_writes_whole_files_and_marks_a_stop(tmp_path: Path) -> None:
    path = tmp_path / "textfile" / "clinic-kiosk.prom"
    health = health_of(tmp_path)
    worker = MetricsWorker(path, lambda: health, every=0.01)
    worker.start()
    wait_until(path.exists, "the first metrics file")
    worker.stop()

    assert samples(path.read_text())['clinic_kiosk_up{kiosk="lobby-1"}'] == 0  # it stopped
    assert [p.name for p in path.parent.iterdir()] == ["clinic-kiosk.prom"]  # no temporaries


@contextmanager
def node_exporter(folder: Path) -> Iterator[str]:
    """Debian's prometheus-node-exporter on 127.0.0.1 reading only `folder`'s *.prom files."""
    assert NODE_EXPORTER is not None
    port = free_port()
    process = subprocess.Popen(
        [NODE_EXPORTER, f"--web.listen-address=127.0.0.1:{port}",
         "--collector.disable-defaults", "--collector.textfile",
         f"--collector.textfile.directory={folder}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        wait_until(lambda: _answers(url) or process.poll() is not None, "node_exporter to start")
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def scrape(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


@pytest.mark.skipif(NODE_EXPORTER is None, reason="needs prometheus-node-exporter (.ci/run)")
def test_node_exporter_serves_the_file(tmp_path: Path, public_key: PublicKey) -> None:
    folder = tmp_path / "textfile"
    write(folder / "clinic-kiosk.prom", health_of(tmp_path, public_key))

    with node_exporter(folder) as url:
        scraped = samples(scrape(url))

    assert scraped["node_textfile_scrape_error"] == 0  # our file parsed cleanly
    assert scraped['clinic_kiosk_up{kiosk="lobby-1"}'] == 1
    assert scraped['clinic_kiosk_requests_waiting{kiosk="lobby-1"}'] == 2
    assert scraped['clinic_kiosk_content_version{kiosk="lobby-1"}'] == 3
    mtime = f'node_textfile_mtime_seconds{{file="{folder / "clinic-kiosk.prom"}"}}'
    assert abs(scraped[mtime] - (folder / "clinic-kiosk.prom").stat().st_mtime) < 1


def test_large_numbers_are_written_in_full() -> None:
    from kiosk.health.metrics import _number

    assert _number(1764590400.0) == "1764590400"  # a timestamp, to the second
    assert _number(80_530_636_800) == "80530636800"  # bytes free
    assert _number(True) == "1"
    assert _number(0.25) == "0.25"
