"""Date conflicts for an event told of through a relative clause ("the tanker Norda Vik,
which sank on 2 March"), by a name without an article ("Mira Tallen, who was arrested
…") or with words of time after the verb ("capsized late on …"); and acts done on a day
(an arrest, a declaration) dated a day apart by two reports."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile

APRIL_2025 = dt.datetime(2025, 4, 20, tzinfo=dt.UTC)


def _p(quote: str, lead: str = "") -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, APRIL_2025, lead=lead)


def test_words_of_time_after_the_verb_are_no_object() -> None:
    tanker = _p("The Norda Vik capsized late on 2 March 2025")
    assert Happening("sinking", "vik", "") in happenings(tanker)
    ferry = _p("the ferry went down last Friday")
    assert Happening("sinking", "ferry", "") in happenings(ferry)


def test_a_relative_clause_dates_what_comes_before_it() -> None:
    named = _p("The Norda Vik capsized late on 2 March 2025")
    relative = _p("which sank on 2 April 2025", lead="Salvage crews reached the tanker Norda Vik, ")
    assert {Happening("sinking", "tanker", ""), Happening("sinking", "vik", "")} <= happenings(
        relative
    )
    (found,) = date_conflicts([named, relative])
    assert found.earlier is named and found.later is relative


def test_a_relative_clause_after_an_apposition() -> None:
    apposed = _p(
        "which sank on 2 April 2025",
        lead="Divers surveyed the hull of the Norda Vik, the coastal tanker ",
    )
    (found,) = date_conflicts([_p("the tanker went down on 2 March 2025"), apposed])
    assert found.later is apposed
    (again,) = date_conflicts([_p("The Norda Vik capsized on 2 March 2025"), apposed])
    assert again.later is apposed


def test_a_name_without_an_article_arrested_a_day_apart() -> None:
    one = _p("the treasurer, Mira Tallen, was arrested on 9 April 2025")
    other = _p("Mira Tallen, who was arrested on 10 April 2025")
    (found,) = date_conflicts([one, other])
    assert found.event == "the arrest of the tallen"
    assert "1 days apart" in found.why


def test_a_declaration_dated_a_day_apart_by_two_reports() -> None:
    one = _p("Officials declared an outbreak of cholera on 4 March 2025")
    other = _p("The ministry had declared the outbreak on 5 March 2025")
    assert happenings(other) == {Happening("announcement", "outbreak", "")}
    (found,) = date_conflicts([one, other])
    assert found.later is other


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The same day, in other words.
        (
            "An outbreak was declared on 4 March 2025",
            "the ministry declared the outbreak on 4 March 2025",
        ),
        # Who acted is not what befell: two arrests by one police force.
        (
            "Halden Police arrested 14 people on 2 May 2024",
            "Halden Police arrested 9 people on 3 June 2024",
        ),
        # What unfolds may be told a day apart: a sinking late at night.
        (
            "The Norda Vik sank late on 2 March 2025",
            "the tanker Norda Vik, which sank on 3 March 2025",
        ),
    ],
)
def test_not_flagged(a: str, b: str) -> None:
    assert date_conflicts([_p(a), _p(b)]) == []
