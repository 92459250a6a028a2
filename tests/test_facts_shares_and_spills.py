"""How news reports count a spill and the work after it: a share of a whole its sentence
opens on ("Of the 52 kilometres of shore now soiled, about 9 lie on the island") is a part
of it, not another count of the whole; an amount let out is one count whether told by a
verb ("had escaped"), as lost ("have been lost") or by the noun of the spill ("puts the
spill at"), and not the amount carried; a figure given as the true one ("said the true
figure was …") disputes what the sentence before measured; a bare figure counts what its
giver is told to count in its sentence ("who count only seals …, gave a figure of about
180"); a tally that "has reached" a figure counts what it is a tally of, and "found" tells
how things named by a participle ("beached seals") were counted, not what befell them.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt
import uuid

from db.models import Relation
from tests.facts_support import article_claims, proposed

MONDAY = dt.datetime(2031, 3, 3, 9, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2031, 3, 4, 9, tzinfo=dt.UTC)


_article = article_claims


def _links(ws) -> dict[frozenset[uuid.UUID], Relation]:  # type: ignore[no-untyped-def]
    return proposed(ws, figures_only=True)


def test_a_share_of_the_whole_its_sentence_opens_on_supports_it(ws) -> None:  # type: ignore[no-untyped-def]
    (first,) = _article(
        ws,
        "Harbour officials said on Monday that oil had soiled 20 kilometres of shore.",
        MONDAY,
        "oil had soiled 20 kilometres of shore",
    )
    whole, share = _article(
        ws,
        "Of the 52 kilometres of shore now soiled, about 9 kilometres lie on Marrow Island, "
        "the wardens said.",
        TUESDAY,
        "Of the 52 kilometres of shore now soiled",
        "about 9 kilometres lie on Marrow Island",
    )
    links = _links(ws)
    # The island's share is a part of the 52 kilometres, not a figure disputing them ...
    assert links.get(frozenset((share, whole))) is Relation.SUPPORTS
    # ... nor a newer count of the whole shore than Monday's.
    assert frozenset((share, first)) not in links
    assert links.get(frozenset((whole, first))) is Relation.UPDATES


def test_an_amount_let_out_is_one_count_however_told(ws) -> None:  # type: ignore[no-untyped-def]
    escaped, lost = _article(
        ws,
        "The port authority said about 500 barrels of diesel had escaped from the barge. Its "
        "owner said up to 150 barrels have been lost.",
        MONDAY,
        "about 500 barrels of diesel had escaped",
        "up to 150 barrels have been lost",
    )
    (spill,) = _article(
        ws,
        "The port authority now puts the spill at 1,900 barrels of diesel.",
        TUESDAY,
        "puts the spill at 1,900 barrels of diesel",
    )
    links = _links(ws)
    # "Lost" and the noun of the spill measure what escaped, as the verb does.
    assert links.get(frozenset((lost, escaped))) is Relation.CONTRADICTS
    assert links.get(frozenset((spill, escaped))) is Relation.UPDATES
    assert links.get(frozenset((spill, lost))) is Relation.UPDATES


def test_an_amount_carried_is_not_the_amount_let_out(ws) -> None:  # type: ignore[no-untyped-def]
    carried, lost = _article(
        ws,
        "The barge was carrying 4,000 barrels of diesel. Up to 150 barrels have been lost.",
        MONDAY,
        "carrying 4,000 barrels of diesel",
        "Up to 150 barrels have been lost",
    )
    (spill,) = _article(
        ws,
        "The authority put the spill at 1,900 barrels.",
        TUESDAY,
        "put the spill at 1,900 barrels",
    )
    links = _links(ws)
    assert frozenset((carried, lost)) not in links
    assert frozenset((carried, spill)) not in links


def test_the_true_figure_disputes_what_the_sentence_before_measured(ws) -> None:  # type: ignore[no-untyped-def]
    agency, true = _article(
        ws,
        "The port authority now puts the spill at 1,900 barrels of diesel. Divers working for "
        "the fishing cooperative reckoned the real number was nearer 2,700 barrels.",
        TUESDAY,
        "puts the spill at 1,900 barrels of diesel",
        "nearer 2,700 barrels",
    )
    (first,) = _article(
        ws,
        "The port authority said 700 barrels of diesel had leaked by Monday night.",
        MONDAY,
        "700 barrels of diesel had leaked",
    )
    links = _links(ws)
    assert links.get(frozenset((true, agency))) is Relation.CONTRADICTS
    assert links.get(frozenset((true, first))) is Relation.UPDATES


WEDNESDAY = dt.datetime(2031, 3, 5, 9, tzinfo=dt.UTC)
FRIDAY = dt.datetime(2031, 3, 7, 9, tzinfo=dt.UTC)


def test_a_bare_figure_counts_what_its_giver_is_told_to_count(ws) -> None:  # type: ignore[no-untyped-def]
    (first,) = _article(
        ws,
        "Rangers said volunteers had found 140 beached seals on the dunes.",
        MONDAY,
        "found 140 beached seals",
    )
    centre, wardens = _article(
        ws,
        "The rescue centre said it had found 260 beached seals, and that it had sent 35 "
        "volunteers to the dunes. Counting only seals taken into their pens, the wardens "
        "gave a figure of about 180.",
        TUESDAY,
        "found 260 beached seals",
        "gave a figure of about 180",
    )
    links = _links(ws)
    # The 180 are seals (its sentence says what its giver counts), not volunteers.
    assert links.get(frozenset((wardens, centre))) is Relation.CONTRADICTS
    assert links.get(frozenset((wardens, first))) is Relation.UPDATES


def test_a_tally_that_reached_a_figure_counts_what_it_is_a_tally_of(ws) -> None:  # type: ignore[no-untyped-def]
    (found,) = _article(
        ws,
        "Nearly 300 beached seals have now been found along the coast, the centre said.",
        WEDNESDAY,
        "Nearly 300 beached seals have now been found",
    )
    (tally,) = _article(
        ws,
        "By Friday the centre's running tally of beached seals has reached 410.",
        FRIDAY,
        "tally of beached seals has reached 410",
    )
    (recount,) = _article(
        ws,
        "A second count found 410 seals that had been tagged in earlier years.",
        FRIDAY,
        "found 410 seals that had been tagged",
    )
    links = _links(ws)
    # "Reached" tells that the tally moved, "found" how the beached seals were counted.
    assert links.get(frozenset((tally, found))) is Relation.UPDATES
    # Seals found with no word of what befell them are still told by their finding.
    assert frozenset((recount, found)) not in links


def test_a_figure_relayed_rounded_the_same_day_is_the_same(ws) -> None:  # type: ignore[no-untyped-def]
    (wire,) = _article(
        ws, "The authority said 1,900 barrels of diesel have leaked.", TUESDAY, "1,900 barrels"
    )
    (relay,) = _article(
        ws,
        "Some 1,900 barrels of diesel have leaked, the wire reported.",
        TUESDAY,
        "Some 1,900 barrels",
    )
    assert _links(ws).get(frozenset((wire, relay))) is Relation.SAME


def test_a_later_bound_replaces_what_its_days_figure_replaced(ws) -> None:  # type: ignore[no-untyped-def]
    (first,) = _article(
        ws,
        "The authority puts the spill at 1,900 barrels of diesel.",
        MONDAY,
        "puts the spill at 1,900 barrels",
    )
    final, bound = _article(
        ws,
        "The authority's closing figure for the leak is 2,300 barrels. Underwriters, writing "
        "to the port, set the loss at up to 2,500 barrels.",
        FRIDAY,
        "closing figure for the leak is 2,300 barrels",
        "up to 2,500 barrels",
    )
    links = _links(ws)
    assert links.get(frozenset((final, first))) is Relation.UPDATES
    assert links.get(frozenset((final, bound))) is Relation.SUPPORTS
    # The bound allows Monday's 1,900, but its day has moved on from it.
    assert links.get(frozenset((bound, first))) is Relation.UPDATES


def test_a_part_of_things_that_are_no_people_is_a_part_of_them(ws) -> None:  # type: ignore[no-untyped-def]
    (earlier,) = _article(
        ws, "Rangers said 25 people had died in the floods.", MONDAY, "25 people had died"
    )
    seals, dead = _article(
        ws,
        "The centre has found 260 beached seals this week; about 90 of them were dead.",
        TUESDAY,
        "found 260 beached seals",
        "about 90 of them were dead",
    )
    links = _links(ws)
    # The dead seals are a part of the seals found, no death toll of the floods.
    assert links.get(frozenset((dead, seals))) is Relation.SUPPORTS
    assert frozenset((dead, earlier)) not in links
