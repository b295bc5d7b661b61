"""Outlines, rings and words stand out enough, measured from the kiosk's own frames."""

from __future__ import annotations

from bench.contrast import measure
from kiosk.app import Kiosk


def test_every_pair_meets_its_contrast_in_both_modes(form_kiosk: Kiosk) -> None:
    pairs = measure(form_kiosk)

    assert len(pairs) == 18  # nine pairs, normal and high contrast
    low = [f"{p.what} ({p.mode}): {p.ratio}:1 < {p.target}:1" for p in pairs if not p.ok]
    assert low == []
