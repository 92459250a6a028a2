"""Status colours and muted text for every analyst: colour-vision deficiencies,
WCAG contrast, the light and the dark palette (figures printed with -s)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from colour_support import chip_text_area, dark_palette, dock_title_area, painted_contrast
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTabBar

from db.models import Status
from desktop.colour_checks import (
    CVD_MATRICES,
    contrast,
    delta_e2000,
    delta_e2000_lab,
    hex_of,
    min_difference,
    over,
    parse,
    simulate,
)
from desktop.palette import (
    HINT_CONTRAST,
    STATUS_COLORS,
    STATUS_COLORS_DARK,
    STATUS_LETTERS,
    frame_color,
    hint_color,
    selection_tint,
    tint,
    underline_color,
)

ROOT = Path(__file__).resolve().parent.parent
KINDS = (None, *CVD_MATRICES)
SOLIDS = [c.name() for c in STATUS_COLORS.values()]
DARK_SOLIDS = [c.name() for c in STATUS_COLORS_DARK.values()]
LIGHT_PAGE, LIGHT_TEXT = "#ffffff", "#000000"
DARK_PAGE, DARK_TEXT = "#1e1e1e", "#e8e8e8"
# Published CIEDE2000 test pairs (Sharma, Wu and Dalal, 2005).
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
]


def test_the_colour_arithmetic_matches_published_figures() -> None:
    for lab1, lab2, expected in SHARMA:
        assert delta_e2000_lab(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    for kind in CVD_MATRICES:  # neutral colours stay neutral; red and green merge for two
        assert hex_of(simulate("#ffffff", kind)) == "#ffffff"
        grey = simulate("#808080", kind)
        assert max(grey) - min(grey) < 0.01
    red, green = "#ff0000", "#00a000"
    assert min_difference([red, green])[0] > 50
    assert min_difference([red, green], "deuteranopia")[0] < min_difference([red, green])[0] / 2


def _tints(page: str, dark: bool) -> list[str]:
    """The highlights as painted over *page*."""
    shown = [tint(s, dark=dark) for s in Status]
    return [hex_of(over(c.name(), c.alphaF(), page)) for c in shown]


def _from_page(page: str, colours: list[str], kind: str | None) -> float:
    """How far the faintest highlight stands from the page itself."""
    seen = simulate(page, kind) if kind else parse(page)
    return min(delta_e2000(simulate(c, kind) if kind else parse(c), seen) for c in colours)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k or "typical")
def test_statuses_stay_apart_with_every_kind_of_colour_vision(kind: str | None) -> None:
    solid, a, b = min_difference(SOLIDS, kind)
    solid_dark = min_difference(DARK_SOLIDS, kind)[0]
    light, la, lb = min_difference(_tints(LIGHT_PAGE, False), kind)
    dark, da, db = min_difference(_tints(DARK_PAGE, True), kind)
    off_light = _from_page(LIGHT_PAGE, _tints(LIGHT_PAGE, False), kind)
    off_dark = _from_page(DARK_PAGE, _tints(DARK_PAGE, True), kind)
    print(  # the figures for the note (pytest -s)
        f"\n{kind or 'typical'}: min CIEDE2000 marks {solid:.1f} ({a}/{b}), "
        f"on dark {solid_dark:.1f}; highlights on light {light:.1f} ({la}/{lb}), "
        f"on dark {dark:.1f} ({da}/{db}); from the page: light {off_light:.1f}, "
        f"dark {off_dark:.1f}"
    )
    assert solid >= 20 and solid_dark >= 10
    assert light >= 10
    assert dark >= 9
    assert off_light >= 7 and off_dark >= 9  # no highlight fades into the page


def test_the_former_palette_fails_the_same_check() -> None:
    """The check can fail: the old palette's highlights merged under deuteranopia."""
    old = ["#9ca3af", "#f59e0b", "#16a34a", "#ea580c", "#dc2626", "#7c3aed"]
    tints = [hex_of(over(c, 70 / 255, "#fffdf8")) for c in old]
    assert min_difference(tints, "deuteranopia")[0] < 3


