"""The source registry view."""

from desktop.sources.view import SourcesView

__all__ = ["SourcesView"]
