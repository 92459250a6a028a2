"""The timeline view, real widgets offscreen on a real SQLite workspace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.timeline import TimelineWindow
from desktop.timeline.view import SVG_AVAILABLE
from tests.canvas_support import captions, captions_apart_at_each_zoom, shown_rects
from tests.gui_shell_support import make_window
from tests.test_timeline import _story


def _open(ws, qtbot, fact=None) -> TimelineWindow:  # type: ignore[no-untyped-def]
    ctx = AppContext(ws, RecordingDialogs())
    window = TimelineWindow(ctx, fact)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.show()
    return window


def test_one_mark_per_claim_and_figures_on_the_value_axis(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = _story(ws)
    seoul, kyiv, late, reinf, ranged, words = ids
    window = _open(ws, qtbot)
    view = window.view
    assert set(view.markers) == set(ids)
    # A bigger figure sits higher; the claim without a figure sits under the plot.
    y = {cid: view.markers[cid].pos().y() for cid in ids}
    assert y[late] < y[kyiv] < y[seoul]
    assert y[words] > max(y[c] for c in (seoul, kyiv, late, reinf, ranged))
    # Superseded claims are faded; the others are not.
    assert view.markers[seoul].opacity() < 1 and view.markers[late].opacity() == 1
    assert "1,500 troops arrived in Russia" in view.markers[seoul].toolTip()
    assert "Superseded" in view.markers[seoul].toolTip()
    assert "11,000–12,000" in view.markers[ranged].toolTip()
    assert "claims" in window.summary.text() and "6 claims" in window.summary.text()


def test_clicking_a_mark_selects_the_claim_everywhere(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, *_rest = _story(ws)
    window = _open(ws, qtbot)
    view = window.view
    for claim in (kyiv, seoul):
        centre = view.mapFromScene(view.markers[claim].pos())
        with qtbot.waitSignal(window.ctx.claimSelected, timeout=2000) as got:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        assert got.args == [claim]
    # A click on empty ground selects nothing.
    with qtbot.assertNotEmitted(window.ctx.claimSelected, wait=100):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_zoom_and_pan_by_keyboard(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    _story(ws)
    window = _open(ws, qtbot)
    view = window.view
    view.setFocus()
    before = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > before
    view.zoom_by(8)
    bar = view.horizontalScrollBar()
    start = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert bar.value() > start
    zoomed = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < zoomed


def test_export_png_and_svg(ws, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _story(ws)
    window = _open(ws, qtbot)
    png = tmp_path / "timeline.png"
    window.ctx.dialogs.save_path = str(png)  # type: ignore[attr-defined]
    size = window.view.export_png(png)
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size.width(), size.height())
    assert size == window.view.export_size() and size.width() > 500
    if SVG_AVAILABLE:
        svg = tmp_path / "timeline.svg"
        window.view.export_svg(svg)
        text = svg.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text


def test_a_facts_timeline_from_the_view_menu(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seoul, _kyiv, late, *_rest = _story(ws)
    from db.facts.service import assign_claims, create_fact

    fact, _ = create_fact(ws, "How many troops?")
    assign_claims(ws, fact.id, [seoul, late])
    main = make_window(ws, tmp_path, qtbot)
    main.facts_view.current_fact = lambda: fact.id
    assert main.timeline_action in main.menu("View").actions()
    main.timeline_action.trigger()
    (timeline,) = main.timeline_windows
    qtbot.waitUntil(lambda: bool(timeline.view.markers), timeout=15000)
    assert set(timeline.view.markers) == {seoul, late}
    assert "How many troops?" in timeline.windowTitle()
    timeline.close()


def test_the_wheel_zooms(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    _story(ws)
    view = _open(ws, qtbot).view
    before = view.zoom
    centre = QPointF(view.viewport().rect().center())
    for delta, check in ((120, lambda z: z > before), (-240, lambda z: z < before)):
        event = QWheelEvent(
            centre,
            QPointF(view.viewport().mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)
        assert check(view.zoom), (delta, view.zoom)


def test_marks_carry_the_claims_first_words_that_never_overlap(  # type: ignore[no-untyped-def]
    ws, qtbot, monkeypatch
) -> None:
    from desktop import canvas_captions

    ids = _story(ws)
    seoul, *_rest = ids
    window = _open(ws, qtbot)
    view = window.view
    shown = captions(view)
    assert set(shown) == set(ids)
    assert shown[seoul].text().startswith("1,500 troops arrived")
    zooms = [view.zoom_out, view.zoom_out, view.zoom_in, view.zoom_in, view.zoom_in]
    captions_apart_at_each_zoom(view, qtbot, zooms)
    # None runs off the drawing's right edge (the latest claims' captions would).
    edge = view.mapFromScene(view.sceneRect()).boundingRect()
    assert all(edge.contains(rect.toAlignedRect()) for rect in shown_rects(view))
    window.captions_box.setChecked(False)
    assert captions(view) == {}
    window.captions_box.setChecked(True)
    assert set(captions(view)) == set(ids)

    # More claims than the limit: the timeline opens without captions, the box unticked.
    monkeypatch.setattr(canvas_captions, "CAPTIONS_UP_TO", len(ids) - 1)
    crowded = _open(ws, qtbot)
    assert not crowded.captions_box.isChecked() and captions(crowded.view) == {}
