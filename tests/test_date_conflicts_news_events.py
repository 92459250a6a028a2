"""Events named in the general words of news English, whatever the story: a place taken
by storm ("stormed", "the storming of", "forced their way into"), an escape ("the
break-out", "a jailbreak"), a capture ("caught", "his capture"), people handed back, a
kidnapping, and occurrences under their several names (a gun battle, a shootout, a
manhunt, a curfew, a protest, a cyberattack).  What was attacked or escaped from is read
after the word, by its name or with "a" ("stormed Westmere Jail", "raided a barn outside
the village of Ossen"); a break-out and the attack on the place it was from are one
event; so are an attack and a sudden occurrence one claim names together with one date."""

from __future__ import annotations

import datetime as dt

import pytest
from marked_profile_support import marked_profile

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings, kinds_in, targets
from db.facts.profile import Profile

TUESDAY = dt.datetime(2034, 3, 7, 9, tzinfo=dt.UTC)  # Monday 6 March the day before
THURSDAY = dt.datetime(2034, 3, 9, 9, tzinfo=dt.UTC)
LATER = dt.datetime(2034, 3, 20, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = THURSDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("militiamen stormed the depot", "attack"),
        ("the storming of the depot", "attack"),
        ("rebels forced their way into the depot", "attack"),
        ("the convoy was ambushed", "attack"),
        ("the break-out", "escape"),
        ("a jailbreak", "escape"),
        ("the escape", "escape"),
        ("police caught the smuggler", "arrest"),
        ("his capture", "arrest"),
        ("the fugitive was handed back", "release"),
        ("the banker was extradited", "release"),
        ("the pupils were kidnapped", "abduction"),
    ],
)
def test_kinds_of_happening_in_news_words(words: str, kind: str) -> None:
    assert kind in kinds_in(words)


def test_catching_fire_is_an_outbreak_not_a_capture() -> None:
    assert kinds_in("the depot caught fire") == {"outbreak"}


@pytest.mark.parametrize(
    ("marked", "thing"),
    [
        ("[A shootout at the ferry landing on Monday] left two dead.", "gunfight"),
        ("[A gun battle broke out on Monday] near the ferry landing.", "gunfight"),
        ("[The manhunt began on Monday] after the escape.", "manhunt"),
        ("[The protest on Monday] drew thousands.", "protest"),
        ("[The cyberattack on Monday] shut the ports' systems.", "cyberattack"),
    ],
)
def test_occurrences_under_their_names(marked: str, thing: str) -> None:
    assert Happening("event", thing, "") in happenings(claim(marked))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("gunmen stormed Westmere Jail", {("attack", "westmere", ""), ("attack", "jail", "")}),
        ("police raided a barn outside the village of Ossen", {("attack", "barn", "ossen")}),
        ("the attack on Westmere on 6 March", {("attack", "westmere", "")}),
        ("the mass escape from Westmere", {("escape", "westmere", "")}),
        ("rebels blasted their way into Westmere", {("attack", "westmere", "")}),
    ],
)
def test_what_was_attacked_or_escaped_from_is_read_after_the_word(
    text: str, found: set[tuple[str, str, str]]
) -> None:
    assert set(targets(text)) == found


@pytest.mark.parametrize(
    "text", ["prices hit a record", "the strike at Westmere", "police raided farms in the hills"]
)
def test_words_of_several_meanings_and_plural_objects_name_no_target(text: str) -> None:
    assert targets(text) == []


def test_a_break_out_and_the_attack_on_its_jail_are_one_event() -> None:
    stormed = claim("[Gunmen stormed Westmere Jail on Monday afternoon], freeing dozens.", TUESDAY)
    break_out = claim("[The break-out on 6 March] was the largest in years.")
    escape = claim("[The mass escape from Westmere on 6 March 2033] shook the ministry.", LATER)
    found = date_conflicts([stormed, break_out, escape])
    pairs = {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found}
    assert pairs == {
        frozenset((escape.claim_id, stormed.claim_id)),
        frozenset((escape.claim_id, break_out.claim_id)),
    }


def test_an_escape_from_one_jail_is_not_the_attack_on_another() -> None:
    stormed = claim("[Gunmen stormed Westmere Jail on Monday afternoon].", TUESDAY)
    escape = claim("[The mass escape from Harrowby on 2 March] shook the ministry.", LATER)
    assert date_conflicts([stormed, escape]) == []


def test_an_attack_and_a_gunfight_named_together_are_one_event() -> None:
    both = claim(
        "[A gun battle broke out when police raided a barn outside the village of Ossen on "
        "Monday], witnesses said.",
        TUESDAY,
    )
    shootout = claim("An inquiry was opened into [the shootout at Ossen on 6 March].")
    misdated = claim("[On 6 February police stormed a barn at Ossen]; four men died.", LATER)
    found = date_conflicts([both, shootout, misdated])
    pairs = {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found}
    assert pairs == {
        frozenset((misdated.claim_id, both.claim_id)),
        frozenset((misdated.claim_id, shootout.claim_id)),
    }


def test_raids_on_barns_at_different_places_are_different_events() -> None:
    one = claim("[Police raided a barn outside the village of Ossen on Monday].", TUESDAY)
    other = claim("[On 2 March police raided a barn at Kelby], officers said.", LATER)
    assert date_conflicts([one, other]) == []


def test_a_capture_told_by_its_noun_is_the_arrest_of_the_one_caught() -> None:
    caught = claim(
        "[Police caught the leader of the Ashgate gang, Tomas Reyn, on Monday] at a roadblock.",
        TUESDAY,
    )
    capture = claim("[Tomas Reyn's capture on 7 March] was the one success.", LATER)
    found = date_conflicts([caught, capture])
    assert len(found) == 1
