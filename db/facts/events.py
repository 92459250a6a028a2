"""Claims that date one event differently: "the levee at Kessin gave way on 2 March 2024"
against "the levee failed on Sunday night" (2 March 2025); "the initial troops, sent in
October 2023" against "the first troops were deployed earlier this month" (October 2024).

A claim dates an event when it says when something happened (its event dates, or a
date in its quote; the publication day is not when the event happened) and names a
single happening (:mod:`db.facts.happenings`): a kind of happening (a failure, a
deployment, an announcement, …) to a thing that has it once (the levee, the first
soldiers).  Two claims of different articles date the *same* event when they name the
same kind of happening to the same thing, in the same order (a "second levee" is not
the levee).  A claim repeating the figure of such a claim (a *same* pair) speaks of
that event too.  A repeat ("additional", "another", "to replace") is never the single
event, so it is never compared.  Nor is a date that tells when something was said
("investigators said on Friday"), a bound ("had returned home by Saturday") or what is yet
to happen ("the road is expected to reopen on Friday").  Happenings named by their kind
alone ("the derailment", "the wagons left the rails") are one; so are happenings to
several things that claims name together ("the roof of the hall caved in"), and "the
accident" or "the disaster" is the one occurrence its story tells of.

Dates disagree when their spans lie more than :data:`SLACK_DAYS` apart: "October 8-13"
and "earlier this month" (1–23 October) agree; October 2023 and October 2024 do not.
Two dates of a day or a few (a week at most) disagree sooner, when more than
:data:`DAYS_SLACK_DAYS` apart: "on 2 March" and "on 12 March" date the failure of one
levee differently; "sent on 3 October" and "arrived on 8 October" may tell of one
deployment.  When an occurrence began ("the fire broke out on 8 November") is a moment:
two reports of its outbreak giving the day disagree when more than a day apart, while its
putting out ("the blaze was extinguished") is another event, and an order lifted ("the
evacuation order was lifted", "residents were allowed home") ends what it ordered.

Beyond that vocabulary, a story's own event nouns (those a claim dates by name: "the
storm of 13 June", "Thursday's hail") and things coming to light ("the papers surfaced
online") are read by :mod:`db.facts.named_events`; an event named by its day is the
event of that day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from db.facts.happenings import (
    GENERIC,
    SERIES,
    SUDDEN,
    Happening,
    bare,
    dates_it,
    general,
    goes_home,
    happenings,
    kin,
    marks_first,
    places,
    repeats,
    tells_onset,
)
from db.facts.named_events import (
    COMING_TO_LIGHT,
    came_to_light,
    comes_at_once,
    named_by_day,
    named_happenings,
    still_going,
    story_nouns,
)
from db.facts.profile import Profile

SLACK_DAYS = 31  # reports of one event may be this far apart (sent vs arrived, rounding)
DAYS_SLACK_DAYS = 7  # … and this far when both give the day (spans of a week at most)
NEIGHBOURS = 40  # each dated claim is compared with this many others of its event
# Acts done on a day (an arrest, a declaration, a resignation, an opening or closing):
# two reports giving the day (or a few days) that do not overlap date them differently,
# even a day apart.  What unfolds may be told a few days apart and agree: a deployment
# ("sent on 3 October", "arrived on 8 October"), a death.
ONE_MOMENT = frozenset(
    ("announcement", "arrest", "release", "resignation", "inauguration", "agreement",
     "adoption", "founding", "start", "end", "election", "serving", "reopening")
)  # fmt: skip
# What befalls a thing at one moment (a derailment, a collision, an explosion): told late
# at night it may be dated either side of midnight, but two reports a few days apart
# date it differently.  So do the occurrences named by a noun that happen at a moment
# ("the explosion on 12 March", "the landslide", "the crash"), unlike a fire, a flood or
# a storm, which run for days.
SUDDEN_SLACK_DAYS = 1
SUDDEN_OCCURRENCES = frozenset(
    ("explosion", "earthquake", "crash", "accident", "landslide", "avalanche", "shooting", "crush",
     "gunfight")
)  # fmt: skip
# Kinds of happening that are one occurrence with another kind befalling the same thing: a
# break-out from a place and the attack on that place that freed its inmates ("the escape
# from Morrowgate", "gunmen stormed Morrowgate").
TOLD_AS_ONE = {"escape": "attack"}
# An occurrence named by its noun that is a thing failing, told by the verb too: a
# blackout or an outage is the power failing ("since the blackout of 6 January" and "when
# the power failed on 13 January" date one event).
FAILURE_NAMED = {Happening("failure", "power", ""): Happening("event", "outage", "")}
# A failure or a sinking ("the dam gave way", "the ferry capsized") may be told a day or
# two apart (a dam giving way over a night and the next day), not three days or a week
# apart: "the bridge came down on Saturday 2 January" is the Saturday before the one the
# others give.
BREAKING_SLACK_DAYS = 2
# (A fire put out is told so too: "put out on Tuesday morning" and "extinguished on
# Wednesday" may tell of one fire dying down, not a week apart.)
BREAKING = frozenset(("failure", "sinking", "extinguishing"))
# When an occurrence began (a fire broke out, a storm struck) is a moment too: two reports
# of its outbreak giving the day, more than a day apart, date it differently, though the
# occurrence itself may run for days ("the fire on 9 November" is not its outbreak).
ONSET_SLACK_DAYS = SUDDEN_SLACK_DAYS
# An attack, or one of a series of them ("the second wave", "a raid"), is told of on its
# day: two reports giving the day, a day apart, date it differently ("on Friday 5
# November" against "on the night of 6 November"), unless the earlier tells of a night
# ("on Saturday night" may be told as early on Sunday).
ATTACK_SLACK_DAYS = 0
NIGHT_SLACK_DAYS = 1
_BY_NIGHT = re.compile(r"\b(?:night|overnight|evening|late|midnight)\b", re.I)
# Things that are a series of attacks: "the campaign began on 6 November" dates the first
# of them, the one claims marking the first attack or wave date.
ATTACK_SERIES = frozenset(
    """campaign bombardment blitz offensive raids strikes airstrikes attacks shelling
    bombing""".split()
)
# A claim dating an event to a whole year, a year or more before its own article, recalls
# an earlier one ("the derailment at Marrick in 2017"): another event than one dated to
# the day.
RECALLED_DAYS = 365


# Happenings that close something off for a time, begun on a day (a place sealed off
# against an illness is put under quarantine, behind a cordon).
CLOSINGS = frozenset(
    ("blockade", "siege", "lockdown", "closure", "curfew", "embargo", "quarantine", "cordon")
)
_CLOSING = re.compile(
    r"\b(?:closed|sealed\s+off|sealed|shut|cut\s+off|blockaded|besieged|cordoned\s+off|"
    r"locked\s+down|(?:put|placed)\s+under\s+(?:a\s+)?(?:quarantine|lockdown|curfew))\b"
    r"(?!\s+(?:again|down\s+again))",
    re.I,
)
# A border, a crossing or an airspace closed is a closing of its own, not the closing off
# of a place ("closed its border on Tuesday" beside "the quarantine imposed on the town").
_OWN_CLOSING = re.compile(
    r"\b(?:closed|sealed|shut|cut\s+off)\s+(?:(?:its|their|the|his|her|a|an|all)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:borders?|frontiers?|crossings?|crossing\s+points?|airspace)\b"
    r"|\b(?:borders?|frontiers?|crossings?|airspace)\s+(?:(?:was|were|is|are|has|have|had|been|"
    r"remains?|remained|stays?|stayed)\s+)+(?:[\w-]+\s+)?(?:closed|sealed|shut)\b",
    re.I,
)
_NOT_THE_START = re.compile(r"\b(?:reopen\w*|re-opened|lifted|ended|again)\b", re.I)


def repeats_kind(p: Profile) -> bool:
    """Whether *p* tells of a closing off ended or done again, not begun."""
    return _NOT_THE_START.search(p.quote) is not None


@dataclass(frozen=True, slots=True)
class DateConflict:
    later: Profile  # the claim dating the event later
    earlier: Profile
    event: str  # in words: "the first deployment of troops", "the failure of the levee"
    why: str


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


def _dated(items: list[Profile]) -> list[Profile]:
    """The claims dating what they name (:func:`db.facts.happenings.dates_it`)."""
    return [
        p for p in items if p.event_first is not None and p.event_last is not None and dates_it(p)
    ]


def _events(
    items: list[Profile],
    same_pairs: Iterable[tuple[uuid.UUID, uuid.UUID]],
    dated_items: list[Profile] | None = None,
) -> dict[uuid.UUID, set[Happening]]:
    """The single happenings each dated claim (*dated_items*, when known) names, by
    itself or through a claim it repeats (which need not be dated itself)."""
    by_id = {p.claim_id: p for p in items}
    dated = {p.claim_id for p in (_dated(items) if dated_items is None else dated_items)}
    named: dict[uuid.UUID, set[Happening]] = {}

    def of(cid: uuid.UUID) -> set[Happening]:
        if cid not in named:
            named[cid] = happenings(by_id[cid])
        return named[cid]

    events = {cid: found for cid in dated if (found := of(cid))}
    for a, b in same_pairs:
        for this, other in ((a, b), (b, a)):
            if this not in dated or this in events or other not in by_id:
                continue
            inherited = {h for h in of(other) if repeats(by_id[this], h)}
            if inherited:
                events[this] = inherited
    return events


def _recalled(p: Profile) -> bool:
    """Whether *p* dates its event to a whole year (or more), a year or more before its
    article was published: an earlier event recalled, not the story's own."""
    first, last, published = p.event_first, p.event_last, p.published
    if first is None or last is None or published is None:
        return False
    return (last - first).days >= 364 and (published - last).days >= RECALLED_DAYS


