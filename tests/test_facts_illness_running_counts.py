"""Counts of an outbreak of illness in the general words of news English: people suspected
of having an illness (suspected, probable cases) as a count of their own; catching an
illness ("caught the virus", "contracted flu") as falling ill, not as an arrest; people
being treated now in a hospital as the patients in hospital; "another" or "more" beside a
count of another fate in the same sentence as a count of its own, not an added wave; "there
may be as many as" as a guess about now, not a forecast; and a later span or bound of a
running count of what befell people as a newer count than an exact figure of an earlier
day within it."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.facts.profile import Profile, profile, read_quote
from db.facts.proposals import _needs_sentence, conflicts, profiles
from db.facts.relate import relate
from db.models import Relation

SUNDAY = dt.datetime(2031, 9, 7, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2031, 9, 9, tzinfo=dt.UTC)
FRIDAY = dt.datetime(2031, 9, 12, tzinfo=dt.UTC)


def p(
    quote: str,
    published: dt.datetime = SUNDAY,
    *,
    around: str = "",
    lead: str = "",
    article: uuid.UUID | None = None,
) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), None, published, around,
        lead=lead,
    )  # fmt: skip


def _fate(quote: str) -> str:
    return read_quote(quote, "", None).predicate


@pytest.mark.parametrize(
    "quote",
    [
        "the clinic reports 27 suspected cases",
        "40 more cases are suspected in the hill villages",
        "a further 12 people are suspected of carrying the virus",
        "health officers listed 9 probable cases",
        "19 people are suspected of being infected",
    ],
)
def test_people_suspected_of_having_the_illness_are_a_count_of_their_own(quote: str) -> None:
    assert _fate(quote) == "suspected"


def test_the_suspected_are_not_the_confirmed_nor_the_ill() -> None:
    suspected = p("the clinic reports 27 suspected cases")
    confirmed = p("tests have confirmed 27 cases")
    ill = p("27 people have fallen ill")
    assert suspected.unit == "suspected"
    assert relate(suspected, confirmed) is None
    assert relate(suspected, ill) is None


def test_suspected_people_in_crime_news_keep_their_fate() -> None:
    assert _fate("police detained four suspected smugglers at the port") == "detained"
    assert _fate("three suspected gunmen were killed in the raid") == "casualty"
    assert _fate("12 men are suspected of having taken part in the theft") == ""


def test_a_later_count_of_the_suspected_updates_the_earlier() -> None:
    sunday = p("the clinic reports 27 suspected cases")
    tuesday = p("suspected cases now number 52, the district office said", TUESDAY)
    found = relate(sunday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is tuesday


@pytest.mark.parametrize(
    "quote",
    [
        "at least 14 porters have caught the virus",
        "nine teachers caught flu during the camp",
        "five volunteers contracted the disease",
        "six guards caught Harwell fever at the depot",
    ],
)
def test_catching_an_illness_is_falling_ill_not_an_arrest(quote: str) -> None:
    assert _fate(quote) == "ill"


def test_catching_people_is_still_an_arrest() -> None:
    assert _fate("police caught 14 poachers near the lake") == "detained"


def test_caught_the_illness_and_were_infected_are_one_count() -> None:
    infected = p("Eight porters have been infected, the agency said")
    caught = p("at least 14 porters have caught the virus, their union said")
    found = relate(infected, caught)
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_people_being_treated_now_in_a_hospital_are_the_patients_in_hospital() -> None:
    treated = p("32 patients are being treated", lead="In the town's only hospital, ")
    in_hospital = p("45 patients are now in hospital", TUESDAY)
    assert (treated.predicate, treated.unit) == ("hospitalised", "hospitalised")
    ward = p("28 patients were still being treated in the isolation ward on Sunday")
    assert ward.predicate == "hospitalised"
    found = relate(treated, in_hospital)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is in_hospital


def test_people_treated_once_or_treated_elsewhere_are_still_the_treated() -> None:
    once = p("32 people were treated in hospital for burns")
    elsewhere = p("32 people are being treated", lead="At a tent by the quay, ")
    assert once.predicate == "treated"
    assert elsewhere.predicate == "treated"


def test_another_beside_a_count_of_another_fate_is_a_count_of_its_own() -> None:
    sentence = (
        "Tests have confirmed 20 cases, and another 45 people are suspected of having the virus."
    )
    added = p("another 45 people are suspected of having the virus", around=sentence)
    assert not added.increment and added.unit == "suspected"
    later = p("the clinic now reports 70 suspected cases", TUESDAY)
    found = relate(added, later)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is later


def test_another_with_no_other_count_before_it_is_still_an_added_wave() -> None:
    alone = "Officers say another 45 people are suspected of having the virus."
    assert p("another 45 people are suspected of having the virus", around=alone).increment
    same_fate = "Police evacuated 300 people on Monday and another 200 were evacuated today."
    assert p("another 200 were evacuated today", around=same_fate).increment


def test_an_added_figure_with_a_fate_looks_at_its_sentence() -> None:
    assert _needs_sentence(p("another 45 people are suspected of having the virus"))
    assert not _needs_sentence(p("45 people are suspected of having the virus"))


def _claim_in(ws, body: str, quote: str, published: dt.datetime) -> uuid.UUID:  # type: ignore[no-untyped-def]
    article = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=published))
    start = body.index(quote)
    return claim_ops.create_claim(ws, article.id, start, start + len(quote)).id


def test_a_workspace_reads_another_count_beside_an_added_figure(ws) -> None:  # type: ignore[no-untyped-def]
    body = "Tests have confirmed 20 cases so far, and 45 more cases are suspected, officials said."
    added = _claim_in(ws, body, "45 more cases are suspected", SUNDAY)
    later = _claim_in(
        ws, "The district office now counts 70 suspected cases.", "70 suspected cases", TUESDAY
    )
    read = {q.claim_id: q for q in profiles(ws)}
    assert not read[added].increment and read[added].unit == "suspected"
    pairs = {(x.relation, x.from_claim.claim_id, x.to_claim.claim_id) for x in conflicts(ws)}
    assert (Relation.UPDATES, later, added) in pairs


def test_there_may_be_as_many_as_is_a_guess_about_now_not_a_forecast() -> None:
    guess = p("There may be as many as 90 suspected cases in the valley")
    assert not guess.forecast and guess.unit == "suspected"
    counted = p("the clinic reports 70 suspected cases")
    found = relate(guess, counted)
    assert found is not None and found.relation is Relation.SUPPORTS


@pytest.mark.parametrize(
    "quote",
    [
        "There could be as many as 900 cases by the end of October",
        "there may be 400 cases within a fortnight",
        "the toll could reach 60",
    ],
)
def test_a_guess_about_a_time_ahead_is_still_a_forecast(quote: str) -> None:
    assert read_quote(quote, "", None).forecast


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("31 people have died", "between 30 and 40 people have died"),
        ("27 porters are being held by the militia", "up to 35 porters are being held"),
        ("the clinic reports 27 suspected cases", "as many as 60 suspected cases"),
    ],
)
def test_a_later_span_of_a_running_count_of_people_updates_an_exact_figure_within_it(
    earlier: str, later: str
) -> None:
    old, new = p(earlier), p(later, FRIDAY)
    found = relate(old, new)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is new


def test_the_same_span_on_the_same_day_supports() -> None:
    exact = p("31 people have died")
    span = p("between 30 and 40 people have died")
    found = relate(exact, span)
    assert found is not None and found.relation is Relation.SUPPORTS


def test_a_later_span_of_things_befallen_at_one_moment_agrees_with_the_figure() -> None:
    exact = p("11 carriages left the track")
    span = p("up to 13 carriages may have left the track", FRIDAY)
    found = relate(exact, span)
    assert found is not None and found.relation is Relation.SUPPORTS
