"""Which related figures an analyst links: the direct steps of a count's history, and a
dispute where a figure was still being given.

Among the figures of one question, every pair relates somehow; an analyst links each
figure to the figures it replaced or disputed, not to every earlier figure a chain of
updates implies.  An update or support between two days is left out when a different
figure, given on a day between them, relates to the newer claim: the history goes
through that figure (:func:`direct_steps`).  And a later figure does not update an
earlier one that was still being given on its day: "at least 19 dead" on Monday
against Sunday's official 14, repeated on Monday by another report, disputes the 14
(:func:`still_standing`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from operator import attrgetter

from db.facts.profile import Profile
from db.facts.relate import COMPATIBLE, LATER, STILL_STANDING, WORDED, Relating, rounded_away
from db.models import Relation

Key = tuple[int, int]


def pair_key(a: Profile, b: Profile) -> Key:
    """Either way round, the same key (a UUID's number hashes faster than the UUID)."""
    x, y = a.claim_id.int, b.claim_id.int
    return (x, y) if x < y else (y, x)


def direct_steps(found: dict[Key, Relating], supports: bool = True) -> None:
    """Keep, in place, the links an analyst makes among related figures: an update
    from a later day becomes a contradiction when a claim repeating the older figure on
    the newer one's day contradicts the newer one (:func:`still_standing`); updates and
    supports between two days are left out when a different figure of a day between
    them, related to the newer claim, stands between; and a claim worded as replacing a
    figure of its own article is not linked to the relays of that figure.  Without
    *supports*, supports between two days are not looked at (nobody asks for them)."""
    earlier: dict[int, list[Profile]] = defaultdict(list)  # related claims of earlier days
    spans: list[tuple[Key, Relating, Profile, Profile]] = []
    repeats: dict[int, list[Profile]] = defaultdict(list)
    disputed: set[Key] = set()
    same, contradicts = Relation.SAME, Relation.CONTRADICTS
    updates = Relation.UPDATES
    spanned = (updates, Relation.SUPPORTS) if supports else (updates,)
    own: list[tuple[Profile, Profile]] = []  # worded updates of a figure of one's article
    beside: dict[int, list[Profile]] = defaultdict(list)  # supports in one article, both ways
    for key, r in found.items():
        relation, a, b, reason = r
        if reason == WORDED and a.article_id == b.article_id:
            own.append((a, b))
        if relation is same:
            repeats[a.claim_id.int].append(b)
            repeats[b.claim_id.int].append(a)
        elif relation is contradicts:
            disputed.add(key)
        when, then = a.when, b.when
        if when is None or then is None:
            continue
        if when == then:
            if (
                relation is Relation.SUPPORTS
                and (a.low != a.high or b.low != b.high)
                and a.article_id == b.article_id
            ):  # (a span or bound beside a figure of its article: _moved_on_with_its_article)
                beside[a.claim_id.int].append(b)
                beside[b.claim_id.int].append(a)
            continue
        x, y = (a, b) if when > then else (b, a)
        earlier[x.claim_id.int].append(y)
        if relation in spanned:
            spans.append((key, r, x, y))
    # "Now swelled to 3,000" replaces the 1,500 its own article gave; the relays of that
    # 1,500 in other articles are replaced through it.
    for newer, older in own:
        for relay in repeats.get(older.claim_id.int, ()):
            found.pop(pair_key(newer, relay), None)
    # For each claim, its earlier days in order and, for the days from each on, the one
    # figure given on them (None when several are).
    ahead: dict[int, tuple[list[dt.date], list[Figure | None], set[Figure]]] = {}
    for key, r, x, y in spans:
        is_update = r.relation is updates
        if is_update and disputed and y.claim_id.int in repeats:
            standing = still_standing(r, repeats[y.claim_id.int], disputed)
            if standing is not None:
                found[key] = standing
                continue
        x_id = x.claim_id.int
        if is_update and r.reason == LATER and x_id in repeats:
            if y.low <= x.low and x.high <= y.high and _given_by(repeats[x_id], y):
                # 47 within "between 45 and 50" narrows nothing when 47 was given that day.
                found[key] = Relating(Relation.SUPPORTS, x, y, COMPATIBLE)
                continue
        found_x = ahead.get(x_id)
        if found_x is None:
            found_x = ahead[x_id] = _ahead(earlier[x_id])
        days, figures, replaced = found_x
        assert y.when is not None
        at = bisect.bisect_right(days, y.when)
        if at < len(days) and figures[at] != y.figure and not (r.reason == WORDED and _named(r)):
            repeat = r.reason == LATER and x.figure in replaced
            if r.relation is updates and not repeat and _allows(y, replaced):
                # It carries (or allows) the value the newer figure replaced.  (A newer
                # figure only repeating that value, not worded as a change, replaced
                # nothing: it is linked to what it repeats.)
                continue
            del found[key]
    if supports and beside:
        _moved_on_with_its_article(found, spans, beside)


def _moved_on_with_its_article(
    found: dict[Key, Relating],
    spans: list[tuple[Key, Relating, Profile, Profile]],
    beside: dict[int, list[Profile]],
) -> None:
    """A later figure that allows an earlier one ("as much as 3,000 tonnes" after 2,600)
    replaces it, not agrees with it, when a figure its own article gives beside it, which
    it allows (2,900), replaces the earlier one: that report has moved on from it."""
    updates, supports = Relation.UPDATES, Relation.SUPPORTS
    for key, r, x, y in spans:
        if r.relation is not supports or x.low == x.high:
            continue  # (a single figure allowing an earlier one is that figure again)
        partners = beside.get(x.claim_id.int)
        if partners is None:
            continue
        now = found.get(key)
        if now is None or now.relation is not supports:
            continue
        for z in partners:
            other = found.get(pair_key(z, y))
            if other is not None and other.relation is updates and other.newer is z:
                found[key] = Relating(updates, x, y, LATER)
                break


def _given_by(repeats: list[Profile], older: Profile) -> bool:
    """Whether one of *repeats* (claims of the same figure) was given by *older*'s day."""
    day = older.when
    assert day is not None
    for z in repeats:  # (a loop, not any(): asked of many thousands of pairs)
        if z.when is not None and z.when <= day:
            return True
    return False


def _allows(p: Profile, replaced: set[Figure]) -> bool:
    """Whether *p*'s figure is, or within its bounds allows, one of the *replaced* values
    ("between 45 and 50" allows the 47 that a later 52 replaced)."""
    if p.figure in replaced:
        return True
    if p.low <= 0 or p.high == float("inf"):
        return False  # "at least 4", "up to 15" allow any later count; they bound it
    low, high = p.low, p.high
    for v, low_v, high_v in replaced:  # (a loop, not any(): asked of many thousands of pairs)
        if v is not None and low <= v <= high:
            # ("About 96,000" does not allow an exact 102,417: that is "about 102,000".)
            if not (low_v == v == high_v and rounded_away(v, p)):
                return True
    return False


def _named(r: Relating) -> bool:
    """Whether the newer claim names the older figure as the one it replaced ("52, up
    from the 47"): that step is direct whatever was said between."""
    if r.reason != WORDED or r.older.value is None:
        return False
    return bool(re.search(rf"\b(?:up|down) from\D{{0,12}}{r.older.value:g}\b", r.newer.quote))


def still_standing(r: Relating, repeats: list[Profile], disputed: set[Key]) -> Relating | None:
    """*r*, an update from a later day, as a contradiction when one of the claims
    repeating its older figure (*repeats*) is of the newer one's day and contradicts it
    (a pair in *disputed*); else None."""
    for z in repeats:
        if z.when == r.newer.when and pair_key(r.newer, z) in disputed:
            return Relating(Relation.CONTRADICTS, r.newer, r.older, STILL_STANDING)
    return None


Figure = tuple[float | None, float, float]


_WHEN = attrgetter("when")  # (of claims each dated)


def _ahead(
    claims: list[Profile],
) -> tuple[list[dt.date], list[Figure | None], set[Figure]]:
    """The days of *claims* in order and, for each, the one figure given from that day
    on (None when different figures are); and the figures given on the last day."""
    claims = sorted(claims, key=_WHEN)
    days: list[dt.date] = []
    figures: list[Figure | None] = []
    one: Figure | None = claims[-1].figure
    for p in reversed(claims):
        if one is not None and p.figure != one:
            one = None
        assert p.when is not None
        if days and days[-1] == p.when:
            figures[-1] = one
        else:
            days.append(p.when)
            figures.append(one)
    last = {p.figure for p in claims if p.when == claims[-1].when}
    days.reverse()
    figures.reverse()
    return days, figures, last