@pytest.mark.parametrize(("page", "text", "dark"), [(LIGHT_PAGE, LIGHT_TEXT, False),
                                                     ("#fffdf8", "#1f2937", False),
                                                     (DARK_PAGE, DARK_TEXT, True),
                                                     ("#2b2b2b", "#dddddd", True)])  # fmt: skip
def test_text_stays_readable_on_every_highlight(page: str, text: str, dark: bool) -> None:
    worst = math.inf
    for status in Status:
        backgrounds = [tint(status, depth, dark=dark) for depth in range(4)]
        backgrounds.append(selection_tint(status, dark=dark))
        for colour in backgrounds:
            shown = over(colour.name(), colour.alphaF(), page)
            worst = min(worst, contrast(text, shown))
        # The underline that edges each highlight stands out from the page (non-text 3:1).
        assert contrast(underline_color(status, dark=dark).name(), page) >= 3, status
    print(f"\ntext on highlights, {page}: at least {worst:.2f}:1")
    assert worst >= 4.5


def test_every_status_has_its_own_letter() -> None:
    letters = [STATUS_LETTERS[s] for s in Status]
    assert len(set(letters)) == len(letters) == len(STATUS_COLORS)


def _palette(base: str, text: str, placeholder: str) -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Window, base),
                         (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.PlaceholderText, placeholder)):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#000000"), ("#fffdf8", "#1f2937"),
                                            ("#efefef", "#000000"), ("#1e1e1e", "#e8e8e8"),
                                            ("#2d2d2d", "#ffffff")])  # fmt: skip
def test_muted_text_keeps_aa_contrast(qapp, base: str, text: str) -> None:  # type: ignore[no-untyped-def]
    muted = hint_color(_palette(base, text, "#a0a0a0"))
    ratio = contrast(muted.name(), base)
    print(f"\nhint text {muted.name()} on {base}: {ratio:.2f}:1")
    assert HINT_CONTRAST <= ratio
    assert ratio < contrast(text, base)  # still softer than the text itself


