"""How German and Russian security reporting attributes and dates what it reports, as read from
the German and Russian listings of the security development set.  Every text here is written for
these tests."""

from __future__ import annotations

import datetime as dt

from db.assist.attribution import extract_attributions
from db.assist.dates import extract_dates
from db.assist.suggest import names_outlet, suggest

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def dates_of(text: str) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in extract_dates(text, PUBLISHED)}


def source_of(text: str, words: str, language: str) -> str | None:
    at = text.index(words)
    for a in extract_attributions(text, language):
        if a.start <= at < a.end:
            return a.source
    return None


# The outlet counting for itself

OWN_COUNT = (
    "Заголовок\n\n"
    "Мост закрыли на ремонт, сообщили в мэрии. В 2025 году, по подсчётам «Волжского курьера», "
    "ремонт дорог обошёлся городу не менее чем в 40 млн рублей."
)


def test_the_outlet_named_as_the_counter_in_another_case_is_its_own_statement() -> None:
    found = suggest(OWN_COUNT, PUBLISHED, "ru", outlet="Волжский курьер")
    figure = next(s for s in found if s.kind == "figure" and "40" in s.quote)
    assert figure.source is None
    # another outlet's count stays that outlet's
    other = suggest(OWN_COUNT, PUBLISHED, "ru", outlet="Северная газета")
    assert next(s for s in other if s.kind == "figure" and "40" in s.quote).source is not None


def test_names_outlet_allows_endings_only() -> None:
    assert names_outlet("«Невского вестника»", "Невский вестник")
    assert names_outlet("the Morning Ledger", "Morning Ledger")
    assert not names_outlet("«Невского времени»", "Невский вестник")
    assert not names_outlet("Ledger", "Morning Ledger")


# Seasons and parts of them, periods gone by

GERMAN_SEASONS = (
    "Die Stadtwerke haben seit dem Sommer mehr Busse im Einsatz. Der neue Tunnel soll bis zum "
    "Herbst 2027 fertig werden, die alte Brücke ist seit Frühjahr 2021 gesperrt und wird ab dem "
    "Winter abgerissen."
)


def test_a_german_season_after_seit_bis_zum_or_ab_dem_is_a_date() -> None:
    found = dates_of(GERMAN_SEASONS)
    assert found["seit dem Sommer"] == "2026-06-01/2026-08-31"
    assert found["bis zum Herbst 2027"] == "2027-09-01/2027-11-30"
    assert found["seit Frühjahr 2021"] == "2021-03-01/2021-05-31"
    assert found["ab dem Winter"] == "2026-12-01/2027-02-28"


def test_a_part_of_a_russian_season_is_its_ten_days() -> None:
    text = "К концу лета цены выросли, а в начале осени снова упали. С конца зимы цены растут."
    found = dates_of(text)
    assert found["К концу лета"] == "2026-08-21/2026-08-31"
    assert found["в начале осени"] == "2026-09-01/2026-09-10"
    # (since the end of a winter: the one gone by, not the one to come)
    assert found["С конца зимы"] == "2026-02-21"


def test_a_russian_period_gone_by_with_минувший() -> None:
    text = "За минувшую неделю сбито 12 дронов, а в минувшем году — 300."
    found = dates_of(text)
    assert found["За минувшую неделю"] == "2026-03-02/2026-03-08"
    assert found["в минувшем году"] == "2025-01-01/2025-12-31"


def test_a_deadline_at_the_end_of_the_year_is_its_december() -> None:
    text = "Ограничения будут действовать до конца года. В конце года цены выросли."
    found = dates_of(text)
    assert found["до конца года"] == "2026-12-01/2026-12-31"
    assert found["В конце года"] == "2026-09-01/2026-12-31"  # no deadline: its last third


# German: whose account a relayed report gives

RELAYED = (
    "Titel\n\n"
    "Die Armee verfügt nach Einschätzung des Generalstabs inzwischen über rund 400 Panzer. Das "
    "berichtet die Wochenzeitung „Nordkurier“ unter Berufung auf den Stab.\n\n"
    "Im März seien es noch etwa 300 gewesen, heißt es in dem Bericht. Der Generalstab gehe "
    "zudem davon aus, dass die Armee bis zum Herbst 2027 weitere 200 Panzer erhalte, schreibt "
    "die Zeitung.\n\n"
    "Nach Angaben des Ministeriums wurden seither mehr als 50 Panzer zerstört. Die Marine hatte "
    "bereits im Frühjahr gewarnt, der Gegner werde seine Angriffe im Winter verstärken."
)


