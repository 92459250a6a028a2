"""Attribution cues read in general ways: quotation marks of every language, whom a source
spoke to, Korean citing chains and long Korean subjects, and a subject cut short by a relay."""

from __future__ import annotations

from assist_support import of_kind

from db.assist.suggest import suggest


def test_guillemets_and_low_high_quotes_are_quotations() -> None:
    ru = "«Мы готовы восстановить мост к осени», — сказал мэр Пётр Орлов."
    quotes = of_kind(suggest(ru, None, "ru"), "quotation")
    assert [(q.quote, q.source) for q in quotes] == [
        ("Мы готовы восстановить мост к осени", "Пётр Орлов")
    ]
    da = "„Vi har ikke penge nok til flere busser,“ siger borgmester Karen Ravn."
    quotes = of_kind(suggest(da, None, "da"), "quotation")
    assert [q.quote for q in quotes] == ["Vi har ikke penge nok til flere busser"]
    assert quotes[0].source is not None and "Ravn" in quotes[0].source


def test_whom_a_source_spoke_to_is_not_part_of_the_name() -> None:
    text = '"Vi åbner skolen igen i næste uge," siger Ravn til avisen.'
    quotes = of_kind(suggest(text, None, "da"), "quotation")
    assert [q.source for q in quotes] == ["Ravn"]


def test_korean_citing_names_the_cited_source_and_the_citer_as_relay() -> None:
    text = (
        "방송사 한빛TV는 해경 관계자를 인용해 "
        "제주 남쪽 바다에서 화물선이 기관 고장으로 멈춰 섰다고 보도했다."
    )
    found = [s for s in suggest(text, None, "ko") if s.source]
    assert found, "the relayed statement is suggested"
    assert {s.source for s in found} == {"해경 관계자"}
    assert all(s.relayed_by[:1] == ("방송사 한빛TV",) for s in found)


def test_korean_subject_of_five_words() -> None:
    text = '경기도 재난안전본부 소속 박정민 대변인은 "복구 작업이 예정보다 늦어지고 있다"고 말했다.'
    quotes = of_kind(suggest(text, None, "ko"), "quotation")
    assert len(quotes) == 1 and quotes[0].source is not None
    assert "박정민" in quotes[0].source


def test_a_subject_cut_short_by_a_relay_is_no_statement() -> None:
    text = (
        "Volunteers from the regional relief mission reported shortages of clean water in the "
        "camps, a mission spokeswoman said, citing notes from its field staff."
    )
    statements = of_kind(suggest(text, None, "en"), "attribution")
    assert statements and all("shortages" in s.quote for s in statements), statements


def test_russian_number_words_in_oblique_cases_are_figures() -> None:
    from db.assist.numbers import extract_figures

    text = "В учениях участвуют военные из восьми стран, работы займут не менее трёх суток."
    found = [(text[f.start : f.end], f.value, f.unit) for f in extract_figures(text, "ru")]
    assert found == [("восьми", 8, "countries"), ("не менее трёх", 3, "days")]


def test_a_promise_or_demand_is_the_subjects() -> None:
    ru = "Министр финансов Ольга Ким потребовала от банков снизить ставки по ипотеке для семей."
    statements = of_kind(suggest(ru, None, "ru"), "attribution")
    assert [s.source for s in statements] == ["Ольга Ким"]
    assert statements[0].quote.startswith("снизить ставки")
    figure = suggest("Мэр пообещал направить на ремонт школ 40 млн рублей.", None, "ru")
    assert [(s.kind, s.source) for s in figure] == [("figure", "Мэр")]
    da = "Borgmester Karen Ravn lover at åbne nye skoler i kommunen inden sommerferien."
    statements = [s for s in suggest(da, None, "da") if s.source]
    assert statements and all("Karen Ravn" in (s.source or "") for s in statements)


def test_coming_and_recent_spans_are_dates_left_unresolved() -> None:
    import datetime as dt

    from db.assist.dates import extract_dates

    cases = {
        "ar": ("وقالت الوزارة إن الطائرات ستصل خلال الأسابيع الثلاثة المقبلة.",
               "خلال الأسابيع الثلاثة المقبلة"),
        "ru": ("Мост откроют в ближайшие две недели, сообщили в мэрии.",
               "в ближайшие две недели"),
        "da": ("Regionen ansætter flere jordemødre i de kommende måneder.",
               "i de kommende måneder"),
    }  # fmt: skip
    for language, (text, span) in cases.items():
        found = extract_dates(text, dt.date(2025, 6, 2))
        assert [(text[d.start : d.end], d.iso) for d in found] == [(span, None)], language


def test_what_a_source_calls_something_is_its_statement() -> None:
    da = 'Lærernes fagforening kalder forslaget "et hårdt slag" og vil protestere.'
    statements = of_kind(suggest(da, None, "da"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [
        ('forslaget "et hårdt slag"', "Lærernes fagforening")
    ]
    ru = "Депутат Сергей Панов назвал новый закон «ошибкой»."
    statements = of_kind(suggest(ru, None, "ru"), "attribution")
    assert [s.quote for s in statements] == ["новый закон «ошибкой»"]
    assert statements[0].source is not None and "Панов" in statements[0].source
    # a name given, not a judgement
    assert (
        of_kind(suggest("Firmaet kalder sig en grøn virksomhed.", None, "da"), "attribution") == []
    )


def test_confirmed_and_warned_in_every_language() -> None:
    cases = {
        "ar": ("وحذر رئيس البلدية من أن شبكة الكهرباء قد تنهار خلال موجة الحر.", "رئيس البلدية"),
        "ru": ("Глава района Павел Сорокин предупредил, что дорога будет закрыта для грузовиков.",
               "Павел Сорокин"),
        "da": ("Politiet bekræfter, at en mand er anholdt i sagen om brandene.", "Politiet"),
        "ko": ("소방청은 공장 화재의 원인이 낡은 전기 설비의 누전이라고 확인했다.", "소방청"),
    }  # fmt: skip
    for language, (text, source) in cases.items():
        statements = of_kind(suggest(text, None, language), "attribution")
        assert [s.source for s in statements] == [source], language


def test_what_a_speech_verb_acts_on_is_suggested_when_it_states_something() -> None:
    text = "The mayor, Ines Vidal, stressed the urgent need for new flood barriers along the river."
    statements = of_kind(suggest(text, None, "en"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [
        ("the urgent need for new flood barriers along the river", "Ines Vidal")
    ]
    short = "The mayor, Ines Vidal, stressed the point."
    assert of_kind(suggest(short, None, "en"), "attribution") == []


def test_a_hope_expressed_in_a_trailing_clause_is_the_speakers() -> None:
    text = (
        "Talks resumed in the capital, Dana Price said, "
        "expressing hope that the unions would accept the new offer."
    )
    statements = of_kind(suggest(text, None, "en"), "attribution")
    assert any(
        "the unions would accept the new offer" in s.quote and s.source == "Dana Price"
        for s in statements
    ), statements
