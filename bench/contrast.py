"""Contrast of the kiosk's outlines, words and rings, measured from its own frames.

Each pair is sampled from a rendered screen (offscreen, software), normal and high
contrast: an outline's pixel against the page just outside it, a text's ink (its
strongest pixel) against its own background (its commonest pixel). WCAG 2.2 asks
3:1 for outlines and focus rings (1.4.11, 2.4.13) and 4.5:1 for words (1.4.3);
the kiosk's own bar for words is 7:1.

    python -m bench.contrast      (also part of `make bench`)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.app import Kiosk
from kiosk.bridge.walk import every_visible, find_visible, settle

OUTLINE, WORDS = 3.0, 7.0  # targets: outlines and rings; words (the kiosk's own bar)


@dataclass(frozen=True)
class Pair:
    what: str
    mode: str  # "normal" or "high contrast"
    ratio: float
    target: float

    @property
    def ok(self) -> bool:
        return self.ratio >= self.target


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))  # fmt: skip


def ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rect(item: QQuickItem) -> QRect:
    top_left = item.mapToScene(QPointF(0, 0))
    return QRect(round(top_left.x()), round(top_left.y()), round(item.width()),
                 round(item.height()))  # fmt: skip


def text_contrast(frame: QImage, item: QQuickItem) -> float:
    """A text's ink against its background, both from its own pixels.

    The background is the commonest pixel; the ink, the commonest of the pixels
    that stand out from it (the cores of the glyphs, not their smoothed edges).
    """
    area = _rect(item).intersected(frame.rect())
    pixels = [frame.pixelColor(x, y) for y in range(area.top(), area.bottom())
              for x in range(area.left(), area.right())]  # fmt: skip
    return _ink_ratio(pixels)


def _ink_ratio(pixels: list[QColor]) -> float:
    back = QColor.fromRgb(Counter(p.rgb() for p in pixels).most_common(1)[0][0])
    ink = Counter(p.rgb() for p in pixels if ratio(p, back) > OUTLINE).most_common(1)
    if not ink:
        return 1.0
    return ratio(QColor.fromRgb(ink[0][0]), back)


def edge_contrast(frame: QImage, item: QQuickItem, inset: int, outside: int) -> float:
    """The pixel `inset` inside the item's top edge against the one `outside` above it."""
    area = _rect(item)
    x = area.center().x()
    return ratio(frame.pixelColor(x, area.top() + inset), frame.pixelColor(x, area.top() - outside))


def page_link_at(body: QQuickItem) -> QPointF | None:
    """A point on the first link to a page in the rich text `body`, or None."""
    for y in range(0, int(body.height()), 6):
        for x in range(0, int(body.width()), 12):
            link = QMetaObject.invokeMethod(
                body, "linkAt", Q_RETURN_ARG(str), Q_ARG(float, x), Q_ARG(float, y)
            )
            if link.startswith("kiosk:page/"):
                return QPointF(x, y)
    return None


def link_contrast(frame: QImage, body: QQuickItem, at: QPointF) -> float:
    """The link at `at` in `body`, its ink against the text's background."""
    spot = body.mapToScene(at)
    area = QRect(round(spot.x()), round(spot.y()) - 12, 40, 30)
    pixels = [frame.pixelColor(px, py) for py in range(area.top(), area.bottom())
              for px in range(area.left(), area.right())]  # fmt: skip
    return _ink_ratio(pixels)


def measure(kiosk: Kiosk) -> list[Pair]:
    """Every pair, in normal and high contrast, on a shown kiosk with its form on."""
    pairs: list[Pair] = []
    for mode, high in (("normal", False), ("high contrast", True)):
        kiosk.display.setHighContrast(high)
        for what, target, sample in _SAMPLES:
            pairs.append(Pair(what, mode, round(sample(kiosk), 2), target))
    kiosk.display.setHighContrast(False)
    return pairs


def _frame(kiosk: Kiosk) -> QImage:
    settle()
    return kiosk.window.grabWindow()


def _item(kiosk: Kiosk, name: str) -> QQuickItem:
    item = find_visible(kiosk.window, name)
    if item is None:
        raise LookupError(f"no visible {name!r}")
    return item


def _on_contact(kiosk: Kiosk) -> None:
    kiosk.navigation.home()
    kiosk.navigation.openContact()
    settle()


def _shown(kiosk: Kiosk, name: str) -> QQuickItem:
    """The item, scrolled into the middle of its screen."""
    return _scrolled_to(_item(kiosk, name))


def _scrolled_to(item: QQuickItem) -> QQuickItem:
    flickable = item.parentItem()
    while flickable is not None and not flickable.inherits("QQuickFlickable"):
        flickable = flickable.parentItem()
    if flickable is not None:
        top = item.mapToItem(flickable.property("contentItem"), QPointF(0, 0)).y()
        flickable.setProperty("contentY", max(0.0, top - flickable.height() / 3))
        settle()
    return item


