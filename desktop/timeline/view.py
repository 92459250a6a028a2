"""The timeline of a fact (or of the whole workspace), drawn on a QGraphicsScene.

Event dates run along the time axis (a range is a bar), the figure along the
value axis where there is one (its bounds are an error bar), and each claim's
publication date is a small separate mark on its row.  Claims without a figure
sit in a lane under the plot.  Colour is the claim's status; a superseded claim
is faded; a contradicts link is a red dashed line between the two claims, an
updates link a grey dotted one.  Hover shows the claim, a click selects it
everywhere; the wheel and Ctrl+= / Ctrl+- zoom, dragging and the arrow keys pan.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity
from db.models import Relation, Status
from desktop.canvas_captions import Captions, CaptionsBox
from desktop.context import AppContext
from desktop.operations.timeline import Timeline, TimelineItem, load_timeline
from desktop.palette import hint_color, hint_style, status_color, status_letter
from desktop.screen_fit import resize_within_screen
from desktop.workers import run_job

try:  # QtSvg ships with PySide6-Essentials; stay usable if a build lacks it
    from PySide6.QtSvg import QSvgGenerator
except ImportError:  # pragma: no cover - depends on the installed wheel
    QSvgGenerator = None

SVG_AVAILABLE = QSvgGenerator is not None

LEFT, TOP = 80.0, 30.0
PLOT_W, PLOT_H = 900.0, 380.0
LANE_GAP, LANE_ROW = 46.0, 14.0
MARK = 10.0  # marker diameter, in pixels at any zoom
CLAIM_ROLE = 0  # QGraphicsItem.data key holding the claim id
MIN_ZOOM, MAX_ZOOM = 0.05, 60.0
ZOOM_STEP = 1.25
PAN_STEP = 60


def _ordinal(day: dt.date) -> float:
    return float(day.toordinal())


@dataclass
class _Axis:
    low: float
    high: float
    log: bool = False

    def f(self, v: float) -> float:
        return math.log10(max(v, 1e-9)) if self.log else v

    def fraction(self, v: float) -> float:
        lo, hi = self.f(self.low), self.f(self.high)
        return 0.5 if hi == lo else (self.f(v) - lo) / (hi - lo)


def _nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


def _number(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:,.2f}"


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)  # the same thickness at any zoom
    return pen


@dataclass
class _Look:
    """A status's brushes and pens, made once per drawing rather than once per claim."""

    colour: QColor
    fill: QBrush
    outline: QPen  # a dated claim's mark
    hollow: QPen  # an undated claim's mark
    bar: QPen  # an event range
    error: QPen  # a figure's bounds
    open_error: QPen  # bounds with no upper limit

    @classmethod
    def of(cls, colour: QColor) -> _Look:
        faint = QColor(colour)
        faint.setAlpha(150)
        return cls(
            colour,
            QBrush(colour),
            QPen(colour.darker(130), 1),
            QPen(colour, 2),
            _pen(faint, 5),
            _pen(colour, 1.5),
            _pen(colour, 1.5, Qt.PenStyle.DashLine),
        )


def letter_beside(marker: QGraphicsItem, status: str, ink: QColor) -> QGraphicsSimpleTextItem:
    """The status letter (V, F, ...) just right of a marker: status never by colour alone."""
    letter = QGraphicsSimpleTextItem(status_letter(status), marker)
    font = QFont(letter.font())
    font.setPointSizeF(7)
    font.setBold(True)
    letter.setFont(font)
    letter.setBrush(ink)
    letter.setPos(MARK / 2 + 1, -letter.boundingRect().height() / 2)
    letter.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return letter


