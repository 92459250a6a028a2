"""The timeline and the link graph read back from the JSON they are written as.

``claimdesk timeline`` and ``claimdesk graph`` write JSON (``as_json``); to draw a
PNG or SVG the command line hands that JSON to the Qt renderer in another process
(:mod:`db.facts.view_pictures`), which reads it back here.  A document of another
form is refused with :class:`~db.errors.InvalidInput` naming what is wrong.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from db.errors import InvalidInput
from db.facts.graph import Graph, GraphEdge, GraphNode
from db.facts.timeline import Timeline, TimelineItem, TimelineLink
from db.models import Relation


def _get(data: Mapping[str, Any], key: str, what: str) -> Any:
    if not isinstance(data, Mapping) or key not in data:
        raise InvalidInput(f"The {what} has no {key!r}.")
    return data[key]


def _list(data: Mapping[str, Any], key: str, what: str) -> list[Any]:
    value = _get(data, key, what)
    if not isinstance(value, list):
        raise InvalidInput(f"The {what}'s {key!r} is not a list.")
    return value


def _uuid(value: Any, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(f"The {what} is not an id: {value!r}.") from None


def _number(value: Any, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInput(f"The {what} is not a number: {value!r}.")
    return float(value)


def _date(value: Any, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"The {what} is not a date: {value!r}.") from None


def _relation(value: Any) -> Relation:
    try:
        return Relation(value)
    except ValueError:
        raise InvalidInput(f"Unknown relation {value!r}.") from None


def _links(data: Mapping[str, Any], key: str, what: str) -> list[tuple[Any, Any, Relation]]:
    out = []
    for link in _list(data, key, what):
        out.append(
            (
                _uuid(_get(link, "from", "link"), "link's 'from'"),
                _uuid(_get(link, "to", "link"), "link's 'to'"),
                _relation(_get(link, "relation", "link")),
            )
        )
    return out


def timeline_from_json(data: Mapping[str, Any]) -> Timeline:
    items = []
    for raw in _list(data, "items", "timeline"):
        event = _get(raw, "event", "timeline item")
        start = end = None
        if event is not None:
            start = _date(_get(event, "start", "event"), "event's start")
            end = _date(_get(event, "end", "event"), "event's end")
        published = _get(raw, "published", "timeline item")
        try:
            when = dt.datetime.fromisoformat(published) if published is not None else None
        except (TypeError, ValueError):
            raise InvalidInput(f"The publication time is not a time: {published!r}.") from None
        items.append(
            TimelineItem(
                claim_id=_uuid(_get(raw, "claim", "timeline item"), "claim"),
                article_id=_uuid(_get(raw, "article", "timeline item"), "article"),
                quote=str(_get(raw, "quote", "timeline item")),
                status=str(_get(raw, "status", "timeline item")),
                event_start=start,
                event_end=end,
                published=when,
                value=_number(raw.get("value"), "value"),
                low=_number(raw.get("low"), "low bound"),
                high=_number(raw.get("high"), "high bound"),
                unit=str(raw.get("unit") or ""),
                superseded=bool(raw.get("superseded")),
                superseded_by=tuple(
                    _uuid(c, "superseding claim") for c in raw.get("superseded_by") or ()
                ),
                notes=tuple(str(n) for n in raw.get("notes") or ()),
            )
        )
    fact = data.get("fact") if isinstance(data, Mapping) else None
    return Timeline(
        fact_id=_uuid(fact, "fact") if fact else None,
        fact_name=str(data.get("name") or ""),
        items=items,
        links=[TimelineLink(a, b, r) for a, b, r in _links(data, "links", "timeline")],
    )


def graph_from_json(data: Mapping[str, Any]) -> Graph:
    nodes = []
    for raw in _list(data, "nodes", "link graph"):
        x = _number(_get(raw, "x", "graph node"), "node's x")
        y = _number(_get(raw, "y", "graph node"), "node's y")
        if x is None or y is None:
            raise InvalidInput("A graph node has no position.")
        nodes.append(
            GraphNode(
                claim_id=_uuid(_get(raw, "claim", "graph node"), "claim"),
                article_id=_uuid(_get(raw, "article", "graph node"), "article"),
                article_title=str(raw.get("article_title") or ""),
                quote=str(_get(raw, "quote", "graph node")),
                status=str(_get(raw, "status", "graph node")),
                fact=str(raw.get("fact") or ""),
                x=x,
                y=y,
            )
        )
    edges = [GraphEdge(a, b, r) for a, b, r in _links(data, "edges", "link graph")]
    return Graph(nodes=nodes, edges=edges)
