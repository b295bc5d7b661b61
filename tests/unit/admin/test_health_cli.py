"""IT at the console: `status`, `bundle update`, `bundle list`, `config check` advice, and
`requests open` on a folder with nothing to open."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from nacl.public import PublicKey

from kiosk.admin.cli import main
from kiosk.bundles import pointer, store
from kiosk.bundles.signing import TRUSTED_KEYS
from kiosk.outbox.store import Outbox
from tests.conftest import DATA
from tests.servers import file_server
from tests.unit.bundles.helpers import TRUSTED, folder_files, signed_bundle, version_of
from tests.unit.outbox.conftest import a_request

GOOD = folder_files(DATA / "good")


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kiosk.toml naming this test's data and log folders."""
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "lobby-1"\n[paths]\ndata_dir = "{tmp_path / "data"}"\n'
        f'log_dir = "{tmp_path / "log"}"\n'
    )
    monkeypatch.delenv("KIOSK_PATHS_DATA_DIR", raising=False)
    monkeypatch.delenv("KIOSK_PATHS_LOG_DIR", raising=False)
    return path


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A plain web server publishing a folder, as a clinic's update host."""
    folder = tmp_path / "site"
    folder.mkdir()
    with file_server(folder) as url:
        yield url, folder


def trust_test_key(data: Path) -> None:
    """Put the tests' signing key among the kiosk's trusted keys, as IT would."""
    from kiosk.bundles.signing import PUBLIC_KIND
    from kiosk.secretfile import public_key_text
    from tests.unit.bundles.helpers import KEY

    (data / TRUSTED_KEYS).mkdir(parents=True, exist_ok=True)
    text = public_key_text(PUBLIC_KIND, bytes(KEY.verify_key))
    (data / TRUSTED_KEYS / "signing.pub").write_text(text)


def publish(folder: Path, tmp_path: Path, version: int) -> None:
    signed_bundle(version_of(GOOD, version), folder / "clinic.kbundle", "test-clinic", version)


def test_status_tells_it_what_it_would_see_on_the_staff_screen(
    settings: Path, tmp_path: Path, public_key: PublicKey, capsys: pytest.CaptureFixture[str]
) -> None:
    with Outbox.open(tmp_path / "data", public_key, "lobby-1") as outbox:
        outbox.submit(a_request())

    assert main(["status", "--config", str(settings)]) == 0

    out = capsys.readouterr().out
    assert "Kiosk:            lobby-1, app version" in out
    assert "Contact requests: 1 waiting, 0 exported, 0 delivered" in out
    assert "Content updates:  by USB only" in out
    assert "needs attention" not in out

    assert main(["status", "--config", str(settings), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kiosk"] == "lobby-1"
    assert report["requests"]["waiting"] == 1
    assert report["problems"] == []

    assert main(["status", "--config", str(settings), "--metrics"]) == 0
    assert 'clinic_kiosk_requests_waiting{kiosk="lobby-1"} 1\n' in capsys.readouterr().out


def test_bundle_update_runs_the_kiosks_check_by_hand(
    settings: Path, tmp_path: Path, site: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url, folder = site
    data = tmp_path / "data"
    trust_test_key(data)
    publish(folder, tmp_path, 3)

    assert (
        main(["bundle", "update", "--config", str(settings), "--url", url + "/clinic.kbundle"]) == 0
    )
    out = capsys.readouterr().out
    assert "installed: test-clinic version 3" in out
    assert store.active(data).version == 3  # type: ignore[union-attr]

    assert (
        main(["bundle", "update", "--config", str(settings), "--url", url + "/clinic.kbundle"]) == 0
    )
    assert "unchanged" in capsys.readouterr().out

    assert (
        main(["bundle", "update", "--config", str(settings), "--url", url + "/gone.kbundle"]) == 1
    )
    assert "failed: the server answered 404" in capsys.readouterr().out
    assert main(["status", "--config", str(settings)]) == 1  # a failed check needs attention
    assert (
        "The last content update check failed: the server answered 404" in capsys.readouterr().out
    )


def test_bundle_update_without_an_address_says_how_to_give_one(
    settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bundle", "update", "--config", str(settings)]) == 1

    assert "no content.update_url is set; give one with --url" in capsys.readouterr().err


def test_bundle_list_says_when_an_install_is_not_on_screen_yet(
    settings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    first = store.install(signed_bundle(version_of(GOOD, 3), tmp_path / "3.kbundle",
                                        "test-clinic", 3), data, TRUSTED, "0.1.0")  # fmt: skip
    pointer.record_showing(data, first.id, first.version, first.path)  # the kiosk shows it
    store.install(signed_bundle(version_of(GOOD, 4), tmp_path / "4.kbundle", "test-clinic", 4),
                  data, TRUSTED, "0.1.0")  # fmt: skip

    assert main(["bundle", "list", "--data-dir", str(data)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("installed — shows at the next reset: test-clinic version 4")
    assert lines[1].startswith("previous: test-clinic version 3")
    assert lines[2] == "on screen now: test-clinic version 3"
    assert first.path.is_dir()  # what is on screen is kept until the kiosk lets it go

    pointer.record_showing(data, "test-clinic", 4, store.active(data).path)  # type: ignore[union-attr]
    assert main(["bundle", "list", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("showing: test-clinic version 4")


def test_config_check_warns_of_settings_that_do_not_work_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        "[content]\n"
        f'bundle = "{tmp_path}"\n'
        'update_url = "https://updates.clinic.example/clinic.kbundle"\n'
        "[requests]\n"
        'smtp_host = "relay.clinic.example"\n'
        "smtp_port = 465\n"
        'smtp_from = "kiosk@clinic.example"\n'
        'smtp_to = "desk@clinic.example"\n'
        "[paths]\n"
        f'metrics_file = "{tmp_path / "kiosk.txt"}"\n'
    )

    assert main(["config", "check", "--config", str(path)]) == 0  # warnings only

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}:3: warning: content.bundle is set, so the kiosk shows that folder: updates "
        "from content.update_url are installed but never shown",
        f"{path}:6: warning: port 465 speaks TLS from the start: set "
        'requests.smtp_tls = "implicit"',
        f"{path}:10: warning: node_exporter's textfile collector reads only files ending in .prom",
    ]
    assert "settings are fine (3 warnings)" in err


def test_config_check_names_delivery_that_cannot_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        "[requests]\n"
        'smtp_host = "relay.clinic.example"\n'
        'smtp_user = "kiosk"\n'
        'smtp_from = "kiosk@clinic.example"\n'
        'smtp_to = "desk@clinic.example"\n'
        "[network]\n"
        f'ca_file = "{tmp_path / "absent.pem"}"\n'
    )

    assert main(["config", "check", "--config", str(path)]) == 1

    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{path}:7: error: network.ca_file {tmp_path / 'absent.pem'} cannot be read (missing, "
        "or not this user's)",
        f"{path}:2: error: requests.smtp_user needs requests.smtp_password_file; requests are "
        "kept for export only",
    ]


def test_requests_open_on_a_folder_with_nothing_sealed_says_so(
    tmp_path: Path, clinic_keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from tests.conftest import PASSPHRASE

    monkeypatch.setenv("KIOSK_KEY_PASSPHRASE", PASSPHRASE)
    mail = tmp_path / "mail"
    mail.mkdir()
    (mail / "notes.txt").write_text("not a request")

    assert main(["requests", "open", str(mail), "--key", str(clinic_keys[1])]) == 1

    err = capsys.readouterr().err
    assert f"no .sealed files in {mail}: save the mail attachments" in err
