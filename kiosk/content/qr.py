"""QR codes as SVG pictures, dark on white, for a patient's phone to scan off the screen."""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass

QUIET_ZONE = 4  # modules of white round the code, as the QR standard asks
ERROR_LEVEL = "m"  # survives about 15 % of the code smudged or in glare
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class QrPicture:
    """`svg` draws one unit per module; `modules` is its width, quiet zone included."""

    svg: bytes
    modules: int

    def data_url(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg).decode("ascii")


def qr_picture(text: str, ink: str) -> QrPicture:
    """`text` as a QR code (byte mode, UTF-8 when it needs it), `ink` (#rrggbb) on white."""
    import segno  # here, not at the top: it takes ~30 ms to import, and only Contact needs it

    if not _COLOUR.fullmatch(ink):
        raise ValueError(f"not a #rrggbb colour: {ink!r}")
    code = segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False)
    out = io.BytesIO()
    # omitsize: a viewBox of one unit per module and no width or height, so the screen
    # draws it at whatever whole number of pixels per module it chooses.
    code.save(out, kind="svg", dark=ink, light="#ffffff", border=QUIET_ZONE, scale=1,
              xmldecl=False, omitsize=True, svgclass=None, lineclass=None)  # fmt: skip
    return QrPicture(out.getvalue(), len(code.matrix) + 2 * QUIET_ZONE)
