"""Dates of a force's arrival by sea and of its first combat: coming ashore or stepping
off a ship is an arrival, and going into battle is one event only when it is the first,
whoever the fighters are told of as."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile

JUNE_2031 = dt.datetime(2031, 6, 20, tzinfo=dt.UTC)


def _p(quote: str) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, JUNE_2031)


@pytest.mark.parametrize(
    "quote",
    [
        "the first Morvian soldiers came ashore at Pellin on 3 May",
        "the first Morvian troops stepped off the transports at Pellin on 3 May",
        "the first Morvian soldiers disembarked at Pellin on 3 May",
    ],
)
def test_coming_ashore_is_the_first_arrival(quote: str) -> None:
    assert Happening("deployment", "troops", "") in happenings(_p(quote))


def test_an_arrival_by_sea_dated_a_month_off_is_flagged() -> None:
    ashore = _p("the first Morvian soldiers came ashore at Pellin on 3 May")
    landed = _p("the first Morvian troops landed at Pellin on 3 June")
    (found,) = date_conflicts([ashore, landed])
    assert found.earlier is ashore and found.later is landed


@pytest.mark.parametrize(
    "quote",
    [
        "the Morvians first went into battle near Ostrag on 10 May",
        "Morvian troops first saw combat near Ostrag on 10 May",
        "They first went into combat on 10 May",
    ],
)
def test_the_first_combat_is_one_event_of_the_troops(quote: str) -> None:
    assert happenings(_p(quote)) == {Happening("combat", "troops", "")}


def test_combat_not_marked_as_the_first_is_no_single_event() -> None:
    assert happenings(_p("Morvian troops went into battle near Ostrag on 12 May")) == set()


def test_a_first_combat_dated_a_year_off_is_flagged() -> None:
    right = _p("the Morvians first went into battle near Ostrag on 10 May")
    wrong = _p("Morvian troops first saw combat near Ostrag on 10 May 2030")
    (found,) = date_conflicts([right, wrong])
    assert found.earlier is wrong and found.later is right
    assert date_conflicts([right, _p("They first went into combat on 10 May 2031")]) == []
