"""Icons search path, the application stylesheet, the palette's muted text, the
reader's font."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDir
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from db.paths import RESOURCES
from desktop.palette import frame_color, hint_color, is_dark

log = logging.getLogger(__name__)

# The reader's zoom: steps of 10 % of the application font's size, within these bounds.
ZOOM_STEP = 0.1
ZOOM_MIN, ZOOM_MAX = -5, 20
FOLLOWING = "claimdeskFollowsPalette"
SERIF_FAMILIES = ["Source Serif 4", "Noto Serif", "Georgia", "DejaVu Serif", "serif"]


def register_icons() -> None:
    QDir.addSearchPath("icons", str(RESOURCES / "icons"))


def stylesheet() -> str:
    path = RESOURCES / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s not found", path)
        return ""


# Fusion draws a field's edge a little darker than the window: on a dark palette that
# edge vanishes against the dark base, so fields get an edge of their own there.
FIELDS = "QLineEdit, QDateTimeEdit, QComboBox, QPlainTextEdit, QTextEdit"
INNER_FIELDS = "QComboBox QLineEdit, QDateTimeEdit QLineEdit"


def field_frames(palette: QPalette) -> str:
    """Stylesheet rules giving input fields a visible edge on a dark *palette* (none on
    a light one, where the style's own edge reads)."""
    if not is_dark(palette):
        return ""
    edge = frame_color(palette).name()
    focus = ", ".join(f"{kind.strip()}:focus" for kind in FIELDS.split(","))
    return (
        f"\n{FIELDS} {{ border: 1px solid {edge}; border-radius: 2px; }}\n"
        f"{INNER_FIELDS} {{ border: none; }}\n"
        f"{focus} {{ border-color: palette(highlight); }}\n"
    )


def reader_font(zoom: int = 0, base: QFont | None = None) -> QFont:
    """A serif reading font the size of the application font (*base*), *zoom* steps
    of 10 % larger or smaller."""
    size = (base or QApplication.font()).pointSizeF()
    if size <= 0:  # a font sized in pixels: take its point size from the pixels
        size = 12.0
    font = QFont()
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setFamilies(SERIF_FAMILIES)
    zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
    font.setPointSizeF(round(size * (1 + ZOOM_STEP * zoom), 2))
    return font


def heading_font(base: QFont | None = None) -> QFont:
    """The article title: the application font, a third larger and semi-bold."""
    font = QFont(base or QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    font.setPointSizeF(round(size * 4 / 3, 2))
    font.setWeight(QFont.Weight.DemiBold)
    return font


def apply_palette(app: QGuiApplication) -> None:
    """Keep the palette's placeholder (muted) text at 4.5:1 or more on its base,
    light or dark; only that role is set, the rest stays the system's."""
    palette = app.palette()
    muted = hint_color(palette)
    role = QPalette.ColorRole.PlaceholderText
    if all(
        palette.color(group, role) == muted
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    ):
        return
    palette.setColor(QPalette.ColorGroup.Active, role, muted)
    palette.setColor(QPalette.ColorGroup.Inactive, role, muted)
    app.setPalette(palette)


def apply_sheet(app: QApplication) -> None:
    """The stylesheet for the palette the application has now."""
    sheet = stylesheet() + field_frames(app.palette())
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def follow_palette(app: QApplication) -> None:
    apply_palette(app)
    apply_sheet(app)


def apply_style(app: QApplication) -> None:
    register_icons()
    apply_palette(app)
    if not app.property(FOLLOWING):
        # The system switched between light and dark: check the muted text and the
        # fields' edges again.
        app.paletteChanged.connect(lambda _palette: follow_palette(app))
        app.setProperty(FOLLOWING, True)
    apply_sheet(app)