def describe(item: TimelineItem) -> str:
    """The tooltip of a claim's mark."""
    lines = [f"“{item.quote}”", f"Status: {item.status.replace('_', ' ')}"]
    if item.event_start is not None and item.event_end is not None:
        when = (
            item.event_start.isoformat()
            if item.event_start == item.event_end
            else f"{item.event_start.isoformat()} – {item.event_end.isoformat()}"
        )
        lines.append(f"Event: {when}")
    else:
        lines.append("Event: no date (placed at its publication date)")
    if item.published is not None:
        lines.append(f"Published: {item.published.date().isoformat()}")
    if item.value is not None:
        bounds = ""
        if item.low is not None and item.high is not None and item.low != item.high:
            bounds = f" ({_number(item.low)}–{_number(item.high)})"
        elif item.high is None:
            bounds = f" (at least {_number(item.low or item.value)})"
        lines.append(f"Figure: {_number(item.value)} {item.unit}".rstrip() + bounds)
    if item.superseded:
        lines.append("Superseded by a later claim")
    lines.extend(item.notes)
    return "\n".join(lines)


class _PublicationMarks(QGraphicsItem):
    """Every publication mark (a small triangle, the same size at any zoom) and the
    faint line joining it to its claim, drawn as one item: thousands of separate
    items would make the timeline slow to build."""

    def __init__(self) -> None:
        super().__init__()
        self.points: list[tuple[QPointF, float, bool]] = []
        self._bounds = QRectF()
        self.setZValue(-1)

    def add(self, mark: QPointF, claim_x: float, faded: bool) -> None:
        self.points.append((mark, claim_x, faded))
        left, right = min(mark.x(), claim_x), max(mark.x(), claim_x)
        self._bounds = self._bounds.united(QRectF(left, mark.y(), right - left, 0.01))

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-40, -40, 40, 40)

    def paint(self, painter: QPainter, _option: Any, _widget: Any = None) -> None:
        transform = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        muted = hint_color()
        join = QPen(QColor(muted), 1, Qt.PenStyle.DotLine)
        faint = QColor(muted)
        faint.setAlpha(80)
        shapes = {False: muted, True: faint}
        for mark, claim_x, faded in self.points:
            at = transform.map(mark)
            start = transform.map(QPointF(claim_x, mark.y()))
            painter.setPen(join)
            painter.drawLine(start, at)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shapes[faded])
            painter.drawPolygon(
                QPolygonF([at + QPointF(0, -4), at + QPointF(4, 3), at + QPointF(-4, 3)])
            )
        painter.restore()