# Kinds an accident or a disaster may be: what befalls a thing at once.
_AT_ONCE = frozenset(("failure", "sinking", "outbreak")) | SUDDEN


def _attack(h: Happening) -> bool:
    """Whether *h* is an attack on a thing or one of a series of attacks ("the second wave")."""
    return h.kind == "attack" or (h.kind == "event" and h.thing in SERIES)


def _befalls_at_once(h: Happening) -> bool:
    """Whether *h* is an occurrence named by its own noun (the explosion, the fire; not
    "the accident") or a kind of happening that befalls a thing at once."""
    return (h.kind == "event" and h.thing not in GENERIC) or h.kind in _AT_ONCE


def _one_thing(named: list[Happening], buckets: dict[Happening, list[Profile]]) -> bool:
    """Whether happenings to several things are one, each linked to the others by claims
    naming both ("the roof of the hall caved in" names the failure of the roof and of the
    hall); a ferry and a tanker that sank, never named together, are two."""
    if len(named) < 2:
        return False
    claims = [{p.claim_id for p in buckets[h]} for h in named]
    joined, rest = set(claims[0]), claims[1:]
    while rest:
        linked = [c for c in rest if c & joined]
        if not linked:
            return False
        for c in linked:
            joined |= c
        rest = [c for c in rest if not c & joined]
    return True


