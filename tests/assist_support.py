"""Shared helpers of the attribution tests: the suggestions of one kind, and the one figure
suggested at a given target."""

from __future__ import annotations

from db.assist.suggest import Suggestion


def of_kind(found: list[Suggestion], kind: str) -> list[Suggestion]:
    """The suggestions of *kind* among *found*, in order."""
    return [s for s in found if s.kind == kind]


def figure_at(found: list[Suggestion], target: str, text: str) -> Suggestion:
    """The one figure suggestion whose target reads *target* in *text* (fails on none or two)."""
    hits = [s for s in of_kind(found, "figure") if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.quote, s.source) for s in found]
    return hits[0]
