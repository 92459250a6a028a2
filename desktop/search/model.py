"""The search results as a tree model: article ▸ claim ▸ hit (hits in an article's own text
and title sit directly under the article)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.search import Hit, SearchResult
from desktop.marks import one_line

Index = QModelIndex | QPersistentModelIndex

HitRole = Qt.ItemDataRole.UserRole + 1  # the Hit (first hit of a group)
ArticleIdRole = Qt.ItemDataRole.UserRole + 2  # article id as a string
ClaimIdRole = Qt.ItemDataRole.UserRole + 3  # claim id as a string, "" outside claims
# [(start, end)] of the terms within DisplayRole, in code points (the delegate
# slices the Python string; no Qt text position is involved).
MarksRole = Qt.ItemDataRole.UserRole + 4
NodeKindRole = Qt.ItemDataRole.UserRole + 5  # "article", "claim" or "hit"

FIELD_LABELS = {
    "title": "Title",
    "text": "Text",
    "quote": "Quote",
    "statement": "Statement",
    "notes": "Notes",
    "comment": "Comment",
    "source": "Source",
    "alias": "Source alias",
    "tag": "Tag",
}


@dataclass(eq=False)
class _Node:
    kind: str
    hit: Hit
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    row: int = 0

    def add(self, child: _Node) -> _Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def count(self) -> int:
        return 1 if self.kind == "hit" else sum(c.count() for c in self.children)


class SearchResultsModel(QAbstractItemModel):
    """Hits grouped by article and claim, in the order the search returned them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []
        self.result: SearchResult | None = None

    # ------------------------------------------------------------ content

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self._roots = []
        articles: dict[uuid.UUID, _Node] = {}
        claims: dict[uuid.UUID, _Node] = {}
        for hit in result.hits if result else ():
            article = articles.get(hit.article_id)
            if article is None:
                article = _Node("article", hit, row=len(self._roots))
                self._roots.append(article)
                articles[hit.article_id] = article
            if hit.claim_id is None:
                article.add(_Node("hit", hit))
                continue
            claim = claims.get(hit.claim_id)
            if claim is None:
                claim = article.add(_Node("claim", hit))
                claims[hit.claim_id] = claim
            claim.add(_Node("hit", hit))
        self.endResetModel()

    def hit_count(self) -> int:
        return len(self.result.hits) if self.result else 0

    def hit_at(self, index: Index) -> Hit | None:
        node = self._node(index)
        return node.hit if node is not None else None

    # ------------------------------------------------------------ the model

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        owner = self._node(parent)
        siblings = owner.children if owner is not None else self._roots
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node is not None else len(self._roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        hit = node.hit
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind == "article":
                n = node.count()
                return f"{hit.article_title or '(untitled)'} — {n} hit{'s' if n != 1 else ''}"
            if node.kind == "claim":
                return f"Claim: “{one_line(hit.claim_quote or '', 70)}”"
            return self._hit_text(hit)[0]
        if role == MarksRole:
            return self._hit_text(hit)[1] if node.kind == "hit" else []
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.kind == "hit":
                return f"{FIELD_LABELS.get(hit.field, hit.field)}: {hit.snippet}"
            if node.kind == "claim":
                return hit.claim_quote
            return hit.article_title
        if role == HitRole:
            return hit
        if role == ArticleIdRole:
            return str(hit.article_id)
        if role == ClaimIdRole:
            return str(hit.claim_id) if hit.claim_id and node.kind != "article" else ""
        if role == NodeKindRole:
            return node.kind
        return None

    @staticmethod
    def _hit_text(hit: Hit) -> tuple[str, list[tuple[int, int]]]:
        label = FIELD_LABELS.get(hit.field, hit.field) + ": "
        shift = len(label)
        return label + hit.snippet, [(shift + s, shift + e) for s, e in hit.marks]