class ClaimCanvas(QGraphicsView):
    """A zoomable drawing of claims; ``claimClicked`` carries the id of a clicked claim.

    Each claim's mark carries its id (``CLAIM_ROLE``) and registers in ``markers``."""

    claimClicked = Signal(str)

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(self.palette().brush(QPalette.ColorRole.Base))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.markers: dict[str, QGraphicsItem] = {}
        self.labels = Captions(self, MARK)  # the claims' captions, shown where they fit
        self._zoom = 1.0
        self._press_claim: str | None = None
        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"), self.zoom_in),
            ((QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), self.zoom_out),
            (("Ctrl+0",), self.fit),
        ):
            action = QAction(self)
            sequences: list[QKeySequence] = []
            for key in keys:  # a standard key may repeat one given by hand
                sequence = QKeySequence(key)
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # ------------------------------------------------------------ navigation

    def claim_at(self, pos: Any) -> str | None:
        for found in self.items(pos):
            claim = found.data(CLAIM_ROLE)
            if claim:
                return str(claim)
        return None

    def mousePressEvent(self, event: Any) -> None:
        claim = (
            self.claim_at(event.position().toPoint())
            if event.button() == Qt.MouseButton.LeftButton
            else None
        )
        if claim is not None:
            self.select(claim)
            event.accept()
            return
        super().mousePressEvent(event)

    def select(self, claim: str) -> None:
        """Mark *claim* as chosen and tell every view."""
        for cid, marker in self.markers.items():
            if isinstance(marker, QGraphicsEllipseItem):
                pen = marker.pen()
                hollow = marker.brush().color() == self.backgroundBrush().color()
                pen.setWidthF(3 if cid == claim else 2 if hollow else 1)
                marker.setPen(pen)
        self.claimClicked.emit(claim)
        if self.ctx is not None:
            self.ctx.claimSelected.emit(claim)

    def wheelEvent(self, event: Any) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    def keyPressEvent(self, event: Any) -> None:
        bars = {
            Qt.Key.Key_Left: (self.horizontalScrollBar(), -PAN_STEP),
            Qt.Key.Key_Right: (self.horizontalScrollBar(), PAN_STEP),
            Qt.Key.Key_Up: (self.verticalScrollBar(), -PAN_STEP),
            Qt.Key.Key_Down: (self.verticalScrollBar(), PAN_STEP),
        }
        key = Qt.Key(event.key())
        if key in bars and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            bar, step = bars[key]
            bar.setValue(bar.value() + step)
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def zoom(self) -> float:
        return self._zoom

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self._zoom * factor))
        if target != self._zoom:
            self.scale(target / self._zoom, target / self._zoom)
            self._zoom = target
        self.labels.schedule()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.labels.schedule()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.resetTransform()
        self._zoom = 1.0
        rect = self.sceneRect()
        view = self.viewport().size()
        if rect.width() > 0 and rect.height() > 0 and view.width() > 10:
            factor = min(view.width() / rect.width(), view.height() / rect.height())
            self.zoom_by(max(factor, MIN_ZOOM))

    # ------------------------------------------------------------ export

    def export_size(self) -> QSize:
        rect = self.sceneRect()
        return QSize(math.ceil(rect.width()), math.ceil(rect.height()))

    def _render(self, painter: QPainter, size: QSize) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(0, 0, size.width(), size.height())
        painter.fillRect(target, self.backgroundBrush())
        self.scene().render(painter, target, self.sceneRect())

    def export_png(self, path: str | Path) -> QSize:
        """The whole timeline at full size as a PNG; returns its size."""
        size = self.export_size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self._render(painter, size)
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"Could not write {path}.")
        return size

    def export_svg(self, path: str | Path) -> QSize:
        """The whole timeline as SVG (needs QtSvg)."""
        if QSvgGenerator is None:
            raise RuntimeError("SVG export needs the QtSvg module, missing from this PySide6.")
        size = self.export_size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle("ClaimDesk timeline")
        painter = QPainter(generator)
        self._render(painter, size)
        painter.end()
        return size


