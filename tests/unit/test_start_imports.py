"""What the kiosk does not import to start: Markdown, YAML and multiprocessing come with
the first page rendered, a page read without its index, and kiosk-admin's worker pool; the
package metadata (and the e-mail parser it needs) only with what reports the version."""

from __future__ import annotations

import subprocess
import sys

LATER = (
    "markdown",
    "yaml",
    "multiprocessing",
    "concurrent.futures",
    "segno",
    "importlib.metadata",
    "email",
)


def test_the_kiosk_starts_without_what_it_needs_only_later() -> None:
    code = f"import sys, kiosk.app\nprint(','.join(m for m in {LATER!r} if m in sys.modules))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, timeout=120)  # fmt: skip

    assert found.stdout.strip() == ""
