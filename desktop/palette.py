"""Colours shared by every view.

One colour per claim status, chosen so that any two stay apart (CIEDE2000)
for typical vision and with protanopia, deuteranopia and tritanopia, both as
solid marks and as the translucent highlights of the reader, on a light and on
a dark page.  Status is never shown by colour alone: every place that shows a
status colour also shows its word or its letter (:data:`STATUS_LETTERS`).

Everything else follows the application palette (light or dark): muted text
is the palette's text mixed towards its background only as far as it keeps a
4.5:1 contrast, and highlights are stronger on a light page than on a dark one.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap

from db.enums import Status

STATUS_COLORS: dict[Status, QColor] = {
    Status.UNVERIFIED: QColor("#b2b3a6"),  # grey: nobody has looked yet
    Status.IN_REVIEW: QColor("#52aae0"),  # sky blue: being checked
    Status.VERIFIED: QColor("#245b57"),  # deep teal
    Status.DISPUTED: QColor("#f79f01"),  # amber
    Status.FALSE: QColor("#ce1d01"),  # red
    Status.UNVERIFIABLE: QColor("#7b1dce"),  # violet
}
# On a dark page the same statuses in colours that stand out from it (a deep teal
# would vanish there) and still stay apart from each other for every kind of vision.
STATUS_COLORS_DARK: dict[Status, QColor] = {
    Status.UNVERIFIED: QColor("#a2a1af"),
    Status.IN_REVIEW: QColor("#26538d"),
    Status.VERIFIED: QColor("#57c778"),
    Status.DISPUTED: QColor("#eca603"),
    Status.FALSE: QColor("#cd1b00"),
    Status.UNVERIFIABLE: QColor("#6e08fd"),
}
# The second cue beside every status colour: a letter (the reader's margin, the legend).
STATUS_LETTERS: dict[Status, str] = {
    Status.UNVERIFIED: "U",
    Status.IN_REVIEW: "R",
    Status.VERIFIED: "V",
    Status.DISPUTED: "D",
    Status.FALSE: "F",
    Status.UNVERIFIABLE: "?",
}
UNKNOWN_COLOR = QColor("#b2b3a6")

# Opacity of a claim highlight over the page, light and dark; a claim inside another
# is NEST_STEP more opaque per level (at most two levels), the selected one SELECTED_STEP.
TINT_ALPHA = {False: 0.45, True: 0.30}
NEST_STEP = 0.04
SELECTED_STEP = 0.10
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text
HINT_CONTRAST = 4.6  # muted text keeps a little above AA after rounding


def status_color(status: Status | str, *, dark: bool | None = None) -> QColor:
    """The colour of a status on the application's page, light or dark (grey for
    anything unknown)."""
    dark = is_dark() if dark is None else dark
    try:
        return QColor((STATUS_COLORS_DARK if dark else STATUS_COLORS)[Status(status)])
    except ValueError:
        return QColor(UNKNOWN_COLOR)


def status_letter(status: Status | str) -> str:
    try:
        return STATUS_LETTERS[Status(status)]
    except ValueError:
        return "·"


def current_palette(palette: QPalette | None = None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether *palette* (the application's by default) shows light text on dark."""
    return current_palette(palette).color(QPalette.ColorRole.Base).lightnessF() < 0.5


def tint(status: Status | str, depth: int = 0, *, dark: bool | None = None) -> QColor:
    """The translucent highlight of a claim; nested claims are a little more opaque."""
    dark = is_dark() if dark is None else dark
    color = status_color(status, dark=dark)
    color.setAlphaF(TINT_ALPHA[dark] + NEST_STEP * min(depth, 2))
    return color


def selection_tint(status: Status | str, *, dark: bool | None = None) -> QColor:
    dark = is_dark() if dark is None else dark
    color = status_color(status, dark=dark)
    color.setAlphaF(TINT_ALPHA[dark] + SELECTED_STEP)
    return color


def underline_color(status: Status | str, *, dark: bool | None = None) -> QColor:
    """The status colour as a line that stands out from the page (≥ 3:1)."""
    dark = is_dark() if dark is None else dark
    color = status_color(status, dark=dark)
    return color.lighter(150) if dark else color.darker(130)


