"""Scoring suggestions against a hand-marked reference (recall, precision, attribution).

A reference claim is found when a figure or date suggestion's own figure or date
overlaps the marked span.  Its source is right when the suggestion names one of
the reference's names for it (normalised), and wrong when the reference has no
source but the suggestion gives one (a source invented for the outlet's own words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from db.assist.names import normalise
from db.assist.suggest import Suggestion


@dataclass
class Score:
    marked: int = 0
    found: int = 0
    suggested: int = 0
    suggested_right: int = 0
    attributed: int = 0
    attributed_right: int = 0
    outlet_own: int = 0
    invented: int = 0
    dated: int = 0
    dated_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_sources: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.marked if self.marked else 1.0

    @property
    def precision(self) -> float:
        return self.suggested_right / self.suggested if self.suggested else 1.0

    @property
    def attribution_accuracy(self) -> float:
        return self.attributed_right / self.attributed if self.attributed else 1.0

    def add(self, other: Score) -> None:
        for name in (
            "marked found suggested suggested_right attributed attributed_right outlet_own "
            "invented dated dated_right"
        ).split():
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong_sources += other.wrong_sources


def _overlaps(s: Suggestion, claim: dict[str, Any]) -> bool:
    if s.target_start < claim["end"] and claim["start"] < s.target_end:
        return True
    # a date claim carried by a figure suggestion as its event date
    return bool(
        claim.get("kind") == "date"
        and s.date_end > s.date_start
        and s.date_start < claim["end"]
        and claim["start"] < s.date_end
    )


def _of_kind(s: Suggestion, kind: str | None) -> bool:
    if kind is None or s.kind == kind:
        return True
    return kind == "date" and s.date_end > s.date_start


def _names_match(s: Suggestion, names: Sequence[str]) -> bool:
    wanted = {normalise(n) for n in names}
    given = {normalise(n) for n in (s.source or "", *s.variants) if n}
    if wanted & given:
        return True
    # a surname alone names the same person ("Healey" for "John Healey")
    return any(
        g.split()[-1:] == w.split()[-1:] and len(w.split()) > 1 for g in given for w in wanted
    )


def score(
    claims: Sequence[dict[str, Any]], suggestions: Sequence[Suggestion], kind: str | None = None
) -> Score:
    """Score *suggestions* against reference *claims* (optionally of one kind only)."""
    marked = [c for c in claims if kind is None or c["kind"] == kind]
    mine = [s for s in suggestions if s.kind in ("figure", "date") and _of_kind(s, kind)]
    out = Score(marked=len(marked), suggested=len(mine))
    for s in mine:
        if any(_overlaps(s, c) for c in claims if kind is None or c["kind"] == kind):
            out.suggested_right += 1
    for claim in marked:
        hits = [s for s in mine if _overlaps(s, claim)]
        # a suggestion of the claim itself before one carrying it as a figure's event date
        hits.sort(
            key=lambda s: not (s.target_start < claim["end"] and claim["start"] < s.target_end)
        )
        label = f"{claim['kind']} {claim['quote']!r}"
        if hits:
            out.found += 1
        else:
            out.misses.append(label)
        best = hits[0] if hits else None
        if claim["source"]:
            out.attributed += 1
            if best is not None and best.source and _names_match(best, claim["source"]):
                out.attributed_right += 1
            else:
                given = best.source if best else "(not found)"
                out.wrong_sources.append(f"{label}: {given!r}, marked {claim['source'][0]!r}")
        else:
            out.outlet_own += 1
            if best is not None and best.source:
                out.invented += 1
                out.wrong_sources.append(f"{label}: {best.source!r}, marked the outlet's own")
        if claim.get("event_date"):
            out.dated += 1
            if best is not None and best.event_date == claim["event_date"]:
                out.dated_right += 1
    return out


__all__ = ["QuoteScore", "Score", "score", "score_quotations"]


@dataclass
class QuoteScore:
    """Direct quotations: found, suggested, and with the right speaker."""

    marked: int = 0
    found: int = 0
    suggested: int = 0
    suggested_right: int = 0
    speaker_right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.marked if self.marked else 1.0

    @property
    def precision(self) -> float:
        return self.suggested_right / self.suggested if self.suggested else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.marked if self.marked else 1.0

    def add(self, other: QuoteScore) -> None:
        for name in ("marked", "found", "suggested", "suggested_right", "speaker_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong


def score_quotations(
    quotations: Sequence[dict[str, Any]], suggestions: Sequence[Suggestion]
) -> QuoteScore:
    """Score quotation suggestions against marked quotations (overlap, then the speaker)."""
    mine = [s for s in suggestions if s.kind == "quotation"]
    out = QuoteScore(marked=len(quotations), suggested=len(mine))
    out.suggested_right = sum(1 for s in mine if any(_overlaps(s, q) for q in quotations))
    for q in quotations:
        hits = [s for s in mine if _overlaps(s, q)]
        if hits:
            out.found += 1
        if hits and hits[0].source and _names_match(hits[0], q["source"]):
            out.speaker_right += 1
        else:
            given = hits[0].source if hits else "(not found)"
            out.wrong.append(f"{q['quote_start']!r}…: {given!r}, marked {q['source'][0]!r}")
    return out


STATEMENT_KINDS = ("attribution", "quotation")


@dataclass
class StatementScore:
    """Attributed statements or direct quotations of one kind: found (a suggestion of that kind
    overlaps the mark), tight (it also shares at least half of the union of the two spans),
    suggested, and with the right source."""

    marked: int = 0
    found: int = 0
    tight: int = 0
    suggested: int = 0
    suggested_right: int = 0
    source_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_sources: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)  # suggestions overlapping no mark

    @property
    def recall(self) -> float:
        return self.found / self.marked if self.marked else 1.0

    @property
    def precision(self) -> float:
        return self.suggested_right / self.suggested if self.suggested else 1.0

    @property
    def source_accuracy(self) -> float:
        """Right source among the marked statements (a statement not found counts as wrong)."""
        return self.source_right / self.marked if self.marked else 1.0

    def add(self, other: StatementScore) -> None:
        for name in ("marked", "found", "tight", "suggested", "suggested_right", "source_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong_sources += other.wrong_sources
        self.stray += other.stray


def _shared(s: Suggestion, mark: dict[str, Any]) -> int:
    end: int = min(s.end, mark["end"])
    start: int = max(s.start, mark["start"])
    return max(0, end - start)


def score_statements(
    statements: Sequence[dict[str, Any]], suggestions: Sequence[Suggestion], kind: str
) -> StatementScore:
    """Score the suggestions of *kind* (``attribution`` or ``quotation``) against the marked
    statements of that kind (``start``, ``end``, ``kind``, ``source``: accepted names)."""
    marked = [m for m in statements if m["kind"] == kind]
    mine = [s for s in suggestions if s.kind == kind]
    out = StatementScore(marked=len(marked), suggested=len(mine))
    for s in mine:
        if any(_shared(s, m) for m in marked):
            out.suggested_right += 1
        else:
            out.stray.append(f"{kind} {s.quote[:60]!r} ({s.source!r})")
    for m in marked:
        label = f"{kind} {m.get('quote', m.get('quote_start', ''))[:60]!r}"
        hits = sorted((s for s in mine if _shared(s, m)), key=lambda s: -_shared(s, m))
        if not hits:
            out.misses.append(label)
            continue
        out.found += 1
        best = hits[0]
        union = max(best.end, m["end"]) - min(best.start, m["start"])
        if 2 * _shared(best, m) >= union:
            out.tight += 1
        if best.source and _names_match(best, m["source"]):
            out.source_right += 1
        else:
            out.wrong_sources.append(f"{label}: {best.source!r}, marked {m['source'][0]!r}")
    return out


__all__ += ["STATEMENT_KINDS", "StatementScore", "score_statements"]
