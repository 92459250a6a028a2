"""How news reports date a craft lost to sight and count those aboard it: a craft that
vanished or disappeared is one happening, however the craft is named (a jet named with
"a" in the lead, "flight 212" by its number, "the Merrow 300" by its maker's name and model
number); "the number of vessels" counts ships as "27 vessels" does; "passengers and crew"
are all the people aboard, and the names on a list are the people it names; a part cue
("trawlers among them") ends with its clause; taking part in an activity does it ("taking
part in the search" is searching); what an owner flies is its fleet, money in a fund is set
aside, not spent, and a place told by how many live there gives its population, each a count
of its own.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt

from marked_profile_support import marked_profile, relation

from db.facts.events import date_conflicts
from db.facts.happenings import happenings
from db.facts.profile import Profile
from db.models import Relation

SUNDAY = dt.datetime(2031, 3, 9, 9, tzinfo=dt.UTC)
MONDAY = dt.datetime(2031, 3, 10, 9, tzinfo=dt.UTC)
THURSDAY = dt.datetime(2031, 3, 13, 9, tzinfo=dt.UTC)
APRIL = dt.datetime(2031, 4, 20, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = MONDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def test_a_craft_that_vanished_is_one_happening_however_it_is_named() -> None:
    lead = claim(
        "A Marlow Air passenger jet bound for Tessel [vanished from radar late on Saturday] "
        "over the bay, an hour after take-off.",
        SUNDAY,
    )
    relative = claim("Families waited for news of [the jet that disappeared on Saturday night].")
    model = claim(
        "Divers searched for [the Marlow Air Merrow 300 that disappeared on 8 March].", THURSDAY
    )
    misdated = claim("When [flight 212 vanished from the radar on 8 February], few knew.", APRIL)
    for p in (lead, relative, model, misdated):
        assert {h.kind for h in happenings(p)} == {"disappearance"}
    found = {
        frozenset((c.later.claim_id, c.earlier.claim_id))
        for c in date_conflicts([lead, relative, model, misdated])
    }
    # The three that agree (Saturday 8 March) are not flagged against each other.
    assert found == {
        frozenset((lead.claim_id, misdated.claim_id)),
        frozenset((relative.claim_id, misdated.claim_id)),
        frozenset((model.claim_id, misdated.claim_id)),
    }


def test_near_misses_of_a_lost_craft() -> None:
    # A reactor labelled by a number is the reactor, not a craft by its model number.
    labelled = claim("[The Unit 4 reactor failed on 2 March], the operator said.")
    assert {h.thing for h in happenings(labelled)} == {"reactor"}
    # A jet that merely flew is no disappearance.
    flew = claim("[A Marlow Air jet landed in Tessel on Saturday], the airline said.")
    assert "disappearance" not in {h.kind for h in happenings(flew)}
    # Where a jet was bound is not what it was.
    bound = claim("[A cargo jet bound for Orlen vanished on Saturday] over the hills.", SUNDAY)
    assert {h.thing for h in happenings(bound)} == {"jet"}


def test_the_number_of_vessels_counts_ships() -> None:
    earlier = claim("[Some 31 vessels were searching the bay] by nightfall.", SUNDAY)
    cut = claim("The coast guard has [cut the number of vessels at sea to 12].", THURSDAY)
    assert cut.unit == earlier.unit == "ships"
    assert relation(cut, earlier) is Relation.UPDATES
    # Vehicles named so are no ships.
    trucks = claim("Police [cut the number of vehicles on the bridge to 12].", THURSDAY)
    assert trucks.unit != "ships"


def test_passengers_and_crew_are_all_the_people_aboard() -> None:
    both = claim("[212 passengers and crew were on the ferry], the operator said.", SUNDAY)
    later = claim("[There were 219 people on board], the ministry said.")
    assert both.unit == "people"
    assert relation(later, both) is Relation.UPDATES
    # Passengers alone are not all the people aboard.
    alone = claim("[212 passengers were on the ferry], the operator said.", SUNDAY)
    assert alone.unit != "people"
    assert relation(later, alone) is None


def test_the_names_on_a_list_are_the_people_it_names() -> None:
    listed = claim("The port authority's list [had at least 240 names on it].", SUNDAY)
    relisted = claim("[260 names were on the port authority's list].", SUNDAY)
    assert relisted.unit == "people"
    counted = claim("The operator said [212 passengers and crew had been on the ferry].", SUNDAY)
    assert listed.unit == "people"
    assert relation(listed, counted) is Relation.CONTRADICTS
    # Names on a petition, with no list of people aboard, are no count of people aboard.
    signed = claim("[The petition carries 219 names], its organisers said.", SUNDAY)
    assert signed.unit != "people"


def test_a_part_cue_ends_with_its_clause() -> None:
    told = claim(
        "The chief said twelve boats were out, trawlers among them, and that [eight "
        "aircraft were flying over the bay] in turns.",
        SUNDAY,
    )
    assert not told.subset
    later = claim("[The number of aircraft in the search has risen to 15].")
    assert relation(later, told) is Relation.UPDATES
    # A part cue in the quote's own clause still marks a part.
    part = claim("The chief said twelve boats were out, and [among them were eight trawlers].")
    assert part.subset


def test_taking_part_in_an_activity_does_it() -> None:
    taking = claim("The chief said [twelve boats were taking part in the search] by noon.", SUNDAY)
    searching = claim("[31 boats were now searching] the bay, officials said.")
    assert relation(searching, taking) is Relation.UPDATES
    # Boats taking part in a regatta are not searching.
    racing = claim("[31 boats were taking part in the regatta], its organisers said.")
    assert relation(racing, taking) is None


def test_what_an_owner_flies_is_its_fleet() -> None:
    fleet = claim("[Tessel Air, which flies 22 aircraft], said it was shaken.", SUNDAY)
    searching = claim("[Nine aircraft were flying over the bay], the coast guard said.", SUNDAY)
    assert fleet.predicate != searching.predicate
    assert relation(fleet, searching) is None
    # Aircraft that flew over the bay are no fleet.
    flew = claim("[22 aircraft flew over the bay] on Sunday, the coast guard said.", SUNDAY)
    assert relation(flew, searching) is Relation.CONTRADICTS


def test_money_in_a_fund_is_not_what_something_cost() -> None:
    fund = claim("The minister announced [a fund of 40 million dollars for the victims].")
    cost = claim("Officials said [the clean-up has cost about 40 million dollars so far].")
    assert relation(fund, cost) is None
    # Two accounts of the cost are one question.
    again = claim("Auditors said [the clean-up has cost about 70 million dollars so far].")
    assert relation(again, cost) is Relation.CONTRADICTS


def test_a_place_told_by_how_many_live_there_gives_its_population() -> None:
    town = claim("Crews gathered at [Orlen, a fishing town of about 6,000 people], by dawn.")
    aboard = claim("[There were 212 people on board], the operator said.")
    assert town.predicate == "population"
    assert relation(town, aboard) is None
    # A count of people told of in the town is no population.
    fled = claim("[About 6,000 people have left the town], officials said.")
    assert fled.predicate != "population"
