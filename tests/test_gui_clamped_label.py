"""The article heading keeps to two lines; the whole title stays in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from desktop.shared.clamped_label import ClampedLabel

LONG = (
    "Officials 😀 say the river crossing at the northern ferry will stay shut for a week "
    "while engineers 🎉 inspect the pontoons, the embankment and the approach roads"
)


def _lines(label: ClampedLabel) -> int:
    """Lines the label itself lays its shown text out in, at its width."""
    margins = label.contentsMargins()
    height = label.heightForWidth(label.width()) - margins.top() - margins.bottom()
    return round(height / QFontMetrics(label.font()).lineSpacing())


@pytest.mark.parametrize("width", range(200, 640, 37))
def test_a_long_title_is_cut_to_two_lines_and_kept_whole_elsewhere(qtbot, width) -> None:
    # Styled as the reader's heading is: by a parent's style sheet matching the
    # name given after the text.
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setStyleSheet("QLabel#heading { font-size: 14pt; font-weight: 600; padding: 8px 18px; }")
    label = ClampedLabel(LONG, 2, parent)
    normal_size = label.font().pointSizeF()
    label.setObjectName("heading")
    label.resize(width, 200)
    parent.resize(width, 200)
    parent.show()
    qtbot.waitExposed(parent)
    assert label.font().pointSizeF() == 14 != normal_size  # the style sheet applies
    shown = label.text()
    assert shown != LONG and shown.endswith("…")
    assert _lines(label) == 2  # both lines used, not one
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


def test_a_cut_before_astral_characters_keeps_them_whole(qtbot) -> None:
    text = "😀" * 80 + " tail words that do not fit"
    label = ClampedLabel(text, 1)
    qtbot.addWidget(label)
    label.resize(150, 100)
    label.show()
    qtbot.waitExposed(label)
    shown = label.text()
    assert shown.endswith("…") and text.startswith(shown[:-1])
    assert _lines(label) == 1