def test_the_application_palette_gets_readable_hints(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.style import apply_palette

    before = QApplication.palette()
    try:
        for palette in (QPalette(before), dark_palette()):
            QApplication.setPalette(palette)
            apply_palette(qapp)
            now = QApplication.palette()
            hint = now.color(QPalette.ColorRole.PlaceholderText).name()
            for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
                ratio = contrast(hint, now.color(role).name())
                print(f"\nplaceholder {hint} on {now.color(role).name()}: {ratio:.2f}:1")
                assert ratio >= 4.5
    finally:
        QApplication.setPalette(before)


# Light colours written into widgets would stay light in a dark palette.  These few
# are always painted together with their own dark text, so they read in either.
PAIRED = {
    "desktop/marks.py": {"#ffcdcd"},
    "desktop/search/delegate.py": {"#ffe08a"},
    "desktop/search/find_bar.py": {"#fff1a8", "#ffb347"},
    "desktop/reader/highlighter.py": {"#ffcdcd"},  # with HIDDEN_FOREGROUND
    # Text colours for the dark palette; white ink only where it outcontrasts black.
    "desktop/palette.py": {"#fca5a5", "#fdba74", "#ffffff"},
}
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
RGB = re.compile(r"QColor\((\d+),\s*(\d+),\s*(\d+)")


def test_no_hard_coded_light_colours_in_widgets_or_the_stylesheet() -> None:
    found: list[str] = []
    files = [*sorted((ROOT / "desktop").rglob("*.py")), ROOT / "resources" / "style.qss"]
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        if name in ("desktop/colour_checks.py", "desktop/pdf_render.py"):
            continue  # arithmetic on given colours; the printed page is white paper
        text = path.read_text(encoding="utf-8")
        for match in HEX.finditer(text):
            colour = match.group(0).lower()
            if len(colour) == 4:
                colour = "#" + "".join(c * 2 for c in colour[1:])
            if contrast(colour, "#000000") > 12 and colour not in PAIRED.get(name, set()):
                found.append(f"{name}: {match.group(0)}")
        for match in RGB.finditer(text):
            colour = "#" + "".join(f"{int(v):02x}" for v in match.groups())
            if contrast(colour, "#000000") > 12 and colour not in PAIRED.get(name, set()):
                found.append(f"{name}: {match.group(0)}")
        for word in re.finditer(r"\"white\"|: white\b|GlobalColor\.white", text):
            found.append(f"{name}: {word.group(0)}")
    assert found == []


@pytest.fixture
def dark_app(qapp):  # type: ignore[no-untyped-def]
    """The application in a desktop's dark palette, styled as ClaimDesk styles it."""
    from desktop.style import apply_style

    before, sheet = QApplication.palette(), qapp.styleSheet()
    QApplication.setPalette(dark_palette())
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    QApplication.setPalette(before)


def test_legend_docks_and_reader_follow_a_dark_palette(dark_app, ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui_shell_support import MULTILINGUAL, add_text_article, make_window

    from db.claims import create_claim

    article = add_text_article(ws, MULTILINGUAL)
    for n, status in enumerate(Status):
        create_claim(ws, article.id, 8 * n, 8 * n + 6, status=status.value, rationale="Checked.")
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article.id)
    reader = window.reader
    assert reader.highlighter.dark
    page = reader.viewport().grab().toImage().pixelColor(3, 3)
    assert page.lightnessF() < 0.3  # the page is dark, not the light paper
    ratios: dict[str, float] = {}
    for status, chip in window.reader_pane.legend.labels.items():
        pane = window.reader_pane
        ratios[f"legend {status.label}"] = painted_contrast(pane, chip_text_area(chip, pane))
    for title in ("Articles", "Claim"):
        dock = window.docks[title]
        ratios[f"dock title {title}"] = painted_contrast(dock, dock_title_area(dock))
    # The bottom panels are named by their tabs (above them, no title bars).
    claims = window.docks["Claims"]
    tabs = next(
        bar
        for bar in window.findChildren(QTabBar)
        if bar.isVisible() and "Claims" in [bar.tabText(i) for i in range(bar.count())]
    )
    index = [tabs.tabText(i) for i in range(tabs.count())].index("Claims")
    assert claims.isVisible()
    ratios["tab Claims"] = painted_contrast(tabs, tabs.tabRect(index).adjusted(6, 3, -6, -3))
    print("\n" + "\n".join(f"{k}: {v:.2f}:1" for k, v in ratios.items()))
    assert min(ratios.values()) >= 4.5, ratios


def _edge_contrast(widget, base: QColor) -> float:  # type: ignore[no-untyped-def]
    """The most any pixel of the widget's left edge (middle rows) stands out from *base*."""
    image = widget.grab().toImage()
    middle = image.height() // 2
    return max(
        contrast(QColor(image.pixel(x, y)).name(), base.name())
        for x in range(2)
        for y in range(middle - 2, middle + 3)
    )


def test_fields_show_their_edges_in_a_dark_palette(dark_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    base = QApplication.palette().color(QPalette.ColorRole.Base)
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    edge = frame_color()
    assert contrast(edge.name(), base.name()) >= 3 and contrast(edge.name(), window.name()) >= 3
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("All sources")
    for field in (QLineEdit("Harbourline News"), combo, QPlainTextEdit("notes")):
        qtbot.addWidget(field)
        field.resize(200, 40)
        field.show()
        qtbot.waitExposed(field)
        ratio = _edge_contrast(field, base)
        print(f"\n{type(field).__name__} edge on {base.name()}: {ratio:.2f}:1")
        assert ratio >= 3


def test_a_light_palette_keeps_the_styles_own_edges(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.style import field_frames

    assert field_frames(QPalette(QColor("#efefef"))) == ""
    assert "border: 1px solid" in field_frames(dark_palette())


def test_switching_to_dark_gives_fields_edges(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.style import apply_style

    before, sheet = QApplication.palette(), qapp.styleSheet()
    try:
        apply_style(qapp)
        assert "border: 1px solid" not in qapp.styleSheet()
        QApplication.setPalette(dark_palette())  # as a desktop switching to dark does
        qapp.processEvents()
        assert f"border: 1px solid {frame_color().name()}" in qapp.styleSheet()
    finally:
        QApplication.setPalette(before)
        qapp.setStyleSheet(sheet)
