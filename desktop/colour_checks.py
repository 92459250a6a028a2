"""Colour arithmetic for the legibility checks: WCAG contrast, CIELAB, CIEDE2000,
and simulated colour-vision deficiency (no Qt; colours are "#rrggbb" strings).

The deficiency simulation uses the matrices of Machado, Oliveira and
Fernandes (2009) for full severity, applied to linear-light sRGB.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import combinations

RGB = tuple[float, float, float]  # 0..1, gamma-encoded sRGB
Matrix = tuple[RGB, RGB, RGB]

# Machado et al. 2009, severity 1.0, for linear RGB.
CVD_MATRICES: dict[str, Matrix] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def parse(colour: str) -> RGB:
    text = colour.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def hex_of(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in rgb)


def to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def from_linear(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(colour: str | RGB) -> float:
    """WCAG relative luminance."""
    r, g, b = parse(colour) if isinstance(colour, str) else colour
    return 0.2126 * to_linear(r) + 0.7152 * to_linear(g) + 0.0722 * to_linear(b)


def contrast(a: str | RGB, b: str | RGB) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def over(colour: str | RGB, alpha: float, background: str | RGB) -> RGB:
    """*colour* at *alpha* (0..1) painted over an opaque *background* (sRGB blending,
    as Qt paints)."""
    fg = parse(colour) if isinstance(colour, str) else colour
    bg = parse(background) if isinstance(background, str) else background
    r, g, b = (alpha * f + (1 - alpha) * k for f, k in zip(fg, bg, strict=True))
    return (r, g, b)


def simulate(colour: str | RGB, kind: str) -> RGB:
    """How *colour* looks with the deficiency *kind* (a key of CVD_MATRICES)."""
    rgb = parse(colour) if isinstance(colour, str) else colour
    linear = [to_linear(c) for c in rgb]
    m = CVD_MATRICES[kind]
    out = [sum(m[i][j] * linear[j] for j in range(3)) for i in range(3)]
    return (from_linear(out[0]), from_linear(out[1]), from_linear(out[2]))


def lab(colour: str | RGB) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    rgb = parse(colour) if isinstance(colour, str) else colour
    r, g, b = (to_linear(c) for c in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e2000(c1: str | RGB, c2: str | RGB) -> float:
    """CIEDE2000 colour difference of two sRGB colours."""
    return delta_e2000_lab(lab(c1), lab(c2))


def delta_e2000_lab(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1_ab, c2_ab = math.hypot(a1, b1), math.hypot(a2, b2)
    c_mean = (c1_ab + c2_ab) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc = 1 + 0.045 * cp_mean
    sh = 1 + 0.015 * cp_mean * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt(
        (dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh)
    )


def min_difference(colours: Sequence[str], kind: str | None = None) -> tuple[float, str, str]:
    """The smallest CIEDE2000 difference between any two of *colours*, as seen with
    *kind* of deficiency (None: typical vision), and the pair."""
    seen = {c: (simulate(c, kind) if kind else parse(c)) for c in colours}
    pairs: Iterable[tuple[str, str]] = combinations(colours, 2)
    return min((delta_e2000(seen[a], seen[b]), a, b) for a, b in pairs)
