"""Counts told by what befell people: workers of any trade who died count the dead,
people trapped or cut off are one quantity, people brought out alive are the rescued, and
a toll dated years before another is another incident's."""

from __future__ import annotations

import datetime as dt
import uuid

from db.facts.profile import profile
from db.facts.relate import relate
from db.facts.steps import direct_steps, pair_key
from db.models import Relation

MARCH = dt.datetime(2024, 3, 12, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = MARCH):  # type: ignore[no-untyped-def]
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_workers_who_died_count_the_dead() -> None:
    dockers = p("Six dockers drowned and three dockers died of their burns at the quay")
    assert dockers.unit == "killed"
    found = relate(dockers, p("the quay fire's death toll has now risen to eight"))
    assert found is not None and found.relation is Relation.UPDATES


def test_workers_not_dead_keep_their_noun() -> None:
    assert p("Six dockers were unloading the ferry at the quay").unit == "dockers"
    assert p("1,200 soldiers were killed in the offensive").unit == "troops"


def test_trapped_and_cut_off_are_one_question() -> None:
    trapped = p("31 climbers were trapped by the avalanche above the pass")
    assert trapped.predicate == "trapped"
    assert p("31 climbers were cut off above the pass").predicate == "trapped"
    assert relate(trapped, p("31 climbers were rescued above the pass")) is None


def test_brought_out_alive_counts_the_rescued() -> None:
    out = p("Teams brought 14 divers out alive from the flooded cave")
    assert out.predicate == "rescued"
    found = relate(out, p("14 divers were rescued from the flooded cave"))
    assert found is not None and found.relation is Relation.SAME


def test_a_toll_dated_years_earlier_is_another_incident() -> None:
    old = p("In 2009, 14 dockers were killed in a fire at the neighbouring quay")
    assert old.unit == "killed"
    assert relate(old, p("The quay fire's death toll stands at 14")) is None
    assert relate(old, p("In March 2009, 14 dockers were killed in a fire at the quay")) is not None


def test_people_counted_by_their_fate_under_any_noun_or_none() -> None:
    climbers = p("31 climbers were trapped by the avalanche above the pass")
    same = relate(climbers, p("the guides still put the number trapped at 31"))
    assert same is not None and same.relation is Relation.SAME
    other = relate(climbers, p("28 men had been cut off by the avalanche"))
    assert other is not None and other.relation is Relation.CONTRADICTS
    rescued = relate(
        p("bringing the number of climbers rescued alive to 40"),
        p("Teams have brought 25 hikers down alive since the avalanche"),
    )
    assert rescued is not None
    assert relate(climbers, p("31 climbers were rescued above the pass")) is None


def test_a_date_after_up_from_dates_the_replaced_figure() -> None:
    wednesday = dt.datetime(2024, 3, 13, tzinfo=dt.UTC)
    newer = p(
        "Guides now say 40 climbers were trapped, up from the 31 they gave on Monday", wednesday
    )
    assert newer.when == wednesday.date()


def test_a_figure_named_as_replaced_is_a_direct_step() -> None:
    monday = p("31 climbers were trapped above the pass", dt.datetime(2024, 3, 11, tzinfo=dt.UTC))
    tuesday = p("28 climbers were trapped above the pass", dt.datetime(2024, 3, 12, tzinfo=dt.UTC))
    wednesday = p(
        "Guides now say 40 climbers were trapped, up from the 31 first given",
        dt.datetime(2024, 3, 13, tzinfo=dt.UTC),
    )
    claims = (monday, tuesday, wednesday)
    found = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            r = relate(a, b)
            assert r is not None
            found[pair_key(a, b)] = r
    direct_steps(found)
    kept = found.get(pair_key(wednesday, monday))
    assert kept is not None and kept.relation is Relation.UPDATES
