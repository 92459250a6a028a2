"""Source operations the sources view and the review filters call."""

from __future__ import annotations

import uuid

from db import sources as source_ops
from db.sources import SourceInfo
from desktop.context import AppContext

__all__ = ["SourceInfo", "get_source", "list_sources"]


def list_sources(ctx: AppContext) -> list[SourceInfo]:
    """Every source with its claim count, by name."""
    return source_ops.list_sources(ctx.ws)


def get_source(ctx: AppContext, source_id: uuid.UUID | str) -> SourceInfo:
    return source_ops.get_source(ctx.ws, source_id)
