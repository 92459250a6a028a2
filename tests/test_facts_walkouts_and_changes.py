"""How news reports count a stoppage of work and tell a change: workers who walked out,
stayed away from work or joined a strike are counted as a crowd is (by those who called
them out and by those they stopped working for), workers and employees being people; the
counted thing of "the number of … taking part" is the noun before the participle; a figure
told as how much something went up or down ("rose by 5 per cent") is the change, not a level
or any other amount sharing its figure; a giver's "own" estimate revised disputes another
account its article gives the same day; an event named with "a" whose relative clause tells
that it began is the one its story tells of; a part may be rounded ("some 300,000 of
them"); and an auxiliary after "of its staff" is no part of the noun."""

from __future__ import annotations

import datetime as dt
import uuid

from marked_profile_support import in_one_article, marked_profile, relation

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, read_quote
from db.models import Relation

MONDAY = dt.datetime(2029, 3, 12, 9, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2029, 3, 13, 9, tzinfo=dt.UTC)
NEXT_WEEK = dt.datetime(2029, 3, 20, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = MONDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def test_workers_who_stopped_work_are_counted_as_a_crowd_by_either_side() -> None:
    union = claim("The dockers' union said [more than 9,000 of its members walked out] at dawn.")
    port = claim("[Some 3,500 employees had joined the strike], the port authority said.")
    later_port = claim(
        "[The port authority now puts the number of workers taking part in the dispute at"
        " 4,800], a spokesman said.",
        TUESDAY,
    )
    later_union = claim(
        "The union said [12,000 of its members had stayed away from work] on Tuesday.", TUESDAY
    )
    for p in (union, port, later_port, later_union):
        assert (p.unit, p.predicate) == ("people", "attended"), p.quote
    assert relation(port, union) is Relation.CONTRADICTS
    assert relation(later_port, union) is Relation.UPDATES
    assert relation(later_port, port) is Relation.UPDATES
    assert relation(later_union, port) is Relation.UPDATES
    assert relation(later_union, later_port) is Relation.CONTRADICTS


def test_a_workforce_is_not_the_count_of_those_who_stopped_work() -> None:
    staff = claim("[The port, which employs about 4,800 people], stayed shut.", TUESDAY)
    striking = claim(
        "[The port authority now puts the number of workers taking part in the dispute at 4,800].",
        TUESDAY,
    )
    assert relation(staff, striking) is None
    # Walking out of a place is no walkout.
    out_of = read_quote("12 miners walked out of the pit unhurt", "", MONDAY)
    assert out_of.predicate != "attended"


def test_the_number_of_a_thing_named_before_a_participle() -> None:
    waiting = read_quote(
        "the number of passengers waiting at the terminal has risen to 800", "", MONDAY
    )
    assert waiting.unit == "passengers"


def test_a_change_by_an_amount_is_not_a_level_nor_another_amount() -> None:
    fares = claim("[Fares rose by 5 per cent] over the year, the regulator says.")
    offer = claim("[The operator has offered 5 per cent], union leaders said.")
    assert fares.increment and not offer.increment
    assert relation(fares, offer) is None
    raised = claim("[The operator raised its offer to 7 per cent] on Tuesday.", NEXT_WEEK)
    assert relation(raised, offer) is Relation.UPDATES
    assert relation(raised, fares) is None
    # A level gone up to is no change by an amount.
    assert not read_quote("inflation has risen to 5 per cent", "", MONDAY).increment


def test_a_givers_own_estimate_revised_disputes_the_account_before_it() -> None:
    treasury, own = in_one_article(
        claim("[The treasury now puts the damage at about 80 million crowns] a week.", NEXT_WEEK),
        claim(
            "The insurers, however, [have revised their own estimate down to between 90 million"
            " and 100 million crowns] a week.",
            NEXT_WEEK,
        ),
    )
    assert relation(own, treasury) is Relation.CONTRADICTS
    # Without "own", a figure worded as revised after another of its day in its article may
    # be the one it replaced.
    treasury, revised = in_one_article(
        claim("[The treasury now puts the damage at about 80 million crowns] a week.", NEXT_WEEK),
        claim(
            "Later [it revised the estimate down to between 90 million and 100 million crowns]"
            " a week.",
            NEXT_WEEK,
        ),
    )
    assert relation(revised, treasury) is Relation.UPDATES


def _pairs(found: list) -> set[frozenset[uuid.UUID]]:  # type: ignore[type-arg]
    return {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found}


def test_an_event_named_with_a_that_began_is_the_one_its_story_tells_of() -> None:
    begun = claim(
        "Ports stood idle on Tuesday, the second day of [a national strike of dock workers"
        " that began on Monday].",
        TUESDAY,
    )
    again = claim("[The strike, which began on 12 March], has emptied the quays.", NEXT_WEEK)
    misdated = claim("[The strike that began on 5 March] showed how fragile trade is.", NEXT_WEEK)
    assert Happening("attack", "strike", "") in happenings(begun)
    found = _pairs(date_conflicts([begun, again, misdated]))
    assert found == {
        frozenset((misdated.claim_id, begun.claim_id)),
        frozenset((misdated.claim_id, again.claim_id)),
    }
    # Named with "a" and not said to have begun, it may be one of several.
    assert not happenings(claim("[A strike of dock workers on Monday] closed the port.", TUESDAY))


def test_a_rounded_part_of_them_counts_what_its_whole_counts() -> None:
    # (The sentence gives another count first: the part is read against the whole just
    # before it, not against the sentence's first figure.)
    part = claim(
        "Some 4,000 trains were cut, and about 2 million passengers had journeys cancelled,"
        " [some 300,000 of them on night trains], the ministry said.",
        NEXT_WEEK,
    )
    assert part.subset and part.unit == "passengers"
    assert (part.low, part.high) == (270_000, 330_000)


def test_an_auxiliary_after_the_noun_of_a_part_is_no_part_of_the_noun() -> None:
    back = read_quote("about 600 of its drivers have returned to work", "", MONDAY)
    assert back.unit == "drivers"
    rival = claim(
        "The company says about 600 of its drivers have returned to work; [the union puts"
        " the number at fewer than 150].",
        NEXT_WEEK,
    )
    assert rival.unit == "drivers"
