"""QR pictures: the SVG draws exactly segno's code for the text, error level M, with its
quiet zone, one unit per module, dark on white."""

from __future__ import annotations

import base64
import re

import pytest
import segno

from kiosk.content.loader import load_bundle
from kiosk.content.qr import QUIET_ZONE, qr_picture
from kiosk.content.vcard import clinic_vcard
from tests.conftest import SAMPLE_CONTENT

INK = "#1b2430"


def dark_modules(svg: str) -> set[tuple[int, int]]:
    """The squares segno's SVG path paints: `M x y.5` then `h n` (paint n) and `m dx dy`."""
    path = re.search(rf'<path stroke="{INK}" d="([^"]+)"', svg)
    assert path is not None, svg[:200]
    dark: set[tuple[int, int]] = set()
    x = y = 0.0
    for op, args in re.findall(r"([MmHh])([-\d. ]+)", path.group(1)):
        numbers = [float(n) for n in args.split()]
        if op == "M":
            x, y = numbers
        elif op == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            dark |= {(int(x) + i, int(y)) for i in range(int(numbers[0]))}
            x += numbers[0]
    return dark


def segno_modules(text: str) -> set[tuple[int, int]]:
    code = segno.make(text, error="m", micro=False, boost_error=False)
    return {(x + QUIET_ZONE, y + QUIET_ZONE) for y, row in enumerate(code.matrix)
            for x, bit in enumerate(row) if bit}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        clinic_vcard(load_bundle(SAMPLE_CONTENT).clinic),
        "https://example.org/pages/intro",
        "FN:Clínica Niño",
    ],
)
def test_the_svg_draws_the_code_of_exactly_that_text(text: str) -> None:
    picture = qr_picture(text, INK)
    svg = picture.svg.decode("utf-8")
    code = segno.make(text, error="m", micro=False, boost_error=False)

    assert code.error == "M"
    assert picture.modules == len(code.matrix) + 2 * QUIET_ZONE
    assert re.match(rf'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {picture.modules} '
                    rf'{picture.modules}">', svg)  # fmt: skip
    assert "width=" not in svg  # the screen picks the size
    assert "height=" not in svg
    side = picture.modules
    assert f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>' in svg  # white underneath
    assert dark_modules(svg) == segno_modules(text)
    quiet = {(x, y) for x, y in dark_modules(svg)
             if min(x, y) < QUIET_ZONE or max(x, y) >= picture.modules - QUIET_ZONE}  # fmt: skip
    assert not quiet


def test_the_sample_card_fits_a_version_10_code() -> None:
    """65 modules: at 6 pixels each, 390 pixels wide, which scans from arm's length."""
    picture = qr_picture(clinic_vcard(load_bundle(SAMPLE_CONTENT).clinic), INK)

    assert picture.modules == 65


def test_the_data_url_carries_the_svg() -> None:
    picture = qr_picture("https://example.org/", INK)
    prefix = "data:image/svg+xml;base64,"

    assert picture.data_url().startswith(prefix)
    assert base64.b64decode(picture.data_url().removeprefix(prefix)) == picture.svg


@pytest.mark.parametrize("ink", ["white", "#fff", "#1b2430; stroke-width:9", ""])
def test_only_a_plain_colour_is_accepted(ink: str) -> None:
    with pytest.raises(ValueError, match="colour"):
        qr_picture("x", ink)


def test_text_too_long_for_a_code_is_refused() -> None:
    with pytest.raises(segno.DataOverflowError):
        qr_picture("x" * 3000, INK)
