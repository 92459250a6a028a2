"""Events of a numbered series ("the first raid", "the second round of talks"), attacks
on a thing a name owns ("shelled Brenn's harbour"), and the start of a series of attacks
("the bombardment began"): read whatever the story, and dated to the day."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings, in_series
from db.facts.profile import Profile, profile

# A Wednesday, two days after Monday 6 May 2030.
MAY_8 = dt.datetime(2030, 5, 8, tzinfo=dt.UTC)
JUNE_20 = dt.datetime(2030, 6, 20, tzinfo=dt.UTC)


def _p(quote: str, published: dt.datetime = JUNE_20) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the second round of talks opened in Vell", {Happening("event", "round", "second")}),
        ("a third raid on the port", {Happening("event", "raid", "third")}),
        ("the first heavy barrage of the war", {Happening("event", "barrage", "")}),
        ("The initial landing came at dawn", {Happening("event", "landing", "")}),
        ("the first wave of refugees", set()),  # a wave of people: told by what befell them
        ("on the second night of raids", set()),  # a night, not a raid
        ("last week's raid", set()),
    ],
)
def test_an_ordinal_and_the_noun_of_a_series(text: str, found: set[Happening]) -> None:
    assert in_series(text) == found


def test_an_attack_on_what_a_name_owns() -> None:
    assert Happening("attack", "harbour", "") in happenings(
        _p("Torvia shelled Brenn's harbour on Sunday night", MAY_8)
    )


def test_sending_arms_against_a_thing_attacks_it() -> None:
    found = happenings(_p("Torvia sent its gunboats against the harbour on 2 May"))
    assert Happening("attack", "harbour", "") in found
    assert not any(h.kind == "deployment" for h in found)


def test_a_raid_dated_a_day_early_is_flagged() -> None:
    wrong = _p("the first raid hit the harbour on Saturday 4 May")
    right = _p("the first raid came on the night of 5 May")
    (found,) = date_conflicts([wrong, right])
    assert found.earlier is wrong and found.later is right
    assert "the first raid" in found.why


def test_a_raid_by_night_may_be_told_on_the_next_day() -> None:
    night = _p("the first raid came on the night of 4 May")
    morning = _p("the first raid hit the harbour early on 5 May")
    assert date_conflicts([night, morning]) == []


def test_raids_of_different_orders_are_different_events() -> None:
    second = _p("The second raid came on 11 May")
    third = _p("the third raid came on 18 May")
    assert date_conflicts([second, third]) == []


def test_the_start_of_a_bombardment_is_its_first_raid() -> None:
    began = _p("the bombardment began on 5 May 2029")
    first = _p("the first raid came on the night of 5 May")
    attack = _p("the first shells hit Brenn's harbour on 5 May")
    (one, two) = sorted(date_conflicts([began, first, attack]), key=lambda c: c.later.quote)
    assert {one.earlier.quote, two.earlier.quote} == {began.quote}
    # A later raid is not the start.
    second = _p("The second raid came on 12 May")
    assert date_conflicts([began, second]) == []


def test_the_start_of_a_war_is_not_the_first_raid_of_a_bombardment() -> None:
    war = _p("the war began on 5 May 2027")
    first = _p("the first raid came on the night of 5 May")
    assert date_conflicts([war, first]) == []
