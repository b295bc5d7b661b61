"""The kiosk's offscreen modes (the self-test and the screenshots), and the screen shown
to staff when the settings are broken."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQml import QQmlApplicationEngine

from kiosk import launcher
from kiosk.bridge.screenshots import form_screenshots, screenshots
from kiosk.bridge.walk import Check, QtMessages, Walker, self_test
from kiosk.bridge.window import fill_screen
from kiosk.content.problems import Severity

if TYPE_CHECKING:
    from kiosk.app import Kiosk

log = logging.getLogger("kiosk.app")


def run_offscreen(kiosk: Kiosk, options: argparse.Namespace, messages: QtMessages) -> int:
    """`--self-test` or `--screenshots DIR`; the exit status."""
    if options.self_test:
        return run_self_test(kiosk, messages)
    return run_screenshots(kiosk, options.screenshots)


def run_self_test(kiosk: Kiosk, messages: QtMessages) -> int:
    """One line per check, `ok` or `FAIL`; 1 if any failed or Qt warned."""
    failures = 0

    def report(name: str, ok: bool, detail: str = "") -> None:
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)

    for problem in kiosk.result.problems:
        report("content", problem.severity is not Severity.ERROR, str(problem))
    problems = messages.take()
    if kiosk.result.bundle is None:
        report("kiosk shown", False, "the content has errors; 'being updated' is showing")
    else:
        report("QML loads without warnings", kiosk.ready and not problems, "; ".join(problems))
        _check_languages(kiosk, report)
    if kiosk.ready:
        # Read-aloud off is not a failure (a kiosk may have no voice): the line says why.
        kiosk.speech.wait_for_voice()
        said, _, why = kiosk.speech.found.line().partition(": ")
        report(said, True, why)
        self_test(Walker.of(kiosk), messages, report)
    print(f"{'self-test passed' if not failures else f'self-test failed: {failures} checks'}")
    return 1 if failures else 0


def _check_languages(kiosk: Kiosk, report: Check) -> None:
    """The screens' words load in each language the content is in that the kiosk speaks."""
    from kiosk.bridge.language import Translators
    from kiosk.i18n.catalogue import has_catalogue

    bundle = kiosk.result.bundle
    for language in bundle.languages[1:] if bundle else ():
        if not has_catalogue(language):
            report(f"screens' words in {language}", True, "none: its readers get English ones")
        else:
            ok = Translators.shared().loads(language)
            report(f"screens' words in {language}", ok, "" if ok else "cannot be loaded")


def run_screenshots(kiosk: Kiosk, out_dir: Path) -> int:
    if not kiosk.ready:
        print("kiosk: the kiosk could not be shown; see the log above", file=sys.stderr)
        return 1
    kiosk.speech.wait_for_voice()  # the pages show their Listen buttons where a voice is
    try:
        saved = screenshots(Walker.of(kiosk), out_dir)
        if not kiosk.form.property("available"):
            saved += _with_the_form(kiosk, out_dir)
    except OSError as exc:
        print(f"kiosk: cannot write screenshots to {out_dir}: {exc}", file=sys.stderr)
        return 1
    print(f"kiosk: saved {len(saved)} screenshots in {out_dir}", file=sys.stderr)
    return 0


def _with_the_form(kiosk: Kiosk, out_dir: Path) -> list[Path]:
    """The form as it looks once the clinic's key is in place, though this kiosk has none:
    a throwaway key and outbox in a temporary folder, gone afterwards; nothing is sent."""
    from kiosk.bridge.services import attach_throwaway_form

    print("kiosk: the contact form is off here (no clinic key); the *-contact-form "
          "screenshots show it as it looks with one", file=sys.stderr)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="kiosk-screenshots-") as folder:
        if not attach_throwaway_form(kiosk, Path(folder)):  # the log says why
            print("kiosk: the form could not be turned on for the screenshots", file=sys.stderr)
            return []
        try:
            return form_screenshots(Walker.of(kiosk), out_dir)
        finally:
            kiosk.form.close()


def refuse_bad_settings(app: QGuiApplication, problems: list[str], offscreen: bool) -> int:
    """Log every problem; show them to staff on screen unless running offscreen."""
    for problem in problems:
        log.error("settings: %s", problem)
    if offscreen:
        for problem in problems:
            print(f"FAIL  settings: {problem}", flush=True)
        return 1
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"problems": problems})
    engine.load(QUrl.fromLocalFile(str(launcher.VIEWS / "SettingsProblem.qml")))
    window = engine.rootObjects()[0] if engine.rootObjects() else None
    if isinstance(window, QWindow):
        fill_screen(window)
    app.exec()
    return 2
