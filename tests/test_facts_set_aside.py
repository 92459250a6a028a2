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


@pytest.mark.parametrize(
    ("first", "raised"),
    [
        (
            "The council announced a 4 million tolar flood recovery fund",
            "The council has raised its flood recovery fund to 7 million tolars",
        ),
        (
            "Ministers approved a 2 billion marrek reconstruction fund",
            "Ministers lifted the reconstruction fund to 3 billion marreks",
        ),
    ],
)
def test_a_currency_before_what_the_sum_pays_for_is_its_unit(first: str, raised: str) -> None:
    # The currency named in the singular as a modifier is what the sum counts, as its plural
    # after the figure is: the fund first announced and the one it was raised to are one.
    assert p(first).unit == p(raised).unit
    assert same_question(p(first), p(raised)) is not None


def test_what_the_money_is_for_is_no_currency() -> None:
    # "a 2 million emergency fund": the word before the fund tells its purpose, not a unit.
    assert p("The city set up a 2 million emergency relief fund").unit != "emergencies"
