"""New rows written by one plain INSERT, stamped and recorded as a flush records them.

Adding many rows through the ORM costs an object per row and one more per history
entry; :func:`insert_created` writes the rows and their ``create`` history entries
with two statements instead, and leaves the same trace: ``created_by``/``updated_by``
stamped with the writing analyst, one history entry per row holding the fields
:func:`db.audit.snapshot` would, and those entries counted as this workspace's own by
the change feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from db import audit
from db.changefeed import remember_own
from db.models import HistoryEntry
from db.models.base import TrackedMixin
from db.timeutil import utcnow

_HISTORY = cast(Table, HistoryEntry.__table__)
# Kinds of row whose history entry names no claim (see db.audit._claim_of).
WITHOUT_CLAIM = frozenset({"article", "source", "fact"})


def insert_created(
    session: Session, model: type[TrackedMixin], rows: Sequence[dict[str, Any]]
) -> None:
    """INSERT *rows* (column -> value, the same columns in each, ids given) into *model*'s
    table in *session*'s transaction, with a ``create`` history entry for each.

    For rows that belong to no claim (articles, sources, facts).
    """
    kind = audit.AUDITED[model]
    if kind not in WITHOUT_CLAIM:
        raise ValueError(f"a {kind} row's history entry names its claim; add it to a session")
    if not rows:
        return
    from_bundle = bool(session.info.get(audit.FROM_BUNDLE_KEY))
    if not from_bundle:
        analyst_id = audit.writing_analyst(session)
        for row in rows:
            if row.get("created_by_id") is None:
                row["created_by_id"] = analyst_id
            if row.get("updated_by_id") is None:
                row["updated_by_id"] = analyst_id
    session.execute(insert(cast(Table, model.__table__)), list(rows))
    if from_bundle:  # the bundle brings the entries describing these rows
        return
    entries = [
        {
            "id": uuid.uuid4(),
            "at": utcnow(),
            "analyst_id": analyst_id,
            "entity_type": kind,
            "entity_id": row["id"],
            "claim_id": None,
            "action": "create",
            "changes": audit.created_changes(model, row),
        }
        for row in rows
    ]
    session.execute(insert(_HISTORY), entries)
    remember_own(session, [entry["id"] for entry in entries])
