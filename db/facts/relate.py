"""How two claims' figures relate: same question or not, and then which link, and why."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from db.facts.efforts import at_work_alike
from db.facts.happenings import FORM_KIND
from db.facts.profile import CLASSES, DEATHS, DENIED, HURT, Profile, is_time_unit
from db.facts.tallies import other_tally
from db.models import Relation
from db.needs import needs

# Figures this many days apart or fewer are answers "at the same time".  A different
# figure of a later day, even the next, replaces the earlier one (an outlet's count of the
# evacuated a day after another's is a newer count); it disputes it instead only when the
# earlier figure was still being given on the later day (db.facts.steps.still_standing).
SAME_TIME_DAYS = 0
TOLD_BY_WHAT_HAPPENED = frozenset(
    ("casualty", "displaced", "rescued", "trapped", "missing", "detained", "sheltered", "ill",
     "hospitalised", "confirmed", "treated", "released", "escaped", "abducted", "charged",
     "convicted", "crossed", "vaccinated", "hurt", "suspected", "held", "attended", "returned",
     "waiting")
)  # fmt: skip
# What befell homes tells the count as well: "62 houses burned down" and "the number of
# homes lost has risen to 118" count one thing however differently worded.
TOLD_BY_WHAT_BEFELL = frozenset(("destroyed", "damaged", "flooded", "unpowered"))
# The counted things such words name whole: people (or the dead, the hurt, the trapped
# …) and homes.
TOLD_UNITS = frozenset(
    ("killed", "wounded", "people", "crew", "rescued", "trapped", "missing", "ill", "hospitalised",
     "confirmed", "treated", "prisoners", "vaccinated", "suspected", "police")
)  # fmt: skip
# A crowd is counted at one gathering: the crowds of gatherings told of more than this
# many days apart (by the day each claim dates its gathering, else by its publication
# day) are the crowds of two gatherings, however their figures fall.
GATHERING_DAYS = 3
# A figure dated in its own words this many days or more from another's counts another
# incident's toll or another year's total, not a newer count of the same thing.
MAX_DAYS_APART = 366
MIN_WORDING = 35.0  # rapidfuzz token-set similarity of the wording around the figures
# Verbs telling only that a measure was read off a scale ("the station reached 43.4C",
# "recorded 44.1 degrees", "measured 44.7C", "the river peaked at 6.2 metres"): one doing,
# however the reading is worded.
READ_OFF = frozenset(
    ("reached", "recorded", "measured", "registered", "peaked", "topped", "touched", "logged",
     "reach", "record", "measure", "register", "peak", "top", "touch", "log", "reaching",
     "recording", "measuring", "registering", "peaking", "topping", "touching", "logging")
)  # fmt: skip


# Verbs telling that things were done away with, cancelled or declared void ("three
# papers have been scrapped", "the council has thrown out seven papers"): one doing.
CALLED_OFF = frozenset(
    """scrapped cancelled canceled annulled voided nullified thrown axed ditched discarded
    abandoned quashed revoked rescinded invalidated""".split()
)


class Relating(NamedTuple):  # a tuple: hundreds of thousands are made quickly
    relation: Relation
    newer: Profile  # for updates: the claim that replaces the other
    older: Profile
    reason: str  # one of REASONS: the reason in words is written when asked for (why)

    @property
    def why(self) -> str:
        return explain(self.reason, self.newer, self.older)


# The count of the injured: people hurt, wounded or injured.
INJURED = ("wounded", "casualty")


def injured(p: Profile) -> bool:
    """Whether *p* counts the injured: people hurt, wounded or injured, or taken to or
    treated in hospital for their injuries (:attr:`Profile.hurt_in_hospital`)."""
    return (p.unit, p.predicate) == INJURED or (p.has_figure and p.hurt_in_hospital)


def counted_whole(p: Profile) -> str:
    """What *p* counts, as a whole its parts are told of: the dead when a class named by
    its noun is counted by its dead ("310 soldiers have been killed" is the whole of
    "forty of them died" or "forty of the 310 dead"); else its unit."""
    if p.unit in CLASSES and p.predicate == "casualty":
        told = p.quote
        if not (DEATHS.search(told) or HURT.search(told)) and p.around:
            # "Five escapees have been killed, | four of them at the farm": the part is
            # told of the dead by the words before it in its sentence.
            told = p.around[: max(p.around.find(p.quote), 0)]
        if DEATHS.search(told) and not HURT.search(told):
            return "killed"
    return p.unit


def counted_alike(a: Profile, b: Profile) -> bool:
    """Whether two claims count the same thing told by what befell it: the same unit and
    predicate, or the injured counted by their hurt and by their care in hospital in
    different articles (one article giving both counts tells two counts apart)."""
    if a.unit == b.unit and a.predicate == b.predicate:
        return True
    return a.article_id != b.article_id and injured(a) and injured(b)


def same_question(a: Profile, b: Profile) -> str | None:
    """Why two claims answer one question, or None when they do not."""
    if not (a.has_figure and b.has_figure):
        return None
    if not a.unit or not b.unit or not counted_alike(a, b):
        # "1,500 reinforcements" and "1,500 soldiers" count different things; the killed,
        # a standing army and a deployment are different quantities
        return None
    if is_time_unit(a.unit):
        return None  # ages and durations ("69-year-old", "ten years of service") are not counts
    if a.period != b.period:
        return None  # "$2,000 monthly" is not a total per year
    if a.scope != b.scope and a.scope and b.scope:
        return None  # the count of one incident is not the total so far
    if a.increment != b.increment:
        return None  # an added wave is not the total so far
    if a.forecast != b.forecast:
        return None  # what is expected is not what is there
    if a.subset != b.subset and not _denies_all(a if b.subset else b):
        # (None at all, "no sailor has been moved", denies any part of them too.)
        return None  # a part ("a group of 200") is not the whole ("34,000 live there")
    if not _alike(a, b):
        return None
    return f"both count {_counted(a, b)} in similar words"


# Two figures this many times apart are not one quantity told at two moments or by two
# sources (a price of 450 against a bill of 85 million): no count of a story grows so.
WORLDS_APART = 10_000.0


@lru_cache(maxsize=4096)  # (asked of hundreds of thousands of pairs)
def doing(verb: str) -> str:
    """What a verb tells was done, by its kind of happening where it has one ("sent",
    "deployed" and "arrived" are all a deployment), else by its stem ("turned", "turning":
    turn)."""
    kind = FORM_KIND.get(verb)
    if kind is not None:
        return kind
    if verb in READ_OFF:
        return "reading"  # "reached 43.4C" and "recorded 44.1 degrees": a measure read
    if verb in CALLED_OFF:
        return "cancelled"  # "three papers were scrapped", "has thrown out seven papers"
    for ending in ("ing", "ed", "en"):
        if verb.endswith(ending) and len(verb) - len(ending) >= 3:
            return verb[: -len(ending)]
    return verb


@lru_cache(maxsize=65536)  # (asked of hundreds of thousands of pairs)
def same_doing(a: str, b: str) -> bool:
    """Whether two counts' verbs (either may be unknown: "") may tell one count."""
    return not a or not b or doing(a) == doing(b) or at_work_alike(a, b)


