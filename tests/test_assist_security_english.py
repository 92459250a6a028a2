"""How English security reporting attributes what it reports, as read from the English listing
of the security development set: a dotted abbreviation in what is cited ("citing U.S. …"),
figures a body known by a short name shared, an estimate "put at" by a body and passed on by
others, a quoted dismissal a broadcaster reports, "X said it had …", what a speaker urged, and
"at least twice as high".  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.suggest import suggest

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def test_a_dotted_abbreviation_stays_in_the_name_of_what_is_cited() -> None:
    text = (
        "Title: x\n\nFloods have destroyed close to 40,000 homes, the head of the flood command "
        "told councillors on Monday, citing U.K. insurance estimates."
    )
    figure = figure_at(suggest(text, PUBLISHED, "en"), "close to 40,000", text)
    assert figure.source == "U.K. insurance estimates"


def test_figures_a_body_known_by_a_short_name_shared_are_that_bodys() -> None:
    text = (
        "Title: x\n\nCouncillor Ben Marsh, a member of the housing panel, told reporters that the "
        "county's emergency agency, known as CEA, had shared figures showing about 3,500 families "
        "in shelters."
    )
    found = suggest(text, PUBLISHED, "en")
    figure = figure_at(found, "about 3,500", text)
    assert figure.source == "CEA"
    assert "Ben Marsh" in figure.relayed_by
    assert not of_kind(found, "attribution")  # the councillor's words hold no statement


def test_an_estimate_put_by_a_body_and_passed_on_by_others() -> None:
    text = (
        "Title: x\n\nThe Met Service last week put the total rainfall at more than 300 "
        "millimetres, according to officials briefed by the service. The council last put its "
        "own count at 9,000, in May 2025."
    )
    found = suggest(text, PUBLISHED, "en")
    rain = figure_at(found, "more than 300", text)
    assert rain.source == "Met Service"
    assert rain.relayed_by[0] == "officials briefed by the service"
    assert figure_at(found, "9,000", text).source == "council"
    dates = {text[s.target_start : s.target_end]: s.source for s in of_kind(found, "date")}
    assert dates["last week"] is None  # when the service gave its figure
    assert dates["in May 2025"] is None


def test_a_quoted_dismissal_a_broadcaster_reports_is_the_speakers_relayed() -> None:
    text = (
        'Title: x\n\nIn Dublin, a ministry spokesman, Sean Byrne, dismissed the figures as "wildly '
        'inflated and unfounded," the state broadcaster RTV reported.'
    )
    found = suggest(text, PUBLISHED, "en")
    quotation = of_kind(found, "quotation")
    assert len(quotation) == 1 and quotation[0].source == "Sean Byrne"
    assert "RTV" in quotation[0].relayed_by
    assert not of_kind(found, "attribution")


def test_it_after_a_source_that_said_is_that_source() -> None:
    text = (
        "Title: x\n\nThe group Flood Watch said in a statement. The independent group Tide Line, "
        "which has tracked claims since April 2022, said it had counted 12,400 damaged homes."
    )
    figure = figure_at(suggest(text, PUBLISHED, "en"), "12,400", text)
    assert figure.source == "Tide Line"
    assert not [r for r in figure.relayed_by if "Flood" in r]


def test_what_a_speaker_urged_and_how_many_times_as_high() -> None:
    text = (
        "Title: x\n\nCouncillor Jane Holt urged ministers to release £60 million in aid. Its "
        "volunteers say the real number is likely at least twice as high. He visited twice."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "£60 million", text).source == "Jane Holt"
    twice = figure_at(found, "at least twice", text)
    assert (twice.value, twice.qualifier) == (2, "at least")
    targets = [text[s.target_start : s.target_end] for s in of_kind(found, "figure")]
    assert "twice" not in targets  # a bare "visited twice" counts nothing the reader checks
