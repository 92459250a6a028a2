"""Event dates read by the grammar of each language: quarters of a year, a season named as the
last one, a Korean day after its month or after "오는", "이날" for the day just named, and a
Russian count over last week.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from db.assist.dates import extract_dates

MAY = dt.date(2026, 5, 7)


def _dates(text: str, published: dt.date) -> list[tuple[str, str, str]]:
    return [
        (text[d.start : d.end], str(d.first), str(d.last)) for d in extract_dates(text, published)
    ]


def test_quarters_of_a_year_in_each_language() -> None:
    q3_2025 = ("2025-07-01", "2025-09-30")
    q1_2026 = ("2026-01-01", "2026-03-31")
    cases = [
        (
            "Freight volumes fell in the third quarter of 2025.",
            "the third quarter of 2025",
            q3_2025,
        ),
        ("Third-quarter sales rose, said the firm.", "Third-quarter", q3_2025),
        ("Revenue reached 4 billion in Q1.", "Q1", q1_2026),
        ("Eksporten steg i første kvartal.", "første kvartal", q1_2026),
        (
            "Выручка выросла в третьем квартале прошлого года.",
            "третьем квартале прошлого года",
            q3_2025,
        ),
        ("지난해 3분기 수출이 늘었다.", "지난해 3분기", q3_2025),
        ("ارتفعت الصادرات في الربع الأول من العام الجاري.", "الربع الأول من العام الجاري", q1_2026),
    ]
    for text, span, (first, last) in cases:
        assert (span, first, last) in _dates(text, MAY), (text, _dates(text, MAY))


def test_a_quarter_still_to_come_is_this_years_and_one_gone_by_is_last_years() -> None:
    assert _dates("Output will recover in the fourth quarter.", MAY) == [
        ("the fourth quarter", "2026-10-01", "2026-12-31")
    ]
    assert _dates("Output fell in the fourth quarter.", MAY) == [
        ("the fourth quarter", "2025-10-01", "2025-12-31")
    ]


def test_a_season_named_as_the_last_one_is_the_one_before_the_paper() -> None:
    october = dt.date(2026, 10, 22)
    assert _dates("وتضررت المحاصيل في الشتاء الماضي.", october) == [
        ("في الشتاء الماضي", "2025-12-01", "2026-02-28")
    ]
    assert _dates("Прошлой зимой мост закрывали дважды.", MAY) == [
        ("Прошлой зимой", "2025-12-01", "2026-02-28")
    ]


def test_korean_days_after_their_month_after_oneun_and_inal() -> None:
    november = dt.date(2026, 11, 17)
    assert _dates("결과는 다음 달 5일 발표된다.", november) == [
        ("다음 달 5일", "2026-12-05", "2026-12-05")
    ]
    assert _dates("오는 19일 치러지는 시험", november) == [
        ("오는 19일", "2026-11-19", "2026-11-19")
    ]
    found = _dates("시청은 16일 계획을 밝혔다. 시장은 이날 현장을 찾았다.", november)
    assert ("이날", "2026-11-16", "2026-11-16") in found
    assert _dates("시장은 이날 현장을 찾았다.", november) == [("이날", "2026-11-17", "2026-11-17")]
    assert _dates("행사는 3일 동안 열린다.", november) == []


def test_russian_count_over_last_week() -> None:
    february = dt.date(2026, 2, 12)
    assert _dates("За прошлую неделю в городе выдали 900 пропусков.", february) == [
        ("За прошлую неделю", "2026-02-02", "2026-02-08")
    ]


def test_a_month_with_the_year_named_by_a_word() -> None:
    september = dt.date(2026, 9, 20)
    assert _dates("وارتفعت الأسعار في أبريل من العام الماضي.", september) == [
        ("في أبريل من العام الماضي", "2025-04-01", "2025-04-30")
    ]
    assert _dates("Цены выросли в апреле прошлого года.", september) == [
        ("в апреле прошлого года", "2025-04-01", "2025-04-30")
    ]
    assert _dates("Priserne steg i april sidste år.", september) == [
        ("i april sidste år", "2025-04-01", "2025-04-30")
    ]


def test_a_korean_season_with_cheol_is_the_papers_years() -> None:
    september = dt.date(2026, 9, 20)
    assert _dates("여름철 폭염으로 전기 사용이 늘었다.", september) == [
        ("여름철", "2026-06-01", "2026-08-31")
    ]
