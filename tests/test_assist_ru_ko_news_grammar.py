"""More of how Russian and Korean news attribute what they report: a Korean source briefing an
institution ("…다고 X가 국회 국방위원회에 보고했다"), the week or month of a saying
("…라고 지난주 보도했다"), a body's judgement passed on by a speaker
("…고 X는 봤다고 Y는 말했다"), a plan stated as fact ("…겠다는 방침이다"); a Russian subject
whose verb of saying follows another verb ("X … выразил … и заявил, что …"), "по его данным"
after a body, a quotation running on over sentences after a colon, and a participle clause
after a speaker's name.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.dates import extract_dates
from db.assist.suggest import Suggestion, suggest

PUBLISHED = dt.date(2026, 5, 13)  # a Wednesday


def date_at(found: list[Suggestion], target: str, text: str) -> Suggestion:
    hits = [s for s in of_kind(found, "date") if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.kind, s.quote, s.source) for s in found]
    return hits[0]


# Korean


def test_a_korean_source_briefing_an_institution_after_what_it_reported() -> None:
    text = (
        "군 당국이 올해 들어 접경 지역에서 무인기 140여 대를 포착한 것으로 확인됐다고 "
        "국방부가 12일 국회 국방위원회에 보고했다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "140여 대", text).source == "국방부"
    # (the day of the briefing is the outlet's own)
    assert date_at(found, "12일", text).source is None


def test_the_week_of_a_korean_report_stands_between_what_was_said_and_the_verb() -> None:
    text = (
        "남부일보는 항만 관계자를 인용해 올해 들어온 화물의 3분의 1가량이 환적 화물이라고 "
        "지난주 보도했다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "3분의 1가량", text).source == "항만 관계자"
    assert figure_at(found, "3분의 1가량", text).relayed_by == ("남부일보",)
    assert date_at(found, "지난주", text).source is None


def test_a_korean_body_judging_what_a_speaker_passes_on() -> None:
    text = (
        "정찰 위성 발사가 연내 한 차례 더 있을 가능성이 크다고 군 정보당국은 봤다고 최 의원은 "
        "전했다. 올해 발사 비용이 약 2억 달러에 이를 것으로 군 정보당국은 봤다고 최 의원은 "
        "덧붙였다."
    )
    found = suggest(text, PUBLISHED, "ko")
    second = figure_at(found, "약 2억 달러", text)
    assert second.source == "군 정보당국"
    assert second.relayed_by == ("최 의원",)


def test_a_korean_plan_stated_as_fact_is_no_statement_but_a_position_is() -> None:
    plan = "시 당국은 앞으로도 불법 주차 차량을 끝까지 추적해 견인하겠다는 방침이다."
    position = "노조 측은 임금 동결 조건으로는 협상에 나서기 어렵다는 입장이다."
    assert not of_kind(suggest(plan, PUBLISHED, "ko"), "attribution")
    stance = of_kind(suggest(position, PUBLISHED, "ko"), "attribution")
    assert [s.source for s in stance] == ["노조"]


# Russian


def test_a_russian_verb_of_saying_after_another_verb_of_the_same_subject() -> None:
    text = (
        "Союз фермеров в обращении к правительству выразил тревогу из-за цен и заявил, что "
        "в этом году посевы сократятся на 15%."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "15%", text).source == "Союз фермеров"


def test_russian_his_data_after_a_body_named_as_the_subject() -> None:
    text = (
        "Областной оперативный штаб по борьбе с паводком провёл внеочередное заседание. "
        "По его данным, вода подтопила 120 жилых домов."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "120", text).source == (
        "Областной оперативный штаб по борьбе с паводком"
    )


def test_capitalised_russian_adjectives_opening_a_body_name_are_no_person() -> None:
    text = "Северный Морской штаб подтвердил выход судов. По его данным, в рейс ушли 14 траулеров."
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "14", text).source == "Северный Морской штаб"


def test_a_russian_quotation_after_a_colon_runs_on_over_its_sentences() -> None:
    text = (
        "Глава районной администрации Ирина Белова заявила журналистам: «Ремонт моста займёт "
        "около пяти месяцев. Движение откроют уже в сентябре»."
    )
    found = suggest(text, PUBLISHED, "ru")
    months = figure_at(found, "около пяти", text)
    assert (months.source, months.relayed_by) == ("Ирина Белова", ())
    september = [s for s in found if "в сентябре" in s.quote and s.kind in ("date", "figure")]
    assert september and all(s.source == "Ирина Белова" for s in september)


def test_a_participle_clause_after_a_russian_speaker_is_no_part_of_the_name() -> None:
    text = (
        "«Мы ждали этого решения почти два года», — сказал житель Твери Олег Сомов, "
        "пришедший на собрание вместе с соседями."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "почти два", text).source == "Олег Сомов"


def test_russian_spans_ago_with_a_qualifier_or_a_single_unit() -> None:
    text = (
        "Склад сгорел более трёх месяцев назад. Мост открыли год назад. Музей переехал около "
        "двух лет назад, а переговоры в последний раз прошли более года назад."
    )
    found = {text[d.start : d.end]: d.iso for d in extract_dates(text, PUBLISHED)}
    assert found["более трёх месяцев назад"] is None  # (more than: no date to give)
    assert found["более года назад"] is None
    assert found["год назад"] == "2025-01-01/2025-12-31"
    assert found["около двух лет назад"] == "2024-01-01/2024-12-31"


def test_a_vague_russian_span_ago_in_a_speakers_words_is_theirs() -> None:
    text = (
        "Эколог Инна Ларина считает, что озеро ещё можно спасти. Она напомнила, что последний "
        "раз его очищали более десяти лет назад."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert date_at(found, "более десяти лет назад", text).source == "Инна Ларина"


def test_russian_as_claims_and_as_states_name_the_source() -> None:
    text = (
        "Как утверждает британская разведка, армия потеряла 17 самолётов. "
        "Как заявляют в штабе округа, учения продлятся 12 дней."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "17", text).source == "британская разведка"
    assert figure_at(found, "12", text).source == "штабе округа"


def test_a_russian_listener_before_the_subject_is_no_part_of_it() -> None:
    text = (
        "Командир полка Игорь Лесной провёл смотр техники. Журналистам он сообщил, что "
        "в части служат 900 контрактников."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "900", text).source == "Игорь Лесной"


def test_russian_such_figures_are_given_by_the_one_named_after_them() -> None:
    text = (
        "Ущерб от паводка превысил 2 млрд рублей. Такие данные приводит региональное "
        "управление МЧС."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "2 млрд", text).source == "региональное управление МЧС"


def test_korean_wrote_and_expressed_concern_are_verbs_of_saying() -> None:
    text = (
        "박정우 의원은 자신의 SNS에 국방 예산이 3조 원 삭감됐다고 적었다. "
        "군 관계자는 상대 측이 미사일 3발을 더 쏠 수 있다며 우려를 나타냈다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "3조 원", text).source == "박정우 의원"
    assert figure_at(found, "3발", text).source == "군 관계자"


def test_the_impersonal_russian_as_is_claimed_names_no_source() -> None:
    text = "Часть пассажиров, как утверждается, провела в аэропорту больше суток."
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "больше суток", text).source is None


def test_korean_used_as_is_no_verb_of_saying() -> None:
    text = "군은 폐교 건물 3곳을 임시 병원으로 썼다."
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "3곳", text).source is None


def test_a_russian_quotation_split_by_its_speaker_and_a_colon() -> None:
    text = (
        "Анна Лис вернулась из поездки по району. «Мы закупили 40 генераторов», — сказала она "
        "журналистам: «Их уже везут в район»."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "40", text).source == "Анна Лис"
    quotations = of_kind(found, "quotation")
    assert [q.source for q in quotations] == ["Анна Лис", "Анна Лис"]


def test_russian_data_passed_on_by_the_outlet_that_gives_them() -> None:
    text = (
        "По данным морской разведки, которые приводит агентство «Прибой», флот потерял 7 катеров."
    )
    boats = figure_at(suggest(text, PUBLISHED, "ru"), "7", text)
    assert boats.source == "морской разведки"
    assert boats.relayed_by == ("агентство «Прибой»",)


def test_a_russian_source_described_by_the_outlet_citing_it() -> None:
    text = (
        "Собеседник, на которого ссылается газета «Южный вестник», утверждает, что в рейд "
        "отправили 40 дронов."
    )
    drones = figure_at(suggest(text, PUBLISHED, "ru"), "40", text)
    assert drones.source == "Собеседник"
    assert drones.relayed_by == ("газета «Южный вестник»",)


def test_a_korean_statement_closed_by_whose_explanation_it_is() -> None:
    text = (
        "적 함정 4척이 경계선을 넘었다는 게 해군 작전사령부의 설명이다. "
        "훈련 규모가 예년의 두 배인 2만 명에 이른다는 것이 군사 전문가들의 분석이다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "4척", text).source == "해군 작전사령부"
    assert figure_at(found, "2만 명", text).source == "군사 전문가들"


def test_a_russian_subject_set_off_from_its_verb_by_a_participle() -> None:
    text = (
        "Военные аналитики, опрошенные изданием «Северный курьер», считают, что потери "
        "превышают 10 тыс. человек. Директор порта, назначенный в марте, сообщил, что "
        "причал примет 4 судна."
    )
    found = suggest(text, PUBLISHED, "ru")
    losses = figure_at(found, "10 тыс.", text)
    assert (losses.source, losses.relayed_by) == ("Военные аналитики", ("«Северный курьер»",))
    assert figure_at(found, "4", text).source == "Директор порта"
