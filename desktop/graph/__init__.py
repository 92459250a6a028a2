"""The link graph: claims as nodes, their links as typed edges."""

from desktop.graph.view import GraphView, GraphWindow, install_graph_ui

__all__ = ["GraphView", "GraphWindow", "install_graph_ui"]
