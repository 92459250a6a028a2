"""How news reports count a disputed vote: each candidate's votes are a tally of their
own, however the candidate is named, and are one tally however they are told won ("had",
"won", "was given", "polled"); a rounded figure names its own round number ("about 2.2
million" is no rounding of 2.41 million, so it disputes it the same day and replaces it a
later day, and it does not allow it as a step of a count's history); things lodged with an
office ("complaints") are counted alike by whoever files and whoever receives them; a
verb of declaring tells what befell a thing by the word after it ("declared void"), and
a participle set before its noun as a verb after it ("void ballots number"); a figure that
ends its clause with no noun ("her rival was given 880,412.") counts what the sentence
before counted last.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt
import uuid

from marked_profile_support import marked_profile, relation

from db.facts.profile import Profile, profile
from db.facts.proposals import _sentence, _sentence_before
from db.facts.relate import Relating, relate
from db.facts.steps import direct_steps, pair_key
from db.models import Relation

MONDAY = dt.datetime(2033, 5, 9, 9, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2033, 5, 10, 9, tzinfo=dt.UTC)
FRIDAY = dt.datetime(2033, 5, 13, 9, tzinfo=dt.UTC)
JUNE = dt.datetime(2033, 6, 20, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = TUESDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def test_each_candidates_votes_are_a_tally_of_their_own() -> None:
    early = claim("On early returns, [Mayor Ansel Droke had 412,000 votes] by midnight.", MONDAY)
    rival = claim(
        "Ansel Droke had 412,000 votes and [Talia Presk of the Civic List had 388,000].", MONDAY
    )
    later = claim("The board said [Ansel Droke had won 655,000 votes] on Tuesday.")
    assert early.unit == rival.unit == later.unit == "votes"
    # One candidate's later tally replaces her or his earlier one ...
    assert relation(later, early) is Relation.UPDATES
    # ... and is never a newer or disputing figure of the other's votes.
    assert relation(early, rival) is None
    assert relation(later, rival) is None
    # Named by surname alone, a candidate is the one named in full.
    short = claim("The party's own sheets [gave Droke about 640,000 votes].")
    assert relation(short, later) is not None
    assert relation(short, rival) is None


def test_a_candidate_had_the_votes_he_won() -> None:
    had = claim("On early returns, [Ansel Droke had 412,000 votes] by midnight.", MONDAY)
    assert had.predicate == ""
    # A country or a body that has so many of something keeps it: no votes.
    stations = claim("[The province has 3,100 polling stations] in all.", MONDAY)
    assert stations.predicate == "strength"


def test_votes_are_one_tally_however_told_won() -> None:
    won = claim("The board said [Talia Presk had won 880,000 votes] by Tuesday.")
    given = claim("In the final count [Talia Presk was given 902,317 votes].", FRIDAY)
    polled = claim("[Talia Presk polled 905,020 votes] after the recount.", JUNE)
    assert relation(given, won) is Relation.UPDATES
    assert relation(polled, given) is Relation.UPDATES
    # Votes thrown out are not votes a candidate won.
    thrown = claim("[Some 902,000 votes were rejected] as unclear, the board said.", FRIDAY)
    assert relation(thrown, won) is None


def test_a_rounded_figure_far_from_an_exact_one_of_its_day_disputes_it() -> None:
    board = claim("The board said [Ansel Droke had won 2.41 million votes] in all.")
    party = claim("His rivals said [their own sheets gave Droke about 2.2 million votes].")
    assert relation(party, board) is Relation.CONTRADICTS
    # A rounding of the exact figure repeats it.
    relay = claim("A radio station said [Ansel Droke had about 2.4 million votes].")
    assert relation(relay, board) is Relation.SAME


def test_a_rounded_figure_far_from_an_exact_one_of_an_earlier_day_replaces_it() -> None:
    exact = claim("The board said [61,204 ballots had been rejected] by Friday.", FRIDAY)
    later = claim("[Rejected ballots now number about 57,000], the board said.", JUNE)
    assert relation(later, exact) is Relation.UPDATES
    # One the exact figure rounds to, given later, agrees with it.
    near = claim("[Rejected ballots now number about 61,000], the board said.", JUNE)
    assert relation(near, exact) is Relation.SUPPORTS


def steps(*claims: Profile) -> dict[tuple[int, int], Relating]:
    """Every pair of *claims* related, then kept to the direct steps of their history."""
    found = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            r = relate(a, b)
            assert r is not None
            found[pair_key(a, b)] = r
    direct_steps(found)
    return found


def test_a_rounded_figure_does_not_allow_an_exact_figure_it_is_no_rounding_of() -> None:
    first = claim("The board said [about 58,000 ballots had been rejected] on Tuesday.")
    exact = claim("The board said [61,204 ballots had been rejected] by Friday.", FRIDAY)
    last = claim("[Rejected ballots now number about 57,000], the board said.", JUNE)
    found = steps(first, exact, last)
    # The history runs through the exact figure: the last is not linked to the first.
    assert pair_key(first, last) not in found
    assert pair_key(exact, last) in found
    # A first figure rounded to the ten thousand ("about 60,000") allows 61,204, the value
    # the last replaced: the last is linked to it as well.
    wide = claim("The board said [about 60,000 ballots had been rejected] on Tuesday.")
    assert pair_key(wide, last) in steps(wide, exact, last)


def test_things_lodged_are_counted_alike_by_who_files_and_who_receives_them() -> None:
    received = claim("The board said [it had received 140 complaints] by Monday.", MONDAY)
    registered = claim("The board [has now registered 390 complaints], it said.", FRIDAY)
    filed = claim("The Civic List said [it had filed more than 700 complaints].", FRIDAY)
    assert relation(registered, received) is Relation.UPDATES
    assert relation(filed, registered) is Relation.CONTRADICTS
    # Complaints withdrawn are not complaints lodged.
    withdrawn = claim("The board said [it had withdrawn 390 complaints] by Friday.", FRIDAY)
    assert relation(withdrawn, received) is None


def test_a_verb_of_declaring_tells_what_befell_a_thing_by_the_word_after_it() -> None:
    declared = claim("[About 58,000 ballots were declared invalid] on Tuesday, the board said.")
    ruled = claim("The board said [61,204 ballots had been ruled invalid] in all.", FRIDAY)
    assert declared.verb == ruled.verb == "invalid"
    assert relation(ruled, declared) is Relation.UPDATES
    # "Declared the winner" tells of no state of what is counted.
    winner = claim("The board [declared the result with 61,204 ballots counted].", FRIDAY)
    assert winner.verb != "the"


def test_a_participle_before_its_noun_tells_what_befell_the_counted_thing() -> None:
    plain = claim("The board said [61,204 ballots had been voided] in all.", FRIDAY)
    before_noun = claim("[Voided ballots now number 64,100], the board said.", JUNE)
    assert before_noun.verb == "voided"
    assert relation(before_noun, plain) is Relation.UPDATES
    # Ballots counted are not ballots voided, whether the verb comes before or after.
    counted = claim("[Counted ballots now number 64,100], the board said.", JUNE)
    assert relation(counted, plain) is None
    # A number word ending as a participle does is none ("seven hundred ballots").
    seven = claim("[Seven hundred ballots arrived] late, the board said.", JUNE)
    assert seven.verb not in ("seven", "hundred")


def test_a_figure_ending_its_clause_counts_what_the_sentence_before_counted() -> None:
    text = (
        "The board named Ansel Droke the winner, four days after the 8 May vote, with "
        "902,317 votes. His rival, Talia Presk, was given 880,412. Turnout was lower."
    )
    quote = "Talia Presk, was given 880,412"
    start = text.index(quote)
    end = start + len(quote)
    ids = uuid.uuid4(), uuid.uuid4()
    bare = profile(
        *ids, quote, start, end, None, FRIDAY, _sentence(text, start, end),
        lead=text[max(0, start - 32) : start], before=_sentence_before(text, start),
    )  # fmt: skip
    assert bare.unit == "votes"
    # A figure followed by a noun of its own in its clause names what it counts itself.
    told = "Talia Presk, was given 880,412 flowers by supporters."
    start = text.index(quote)
    other = text.replace("Talia Presk, was given 880,412.", told)
    tail = "Talia Presk, was given 880,412"
    at = other.index(tail)
    flowers = profile(
        *ids, tail, at, at + len(tail), None, FRIDAY, _sentence(other, at, at + len(tail)),
        lead=other[max(0, at - 32) : at], before=_sentence_before(other, at),
    )  # fmt: skip
    assert flowers.unit != "votes"
