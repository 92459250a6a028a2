"""Counts and dates read by the grammar of a report, whatever its story: a counted thing
named before a relative clause on "whose" or "where", or after the figure it was changed
to; things named as planned ones, no
forecast; the owners counted in "the files of N clients" not told by what was done to
the files; a figure relayed rounded on its day as the same; a changed figure not updating
another account its article gives after it; a lower bound against a figure of its day
far above it as two accounts; and a clause of its own after ", but" not dated as the
happening of the clause before it."""

from __future__ import annotations

import datetime as dt
import uuid

from marked_profile_support import marked_profile

from db.facts.events import date_conflicts
from db.facts.happenings import happenings
from db.facts.profile import Profile, profile
from db.facts.relate import relate
from db.models import Relation

JUNE_3 = dt.datetime(2034, 6, 3, 9, tzinfo=dt.UTC)
JUNE_4 = dt.datetime(2034, 6, 4, 9, tzinfo=dt.UTC)
JULY_10 = dt.datetime(2034, 7, 10, 9, tzinfo=dt.UTC)


def p(
    quote: str,
    published: dt.datetime = JUNE_3,
    article: uuid.UUID | None = None,
    start: int = 0,
) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, start, start + len(quote), None, published
    )


def test_a_count_named_before_a_relative_clause_on_whose_or_where() -> None:
    whose = p("The number of schools whose heating failed has risen to 41")
    assert whose.unit == "schools"
    assert p("The number of depots where work stopped has reached 12").unit == "depots"
    # … and after the figure it was changed to.
    assert p("The firm has raised to 40 its count of sites hit").unit == "sites"
    assert p("The firm has raised to 40 its count").unit == ""
    earlier = p("Heating failed at 17 schools", JUNE_3)
    found = relate(p("The number of schools whose heating failed has risen to 41", JUNE_4), earlier)
    assert found is not None and found.relation is Relation.UPDATES
    # (Another thing counted before "whose" is not the schools.)
    assert relate(p("The number of towns whose heating failed has risen to 41"), earlier) is None


def test_things_named_as_planned_ones_are_no_forecast() -> None:
    assert not p("more than 900 planned flights had been cancelled by noon").forecast
    assert not p("The number of planned flights cancelled has risen to 2,300").forecast
    # A plan of a figure is still one: planned, or a planned deployment.
    assert p("the airline planned to cancel 900 flights").forecast
    assert p("a planned deployment of 5,000 troops").forecast
    assert p("5,000 troops are planned").forecast
    found = relate(
        p("about 4,000 planned flights have now been cancelled", JUNE_4),
        p("About 4,000 flights were cancelled in all", JULY_10),
    )
    assert found is not None and found.relation is Relation.SAME


def test_owners_counted_are_not_told_by_what_was_done_to_their_things() -> None:
    taken = p("the files of at least 90,000 clients were taken", JUNE_4)
    assert taken.unit == "clients" and taken.predicate == "" and taken.verb == ""
    found = relate(taken, p("the files of about 60,000 clients were copied", JUNE_3))
    assert found is not None and found.relation is Relation.UPDATES
    # People themselves held or taken away are still counted by their fate.
    assert p("at least 90,000 clients were taken").predicate == "detained"
    assert p("the arrest of 40 protesters").predicate == "detained"
    assert relate(taken, p("the police detained 60,000 clients", JUNE_3)) is None


def test_a_figure_relayed_rounded_on_its_day_is_the_same() -> None:
    wire = p("The number of flights cancelled has risen to 2,312")
    relayed = relate(wire, p("some 2,300 flights have been cancelled"))
    assert relayed is not None and relayed.relation is Relation.SAME
    # (The same figure told "about" the same day is that figure relayed too, as every
    # marked set has it; "nearly" is below a figure, no relay of it.)
    told = relate(
        p("1.4 million clients were affected"), p("about 1.4 million clients were affected")
    )
    assert told is not None and told.relation is Relation.SAME
    nearly = relate(wire, p("nearly 2,300 flights have been cancelled"))
    assert nearly is not None and nearly.relation is not Relation.SAME
    # Rounded to other places, or on another day, it is no relay.
    other = relate(wire, p("some 2,200 flights have been cancelled"))
    assert other is not None and other.relation is not Relation.SAME
    later = relate(p("some 2,300 flights have been cancelled", JUNE_4), wire)
    assert later is not None and later.relation is not Relation.SAME


def test_a_changed_figure_does_not_update_an_account_given_after_it() -> None:
    article = uuid.uuid4()
    changed = p(
        "The bank has now revised down to 700,000 the number of clients affected",
        article=article,
        start=100,
    )
    after = p("at least 900,000 clients were affected", article=article, start=300)
    found = relate(changed, after)
    assert found is not None and found.relation is Relation.CONTRADICTS
    # A figure its article told before it may be the one it changed from.
    before = p("at least 900,000 clients were affected", article=article, start=0)
    earlier = relate(changed, before)
    assert earlier is not None and earlier.relation is Relation.UPDATES
    assert earlier.newer is changed


def test_a_lower_bound_and_a_figure_far_above_it_are_two_accounts() -> None:
    bound = p("at least 200,000 clients were affected, the bank says")
    far = relate(bound, p("the hackers say 1.5 million clients were affected"))
    assert far is not None and far.relation is Relation.CONTRADICTS
    near = relate(bound, p("the hackers say 250,000 clients were affected"))
    assert near is not None and near.relation is Relation.SUPPORTS
    # On a later day it is a newer count.
    later = relate(bound, p("the hackers say 1.5 million clients were affected", JUNE_4))
    assert later is not None and later.relation is Relation.UPDATES


def test_a_clause_of_its_own_after_but_is_not_the_happening_before_it() -> None:
    own = marked_profile(
        "The raid on the archive was detected on 24 June, but [the thieves got in on 2 June], "
        "police said.",
        JULY_10,
    )
    assert not any(h.kind == "detection" for h in happenings(own))
    detected = marked_profile(
        "Staff said [the raid on the archive was detected on 24 June].", JULY_10
    )
    assert date_conflicts([own, detected]) == []
    # A quote with no subject of its own after ", but" dates what the clause before told.
    bare = marked_profile(
        "The raid on the archive was detected, but [only on 2 June], police said.", JULY_10
    )
    assert any(h.kind == "detection" for h in happenings(bare))
    assert len(date_conflicts([bare, detected])) == 1
