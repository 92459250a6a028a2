"""How two claims' figures relate: same question or not, and then which link, and why."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from db.facts.profile import Profile
from db.models import Relation

SAME_TIME_DAYS = 14  # figures this close in time are answers at "about the same time"
MIN_WORDING = 35.0  # rapidfuzz token-set similarity of the wording around the figures


@dataclass(frozen=True)
class Relating:
    relation: Relation
    newer: Profile  # for updates: the claim that replaces the other
    older: Profile
    why: str


def same_question(a: Profile, b: Profile) -> str | None:
    """Why two claims answer one question, or None when they do not."""
    if not (a.has_figure and b.has_figure):
        return None
    if not a.unit or a.unit != b.unit:
        return None  # "1,500 reinforcements" and "1,500 soldiers" count different things
    if a.cumulative != b.cumulative:
        return None  # a total so far is not the count of one incident
    if a.increment != b.increment:
        return None  # an added wave is not the total so far
    if a.forecast != b.forecast:
        return None  # what is expected is not what is there
    wording = fuzz.token_set_ratio(" ".join(sorted(a.words)), " ".join(sorted(b.words)))
    if wording < MIN_WORDING:
        return None
    return f"both count {a.unit} in similar words"


def _show(p: Profile) -> str:
    if p.high == float("inf"):
        return f"at least {p.low:,.0f}"
    if p.low == 0 and p.high == p.value:
        return f"up to {p.high:,.0f}"
    if p.low == p.high:
        return f"{p.low:,.0f}"
    return f"{p.low:,.0f}–{p.high:,.0f}"


def relate(a: Profile, b: Profile) -> Relating | None:
    """The link two claims' figures call for, with the reason in words; None if unrelated."""
    reason = same_question(a, b)
    if reason is None:
        return None
    first, second = sorted((a, b), key=lambda p: (p.when is None, p.when, str(p.claim_id)))
    if a.value == b.value and a.low == b.low and a.high == b.high:
        return Relating(Relation.SAME, second, first, f"{reason}: the same figure, {_show(a)}")
    if a.increment and b.increment:
        return None  # two added waves with different figures are different waves
    if a.update_cue != b.update_cue and a.value != b.value:
        newer, older = (a, b) if a.update_cue else (b, a)
        return Relating(
            Relation.UPDATES,
            newer,
            older,
            f"{reason}: {_show(newer)} is worded as a newer estimate than {_show(older)}",
        )
    if a.low <= b.high and b.low <= a.high:
        return Relating(
            Relation.SUPPORTS,
            second,
            first,
            f"{reason}: {_show(a)} and {_show(b)} are compatible",
        )
    apart = abs((a.when - b.when).days) if a.when is not None and b.when is not None else None
    if apart is not None and apart > SAME_TIME_DAYS:
        older, newer = first, second
        how = "event dates" if older.when_is_event and newer.when_is_event else "dates"
        return Relating(
            Relation.UPDATES,
            newer,
            older,
            f"{reason}: {_show(newer)} ({newer.when}) is later than {_show(older)} "
            f"({older.when}) by their {how}",
        )
    if a.update_cue != b.update_cue:
        newer, older = (a, b) if a.update_cue else (b, a)
        return Relating(
            Relation.UPDATES,
            newer,
            older,
            f"{reason}: {_show(newer)} is worded as a newer estimate than {_show(older)}",
        )
    when = f" at about the same time ({first.when})" if first.when else ""
    return Relating(
        Relation.CONTRADICTS,
        second,
        first,
        f"{reason}: {_show(a)} and {_show(b)} cannot both hold{when}",
    )