def _denies_all(p: Profile) -> bool:
    """Whether *p* denies any of its counted thing at all ("no sailor has been moved"),
    and so any part of them too."""
    return p.qualifier == DENIED and not p.subset


def _counted(a: Profile, b: Profile) -> str:
    """What two related claims count, in a word ("wounded" for the injured however told)."""
    return a.unit if a.unit == b.unit else INJURED[0]


def other_gathering(a: Profile, b: Profile) -> bool:
    """Whether two counts of a crowd are of different gatherings: each dated by its own
    words (different days), or one dated and the other published, or both published,
    more than :data:`GATHERING_DAYS` apart."""
    if a.event_first and a.event_last and b.event_first and b.event_last:
        return a.event_last < b.event_first or b.event_last < a.event_first
    day = a.event_first or a.published
    other = b.event_first or b.published
    if day is None or other is None:
        return False
    return abs((day - other).days) > GATHERING_DAYS


def _years_apart(a: Profile, b: Profile) -> bool:
    """Whether a figure is dated in its own words over a year from the other's date."""
    if a.when is None or b.when is None or not (a.when_is_event or b.when_is_event):
        return False
    return abs((a.when - b.when).days) > MAX_DAYS_APART


def _alike(a: Profile, b: Profile) -> bool:
    # (Written out, not through _years_apart and similar_wording: hundreds of thousands
    # of pairs are asked.)
    scope, other = a.scope, b.scope
    if scope != other and scope and other:
        return False  # the count of one incident is not the total so far
    when, then = a.when, b.when
    if (
        when is not None
        and then is not None
        and (a.when_is_event or b.when_is_event)
        and abs((when - then).days) > MAX_DAYS_APART
    ):
        return False  # a toll of 2011 is another incident's, not this one's
    if a.predicate == "attended" and other_gathering(a, b):
        return False  # the crowd at Sunday's march is not the crowd at the next rally
    if not a.predicate and not b.predicate and not same_doing(a.verb, b.verb):
        return False  # "turned back 23 vessels" and "87 ships are waiting at anchor"
    if a.unit == "votes" and other_tally(a.quote, b.quote):
        return False  # one candidate's votes are not another's
    if a.predicate in TOLD_BY_WHAT_HAPPENED and a.unit in TOLD_UNITS:
        return True  # "four people were killed" and "the death toll has risen to nine"
    if a.predicate in TOLD_BY_WHAT_BEFELL and a.unit == "homes":
        return True
    key = (a.wording, b.wording)
    found = _SIMILAR.get(key)
    return _compare_wording(key) if found is None else found


