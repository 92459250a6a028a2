"""Captions beside the claims drawn on a canvas (the timeline, the link graph).

Each claim's mark may carry the first words of its quote, so that an analyst tells the
marks apart without hovering each.  A caption that would cover another caption or a
mark on screen is hidden until a zoom makes room; the claims ranked first (the most
linked) keep theirs.  Many captions at once would hide one another: a window starts
with them off above ``CAPTIONS_UP_TO`` claims, until the analyst ticks the box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

CAPTIONS_UP_TO = 300  # claims: more than this and the captions start at off
CAPTION_WORDS = 6
CAPTION_CHARS = 40
CELL = 64.0  # the side of a square of the screen grid used to find overlaps


def caption(quote: str) -> str:
    """The first words of a claim's quote, to tell its mark from the others at a glance."""
    words = quote.split()
    short = " ".join(words[:CAPTION_WORDS])
    if len(short) > CAPTION_CHARS:
        short = short[: CAPTION_CHARS - 1].rstrip()
    return short + ("…" if short != " ".join(words) else "")


class Captions:
    """The captions of one canvas: added while drawing, then shown where they fit."""

    def __init__(self, view: QGraphicsView, mark: float) -> None:
        self.view = view
        self.mark = mark  # the width of a claim's mark, in pixels
        self.on = True
        # (rank, marker, caption): sorted by rank when the drawing is finished.
        self._ranked: list[tuple[tuple[float, int], QGraphicsItem, QGraphicsSimpleTextItem]] = []
        self.items: list[tuple[QGraphicsItem, QGraphicsSimpleTextItem]] = []
        self.timer = QTimer(view)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.declutter)

    def clear(self) -> None:
        """Forget the captions (their items go with the scene's)."""
        self._ranked = []
        self.items = []

    def add(
        self, marker: QGraphicsItem, letter: QGraphicsItem, quote: str, ink: QColor, rank: float
    ) -> None:
        """A caption right of *letter* (the status letter beside *marker*); lower *rank*
        keeps its caption first."""
        if not self.on:
            return
        words = QGraphicsSimpleTextItem(caption(quote), letter)
        words.setBrush(ink)
        words.setPos(letter.boundingRect().width() + 3, 0)
        words.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._ranked.append(((rank, len(self._ranked)), marker, words))

    def finish(self) -> None:
        """The drawing is done: rank the captions and show those that fit."""
        self._ranked.sort(key=lambda entry: entry[0])
        self.items = [(marker, words) for _rank, marker, words in self._ranked]
        self._ranked = []
        self.declutter()

    def schedule(self) -> None:
        """Show the captions that fit once the view has settled (after a zoom or resize)."""
        self.timer.start()

    def declutter(self) -> None:
        """Show the captions that fit: none may cover another caption or a mark, or run
        off the drawing."""
        taken: dict[tuple[int, int], list[QRectF]] = {}

        def cells(rect: QRectF) -> list[tuple[int, int]]:
            xs = range(int(rect.left() // CELL), int(rect.right() // CELL) + 1)
            ys = range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1)
            return [(x, y) for x in xs for y in ys]

        def free(rect: QRectF) -> bool:
            return not any(rect.intersects(r) for c in cells(rect) for r in taken.get(c, ()))

        def take(rect: QRectF) -> None:
            for c in cells(rect):
                taken.setdefault(c, []).append(rect)

        half = self.mark / 2
        placed: list[tuple[QGraphicsSimpleTextItem, QRectF]] = []
        for marker, words in self.items:
            at = QPointF(self.view.mapFromScene(marker.scenePos()))
            box = words.boundingRect()
            left = at.x() + half + 1 + words.pos().x()
            take(QRectF(at.x() - half, at.y() - half, left - 2 - at.x(), self.mark))
            placed.append(
                (words, QRectF(left, at.y() - box.height() / 2, box.width(), box.height()))
            )
        # A caption running off the drawing would be cut at its edge (and off the
        # exported picture): it shows only once a zoom brings it within.
        edge = QRectF(self.view.mapFromScene(self.view.sceneRect()).boundingRect())
        for words, rect in placed:
            fits = edge.contains(rect) and free(rect)
            words.setVisible(fits)
            if fits:
                take(rect)


class CaptionsBox(QCheckBox):
    """The Captions box of a view's window: on for a drawing of up to ``CAPTIONS_UP_TO``
    claims, off above, until the analyst chooses (then the choice holds)."""

    def __init__(self, name: str, toggled: Callable[[bool], None], parent: QWidget | None = None):
        super().__init__("&Captions", parent)
        self.setObjectName(name)
        self.setToolTip("The first words of each claim beside its mark")
        self.setChecked(True)
        self.chosen = False
        self._toggled = toggled
        self.toggled.connect(self._choose)

    def _choose(self, on: bool) -> None:
        self.chosen = True
        self._toggled(on)

    def decide(self, claims: int) -> bool:
        """Whether a drawing of *claims* claims gets captions (the box shows it)."""
        if not self.chosen:
            self.blockSignals(True)
            self.setChecked(claims <= CAPTIONS_UP_TO)
            self.blockSignals(False)
        return self.isChecked()
