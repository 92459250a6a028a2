"""A claim's discussion as a tree model: threads at the top, replies nested below.

:meth:`DiscussionModel.set_threads` compares the new threads with the shown
ones by id: a new thread is inserted, a vanished one removed, and a thread
whose comments changed has only its own rows replaced; the others are left
alone (their rows, selection and expansion stay).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from db.comments import CommentInfo
from desktop.palette import hint_color

COL_BODY, COL_WHO, COL_WHEN = range(3)
TITLES = ("Comment", "Who", "When")
CommentIdRole = Qt.ItemDataRole.UserRole.value + 1
ResolvedRole = Qt.ItemDataRole.UserRole.value + 2
ModelIndex = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("children", "info", "parent", "resolved", "row")

    def __init__(self, info: CommentInfo, parent: _Node | None, row: int, resolved: bool) -> None:
        self.info = info
        self.parent = parent
        self.row = row
        self.resolved = resolved
        self.children = [_Node(reply, self, i, resolved) for i, reply in enumerate(info.replies)]


def _local(info: CommentInfo) -> str:
    return info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


class DiscussionModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: list[_Node] = []

    # ------------------------------------------------------------ updates

    def clear(self) -> None:
        if self._threads:
            self.beginResetModel()
            self._threads = []
            self.endResetModel()

    def set_threads(self, threads: list[CommentInfo]) -> None:
        """Show *threads*, touching only the threads that differ from those shown."""
        wanted = {t.id: t for t in threads}
        for row in range(len(self._threads) - 1, -1, -1):
            if self._threads[row].info.id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._threads[row]
                self.endRemoveRows()
        self._renumber()
        shown = {n.info.id: n for n in self._threads}
        for info in threads:
            node = shown.get(info.id)
            if node is None:
                row = len(self._threads)
                self.beginInsertRows(QModelIndex(), row, row)
                self._threads.append(_Node(info, None, row, info.resolved))
                self.endInsertRows()
            elif node.info != info:
                self._replace(node, info)

    def _replace(self, node: _Node, info: CommentInfo) -> None:
        top = self.index(node.row, 0)
        if node.children:
            self.beginRemoveRows(top, 0, len(node.children) - 1)
            node.children = []
            self.endRemoveRows()
        fresh = _Node(info, None, node.row, info.resolved)
        node.info, node.resolved = info, info.resolved
        if fresh.children:
            self.beginInsertRows(top, 0, len(fresh.children) - 1)
            node.children = fresh.children
            for child in node.children:
                child.parent = node
            self.endInsertRows()
        self.dataChanged.emit(top, self.index(node.row, COL_WHEN))

    def _renumber(self) -> None:
        for i, node in enumerate(self._threads):
            node.row = i

    # ------------------------------------------------------------ lookups

    @property
    def threads(self) -> list[CommentInfo]:
        return [n.info for n in self._threads]

    def node(self, index: ModelIndex) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index_of(self, comment_id: str) -> QModelIndex:
        """The index of a comment anywhere in the tree (invalid when not shown)."""
        stack = list(self._threads)
        while stack:
            node = stack.pop()
            if str(node.info.id) == str(comment_id):
                return self.createIndex(node.row, 0, node)
            stack.extend(node.children)
        return QModelIndex()

    # ------------------------------------------------------------ Qt model API

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(TITLES):
            return QModelIndex()
        siblings = self._threads if not parent.isValid() else self._children(parent)
        if not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def _children(self, parent: ModelIndex) -> list[_Node]:
        node = self.node(parent)
        return node.children if node is not None else []

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._threads)
        if parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(TITLES)
        ):
            return TITLES[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        info, col = node.info, index.column()
        if role == CommentIdRole:
            return str(info.id)
        if role == ResolvedRole:
            return node.resolved
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(hint_color()) if node.resolved else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_BODY:
                return info.body
            if col == COL_WHO:
                return info.author_name or None
            return info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_BODY:
            flat = " ".join(info.body.split())
            return ("✓ " + flat) if node.resolved and node.parent is None else flat
        if col == COL_WHO:
            return info.author_name or "—"
        return _local(info)