# Claims of one story are often worded alike (relays of one report, one figure given in
# the same words): each pair of wordings is compared once.  Bounded; cleared whole when full.
_SIMILAR: dict[tuple[str, str], bool] = {}
_SIMILAR_MAX = 500_000


def similar_wording(a: str, b: str) -> bool:
    """Whether two wordings (:attr:`Profile.wording`) are alike enough to answer one question."""
    found = _SIMILAR.get((a, b))
    return _compare_wording((a, b)) if found is None else found


@cache
def _token_set_ratio() -> Callable[..., float]:
    """rapidfuzz's token-set similarity, imported when wordings are first compared."""
    with needs("Comparing the wording of claims"):
        from rapidfuzz.fuzz import token_set_ratio
    return token_set_ratio


def _compare_wording(key: tuple[str, str]) -> bool:
    if len(_SIMILAR) >= _SIMILAR_MAX:
        _SIMILAR.clear()
    ratio = _token_set_ratio()(*key, score_cutoff=MIN_WORDING)
    found = _SIMILAR[key] = ratio >= MIN_WORDING
    return found


def _show(p: Profile) -> str:
    if p.qualifier == DENIED:
        return "not a single one"
    if p.high == float("inf"):
        return f"at least {p.low:,.0f}"
    if p.low == 0 and p.high == p.value:
        return f"up to {p.high:,.0f}"
    if p.low == p.high:
        return f"{p.low:,.0f}"
    if p.value is not None and p.qualifier and p.low < p.value < p.high:
        # A rounded figure as the report words it, with what its rounding allows.
        return f"{p.qualifier} {p.value:,.0f} ({p.low:,.0f}–{p.high:,.0f})"
    return f"{p.low:,.0f}–{p.high:,.0f}"


def relate(a: Profile, b: Profile) -> Relating | None:
    """The link two claims' figures call for, with the reason in words; None if unrelated."""
    if same_question(a, b) is None:
        return None
    return _relate(a, b)


def relate_alike(a: Profile, b: Profile) -> Relating | None:
    """:func:`relate` for two claims known to count the same thing the same way (both
    with a figure, the same unit that is not an age or duration, alike in total / added
    wave / forecast / part of a whole, in what happened and per period): only their
    wording is compared before the figures."""
    return _relate(a, b) if _alike(a, b) else None