def _join(buckets: dict[Happening, list[Profile]], a: Happening, b: Happening) -> None:
    """Make happenings *a* and *b* one event: each is dated by the claims of both."""
    merged = list({p.claim_id: p for p in (*buckets[a], *buckets[b])}.values())
    buckets[a], buckets[b] = merged, list(merged)


def _join_told_as_one(
    buckets: dict[Happening, list[Profile]], events: dict[uuid.UUID, set[Happening]]
) -> None:
    """Join the happenings that are one occurrence told two ways: a kind and its partner
    befalling the same thing (:data:`TOLD_AS_ONE`: "the escape from Morrowgate" and
    "gunmen stormed Morrowgate"), and an attack on a thing and a sudden occurrence that one
    claim names together, with one date ("a gun battle broke out when police raided a
    farm": the gunfight at the farm is the raid on it)."""
    for h in list(buckets):
        partner = TOLD_AS_ONE.get(h.kind)
        if partner is not None and not bare(h):
            other = Happening(partner, h.thing, h.order)
            if other in buckets:
                _join(buckets, h, other)
    for failing, noun in FAILURE_NAMED.items():
        if failing in buckets and noun in buckets:
            _join(buckets, failing, noun)
    for named in events.values():
        attacks = [h for h in named if h.kind == "attack" and not bare(h)]
        sudden = [h for h in named if h.kind == "event" and h.thing in SUDDEN_OCCURRENCES]
        for a in attacks:
            for o in sudden:
                if a in buckets and o in buckets:
                    _join(buckets, a, o)


def _add_named(dated: list[Profile], events: dict[uuid.UUID, set[Happening]]) -> frozenset[str]:
    """Add to *events* the story's events each dated claim names by their nouns, and
    its things coming to light (:mod:`db.facts.named_events`); the story's event nouns."""
    nouns = story_nouns(dated)
    for p in dated:
        found = named_happenings(p, nouns)
        if came_to_light(p):
            found.add(Happening(COMING_TO_LIGHT, "", ""))
        if found:
            events.setdefault(p.claim_id, set()).update(found)
    return nouns


