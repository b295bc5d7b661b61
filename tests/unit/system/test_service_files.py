"""The systemd unit keeps the kiosk running and restarts a frozen one."""

from __future__ import annotations

import configparser
from pathlib import Path

UNIT = Path(__file__).parents[3] / "resources" / "linux" / "clinic-kiosk.service"


def test_the_unit_restarts_the_kiosk_and_watches_it() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(UNIT, encoding="utf-8")
    service = unit["Service"]

    assert service["Type"] == "notify"  # READY comes from the kiosk after its first frame
    assert service["NotifyAccess"] == "all"  # the kiosk runs under cage
    assert service["Restart"] == "always"
    assert int(service["WatchdogSec"]) > 0
    assert service["User"] == "kiosk"
    assert service["ExecStart"] == "/opt/clinic-kiosk/clinic-kiosk-session"  # cage and the kiosk
    assert service["RuntimeDirectory"] == "clinic-kiosk"  # where it leaves the exit status
