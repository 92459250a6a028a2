"""Craft or people at work on one effort are one count however their work is told ("were
working", "were clearing debris", "are taking part", "Eleven vessels, …, were at work"),
and however their noun is worded ("vessels", "boats"); craft waiting or lying idle are
not at work.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt
import uuid

from db.facts.efforts import at_work_alike
from db.models import Relation
from tests.facts_support import article_claims, proposed


def _article(ws, body: str, day: int, *quotes: str) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    return article_claims(ws, body, dt.datetime(2031, 3, day, 9, tzinfo=dt.UTC), *quotes)


def _links(ws) -> dict[frozenset[uuid.UUID], Relation]:  # type: ignore[no-untyped-def]
    return proposed(ws, figures_only=True)


def test_craft_at_work_are_one_count_however_their_work_is_told(ws) -> None:  # type: ignore[no-untyped-def]
    (working,) = _article(
        ws,
        "Off the point, nine vessels were working through Monday night, the coastguard said.",
        3,
        "nine vessels were working",
    )
    (clearing,) = _article(
        ws,
        "The harbour master said 25 boats were clearing debris from the channel on Tuesday.",
        4,
        "25 boats were clearing debris",
    )
    taking_part, waiting = _article(
        ws,
        "More than 30 vessels are taking part, the coastguard said. Twelve ships were "
        "waiting at anchor outside the port.",
        7,
        "More than 30 vessels are taking part",
        "Twelve ships were waiting at anchor",
    )
    links = _links(ws)
    assert links.get(frozenset((clearing, working))) is Relation.UPDATES
    assert links.get(frozenset((taking_part, clearing))) is Relation.UPDATES
    # Ships waiting at anchor are not at work.
    assert frozenset((waiting, clearing)) not in links
    assert frozenset((waiting, working)) not in links


def test_a_figure_and_its_noun_alone_are_told_what_they_do_after_the_quote(ws) -> None:  # type: ignore[no-untyped-def]
    (alone,) = _article(
        ws,
        "Eleven vessels, two ferries and a dredger included, were at work off the point on Monday.",
        3,
        "Eleven vessels",
    )
    (skimming,) = _article(
        ws, "A pilot said 25 boats were skimming the bay on Tuesday.", 4, "25 boats were skimming"
    )
    (waiting,) = _article(
        ws, "Twelve ships were waiting at anchor outside the port.", 4, "Twelve ships were waiting"
    )
    links = _links(ws)
    # "Vessels" and "boats" name one counted thing: the wording of the two does not part them.
    assert links.get(frozenset((skimming, alone))) is Relation.UPDATES
    assert frozenset((waiting, alone)) not in links


def test_only_work_going_on_is_at_work() -> None:
    assert at_work_alike("working", "skimming")
    assert at_work_alike("taking part", "searching")
    assert not at_work_alike("working", "waiting")
    assert not at_work_alike("taking part", "sinking")
    assert not at_work_alike("skimming", "searching")  # two works: told apart by their verbs