def _relate(a: Profile, b: Profile) -> Relating | None:
    if (a.high > 0 and a.high * WORLDS_APART < b.low) or (
        b.high > 0 and b.high * WORLDS_APART < a.low
    ):
        return None  # a bill of "85 million lorins" is no update of "450 lorins" paid
    first, second = (a, b) if a.order <= b.order else (b, a)
    if a.value == b.value and (
        (a.low == b.low and a.high == b.high) or (_estimated(a) and _estimated(b))
    ):
        # ("An estimated 52 tonnes" repeats 52: calling it an estimate makes it no other
        # figure; "about 700" is rounded, and allows other figures than 700.)
        return Relating(Relation.SAME, second, first, SAME)
    if a.increment and b.increment:
        return None  # two added waves with different figures are different waves
    apart = abs((a.when - b.when).days) if a.when is not None and b.when is not None else None
    if apart and (_dated_within(a, b) or _dated_within(b, a)):
        apart = 0  # "by the last week of October" holds the 25th: a figure of its time
    if apart == 0 and (_rounds_to(a, b) or _rounds_to(b, a)):
        # "Some 3,400" the day 3,412 was given: the figure relayed, rounded.
        return Relating(Relation.SAME, second, first, SAME)
    if (
        a.subset
        and b.subset
        and not (a.low <= b.high and b.low <= a.high)
        and not (apart and _same_class_of_them(a, b))
    ):
        # Two parts of different sizes are different groups, unless one is denied
        # outright the day the other is given ("not a single drone was launched from
        # there" against "about 40 of the drones were launched from there").
        denied = a.qualifier == DENIED or b.qualifier == DENIED
        if not (denied and apart is not None and apart <= SAME_TIME_DAYS):
            return None
    # A figure of the same day worded as still holding ("500,000 are still without
    # power") is not what a changed figure ("has fallen to 180,000") replaced: it disputes it.
    worded = a.update_cue != b.update_cue and not (
        (apart is None or apart <= SAME_TIME_DAYS)
        and (_still(b if a.update_cue else a) or _beside(a, b))
    )
    if worded and a.value != b.value:
        newer, older = (a, b) if a.update_cue else (b, a)
        # The words say which replaced which, unless the dates say the other way round
        # ("the toll rose to seven" on Wednesday does not replace Sunday's 14).
        if (apart is None or apart <= SAME_TIME_DAYS or newer.order > older.order) and _went(
            newer, older
        ):
            return Relating(Relation.UPDATES, newer, older, WORDED)
    later = apart is not None and apart > SAME_TIME_DAYS
    if apart is not None and (_rounds_away(a, b) or _rounds_away(b, a)):
        # "About 2.2 million" is no rounding of 2.41 million (that is "about 2.4 million"):
        # another account the same day, a changed figure a later day.
        if later:
            return Relating(Relation.UPDATES, second, first, LATER)
        return Relating(Relation.CONTRADICTS, second, first, CANNOT_BOTH_HOLD)
    if a.low <= b.high and b.low <= a.high and _within_bound(a, b) and _within_bound(b, a):
        if later and (
            _refines(second, first)
            or _edge_only(a, b)
            or _moved(second, first)
            or _runs_on(second, first)
            or (first.period and first.value != second.value)
        ):
            return Relating(Relation.UPDATES, second, first, LATER)
        if not later and (_far_above(a, b) or _far_above(b, a)):
            # "At least 400,000", the owner says; "3 million", says another: two accounts.
            return Relating(Relation.CONTRADICTS, second, first, CANNOT_BOTH_HOLD)
        return Relating(Relation.SUPPORTS, second, first, COMPATIBLE)
    if later:
        return Relating(Relation.UPDATES, second, first, LATER)
    if worded:
        newer, older = (a, b) if a.update_cue else (b, a)
        if _went(newer, older):
            return Relating(Relation.UPDATES, newer, older, WORDED)
    return Relating(Relation.CONTRADICTS, second, first, CANNOT_BOTH_HOLD)


def _dated_within(span: Profile, other: Profile) -> bool:
    """Whether *span* is dated by its own words to several days ("by the last week of
    October") that hold all the days *other* is dated to: both tell how things stood in
    that time, neither later than the other, whatever day each was published."""
    first, last = span.event_first, span.event_last
    if first is None or last is None or first == last:
        return False
    if other.event_first is None or other.event_last is None or not other.when_is_event:
        return False
    return first <= other.event_first and other.event_last <= last


# A part told by the class its people are of ("about 27,000 of them children"): the class.
_OF_THEM_CLASS = re.compile(
    r"\bof\s+(?:them|these|those|whom)\s+(?:(?:are|were|was|is)\s+)?(?P<c>[^\W\d_]+)\s*$", re.I
)


def _same_class_of_them(a: Profile, b: Profile) -> bool:
    """Whether two parts name one class of the whole they are told of, each by its noun
    alone ("about 27,000 of them children", "at least 90,000 of them children"): the
    same group counted on different days, not two groups of different sizes."""
    x, y = _OF_THEM_CLASS.search(a.quote), _OF_THEM_CLASS.search(b.quote)
    return x is not None and y is not None and x["c"].lower() == y["c"].lower()


# Qualifiers rounding a figure: "about 8,500" is 8,500 give or take, not a span of its own.
_ROUNDED = frozenset(
    ("about", "around", "approximately", "roughly", "some", "an estimated", "almost", "nearly",
     "close to")
)  # fmt: skip


