"""Claims that date one event differently: "the initial troops, sent in October 2023"
against "the first troops were deployed earlier this month" (October 2024).

A claim dates an event when it says when something happened (its event dates, or a
date in its quote; the publication day is not when the event happened) and names the
happening: troops sent, deployed, dispatched, arrived.  Two claims date the *same*
event only when it can happen once: both mark it as the first ("initial", "the first
soldiers", "as a first step"), of the same counted thing.  A claim repeating the figure
of such a claim (a *same* pair) speaks of that event too.  A later wave ("additional",
"third", "to replace") is never the first, and two waves with different dates are two
events, so they are never compared.

Dates disagree when their spans lie more than :data:`SLACK_DAYS` apart: "October 8-13"
and "earlier this month" (1–23 October) agree; October 2023 and October 2024 do not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from db.facts.profile import Profile, unit_in_words

SLACK_DAYS = 31  # reports of one event may be this far apart (sent vs arrived, rounding)
NEIGHBOURS = 40  # each dated claim is compared with this many others of its event

ACTIONS = {
    "deployment": re.compile(
        r"\b(sent|send(?:s|ing)?|deploy(?:ed|s|ing|ment)?|dispatch(?:ed|es|ing)?|"
        r"arriv(?:ed|es|e|ing|al)|transfer(?:s|red)?|shipped)\b",
        re.I,
    ),
}
_NOUNS = (
    r"batch|wave|group|contingent|deployment|dispatch|step|troops?|soldiers?|units?|"
    r"forces|arrivals?|fighters|personnel"
)
FIRST = re.compile(
    rf"\b(initial|first(?:\W+[\w,]+){{0,3}}?\W+(?:{_NOUNS}))\b|\bas a first step\b", re.I
)
LATER = re.compile(
    r"\b(additional|another|extra|more|second|third|fourth|fifth|next|latest|new batch|"
    r"replace\w*|reinforcements?|rotation)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateConflict:
    later: Profile  # the claim dating the event later
    earlier: Profile
    event: str  # in words: "the first deployment of troops"
    why: str


def _lead(p: Profile) -> str:
    """The words before the quote within its sentence."""
    cut = max(p.lead.rfind(". "), p.lead.rfind("\n"))
    return p.lead[cut + 1 :] if cut >= 0 else p.lead


def _subject(p: Profile) -> str:
    return p.unit or unit_in_words(p.quote) or unit_in_words(_lead(p))


def _action(text: str) -> str:
    return next((name for name, pattern in ACTIONS.items() if pattern.search(text)), "")


def first_event(p: Profile) -> tuple[str, str] | None:
    """(happening, counted thing) of the first such event the claim speaks of, if any."""
    text = f"{_lead(p)} {p.quote}"
    if LATER.search(p.quote) or not FIRST.search(text):
        return None
    action, subject = _action(text), _subject(p)
    return (action, subject) if action and subject else None


def describe_dates(first: dt.date, last: dt.date) -> str:
    """A span in words: "8 October 2024", "October 2023", "8–13 October 2024"."""
    if first == last:
        return f"{first.day} {first:%B %Y}"
    whole_month = (
        first.day == 1
        and (first.year, first.month) == (last.year, last.month)
        and last.day == calendar.monthrange(last.year, last.month)[1]
    )
    if whole_month:
        return f"{first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


def _apart(a: Profile, b: Profile) -> int:
    """Days between the two spans (0 when they overlap)."""
    assert a.event_first and a.event_last and b.event_first and b.event_last
    return max((b.event_first - a.event_last).days, (a.event_first - b.event_last).days, 0)


def _events(
    items: list[Profile], same_pairs: Iterable[tuple[uuid.UUID, uuid.UUID]]
) -> dict[uuid.UUID, tuple[str, str]]:
    """The first event each claim speaks of, by itself or through a claim it repeats."""
    by_id = {p.claim_id: p for p in items}
    events = {p.claim_id: e for p in items if (e := first_event(p)) is not None}
    for a, b in same_pairs:
        for this, other in ((a, b), (b, a)):
            p = by_id.get(this)
            if p is None or this in events or other not in events:
                continue
            action, subject = events[other]
            text = f"{_lead(p)} {p.quote}"
            if not LATER.search(p.quote) and _action(text) == action and _subject(p) == subject:
                events[this] = (action, subject)
    return events


def date_conflicts(
    items: list[Profile], same_pairs: Iterable[tuple[uuid.UUID, uuid.UUID]] = ()
) -> list[DateConflict]:
    """Pairs of claims dating one first event more than :data:`SLACK_DAYS` apart."""
    events = _events(items, same_pairs)
    buckets: dict[tuple[str, str], list[Profile]] = defaultdict(list)
    for p in items:
        if p.claim_id in events and p.event_first is not None and p.event_last is not None:
            buckets[events[p.claim_id]].append(p)
    found = []
    for (action, subject), bucket in buckets.items():
        bucket.sort(key=lambda p: (p.event_first, str(p.claim_id)))
        event = f"the first {action} of {subject}"
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 : i + 1 + NEIGHBOURS]:
                days = _apart(a, b)
                if days <= SLACK_DAYS:
                    continue
                assert a.event_first and a.event_last and b.event_first and b.event_last
                early = describe_dates(a.event_first, a.event_last)
                late = describe_dates(b.event_first, b.event_last)
                why = f"both date {event}: {early} against {late}, {days} days apart"
                found.append(DateConflict(b, a, event, why))
    return found
