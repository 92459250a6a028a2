"""How figures of one count relate across days and outlets: the words against the
dates, a running total against plain counts, a later figure narrowing an earlier
bound, a figure still being given, and only the direct steps of a count's history."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.facts.profile import Profile, profile
from db.facts.proposals import propose_links
from db.facts.relate import relate
from db.models import Relation
from db.workspace import Workspace


def day(n: int) -> dt.datetime:
    return dt.datetime(2023, 4, n, 12, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_a_running_total_answers_the_same_question_as_a_plain_count() -> None:
    found = relate(
        p("more than 3,200 residents have left the valley", day(3)),
        p("in all, 4,800 residents have left the valley", day(6)),
    )
    assert found is not None and found.relation is Relation.UPDATES
    assert found.newer.quote.startswith("in all")
    # … but what one incident did is not the running total.
    blast = p("12 miners died in the blast", day(3))
    assert relate(blast, p("in all, 40 miners died", day(6))) is None
    assert relate(blast, p("so far, 40 miners have died", day(6))) is None
    # A count that says neither may be either: the blast's toll rising, or the total.
    later = relate(blast, p("40 miners died in the blast", day(6)))
    assert later is not None and later.relation is Relation.UPDATES
    plain = relate(blast, p("forty miners died, the mine's owner said", day(6)))
    assert plain is not None and plain.relation is Relation.UPDATES
    # The incident's total ("in all … in the blast") is that incident's count.
    total = relate(blast, p("in all, 40 miners died in the blast", day(6)))
    assert total is not None and total.relation is Relation.UPDATES


def test_the_same_day_now_is_no_sign_of_a_newer_figure() -> None:
    found = relate(
        p("1,100 strikers were out, the union said", day(8)),
        p("some 2,500 strikers have now walked out", day(8)),
    )
    assert found is not None and found.relation is Relation.CONTRADICTS
    # A word saying the figure changed still makes it the newer one that day.
    # (And a short English quote is read as English: "at least 1,300" is 1,300.)
    assert p("at least 1,300 people were moved", day(8)).value == 1300.0
    worded = relate(
        p("1,100 strikers were out, the union said", day(8)),
        p("the walkout has grown to 2,500 strikers", day(8)),
    )
    assert worded is not None and worded.relation is Relation.UPDATES
    assert "grown" in worded.newer.quote


def test_a_rise_replaces_only_a_smaller_figure() -> None:
    # "Rose to nine" replaces four; against another outlet's "at least 15" the same day
    # it is a disagreement, not a newer figure.
    rose = p("the toll from the mine blast has risen to nine", day(8))
    found = relate(rose, p("at least 15 people died in the mine blast", day(8)))
    assert found is not None and found.relation is Relation.CONTRADICTS
    found = relate(rose, p("four people died in the mine blast", day(8)))
    assert found is not None and found.relation is Relation.UPDATES and found.newer is rose
    fell = p("the number in the shelters fell to 200 people", day(8))
    found = relate(fell, p("350 people were in the shelters", day(8)))
    assert found is not None and found.relation is Relation.UPDATES and found.newer is fell
    found = relate(fell, p("150 people were in the shelters", day(8)))
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_the_dates_order_figures_before_the_words_do() -> None:
    early = p("the toll rose to five", day(2))
    late = p("the death toll stands at 11", day(5))
    found = relate(early, late)
    assert found is not None and found.relation is Relation.UPDATES
    assert found.newer is late and found.older is early


def test_a_later_figure_narrowing_an_earlier_bound_updates_it() -> None:
    found = relate(
        p("at least 300 homes were left without power", day(1)),
        p("420 homes were left without power", day(4)),
    )
    assert found is not None and found.relation is Relation.UPDATES
    # The same day, or a later figure as wide as the first, agrees with it.
    same_day = relate(
        p("at least 300 homes were left without power", day(1)),
        p("420 homes were left without power", day(1)),
    )
    assert same_day is not None and same_day.relation is Relation.SUPPORTS
    wider = relate(
        p("420 homes were left without power", day(1)),
        p("up to 500 homes were left without power", day(4)),
    )
    assert wider is not None and wider.relation is Relation.SUPPORTS


def _story(ws: Workspace, lines: list[tuple[str, int]]) -> list[uuid.UUID]:
    ids = []
    for quote, n in lines:
        body = f"Officials said {quote}."
        art = add_article(
            ws,
            NewArticle(text=body, original=body.encode() + uuid.uuid4().bytes, published_at=day(n)),
        )
        ids.append(claim_ops.create_claim_by_quote(ws, art.id, quote).id)
    return ids


def _found(ws: Workspace) -> dict[frozenset[uuid.UUID], tuple[Relation, uuid.UUID]]:
    return {
        frozenset((x.from_claim.claim_id, x.to_claim.claim_id)): (x.relation, x.from_claim.claim_id)
        for x in propose_links(ws)
        if x.kind == "figure"
    }


def test_only_the_direct_steps_of_a_count_are_proposed(ws: Workspace) -> None:
    first, again, second, third = _story(
        ws,
        [
            ("about 600 patients were treated at the field hospital", 1),
            ("about 600 patients were treated at the field hospital", 2),
            ("1,400 patients were treated at the field hospital", 3),
            ("2,100 patients were treated at the field hospital", 5),
        ],
    )
    found = _found(ws)
    assert found[frozenset((first, again))][0] is Relation.SAME
    # Both reports of the first figure are replaced by the second …
    assert found[frozenset((second, first))] == (Relation.UPDATES, second)
    assert found[frozenset((second, again))] == (Relation.UPDATES, second)
    assert found[frozenset((third, second))] == (Relation.UPDATES, third)
    # … and the third replaces the second, not the figures before it.
    assert frozenset((third, first)) not in found
    assert frozenset((third, again)) not in found


def test_a_figure_still_given_on_the_day_is_disputed_not_updated(ws: Workspace) -> None:
    told, repeated, disputed = _story(
        ws,
        [
            ("the official count of 52 missing climbers", 10),
            ("the official count of 52 missing climbers", 11),
            ("at least 70 climbers were missing, the guides' union counted", 11),
        ],
    )
    found = _found(ws)
    assert found[frozenset((disputed, repeated))][0] is Relation.CONTRADICTS
    assert found[frozenset((disputed, told))][0] is Relation.CONTRADICTS


def test_without_a_repeat_that_day_a_later_figure_updates(ws: Workspace) -> None:
    told, later = _story(
        ws,
        [
            ("the official count of 52 missing climbers", 10),
            ("at least 70 climbers were missing, the guides' union counted", 11),
        ],
    )
    assert _found(ws)[frozenset((told, later))] == (Relation.UPDATES, later)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("12 people are still missing", "2,000 people have been evacuated"),
        ("about 40 people were rescued from rooftops", "about 2,000 people were evacuated"),
        ("15 people were arrested at the march", "2,000 people marched, and 300 were evacuated"),
        ("1,200 people remain in shelters", "9,000 people have been evacuated"),
        ("500 people are homeless", "2,000 people had to leave their homes"),
    ],
)
def test_people_who_met_different_fates_are_different_counts(a: str, b: str) -> None:
    assert relate(p(a, day(3)), p(b, day(4))) is None


def test_one_fate_in_other_words_is_one_count() -> None:
    found = relate(
        p("about 2,000 people had been moved out of the old town", day(3)),
        p("more than 6,500 people have left their homes in the old town", day(5)),
    )
    assert found is not None and found.relation is Relation.UPDATES


def test_deaths_and_the_displaced_are_one_count_however_differently_worded() -> None:
    found = relate(
        p("four people were killed", day(3)), p("the death toll has risen to nine", day(4))
    )
    assert found is not None and found.relation is Relation.UPDATES
    found = relate(
        p("1,800 people were evacuated", day(3)),
        p("officials said 2,600 residents had fled the valley by Friday", day(5)),
    )
    assert found is not None and found.relation is Relation.UPDATES


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("300 homes were destroyed", "300 homes were damaged"),
        ("some 9,000 homes were flooded", "9,000 homes were left without power"),
    ],
)
def test_homes_that_met_different_fates_are_different_counts(a: str, b: str) -> None:
    assert relate(p(a, day(3)), p(b, day(4))) is None


def test_what_befell_people_is_read_before_what_befell_things() -> None:
    found = relate(
        p("from flooded streets, 900 people were evacuated", day(3)),
        p("1,400 people were evacuated", day(4)),
    )
    assert found is not None and found.relation is Relation.UPDATES


def test_a_figure_worded_as_replacing_its_own_articles_is_not_linked_to_its_relays(
    ws: Workspace,
) -> None:
    body = (
        "The ministry sent about 1,500 engineers to the border. "
        "Engineer numbers have now swelled to as many as 4,000 engineers."
    )
    art = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=None))
    sent = claim_ops.create_claim_by_quote(ws, art.id, "sent about 1,500 engineers").id
    swelled = claim_ops.create_claim_by_quote(
        ws, art.id, "Engineer numbers have now swelled to as many as 4,000 engineers"
    ).id
    (relay,) = _story(ws, [("about 1,500 engineers were sent to the border", 3)])
    found = _found(ws)
    assert found[frozenset((swelled, sent))] == (Relation.UPDATES, swelled)
    assert found[frozenset((relay, sent))][0] is Relation.SAME
    assert frozenset((swelled, relay)) not in found


def test_earlier_this_year_never_makes_a_figure_the_newer_one() -> None:
    before = p("3,000 troops were sent earlier this year", day(20))
    undated = profile(uuid.uuid4(), uuid.uuid4(), "5,000 troops are there", 0, 22, None, None)
    found = relate(before, undated)
    assert found is not None and found.newer is not before


def test_a_later_repeat_of_a_figure_replaces_nothing_before_it(ws: Workspace) -> None:
    bound, newer, repeat = _story(
        ws,
        [
            ("nearly 900 people had been evacuated", 1),
            ("870 people have been evacuated", 3),
            ("870 people were evacuated", 9),
        ],
    )
    found = _found(ws)
    assert found[frozenset((newer, bound))] == (Relation.UPDATES, newer)
    assert found[frozenset((repeat, newer))][0] is Relation.SAME
    # "Nearly 900" allows the 870 that replaced it, but the repeat replaced nothing.
    assert frozenset((repeat, bound)) not in found


@pytest.mark.parametrize(
    ("spilled", "carried"),
    [
        ("about 30 tonnes of diesel leaked into the river", "the barge carried 1,200 tonnes"),
        ("some 2,000 barrels of crude oil had spilled", "a tanker loaded with 90,000 barrels"),
    ],
)
def test_an_amount_let_out_is_not_the_amount_carried(spilled: str, carried: str) -> None:
    assert relate(p(spilled, day(3)), p(carried, day(3))) is None


def test_amounts_let_out_in_other_words_are_one_count() -> None:
    found = relate(
        p("about 30 tonnes of diesel leaked into the river", day(3)),
        p("at least 45 tonnes had escaped, the agency said", day(3)),
    )
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_a_figure_called_an_estimate_repeats_that_figure() -> None:
    exact = p("the board cut its count of the homes flooded to 340", day(3))
    estimate = p("an estimated 340 homes were flooded", day(8))
    found = relate(exact, estimate)
    assert found is not None and found.relation is Relation.SAME
    # A rounded figure still allows others: it agrees, without repeating.
    rounded = relate(exact, p("about 340 homes were flooded", day(8)))
    assert rounded is not None and rounded.relation is Relation.SUPPORTS