def _within_bound(p: Profile, bound: Profile) -> bool:
    """Whether a rounded figure (*p*: "about 8,500") keeps within a figure that is a
    bound ("at least 9,000", "fewer than 2,500"), as its own value, not only as the
    margin its rounding allows; True when either is no such figure."""
    if p.value is None or p.qualifier.lower() not in _ROUNDED:
        return True
    if bound.high != float("inf") and not (bound.low == 0 and bound.high == bound.value):
        return True
    return bound.low <= p.value <= bound.high


# Qualifiers of a figure rounded either way ("nearly 300" is below it, no relay of 301).
_ROUNDED_TO = frozenset(("about", "around", "approximately", "roughly", "some", "an estimated"))


def _rounds_to(exact: Profile, rounded: Profile) -> bool:
    """Whether *rounded* ("some 3,400", "about 1.1 million") is *exact* (3,412; 1.1
    million) rounded to the places its own figure gives."""
    value, told = exact.value, rounded.value
    if value is None or told is None or not told:
        return False
    # ("Some 1,200 tonnes" the day 1,200 was given is that figure relayed, as "some 1,150"
    # would be 1,152 rounded.)
    if rounded.qualifier.lower() not in _ROUNDED_TO:
        return False
    if not (exact.low == value == exact.high) or exact.qualifier:
        return False
    step = 1
    while told % (step * 10) == 0:
        step *= 10
    return round(value / step) * step == told


def _rounds_away(exact: Profile, rounded: Profile) -> bool:
    """Whether *rounded* ("about 98,000", "about 2.2 million") is further from *exact*
    (102,417; 2.41 million) than one step of the places its own figure gives: a report
    rounding 102,417 says "about 102,000", so "about 98,000" is another figure, though the
    margin a rounding is allowed (a tenth either way) holds both."""
    value = exact.value
    if value is None or not (exact.low == value == exact.high) or exact.qualifier:
        return False
    return rounded_away(value, rounded)


def rounded_away(value: float, rounded: Profile) -> bool:
    """Whether the exact *value* is further from *rounded* ("about 98,000") than one
    step of the places the rounded figure gives (a thousand): no report rounds it so."""
    told = rounded.value
    if told is None or not told or value == told or told != int(told):
        return False
    if rounded.qualifier.lower() not in _ROUNDED_TO:
        return False
    step = 1
    while told % (step * 10) == 0:
        step *= 10
    return abs(value - told) > step


def _beside(a: Profile, b: Profile) -> bool:
    """Whether, of two figures of one day in one article, the one not worded as changed
    comes after the one that is, and is not named as the figure it replaced ("up from
    47"): the changed figure ("has revised down to 1.6 million") changed from an earlier
    one, not from another account the article gives after it ("at least 2 million, the
    board says"); a figure told before it ("sent, as a first step, 1,500 soldiers") may
    be the one it replaced, unless the changed figure is its giver's own estimate revised
    ("has revised its own estimate down to 45 million" after "the ministry puts it at 40
    million"): "own" sets it against the other account, and its giver changed from a
    figure of its own."""
    if a.article_id != b.article_id or a.value is None or b.value is None:
        return False
    changed, other = (a, b) if a.update_cue else (b, a)
    if other.start <= changed.start and not _OWN_ESTIMATE.search(changed.quote):
        return False  # told before it, or where is not known
    return not re.search(rf"\b(?:up|down)\s+from\D{{0,12}}{other.value:g}\b", changed.quote, re.I)


# A giver's own estimate, count or figure ("its own estimate", "their own count").
_OWN_ESTIMATE = re.compile(
    r"\b(?:its|their|his|her|our|my)\s+own\s+(?:[^\W\d_][\w-]*\s+)?(?:estimates?|figures?|"
    r"counts?|tall(?:y|ies)|totals?|numbers?|assessments?|calculations?|projections?)\b",
    re.I,
)


# A lower bound is given near the figure its giver believes: another figure of its day
# more than this many times the bound is another account of the count, disputing it.
FAR_ABOVE = 2.0


def _far_above(bound: Profile, other: Profile) -> bool:
    """Whether *bound* is a lower bound only ("at least 400,000") and *other* a figure or
    span of its own far above it ("3 million"): two accounts, not one within the other."""
    if bound.high != float("inf") or bound.low <= 0 or other.high == float("inf"):
        return False
    return other.low > FAR_ABOVE * bound.low


def _estimated(p: Profile) -> bool:
    """Whether *p* gives one figure, exactly or as an estimate ("52", "an estimated 52"),
    not a rounding, a bound or a range ("about 52", "up to 52", "between 50 and 60")."""
    if p.value is None:
        return False
    if _AN_ESTIMATED.search(p.quote):
        return True
    return p.low == p.value == p.high


