"""A timeline or link graph read from its JSON (the picture renderer's door to db/)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.facts import view_json
from db.facts.graph import Graph
from db.facts.timeline import Timeline


def read_timeline(data: Mapping[str, Any]) -> Timeline:
    return view_json.timeline_from_json(data)


def read_graph(data: Mapping[str, Any]) -> Graph:
    return view_json.graph_from_json(data)