def _field_outline(kiosk: Kiosk) -> float:
    _on_contact(kiosk)
    field = _shown(kiosk, "fieldNameInput")
    return edge_contrast(_frame(kiosk), field, inset=1, outside=6)


def _choice_outline(kiosk: Kiosk) -> float:
    _on_contact(kiosk)
    choice = _shown(kiosk, "bestTime_morning")  # not chosen: outline only
    frame, area = _frame(kiosk), _rect(choice)
    y = area.center().y()  # the left edge, away from the rounded corners
    return ratio(frame.pixelColor(area.left() + 1, y), frame.pixelColor(area.left() - 5, y))


def _key_outline(kiosk: Kiosk) -> float:
    _on_contact(kiosk)
    _item(kiosk, "fieldNameInput").forceActiveFocus()
    return edge_contrast(_frame(kiosk), _item(kiosk, "key_q"), inset=1, outside=4)


def _error_words(kiosk: Kiosk) -> float:
    _on_contact(kiosk)
    send = _item(kiosk, "sendRequest")
    QMetaObject.invokeMethod(send, "click")
    settle()
    error = _shown(kiosk, "fieldNameError")
    return text_contrast(_frame(kiosk), error)


def _on_page(kiosk: Kiosk, page: str = "migraine") -> None:
    kiosk.navigation.home()
    kiosk.navigation.openPage(page)
    settle()


def _scroll_bar(kiosk: Kiosk) -> float:
    _on_page(kiosk)
    handle = _item(kiosk, "scrollHandle")
    frame, area = _frame(kiosk), _rect(handle)
    y = area.top() + 20
    return ratio(frame.pixelColor(area.center().x(), y), frame.pixelColor(area.left() - 6, y))


def _link_words(kiosk: Kiosk) -> float:
    _on_page(kiosk, "central-sensitization")
    for body in every_visible(kiosk.window, "pageText"):  # each paragraph of the page
        at = page_link_at(body)
        if at is not None:
            shown = _scrolled_to(body)
            return link_contrast(_frame(kiosk), shown, at)
    raise LookupError("no link on this page")


def _body_words(kiosk: Kiosk) -> float:
    _on_page(kiosk)
    return text_contrast(_frame(kiosk), _item(kiosk, "keyPoint"))


def _disabled(kiosk: Kiosk) -> float:
    kiosk.navigation.home()
    kiosk.navigation.startTour()
    back = _item(kiosk, "tourBack")
    assert not back.isEnabled()
    frame = _frame(kiosk)
    return min(edge_contrast(frame, back, inset=1, outside=6), text_contrast(frame, back))


def _focus_ring(kiosk: Kiosk) -> float:
    kiosk.navigation.home()
    settle()
    window: QQuickWindow = kiosk.window
    for _ in range(20):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        settle()
        if window.activeFocusItem().objectName() == "startTour":
            break
    button = window.activeFocusItem()
    frame = _frame(kiosk)
    area = _rect(button)
    x, ring = area.center().x(), 3 + 4 // 2  # the gap, then half the ring's width
    return ratio(frame.pixelColor(x, area.top() - ring), frame.pixelColor(x, area.top() - 12))


_SAMPLES: list[tuple[str, float, Callable[[Kiosk], float]]] = [
    ("text box outline / page", OUTLINE, _field_outline),
    ("choice outline / page", OUTLINE, _choice_outline),
    ("keyboard key outline / keyboard", OUTLINE, _key_outline),
    ("scroll bar / page", OUTLINE, _scroll_bar),
    ("disabled button (outline, words)", OUTLINE, _disabled),
    ("focus ring / page", OUTLINE, _focus_ring),
    ("error words / form", WORDS, _error_words),
    ("link words / page", WORDS, _link_words),
    ("body words / key points box", WORDS, _body_words),
]


def main() -> None:
    import tempfile
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuickControls2 import QQuickStyle

    from kiosk.bridge.services import open_outbox
    from kiosk.bridge.window import load_fonts
    from kiosk.content.loader import read_bundle
    from kiosk.outbox.keys import INTERACTIVE, new_key_pair
    from kiosk.session.idle import ManualClock

    app = QGuiApplication(["contrast"])
    QQuickStyle.setStyle("Basic")
    load_fonts()
    with tempfile.TemporaryDirectory(prefix="kiosk-contrast-") as data:
        new_key_pair(Path(data), "throwaway passphrase", strength=INTERACTIVE)
        kiosk = Kiosk(read_bundle(Path(__file__).parent.parent / "content"), ManualClock())
        kiosk.form.attach(open_outbox(Path(data)))
        kiosk.window.resize(1080, 1920)
        kiosk.window.show()
        pairs = measure(kiosk)
        kiosk.form.close()
    rows = [(p.what, p.mode, f"{p.ratio:.2f}:1", f"{p.target:.0f}:1", "ok" if p.ok else "LOW")
            for p in pairs]  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    print("Contrast measured from the kiosk's frames (portrait, 1080x1920)\n")
    for row in [("pair", "mode", "measured", "target", ""), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    del app


if __name__ == "__main__":
    main()