_AN_ESTIMATED = re.compile(r"\b(?:an|the) estimated\s+\d", re.I)


def _went(newer: Profile, older: Profile) -> bool:
    """Whether the newer figure went the way its words say from the older one ("rose to
    nine" replaces four, not "at least 15")."""
    assert newer.value is not None and older.value is not None
    if newer.trend > 0:
        return newer.value > older.value
    if newer.trend < 0:
        return newer.value < older.value
    return True


_STILL = re.compile(r"\b(?:still|remains?|remained|remaining)\b", re.I)


def _still(p: Profile) -> bool:
    """Whether *p* words its figure as still holding ("are still without power", "remain
    missing"): a standing figure, not an earlier one."""
    return _STILL.search(p.quote) is not None


def _edge_only(a: Profile, b: Profile) -> bool:
    """Whether two spans, neither a single figure, meet only at an edge ("between 60 and
    70" and, a week later, "at least 70"): the later count has moved past the earlier."""
    if a.low == a.high or b.low == b.high:
        return False
    return max(a.low, b.low) == min(a.high, b.high)


def _moved(newer: Profile, older: Profile) -> bool:
    """Whether a later figure, though compatible, is a new count: both bounds of a span
    moved the same way (between 300 and 350, then "at least 320").  A wider span about a
    rounded figure ("about 1,300", then "up to 1,500") agrees with it."""
    if newer.value == older.value:
        return False
    if older.low == older.high or newer.low == newer.high:
        return False  # a bound or span about an exact figure may agree with it
    up = newer.low > older.low and newer.high > older.high
    return up or (newer.low < older.low and newer.high < older.high)


def _runs_on(newer: Profile, older: Profile) -> bool:
    """Whether a later span or bound ("between 40 and 50 people have died", "as many as 150
    suspected cases") is a newer count of a fate, which runs on from day to day (the dead,
    the ill, the held, the freed), than an exact figure of an earlier day within it (41
    dead): it replaces it.  A count of what befell things at one moment ("16 wagons left
    the rails", then "up to 18 wagons") is not told again as a new count: the later span
    agrees with it."""
    if older.value is None or not (older.low == older.value == older.high):
        return False
    if newer.low == newer.high or (newer.low, newer.high) == (older.low, older.high):
        return False
    return older.predicate in TOLD_BY_WHAT_HAPPENED


def _refines(newer: Profile, older: Profile) -> bool:
    """Whether a later, different figure narrows the earlier one down (9,000 of a later
    day within "more than 6,500"): it replaces it; a figure as wide or wider agrees."""
    return (
        newer.value != older.value
        and older.low <= newer.low
        and newer.high <= older.high
        and (newer.low, newer.high) != (older.low, older.high)
    )


# Why two figures relate.  Proposals keep the short name; the words are written only
# for the proposals someone reads (thousands of proposals need not all be worded).
SAME, WORDED, COMPATIBLE, LATER, CANNOT_BOTH_HOLD, STILL_STANDING = (
    "same",
    "worded",
    "compatible",
    "later",
    "cannot both hold",
    "still standing",
)
REASONS = (SAME, WORDED, COMPATIBLE, LATER, CANNOT_BOTH_HOLD, STILL_STANDING)


def explain(reason: str, newer: Profile, older: Profile) -> str:
    """The reason in words: *newer* and *older* as :class:`Relating` has them."""
    head = f"both count {_counted(newer, older)} in similar words"
    if reason == SAME:
        return f"{head}: the same figure, {_show(newer)}"
    if reason == WORDED:
        return f"{head}: {_show(newer)} is worded as a newer estimate than {_show(older)}"
    if reason == COMPATIBLE:
        return f"{head}: {_show(older)} and {_show(newer)} are compatible"
    if reason == LATER:
        how = "event dates" if older.when_is_event and newer.when_is_event else "dates"
        return (
            f"{head}: {_show(newer)} ({newer.when}) is later than {_show(older)} "
            f"({older.when}) by their {how}"
        )
    if reason == STILL_STANDING:
        return (
            f"{head}: {_show(older)} ({older.when}) was still given on {newer.when}, when "
            f"{_show(newer)} was reported: they cannot both hold"
        )
    when = f" at the same time ({older.when})" if older.when else ""
    return f"{head}: {_show(older)} and {_show(newer)} cannot both hold{when}"
