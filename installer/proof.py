"""The packaged build, tried before it is packaged: run from dist/ with nothing of this
machine's Python on PATH, it must answer, pass its self-test and draw a frame."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

APP, ADMIN = "clinic-kiosk", "kiosk-admin"
CONTENTS = "_internal"  # PyInstaller's folder for everything but the programs


def clean_environment(home: Path) -> dict[str, str]:
    """No Python on PATH, no virtual environment: only what a clinic machine has."""
    keep = {name: os.environ[name] for name in ("LANG", "LC_ALL", "TZ") if name in os.environ}
    return {
        **keep,
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin" if os.name != "nt" else os.environ["PATH"],
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QUICK_BACKEND": "software",
        "KIOSK_PATHS_DATA_DIR": str(home / "data"),
        "KIOSK_PATHS_LOG_DIR": str(home / "log"),
    }


def smoke_checks(app_dir: Path, version: str) -> list[tuple[str, list[str], Callable[[str], bool]]]:
    """What the built app must do: (what, command, check of its output)."""
    exe = ".exe" if os.name == "nt" else ""
    kiosk, admin = str(app_dir / f"{APP}{exe}"), str(app_dir / f"{ADMIN}{exe}")
    content = str(app_dir / CONTENTS / "content")
    return [
        ("kiosk version", [kiosk, "--version"], lambda out: out.strip() == f"{APP} {version}"),
        (
            "kiosk-admin version",
            [admin, "--version"],
            lambda out: out.strip() == f"{ADMIN} {version}",
        ),
        (
            "self-test, every screen and page",
            [kiosk, "--self-test"],
            lambda out: "FAIL" not in out and "ok" in out,
        ),
        (
            "start to the first frame",
            [kiosk, "--quit-after-first-frame", "--windowed"],
            lambda out: True,
        ),
        (
            "shipped content is sound",
            [admin, "bundle", "validate", "--grades", content],
            lambda out: "0 errors" in out,
        ),
        (
            "an author's preview of a page, through the kiosk beside kiosk-admin",
            [admin, "preview", content, "--page", "migraine", "--screenshot", "migraine.png"],
            lambda out: "saved migraine.png (1080×" in out,
        ),
    ]


def smoke_test(app_dir: Path, version: str, timeout: float = 120) -> list[str]:
    """Run each check from a scratch folder; return the failures (empty: all passed)."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as scratch:
        env = clean_environment(Path(scratch))
        for what, command, check in smoke_checks(app_dir, version):
            done = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True,
                                  timeout=timeout, check=False)  # fmt: skip
            ok = done.returncode == 0 and check(done.stdout + done.stderr)
            print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
            if not ok:
                failures.append(f"{what}: exit {done.returncode}\n{done.stdout}{done.stderr}")
    return failures