def attribution_at(text: str, words: str, language: str) -> object:
    at = text.index(words)
    return next((a for a in extract_attributions(text, language) if a.start <= at < a.end), None)


def test_heisst_es_in_dem_bericht_is_the_report_just_cited() -> None:
    a = attribution_at(RELAYED, "etwa 300", "de")
    assert a is not None
    assert a.source == "Stab"  # type: ignore[attr-defined]
    assert a.relayed_by  # type: ignore[attr-defined]
    # with no report cited before, "heißt es" stays a hedge
    alone = "Titel\n\nIm März seien es noch etwa 300 gewesen, heißt es in dem Bericht."
    assert source_of(alone, "etwa 300", "de") is None


def test_a_subject_thinking_in_the_subjunctive_is_the_source_the_writer_its_relay() -> None:
    a = attribution_at(RELAYED, "weitere 200", "de")
    assert a is not None
    assert a.source == "Generalstab"  # type: ignore[attr-defined]
    assert a.relayed_by == ("Zeitung",)  # type: ignore[attr-defined]


def test_a_warning_in_the_pluperfect_is_its_subjects_not_the_sentence_befores() -> None:
    assert source_of(RELAYED, "im Winter", "de") == "Marine"
    assert source_of(RELAYED, "im Frühjahr", "de") is None  # when it warned: the outlet's
    assert source_of(RELAYED, "mehr als 50", "de") == "Ministeriums"


LISTENER = (
    "Titel\n\n"
    "Die Sprecherin des Vereins, Studienrätin Anna Kowalski, sagte der „Weserpost“, die neuen "
    "Stellen seien „ein Tropfen auf den heißen Stein“. Sie forderte, mindestens 500 weitere "
    "Lehrer einzustellen."
)


def test_the_paper_a_speaker_in_apposition_spoke_to_is_no_source() -> None:
    assert source_of(LISTENER, "neuen Stellen", "de") == "Studienrätin Anna Kowalski"
    assert source_of(LISTENER, "mindestens 500", "de") == "Studienrätin Anna Kowalski"


def test_jeder_vierte_is_one_in_four() -> None:
    text = (
        "Titel\n\nDie Kasse meldet einen Rückgang. Etwa jeder vierte Versicherte zahlt zu spät, "
        "jede zehnte Rechnung bleibt offen. Jeder einzelne Fall zählt."
    )
    figures = {s.quote[s.target_start - s.start : s.target_end - s.start]: s.value
               for s in suggest(text, PUBLISHED, "de") if s.kind == "figure"}  # fmt: skip
    assert figures == {"Etwa jeder vierte": 0.25, "jede zehnte": 0.1}


PAPER = (
    "Titel\n\n"
    "Die Zeitung „Nordbote“ berief sich am Montag auf ein vertrauliches Gutachten des "
    "Landesrechnungshofs, wonach an den Schulen derzeit etwa 1.200 Stellen fehlen. Dem Gutachten "
    "zufolge könne das Land die Lücke erst 2031 schließen.\n\n"
    "Bis 2030 sollen es nach den Plänen der Landesregierung 2.000 Lehrer mehr sein. Der "
    "Elternverband hält den Plan nach den Worten seiner Vorsitzenden Petra Lamm für zu wenig.\n\n"
    "Schulleiterin Eva Berg, die seit 2015 die Gesamtschule leitet, sagt: „Die Hälfte der Klassen "
    "hat keinen Mathelehrer. Das holen wir in zwei Jahren nicht auf.“"
)


def test_a_paper_an_outlet_relies_on_is_the_source_the_outlet_its_relay() -> None:
    a = attribution_at(PAPER, "etwa 1.200", "de")
    assert a is not None
    assert "Gutachten des Landesrechnungshofs" in (a.source or "")  # type: ignore[attr-defined]
    assert a.relayed_by == ("Nordbote",)  # type: ignore[attr-defined]
    assert a.start == PAPER.index("an den Schulen")  # type: ignore[attr-defined]


def test_nach_den_plaenen_and_nach_den_worten_name_the_source() -> None:
    assert source_of(PAPER, "2.000 Lehrer", "de") == "Landesregierung"
    assert "Petra Lamm" in (source_of(PAPER, "zu wenig", "de") or "")


def test_a_german_year_after_erst_is_a_date() -> None:
    assert dates_of(PAPER)["2031"] == "2031-01-01/2031-12-31"
    assert "1500" not in dates_of("Titel\n\nBisher haben erst 1500 Menschen unterschrieben.")


