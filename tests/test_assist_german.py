"""German news text: figures, dates and who said what (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.numbers import extract_figures
from db.assist.text import guess_language

PUB = dt.date(2024, 10, 23)  # a Wednesday


def figure(text: str, needle: str) -> tuple[str, float | None, float | None, str, str]:
    lo = text.index(needle)
    found = [f for f in extract_figures(text, "de") if f.start <= lo < f.end]
    assert found, needle
    f = found[0]
    return text[f.start : f.end], f.value, f.value_max, f.unit, f.qualifier


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("Die Gemeinde erhält 2,5 Mio. Euro für den Hochwasserschutz.", "2,5",
         ("2,5 Mio.", 2_500_000, None, "EUR", "")),
        ("Mindestens 14 Personen wurden in Kliniken gebracht.", "14",
         ("Mindestens 14", 14, None, "people", "at least")),
        ("Bei dem Brand gab es über 30 Tote.", "30", ("über 30", 30, None, "killed", "more than")),
        ("Zwischen 150 und 220 Soldaten sollen an der Übung teilnehmen.", "150",
         ("150 und 220", 150, 220, "soldiers", "")),
        ("Gut 300 Haushalte waren am Abend noch ohne Strom.", "300",
         ("Gut 300", 300, None, "Haushalte", "more than")),
        ("Die Kammer zählte 46 neue Mitglieder.", "46", ("46", 46, None, "Mitglieder", "")),
        ("Der Verband meldete 37 vermisste Bergsteiger.", "37",
         ("37", 37, None, "Bergsteiger", "")),
        ("Die Schule braucht 3 Tsd. Euro für neue Bücher.", "3 Tsd.",
         ("3 Tsd.", 3000, None, "EUR", "")),
        ("Dutzende Anwohner verließen ihre Häuser.", "Dutzende",
         ("Dutzende", None, None, "", "dozens")),
    ],
)  # fmt: skip
def test_german_figures(
    text: str, needle: str, expected: tuple[str, float | None, float | None, str, str]
) -> None:
    assert figure(text, needle) == expected


def test_und_joins_a_range_only_after_zwischen() -> None:
    text = "Es gab 12 und 19 Verletzte, zwischen 40 und 50 Menschen wurden versorgt."
    found = [(text[f.start : f.end], f.value, f.value_max) for f in extract_figures(text, "de")]
    assert found == [("12", 12, None), ("19", 19, None), ("40 und 50", 40, 50)]


def test_a_time_of_day_is_no_figure() -> None:
    text = "Gegen 14 Uhr wurden 9 Kinder aus dem Gebäude geholt."
    found = [text[f.start : f.end] for f in extract_figures(text, "de")]
    assert found == ["9"]


@pytest.mark.parametrize(
    "text",
    [
        "Mehr als 10.000 Menschen demonstrierten am Samstag im Zentrum.",
        "Mehr als 400 Menschen kamen am Abend zum Gedenken.",
    ],
)
def test_short_german_sentences_are_german(text: str) -> None:
    assert guess_language(text) == "de"
