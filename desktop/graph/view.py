"""The link graph drawn on a QGraphicsScene, laid out off the GUI thread.

Claims are dots in their status colour; each relation has its colour and line
style, and updates and cites links end in an arrow (newer → older, citing →
cited).  Hover shows the claim, a click selects it everywhere; zoom, pan and
export work as in the timeline.
"""

from __future__ import annotations

import math
import uuid
from collections import Counter
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity
from db.models import Relation, Status
from desktop.canvas_captions import CaptionsBox
from desktop.context import AppContext
from desktop.operations.graph import Graph, GraphNode, load_graph
from desktop.palette import status_color
from desktop.screen_fit import resize_within_screen
from desktop.timeline.view import CLAIM_ROLE, MARK, SVG_AVAILABLE, ClaimCanvas, letter_beside
from desktop.workers import run_job

# One colour and line style per relation.
EDGE_STYLES: dict[Relation, tuple[str, Qt.PenStyle]] = {
    Relation.CONTRADICTS: ("#dc2626", Qt.PenStyle.DashLine),
    Relation.UPDATES: ("#2563eb", Qt.PenStyle.SolidLine),
    Relation.SUPPORTS: ("#16a34a", Qt.PenStyle.SolidLine),
    Relation.SAME: ("#6b7280", Qt.PenStyle.DotLine),
    Relation.CITES: ("#7c3aed", Qt.PenStyle.DashDotLine),
}
ARROWS = (Relation.UPDATES, Relation.CITES)


def describe(node: GraphNode) -> str:
    lines = [f"“{node.quote}”", f"Status: {node.status.replace('_', ' ')}"]
    if node.article_title:
        lines.append(f"Article: {node.article_title}")
    if node.fact:
        lines.append(f"Fact: {node.fact}")
    return "\n".join(lines)


class GraphView(ClaimCanvas):
    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("graphView")
        self.graph: Graph | None = None

    def set_graph(self, data: Graph) -> None:
        self.graph = data
        scene = self.scene()
        scene.clear()
        self.markers = {}
        self.labels.clear()
        where = {n.claim_id: QPointF(n.x, n.y) for n in data.nodes}
        # One path per relation: thousands of edges stay one item each.
        paths = {relation: QPainterPath() for relation in EDGE_STYLES}
        linked: Counter[uuid.UUID] = Counter()  # links per claim: who keeps a caption
        for edge in data.edges:
            linked.update((edge.from_claim_id, edge.to_claim_id))
            a, b = where.get(edge.from_claim_id), where.get(edge.to_claim_id)
            if a is None or b is None or a == b:
                continue
            path = paths[edge.relation]
            path.moveTo(a)
            path.lineTo(b)
            if edge.relation in ARROWS:
                angle = math.atan2(b.y() - a.y(), b.x() - a.x())
                tip = QPointF(b.x() - math.cos(angle) * 7, b.y() - math.sin(angle) * 7)
                for turn in (2.6, -2.6):
                    path.moveTo(tip)
                    path.lineTo(
                        tip.x() + math.cos(angle + turn) * 8, tip.y() + math.sin(angle + turn) * 8
                    )
        for relation, path in paths.items():
            if path.isEmpty():
                continue
            colour, style = EDGE_STYLES[relation]
            pen = QPen(QColor(colour), 1.3, style)
            pen.setCosmetic(True)
            item = scene.addPath(path, pen)
            item.setZValue(0)
            item.setToolTip(relation.value)
            item.setData(1, relation.value)
        looks: dict[str, tuple[QBrush, QPen]] = {}  # one brush and pen per status
        ink = self.palette().color(QPalette.ColorRole.Text)
        for node in data.nodes:
            look = looks.get(node.status)
            if look is None:
                colour = status_color(node.status)
                look = looks[node.status] = (QBrush(colour), QPen(colour.darker(130), 1))
            marker = QGraphicsEllipseItem(-MARK / 2, -MARK / 2, MARK, MARK)
            marker.setPos(where[node.claim_id])
            marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            marker.setBrush(look[0])
            marker.setPen(look[1])
            marker.setZValue(2)
            letter = letter_beside(marker, node.status, ink)
            self.labels.add(marker, letter, node.quote, ink, -linked[node.claim_id])
            marker.setToolTip(describe(node))
            marker.setData(CLAIM_ROLE, str(node.claim_id))
            marker.setCursor(Qt.CursorShape.PointingHandCursor)
            scene.addItem(marker)
            self.markers[str(node.claim_id)] = marker
        rect = scene.itemsBoundingRect() if data.nodes else QRectF(0, 0, 400, 300)
        scene.setSceneRect(rect.adjusted(-40, -40, 40, 40))
        self.fit()
        self.labels.finish()


