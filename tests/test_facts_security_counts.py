"""Counts of a foreign force abroad: the captured are a count of their own, a force
planned in all is not the force there, "puts the force at" counts its troops, a force
somewhere is no standing army, a distance is no length held, and a rounded figure
against a bound is read by its own value."""

from __future__ import annotations

import datetime as dt
import uuid

from db.facts.profile import Profile, profile
from db.facts.relate import relate
from db.models import Relation

MAY_2 = dt.datetime(2031, 5, 2, tzinfo=dt.UTC)
MAY_9 = dt.datetime(2031, 5, 9, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = MAY_2) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_the_captured_are_a_count_of_their_own() -> None:
    taken = p("Rebel units have captured 12 Morvian soldiers near the ford")
    assert (taken.unit, taken.predicate) == ("troops", "captured")
    assert p("17 Morvian soldiers were taken prisoner near the ford").predicate == "captured"
    assert relate(taken, p("Morvia has sent about 3,000 soldiers to Kelland")) is None
    other = relate(taken, p("17 Morvian soldiers were taken prisoner near the ford"))
    assert other is not None and other.relation is Relation.CONTRADICTS


def test_a_force_planned_in_all_is_not_the_force_there() -> None:
    planned = p("Morvia intends to send 9,000 troops to Kelland in all")
    assert planned.forecast
    assert p("Morvia is planning to deploy 9,000 troops").forecast
    assert relate(planned, p("Morvia has sent 5,000 troops to Kelland")) is None
    alike = relate(planned, p("Morvia plans to send up to 10,000 troops to Kelland in all"))
    assert alike is not None and alike.relation is Relation.SUPPORTS


def test_a_force_put_at_a_figure_counts_its_troops() -> None:
    put = p("The agency now puts the Morvian force in Kelland at about 4,200", MAY_9)
    assert put.unit == "troops"
    assert p("the agency estimated the Morvian contingent at 4,200").unit == "troops"
    later = relate(put, p("About 3,000 Morvian soldiers are in Kelland, the agency said"))
    assert later is not None and later.relation is Relation.UPDATES
    assert later.newer is put


def test_a_force_somewhere_is_no_standing_army() -> None:
    assert p("Morvia has 300,000 troops, one of the region's largest armies").predicate == (
        "strength"
    )
    there = p("Morvia now has about 4,000 troops in Kelland, the agency said")
    assert there.predicate == ""
    assert p("Morvia has 900 soldiers stationed on the island").predicate == ""
    found = relate(there, p("Morvia has sent 4,000 troops to Kelland, the agency said"))
    # (Told "about" the same day, the same figure is that figure again.)
    assert found is not None and found.relation is Relation.SAME


def test_a_distance_is_no_length_held() -> None:
    away = p("the depot lies 25 kilometres behind the lines")
    assert away.unit == "kilometres away"
    assert p("the harbour is 8 miles north of the town").unit == "miles away"
    held = p("Morvian units hold a 25-kilometre stretch of the lines", MAY_9)
    assert held.unit == "kilometres"
    assert relate(away, held) is None
    longer = relate(held, p("Morvian units hold a 19-kilometre stretch of the lines"))
    assert longer is not None and longer.relation is Relation.UPDATES


def test_a_rounded_figure_against_a_bound_is_read_by_its_value() -> None:
    bound = p("At least 7,000 Morvian soldiers are now in Kelland, the deputy said")
    below = p("About 6,800 Morvian soldiers are now in Kelland, the agency said", MAY_9)
    later = relate(below, bound)
    assert later is not None and later.relation is Relation.UPDATES and later.newer is below
    same_day = relate(p("About 6,800 Morvian soldiers are now in Kelland, it said"), bound)
    assert same_day is not None and same_day.relation is Relation.CONTRADICTS
    within = relate(p("About 7,200 Morvian soldiers are now in Kelland, it said"), bound)
    assert within is not None and within.relation is Relation.SUPPORTS
    # Two bounds, or a range across a bound, still agree where they overlap.
    ranged = relate(p("between 6,000 and 8,000 Morvian soldiers are now in Kelland"), bound)
    assert ranged is not None and ranged.relation is Relation.SUPPORTS
