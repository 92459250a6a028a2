"""Events of street protest and its policing named in the general words of news English: a
measure put in force or lifted named with "a" ("imposed a curfew on the city", "declared a
state of emergency") is the measure the story tells of; a relative clause whose subject
acted ("a curfew that the government imposed on Sunday") dates what it acted on, not who
acted; and a run of occurrences begun or ended ("the protests began on Friday") dates
that start, so a report a month early is flagged against the others."""

from __future__ import annotations

import datetime as dt
import uuid

from marked_profile_support import marked_profile

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile

MONDAY = dt.datetime(2033, 4, 11, 9, tzinfo=dt.UTC)  # Sunday 10 April the day before
LATER = dt.datetime(2033, 5, 6, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = MONDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def _pairs(found: list) -> set[frozenset[uuid.UUID]]:  # type: ignore[type-arg]
    return {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found}


def test_a_measure_imposed_with_a_is_the_measure_started() -> None:
    told = claim("[The army imposed a curfew on the port city on Sunday], officials said.")
    assert Happening("start", "curfew", "") in happenings(told)
    assert not any(h.thing == "army" for h in happenings(told))


def test_a_relative_clause_dates_what_its_subject_acted_on() -> None:
    told = claim("Streets were empty after [a curfew that the council imposed on Sunday night].")
    assert happenings(told) == {Happening("start", "curfew", "")}


def test_a_relative_clause_whose_verb_has_its_own_object_names_no_antecedent() -> None:
    told = claim("It was [a week that the council imposed the curfew on Sunday] night.")
    assert Happening("start", "week", "") not in happenings(told)


def test_a_run_of_occurrences_begun_dates_its_start() -> None:
    told = claim("[The protests began on Friday], and have grown each day since.")
    assert happenings(told) == {Happening("start", "protest", "")}


def test_a_run_of_occurrences_told_otherwise_names_no_single_event() -> None:
    told = claim("Police said [the protests on Friday] were mostly peaceful.")
    assert not any(h.thing == "protest" for h in happenings(told))


def test_a_curfew_dated_a_month_early_conflicts_with_the_others() -> None:
    first = claim("Shops shut after [a curfew that the council imposed on Sunday night].")
    second = claim("Police patrolled under [the curfew imposed on 10 April], it said.")
    misdated = claim("When [the council imposed a curfew on the city on 10 March], few…", LATER)
    lifted = claim("[The curfew was lifted on 18 April], the council said.", LATER)
    found = _pairs(date_conflicts([first, second, misdated, lifted]))
    assert found == {
        frozenset((misdated.claim_id, first.claim_id)),
        frozenset((misdated.claim_id, second.claim_id)),
    }


def test_the_start_of_the_protests_is_not_the_curfew() -> None:
    began = claim("[The protests began on 8 April], weeks before the vote.", LATER)
    curfew = claim("Police patrolled under [the curfew imposed on 10 April], it said.")
    assert date_conflicts([began, curfew]) == []