class TimelineView(ClaimCanvas):
    """The timeline drawing."""

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("timelineView")
        self.timeline: Timeline | None = None

    # ------------------------------------------------------------ drawing

    def set_timeline(self, data: Timeline) -> None:
        self.timeline = data
        scene = self.scene()
        scene.clear()
        self.markers = {}
        self.labels.clear()
        self._linked = Counter(
            claim for link in data.links for claim in (link.from_claim_id, link.to_claim_id)
        )  # the most linked claims keep their captions first
        self._looks: dict[str, _Look] = {}
        self._white = self.backgroundBrush()  # hollow markers: the page shows through
        self._publications = _PublicationMarks()
        scene.addItem(self._publications)
        items = data.items
        days = [
            _ordinal(d)
            for i in items
            for d in (i.event_start, i.event_end, i.published.date() if i.published else None)
            if d is not None
        ]
        t0, t1 = (min(days), max(days)) if days else (0.0, 1.0)
        pad = max(1.0, (t1 - t0) * 0.04)
        time = _Axis(t0 - pad, t1 + pad)
        finite = [
            v for i in items for v in (i.value, i.low, i.high) if v is not None and math.isfinite(v)
        ]
        v0, v1 = (min(finite), max(finite)) if finite else (0.0, 1.0)
        log = v0 > 0 and v1 / v0 > 50
        if not log:
            v0 = min(v0, 0.0)
            v1 = v1 + max(1.0, (v1 - v0) * 0.08)
        else:
            v0, v1 = v0 / 1.5, v1 * 1.5
        value = _Axis(v0, v1, log)

        def x(day: dt.date) -> float:
            return LEFT + time.fraction(_ordinal(day)) * PLOT_W

        def y(v: float) -> float:
            return TOP + PLOT_H - value.fraction(v) * PLOT_H

        self._draw_axes(scene, time, value, x, y, bool(finite))
        units = sorted({i.unit for i in items if i.value is not None and i.unit})
        if units:
            caption = ", ".join(units[:4]) + (" …" if len(units) > 4 else "")
            self._label(scene, caption + (" (log scale)" if log else ""), LEFT + 6, TOP - 18)
        lane_top = TOP + PLOT_H + LANE_GAP
        undated_x = LEFT + PLOT_W + 40
        lane_rows: list[float] = []  # the rightmost x used in each row of the lane
        centres: dict[uuid.UUID, QPointF] = {}
        for item in items:
            dated = item.event_start is not None and item.event_end is not None
            anchor_day: dt.date | None = None
            if dated:
                assert item.event_start is not None and item.event_end is not None
                anchor_day = item.event_start + (item.event_end - item.event_start) / 2
            elif item.published is not None:
                anchor_day = item.published.date()
            cx = x(anchor_day) if anchor_day is not None else undated_x
            if item.value is not None:
                cy = y(item.value)
            else:
                row = next((r for r, right in enumerate(lane_rows) if cx - right > MARK), None)
                if row is None:
                    lane_rows.append(cx)
                    row = len(lane_rows) - 1
                lane_rows[row] = cx
                cy = lane_top + row * LANE_ROW
            centre = QPointF(cx, cy)
            centres[item.claim_id] = centre
            self._draw_item(scene, item, centre, dated, x, y)
        if lane_rows:
            label = scene.addSimpleText("no figure")
            label.setBrush(hint_color())
            label.setPos(LEFT - 70, lane_top - 8)
        for link in data.links:
            a, b = centres.get(link.from_claim_id), centres.get(link.to_claim_id)
            if a is None or b is None:
                continue
            if link.relation is Relation.CONTRADICTS:
                pen = _pen(status_color(Status.FALSE), 1.6, Qt.PenStyle.DashLine)
            else:
                pen = _pen(hint_color(), 1.2, Qt.PenStyle.DotLine)
            line = scene.addLine(a.x(), a.y(), b.x(), b.y(), pen)
            line.setZValue(1)
            line.setToolTip(f"{link.relation.value}")
        bottom = lane_top + len(lane_rows) * LANE_ROW + 20
        right = undated_x + 30 if any(c.x() == undated_x for c in centres.values()) else LEFT
        scene.setSceneRect(QRectF(0, 0, max(right, LEFT + PLOT_W) + 40, bottom))
        self.fit()
        self.labels.finish()

    def _draw_axes(self, scene: QGraphicsScene, time: _Axis, value: _Axis, x: Any, y: Any,
                   has_values: bool) -> None:  # fmt: skip
        axis_pen = _pen(self.palette().color(QPalette.ColorRole.Text), 1.0)
        grid_pen = _pen(self.palette().color(QPalette.ColorRole.Midlight), 1.0)
        scene.addLine(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, axis_pen)
        start = dt.date.fromordinal(math.ceil(time.low))
        end = dt.date.fromordinal(math.floor(time.high))
        span = (end - start).days
        for day in _date_ticks(start, end, span):
            px = x(day)
            scene.addLine(px, TOP, px, TOP + PLOT_H, grid_pen).setZValue(-2)
            scene.addLine(px, TOP + PLOT_H, px, TOP + PLOT_H + 4, axis_pen)
            text = day.strftime("%Y") if span > 1500 else day.strftime("%d %b %Y")
            self._label(scene, text, px, TOP + PLOT_H + 6, centre=True)
        if not has_values:
            return
        scene.addLine(LEFT, TOP, LEFT, TOP + PLOT_H, axis_pen)
        for v in _value_ticks(value):
            py = y(v)
            scene.addLine(LEFT, py, LEFT + PLOT_W, py, grid_pen).setZValue(-2)
            self._label(scene, _number(v), LEFT - 6, py - 7, right=True)

    def _label(self, scene: QGraphicsScene, text: str, px: float, py: float, *,
               centre: bool = False, right: bool = False) -> QGraphicsSimpleTextItem:  # fmt: skip
        label = scene.addSimpleText(text)
        font = QFont(label.font())
        font.setPointSizeF(8)
        label.setFont(font)
        label.setBrush(self.palette().color(QPalette.ColorRole.Text))
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        width = label.boundingRect().width()
        label.setPos(px - (width / 2 if centre else width if right else 0), py)
        return label

    def _draw_item(self, scene: QGraphicsScene, item: TimelineItem, centre: QPointF,
                   dated: bool, x: Any, y: Any) -> None:  # fmt: skip
        look = self._looks.get(item.status)
        if look is None:
            look = self._looks[item.status] = _Look.of(status_color(item.status))
        opacity = 0.3 if item.superseded else 1.0
        parts: list[QGraphicsItem] = []
        if dated and item.event_start != item.event_end:
            assert item.event_start is not None and item.event_end is not None
            parts.append(
                scene.addLine(
                    x(item.event_start), centre.y(), x(item.event_end), centre.y(), look.bar
                )
            )
        if item.value is not None and (item.low != item.value or item.high != item.value):
            top = y(item.high) if item.high is not None else TOP
            low = y(item.low) if item.low is not None else TOP + PLOT_H
            pen = look.error if item.high is not None else look.open_error
            parts.append(scene.addLine(centre.x(), low, centre.x(), top, pen))
        if item.published is not None and dated:
            px = x(item.published.date())
            self._publications.add(QPointF(px, centre.y()), centre.x(), item.superseded)
        marker = QGraphicsEllipseItem(-MARK / 2, -MARK / 2, MARK, MARK)
        marker.setPos(centre)
        marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        if dated:
            marker.setBrush(look.fill)
            marker.setPen(look.outline)
        else:  # no event date: hollow, at its publication date
            marker.setBrush(self._white)
            marker.setPen(look.hollow)
        marker.setZValue(3)
        ink = self.palette().color(QPalette.ColorRole.Text)
        letter = letter_beside(marker, item.status, ink)
        # Figures first, then the most linked: they keep their captions when two collide.
        rank = -self._linked[item.claim_id] - (1000 if item.value is not None else 0)
        self.labels.add(marker, letter, item.quote, ink, rank)
        marker.setToolTip(describe(item))
        marker.setData(CLAIM_ROLE, str(item.claim_id))
        marker.setCursor(Qt.CursorShape.PointingHandCursor)
        scene.addItem(marker)
        for part in [*parts, marker]:
            part.setOpacity(opacity)
        self.markers[str(item.claim_id)] = marker


