"""German news text: figures, dates and who said what (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.dates import extract_dates
from db.assist.numbers import extract_figures
from db.assist.suggest import suggest
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


@pytest.mark.parametrize(
    ("sentence", "span", "iso"),
    [
        ("Die Brücke wurde am 3.10.2024 freigegeben.", "am 3.10.2024", "2024-10-03"),
        ("Am Dienstag tagte der Stadtrat.", "Am Dienstag", "2024-10-22"),
        ("Vergangenen Mittwoch fiel der Strom aus.", "Vergangenen Mittwoch", "2024-10-16"),
        ("Am kommenden Montag wird abgestimmt.", "Am kommenden Montag", "2024-10-28"),
        ("Am Sonntagabend brach das Feuer aus.", "Am Sonntagabend", "2024-10-20"),
        ("In der Nacht zum Samstag stürzte ein Baum um.", "In der Nacht zum Samstag",
         "2024-10-19"),
        ("Vergangene Woche schloss die Fabrik.", "Vergangene Woche", "2024-10-14/2024-10-20"),
        ("Anfang März begannen die Arbeiten.", "Anfang März", "2024-03-01/2024-03-10"),
        ("Mitte Okt. kamen die ersten Gäste.", "Mitte Okt.", "2024-10-11/2024-10-20"),
        ("Ende Jan. war der Damm fertig.", "Ende Jan.", "2024-01-21/2024-01-31"),
        ("Im Sommer blieb das Freibad geschlossen.", "Im Sommer", "2024-06-01/2024-08-31"),
        ("Im vergangenen Winter fror der See zu.", "Im vergangenen Winter",
         "2023-12-01/2024-02-29"),
        ("Anfang des Monats zog die Firma um.", "Anfang des Monats", "2024-10-01/2024-10-23"),
        ("Vor zwei Wochen stürzte das Dach ein.", "Vor zwei Wochen", "2024-10-07/2024-10-13"),
        ("Gestern meldete die Behörde den Schaden.", "Gestern", "2024-10-22"),
        ("Die Leitung ist heute repariert worden.", "heute", "2024-10-23"),
        ("Im Mai stieg der Pegel.", "Im Mai", "2024-05-01/2024-05-31"),
        ("Im März vergangenen Jahres stieg der Pegel.", "Im März vergangenen Jahres",
         "2023-03-01/2023-03-31"),
        ("Im Vorjahr gab es keinen Unfall.", "Im Vorjahr", "2023-01-01/2023-12-31"),
        ("Das Werk öffnete im Jahr 2019.", "im Jahr 2019", "2019-01-01/2019-12-31"),
        ("Ende vergangenen Jahres wurde gebaut.", "Ende vergangenen Jahres",
         "2023-09-01/2023-12-31"),
    ],
)  # fmt: skip
def test_german_dates(sentence: str, span: str, iso: str) -> None:
    found = {(sentence[d.start : d.end], d.iso) for d in extract_dates(sentence, PUB)}
    assert (span, iso) in found


def source_of(text: str, needle: str) -> tuple[str | None, tuple[str, ...], str]:
    lo = text.index(needle)
    hits = [s for s in suggest(text, PUB, language="de") if s.target_start <= lo < s.target_end]
    assert hits, needle
    return hits[0].source, hits[0].relayed_by, hits[0].hedge


@pytest.mark.parametrize(
    ("text", "needle", "source", "relays"),
    [
        ("Im Hafen sind nach Angaben der Wasserschutzpolizei rund 60 Boote gesunken.", "60",
         "Wasserschutzpolizei", ()),
        ("Laut dem Umweltministerium wurden 4,2 Millionen Euro ausgezahlt.", "4,2",
         "Umweltministerium", ()),
        ("Nach Angaben von Greenpeace Österreich starben 300 Fische.", "300",
         "Greenpeace Österreich", ()),
        ("Der Bergwacht zufolge saßen 16 Wanderer fest.", "16", "Bergwacht", ()),
        ("Die Zahl der Toten stieg der Feuerwehr zufolge auf 11.", "11", "Feuerwehr", ()),
        ("Einem Sprecher der Stadtwerke zufolge fielen 900 Anschlüsse aus.", "900",
         "Stadtwerke", ()),
        ("Wie die Staatsanwaltschaft mitteilte, wurden 5 Haftbefehle erlassen.", "5",
         "Staatsanwaltschaft", ()),
        ("37 Wohnungen sind unbewohnbar, wie das Landratsamt berichtete.", "37",
         "Landratsamt", ()),
        ("Das Dorf erhält 800.000 Euro, teilte die Landesregierung mit.", "800.000",
         "Landesregierung", ()),
        ("„Wir haben 45 Einsätze gezählt“, so Feuerwehrsprecher Jonas Brandt.", "45",
         "Jonas Brandt", ()),
        ("Der Kurier berichtet unter Berufung auf das Finanzamt, 70 Firmen würden geprüft.",
         "70", "Finanzamt", ("Kurier",)),
        ("Wie die Agentur dpa unter Berufung auf die Bahn berichtete, fielen 140 Züge aus.",
         "140", "Bahn", ("Agentur dpa",)),
        ("Die Gewerbeaufsicht meldete, dass 12 Betriebe geschlossen wurden.", "12",
         "Gewerbeaufsicht", ()),
        ("Der Landrat bestätigte am Abend, 40 Helfer seien im Einsatz.", "40", "Landrat", ()),
        ("Die Reederei kündigte an, 500 Stellen zu streichen.", "500", "Reederei", ()),
        ("Die Zahl der Opfer liegt nach Polizeiangaben bei 17.", "17", "Polizei", ()),
        ("Einem Bericht des Tagblatts zufolge fehlen 4.000 Lehrer.", "4.000", "Tagblatts", ()),
        ("Es gebe 30 Verletzte, sagte Ärztin Lea Brandt der Deutschen Presse-Agentur.", "30",
         "Ärztin Lea Brandt", ()),
    ],
)  # fmt: skip
def test_german_sources(text: str, needle: str, source: str, relays: tuple[str, ...]) -> None:
    assert source_of(text, needle)[:2] == (source, relays)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Offenbar wurden 23 Fahrzeuge beschädigt.", "23"),
        ("Die Bande soll 14 Tresore geknackt haben.", "14"),
        ("Medienberichten zufolge gingen 200 Stellen verloren.", "200"),
    ],
)
def test_german_hedges_give_no_source(text: str, needle: str) -> None:
    source, _relays, hedge = source_of(text, needle)
    assert source is None and hedge


def test_reported_speech_in_the_subjunctive_goes_on_with_its_speaker() -> None:
    text = (
        "Landrat Hans Vogel erklärte am Montag, die Lage sei ernst. "
        "Es gebe 40 Verletzte in den Kliniken."
    )
    assert source_of(text, "40")[0] == "Hans Vogel"  # his title apart


def test_subjunctive_after_a_quotation_goes_on_with_the_speaker() -> None:
    text = (
        "„Wir sind seit Stunden im Einsatz“, sagte Einsatzleiterin Mara Timm. "
        "Bis zum Abend seien 75 Keller ausgepumpt worden."
    )
    assert source_of(text, "75")[0] == "Mara Timm"  # her title apart


def test_bis_with_a_weekday_in_a_past_clause_is_the_day_gone_by() -> None:
    past = "Bis Dienstag seien 300 Anträge eingegangen."
    ahead = "Die Halle bleibt bis Freitag geschlossen."
    assert [d.iso for d in extract_dates(past, PUB)] == ["2024-10-22"]
    assert [d.iso for d in extract_dates(ahead, PUB)] == ["2024-10-25"]


def test_a_number_word_out_of_those_named_is_a_figure() -> None:
    text = "Neun Menschen wurden verletzt, zwei von ihnen schwer."
    assert figure(text, "zwei") == ("zwei", 2, None, "", "")


def test_a_quotation_in_guillemets_is_no_attribution_as_well() -> None:
    text = "»Die Helfer haben Großartiges geleistet«, sagte Landrätin Ute Sommer."
    kinds = [s.kind for s in suggest(text, PUB, language="de")]
    assert kinds == ["quotation"]