def _by_its_day(
    a: Profile, b: Profile, thing: str, by_day: Callable[[Profile], frozenset[str]]
) -> bool:
    """Whether *a* or *b* names the occurrence *thing* by its day ("the storm of 13
    June"), and neither tells it was still going on: both date its one day."""
    named = thing in by_day(a) or thing in by_day(b)
    return named and not (still_going(a) or still_going(b))


def date_conflicts(
    items: list[Profile], same_pairs: Iterable[tuple[uuid.UUID, uuid.UUID]] = ()
) -> list[DateConflict]:
    """Pairs of claims in different articles dating one event more than
    :data:`SLACK_DAYS` apart (:data:`DAYS_SLACK_DAYS` when both give the day)."""
    same_pairs = list(same_pairs)
    dated = _dated(items)
    events = _events(items, same_pairs, dated)
    nouns = _add_named(dated, events)
    if not events:
        return []
    by_id = {p.claim_id: p for p in items}
    firsts = {cid for cid in events if marks_first(by_id[cid])}
    firsts |= {
        this
        for a, b in same_pairs
        for this, other in ((a, b), (b, a))
        if this in events and other in by_id and marks_first(by_id[other])
    }
    buckets: dict[Happening, list[Profile]] = defaultdict(list)
    for cid, named in events.items():
        for h in named:
            buckets[h].append(by_id[cid])
    # "The derailment" and "the wagons left the rails" tell of the one crash of the
    # story, "the collapse" and "the breach" of its one failure: happenings named by
    # their kind alone, whatever the noun, are one.
    told_bare: dict[tuple[str, str], list[Happening]] = defaultdict(list)
    for h in buckets:
        if bare(h):
            told_bare[(h.kind, h.order)].append(h)
    for group in told_bare.values():
        if len(group) > 1:
            merged = list({p.claim_id: p for h in group for p in buckets[h]}.values())
            for h in group:
                buckets[h] = list(merged)
    # "The sinking on 3 May" is the sinking of the one thing the claims say sank, and
    # "the vessel" the one ferry they speak of, when they name one such thing only (of
    # a ferry and a tanker that sank, it could be either).
    alike: dict[tuple[str, str], list[Happening]] = defaultdict(list)
    for h in buckets:
        alike[(h.kind, h.order)].append(h)
    for h in [h for h in buckets if general(h)]:
        told = {p.claim_id for p in buckets[h]}  # what else these claims name is not it
        others = [
            o
            for o in alike[(h.kind, h.order)]
            if kin(h, o) and any(p.claim_id not in told for p in buckets[o])
        ]
        if len(others) == 1 or _one_thing(others, buckets):
            for other in others:
                buckets[other].extend(buckets[h])
    # "The disaster on 3 May", "the accident": the one occurrence the story tells of,
    # when its claims name one (happenings named together by claims are one).
    for h in [h for h in buckets if h.kind == "event" and h.thing in GENERIC]:
        others = [o for o in buckets if o.order == h.order and _befalls_at_once(o)]
        if len(others) == 1 or _one_thing(others, buckets):
            for other in others:
                buckets[other].extend(buckets[h])
    # "The campaign began on 6 November": the series of attacks began with the first of
    # them, which claims marking the first attack or the first wave date.
    began = {
        p.claim_id: p
        for h, bucket in buckets.items()
        if h.kind == "start" and not h.order and h.thing in ATTACK_SERIES
        for p in bucket
    }
    if began:
        for h, bucket in buckets.items():
            if _attack(h) and not h.order and any(p.claim_id in firsts for p in bucket):
                told = {p.claim_id for p in bucket}
                bucket.extend(p for cid, p in began.items() if cid not in told)
    # "The blockade began on 3 March": a closing off began, which claims telling that
    # something was closed, sealed off or shut date too ("closed the sea lanes on
    # Friday"), when the story tells of one such closing off only.
    closings = [
        h for h in buckets if h.kind in ("start", "event") and not h.order and h.thing in CLOSINGS
    ]
    for h in closings if len({h.thing for h in closings}) == 1 else ():
        bucket = buckets[h]
        told = {p.claim_id for p in bucket}
        bucket.extend(
            p
            for p in items
            if p.claim_id not in told
            and p.event_first is not None
            and p.event_last is not None
            and _CLOSING.search(p.quote)
            and not _OWN_CLOSING.search(p.quote)
            and dates_it(p)
            and not repeats_kind(p)
            and (p.published is None or (p.published - p.event_last).days < RECALLED_DAYS)
        )
    _join_told_as_one(buckets, events)
    found: dict[tuple[int, int], DateConflict] = {}
    onsets: dict[uuid.UUID, bool] = {}

    moments: dict[uuid.UUID, bool] = {}
    named_days: dict[uuid.UUID, frozenset[str]] = {}

    def by_day(p: Profile) -> frozenset[str]:
        if p.claim_id not in named_days:
            named_days[p.claim_id] = named_by_day(p, nouns)
        return named_days[p.claim_id]

    def at_once(p: Profile) -> bool:
        if p.claim_id not in moments:
            moments[p.claim_id] = comes_at_once(p)
        return moments[p.claim_id]

    def onset(p: Profile) -> bool:
        if p.claim_id not in onsets:
            onsets[p.claim_id] = tells_onset(p)
        return onsets[p.claim_id]

    for happening, bucket in buckets.items():
        # (first day, last day, whether it gives the day, article, claim) as numbers.
        spans = sorted(
            (
                p.event_first.toordinal(),  # type: ignore[union-attr]
                p.event_last.toordinal(),  # type: ignore[union-attr]
                (p.event_last - p.event_first).days < 7,  # type: ignore[operator]
                _recalled(p),
                p.article_id.int,
                p.claim_id.int,
                p,
            )
            for p in bucket
        )
        thing = happening.thing
        short_slack = (
            0
            if happening.kind in ONE_MOMENT
            else SUDDEN_SLACK_DAYS
            if happening.kind in SUDDEN
            or (happening.kind == "event" and thing in SUDDEN_OCCURRENCES)
            else BREAKING_SLACK_DAYS
            if happening.kind in BREAKING
            else DAYS_SLACK_DAYS
        )
        attack = _attack(happening)
        for i, (a_first, a_last, a_short, a_old, a_article, a_id, a) in enumerate(spans):
            for b_first, b_last, b_short, b_old, b_article, b_id, b in spans[
                i + 1 : i + 1 + NEIGHBOURS
            ]:
                if a_article == b_article:
                    continue  # one article dating two such happenings tells of two events
                if (a_old and b_short) or (b_old and a_short):
                    continue  # an earlier event recalled by its year is another one
                days = max(b_first - a_last, a_first - b_last, 0)
                slack = SLACK_DAYS
                if a_short and b_short and attack:
                    told_first = a if a_last <= b_first else b
                    by_night = _BY_NIGHT.search(told_first.quote) is not None
                    slack = NIGHT_SLACK_DAYS if by_night else ATTACK_SLACK_DAYS
                elif a_short and b_short:
                    slack = short_slack
                    if happening.kind == "event" and slack > ONSET_SLACK_DAYS:
                        if days > ONSET_SLACK_DAYS and onset(a) and onset(b):
                            slack = ONSET_SLACK_DAYS
                        elif days > ONSET_SLACK_DAYS and onset(b) and not onset(a):
                            # An occurrence does not run before it began: "the fire on 5
                            # March" against "the fire broke out on 8 March" (a later day
                            # may be one it still burned on).
                            slack = ONSET_SLACK_DAYS
                if a_short and b_short and days > ONSET_SLACK_DAYS < slack:
                    if happening.kind == "event" and _by_its_day(a, b, thing, by_day):
                        slack = ONSET_SLACK_DAYS
                    elif happening.kind == COMING_TO_LIGHT and at_once(a) and at_once(b):
                        slack = SUDDEN_SLACK_DAYS
                if happening.kind == "end" and slack < BREAKING_SLACK_DAYS:
                    if days <= BREAKING_SLACK_DAYS and (goes_home(a) or goes_home(b)):
                        # Residents let back on Thursday may go back home over the days
                        # after: "returned home on Saturday" tells of the same end.
                        continue
                if days <= slack:
                    continue
                key = (a_id, b_id)
                if key in found:
                    continue
                here, there = places(a).get(thing), places(b).get(thing)
                if here and there and here != there:
                    continue  # the levee at Kessin is not the levee at Orsk
                assert a.event_first and a.event_last and b.event_first and b.event_last
                early = describe_dates(a.event_first, a.event_last)
                late = describe_dates(b.event_first, b.event_last)
                event = happening.describe(a.claim_id in firsts or b.claim_id in firsts)
                why = f"both date {event}: {early} against {late}, {days} days apart"
                found[key] = DateConflict(b, a, event, why)
    return list(found.values())