def _date_ticks(start: dt.date, end: dt.date, span: int) -> list[dt.date]:
    if span <= 0:
        return [start]
    if span <= 45:
        step = max(1, span // 6)
        return [start + dt.timedelta(days=d) for d in range(0, span + 1, step)]
    if span > 1500:
        return [dt.date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
    months = span // 30
    every = 1 if months <= 8 else 2 if months <= 16 else 3 if months <= 30 else 6
    out = []
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = dt.date(year, month, 1)
        if day > end:
            return out
        if (month - 1) % every == 0:
            out.append(day)


def _value_ticks(axis: _Axis) -> list[float]:
    if axis.log:
        lo, hi = math.floor(math.log10(axis.low)), math.ceil(math.log10(axis.high))
        return [10.0**e for e in range(lo, hi + 1) if axis.low <= 10.0**e <= axis.high]
    step = _nice_step(axis.high - axis.low)
    first = math.ceil(axis.low / step) * step
    out = []
    v = first
    while v <= axis.high + 1e-9:
        out.append(v)
        v += step
    return out


class TimelineWindow(QWidget):
    """A window with the timeline of one fact (or of the workspace) and its tools."""

    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        fact_id: uuid.UUID | str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.fact_id = fact_id
        self.setObjectName("timelineWindow")
        self.setWindowTitle("Timeline")
        resize_within_screen(self, 1100, 620)
        self.view = TimelineView(ctx, self)
        self.summary = QLabel("Reading the claims…")
        self.summary.setWordWrap(True)
        tools = QHBoxLayout()
        for text, slot, name in (
            ("Zoom &In", self.view.zoom_in, "timelineZoomIn"),
            ("Zoom &Out", self.view.zoom_out, "timelineZoomOut"),
            ("&Fit", self.view.fit, "timelineFit"),
            ("Export &PNG…", self.ask_export_png, "timelineExportPng"),
            ("Export &SVG…", self.ask_export_svg, "timelineExportSvg"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            tools.addWidget(button)
            if name == "timelineExportSvg" and not SVG_AVAILABLE:
                button.setEnabled(False)
                button.setToolTip("This PySide6 has no QtSvg module.")
        tools.addSpacing(12)
        self.captions_box = CaptionsBox("timelineCaptions", self._captions_toggled)
        tools.addWidget(self.captions_box)
        tools.addStretch(1)
        self.data: Timeline | None = None
        legend = QLabel(
            "Filled: event date · hollow: no event date, at its publication date · "
            "▲ publication · faded: superseded · red dashes: contradicts · grey dots: updates"
        )
        legend.setStyleSheet(hint_style())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self.generation = 0
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(self.refresh)
        ctx.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in (Entity.CLAIM, Entity.LINK, Entity.FACT)):
            self.timer.start()

    def refresh(self) -> None:
        self.generation += 1
        generation = self.generation
        ctx, fact = self.ctx, self.fact_id
        run_job(
            "Timeline",
            lambda _p: load_timeline(ctx, fact),
            show_progress=False,
            on_done=lambda data: self._show(generation, data),
            on_error=lambda exc: self.summary.setText(f"Could not read the timeline: {exc}"),
        )

    def _show(self, generation: int, data: object) -> None:
        if generation != self.generation:
            return
        assert isinstance(data, Timeline)
        name = data.fact_name or "All claims"
        self.setWindowTitle(f"Timeline — {name}")
        n = len(data.items)
        figures = sum(1 for i in data.items if i.value is not None)
        dated = sum(1 for i in data.items if i.event_start is not None)
        self.summary.setText(
            f"{name}: {n} claim{'s' if n != 1 else ''}, {figures} with a figure, "
            f"{dated} with an event date, {len(data.links)} contradicts/updates link(s)."
            if n
            else f"{name}: no claims to show yet."
        )
        self.data = data
        self.view.labels.on = self.captions_box.decide(n)
        self.view.set_timeline(data)
        self.loaded.emit()

    def _captions_toggled(self, on: bool) -> None:
        self.view.labels.on = on
        if self.data is not None:
            self.view.set_timeline(self.data)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.view.fit)

    def _ask_path(self, kind: str) -> str | None:
        return self.ctx.dialogs.save_file(
            f"Export the timeline as {kind.upper()}",
            f"{kind.upper()} (*.{kind})",
            f"timeline.{kind}",
        )

    def ask_export_png(self) -> None:
        path = self._ask_path("png")
        if path:
            try:
                self.view.export_png(path)
            except OSError as exc:
                self.ctx.report_error(exc, "Export")

    def ask_export_svg(self) -> None:
        path = self._ask_path("svg")
        if path:
            try:
                self.view.export_svg(path)
            except (OSError, RuntimeError) as exc:
                self.ctx.report_error(exc, "Export")
