"""Counts told apart and matched by what was done to the counted thing, whatever the
story: things held by force (seized, impounded, taken, held, in custody) and let go
again (released, freed) as verb classes; any other verb by its stem ("turned back",
"are waiting"); people named by their place aboard or as members of a body; a figure
naming nothing counting what the figure before it in its sentence counted; a later span
whose bounds both moved updates the earlier one."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import DENIED, Profile, profile, read_quote
from db.facts.relate import doing, relate
from db.models import Relation

JUNE_2 = dt.datetime(2031, 6, 2, tzinfo=dt.UTC)
JUNE_9 = dt.datetime(2031, 6, 9, tzinfo=dt.UTC)


def _p(
    quote: str,
    published: dt.datetime = JUNE_2,
    article: uuid.UUID | None = None,
    around: str = "",
) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), None, published, around
    )


def _relation(a: Profile, b: Profile) -> Relation | None:
    found = relate(a, b)
    return None if found is None else found.relation


@pytest.mark.parametrize(
    "quote",
    [
        "the coastguard has impounded five fishing boats",
        "five fishing boats have been seized",
        "only three boats had been detained",
        "at least seven boats have been taken",
    ],
)
def test_things_held_by_force_share_one_class(quote: str) -> None:
    reading = read_quote(quote, "", None)
    boats = read_quote("12 boats", "", None).unit
    assert (reading.unit, reading.predicate) == (boats, "detained")


def test_the_number_of_things_confiscated_are_things_held_by_force() -> None:
    assert read_quote("The number of boats confiscated stands at 9", "", None).predicate == (
        "detained"
    )


def test_taken_somewhere_is_no_seizure() -> None:
    reading = read_quote("About 20 of the boats have been taken to the harbour at Olm", "", None)
    assert reading.predicate != "detained"


@pytest.mark.parametrize(
    "quote", ["62 fishermen have been released", "the rebels freed 62 hostages"]
)
def test_people_let_go_are_released(quote: str) -> None:
    assert read_quote(quote, "", None).predicate == "released"


def test_a_substance_released_is_still_spilled() -> None:
    assert read_quote("40 tonnes of brine were released", "", None).predicate == "spilled"


def test_seized_boats_and_boats_turned_back_are_different_counts() -> None:
    seized = _p("Coastguard cutters have seized six boats")
    turned = _p("Coastguard cutters have turned back 30 boats")
    assert _relation(seized, turned) is None


def test_the_same_verb_in_other_words_and_forms_still_matches() -> None:
    early = _p("Patrols have turned back 30 boats", JUNE_2)
    later = _p("up to 45 boats have been turned away", JUNE_9)
    assert _relation(early, later) is not None


def test_boats_waiting_are_not_boats_turned_back() -> None:
    waiting = _p("Some 70 boats are waiting outside the harbour", JUNE_2)
    turned = _p("Patrols have turned back 30 boats", JUNE_9)
    assert _relation(waiting, turned) is None


@pytest.mark.parametrize(
    ("verb", "kind"),
    [("deployed", "deployment"), ("sent", "deployment"), ("turning", "turn"), ("turned", "turn")],
)
def test_a_verb_is_told_by_its_kind_of_happening_else_its_stem(verb: str, kind: str) -> None:
    assert doing(verb) == kind


@pytest.mark.parametrize(
    "quote", ["the figures put the burned area at between 40 and 45", "seven battalions"]
)
def test_words_that_only_look_like_verbs_are_none(quote: str) -> None:
    assert read_quote(quote, "", None).verb == ""


def test_crew_members_and_seamen_are_one_count_of_people_aboard() -> None:
    early = _p("12 crew members are being held", JUNE_2)
    later = _p("19 seamen are now being held", JUNE_9)
    assert early.unit == later.unit
    assert _relation(later, early) is Relation.UPDATES


def test_a_crew_of_a_size_is_not_the_people_aboard() -> None:
    crew = read_quote("The trawler carried a crew of 14", "", None)
    aboard = read_quote("14 people were on board", "", None)
    assert crew.unit != aboard.unit


def test_a_bare_figure_counts_what_the_figure_before_it_counted() -> None:
    sentence = (
        "The union says 75 dockers have been detained, and an observer group counts at least 70."
    )
    bare = _p("an observer group counts at least 70", around=sentence)
    assert (bare.unit, bare.predicate) == ("dockers", "detained")


def test_people_freed_and_nothing_named_count_the_people_freed_before() -> None:
    sentence = "The ministry says it freed 50 soldiers; the union says only 38 have been freed."
    bare = _p("only 38 have been freed", around=sentence)
    whole = _p("it freed 50 soldiers")
    assert bare.unit == whole.unit == "troops"
    assert _relation(bare, whole) is Relation.CONTRADICTS


def test_a_later_span_whose_bounds_both_rose_updates_the_earlier() -> None:
    early = _p("between 200 and 250 dockers have been detained", JUNE_2)
    later = _p("at least 230 dockers have been detained", JUNE_9)
    found = relate(early, later)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is later


def test_a_wider_later_span_about_a_rounded_figure_supports_it() -> None:
    early = _p("about 200 dockers have been detained", JUNE_2)
    later = _p("up to 240 dockers have been detained", JUNE_9)
    assert _relation(early, later) is Relation.SUPPORTS


def test_none_at_all_named_in_the_singular_is_a_count_of_nought() -> None:
    reading = read_quote("No fisherman has been moved ashore", "", None)
    assert reading.value == 0.0 and reading.qualifier == DENIED


def test_none_at_all_disputes_a_part_said_the_same_day() -> None:
    part = _p("About 20 of the detained soldiers have been moved to a camp at Verro")
    none = _p("No soldier has been moved to a camp")
    assert part.subset and not none.subset
    assert _relation(part, none) is Relation.CONTRADICTS


def test_a_part_of_a_group_named_by_its_fate_is_told_by_its_own_verb() -> None:
    part = read_quote("About 20 of the detained soldiers have been moved to a camp", "", None)
    assert part.predicate != "detained"
    plain = read_quote("four of the detained soldiers are officers", "", None)
    assert plain.predicate == "detained"


def test_what_a_body_has_set_off_after_its_name_is_its_strength() -> None:
    has = _p("the coastguard, with some 40 boats of all sizes")
    turned = _p("Patrols have turned back 40 boats", JUNE_9)
    assert has.predicate == "strength"
    assert _relation(has, turned) is None


def test_a_part_of_them_is_told_by_what_befell_the_whole_in_its_sentence() -> None:
    sentence = "In all, 80 soldiers have now been released, 30 of them from the fort."
    part = _p("30 of them from the fort", around=sentence)
    assert (part.unit, part.predicate, part.subset) == ("troops", "released", True)
