"""A running count whose counted thing is named before its figure ("the number of flights
cancelled has risen to 340", "cancelled flights now stand at 410") counts that thing, as
"210 flights were cancelled" does; a figure naming nothing stays unplaced."""

from __future__ import annotations

import datetime as dt
import uuid

from db.facts.profile import Profile, profile
from db.facts.relate import relate
from db.models import Relation

MONDAY = dt.datetime(2025, 2, 3, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2025, 2, 4, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = MONDAY) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_the_number_of_things_before_the_figure() -> None:
    monday = p("210 flights were cancelled at the airport")
    tuesday = p("The number of flights cancelled has risen to 340", TUESDAY)
    assert tuesday.unit == "flights"
    found = relate(monday, tuesday)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is tuesday


def test_the_subject_before_a_verb_of_change() -> None:
    assert p("Cancelled flights now stand at 410").unit == "flights"
    assert p("Reported burglaries rose to 77 in the district").unit == "burglaries"
    assert p("The tally of schools closed by the snow stood at 64").unit == "schools"


def test_a_figure_naming_nothing_stays_unplaced() -> None:
    assert p("the board put the number at 40").unit == ""
    assert p("it stood at 40 on Monday").unit == ""
