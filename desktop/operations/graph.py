"""The link graph: the GUI's door to db.facts.graph (reads and lays out, any thread)."""

from __future__ import annotations

import uuid

from db.facts import graph as graph_data
from db.facts.graph import Graph, GraphEdge, GraphNode
from desktop.context import AppContext

__all__ = ["Graph", "GraphEdge", "GraphNode", "load_graph"]


def load_graph(ctx: AppContext, fact_id: uuid.UUID | str | None) -> Graph:
    """The claims (of a fact, or all) with their links, laid out; runs on a worker thread."""
    return graph_data.graph(ctx.ws, fact_id)
