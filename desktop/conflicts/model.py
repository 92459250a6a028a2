"""A table model over proposed links (computed off the GUI thread, replaced whole)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:  # proposals arrive from the worker that loaded these
    from db.facts.profile import Profile
    from db.facts.proposals import LinkProposal

COL_RELATION, COL_NEWER, COL_OLDER, COL_WHY = range(4)
HEADERS = ("Proposed link", "Claim", "Linked to", "Why")
LABELS = {
    "contradicts": "contradicts",
    "updates": "updates (newer → older)",
    "same": "repeats",
    "supports": "supports",
}
Index = QModelIndex | QPersistentModelIndex


def _side(proposal: LinkProposal, p: Profile) -> str:
    if proposal.kind == "date":
        return f"{p.quote} · {proposal.value_of(p)}"
    when = f" · {p.when}" if p.when else ""
    return f"{p.quote}{when}"


def label(proposal: LinkProposal) -> str:
    text = LABELS.get(proposal.relation.value, proposal.relation.value)
    return f"{text} (dates)" if proposal.kind == "date" else text


class ConflictsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[LinkProposal] = []

    def set_rows(self, rows: list[LinkProposal]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def remove(self, proposal: LinkProposal) -> None:
        for n, row in enumerate(self.rows):
            if row is proposal:
                self.beginRemoveRows(QModelIndex(), n, n)
                del self.rows[n]
                self.endRemoveRows()
                return

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_RELATION:
                return label(p)
            if col == COL_NEWER:
                return _side(p, p.from_claim)
            if col == COL_OLDER:
                return _side(p, p.to_claim)
            return p.why
        return None
