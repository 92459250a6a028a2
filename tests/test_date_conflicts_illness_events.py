"""Events of an outbreak of illness named in the general words of news English: a case of
an illness confirmed, recorded or identified is found by a test, as one detected or
diagnosed is ("the first case was confirmed on 3 May"); catching an illness is no capture;
a place put under quarantine or behind a cordon is closed off, so a report that it was
sealed off dates that closing off too, while a border or a crossing closed is a closing of
its own."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from marked_profile_support import marked_profile

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings, kinds_in
from db.facts.profile import Profile

FRIDAY = dt.datetime(2032, 10, 8, 9, tzinfo=dt.UTC)  # Wednesday 6 October two days before
LATER = dt.datetime(2032, 10, 25, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = FRIDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def _pairs(found: list) -> set[frozenset[uuid.UUID]]:  # type: ignore[type-arg]
    return {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found}


@pytest.mark.parametrize(
    "words",
    [
        "the first case was confirmed",
        "the first infection was recorded in the port",
        "its first case of the disease had been identified",
        "laboratories confirmed the first case",
        "officials registered a new case",
    ],
)
def test_a_case_confirmed_or_recorded_is_found(words: str) -> None:
    assert "detection" in kinds_in(words)


def test_confirming_other_things_names_no_case_found() -> None:
    assert "detection" not in kinds_in("the minister confirmed the visit on Wednesday")


def test_a_count_of_cases_confirmed_names_no_one_case() -> None:
    assert happenings(claim("[40 cases have been confirmed since 6 October]")) == set()


def test_the_first_case_confirmed_dated_two_ways_conflicts() -> None:
    told = claim("[The first case was confirmed by the city laboratory on Wednesday], it said.")
    dated = claim("Crews have worked nights since [the first case was confirmed on 6 October].")
    misdated = claim("Ever since [the first case was confirmed on 6 September], staff...", LATER)
    assert Happening("detection", "case", "") in happenings(told)
    assert _pairs(date_conflicts([told, dated, misdated])) == {
        frozenset((misdated.claim_id, told.claim_id)),
        frozenset((misdated.claim_id, dated.claim_id)),
    }


@pytest.mark.parametrize(
    "words",
    ["twelve nurses caught the virus", "the porters contracted Harwell fever", "caught flu"],
)
def test_catching_an_illness_is_no_capture(words: str) -> None:
    assert "arrest" not in kinds_in(words)


def test_catching_a_person_is_still_a_capture() -> None:
    assert "arrest" in kinds_in("police caught the smuggler")


def test_a_place_sealed_off_dates_the_quarantine_imposed_on_it() -> None:
    sealed = claim("[Troops sealed off the port of Varna on Wednesday], officials said.")
    imposed = claim("Trade stopped when [the quarantine was imposed on Varna on 6 October].")
    misdated = claim("Life got hard once [the quarantine was imposed on 26 September].", LATER)
    assert _pairs(date_conflicts([sealed, imposed, misdated])) == {
        frozenset((misdated.claim_id, sealed.claim_id)),
        frozenset((misdated.claim_id, imposed.claim_id)),
    }


def test_a_place_cordoned_off_dates_the_cordon_put_round_it() -> None:
    cordoned = claim("[Police cordoned off the district on Wednesday] as the cases rose.")
    misdated = claim("Since [the cordon was imposed on the district on 26 September], ...", LATER)
    assert _pairs(date_conflicts([cordoned, misdated])) == {
        frozenset((misdated.claim_id, cordoned.claim_id))
    }


@pytest.mark.parametrize(
    "words",
    [
        "[Its neighbour closed its border with the republic on Wednesday], officials said.",
        "[The border was closed on Wednesday], drivers said.",
        "[Guards shut all nine crossings on Wednesday], drivers said.",
    ],
)
def test_a_border_closed_is_not_the_quarantine_of_a_place(words: str) -> None:
    border = claim(words)
    imposed = claim("Since [the quarantine was imposed on Varna on 26 September], ...", LATER)
    assert date_conflicts([border, imposed]) == []
