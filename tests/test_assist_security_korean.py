"""How Korean security reporting attributes and dates what it reports, as read from the Korean
listing of the security development set: a lawmaker passing on a body's briefing (the body the
source, the lawmaker its relay), a source named after the finding ("…것으로 X는 파악하고 있다"),
a statement nested in another's ("…했다고 설명했다고 X는 밝혔다"), what a subject spoke about or
when before its name, Korean parts of months and years, two particles after a date word, and
Korean counts of ten-thousands.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.attribution import extract_attributions
from db.assist.dates import extract_dates
from db.assist.numbers import extract_figures
from db.assist.suggest import suggest

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def dates_of(text: str) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in extract_dates(text, PUBLISHED)}


# Korean: a lawmaker passing on a body's briefing

BRIEFING = (
    "제목\n\n"
    "산불로 주택 300채가 불에 탄 것으로 소방청은 집계하고 있다. 김민수 의원은 10일 상임위원회를 "
    "마친 뒤 기자들과 만나 소방청으로부터 이같이 보고받았다고 전했다.\n\n"
    "김 의원에 따르면 소방청은 인력 약 500명을 추가로 투입했다고 보고했다. 소방청은 또 피해액이 "
    "3억원에 이르렀다고 설명했다고 김 의원은 밝혔다.\n\n"
    "피해 규모에 대해 소방청은 부상자가 40명 안팎이라고 보고했다. 실종자는 현재 2명으로 "
    "파악됐다고 김 의원은 덧붙였다. 소방청은 화재의 70%가량이 전기 문제에 따른 것으로 분석했다고 "
    "그는 전했다.\n\n"
    "당시 소방청은 피해액을 5억원으로 추산했다. 김 의원은 복구가 늦다고 비판했다."
)


def test_a_source_named_after_the_finding_is_the_source() -> None:
    found = suggest(BRIEFING, PUBLISHED, "ko")
    first = figure_at(found, "300채", BRIEFING)
    assert first.source == "소방청"
    assert "김민수 의원" in first.relayed_by  # "이같이 보고받았다고 전했다" points back


def test_the_sentence_saying_who_briefed_the_lawmaker_is_no_statement_of_its_own() -> None:
    attributions = extract_attributions(BRIEFING, "ko")
    assert not any("보고받았" in BRIEFING[a.start : a.end] for a in attributions)


def test_the_body_a_lawmaker_passes_on_is_the_source_and_the_lawmaker_its_relay() -> None:
    found = suggest(BRIEFING, PUBLISHED, "ko")
    for target in ("약 500명", "3억원", "70%가량"):
        figure = figure_at(found, target, BRIEFING)
        assert figure.source == "소방청", target
        assert "김 의원" in figure.relayed_by, target


def test_what_a_subject_spoke_about_or_when_is_not_part_of_its_name() -> None:
    found = suggest(BRIEFING, PUBLISHED, "ko")
    assert figure_at(found, "40명 안팎", BRIEFING).source == "소방청"
    assert figure_at(found, "5억원", BRIEFING).source == "소방청"


def test_a_finding_in_the_passive_a_briefed_lawmaker_adds_is_the_briefing_bodys() -> None:
    found = suggest(BRIEFING, PUBLISHED, "ko")
    missing = figure_at(found, "2명", BRIEFING)
    assert missing.source == "소방청"
    assert missing.relayed_by[0] == "김 의원"


def test_a_lawmakers_own_view_stays_the_lawmakers() -> None:
    attributions = extract_attributions(BRIEFING, "ko")
    view = [a for a in attributions if "복구가 늦" in BRIEFING[a.start : a.end]]
    assert view and view[0].source == "김 의원"
    assert not view[0].relayed_by


def test_a_passive_finding_of_a_speaker_briefed_by_no_one_stays_the_speakers() -> None:
    text = "제목\n\n실종자는 현재 2명으로 파악됐다고 박 대변인은 덧붙였다."
    attributions = extract_attributions(text, "ko")
    assert attributions and attributions[0].source == "박 대변인"


def test_a_subject_with_also_before_whom_it_cites_relays_the_cited_party() -> None:
    text = "제목\n\n지역 언론들도 외신을 인용해 주민 1천명이 대피했다고 전했다."
    found = suggest(text, PUBLISHED, "ko")
    figure = figure_at(found, "1천명", text)
    assert figure.source == "외신"
    assert "지역 언론들" in figure.relayed_by


def test_a_quoted_position_and_a_statement_given_before_are_the_subjects() -> None:
    text = (
        '제목\n\n경찰청은 "수사를 서두르고 있다"는 입장을 냈다. 구청 관계자는 복구가 시작됐다고 '
        "말했다. 시청은 이재민이 200명에 이른다고 밝힌 바 있다."
    )
    found = suggest(text, PUBLISHED, "ko")
    quotation = [s for s in of_kind(found, "quotation") if "수사를" in s.quote]
    assert quotation and quotation[0].source == "경찰청"
    assert figure_at(found, "200명", text).source == "시청"


# Korean dates and counts


def test_korean_parts_of_months_and_years() -> None:
    text = (
        "부품은 이달 초 도착했다. 공사는 지난 2월 말부터 시작됐다. 공사는 연말까지 이어진다. "
        "다리는 오는 5월 중순 개통한다. 그는 지난해 8월까지 시장을 지냈다."
    )
    found = dates_of(text)
    assert found["이달 초"] == "2026-03-01/2026-03-10"
    assert found["지난 2월 말"] == "2026-02-21/2026-02-28"
    assert found["연말"] == "2026-12-01/2026-12-31"
    assert found["오는 5월 중순"] == "2026-05-11/2026-05-20"
    assert found["지난해 8월"] == "2025-08-01/2025-08-31"


def test_early_this_month_stops_at_the_publication_date_within_the_first_ten_days() -> None:
    text = "부품은 이달 초 도착했다."
    found = {text[d.start : d.end]: d.iso for d in extract_dates(text, dt.date(2026, 3, 6))}
    assert found["이달 초"] == "2026-03-01/2026-03-06"


def test_two_particles_after_a_korean_date_word() -> None:
    text = "공장은 지난달에만 세 차례 멈췄다. 지난해부터는 수출이 늘었다. 올해까지도 이어졌다."
    found = dates_of(text)
    assert found["지난달에만"] == "2026-02-01/2026-02-28"
    assert found["지난해부터는"] == "2025-01-01/2025-12-31"
    assert found["올해까지도"] == "2026-01-01/2026-12-31"


def test_korean_thousands_gathered_under_ten_thousands() -> None:
    text = "포탄은 1천만 발 이상으로 추정된다. 예산은 1억2천만원이다. 관중은 1만5000여 명이었다."
    figures = {text[f.start : f.end]: (f.value, f.qualifier) for f in extract_figures(text, "ko")}
    assert figures["1천만 발 이상"] == (10_000_000, "at least")
    assert figures["1억2천만원"] == (120_000_000, "")
    assert figures["1만5000여 명"] == (15_000, "more than")


def test_those_a_survey_asked_answering_are_not_the_source_of_the_survey() -> None:
    text = (
        "제목\n\n보건부가 2일 발표한 '수면 실태조사' 결과에 따르면 직장인의 42.5%가 잠이 "
        "부족하다고 답했다."
    )
    figure = figure_at(suggest(text, PUBLISHED, "ko"), "42.5%", text)
    assert figure.source == "보건부"
    assert not figure.relayed_by
