"""Where a windowed model's held rows stand after one row is removed, inserted or moved.

A windowed model keeps the rows it has read in a dict from row number to row;
an edit that removes, inserts or moves one row renumbers the others around it.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def after_removal(rows: dict[int, T], pos: int) -> dict[int, T]:
    """The held rows once row ``pos`` is gone: those after it move up one."""
    return {(r - 1 if r > pos else r): v for r, v in rows.items() if r != pos}


def after_insertion(rows: dict[int, T], rank: int) -> dict[int, T]:
    """The held rows once a row is inserted at ``rank`` (left free): those from it move down."""
    return {(r + 1 if r >= rank else r): v for r, v in rows.items()}


def after_move(rows: dict[int, T], src: int, rank: int) -> dict[int, T]:
    """The held rows once row ``src`` moves to ``rank`` (left free): those between shift."""
    moved: dict[int, T] = {}
    for r, value in rows.items():
        if r == src:
            continue
        if src < r <= rank:
            r -= 1
        elif rank <= r < src:
            r += 1
        moved[r] = value
    return moved
