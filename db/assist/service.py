"""Suggestions for a stored article, and turning accepted suggestions into claims.

:func:`suggestions_for_article` reads the article, the source registry and the
claims already made, then runs the pure :func:`db.assist.suggest.suggest` (what the
text offers is cached by text, publication date and registry; the claims already made
only take suggestions away, so a repeated call costs a read of the claims' places).
:func:`accept_suggestions` creates one claim per suggestion through
:func:`db.claims.create_claim`, matching each source in the registry or creating
it, and returns what changed.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from db.articles import get_article, in_offset
from db.assist.names import is_person, normalise
from db.assist.suggest import (
    KINDS,
    RegistrySource,
    Suggestion,
    candidates,
    select_suggestions,
)
from db.changes import Changes, Entity, Op, changed
from db.claims import ClaimInfo, create_claim, delete_claim
from db.errors import InvalidInput
from db.models import ClaimKind, SourceKind
from db.relays import set_relay_ids
from db.sources import SourceInfo, create_source, delete_source, list_sources
from db.spans import article_spans
from db.workspace import Workspace

CLAIM_KINDS = {
    "figure": ClaimKind.FIGURE,
    "date": ClaimKind.EVENT,
    "quotation": ClaimKind.QUOTATION,
    "attribution": ClaimKind.ASSESSMENT,
}
_CACHE_SIZE = 64
_cache: OrderedDict[tuple[object, ...], tuple[Suggestion, ...]] = OrderedDict()


@dataclass(frozen=True, slots=True)
class Accepted:
    """What accepting suggestions made: the new claims, the new sources, and the change record."""

    claims: tuple[ClaimInfo, ...]
    sources: tuple[SourceInfo, ...]
    changes: Changes


def check_kinds(kinds: Iterable[str] | None) -> frozenset[str]:
    """The suggestion kinds asked for; all when *kinds* is empty or None."""
    wanted = frozenset(k.strip().casefold() for k in kinds or () if k.strip())
    unknown = wanted - set(KINDS)
    if unknown:
        raise InvalidInput(
            f"Unknown suggestion kind {sorted(unknown)[0]!r}; use one of {', '.join(KINDS)}."
        )
    return wanted or frozenset(KINDS)


def registry_of(sources: Iterable[SourceInfo]) -> list[RegistrySource]:
    return [RegistrySource(s.id, s.name, s.aliases, _detail_kind(s)) for s in sources]


def _detail_kind(source: SourceInfo) -> str:
    for line in source.notes.splitlines():
        if line.casefold().startswith("kind:"):
            return line.split(":", 1)[1].strip() or "other"
    return {
        SourceKind.OUTLET: "media",
        SourceKind.EXPERT: "expert",
        SourceKind.AGENCY: "government",
    }.get(source.kind, "other")


# Suggestions read at most this many characters of an article: over a whole 50 MiB
# article they would take many minutes and gigabytes of memory (figures, dates and
# attributions are found sentence by sentence, each with its objects).  A longer
# text is read up to its last line break before the limit.
SUGGEST_CHARS = 1_000_000


def suggestion_text(ws: Workspace, article_id: uuid.UUID) -> tuple[str, bool]:
    """(the part of the article suggestions read, whether the text is longer than that).

    Only that part is read from the database, not the whole text (on SQLite not even
    by SQLite: :func:`db.text_slices.article_head`).
    """
    from db.text_slices import article_head

    head, longer = article_head(ws, article_id, SUGGEST_CHARS)
    if longer and (cut := head.rfind("\n")) > 0:
        head = head[: cut + 1]
    return head, longer


def read_in_part(ws: Workspace, article_id: uuid.UUID) -> bool:
    """Whether the article is longer than what suggestions read of it."""
    from db.text_slices import article_head

    return article_head(ws, article_id, SUGGEST_CHARS)[1]


def suggestions_for_article(
    ws: Workspace,
    article_id: uuid.UUID | str,
    kinds: Iterable[str] | None = None,
    *,
    include_dismissed: bool = False,
) -> list[Suggestion]:
    """Suggested claims for a stored article, leaving out those overlapping its claims.

    Suggestions the current analyst dismissed are left out too, unless *include_dismissed*.
    A long article's suggestions come from its first ``SUGGEST_CHARS`` characters only
    (:func:`suggestion_text`).
    """
    wanted = check_kinds(kinds)
    info = get_article(ws, article_id)
    text, _longer = suggestion_text(ws, info.id)
    published = None
    if info.published_at is not None:
        published = in_offset(info.published_at, info.published_offset).date()
    registry = registry_of(list_sources(ws))
    # Light rows: only where the claims are (no claim objects for a long article).
    existing = [(start, end) for _id, start, end, _status in article_spans(ws, info.id)]
    # What the text offers is cached by text, date, outlet and registry; the claims made
    # since only take suggestions away, so a new claim does not read the text again.
    key = (
        hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        published,
        info.outlet,
        tuple(registry),
    )
    offered = _cache.get(key)
    if offered is None:
        offered = tuple(candidates(text, published, None, registry, outlet=info.outlet))
        _cache[key] = offered
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(key)
    found = select_suggestions(offered, existing)
    hidden: set[tuple[str, int, int, str]] = set()
    if not include_dismissed:
        from db.assist.dismissals import dismissals

        hidden = {(d.kind, d.start, d.end, d.quote) for d in dismissals(ws, info.id)}
    return [
        s for s in found if s.kind in wanted and (s.kind, s.start, s.end, s.quote) not in hidden
    ]


def _source_kind(suggestion: Suggestion) -> SourceKind:
    name = suggestion.source or ""
    if suggestion.source_kind == "media":
        return SourceKind.OUTLET
    if suggestion.source_kind == "expert":
        return SourceKind.EXPERT
    if is_person(name):
        return SourceKind.PERSON
    if suggestion.source_kind in ("intelligence", "government", "military", "lawmaker"):
        return SourceKind.AGENCY
    return SourceKind.OTHER


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:.4g}"


def _notes(s: Suggestion) -> str:
    lines = []
    if s.kind == "figure":
        value = "" if s.value is None else _number(s.value)
        if s.value_max is not None:
            value += f"–{_number(s.value_max)}"
        figure = " ".join(p for p in (s.qualifier, value, s.unit) if p)
        lines.append(f"Figure: {figure}")
    if s.relayed_by:
        lines.append(f"Relayed by: {', '.join(s.relayed_by)}")
    if s.cue:
        lines.append(f"Cue: {s.cue}")
    return "\n".join(lines)


def _relay_kind(name: str, outlet: str) -> SourceKind:
    if outlet and normalise(name) == normalise(outlet):
        return SourceKind.OUTLET
    return SourceKind.PERSON if is_person(name) else SourceKind.OTHER


def _source_for(
    ws: Workspace,
    known: dict[str, SourceInfo],
    made: list[SourceInfo],
    name: str,
    kind: SourceKind,
    detail: str,
    variants: Sequence[str],
) -> SourceInfo:
    """The registry source named *name* (by name or alias), created when there is none."""
    source = known.get(normalise(name))
    if source is None:
        aliases = sorted({v for v in variants if normalise(v) != normalise(name)})
        note = f"Kind: {detail}" if detail else ""
        source = create_source(ws, name, kind=kind, aliases=aliases, notes=note)
        made.append(source)
        for alias in (source.name, *source.aliases):
            known[normalise(alias)] = source
    return source


def accept_suggestions(
    ws: Workspace, article_id: uuid.UUID | str, suggestions: Sequence[Suggestion]
) -> Accepted:
    """Create a claim for each suggestion; on any failure nothing is left behind."""
    info = get_article(ws, article_id)
    known = {normalise(name): s for s in list_sources(ws) for name in (s.name, *s.aliases)}
    made_claims: list[ClaimInfo] = []
    made_sources: list[SourceInfo] = []
    try:
        for s in suggestions:
            fields: dict[str, Any] = {
                "kind": CLAIM_KINDS[s.kind],
                "statement": s.quote,
                "notes": _notes(s),
            }
            if s.event_date:
                first, _, last = s.event_date.partition("/")
                fields["event_start"] = first
                fields["event_end"] = last or None
            if s.source:
                fields["source_id"] = _source_for(
                    ws, known, made_sources, s.source, _source_kind(s), s.source_kind, s.variants
                ).id
            relay_ids = [
                _source_for(
                    ws, known, made_sources, name, _relay_kind(name, info.outlet), "", ()
                ).id
                for name in s.relayed_by
            ]
            claim = create_claim(ws, info.id, s.start, s.end, **fields)
            made_claims.append(claim)
            relay_ids = list(dict.fromkeys(r for r in relay_ids if r != fields.get("source_id")))
            if relay_ids:
                set_relay_ids(ws, claim.id, relay_ids)
    except Exception:
        for claim in made_claims:
            delete_claim(ws, claim.id)
        for source in made_sources:
            delete_source(ws, source.id)
        raise
    record = changed(Entity.CLAIM, [c.id for c in made_claims], Op.CREATED, parent=info.id)
    if made_sources:
        record = record.merged(changed(Entity.SOURCE, [s.id for s in made_sources], Op.CREATED))
    return Accepted(tuple(made_claims), tuple(made_sources), record)


__all__ = [
    "Accepted",
    "accept_suggestions",
    "check_kinds",
    "registry_of",
    "suggestions_for_article",
]