def luminance(color: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    t = min(max(share_of_b, 0.0), 1.0)
    return QColor.fromRgbF(
        a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t,
        a.blueF() * (1 - t) + b.blueF() * t,
    )


@lru_cache(maxsize=16)
def _muted(text: int, base: int, window: int, wanted: float) -> int:
    fg, backs = QColor.fromRgb(text), (QColor.fromRgb(base), QColor.fromRgb(window))
    for step in range(14, -1, -1):  # as muted as the contrast allows
        candidate = mix(fg, backs[0], step / 20)
        if all(contrast(candidate, back) >= wanted for back in backs):
            return candidate.rgb()
    return fg.rgb()


def hint_color(palette: QPalette | None = None, wanted: float = HINT_CONTRAST) -> QColor:
    """Grey text for hints and secondary details: the palette's text softened
    towards its base, never below *wanted* contrast on the base or the window."""
    pal = current_palette(palette)
    role = QPalette.ColorRole
    return QColor.fromRgb(
        _muted(pal.color(role.Text).rgb(), pal.color(role.Base).rgb(),
               pal.color(role.Window).rgb(), wanted)
    )  # fmt: skip


FRAME_CONTRAST = 3.0  # WCAG's least contrast for the boundary of a control


@lru_cache(maxsize=16)
def _framed(text: int, base: int, window: int, wanted: float) -> int:
    fg, backs = QColor.fromRgb(text), (QColor.fromRgb(base), QColor.fromRgb(window))
    for step in range(1, 21):  # as close to the base as the contrast allows
        candidate = mix(backs[0], fg, step / 20)
        if all(contrast(candidate, back) >= wanted for back in backs):
            return candidate.rgb()
    return fg.rgb()


def frame_color(palette: QPalette | None = None, wanted: float = FRAME_CONTRAST) -> QColor:
    """The edge of an input field: the base moved towards the text until it stands
    *wanted* apart from both the field's base and the window around it."""
    pal = current_palette(palette)
    role = QPalette.ColorRole
    return QColor.fromRgb(
        _framed(pal.color(role.Text).rgb(), pal.color(role.Base).rgb(),
                pal.color(role.Window).rgb(), wanted)
    )  # fmt: skip


def error_color(palette: QPalette | None = None) -> QColor:
    """Red text readable on the palette's base (light or dark)."""
    pal = current_palette(palette)
    red = QColor("#fca5a5") if is_dark(pal) else QColor("#b91c1c")
    return red


def hint_style() -> str:
    """A stylesheet for muted text: the palette's placeholder colour (see
    :func:`desktop.style.apply_palette`, which keeps it readable)."""
    return "color: palette(placeholder-text);"


def muted_css() -> str:
    """Muted text inside rich text (where the palette cannot be named)."""
    return f"color:{hint_color().name()}"


def error_style() -> str:
    return f"color: {error_color().name()};"


_ICONS: dict[str, QIcon] = {}


def status_icon(status: Status | str, size: int = 12) -> QIcon:
    """A small filled square in the status colour, cached per status and size."""
    dark = is_dark()
    key = f"{status}:{size}:{dark}"
    icon = _ICONS.get(key)
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(status_color(status, dark=dark))
        icon = QIcon(pixmap)
        _ICONS[key] = icon
    return icon


CONTESTED_COLOR = QColor("#c2410c")  # dark orange: a verdict questioned by a contradiction
SUPERSEDED_COLOR = QColor("#6b7280")  # grey: a newer claim replaces this one


def contested_color(palette: QPalette | None = None) -> QColor:
    """The contested mark's colour, readable on the palette's base."""
    return QColor("#fdba74") if is_dark(palette) else QColor(CONTESTED_COLOR)


def superseded_color(palette: QPalette | None = None) -> QColor:
    """Faded text of a claim a newer one replaces (still ≥ 4.5:1 on the base)."""
    return hint_color(palette)


CONTESTED_TIP = (
    "Contested: an accepted contradiction questions this claim's verdict. The verdict "
    "stands until a reviewer keeps it (Review ▸ Keep verdict, Ctrl+Shift+K) or gives another."
)


def status_tip(contested: bool, superseded_by: str | None) -> str | None:
    """The tooltip of a status cell that carries a mark (None when it has none)."""
    parts = [CONTESTED_TIP] if contested else []
    if superseded_by:
        parts.append(f"Superseded: claim {superseded_by[:8]} updates this one.")
    return "\n".join(parts) or None


def readable_ink(background: QColor) -> QColor:
    """Black or white, whichever stands out more from *background*."""
    light, dark = QColor(255, 255, 255), QColor(0, 0, 0)
    return light if contrast(background, light) >= contrast(background, dark) else dark


def badge_html(text: str, color: QColor) -> str:
    """A small coloured label for rich text (the inspector's status marks) in white or
    black lettering, whichever stands out more from *color*."""
    ink = readable_ink(color)
    return (
        f"<span style='background-color:{color.name()}; color:{ink.name()}; "
        f"font-weight:600'>&nbsp;{text}&nbsp;</span>"
    )
