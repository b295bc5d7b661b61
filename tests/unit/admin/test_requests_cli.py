"""Staff make the clinic key, export requests from the kiosk and open them."""

from __future__ import annotations

import csv
import json
import stat
from pathlib import Path

import pytest

from kiosk.admin.cli import main
from kiosk.outbox.keys import read_public_key
from kiosk.outbox.store import Outbox
from tests.unit.outbox.conftest import a_request

PASSPHRASE = "a long clinic passphrase"


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_KEY_PASSPHRASE", PASSPHRASE)
    assert main(["keys", "new", "--out", str(tmp_path / "keys")]) == 0
    return tmp_path / "keys"


def _kiosk_with_requests(data: Path, keys: Path, *requests: object) -> list[str]:
    with Outbox.open(data, read_public_key(keys / "clinic.pub")) as outbox:
        return [outbox.submit(r) for r in requests]  # type: ignore[arg-type]


def test_keys_new_writes_a_locked_private_key(keys: Path) -> None:
    private = keys / "clinic.key"

    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert json.loads(private.read_text())["kind"] == "kiosk-clinic-private-key-v1"
    assert (keys / "clinic.pub").read_text().startswith("kiosk-clinic-public-key-v1 ")


def test_keys_new_never_overwrites(keys: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (keys / "clinic.key").read_bytes()

    assert main(["keys", "new", "--out", str(keys)]) == 1

    assert "already exists" in capsys.readouterr().err
    assert (keys / "clinic.key").read_bytes() == before


def test_a_short_passphrase_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_KEY_PASSPHRASE", "short")

    assert main(["keys", "new", "--out", str(tmp_path)]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert not (tmp_path / "clinic.key").exists()


def test_export_then_open_prints_every_request(
    tmp_path: Path, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, usb = tmp_path / "data", tmp_path / "usb"
    ids = _kiosk_with_requests(data, keys, a_request(language="es-US"),
                               a_request(name="Bo Lee", email=""))  # fmt: skip

    assert main(["requests", "export", "--data-dir", str(data), "--out", str(usb)]) == 0
    assert main(["requests", "open", str(usb), "--key", str(keys / "clinic.key")]) == 0

    out = capsys.readouterr().out
    for request_id in ids:
        assert f"id:             {request_id}" in out
    assert "name:           Ana Núñez" in out
    assert "name:           Bo Lee" in out
    assert "phone:          (518) 555-0142" in out
    # The language the patient used: the clinic calls back in it.
    assert "language:       es-US (Español)" in out
    assert "language:       en-US (English)" in out


def test_open_writes_a_safe_csv(tmp_path: Path, keys: Path) -> None:
    data, usb, sheet = tmp_path / "data", tmp_path / "usb", tmp_path / "requests.csv"
    _kiosk_with_requests(data, keys, a_request(name='=HYPERLINK("http://x")'))
    main(["requests", "export", "--data-dir", str(data), "--out", str(usb)])

    assert main(["requests", "open", str(usb), "--key", str(keys / "clinic.key"),
                 "--csv", str(sheet)]) == 0  # fmt: skip

    with sheet.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["name"] == '\'=HYPERLINK("http://x")'
    assert list(rows[0])[-1] == "language"  # a new column, last: the others keep their places
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600


def test_a_tampered_or_foreign_file_is_named_and_skipped(
    tmp_path: Path, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, usb = tmp_path / "data", tmp_path / "usb"
    good, bad = _kiosk_with_requests(data, keys, a_request(), a_request(name="Cy"))
    main(["requests", "export", "--data-dir", str(data), "--out", str(usb)])
    tampered = usb / f"{bad}.sealed"
    document = json.loads(tampered.read_text())
    document["sealed"] = document["sealed"][:-8] + "AAAAAAA="
    tampered.write_text(json.dumps(document))
    (usb / "foreign.sealed").write_text("not a request")

    status = main(["requests", "open", str(usb), "--key", str(keys / "clinic.key")])

    out, err = capsys.readouterr()
    assert status == 1
    assert good in out
    assert bad not in out
    assert f"{tampered}: skipped: cannot be opened with this key" in err
    assert f"{usb / 'foreign.sealed'}: skipped: not a sealed contact request" in err


def test_a_wrong_passphrase_opens_nothing(
    tmp_path: Path, keys: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_KEY_PASSPHRASE", "not the passphrase at all")

    status = main(["requests", "open", str(tmp_path), "--key", str(keys / "clinic.key")])

    assert status == 1
    assert "wrong passphrase" in capsys.readouterr().err


def test_status_counts_requests(
    tmp_path: Path, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _kiosk_with_requests(data, keys, a_request(), a_request())
    main(["requests", "export", "--data-dir", str(data), "--out", str(tmp_path / "usb")])
    _kiosk_with_requests(data, keys, a_request())
    capsys.readouterr()

    assert main(["requests", "status", "--data-dir", str(data)]) == 0

    out = capsys.readouterr().out
    assert "pending: 1\nexported: 2\ndelivered: 0\n" in out
