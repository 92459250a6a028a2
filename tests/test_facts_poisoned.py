"""People treated for a poisoning are the people poisoned.

"38 people were treated for food poisoning" and "at least 50 people have been poisoned"
count the same people: the first figure is updated or contradicted by the second, not a
count of something else."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import Profile, profile
from db.facts.relate import same_question

WHEN = dt.datetime(2038, 2, 10, 7, tzinfo=dt.UTC)


def p(quote: str) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, WHEN)


@pytest.mark.parametrize(
    "treated",
    [
        "38 people were treated for food poisoning",
        "Doctors at the clinic treated 38 people for lead poisoning",
        "38 pupils had been treated in hospital for suspected gas poisoning",
    ],
)
def test_treated_for_a_poisoning_counts_the_poisoned(treated: str) -> None:
    poisoned = p("At least 50 people have been poisoned")
    assert p(treated).predicate == poisoned.predicate
    assert same_question(p(treated), poisoned) is not None


def test_treated_for_an_injury_stays_treated() -> None:
    # Only a poisoning names those it befell: "treated for burns" counts the treated.
    assert p("38 people were treated for burns").predicate == "treated"
