"""Helpers shared by the richer export formats (XLSX, reports, JSON-LD)."""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

from sqlalchemy import select

from db.errors import InvalidInput
from db.exporting import atomic_path
from db.exporting.rows import ExportCancelled, Progress
from db.models import Analyst, Verdict
from db.workspace import Workspace


def tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; raise ExportCancelled when the callback says stop."""
    if progress is not None and progress(done, total) is False:
        raise ExportCancelled("The export was cancelled.")


def need_file(target: Path | IO[str] | None, fmt: str) -> Path:
    """*target* as a path; binary formats cannot go to standard output or a stream."""
    if target is None or hasattr(target, "write"):
        raise InvalidInput(
            f"The {fmt} format needs an output file; it cannot be written to the terminal."
        )
    return Path(target)


@contextmanager
def text_target(target: Path | IO[str] | None) -> Iterator[IO[str]]:
    """A text stream: an atomically replaced file, an open stream, or stdout for None."""
    if target is None or hasattr(target, "write"):
        # Anything with a write method is taken as an open text stream.
        stream = sys.stdout if target is None else cast(IO[str], target)
        yield stream
        stream.flush()
        return
    with atomic_path(Path(target)) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        yield fh


def analyst_names(ws: Workspace) -> dict[uuid.UUID, str]:
    with ws.session() as session:
        return {a.id: a.name for a in session.scalars(select(Analyst))}


def workspace_label(ws: Workspace) -> str:
    """The workspace as a report names it: its file's name without folders or suffix
    (``newsroom`` for ``/home/kim/newsroom.claimdesk.sqlite``), or a shared workspace's
    database name; never a local path, a host or a password."""
    if ws.path is not None:
        name = ws.path.name
        for suffix in (".claimdesk.sqlite", ".sqlite", ".db"):
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)]
        return name
    from sqlalchemy.engine import make_url

    return make_url(ws.url).database or "shared workspace"


def current_analyst_name(ws: Workspace) -> str:
    if ws.analyst_id is None:
        return ""
    return analyst_names(ws).get(ws.analyst_id, "")


def setting(ws: Workspace, key: str, default: str = "") -> str:
    """A workspace setting, or *default* when it is unset or empty."""
    from db.settings import get_setting

    value = get_setting(ws, key)
    return value or default


def latest_verdicts(
    ws: Workspace, claim_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, dt.datetime, str]]:
    """claim id -> (reviewer id, decided at, rationale) of each claim's latest verdict."""
    out: dict[uuid.UUID, tuple[uuid.UUID, dt.datetime, str]] = {}
    if not claim_ids:
        return out
    with ws.session() as session:
        for start in range(0, len(claim_ids), 500):
            part = claim_ids[start : start + 500]
            query = (
                select(Verdict.claim_id, Verdict.reviewer_id, Verdict.decided_at, Verdict.rationale)
                .where(Verdict.claim_id.in_(part))
                .order_by(Verdict.decided_at)
            )
            for cid, reviewer, decided, rationale in session.execute(query):
                out[cid] = (reviewer, decided, rationale)
    return out


def iso_z(value: dt.datetime) -> str:
    """ISO 8601 in UTC with a Z suffix and whole seconds."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
