"""How German and English news attribute what they report: "hieß es aus X", "wie aus X
hervorgeht", "Das teilte X mit." after the statement, "nach eigenen Angaben", "demnach", demands
and estimates, a verb of saying after an opening phrase, a quotation after a colon; "…, X said,
the third rise in a row", "told the paper the …", "people familiar with the matter", a clause
without a figure beside one with it.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from assist_support import figure_at, of_kind

from db.assist.dates import extract_dates
from db.assist.numbers import extract_figures
from db.assist.suggest import Suggestion, suggest

PUBLISHED = dt.date(2025, 9, 3)  # a Wednesday


def at(found: list[Suggestion], kind: str, target: str, text: str) -> Suggestion:
    """The one suggestion of *kind* whose target reads *target*."""
    hits = [s for s in of_kind(found, kind) if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.kind, s.quote, s.source) for s in found]
    return hits[0]


# German: who is the source


@pytest.mark.parametrize(
    ("text", "target", "source"),
    [
        ("Aus dem Finanzministerium hieß es, man werde 40 Stellen streichen.", "40",
         "Finanzministerium"),
        ("Die Kosten lägen bei 3 Millionen Euro, hieß es aus der Staatskanzlei.", "3 Millionen",
         "Staatskanzlei"),
        ("In einer Mitteilung der Feuerwehr hieß es, 12 Keller seien vollgelaufen.", "12",
         "Feuerwehr"),
        ("Die Mieten stiegen um 6 Prozent, wie aus einer Auswertung des Mieterbundes hervorgeht.",
         "6 Prozent", "Mieterbundes"),
        ("Wie aus dem Jahresbericht der Klinik hervorgeht, fehlen 40 Pflegekräfte.", "40",
         "Klinik"),
        ("Die Firma hat nach eigenen Angaben 300 neue Stellen geschaffen.", "300", "Firma"),
        ("Nach eigenen Angaben hat der Verein mehr als 900 Mitglieder.", "mehr als 900",
         "Verein"),
        ("Die Gewerkschaft fordert eine Lohnerhöhung von 7 Prozent.", "7 Prozent",
         "Gewerkschaft"),
        ("Den Schaden beziffert die Versicherung auf 2 Millionen Euro.", "2 Millionen",
         "Versicherung"),
        ("Am Abend erklärte Polizeisprecherin Jana Kurz, 12 Menschen seien verletzt worden.", "12",
         "Jana Kurz"),
        ("Die Preise sind um 4 Prozent gestiegen, berichtet die „Neue Presse“.", "4 Prozent",
         "Neue Presse"),
        ("Nach Angaben der Gewerkschaft Erziehung und Wissenschaft (GEW) streikten 1.200 Lehrer.",
         "1.200", "Gewerkschaft Erziehung und Wissenschaft"),
        ("Die Ärztin Eva Kranz hält es für möglich, dass sich 30 weitere Menschen anstecken.",
         "30", "Ärztin Eva Kranz"),
    ],
)  # fmt: skip
def test_german_sources(text: str, target: str, source: str) -> None:
    assert at(suggest(text, PUBLISHED, "de"), "figure", target, text).source == source


def test_das_teilte_x_mit_gives_the_sentence_before_its_source() -> None:
    text = (
        "Unbekannte haben in Halle 3.000 Euro aus einem Automaten erbeutet. "
        "Das teilte die Polizei Sachsen-Anhalt am Sonntag mit."
    )
    found = suggest(text, PUBLISHED, "de")
    assert figure_at(found, "3.000", text).source == "Polizei Sachsen-Anhalt"
    assert at(found, "date", "am Sonntag", text).source is None  # the day it was said


def test_the_time_of_the_saying_before_the_comma_is_the_outlets() -> None:
    text = "Innenminister Karl Berg sagte am Dienstag, 40 Beamte seien im Einsatz."
    found = suggest(text, PUBLISHED, "de")
    assert figure_at(found, "40", text).source == "Karl Berg"
    assert at(found, "date", "am Dienstag", text).source is None


def test_a_relay_citing_its_own_source_in_a_relative_clause() -> None:
    text = (
        "Die Brücke war nach Informationen des Senders Radio Süd, der sich auf Behördenkreise "
        "beruft, seit 2021 gesperrt."
    )
    hit = at(suggest(text, PUBLISHED, "de"), "date", "seit 2021", text)
    assert hit.source == "Behördenkreise"
    assert hit.relayed_by == ("Senders Radio Süd",)


def test_a_paper_named_in_quotation_marks_relays() -> None:
    text = (
        "Die „Ostsee-Zeitung“ berichtete unter Berufung auf Polizeikreise, die Boote seien "
        "absichtlich beschädigt worden."
    )
    statements = of_kind(suggest(text, PUBLISHED, "de"), "attribution")
    assert [(s.source, s.relayed_by) for s in statements] == [
        ("Polizeikreise", ("Ostsee-Zeitung",))
    ]


def test_demnach_carries_the_source_of_the_sentence_before() -> None:
    text = (
        "Die SPD kam nach Angaben der Landeswahlleiterin auf 31,2 Prozent. "
        "Die CDU erhielt demnach 28,9 Prozent. Die Grünen landeten bei 9,4 Prozent."
    )
    found = suggest(text, PUBLISHED, "de")
    assert figure_at(found, "28,9 Prozent", text).source == "Landeswahlleiterin"
    assert figure_at(found, "9,4 Prozent", text).source is None


def test_der_sprecher_is_the_spokesman_named_before() -> None:
    text = (
        "Wie ein Sprecher der Stadtwerke berichtete, fiel der Strom aus. "
        "Die Leitung bleibe 3 Tage gesperrt, so der Sprecher."
    )
    hit = figure_at(suggest(text, PUBLISHED, "de"), "3", text)
    assert hit.source == "Stadtwerke"


def test_a_surname_opening_a_sentence_is_who_she_is_after_it() -> None:
    text = (
        "„Wir sind zufrieden“, sagte Trainer Jens Ohm über Kapitänin Lea Marx. Marx sah das "
        "anders. Sie sagte, die Mannschaft habe 3 Chancen vergeben."
    )
    hit = figure_at(suggest(text, PUBLISHED, "de"), "3", text)
    assert hit.source is not None and hit.source.endswith("Lea Marx")


def test_a_person_named_after_von_speaks_for_themself() -> None:
    text = (
        "„Das wird teuer“, sagte der Ökonom Tim Berger von der Universität Kiel. "
        "Er rechne mit 5 Prozent Inflation."
    )
    found = suggest(text, PUBLISHED, "de")
    quotation = of_kind(found, "quotation")[0]
    assert quotation.source is not None and quotation.source.endswith("Tim Berger")


# German: quotations and statements


def test_a_quotation_after_a_colon_runs_over_two_sentences() -> None:
    text = (
        "Polizeisprecherin Anna Beck sagte der „Oberland-Zeitung“: „Wir ermitteln in alle "
        "Richtungen. Es gibt erste Hinweise.“"
    )
    quotations = of_kind(suggest(text, PUBLISHED, "de"), "quotation")
    assert [(q.quote, q.source) for q in quotations] == [
        ("Wir ermitteln in alle Richtungen. Es gibt erste Hinweise.", "Anna Beck")
    ]
    assert not of_kind(suggest(text, PUBLISHED, "de"), "attribution")


def test_a_short_sentence_closing_on_a_german_quotation_mark_is_read() -> None:
    text = "Landrätin Ute Sommer sagte: „Das reicht nicht.“"
    quotations = of_kind(suggest(text, PUBLISHED, "de"), "quotation")
    assert [q.source for q in quotations] == ["Ute Sommer"]


def test_sprach_von_gives_the_quoted_words_to_the_speaker() -> None:
    text = "Bürgermeister Otto Brenner sprach von einem „rabenschwarzen Tag für die Stadt“."
    found = suggest(text, PUBLISHED, "de")
    assert [(q.quote, q.source) for q in of_kind(found, "quotation")] == [
        ("rabenschwarzen Tag für die Stadt", "Otto Brenner")
    ]
    assert not of_kind(found, "attribution")


@pytest.mark.parametrize(
    ("text", "statement", "source"),
    [
        ("Wie die Polizei mitteilte, verlief die Demonstration friedlich.",
         "verlief die Demonstration friedlich", "Polizei"),
        ("In Parteikreisen hieß es, man rechne mit einem knappen Ausgang.",
         "man rechne mit einem knappen Ausgang", "Parteikreisen"),
        ("Der Mieterbund fordert, dass die Stadt mehr Sozialwohnungen baut.",
         "die Stadt mehr Sozialwohnungen baut", "Mieterbund"),
        ("Im Gespräch mit dem Sender sagte die Ministerin, sie wolle schnell handeln.",
         "sie wolle schnell handeln", "Ministerin"),
    ],
)  # fmt: skip
def test_german_statements(text: str, statement: str, source: str) -> None:
    statements = of_kind(suggest(text, PUBLISHED, "de"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [(statement, source)]


# German: figures and dates the sources give


def test_german_number_words_before_a_noun_are_figures() -> None:
    text = (
        "Die Täter zerschlugen drei von acht Scheiben. "
        "In vier Gemeinden fiel um sechs Uhr der Strom aus."
    )
    found = [(text[f.start : f.end], f.value) for f in extract_figures(text, "de")]
    assert found == [("drei", 3), ("acht", 8), ("vier", 4)]


def test_a_number_a_german_noun_names_is_no_count() -> None:
    text = "Das Gericht berief sich auf Artikel 5 Grundgesetz und auf Absatz 2 Satz 1."
    assert extract_figures(text, "de") == []


def test_a_count_after_a_day_and_its_part_is_a_figure() -> None:
    text = "Laut der Hafenbehörde lagen am Mittwochmorgen 9 Tanker vor Anker."
    hit = figure_at(suggest(text, PUBLISHED, "de"), "9", text)
    assert (hit.source, hit.event_date) == ("Hafenbehörde", "2025-09-03")


@pytest.mark.parametrize(
    ("sentence", "span", "iso"),
    [
        ("Die Stadt will bis 2030 neue Wohnungen bauen.", "bis 2030", "2030-01-01/2030-12-31"),
        ("Ab 2027 gilt die neue Regel.", "Ab 2027", "2027-01-01/2027-12-31"),
        ("Seit Jahresbeginn haben sich die Anfragen verdoppelt.", "Seit Jahresbeginn",
         "2025-01-01/2025-09-03"),
        ("Im ersten Halbjahr stiegen die Preise.", "Im ersten Halbjahr", "2025-01-01/2025-06-30"),
        ("In der zweiten Jahreshälfte 2023 sank der Absatz.", "In der zweiten Jahreshälfte 2023",
         "2023-07-01/2023-12-31"),
    ],
)  # fmt: skip
def test_german_dates(sentence: str, span: str, iso: str) -> None:
    found = [(sentence[d.start : d.end], d.iso) for d in extract_dates(sentence, PUBLISHED)]
    assert found == [(span, iso)]


def test_a_year_before_uhr_is_a_time() -> None:
    assert extract_dates("Der Zug fährt ab 2030 Uhr.", PUBLISHED) == []


# English


def test_a_noun_phrase_after_a_trailing_cue_is_the_sources_and_no_statement() -> None:
    text = (
        "Rainfall in the valley was 40 per cent of the average, the weather service said, the "
        "wettest autumn there since 1950."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "40 per cent", text).source == "weather service"
    assert at(found, "date", "since 1950", text).source == "weather service"
    text = "Fares will go up by 3 per cent, the operator said on Tuesday, the second rise in 2025."
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "3 per cent", text).source == "operator"
    assert not of_kind(found, "attribution")


def test_whom_a_source_told_stops_before_what_it_said() -> None:
    text = "Jo Park, an engineer, told the paper the repair budget had been cut year after year."
    statements = of_kind(suggest(text, PUBLISHED, "en"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [
        ("the repair budget had been cut year after year", "Jo Park")
    ]


def test_a_quotation_after_a_colon_is_the_persons_the_sentence_opens_on() -> None:
    text = (
        'Councillor Anne Birch, who leads the opposition group, was blunter: "This budget is a '
        'fantasy."'
    )
    quotations = of_kind(suggest(text, PUBLISHED, "en"), "quotation")
    assert [q.source for q in quotations] == ["Anne Birch"]


def test_what_a_group_calls_something_is_its_quotation() -> None:
    text = (
        "The residents' group Green Lanes First called the plan \"a disaster for the whole "
        'estate". Its secretary, Tom Hale, told reporters that more meetings would follow.'
    )
    quotations = of_kind(suggest(text, PUBLISHED, "en"), "quotation")
    assert [q.source for q in quotations] == ["Green Lanes First"]


def test_a_group_on_a_council_blames() -> None:
    text = "The Green group on the council blamed poor planning for the long delays."
    statements = of_kind(suggest(text, PUBLISHED, "en"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [
        ("poor planning for the long delays", "Green group")
    ]


def test_people_familiar_with_the_matter_are_the_source() -> None:
    text = "The deal is worth £2 billion, two people familiar with the matter told Reuters."
    hit = figure_at(suggest(text, PUBLISHED, "en"), "£2 billion", text)
    assert hit.source == "people familiar with the matter"


def test_a_body_named_with_an_organisation_word_is_not_cut() -> None:
    text = (
        "Unemployment rose to 4.4 per cent, according to data from the Office for National "
        "Statistics."
    )
    hit = figure_at(suggest(text, PUBLISHED, "en"), "4.4 per cent", text)
    assert hit.source == "Office for National Statistics"


def test_a_description_before_a_trailing_name_is_not_part_of_the_statement() -> None:
    text = "Ballots arrived late and were not counted, the clerk, Ann Ward, told reporters."
    statements = of_kind(suggest(text, PUBLISHED, "en"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [
        ("Ballots arrived late and were not counted", "Ann Ward")
    ]


def test_a_clause_without_a_figure_beside_one_with_it_is_a_statement() -> None:
    text = (
        "Staff had switched to paper records, and ambulances would be diverted for at least 24 "
        "hours, the hospital's director said."
    )
    statements = of_kind(suggest(text, PUBLISHED, "en"), "attribution")
    assert [s.quote for s in statements] == ["Staff had switched to paper records"]


def test_he_after_a_cited_description_is_that_person() -> None:
    text = (
        "The Tribune reported, citing an engineer at the plant, that the leak began in 2019. He "
        "said repairs had been put off again and again."
    )
    statements = of_kind(suggest(text, PUBLISHED, "en"), "attribution")
    assert [s.source for s in statements][-1] == "engineer at the plant"


# Danish and Swedish quotation marks


def test_a_quotation_between_two_closing_marks_is_read() -> None:
    text = "”Vi har aldrig set så mange patienter,” siger overlæge Hans Berg."
    quotations = of_kind(suggest(text, PUBLISHED, "da"), "quotation")
    assert [(q.quote, q.source) for q in quotations] == [
        ("Vi har aldrig set så mange patienter", "Hans Berg")
    ]
