"""Enumerations stored as plain strings (portable between SQLite and PostgreSQL).

The enumerations live in :mod:`db.enums` (importable without the ORM); here the
column type that stores them.
"""

from __future__ import annotations

import enum

from sqlalchemy import Enum

from db.enums import (
    CREDIBILITY,
    RELIABILITY,
    ClaimKind,
    Relation,
    Role,
    SourceKind,
    Stance,
    Status,
)

__all__ = [
    "CREDIBILITY",
    "RELIABILITY",
    "ClaimKind",
    "Relation",
    "Role",
    "SourceKind",
    "Stance",
    "Status",
    "str_enum",
]


def str_enum(cls: type[enum.Enum]) -> Enum:
    """A non-native SQL enum storing the member values."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )
