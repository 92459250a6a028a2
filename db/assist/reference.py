"""Scoring the assists on a folder of hand-marked article files, imported for real.

A reference folder holds article files (any encoding and line ends the importer
reads) and a ``reference.json`` keyed by file name, each entry with the marked
``claims`` (as in :mod:`db.assist.quality`), the marked attributed ``statements``
(kind ``attribution`` or ``quotation``, with the accepted names of their source),
the ``language`` and the ``published`` date the marker read.  Every file goes
through the importer into the workspace given, and its suggestions come from the
stored article, so the scores cover decoding, line ends and the stored publication
date too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.articles import article_text
from db.assist.quality import STATEMENT_KINDS, Score, StatementScore, score, score_statements
from db.assist.service import suggestions_for_article
from db.assist.suggest import Suggestion
from db.importing import import_file
from db.workspace import Workspace


@dataclass
class ArticleResult:
    """One imported reference article: its scores and what went wrong on import."""

    name: str
    language: str
    encoding: str  # the encoding the importer read the file in
    score: Score
    by_kind: dict[str, Score]
    suggestions: list[Suggestion]
    duplicates: int  # figure or date suggestions on a figure or date already suggested
    problems: list[str] = field(default_factory=list)
    # attributed statements and direct quotations, by suggestion kind (marked under
    # ``statements``; a folder without them scores nothing marked)
    statements: dict[str, StatementScore] = field(default_factory=dict)


def duplicates(suggestions: list[Suggestion]) -> int:
    """Figure and date suggestions that repeat an earlier one: their figure or date overlaps
    it, or they are on the same clause with the same value or event date."""
    seen: list[tuple[int, int]] = []
    keys: set[tuple[int, int, str, object]] = set()
    count = 0
    for s in suggestions:
        if s.kind not in ("figure", "date"):
            continue
        value = (s.value, s.value_max, s.unit) if s.kind == "figure" else s.event_date
        key = (s.start, s.end, s.kind, value)
        repeated = key in keys and (s.kind == "figure" or s.event_date is not None)
        if repeated or any(lo < s.target_end and s.target_start < hi for lo, hi in seen):
            count += 1
        seen.append((s.target_start, s.target_end))
        keys.add(key)
    return count


def load_reference(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    return data


def score_folder(ws: Workspace, folder: Path) -> list[ArticleResult]:
    """Import every marked file of *folder* into *ws* and score its suggestions."""
    out = []
    for name, entry in sorted(load_reference(folder).items()):
        info = import_file(ws, folder / name)
        text = article_text(ws, info.id).text
        problems = []
        published = info.published_at.date().isoformat() if info.published_at else None
        if published != entry["published"]:
            problems.append(f"publication date read as {published}, marked {entry['published']}")
        claims = entry["claims"]
        marked = entry.get("statements", [])
        for claim in [*claims, *marked]:
            if text[claim["start"] : claim["end"]] != claim["quote"]:
                problems.append(
                    f"marked {claim['quote']!r} reads as {text[claim['start'] : claim['end']]!r}"
                )
        found = suggestions_for_article(ws, info.id)
        out.append(
            ArticleResult(
                name,
                entry["language"],
                info.encoding,
                score(claims, found),
                {kind: score(claims, found, kind) for kind in ("figure", "date")},
                found,
                duplicates(found),
                problems,
                {kind: score_statements(marked, found, kind) for kind in STATEMENT_KINDS},
            )
        )
    return out


__all__ = ["ArticleResult", "duplicates", "load_reference", "score_folder"]
