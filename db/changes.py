"""The record of what a write changed, by entity and id.

Every write the GUI makes (through ``desktop/operations``) and every batch of
other analysts' edits read from the change feed is described by one
:class:`Changes` value; views refresh only the rows it names.  Ids are
strings (the canonical ``str(uuid)``), so the record is cheap to build and
to compare and crosses threads as plain data.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Entity(enum.StrEnum):
    ARTICLE = "article"
    CLAIM = "claim"
    SOURCE = "source"
    LINK = "link"
    EVIDENCE = "evidence"
    COMMENT = "comment"
    VERDICT = "verdict"
    ANALYST = "analyst"
    SETTING = "setting"
    FACT = "fact"
    SUGGESTION = "suggestion"
    SAVED_FILTER = "saved_filter"


class Op(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True)
class Change:
    """One entity touched: created, updated (with the fields, when known) or deleted.

    *fields* empty on an update means "any field may have changed".  *parent*
    names the article of a claim (or the claim of a link, comment, evidence or
    verdict) when the writer knows it, so a view showing one article can skip
    changes elsewhere without a query.  A link is named once per end, each with
    the claim at that end as parent (local writes and the change feed alike).
    """

    entity: Entity
    id: str
    op: Op = Op.UPDATED
    fields: frozenset[str] = frozenset()
    parent: str | None = None


@dataclass(frozen=True)
class Changes:
    """What one write (or one poll of the change feed) changed.

    *everything* says the whole workspace may differ (another workspace was
    opened, a bundle merged, history restored in bulk): views reload.
    *remote* marks changes made by someone else, read from the change feed.
    *initiator* is the object that asked for the write, so an editor can
    ignore its own echo.
    """

    items: tuple[Change, ...] = ()
    everything: bool = False
    remote: bool = False
    initiator: object | None = field(default=None, compare=False)

    @property
    def empty(self) -> bool:
        return not self.items and not self.everything

    def of(self, entity: Entity, op: Op | None = None) -> list[Change]:
        return [c for c in self.items if c.entity is entity and (op is None or c.op is op)]

    def ids(self, entity: Entity, op: Op | None = None) -> set[str]:
        return {c.id for c in self.of(entity, op)}

    def touches(self, entity: Entity) -> bool:
        return self.everything or any(c.entity is entity for c in self.items)

    def fields_of(self, entity: Entity, entity_id: str) -> frozenset[str] | None:
        """The fields changed on one entity (empty = any); None when it is not named."""
        found: frozenset[str] | None = None
        for c in self.items:
            if c.entity is entity and c.id == entity_id:
                if not c.fields:
                    return frozenset()
                found = (found or frozenset()) | c.fields
        return found

    def merged(self, other: Changes) -> Changes:
        return Changes(
            self.items + other.items,
            everything=self.everything or other.everything,
            remote=self.remote and other.remote,
            initiator=self.initiator if self.initiator is not None else other.initiator,
        )

    def with_initiator(self, initiator: object | None) -> Changes:
        return Changes(self.items, self.everything, self.remote, initiator)


def changed(
    entity: Entity,
    ids: Iterable[object],
    op: Op = Op.UPDATED,
    fields: Iterable[str] = (),
    parent: object | None = None,
) -> Changes:
    """A record naming *ids* of one entity with one operation."""
    fset = frozenset(fields)
    par = None if parent is None else str(parent)
    return Changes(tuple(Change(entity, str(i), op, fset, par) for i in ids))


EVERYTHING = Changes(everything=True)
