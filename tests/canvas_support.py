"""What a canvas (the timeline, the link graph) shows beside its claims' marks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF


def captions(view: Any) -> dict[str, Any]:
    """Each mark's caption item (the child of its status letter), by claim id."""
    found = {}
    for claim, marker in view.markers.items():
        (letter,) = marker.childItems()
        kids = letter.childItems()
        assert len(kids) <= 1
        if kids:
            found[claim] = kids[0]
    return found


def shown_rects(view: Any) -> list[QRectF]:
    """Where each shown caption is drawn on screen: captions keep their size at any
    zoom, so their scene rectangles are not what the analyst sees."""
    return [
        c.deviceTransform(view.viewportTransform()).mapRect(c.boundingRect())
        for c in captions(view).values()
        if c.isVisible()
    ]


def overlapping(rects: list[QRectF]) -> bool:
    return any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def captions_apart_at_each_zoom(view: Any, qtbot: Any, zooms: list[Any]) -> None:
    """After each zoom (then at the fitted zoom), no two shown captions overlap; at the
    fitted zoom some are shown."""
    for zoom in [*zooms, view.fit]:
        zoom()
        qtbot.waitUntil(lambda: not view.labels.timer.isActive(), timeout=2000)
        assert not overlapping(shown_rects(view))
    assert shown_rects(view)
