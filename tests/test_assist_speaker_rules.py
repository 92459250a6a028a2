"""Who speaks, read as news in each language writes it: the Russian "Как пояснил X, …" and
its kin, where a Russian speaker named in full comes from ("… из Кимр"), an Arabic relative
clause describing a speaker without a comma before it ("… الذي يملك …"), and the rules of the
other families in this file.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import of_kind

from db.assist.suggest import Suggestion, suggest

PUBLISHED = dt.date(2026, 5, 20)  # a Wednesday


def at(found: list[Suggestion], kind: str, target: str, text: str) -> Suggestion:
    """The one suggestion of *kind* whose target reads *target*."""
    hits = [s for s in of_kind(found, kind) if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.kind, s.quote, s.source) for s in found]
    return hits[0]


# Russian and Arabic speakers


def test_russian_as_explained_by_a_named_person_gives_the_source() -> None:
    for verb in ("пояснил", "подчеркнула", "добавил", "признал"):
        text = f"Как {verb} директор завода Иван Петров, до осени на заводе построят 12 цехов."
        found = suggest(text, PUBLISHED, language="ru")
        assert at(found, "figure", "12", text).source == "Иван Петров", verb


def test_where_a_russian_speaker_comes_from_is_not_part_of_the_name() -> None:
    text = "«На этом озере рыба перевелась», — сказал рыбак Пётр Лужин из Кимр."
    found = suggest(text, PUBLISHED, language="ru")
    quote = at(found, "quotation", "На этом озере рыба перевелась", text)
    assert quote.source is not None and quote.source.endswith("Пётр Лужин")
    text = (
        "Водитель Олег Марков из посёлка Шувакиш на улице Лесной жалуется: «Дорогу чинят "
        "третий год. Ямы только растут»."
    )
    found = suggest(text, PUBLISHED, language="ru")
    quotes = of_kind(found, "quotation")
    assert [q.source for q in quotes] == ["Олег Марков"]
    # a role and the body it is from stays whole
    text = "«Мы ждём 40 тонн зерна», — сказал эксперт из Минздрава."
    found = suggest(text, PUBLISHED, language="ru")
    assert at(found, "figure", "40", text).source == "эксперт из Минздрава"


def test_an_arabic_relative_clause_after_a_speaker_is_not_part_of_the_name() -> None:
    text = "«لم نبع شيئا منذ الصباح»، قال البقال سمير الحداد الذي يدير متجرا قرب المحطة."
    found = suggest(text, PUBLISHED, language="ar")
    quotes = of_kind(found, "quotation")
    assert [q.source for q in quotes] == ["البقال سمير الحداد"]


def test_danish_figures_a_relative_clause_names_the_publisher_of() -> None:
    text = (
        "Salget af elbiler i Aarhus steg til 2.400 i juli. "
        "Det viser nye tal, som Danmarks Statistik har offentliggjort."
    )
    found = suggest(text, PUBLISHED, language="da")
    assert at(found, "figure", "2.400", text).source == "Danmarks Statistik"


# Korean


def test_a_korean_breakdown_closing_on_who_followed_goes_on_with_the_count_before() -> None:
    text = (
        "통계청이 2일 내놓은 자료에 따르면 지난달 쌀 소비량은 4만2천 톤으로 지난해보다 3% "
        "줄었다.\n\n지역별로는 경기가 9천 톤으로 가장 많았으며 서울이 7천 톤으로 그 뒤를 "
        "이었다.\n\n농민 김모씨는 논 3곳을 갖고 있다."
    )
    found = suggest(text, PUBLISHED, language="ko")
    for target in ("9천 톤", "7천 톤"):
        assert at(found, "figure", target, text).source == "통계청", target
    assert at(found, "figure", "3곳", text).source is None


def test_a_korean_speaker_after_the_quotation_may_follow_a_relative_clause() -> None:
    text = '"버스가 끊기면 출근할 방법이 없다"고 시 외곽 마을에 사는 회사원 이모(33)씨가 말했다.'
    found = suggest(text, PUBLISHED, language="ko")
    quotes = of_kind(found, "quotation")
    assert [q.source for q in quotes] == ["회사원 이모(33)씨"]
    # a noun ending in the syllable of the quotative particle ("사고") is no quotation's end
    text = "음주운전 사고 사망자는 150명 안팎이었다고 경찰청은 덧붙였다."
    found = suggest(text, PUBLISHED, language="ko")
    assert at(found, "figure", "150명 안팎", text).source == "경찰청"


# German and English


def test_a_german_day_before_its_month_does_not_end_the_sentence() -> None:
    text = "Ab dem 1. Oktober kostet das Parken 2 Euro pro Stunde, teilte die Stadt Kiel mit."
    found = suggest(text, PUBLISHED, language="de")
    two = at(found, "figure", "2", text)
    assert two.source == "Stadt Kiel"
    assert two.quote.startswith("Ab dem 1. Oktober")


def test_a_club_number_closes_its_name_in_a_german_noun_phrase() -> None:
    text = (
        "Die „Kreiszeitung“ meldete unter Berufung auf den Trainer des Sportvereins TuS Ahlen "
        "48, dem Verein fehlten 25.000 Euro."
    )
    found = suggest(text, PUBLISHED, language="de")
    figure = at(found, "figure", "25.000", text)
    assert figure.source == "Trainer des Sportvereins TuS Ahlen 48"
    assert figure.relayed_by == ("Kreiszeitung",)


def test_german_speaker_after_a_cue_naming_who_passed_it_on() -> None:
    text = "Nach Angaben der Zeitung rechnet die Verwaltung damit, dass 40 Stellen wegfallen."
    found = suggest(text, PUBLISHED, language="de")
    figure = at(found, "figure", "40", text)
    assert (figure.source, figure.relayed_by) == ("Verwaltung", ("Zeitung",))
    text = "Laut Polizei gab es am Montag 12 Verletzte."
    found = suggest(text, PUBLISHED, language="de")
    assert at(found, "figure", "12", text).source == "Polizei"


def test_a_german_subject_with_where_it_sits_before_its_verb_of_saying() -> None:
    text = "Die Fraktion im Kreistag kritisierte, der Landrat habe die Busse zu spät bestellt."
    found = suggest(text, PUBLISHED, language="de")
    statements = of_kind(found, "attribution")
    assert [(s.quote, s.source) for s in statements] == [
        ("der Landrat habe die Busse zu spät bestellt", "Fraktion")
    ]


def test_german_own_account_with_an_object_between_subject_and_cue() -> None:
    text = "Der Landesbetrieb Straßenbau hat die Brücke nach eigenen Angaben am Montag gesperrt."
    found = suggest(text, PUBLISHED, language="de")
    assert at(found, "date", "am Montag", text).source == "Landesbetrieb Straßenbau"
    # an object opening the sentence is no subject
    text = "Den Antrag hat das Amt nach eigenen Angaben am Montag abgelehnt."
    found = suggest(text, PUBLISHED, language="de")
    assert at(found, "date", "am Montag", text).source != "Antrag"


def test_a_short_that_clause_after_a_verb_of_saying_is_a_statement() -> None:
    text = "Local shopkeepers warned that thefts would rise."
    found = suggest(text, PUBLISHED, language="en")
    statements = of_kind(found, "attribution")
    assert [(s.quote, s.source) for s in statements] == [("thefts would rise", "Local shopkeepers")]
