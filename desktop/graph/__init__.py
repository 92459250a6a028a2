"""The link graph: claims as nodes, their links as typed edges.

The views load on first use: the main window only adds the menu action at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.graph.install import install_graph_ui

if TYPE_CHECKING:
    from desktop.graph.view import GraphView, GraphWindow

__all__ = ["GraphView", "GraphWindow", "install_graph_ui"]


def __getattr__(name: str) -> Any:
    if name in ("GraphView", "GraphWindow"):
        from desktop.graph import view

        return getattr(view, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