def test_a_quotation_after_sagt_colon_runs_on_to_its_closing_mark() -> None:
    assert source_of(PAPER, "zwei Jahren", "de") == "Eva Berg"
    a = attribution_at(PAPER, "Die Hälfte", "de")
    assert a is not None and PAPER[a.end - 1] == "“"  # type: ignore[attr-defined]


def test_the_statement_after_whom_a_speaker_spoke_to_leaves_the_listener_out() -> None:
    a = attribution_at(LISTENER, "neuen Stellen", "de")
    assert a is not None
    assert LISTENER[a.start :].startswith("die neuen Stellen")  # type: ignore[attr-defined]


def test_a_statement_after_a_whole_quotation_in_one_sentence_is_no_quotation() -> None:
    text = (
        "Titel\n\n„Wir schaffen das“, sagte Müller. „Ohne Geld geht es nicht.“ Das Amt wolle "
        "deshalb die Schulen schneller sanieren, kündigte sie an."
    )
    a = attribution_at(text, "Schulen", "de")
    assert a is not None
    assert text[a.start :].startswith("Das Amt wolle")  # type: ignore[attr-defined]
    assert not a.quotation  # type: ignore[attr-defined]
    quotes = [s for s in suggest(text, PUBLISHED, "de") if s.kind == "quotation"]
    assert [q.source for q in quotes] == ["Müller", "Müller"]


# Russian: asides, relative clauses, the rest of a count, an unnamed source taken up again

RUSSIAN = (
    "Заголовок\n\n"
    "Над регионом за ночь сбили 40 дронов, сообщило в четверг Министерство обороны.\n\n"
    "Как уточнили в ведомстве, больше всего аппаратов — 15 — сбили над Тульской областью. "
    "Остальные 25 беспилотников были уничтожены над пятью другими регионами.\n\n"
    "Ремонтные бригады, как заверили в администрации, работают без выходных. Власти района в мае "
    "ввели особый режим, который, как пояснили в мэрии города, будет действовать до конца года.\n\n"
    "Мост будет закрыт на ремонт, сообщил газете источник, знакомый с планами мэрии. По словам "
    "собеседника, работы обойдутся в 300 млн рублей. Он добавил, что мэрия рассчитывает на помощь "
    "области."
)


def test_the_rest_of_a_count_goes_on_with_its_source() -> None:
    assert source_of(RUSSIAN, "25 беспилотников", "ru") == "Министерство обороны"


def test_a_body_saying_so_in_an_aside_is_the_source_not_a_relay() -> None:
    a = attribution_at(RUSSIAN, "без выходных", "ru")
    assert a is not None
    assert a.source == "администрации"  # type: ignore[attr-defined]
    assert a.relayed_by == ()  # type: ignore[attr-defined]
    # an outlet passing a subject's doing on stays a relay
    relayed = "Заголовок\n\nРоспотребнадзор, как передаёт ТАСС, отобрал 30 проб воды в реке."
    b = attribution_at(relayed, "30 проб", "ru")
    assert b is not None
    assert b.relayed_by == ("ТАСС",)  # type: ignore[attr-defined]


def test_an_aside_in_a_relative_clause_covers_that_clause_only() -> None:
    assert source_of(RUSSIAN, "в мае", "ru") is None
    assert source_of(RUSSIAN, "до конца года", "ru") == "мэрии города"


def test_он_takes_up_an_unnamed_source() -> None:
    assert source_of(RUSSIAN, "рассчитывает на помощь", "ru") == "собеседника"


def test_the_rest_with_no_count_is_no_carried_statement() -> None:
    text = (
        "Заголовок\n\nВ больницу доставили 12 детей, сообщили в минздраве. Остальных отпустили "
        "домой."
    )
    assert source_of(text, "отпустили", "ru") is None


# Russian: what is still to come


def test_a_date_in_what_a_body_fears_or_a_clause_that_may_be_is_ahead() -> None:
    published = dt.date(2026, 11, 12)
    text = (
        "В штабе опасаются, что сокращение выплат ударит по набору весной. Как передаёт "
        "агентство, с 1 января выплаты могут быть снижены. Весной выплаты снизили, а с 1 марта "
        "их подняли."
    )
    found = [(text[d.start : d.end], d.iso) for d in extract_dates(text, published)]
    assert found == [
        ("весной", "2027-03-01/2027-05-31"),
        ("с 1 января", "2027-01-01"),
        ("Весной", "2026-03-01/2026-05-31"),
        ("с 1 марта", "2026-03-01"),
    ]


# More German and Russian ways of naming a source

