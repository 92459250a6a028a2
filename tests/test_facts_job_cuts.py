"""Jobs a firm says it will cut are told in the future, yet the count is of cuts announced.

"1,800 jobs will go over three years", "the number of posts it will cut has risen to 2,100":
the figure is what was announced, not one expected later, so a new figure updates it.  Jobs
told as at risk or depending on something ("5,000 jobs at its suppliers are at risk") are
what may be lost, a quantity of its own beside the cuts."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import Profile, profile
from db.facts.relate import same_question

WHEN = dt.datetime(2037, 5, 4, 9, tzinfo=dt.UTC)


def p(quote: str) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, WHEN)


@pytest.mark.parametrize(
    "quote",
    [
        "about 1,800 jobs would go over the next three years",
        "Some 2,100 jobs will go at the Harlow works",
        "the brewer said it would shed 900 jobs by the end of next year",
        "around 650 posts will be cut",
    ],
)
def test_jobs_to_go_are_the_cuts_announced_not_a_forecast(quote: str) -> None:
    assert p(quote).forecast is False
    assert p(quote).unit == "jobs" or p(quote).unit == "posts"


def test_the_number_of_jobs_it_will_cut_counts_jobs() -> None:
    # A relative clause opened by its subject ("it will cut") is no part of the noun.
    told = p("the firm revised the number of jobs it will cut at the plant to 2,300")
    assert told.unit == "jobs"
    assert told.forecast is False


def test_a_raised_number_of_cuts_answers_the_first() -> None:
    first = p("about 1,800 jobs would go over the next three years")
    later = p("the firm revised the number of jobs it will cut to 2,300")
    assert same_question(first, later) is not None


@pytest.mark.parametrize(
    "at_stake",
    [
        "between four and five thousand jobs at suppliers are at risk",
        "At least 9,000 jobs in the region depend on the plant",
    ],
)
def test_jobs_at_risk_are_not_the_jobs_cut(at_stake: str) -> None:
    for cut in (p("Some 2,100 jobs will go at the Harlow works"), p("2,100 jobs were cut")):
        assert same_question(p(at_stake), cut) is None
        assert same_question(cut, p(at_stake)) is None


def test_a_forecast_of_other_things_stays_one() -> None:
    # Only jobs told as going are read as cuts: "sales will reach" is still a forecast.
    assert p("sales will reach 40,000 cars next year").forecast is True
