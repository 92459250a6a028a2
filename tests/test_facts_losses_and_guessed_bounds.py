"""Estimates of a loss in the general words of news English: a bound guessed now ("could
reach as many as", "may be as much as") and a loss expected from what has happened
("expects the catch to fall short by", "expects losses of") are estimates of the count, not
figures foretold; a shortfall, or an amount a supply falls short by, is an amount lost, as
is an amount told as lost a few words after its figure; and "a lower figure of" gives a
rival account of the count the sentence before gave."""

from __future__ import annotations

import datetime as dt

import pytest

from db.facts.profile import forecast_in, read_quote
from db.facts.spills import told_as_true
from db.models import Relation
from tests.facts_support import article_claims, proposed

TUESDAY = dt.datetime(2036, 9, 2, 9, tzinfo=dt.UTC)
FRIDAY = dt.datetime(2036, 9, 12, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "quote",
    [
        "the losses could reach as much as 300 tonnes",
        "the number of dead may be as many as 40",
        "expects the catch to fall short by 9,000 tonnes",
        "the insurers expect losses of 2 billion crowns",
    ],
)
def test_a_guessed_bound_or_an_expected_loss_is_no_forecast(quote: str) -> None:
    assert not forecast_in(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "the toll is expected to rise to 40",
        "the ministry plans to send up to 3,000 troops",
        "losses could reach as much as 300 tonnes by the end of the month",
    ],
)
def test_what_is_foretold_stays_a_forecast(quote: str) -> None:
    assert forecast_in(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "the shortfall may reach as much as 9,000 tonnes",
        "expects the catch to fall short by 9,000 tonnes",
        "some 7,000 tonnes of salted cod and herring had been lost",
    ],
)
def test_a_shortfall_is_an_amount_lost(quote: str) -> None:
    assert read_quote(quote, "", None).predicate == "spilled"


def test_a_lower_figure_of_is_a_rival_account() -> None:
    assert told_as_true("The co-operative gave ", "a lower figure of about 5,000 tonnes")
    assert not told_as_true("The co-operative sold ", "a lower grade of 5,000 tonnes")


def test_an_expected_loss_updates_the_losses_counted_before(ws) -> None:  # type: ignore[no-untyped-def]
    (counted,) = article_claims(
        ws,
        "The fishing board said some 7,000 tonnes of salted cod and herring had been lost.",
        TUESDAY,
        "some 7,000 tonnes of salted cod and herring had been lost",
    )
    expected, bound = article_claims(
        ws,
        "The board now expects the catch to fall short by 9,000 tonnes. The union says the "
        "shortfall could reach as much as 12,000 tonnes.",
        FRIDAY,
        "expects the catch to fall short by 9,000 tonnes",
        "the shortfall could reach as much as 12,000 tonnes",
    )
    links = proposed(ws)
    assert links.get(frozenset((counted, expected))) is Relation.UPDATES
    assert links.get(frozenset((expected, bound))) is Relation.SUPPORTS
