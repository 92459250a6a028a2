"""The article heading keeps to two lines; the whole title stays in its tooltip."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from desktop.shared.clamped_label import ClampedLabel, clamp

LONG = (
    "Officials 😀 say the river crossing at the northern ferry will stay shut for a week "
    "while engineers 🎉 inspect the pontoons, the embankment and the approach roads"
)


def _lines(label: ClampedLabel) -> int:
    metrics = QFontMetrics(label.font())
    rect = metrics.boundingRect(0, 0, label.width(), 10_000, 0x1000, label.text())  # wrap
    return round(rect.height() / metrics.lineSpacing())


def test_a_long_title_is_cut_to_two_lines_and_kept_whole_elsewhere(qtbot) -> None:
    label = ClampedLabel(LONG, 2)
    qtbot.addWidget(label)
    label.resize(220, 200)
    label.show()
    qtbot.waitExposed(label)
    shown = label.text()
    assert shown != LONG and shown.endswith("…")
    assert _lines(label) <= 2
    assert label.toolTip() == LONG and label.full_text() == LONG
    # What is shown is the title's own beginning: no character garbled by the cut.
    assert LONG.startswith(shown[:-1].rstrip())
    label.resize(4000, 200)
    qtbot.waitUntil(lambda: label.text() == LONG)


def test_a_short_title_is_shown_as_it_is(qtbot) -> None:
    label = ClampedLabel("Short title", 2)
    qtbot.addWidget(label)
    label.resize(300, 100)
    assert label.text() == "Short title"


def test_the_cut_counts_utf16_units_before_astral_characters(qtbot) -> None:
    label = ClampedLabel()
    qtbot.addWidget(label)
    text = "😀" * 60 + " tail words that do not fit"
    cut = clamp(text, label.font(), 150, 1)
    assert cut.endswith("…")
    assert text.startswith(cut[:-1])