class GraphWindow(QWidget):
    """A window with the link graph of one fact (or of the workspace)."""

    loaded = Signal(int)  # the number of claims drawn

    def __init__(
        self, ctx: AppContext, fact_id: uuid.UUID | str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.fact_id = fact_id
        self.setObjectName("graphWindow")
        self.setWindowTitle("Link graph")
        resize_within_screen(self, 1000, 700)
        self.view = GraphView(ctx, self)
        self.summary = QLabel("Laying out the claims…")
        tools = QHBoxLayout()
        for text, slot, name in (
            ("Zoom &In", self.view.zoom_in, "graphZoomIn"),
            ("Zoom &Out", self.view.zoom_out, "graphZoomOut"),
            ("&Fit", self.view.fit, "graphFit"),
            ("Export &PNG…", lambda: self._export("png"), "graphExportPng"),
            ("Export &SVG…", lambda: self._export("svg"), "graphExportSvg"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            tools.addWidget(button)
            if name == "graphExportSvg" and not SVG_AVAILABLE:
                button.setEnabled(False)
        tools.addSpacing(12)
        self.relation_boxes: dict[Relation, QCheckBox] = {}
        for relation, (colour, _style) in EDGE_STYLES.items():
            box = QCheckBox(relation.value)
            box.setObjectName(f"graphShow_{relation.value}")
            box.setChecked(True)
            box.setStyleSheet(f"color: {colour}")
            box.toggled.connect(self._filter)
            tools.addWidget(box)
            self.relation_boxes[relation] = box
        self.status_box = QComboBox()
        self.status_box.setObjectName("graphStatus")
        self.status_box.addItem("Any status", None)
        for status in Status:
            self.status_box.addItem(status.value.replace("_", " "), status.value)
        self.status_box.currentIndexChanged.connect(self._filter)
        tools.addWidget(self.status_box)
        self.captions_box = CaptionsBox("graphCaptions", self._captions_toggled)
        tools.addWidget(self.captions_box)
        tools.addStretch(1)
        self.data: Graph | None = None
        legend = QLabel(
            " · ".join(
                f"<span style='color:{colour}'>{relation.value}</span>"
                + (" →" if relation in ARROWS else "")
                for relation, (colour, _style) in EDGE_STYLES.items()
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self.generation = 0
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
            "Link graph",
            lambda _p: load_graph(ctx, fact),
            show_progress=False,
            on_done=lambda data: self._show(generation, data),
            on_error=lambda exc: self.summary.setText(f"Could not read the links: {exc}"),
        )

    def _show(self, generation: int, data: object) -> None:
        if generation != self.generation:
            return
        assert isinstance(data, Graph)
        self.data = data
        self.view.labels.on = self.captions_box.decide(len(data.nodes))
        self._filter()
        self.loaded.emit(len(self.view.markers))

    def _filter(self) -> None:
        """Show the chosen relations and statuses (the layout stays put)."""
        if self.data is None:
            return
        wanted = {r for r, box in self.relation_boxes.items() if box.isChecked()}
        status = self.status_box.currentData()
        nodes = [n for n in self.data.nodes if status is None or n.status == status]
        shown = {n.claim_id for n in nodes}
        edges = [
            e
            for e in self.data.edges
            if e.relation in wanted and e.from_claim_id in shown and e.to_claim_id in shown
        ]
        self.summary.setText(
            f"{len(nodes)} of {len(self.data.nodes)} claim(s), "
            f"{len(edges)} of {len(self.data.edges)} link(s)."
        )
        self.view.set_graph(Graph(nodes, edges))

    def _captions_toggled(self, on: bool) -> None:
        self.view.labels.on = on
        self._filter()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.view.fit)

    def _export(self, kind: str) -> None:
        path = self.ctx.dialogs.save_file(
            f"Export the link graph as {kind.upper()}",
            f"{kind.upper()} (*.{kind})",
            f"graph.{kind}",
        )
        if not path:
            return
        try:
            self.view.export_png(path) if kind == "png" else self.view.export_svg(path)
        except (OSError, RuntimeError) as exc:
            self.ctx.report_error(exc, "Export")
