"""The inspector's fact section: the question the claim answers, and how well it is backed.

Shows the claim's fact (its name and how many claims answer it) and its
independent corroboration (the original sources behind it, listed on hover),
with buttons to put the claim in an existing fact, make a new fact of it, or
take it out.  Each is one undoable command.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.claims import ClaimInfo
from db.errors import ClaimDeskError
from desktop.context import AppContext
from desktop.facts.ask import ask_fact_name, pick_fact
from desktop.operations import facts as fact_ops
from desktop.palette import muted_css


def _claims(n: int) -> str:
    return f"{n} claim{'s' if n != 1 else ''}"


class FactSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factSection")
        self.ctx = ctx
        self.info: ClaimInfo | None = None
        self.fact_name = ""
        # Replaced by tests that answer without a dialog; the defaults open real ones.
        self.pick: Callable[[], uuid.UUID | None] = lambda: pick_fact(
            self.ctx, self, exclude={self.info.fact_id} if self.info and self.info.fact_id else None
        )
        self.ask_name: Callable[[str], str | None] = lambda suggestion: ask_fact_name(
            self, suggestion, prompt="The question this claim answers:"
        )
        self.fact_label = QLabel(self)
        self.fact_label.setObjectName("factLabel")
        self.fact_label.setWordWrap(True)
        self.fact_label.setTextFormat(Qt.TextFormat.RichText)
        self.corroboration_label = QLabel(self)
        self.corroboration_label.setObjectName("corroborationLabel")
        self.corroboration_label.setWordWrap(True)
        self.assign_button = QPushButton("&Put in Fact…", self)
        self.assign_button.setObjectName("assignFactButton")
        self.assign_button.setToolTip(
            "Assign this claim to an existing fact, found by name (Ctrl+Z undoes it)"
        )
        self.assign_button.clicked.connect(self.assign)
        self.new_button = QPushButton("Ne&w Fact…", self)
        self.new_button.setObjectName("newFactButton")
        self.new_button.setToolTip("Make a new fact (a question) answered by this claim")
        self.new_button.clicked.connect(self.new_fact)
        self.remove_button = QPushButton("Remove from Fact", self)
        self.remove_button.setObjectName("removeFactButton")
        self.remove_button.setToolTip("Take this claim out of its fact (Ctrl+Z undoes it)")
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.assign_button)
        row.addWidget(self.new_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.fact_label)
        layout.addWidget(self.corroboration_label)
        layout.addLayout(row)

    # ------------------------------------------------------------ showing

    def set_claim(self, info: ClaimInfo | None, *, bare: bool = False) -> None:
        """Show *info*'s fact and corroboration; *bare*: just made, nothing links to it
        yet, so nothing needs reading."""
        self.info = info
        if info is None:
            self.fact_name = ""
            self.fact_label.clear()
            self.corroboration_label.clear()
            return
        self._show_fact(info)
        if bare:
            own = info.source_name or "the article's outlet itself"
            self._show_corroboration(1, (own,))
        else:
            self.reload_corroboration()
        self.remove_button.setEnabled(info.fact_id is not None)

    def _show_fact(self, info: ClaimInfo) -> None:
        if info.fact_id is None:
            self.fact_name = ""
            self.fact_label.setText(f"<span style='{muted_css()}'>Not in a fact</span>")
            return
        try:
            fact = fact_ops.get_fact(self.ctx, info.fact_id)
        except ClaimDeskError:
            self.fact_name = ""
            self.fact_label.setText(f"<span style='{muted_css()}'>Not in a fact</span>")
            return
        self.fact_name = fact.name
        others = fact.claim_count - 1
        tail = f" · with {_claims(others)} more" if others > 0 else " · the only claim so far"
        self.fact_label.setText(
            f"<b>{html.escape(fact.name)}</b><span style='{muted_css()}'>{tail}</span>"
        )
        self.fact_label.setToolTip(fact.notes or fact.name)

    def reload_corroboration(self) -> None:
        if self.info is None:
            return
        try:
            standing = fact_ops.standing_of(self.ctx, self.info.id)
        except ClaimDeskError:
            self.corroboration_label.clear()
            return
        self._show_corroboration(standing.corroboration, standing.sources)

    def _show_corroboration(self, count: int, sources: tuple[str, ...]) -> None:
        word = "source" if count == 1 else "sources"
        self.corroboration_label.setText(f"Corroboration: {count} independent {word}")
        self.corroboration_label.setToolTip(
            "Independent original sources behind this claim (same and supports links "
            "followed; relays of one source count once):\n" + "\n".join(f"• {s}" for s in sources)
        )

    def reload(self) -> None:
        if self.info is not None:
            self.set_claim(self.info)

    # ------------------------------------------------------------ edits

    def assign(self) -> bool:
        """Ask for a fact and put the claim in it; False when cancelled or refused."""
        if self.info is None:
            return False
        claim_id = self.info.id
        fact_id = self.pick()
        if fact_id is None:
            return False
        return fact_ops.assign(self.ctx, fact_id, [claim_id])

    def new_fact(self) -> bool:
        if self.info is None:
            return False
        claim_id = self.info.id
        name = self.ask_name("How many …?")
        if not name:
            return False
        return fact_ops.new_fact(self.ctx, name, [claim_id])

    def remove(self) -> bool:
        if self.info is None or self.info.fact_id is None:
            return False
        return fact_ops.assign(self.ctx, None, [self.info.id])
