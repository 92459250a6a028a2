"""Attribution read by the grammar of each language: who a trailing cue, an apposition, a
genitive, a pronoun or a cue pointing back names, and which sentences carry an account on.
Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from db.assist.suggest import Suggestion, suggest

PUBLISHED = dt.date(2026, 4, 16)  # a Thursday


def _of(found: list[Suggestion], kind: str) -> list[Suggestion]:
    return [s for s in found if s.kind == kind]


def _figure(found: list[Suggestion], target: str, text: str) -> Suggestion:
    hits = [s for s in _of(found, "figure") if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.quote, s.source) for s in found]
    return hits[0]


# English


def test_a_day_of_the_week_is_nobody_the_company_stands_for() -> None:
    text = (
        "Harbour Ferries will cut 12 crossings a day, the operator said on Tuesday. "
        "Passengers who travel without a ticket may be fined 60 pounds, the operator said."
    )
    found = suggest(text, PUBLISHED, "en")
    assert _figure(found, "60", text).source == "operator"


def test_capitalised_words_after_a_preposition_are_a_place_not_the_speakers_name() -> None:
    text = (
        "A beekeeper near the Downs said he had lost 40 hives. "
        "A spokeswoman for the Office for Rail said 3 lines were shut."
    )
    found = suggest(text, None, "en")
    assert _figure(found, "40", text).source == "beekeeper near the Downs"
    assert _figure(found, "3", text).source == "spokeswoman for the Office for Rail"


def test_a_person_of_a_body_is_the_speaker() -> None:
    text = '"We counted 220 nests this spring," said Mia Cole of the bird charity Wing Watch.'
    found = suggest(text, None, "en")
    assert _figure(found, "220", text).source == "Mia Cole"


def test_an_estimated_figure_is_no_speech_verb_and_data_named_by_their_owner_speak() -> None:
    text = (
        "The district lost an estimated 80 hectares of forest last year, Forestry Board data show."
    )
    found = suggest(text, PUBLISHED, "en")
    assert _figure(found, "an estimated 80", text).source == "Forestry Board"
    text = "Fewer than 300 ships called at the port, the figures show."
    assert _figure(suggest(text, None, "en"), "Fewer than 300", text).source is None
