"""Figures as news writes them without a counted noun after them, and numbers that name
rather than count: English "four of which", "a crew of seven", "ten or more pupils", "within
one month"; Danish "tre af sygeplejerskerne", "i næsten et år"; German "drei davon", "viermal",
"sechs Tage statt bisher sieben"; "section 12", "linje 5", "статья 12", "الخط الساخن".  Every text
here is written for these tests."""

from __future__ import annotations

import datetime as dt

from db.assist.numbers import extract_figures
from db.assist.suggest import suggest


def figures(text: str, language: str) -> dict[str, tuple[float | None, str, str]]:
    return {
        text[f.start : f.end]: (f.value, f.unit, f.qualifier)
        for f in extract_figures(text, language)
    }


def test_english_number_words_that_count_with_no_noun_after_them() -> None:
    text = (
        "It has received 30 complaints, four of which involved injuries. They sailed as a crew "
        "of seven and ran out of water within one month. Schools with ten or more pupils get a "
        "second bus. Two or three people came."
    )
    found = figures(text, "en")
    assert found["four"] == (4, "", "")
    assert found["seven"] == (7, "", "")
    assert found["one"][:2] == (1, "months")
    assert found["ten or more"] == (10, "pupils", "at least")
    assert found["Two or three"][:2] == (2, "people")


def test_english_one_and_the_members_of_a_pair_stay_uncounted() -> None:
    text = "One day he left. He was one of the best. Two of them met. It took one step."
    assert figures(text, "en") == {}


def test_danish_counts_out_of_a_whole_and_one_unit_of_time() -> None:
    text = (
        "Vi har boet her i næsten et år. Mindst tre af sygeplejerskerne er rejst. Fire af dem "
        "er syge. For et år siden kom han. De to af dem blev."
    )
    found = figures(text, "da")
    assert found["næsten et år"] == (1, "years", "nearly")
    assert found["Mindst tre"] == (3, "", "at least")
    assert found["Fire"] == (4, "", "")
    assert set(found) == {"næsten et år", "Mindst tre", "Fire"}


def test_german_counts_out_of_those_named_times_and_a_count_with_its_noun_left_out() -> None:
    text = (
        "Der Hof meldete elf kranke Rinder, bei drei davon ist die Ursache unklar. Die Fähre "
        "fiel im Mai viermal aus. Der Markt öffnet künftig sechs Tage statt bisher sieben. "
        "Damals waren es noch neun."
    )
    found = figures(text, "de")
    assert found["drei"] == (3, "", "")
    assert found["viermal"] == (4, "times", "")
    assert found["sieben"] == (7, "", "")
    assert found["neun"] == (9, "", "")


def test_a_number_after_the_noun_it_names_is_no_figure() -> None:
    text = "Under section 12 of the code, landlords must act. The hotel has 40 rooms."
    assert set(figures(text, "en")) == {"40"}
    text = "Согласно статье 12 закона, на маршруте 45 работают 30 автобусов."
    assert set(figures(text, "ru")) == {"30"}
    text = "وخصصت الوزارة الخط الساخن ١٦٠٠٠ للشكاوى، وفق المادة ٧ من القانون، وتلقت ٣٠٠ شكوى."
    assert set(figures(text, "ar")) == {"٣٠٠"}


def test_a_second_thing_said_with_a_figure_leaves_the_first_a_statement_of_its_own() -> None:
    text = (
        "The trust said evening clinics would stay open as usual and that patients "
        "over 80 could ask for a home visit."
    )
    found = suggest(text, dt.date(2026, 4, 22), language="en")
    statements = [s for s in found if s.kind == "attribution"]
    assert [(s.quote, s.source) for s in statements] == [
        ("evening clinics would stay open as usual", "trust")
    ]
    assert [s.source for s in found if s.kind == "figure"] == ["trust"]