GERMAN_MORE = (
    "Titel\n\n"
    "Nach Erkenntnissen des Bundesnachrichtendienstes hat Russland 300 Panzer verlegt. Nach "
    "Auskunft der Bundespolizei wurden 40 Drohnen gesichtet.\n\n"
    "Die EU-Kommission teilte mit, die Sanktionen beträfen 45 Schiffe. Zudem würden 20 Firmen "
    "gelistet.\n\n"
    "Moskau wirft Kiew vor, die Feuerpause bereits 14 Mal gebrochen zu haben.\n\n"
    "„Die Lage ist ernst“, sagte Oberst Max Huber. „Wir zählen täglich 30 Angriffe.“ Er fügte "
    "hinzu, die Luftabwehr sei überlastet."
)


def test_more_german_documents_and_accusations_name_their_source() -> None:
    assert source_of(GERMAN_MORE, "300 Panzer", "de") == "Bundesnachrichtendienstes"
    assert source_of(GERMAN_MORE, "40 Drohnen", "de") == "Bundespolizei"
    assert source_of(GERMAN_MORE, "14 Mal", "de") == "Moskau"


def test_reported_speech_in_würden_goes_on_with_its_speaker() -> None:
    assert source_of(GERMAN_MORE, "20 Firmen", "de") == "EU-Kommission"


def test_a_quotation_read_with_the_next_sentence_goes_on_with_its_speaker() -> None:
    assert source_of(GERMAN_MORE, "30 Angriffe", "de") == "Oberst Max Huber"
    assert source_of(GERMAN_MORE, "Luftabwehr", "de") == "Oberst Max Huber"


def test_a_german_or_russian_year_with_its_start_or_end() -> None:
    published = dt.date(2026, 11, 12)
    text = "Die Brigade soll bis Ende 2027 wachsen. Seit Anfang 2024 und Mitte 2025 war es so."
    found = {text[d.start : d.end]: d.iso for d in extract_dates(text, published)}
    assert found["bis Ende 2027"] == "2027-12-01/2027-12-31"
    assert found["Seit Anfang 2024"] == "2024-01-01"
    assert found["Mitte 2025"] == "2025-05-01/2025-08-31"
    ru = "К концу 2027 года бригада вырастет, а в начале 2024 года было 40 машин."
    found = {ru[d.start : d.end]: d.iso for d in extract_dates(ru, published)}
    assert found["К концу 2027 года"] == "2027-12-01/2027-12-31"
    assert found["в начале 2024 года"] == "2024-01-01/2024-01-31"


RUSSIAN_MORE = (
    "Заголовок\n\n"
    "Минобороны заявило о перехвате 40 беспилотников. Как сообщает агентство «Север», в обмене "
    "участвовали 84 военнослужащих. В ведомстве подчеркнули, что перемирие продлится 30 дней.\n\n"
    "«Ситуация тяжёлая», — заявил полковник Сергей Орлов. «Каждую ночь мы фиксируем до 25 "
    "атак». Он также сообщил, что ПВО перегружена.\n\n"
    "Санкции затронули 45 танкеров, говорится в заявлении Еврокомиссии. В документе также "
    "указано, что под ограничения попали 20 компаний."
)


def test_говорится_в_заявлении_names_its_author_and_в_документе_takes_it_up() -> None:
    assert source_of(RUSSIAN_MORE, "45 танкеров", "ru") == "Еврокомиссии"
    assert source_of(RUSSIAN_MORE, "20 компаний", "ru") == "Еврокомиссии"


def test_a_department_is_no_news_agency_named_before() -> None:
    assert source_of(RUSSIAN_MORE, "30 дней", "ru") != "агентство «Север»"


def test_a_russian_quotation_closing_before_its_full_stop_goes_on_with_its_speaker() -> None:
    assert source_of(RUSSIAN_MORE, "до 25", "ru") == "Сергей Орлов"


def test_who_told_an_outlet_is_the_source_of_what_it_passed_on() -> None:
    at = RUSSIAN_TOLD.index("84 военнослужащих")
    holding = [a for a in extract_attributions(RUSSIAN_TOLD, "ru") if a.start <= at < a.end]
    a = min(holding, key=lambda h: h.end - h.start)  # (what a figure there is read with)
    assert a.source == "источник в силовых структурах"
    assert a.relayed_by == ("агентство «Север»",)
    # with no one named as having told it, the outlet stays the source
    alone = RUSSIAN_TOLD.split(" Об этом")[0]
    assert source_of(alone, "84 военнослужащих", "ru") == "агентство «Север»"


RUSSIAN_TOLD = (
    "Заголовок\n\n"
    "Как сообщает агентство «Север», в обмене участвовали 84 военнослужащих. Об этом агентству "
    "рассказал источник в силовых структурах."
)
