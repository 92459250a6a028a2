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


def _day(n: int) -> dt.datetime:
    return dt.datetime(2024, 3, n, 12, tzinfo=dt.UTC)


def test_evacuees_and_people_out_of_their_homes_are_the_displaced() -> None:
    counted = p("The count of evacuees stood at 3,100", _day(11))
    assert counted.predicate == "displaced" and counted.unit == "people"
    out = p("4,400 people are out of their homes", _day(13))
    assert out.predicate == "displaced"
    found = relate(counted, out)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is out
    # The homes they left are not what such a count counts.
    assert p("about 900 had fled their homes by the river", _day(11)).unit != "homes"


def test_houses_burned_down_and_homes_lost_are_one_count() -> None:
    burned = p("75 houses burned to the ground", _day(11))
    assert (burned.unit, burned.predicate) == ("homes", "destroyed")
    lost = p("the number of homes lost has climbed to 130", _day(14))
    assert (lost.unit, lost.predicate) == ("homes", "destroyed")
    found = relate(burned, lost)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is lost
    disputed = relate(burned, p("31 dwellings were destroyed", _day(11)))
    assert disputed is not None and disputed.relation is Relation.CONTRADICTS
    # Homes that met another fate are another count.
    assert relate(burned, p("75 houses were flooded", _day(12))) is None


def test_people_still_underground_are_the_trapped() -> None:
    below = p("about 20 cavers were still underground", _day(11))
    assert below.unit == "trapped"
    found = relate(below, p("23 cavers were trapped below the sump", _day(12)))
    assert found is not None and found.relation is Relation.UPDATES


def _all_related(*claims):  # type: ignore[no-untyped-def]
    found = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            r = relate(a, b)
            if r is not None:
                found[pair_key(a, b)] = r
    return found


def test_one_days_share_does_not_stand_between_two_running_totals() -> None:
    first = p("had flown 120 supply runs since the quake", _day(11))
    share = p("Helicopters flew 40 supply runs on Tuesday alone", _day(12))
    assert share.subset
    total = p("bringing the total to 260 supply runs since the quake", _day(13))
    found = _all_related(first, share, total)
    direct_steps(found)
    kept = found.get(pair_key(total, first))
    assert kept is not None and kept.relation is Relation.UPDATES


def test_a_later_figure_updates_every_claim_carrying_the_value_it_replaces() -> None:
    told = p("600 patients were treated at the field hospital", _day(11))
    other = p("900 patients were treated at the field hospital", _day(12))
    relayed = p("600 patients were treated at the field hospital", _day(13))
    newer = p("1,400 patients were treated at the field hospital", _day(15))
    found = _all_related(told, other, relayed, newer)
    direct_steps(found)
    # 1,400 replaces the 600 given last: both claims giving it, days apart, are updated …
    for older in (told, relayed):
        kept = found.get(pair_key(newer, older))
        assert kept is not None and kept.relation is Relation.UPDATES and kept.newer is newer
    # … not the 900, which the 600 given again stands between.
    assert pair_key(newer, other) not in found


def test_a_figure_of_an_event_named_by_its_year_is_another_events() -> None:
    old = p("the 2017 Harlow Moor blaze, which burned 5,300 hectares", _day(12))
    assert old.when is not None and old.when.year == 2017
    assert old.event_first is None  # the year names the blaze; it dates no event here
    assert (
        relate(old, p("satellite images put the burned area at 5,300 hectares", _day(12))) is None
    )
    # A year the quote counts, or the year of the report itself, names nothing else.
    assert p("the 2024 season's toll of 14 climbers", _day(12)).when == _day(12).date()


def test_a_count_as_it_stood_the_night_before_is_the_papers_news() -> None:
    # 12 March 2024 is a Tuesday: Monday night's count is Tuesday's paper's figure …
    night = p("31 climbers had been brought down alive by Monday night", _day(12))
    assert night.when == _day(12).date() and night.event_first == dt.date(2024, 3, 11)
    same_day = relate(night, p("the guides say 29 climbers were rescued alive", _day(12)))
    assert same_day is not None and same_day.relation is Relation.CONTRADICTS
    # … while a count of two days before is dated by its own words.
    older = p("31 climbers had been brought down alive by Sunday night", _day(12))
    assert older.when == dt.date(2024, 3, 10)


def test_a_later_figure_updates_a_range_allowing_the_value_it_replaced() -> None:
    span = p("between 30 and 36 cavers were trapped below the sump", _day(11))
    told = p("33 cavers were trapped below the sump", _day(11))
    again = p("the guides still put the number trapped at 33", _day(12))
    rival = p("38 cavers were trapped, the club said", _day(12))
    newer = p("40 cavers were trapped below the sump, officials now say", _day(13))
    found = _all_related(span, told, again, rival, newer)
    direct_steps(found)
    kept = found.get(pair_key(newer, span))
    assert kept is not None and kept.relation is Relation.UPDATES and kept.newer is newer
    # A repeat of the 33 given on the day of the range narrows nothing: it agrees.
    agrees = found.get(pair_key(again, span))
    assert agrees is not None and agrees.relation is Relation.SUPPORTS
    # An open bound allows any count, so a later one is not its direct step.
    floor = p("at least 25 cavers were trapped below the sump", _day(11))
    found = _all_related(floor, told, again, rival, newer)
    direct_steps(found)
    assert pair_key(newer, floor) not in found


def test_the_drowned_and_lives_lost_are_the_dead_and_survivors_the_rescued() -> None:
    drowned = p("at least 17 deckhands drowned", _day(11))
    assert drowned.unit == "killed"
    lost = p("the harbour master said 23 lives were lost", _day(12))
    assert lost.unit == "killed"
    found = relate(drowned, lost)
    assert found is not None and found.relation is Relation.UPDATES
    survivors = p("the number of survivors reached 140", _day(12))
    assert survivors.unit == "rescued"
    same = relate(survivors, p("140 people were rescued from the water", _day(12)))
    assert same is not None and same.relation is Relation.SAME


def test_those_among_the_dead_are_a_part_and_rescuers_are_not_the_rescued() -> None:
    toll = p("42 people died when the causeway flooded", _day(12))
    among = p("nine pupils were among the dead", _day(12))
    assert among.subset
    assert relate(toll, among) is None  # a part of the toll, not a rival count of it
    searching = p("400 rescuers are combing the shore", _day(12))
    assert searching.predicate != "rescued"
    assert p("120 rescue workers were sent to the causeway", _day(12)).predicate != "rescued"
    assert relate(searching, p("400 people were rescued from the causeway", _day(12))) is None
    assert p("the rescue of 40 motorists took most of the night", _day(12)).unit == "rescued"
