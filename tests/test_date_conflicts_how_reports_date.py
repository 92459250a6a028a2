"""How news reports date one event, and what they date that is not it.

An occurrence is dated by the words around it however a report words them: as where or
by what something else happened ("two workers died in the blast late on Tuesday",
"wrecked by the explosion on Friday 7 March"), owned by its day ("Tuesday night's
explosion"), in a relative clause ("the pavilion, whose roof caved in on …"), or through
what it did ("the blast killed four"); one thing named two ways, and an event named by
its kind alone ("the derailment", "the wagons left the rails"), is one.  Residents going
back home end an evacuation; a road reopening is a moment.

A date is not the occurrence's when it is when something was said ("investigators said
on Friday"), a bound ("had returned home by Saturday"), what is yet to happen ("is
expected to reopen on Friday"), a point the occurrence dates something else by ("on
Friday, three days after the blast"), or what was done in another clause ("a man hurt in
the blast was discharged on Friday", "residents who fled the blaze returned home on
Friday")."""

from __future__ import annotations

import datetime as dt

import pytest
from marked_profile_support import marked_profile

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile

WEDNESDAY = dt.datetime(2025, 3, 12, 8, tzinfo=dt.UTC)  # the blast: Tuesday 11 March
FRIDAY = dt.datetime(2025, 3, 14, 8, tzinfo=dt.UTC)
MONDAY = dt.datetime(2025, 3, 17, 8, tzinfo=dt.UTC)
BLAST = {Happening("event", "explosion", ""), Happening("explosion", "", "")}


