"""Counts read by their counted noun and its verb, whatever the story: "the number of
bridges struck since …", "about 30 of the rockets that …", a part given as "90 of them"
after its whole in the sentence, a count denied outright ("not a single rocket"), a
figure still standing beside a changed one, and a later span that only meets an earlier
one at its edge."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import DENIED, Profile, profile, read_quote
from db.facts.relate import relate
from db.models import Relation

MAY_3 = dt.datetime(2030, 5, 3, tzinfo=dt.UTC)
MAY_10 = dt.datetime(2030, 5, 10, tzinfo=dt.UTC)


def _p(
    quote: str, published: dt.datetime = MAY_3, article: uuid.UUID | None = None, **kw: str
) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), None, published, **kw
    )


def _relation(a: Profile, b: Profile) -> Relation | None:
    found = relate(a, b)
    return None if found is None else found.relation


@pytest.mark.parametrize(
    ("quote", "unit"),
    [
        ("The number of bridges struck since the offensive began has risen to 12", "bridges"),
        ("the number of ferries lost during the storm has reached nine", "ferries"),
        ("The number of pylons brought down so far stands at 40", "pylons"),
    ],
)
def test_the_number_of_a_thing_and_an_irregular_verb(quote: str, unit: str) -> None:
    assert read_quote(quote, "", None).unit == unit


def test_a_count_of_bridges_struck_updates_the_earlier_one() -> None:
    early = _p("Seven bridges were struck", MAY_3)
    later = _p("The number of bridges struck since the offensive began has risen to 12", MAY_10)
    found = relate(early, later)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is later


def test_a_part_named_after_of_the() -> None:
    reading = read_quote(
        "about 30 of the rockets that hit the port were fired from Tessin", "", None
    )
    assert (reading.value, reading.unit, reading.subset) == (30.0, "rockets", True)


def test_a_part_of_them_reads_its_whole_in_the_sentence() -> None:
    sentence = (
        "The navy has fired more than 300 shells at the coast, the ministry says, "
        "90 of them on the first day."
    )
    quote = "90 of them on the first day"
    part = _p(quote, lead="the ministry says, ", around=sentence)
    assert (part.unit, part.subset) == ("shells", True)


@pytest.mark.parametrize(
    ("quote", "unit"),
    [
        ("Not a single rocket was fired from Tessin", "rockets"),
        ("not one patient died", "killed"),
        ("none of the ferries sailed on Monday", "ferries"),
    ],
)
def test_a_count_denied_outright_is_nought(quote: str, unit: str) -> None:
    reading = read_quote(quote, "", None)
    assert (reading.value, reading.qualifier, reading.unit) == (0.0, DENIED, unit)


def test_not_one_of_them_is_no_denial_of_a_count() -> None:
    assert read_quote("not one of them answered", "", None).value is None


def test_a_denial_disputes_a_part_given_the_same_day_only() -> None:
    article = uuid.uuid4()
    told = _p("about 30 of the rockets that hit the port were fired from Tessin", article=article)
    denied = _p("Not a single rocket was fired from Tessin", article=article)
    assert denied.subset and _relation(told, denied) is Relation.CONTRADICTS
    later = _p("Not a single rocket was fired from Tessin", MAY_10)
    assert _relation(told, later) is None  # parts of different sizes on different days


def test_a_figure_still_standing_disputes_a_changed_one_of_the_same_day() -> None:
    article = uuid.uuid4()
    fell = _p("The number of homes without water has fallen to about 9,000", article=article)
    still = _p("More than 20,000 homes are still without water", article=article)
    assert _relation(fell, still) is Relation.CONTRADICTS
    # Without the word telling that it stands, the changed figure replaces it.
    given = _p("More than 20,000 homes were without water", article=article)
    assert _relation(fell, given) is Relation.UPDATES


def test_a_later_span_meeting_an_earlier_at_its_edge_updates_it() -> None:
    span = _p("between 40 and 50 people were treated for burns", MAY_3)
    bound = _p("at least 50 people were treated for burns", MAY_10)
    found = relate(span, bound)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is bound
    same_day = _p("at least 50 people were treated for burns", MAY_3)
    assert _relation(span, same_day) is Relation.SUPPORTS
