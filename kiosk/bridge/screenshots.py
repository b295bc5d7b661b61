"""Screenshots of every screen, in both orientations and every language, for people to
look at: `kiosk --screenshots DIR`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.bridge.walk import (
    ORIENTATIONS,
    Walker,
    find_visible,
    first_page,
    location_name,
    settle,
)
from kiosk.i18n.catalogue import primary
from kiosk.session.navigation import Location, Screen


def screenshots(walker: Walker, out_dir: Path) -> list[Path]:
    """A PNG of every screen in both orientations, plus large text and high contrast, in
    every language (`es-portrait-...` for Spanish)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for language in walker.in_each_language():
        saved += _screenshots_in(walker, out_dir, f"{primary(language)}-" if language else "")
    return saved


# size: the whole walk of one language, in order, reads best in one place
def _screenshots_in(walker: Walker, out_dir: Path, prefix: str) -> list[Path]:
    saved = []
    for orientation in ORIENTATIONS:
        walker.resize(orientation)
        for number, (location, frame) in enumerate(walker.visit(), start=1):
            path = out_dir / f"{prefix}{orientation}-{number:02d}-{location_name(location)}.png"
            _save(frame, path)
            saved.append(path)
            if location.screen is Screen.PAGE:
                saved += _rest_of_page(walker, path)
        saved += _keyboards(walker, out_dir, prefix + orientation)
        walker.navigation.go_to(Location(Screen.PAGE, first_page(walker).target))
        settle()
        path = out_dir / f"{prefix}{orientation}-zz-idle-warning.png"
        _save(walker.idle_warning(), path)
        card = out_dir / f"{prefix}{orientation}-zz-glossary-card"
        saved += [path, *_glossary_card(walker, card)]
        walker.display.setTextStep(walker.display.property("textSteps") - 1)
        walker.display.setHighContrast(True)
        for location in (Location(Screen.HOME), first_page(walker), walker.locations[-1]):
            walker.navigation.go_to(location)
            settle()
            name = f"{prefix}{orientation}-zz-{location_name(location)}-large-contrast.png"
            path = out_dir / name
            _save(walker.window.grabWindow(), path)
            saved.append(path)
        card = out_dir / f"{prefix}{orientation}-zz-glossary-card-large-contrast"
        saved += _glossary_card(walker, card)
        walker.display.reset()
    return saved


def _rest_of_page(walker: Walker, first: Path) -> list[Path]:
    """The page scrolled a screen at a time to its end: `<first>-part2.png`, ..."""
    view = find_visible(walker.window, "pageView")
    if view is None:
        return []
    saved = []
    step = view.height() * 0.85  # a little of the screen before stays in view

    def bottom() -> float:  # read each time: nothing may be left to grow, but it costs nothing
        return float(view.property("contentHeight") - view.height())

    while view.property("contentY") < bottom() - 1:
        view.setProperty("contentY", min(bottom(), view.property("contentY") + step))
        settle()
        path = first.with_name(f"{first.stem}-part{len(saved) + 2}.png")
        _save(walker.window.grabWindow(), path)
        saved.append(path)
    view.setProperty("contentY", 0)
    return saved


def form_screenshots(walker: Walker, out_dir: Path) -> list[Path]:
    """The Contact screen with the form on, and each keyboard layout, in both orientations
    and every language."""
    saved = []
    for language in walker.in_each_language():
        prefix = f"{primary(language)}-" if language else ""
        for orientation in ORIENTATIONS:
            walker.resize(orientation)
            walker.navigation.go_to(Location(Screen.CONTACT))
            settle()
            path = out_dir / f"{prefix}{orientation}-zz-contact-form.png"
            _save(walker.window.grabWindow(), path)
            saved += [path, *_keyboards(walker, out_dir, prefix + orientation)]
    return saved


KEYBOARD_FIELDS = {
    "letters": "fieldNameInput",
    "phone": "fieldPhoneInput",
    "email": "fieldEmailInput",
}


def _keyboards(walker: Walker, out_dir: Path, orientation: str) -> list[Path]:
    """The Contact screen with each keyboard layout up, when the form is on."""
    walker.navigation.go_to(Location(Screen.CONTACT))
    settle()
    saved = []
    for layout, name in KEYBOARD_FIELDS.items():
        field = find_visible(walker.window, name)
        if field is None:
            break  # the form is off: no clinic key on this kiosk
        field.forceActiveFocus()
        settle()
        path = out_dir / f"{orientation}-zz-contact-keyboard-{layout}.png"
        _save(walker.window.grabWindow(), path)
        saved.append(path)
    return saved


def _glossary_card(walker: Walker, stem: Path) -> list[Path]:
    """The first glossary word's card over the first page (`<stem>.png`), if there is one."""
    walker.navigation.go_to(first_page(walker))
    if not walker.navigation.openTerm("0"):
        return []
    settle()
    path = stem.with_name(f"{stem.name}.png")
    _save(walker.window.grabWindow(), path)
    walker.navigation.closeTerm()
    return [path]


def _save(frame: QImage, path: Path) -> None:
    if not frame.save(str(path)):
        raise OSError(f"could not write {path.name}")