def claim(marked: str, published: dt.datetime = FRIDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


RIGHT = "[The gas explosion at Brackenhurst Mill on Tuesday 11 March] killed four."


@pytest.mark.parametrize(
    "marked",
    [
        "The mill was [wrecked by the explosion on Friday 7 March], the owners said.",
        "Four workers [died in the blast late on Friday 7 March].",
        "Nine people [were injured in an explosion at about 10pm on 7 March].",
        "Families forced out by the blast [on 7 March] are staying with relatives.",
        "[Last Friday's explosion] tore the roof off the mill.",
        "[The blast killed four people on 7 March].",
        "Brackenhurst Mill, [where an explosion killed four people on 7 March], is shut.",
        "The mill, [which was hit by an explosion on Friday 7 March], will be pulled down.",
    ],
)
def test_an_occurrence_however_worded_is_dated(marked: str) -> None:
    wrong = claim(marked)
    assert BLAST & happenings(wrong)
    (found,) = date_conflicts([claim(RIGHT, WEDNESDAY), wrong])
    assert found.earlier is wrong and "4 days apart" in found.why


def test_a_day_owning_its_explosion_and_relative_days_against_publication() -> None:
    last_night = claim("[Last night's explosion] shook the whole valley.", WEDNESDAY)
    assert BLAST <= happenings(last_night)
    assert last_night.event_first == dt.date(2025, 3, 11)
    late = claim("The mill was [destroyed in an explosion late on Tuesday].", FRIDAY)
    assert date_conflicts([last_night, late]) == []
    # "On Friday" in Monday's paper is the Friday before it, three days off the blast.
    friday = claim("Four men [were killed in the explosion on Friday].", MONDAY)
    assert friday.event_first == dt.date(2025, 3, 14)
    (found,) = date_conflicts([last_night, late, friday])[:1]
    assert found.later is friday


@pytest.mark.parametrize(
    "marked",
    [
        "[A man hurt in the blast was discharged from hospital on Friday].",
        "[The blast was caused by a faulty boiler, investigators said on Friday].",
        "[On Friday, three days after the explosion], the owners spoke to staff.",
        "[The inquiry into the explosion opened on Friday].",
        "[Engineers were sent to the blast site on Friday].",
        "[The cause of the explosion was found on Friday].",
        "[Workers who fled the explosion went back to the canteen on Friday].",
        "[Monday's explosion] was the worst in the valley, the fire service said on Friday.",
    ],
)
def test_what_the_date_of_other_words_dates_is_not_the_occurrence(marked: str) -> None:
    other = claim(marked)
    assert date_conflicts([claim(RIGHT, WEDNESDAY), other]) == []


def test_a_roof_named_by_its_building_and_a_relative_clause_with_whose() -> None:
    whose = claim("The pavilion, [whose roof caved in on Saturday 1 March], is shut.", MONDAY)
    assert Happening("failure", "roof", "") in happenings(whose)
    both = claim("[The roof of the pavilion gave way on 8 March].", MONDAY)
    (found,) = date_conflicts([whose, both])
    assert found.earlier is whose
    # "The collapse" is the failure of the roof of the pavilion, named two ways.
    bare = claim("[The collapse on Saturday 1 March] injured eleven spectators.", MONDAY)
    pavilion = claim("[The pavilion roof collapsed on 8 March].", MONDAY)
    named = claim("[The roof of the pavilion fell in on 8 March].", MONDAY)
    found_all = date_conflicts([bare, pavilion, named])
    assert {c.earlier.claim_id for c in found_all} == {bare.claim_id}
    assert len(found_all) == 2


def test_an_event_named_by_its_kind_alone_is_one_event() -> None:
    derailment = claim("[The derailment on 2 March] spilled oil into the canal.")
    wagons = claim("Nine tank wagons [left the rails on 9 March], the operator said.")
    assert Happening("crash", "", "") in happenings(wagons)
    (found,) = date_conflicts([derailment, wagons])
    assert found.earlier is derailment


def test_a_minibus_overturning_and_an_aircraft_coming_down_crash() -> None:
    minibus = claim("[A minibus carrying 14 walkers overturned on the pass on 2 March].")
    assert Happening("crash", "minibus", "") in happenings(minibus)
    plane = claim("[The light aircraft came down in a field on 2 March].")
    assert Happening("crash", "aircraft", "") in happenings(plane)


def test_residents_going_back_home_end_the_evacuation() -> None:
    lifted = claim("[The evacuation order was lifted on Wednesday 12 March].", MONDAY)
    went = claim("Families in Orchard Row [returned home on Thursday 13 March].", MONDAY)
    assert Happening("end", "evacuation", "") in happenings(went)
    assert date_conflicts([lifted, went]) == []  # going back over the day after
    late = claim("Tenants of the mill cottages [went back to their homes on 16 March].")
    (found,) = date_conflicts([lifted, late])
    assert found.later is late
    discharged = claim("[The injured foreman returned home from hospital on 16 March].")
    assert happenings(discharged) == set()
    crews = claim("[The fire crews returned home on 16 March].")
    assert happenings(crews) == set()
    by = claim("Of the 90 people moved out, [70 had returned home by 16 March].")
    assert date_conflicts([lifted, by]) == []


def test_a_reopening_is_a_moment_and_what_is_expected_is_not_dated() -> None:
    one = claim("[The Brackenhurst road reopened on 3 March].")
    other = claim("[The Brackenhurst road was reopened on Sunday 9 March].")
    assert Happening("reopening", "road", "") in happenings(one)
    (found,) = date_conflicts([one, other])
    assert found.later is other
    expected = claim("[The Brackenhurst road is expected to reopen on 9 March].")
    will = claim("[The evacuation order will be lifted on 20 March].")
    lifted = claim("[The evacuation order was lifted on 12 March].")
    assert date_conflicts([one, expected]) == []
    assert date_conflicts([lifted, will]) == []


def test_a_search_called_off_is_its_end() -> None:
    called = claim("[The search of the mill was called off on Saturday 8 March].", MONDAY)
    assert Happening("end", "search", "") in happenings(called)
    stood = claim("Rescue teams [were stood down on 8 March].", MONDAY)
    assert not any(h.kind == "announcement" for h in happenings(stood))


def test_a_building_catching_fire_is_the_fire_breaking_out() -> None:
    caught = claim("[The boathouse caught fire late on Sunday 2 March].", MONDAY)
    assert Happening("event", "fire", "") in happenings(caught)
    flames = claim("[The boathouse went up in flames on Sunday 9 March].", MONDAY)
    broke = claim("[A fire broke out at the boathouse on Sunday 9 March].", MONDAY)
    found = date_conflicts([caught, flames, broke])
    assert {(c.earlier.claim_id, c.later.claim_id) for c in found} == {
        (caught.claim_id, flames.claim_id),
        (caught.claim_id, broke.claim_id),
    }


def test_the_accident_or_the_disaster_is_the_one_occurrence_told_of() -> None:
    accident = claim("[The accident on 2 March] closed the pass for a day.", MONDAY)
    crashed = claim("[The minibus crashed on the pass on Sunday 9 March].", MONDAY)
    disaster = claim("Eleven walkers [died in the disaster on 9 March].", MONDAY)
    found = date_conflicts([accident, crashed, disaster])
    assert {c.earlier.claim_id for c in found} == {accident.claim_id} and len(found) == 2
    # Of an explosion and a collapse never told together, it may be either.
    blast = claim("[The explosion on 9 March] shook the street.", MONDAY)
    roof = claim("[The roof of the depot fell in on 9 March].", MONDAY)
    assert date_conflicts([accident, blast, roof]) == []


@pytest.mark.parametrize(
    ("quote", "happening"),
    [
        ("the goods train left the tracks on 9 March", Happening("crash", "train", "")),
        ("the gantry crashed down on 9 March", Happening("failure", "gantry", "")),
        ("the Wendle burst its banks on 9 March", Happening("flooding", "wendle", "")),
        ("the inferno on 9 March", Happening("event", "fire", "")),
        ("the crush at the turnstiles on 9 March", Happening("event", "crush", "")),
    ],
)
def test_more_words_for_one_happening(quote: str, happening: Happening) -> None:
    assert happening in happenings(claim(f"[{quote}]."))


def test_a_weekday_of_last_week_against_the_papers_date() -> None:
    # Monday 17 March's paper: "on Tuesday of last week" is 11 March, not 18 March.
    last_week = claim("[The blast on Tuesday of last week] broke windows.", MONDAY)
    assert last_week.event_first == dt.date(2025, 3, 11)
    night = claim("[The explosion on Tuesday night last week] shook the mill.", MONDAY)
    assert night.event_first == dt.date(2025, 3, 11)
    assert date_conflicts([claim(RIGHT, WEDNESDAY), last_week, night]) == []
