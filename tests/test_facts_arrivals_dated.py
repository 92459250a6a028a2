"""The coming of something, dated in the general words of news English: reaching a place by
name is arriving there; the first of something told of on a day over, into or in a place,
by whatever verb ("the first flocks darkened the sky over the delta…"), is its coming (not
what befell it there: "the first flocks roosted on Thursday"); a group named with
"the" that arrived ("the herds that arrived on 3 May", "since the herds arrived") arrived
once.  Reports dating one such coming a month apart disagree."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile

SATURDAY = dt.datetime(2035, 5, 5, 8, tzinfo=dt.UTC)  # Thursday is 3 May 2035
LATER = dt.datetime(2035, 5, 28, 8, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = SATURDAY) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


COMING = Happening("deployment", "flocks", "")


@pytest.mark.parametrize(
    "quote",
    [
        "The first flocks reached the Velm Delta on Thursday",
        "The first flocks reached Carrow on Thursday",
        "The first flocks blotted out the sun over the delta on 3 May",
        "the flocks that arrived on 3 May",
        "since the flocks arrived on Thursday",
    ],
)
def test_the_coming_of_the_first_or_of_the_group_is_one_event(quote: str) -> None:
    assert COMING in happenings(p(quote))


@pytest.mark.parametrize(
    "quote",
    [
        "the talks reached a deal on Thursday",
        "flocks arrived on Thursday",
        "more flocks arrived on Thursday",
        "The first flocks roosted on Thursday",
        "The first flocks reached the delta on Thursday, and more came on Friday",
    ],
)
def test_no_single_coming_of_the_flocks(quote: str) -> None:
    assert COMING not in happenings(p(quote))


def test_a_coming_dated_a_month_early_is_flagged() -> None:
    right = p("The first flocks reached the Velm Delta on Thursday")
    also = p("the flocks that arrived on 3 May", LATER)
    wrong = p("The first flocks blotted out the sun over the delta on 3 April", LATER)
    found = date_conflicts([right, also, wrong])
    assert {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found} == {
        frozenset((right.claim_id, wrong.claim_id)),
        frozenset((also.claim_id, wrong.claim_id)),
    }
