"""A part stated against its whole in one article ("nine crew are among the dead" beside
"the toll now stands at 31") is proposed as supporting it; a part in another article, or
larger than the whole, is not."""

from __future__ import annotations

import datetime as dt
import uuid

from db.models import Relation
from tests.facts_support import article_claims, proposed

APRIL = dt.datetime(2025, 4, 7, tzinfo=dt.UTC)


def _article(ws, body: str, *quotes: str) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    return article_claims(ws, body, APRIL, *quotes)


_links = proposed


def test_a_part_beside_its_whole_supports_it(ws) -> None:  # type: ignore[no-untyped-def]
    whole, part = _article(
        ws,
        "The toll from the tunnel fire now stands at 31 people dead. 9 crew are among "
        "the dead, the operator said.",
        "now stands at 31 people dead",
        "9 crew are among the dead",
    )
    assert _links(ws).get(frozenset((whole, part))) is Relation.SUPPORTS


def test_a_part_in_another_article_or_larger_is_not_linked(ws) -> None:  # type: ignore[no-untyped-def]
    (whole,) = _article(ws, "The toll from the tunnel fire stands at 31 dead.", "31 dead")
    (elsewhere,) = _article(
        ws, "9 crew are among the dead, the operator said.", "9 crew are among the dead"
    )
    small, big = _article(
        ws,
        "Officials said 12 people died in the tunnel fire. 40 crew were among the dead, "
        "a union said.",
        "12 people died",
        "40 crew were among the dead",
    )
    links = _links(ws)
    assert links.get(frozenset((whole, elsewhere))) is not Relation.SUPPORTS
    assert frozenset((small, big)) not in links


def test_a_part_given_against_its_wholes_figure_supports_that_figure(ws) -> None:  # type: ignore[no-untyped-def]
    (whole,) = _article(
        ws, "The clinic said it had treated 64 people for burns.", "treated 64 people for burns"
    )
    part, other = _article(
        ws,
        "Of the 64 people it treated, 11 were volunteers. 40 volunteers joined the clean-up.",
        "Of the 64 people it treated, 11 were volunteers",
        "40 volunteers joined the clean-up",
    )
    links = _links(ws)
    assert links.get(frozenset((part, whole))) is Relation.SUPPORTS
    # The part is the 11, not a second count of 64; nor a count of the volunteers.
    assert frozenset((part, other)) not in links


def test_a_part_of_a_whole_just_named_is_read_as_a_part(ws) -> None:  # type: ignore[no-untyped-def]
    whole, part = _article(
        ws,
        "The depot said 22 buses were damaged, nine of them beyond repair. Of the 22, 4 were new.",
        "22 buses were damaged",
        "nine of them beyond repair",
    )
    unnamed = _article(ws, "Of the 22, 4 were new.", "Of the 22, 4 were new")[0]
    links = _links(ws)
    assert links.get(frozenset((whole, part))) is Relation.SUPPORTS
    # "Of the 22" naming no counted thing: the 22 of its own article only.
    assert frozenset((whole, unnamed)) not in links


def test_the_dead_of_one_strike_are_a_part_of_the_soldiers_killed(ws) -> None:  # type: ignore[no-untyped-def]
    whole, part, hurt = _article(
        ws,
        "The number of Morvian soldiers killed has risen to about 180, the agency said. "
        "Twelve of them died when a shell hit a depot at Ostrag. 95 have been wounded.",
        "The number of Morvian soldiers killed has risen to about 180",
        "Twelve of them died when a shell hit a depot at Ostrag",
        "95 have been wounded",
    )
    later, again = _article(
        ws,
        "By the agency's count, 240 Morvian soldiers have been killed. Twelve of the 240 "
        "dead were killed at Ostrag alone.",
        "240 Morvian soldiers have been killed",
        "Twelve of the 240 dead were killed at Ostrag alone",
    )
    links = _links(ws)
    assert links.get(frozenset((whole, part))) is Relation.SUPPORTS
    assert links.get(frozenset((later, again))) is Relation.SUPPORTS
    # The twelve told twice are one figure; the wounded are no whole of the dead.
    assert links.get(frozenset((part, again))) is Relation.SAME
    assert frozenset((hurt, part)) not in links
