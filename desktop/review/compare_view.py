"""Side-by-side columns for the claims that tell one disputed fact."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity
from desktop.context import AppContext
from desktop.operations.compare import CompareItem, linked_set
from desktop.palette import status_color, superseded_color
from desktop.review.common import (
    as_uuid,
    attempt,
    bare_claims,
    claims_named,
    follow_changes,
    hidden_in_window,
    when_shown,
)

COLUMN_WIDTH = 280


def _dates(item: CompareItem) -> str:
    if item.event_start and item.event_end and item.event_end != item.event_start:
        return f"{item.event_start.isoformat()} – {item.event_end.isoformat()}"
    if item.event_start:
        return item.event_start.isoformat()
    return "—"


def sentence_html(item: CompareItem) -> str:
    """The sentence with the quote in bold, escaped for rich text."""
    s, q = item.sentence, item.quote_start
    before, quote, after = s[:q], s[q : q + len(item.quote)], s[q + len(item.quote) :]
    return f"{html.escape(before)}<b>{html.escape(quote)}</b>{html.escape(after)}"


def open_target(item: CompareItem, limit: int = 60) -> str:
    """Which claim a card's Open button opens, in words: its quote and article."""
    quote = " ".join(item.quote.split())
    quote = quote if len(quote) <= limit else quote[: limit - 1] + "…"
    return f"the claim “{quote}” in {item.article_title or 'an untitled article'}"


def relation_words(item: CompareItem) -> str:
    """How a card's claim stands to the compared one, with the link's own word
    ("contradicts the compared claim")."""
    if item.hops == 0:
        return "the compared claim"
    if item.hops == 1:
        return f"{item.relation} the compared claim"
    return f"{item.relation} a linked claim"


def set_title(items: list[CompareItem]) -> str:
    """The compare tab's heading: how many claims, and how many contradict."""
    against = sum(1 for item in items if item.relation == "contradicts")
    title = f"{len(items)} claims about the same fact"
    if against:
        title += f"; {against} contradict{'s' if against == 1 else ''}"
    return title


class CompareColumn(QFrame):
    """One claim of the set: where it was published, who says it, what exactly."""

    def __init__(self, ctx: AppContext, item: CompareItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("compareColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Cards share the dock's width (a wide dock gives long lines, not empty room);
        # below COLUMN_WIDTH each the strip scrolls instead.
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        color = status_color(item.status).name()
        self.setStyleSheet(f"QFrame#compareColumn {{ border-top: 4px solid {color}; }}")
        published = item.published_text  # as the article gave it (KST, ...), UTC if it didn't
        relation = relation_words(item)
        lines = [
            f"<b>{html.escape(item.article_title)}</b>",
            html.escape(" · ".join(x for x in (item.outlet, published) if x)),
            f"<b><i>{html.escape(relation)}</i></b> · {html.escape(item.status_text)}",
            f"Source: {html.escape(item.source_name or '—')} "
            f"({html.escape(item.grading or 'ungraded')})",
            *(
                [f"Relayed by: {html.escape(' → '.join(item.relayed_by))}"]
                if item.relayed_by
                else []
            ),
            f"Event: {html.escape(_dates(item))}",
        ]
        self.header = QLabel("<br>".join(lines), self)
        self.header.setWordWrap(True)
        self.sentence = QLabel(sentence_html(item), self)
        self.sentence.setObjectName("compareSentence")
        self.sentence.setWordWrap(True)
        if item.superseded:  # a newer claim replaces it: faded, and said so
            self.sentence.setStyleSheet(f"color: {superseded_color().name()};")
            self.sentence.setToolTip("Superseded: a newer claim updates this one.")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Open", self)
        # Several cards each have an Open button: each says which claim it opens.
        self.open_button.setAccessibleName(f"Open {open_target(item)}")
        self.open_button.setToolTip(f"Open {open_target(item)}")
        self.open_button.clicked.connect(lambda: ctx.openClaimRequested.emit(str(item.claim_id)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.sentence, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        # Never squeezed below its wrapped text: a short dock scrolls the strip instead.
        self.setMinimumHeight(self.heightForWidth(COLUMN_WIDTH))


class CompareView(QWidget):
    """The selected claim beside the claims it contradicts, updates or repeats
    (objectName ``compareView``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("compareView")
        self.stale = False  # hidden behind another tab when something changed
        self._bare: set[str] = set()  # claims the last change record created bare
        self.claim_id: uuid.UUID | None = None
        self.items: list[CompareItem] = []
        self.columns: list[CompareColumn] = []
        self.title = QLabel("Select a claim linked by contradicts, updates or same fact.", self)
        self.title.setWordWrap(True)
        self.area = QScrollArea(self)
        self.area.setAccessibleName("Compared claims")
        self.area.setWidgetResizable(True)
        self.strip = QWidget(self.area)
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.addStretch(0)  # holds the cards left; they take the width
        self.area.setWidget(self.strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.area, 1)
        ctx.claimSelected.connect(self.show_claim)
        ctx.openClaimRequested.connect(self.show_claim)
        ctx.workspaceChanged.connect(lambda: self.show_claim(""))
        follow_changes(ctx, self._on_changes, self)

    def _on_changes(self, changes: Changes) -> None:
        """Redraw only when the record names a claim shown, or a link of one."""
        self._bare = bare_claims(changes)
        if self.claim_id is None or self.stale:
            return
        if hidden_in_window(self):
            self.stale = True  # read when shown
            return
        shown = {str(i.claim_id) for i in self.items} | {str(self.claim_id)}
        unknown_link = any(c.parent is None for c in changes.of(Entity.LINK))
        if changes.everything or unknown_link or shown & claims_named(changes):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            when_shown(self, self._catch_up)

    def _catch_up(self) -> None:
        if self.stale:
            self.refresh()

    def show_claim(self, claim_id: str | uuid.UUID | None) -> None:
        self.claim_id = as_uuid(claim_id)
        self.refresh()

    def refresh(self) -> None:
        if hidden_in_window(self):
            self.stale = True  # read when shown
            return
        self.stale = False
        for column in self.columns:
            self.strip_layout.removeWidget(column)
            column.deleteLater()
        self.columns = []
        self.items = []
        # A claim just created is linked to nothing: there is nothing to read or compare.
        bare = self.claim_id is not None and str(self.claim_id) in self._bare
        if self.claim_id is not None and not bare:
            claim_id = self.claim_id
            self.items = (
                attempt(self.ctx, lambda: linked_set(self.ctx, claim_id), quiet_not_found=True)
                or []
            )
        for item in self.items:
            column = CompareColumn(self.ctx, item, self.strip)
            self.strip_layout.insertWidget(self.strip_layout.count() - 1, column, 1)
            self.columns.append(column)
        if len(self.items) > 1:
            self.title.setText(set_title(self.items))
        elif self.items or bare:
            self.title.setText("No contradicting, updating or same-fact claims are linked yet.")
        else:
            self.title.setText("Select a claim linked by contradicts, updates or same fact.")
