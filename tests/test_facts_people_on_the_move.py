"""How news reports count people on the move and what is asked for them: people who crossed
a border are counted under any of the words for it (crossed, came over, fled into another
country, arrived); those gone home, those waiting in line (or in a queue) and those living in
or housed at a place are counts of their own; money appealed for is not money given; what
comes "at a rate of" is named before it, and "7,500 a day" is per day, a rate given on a
later day replacing an earlier one; parts naming one class ("of them children") are one
group counted again; a part given as a lower bound is a part of a whole above it; troops at
the front are counted apart from those sent to a country; a figure dated to a span of days
is of the time of a figure dated within it; and a border opened is its crossing opened.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt
import uuid

from marked_profile_support import in_one_article, marked_profile, relation

from db.facts.events import date_conflicts
from db.facts.profile import Profile, period_of, profile, read_quote
from db.facts.proposals import _parts
from db.models import Relation

MONDAY = dt.datetime(2029, 5, 14, 9, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2029, 5, 15, 9, tzinfo=dt.UTC)
NEXT_WEEK = dt.datetime(2029, 5, 21, 9, tzinfo=dt.UTC)
JUNE = dt.datetime(2029, 6, 1, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = MONDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def dated(
    quote: str, published: dt.datetime, first: dt.date, last: dt.date | None = None
) -> Profile:
    """A claim whose event dates an analyst entered (*first* to *last*)."""
    return profile(
        uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), first, published, event_end=last
    )


def test_people_who_crossed_are_counted_under_any_word_for_it() -> None:
    guard = claim(
        "[Some 9,200 people had crossed at the Orvel checkpoint] by nightfall, the guard said."
    )
    agency = claim("The agency said [at least 15,000 people had come over], many on foot.")
    fled = claim(
        "[The agency now puts the number of people who have fled Ostria into Benmark at 31,750].",
        TUESDAY,
    )
    arrived = claim("[More than 70,000 people have arrived], the agency says.", NEXT_WEEK)
    for p in (guard, agency, fled, arrived):
        assert (p.unit, p.predicate) == ("people", "crossed"), p.quote
    assert relation(guard, agency) is Relation.CONTRADICTS
    assert relation(fled, guard) is Relation.UPDATES
    assert relation(fled, agency) is Relation.UPDATES
    assert relation(arrived, fled) is Relation.UPDATES


def test_near_misses_of_crossing() -> None:
    # Fleeing one's home is being displaced, not crossing a border.
    assert read_quote("4,000 people fled their homes in the valley", "", MONDAY).predicate == (
        "displaced"
    )
    # Troops that arrived were deployed; runners crossed a line; an index crossed a level.
    assert read_quote("The first 800 soldiers arrived on Sunday", "", MONDAY).predicate == ""
    assert read_quote("Some 600 runners crossed the finish line", "", MONDAY).predicate == ""
    assert read_quote("the index crossed 2,000 points", "", MONDAY).predicate == ""
    # People who arrived at a place were not counted crossing into the country.
    assert read_quote("300 people arrived at the stadium", "", MONDAY).predicate != "crossed"


def test_people_gone_home_are_a_count_of_their_own() -> None:
    back = claim("[About 12,000 refugees have already returned to Ostria], it says.", NEXT_WEEK)
    few = claim(
        "The agency says [fewer than five thousand have gone back], and warns of mines.",
        NEXT_WEEK,
    )
    home = claim("[Some 20,000 people have gone home], officials say.", JUNE)
    for p in (back, few, home):
        assert (p.unit, p.predicate) == ("people", "returned"), p.quote
    assert relation(back, few) is Relation.CONTRADICTS
    assert relation(home, back) is Relation.UPDATES
    assert relation(home, few) is Relation.UPDATES
    # Refugees who cannot go home have not gone home: the same number is another count.
    cannot = claim(
        "Benmark has [offered places for 12,000 refugees who cannot go home].", NEXT_WEEK
    )
    assert cannot.predicate != "returned"
    assert relation(cannot, back) is None


def test_people_waiting_in_line_or_in_a_queue() -> None:
    waiting = claim("[About 3,000 people were still waiting at the checkpoint] at dawn.")
    queue = claim("A charity [put the queue at some 11,000], stretching along the road.")
    assert (waiting.unit, waiting.predicate) == ("people", "waiting")
    assert (queue.unit, queue.predicate) == ("people", "waiting")
    assert relation(waiting, queue) is Relation.CONTRADICTS
    # Lorries waiting at the checkpoint are no people in line.
    lorries = claim("[Some 3,000 lorries are waiting at the checkpoint].")
    assert lorries.predicate == ""
    assert relation(lorries, waiting) is None


def test_people_housed_or_living_at_a_place() -> None:
    camp = claim("[The camp now houses about 8,000], its manager said.")
    assert (camp.unit, camp.predicate) == ("people", "sheltered")  # "houses" is no homes
    tents = claim("[14,000 people now live in tents at the camp], aid workers say.", NEXT_WEEK)
    assert (tents.unit, tents.predicate) == ("people", "sheltered")
    assert relation(tents, camp) is Relation.UPDATES
    # A town's residents are not the people its camp houses, however their numbers fall.
    town = claim("[The town has 8,000 residents] of its own.")
    assert relation(town, camp) is None
    # Houses counted are homes.
    assert read_quote("the flood damaged 400 houses", "", MONDAY).unit == "homes"


def test_money_appealed_for_is_not_money_given() -> None:
    appeal = claim("The agency launched [an appeal for 60 million euros] on Monday.")
    pledged = claim("The government said [it has pledged 60 million euros of its own].")
    raised = claim("[The agency has raised its appeal to 95 million euros].", NEXT_WEEK)
    assert appeal.predicate == raised.predicate == "asked"
    assert pledged.predicate == ""
    assert relation(appeal, pledged) is None
    assert relation(raised, pledged) is None
    assert relation(raised, appeal) is Relation.UPDATES


def test_what_comes_at_a_rate_and_rates_a_day() -> None:
    rate = claim(
        "[New arrivals were reaching the island at a rate of about 1,200 a day], police said."
    )
    assert (rate.unit, rate.period) == ("arrivals", "day")
    fallen = claim("[Arrivals have fallen to about 300 a day].", NEXT_WEEK)
    more = claim("[More than 1,000 arrivals a day] are being counted.", NEXT_WEEK)
    assert fallen.period == more.period == "day"
    assert relation(fallen, rate) is Relation.UPDATES
    # A rate of a later day, though within the earlier one's rounding, is a new rate.
    assert relation(more, rate) is Relation.UPDATES
    # Totals, not rates: the later bound agrees with the earlier figure.
    total = claim("[About 1,200 arrivals were counted] on the island.")
    bound = claim("[More than 1,000 arrivals were counted] on the island.", NEXT_WEEK)
    assert relation(bound, total) is Relation.SUPPORTS
    # "A day" after a figure is per day; a day later or a year ago is not.
    assert period_of("40 cases a week") == "week"
    assert period_of("12 died a day later") == ""
    assert period_of("5,000 a year ago") == ""


def test_parts_naming_one_class_are_that_group_counted_again() -> None:
    first = claim("About 9,000 people crossed on Monday, [about 4,000 of them children].")
    later = claim(
        "Some 30,000 people have crossed so far, [at least 11,000 of them children].", NEXT_WEEK
    )
    women = claim("Some 30,000 people have crossed so far, [some 900 of them women].", NEXT_WEEK)
    assert first.subset and later.subset
    assert relation(later, first) is Relation.UPDATES
    assert relation(women, first) is None  # another class is another group


def test_a_part_given_as_a_lower_bound_is_a_part_of_a_whole_above_it() -> None:
    text = "About 52,000 people crossed in May, {}."
    whole = claim("[About 52,000 people crossed in May], at least 20,000 of them children.", JUNE)
    part = claim(text.format("[at least 20,000 of them children]"), JUNE)
    above = claim(text.format("[at least 60,000 of them children]"), JUNE)
    assert not whole.forecast  # "May" capitalised is the month, not a guess
    found = {(a.quote, b.quote) for a, b in _parts(in_one_article(whole, part, above))}
    assert found == {(part.quote, whole.quote)}


def test_troops_at_the_front_are_counted_apart_from_those_in_the_country() -> None:
    inside = claim("[About 8,000 soldiers are in Ostria], officials said.")
    front = claim("[2,000 soldiers had been sent to the front line], a reporter wrote.", NEXT_WEEK)
    sent = claim("[2,000 soldiers had been sent to Ostria], a reporter wrote.", NEXT_WEEK)
    assert front.predicate == "front"
    assert relation(front, inside) is None
    assert relation(sent, inside) is Relation.UPDATES


def test_a_figure_dated_to_a_span_is_of_the_time_of_a_figure_within_it() -> None:
    published = dt.datetime(2029, 6, 4, 9, tzinfo=dt.UTC)
    week = dated("around 2,000 soldiers had reached Ostria", published, dt.date(2029, 5, 25),
                 dt.date(2029, 5, 31))  # fmt: skip
    within = dated("about 9,000 soldiers are now in Ostria", TUESDAY, dt.date(2029, 5, 27))
    after = dated("about 9,000 soldiers are now in Ostria", published, dt.date(2029, 6, 3))
    # Two accounts of the same time, not a newer count.
    assert relation(week, within) is Relation.CONTRADICTS
    # A figure dated after the span is later than it.
    assert relation(after, week) is Relation.UPDATES


def test_a_border_opened_is_its_crossing_opened() -> None:
    opened = claim("[The border was opened on 4 May], aid workers said.", NEXT_WEEK)
    crossing = claim(
        "[Ostria opened the Vell crossing on Friday], the ministry said.",
        dt.datetime(2029, 5, 7, 9, tzinfo=dt.UTC),
    )
    misdated = claim("[When Ostria opened the Vell crossing on 4 May 2028], few came.", JUNE)
    closed = claim("[The Vell crossing was closed on 24 May], the ministry said.", JUNE)
    found = {
        frozenset((c.later.claim_id, c.earlier.claim_id))
        for c in date_conflicts([opened, crossing, misdated, closed])
    }
    assert found == {
        frozenset((opened.claim_id, misdated.claim_id)),
        frozenset((crossing.claim_id, misdated.claim_id)),
    }
