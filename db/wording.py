"""Field names and stored values in words, for people: "Source", not ``source_id``;
"In review", not ``in_review``.

The stored names stay what they are (in the database, the history's records, CSV
headers and JSON keys); windows, previews and history lines show these words.
"""

from __future__ import annotations

from typing import Any

from db.models import ClaimKind, Relation, Role, SourceKind, Stance, Status

FIELD_WORDS: dict[str, str] = {
    "id": "Id",
    "article_id": "Article",
    "article_title": "Article",
    "assignee_id": "Assigned to",
    "claim_id": "Claim",
    "created_by_id": "Created by",
    "updated_by_id": "Changed by",
    "reviewer_id": "Reviewer",
    "author_id": "Author",
    "source_id": "Source",
    "fact_id": "Fact",
    "from_claim_id": "From claim",
    "to_claim_id": "To claim",
    "parent_id": "Reply to",
    "statement": "Statement",
    "quote": "Quote",
    "start": "Start",
    "end": "End",
    "prefix": "Text before",
    "suffix": "Text after",
    "kind": "Kind",
    "source": "Source",
    "relayed_by": "Relayed by",
    "reliability": "Reliability",
    "credibility": "Credibility",
    "grading": "Grading",
    "status": "Status",
    "contested": "Contested",
    "orphaned": "Without a place",
    "event_start": "Event start",
    "event_end": "Event end",
    "event_date": "Event date",
    "notes": "Notes",
    "note": "Note",
    "tags": "Tags",
    "links": "Links",
    "superseded_by": "Superseded by",
    "evidence": "Evidence",
    "relation": "Relation",
    "stance": "Stance",
    "url": "URL",
    "title": "Title",
    "outlet": "Outlet",
    "author": "Author",
    "published_at": "Published",
    "published_offset": "Zone offset",
    "published_zone": "Zone",
    "name": "Name",
    "aliases": "Also known as",
    "affiliation": "Affiliation",
    "default_reliability": "Default reliability",
    "body": "Comment",
    "resolved": "Resolved",
    "rationale": "Rationale",
    "decided_at": "Decided at",
    "role": "Role",
    "initials": "Initials",
    "color": "Colour",
    "version": "Version",
    "created_at": "Created",
    "updated_at": "Changed",
}

# Fields whose stored values are enum members, shown by their words.
_ENUM_FIELDS: dict[str, type[Any]] = {
    "status": Status,
    "kind": ClaimKind,
    "relation": Relation,
    "stance": Stance,
    "role": Role,
}
_SOURCE_KIND_FIELDS = frozenset({"source_kind"})


def field_words(name: str) -> str:
    """*name* (a stored field or column) as people call it: ``source_id`` → "Source"."""
    known = FIELD_WORDS.get(name)
    if known is not None:
        return known
    words = name[:-3] if name.endswith("_id") else name
    return words.replace("_", " ").strip().capitalize() or name


def value_words(field: str, value: Any) -> Any:
    """*value* of *field* in words where it is a stored code ("in_review" → "In review",
    True → "yes"); any other value is returned as it is."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    enum = _ENUM_FIELDS.get(field) or (SourceKind if field in _SOURCE_KIND_FIELDS else None)
    if enum is not None and isinstance(value, str):
        try:
            member = enum(value)
        except ValueError:
            return value
        label = getattr(member, "label", None)
        return label if isinstance(label, str) else member.value.replace("_", " ").capitalize()
    return value


__all__ = ["FIELD_WORDS", "field_words", "value_words"]
