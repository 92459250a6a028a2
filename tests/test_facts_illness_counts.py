"""Running counts of an outbreak of illness, and other counts told by what befell people:
who fell ill, who was taken into hospital and whose illness a test confirmed are three
quantities, each counted under any noun ("patients", "cases", "passengers") or none;
"fell ill" says nothing of a figure falling; "may have been aboard" is a guess about
what was, not a forecast; bodies recovered count the dead; survivors are the rescued."""

from __future__ import annotations

import datetime as dt
import uuid

from db.facts.profile import Profile, profile
from db.facts.relate import relate
from db.models import Relation

MONDAY = dt.datetime(2025, 6, 2, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2025, 6, 3, tzinfo=dt.UTC)
FRIDAY = dt.datetime(2025, 6, 6, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = MONDAY) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_the_ill_the_admitted_and_the_confirmed_are_three_counts() -> None:
    ill = p("Some 90 passengers on the cruise ship had fallen sick with vomiting")
    admitted = p("90 passengers were taken to hospital in Porto")
    confirmed = p("Tests confirmed norovirus in 90 passengers")
    assert (ill.unit, admitted.unit, confirmed.unit) == ("ill", "hospitalised", "confirmed")
    assert relate(ill, admitted) is None
    assert relate(admitted, confirmed) is None
    assert relate(ill, confirmed) is None


def test_a_count_of_the_ill_under_other_nouns_or_none() -> None:
    monday = p("health officials said 75 guests had reported symptoms")
    tuesday = p("the number who have become ill now stands at 140", TUESDAY)
    found = relate(monday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES
    assert found.newer is tuesday


def test_admissions_counted_as_patients_people_or_admissions() -> None:
    monday = p("18 patients had been admitted to hospital by Monday night")
    tuesday = p("26 people were in hospital on Tuesday", TUESDAY)
    found = relate(monday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES
    friday = p("The tally of hospital admissions was later put at 24", FRIDAY)
    later = relate(tuesday, friday)
    assert later is not None and later.relation is Relation.UPDATES and later.newer is friday


def test_confirmed_cases_against_confirmed_patients_on_one_day() -> None:
    board = p("Laboratory tests had confirmed cholera in 41 patients")
    clinic = p("the clinic's laboratory had confirmed 29 cases of cholera")
    found = relate(board, clinic)
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_fell_ill_is_not_a_fall() -> None:
    risen = p("The number of people who fell ill has risen to 300")
    assert risen.trend == 1
    other = p("doctors had treated 410 people with symptoms")
    found = relate(risen, other)
    # The same day, another source's higher figure: the words "has risen to" cannot
    # make 300 the newer figure over 410.
    assert found is not None and found.relation is Relation.CONTRADICTS
    stands = p("The count of people who fell ill now stands at 520", FRIDAY)
    assert not stands.update_cue and stands.trend == 0


def test_revised_down_is_a_fall() -> None:
    assert p("The count of hospital admissions has been revised down to 30").trend == -1


def test_may_have_been_is_not_a_forecast() -> None:
    guess = p("up to 300 people may have been aboard the ferry")
    assert not guess.forecast
    assert p("up to 300 people may board the ferry on Friday").forecast
    counted = p("the operator now says 320 people were aboard the ferry", TUESDAY)
    found = relate(guess, counted)
    assert found is not None and found.relation is Relation.UPDATES


def test_bodies_recovered_count_the_dead() -> None:
    bodies = p("Divers had recovered 23 bodies by Monday evening")
    assert (bodies.unit, bodies.predicate) == ("killed", "casualty")
    toll = p("the death toll from the collapse stood at 30", TUESDAY)
    found = relate(bodies, toll)
    assert found is not None and found.relation is Relation.UPDATES
    assert p("Twelve government bodies signed the letter").predicate != "casualty"


def test_survivors_are_the_rescued() -> None:
    survived = p("150 people survived the capsizing")
    assert survived.unit == "rescued"
    found = relate(survived, p("150 people had been pulled from the water alive"))
    assert found is not None and found.relation is Relation.SAME


def test_words_of_illness_only_where_they_tell_of_illness() -> None:
    # "Confirmed" as a reporting verb, admissions to a university, "ill-equipped".
    reported = p("Officials confirmed 1,500 troops arrived in the region")
    assert reported.predicate == "" and reported.unit == "troops"
    plain = relate(reported, p("1,500 troops arrived in the region"))
    assert plain is not None and plain.relation is Relation.SAME
    assert p("University admissions rose to 4,000").predicate == ""
    assert p("the schools were ill-equipped for 300 pupils").predicate == ""


def test_people_given_care_are_one_count_however_worded() -> None:
    """Treated for an ailment, treated in hospital: one count of people given care, its
    own quantity beside the admitted; a later day's figure updates it."""
    monday = p("19 people had been treated for smoke inhalation")
    tuesday = p("The count of people treated in hospital for burns and smoke rose to 33", TUESDAY)
    assert (monday.unit, tuesday.unit) == ("treated", "treated")
    found = relate(monday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is tuesday
    admitted = p("33 people were admitted to hospital", TUESDAY)
    assert relate(tuesday, admitted) is None


def test_treated_as_or_treated_well_is_no_care() -> None:
    assert p("the 4 fires are being treated as arson").predicate == ""
    assert p("the 300 strikers said they were not treated fairly").predicate == ""


def test_a_figure_opening_its_quote_is_told_by_the_verb_just_before() -> None:
    lead = "Clinics across the district had treated "
    quote = "40 people for burns by Monday"
    first = profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, MONDAY, lead=lead)
    assert (first.predicate, first.unit) == ("treated", "treated")
    later = p("55 people have been treated for burns", FRIDAY)
    found = relate(first, later)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is later
    # a verb of another clause does not tell the figure
    said = "The clinics treated the wounded, and officials said "
    other = profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, MONDAY, lead=said)
    assert other.predicate == ""


def test_the_number_evacuated_naming_no_noun_counts_people() -> None:
    brigade = p("the brigade put the number evacuated at between 600 and 800")
    county = p("some 700 residents had been evacuated")
    assert brigade.unit == "people"
    found = relate(county, brigade)
    assert found is not None and found.relation is Relation.SUPPORTS


def test_an_amount_treated_is_no_count_of_people() -> None:
    water = p("3,000 litres of water were treated at the plant")
    assert water.unit == "litres"
    assert relate(water, p("3,000 people were treated for burns")) is None


def test_people_hurt_are_the_injured_and_hurting_a_trade_is_not() -> None:
    monday = p("19 people were injured when the stand gave way")
    tuesday = p("23 spectators were hurt, the stadium said", TUESDAY)
    assert tuesday.predicate == monday.predicate == "casualty"
    found = relate(monday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES
    assert found.newer is tuesday
    assert p("The closure hurt 23 shops on the high street").predicate != "casualty"


def test_a_count_noun_far_from_its_value_in_words() -> None:
    monday = p("Four people died when the river burst its banks")
    tuesday = p(
        "The number of people killed in the flooding along the Corran valley has risen to six",
        TUESDAY,
    )
    assert tuesday.value == 6.0
    found = relate(monday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is tuesday
    friday = p("The death toll from the flooding in the Corran valley now stands at seven", FRIDAY)
    assert friday.value == 7.0
    later = relate(tuesday, friday)
    assert later is not None and later.relation is Relation.UPDATES and later.newer is friday
