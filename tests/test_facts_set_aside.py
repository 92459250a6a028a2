"""Money set aside (a fund, a budget) is a quantity of its own.

A fund told with whom it is for between ("a relief fund for the islanders of 15 million
dollars") holds what it names, as "a relief fund of 15 million dollars" does; a budget
("the road budget for next year is also 20 million dollars") is what may be spent.  Neither
answers the question of what was lost, paid or offered, however equal the figure."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import Profile, profile
from db.facts.relate import same_question

WHEN = dt.datetime(2036, 9, 2, 8, tzinfo=dt.UTC)


def p(quote: str) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, WHEN)


@pytest.mark.parametrize(
    ("set_aside", "other"),
    [
        (
            "a relief fund for the islanders of 15 million dollars",
            "the shipping firm raised its offer to 15 million dollars",
        ),
        (
            "the road budget for next year is also 20 million dollars",
            "the council put the farmers' losses at 20 million dollars",
        ),
        (
            "The museum's budget was 9 million dollars",
            "the storm caused 9 million dollars of damage",
        ),
    ],
)
def test_money_set_aside_is_not_what_was_lost_or_offered(set_aside: str, other: str) -> None:
    assert same_question(p(set_aside), p(other)) is None
    assert same_question(p(other), p(set_aside)) is None


def test_two_budgets_are_one_question() -> None:
    a = p("the road budget for next year is 20 million dollars")
    b = p("the road budget for next year is 24 million dollars")
    assert same_question(a, b) is not None
