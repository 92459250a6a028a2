"""Dates and statements read from the German, Korean and Arabic misses of the development sets:
a German year between the auxiliary and the participle ("wurde 1961 gebaut"), a Korean half of
the year named alone ("하반기에도"), and a second thing said joined by "وأن", "og at", "и что".
Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import of_kind

from db.assist.dates import extract_dates
from db.assist.suggest import suggest


def dates_of(text: str, published: dt.date) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in extract_dates(text, published)}


def test_a_german_year_between_auxiliary_and_participle_is_a_date() -> None:
    published = dt.date(2026, 5, 20)
    assert dates_of("Die Schule wurde 1961 gebaut.", published) == {"1961": "1961-01-01/1961-12-31"}
    assert dates_of("Die Brücke ist 2011 geschlossen worden.", published) == {
        "2011": "2011-01-01/2011-12-31"
    }
    # a count before a participle, or before a noun, stays a count
    assert dates_of("Es waren 2000 gekommen.", published) == {}
    assert dates_of("Die Kosten sind 1500 Euro.", published) == {}


def test_a_korean_half_of_the_year_named_alone_is_this_years() -> None:
    published = dt.date(2026, 8, 6)
    text = '관계자는 "하반기에도 주문이 이어질 것"이라고 말했다.'
    assert dates_of(text, published) == {"하반기": "2026-07-01/2026-12-31"}
    assert dates_of("상반기부터 판매한다.", published) == {"상반기": "2026-01-01"}
    # with its year before it, the year's
    assert dates_of("지난해 하반기 매출은 줄었다.", published) == {
        "지난해 하반기": "2025-07-01/2025-12-31"
    }
    assert "하반기" not in dates_of("2025년 하반기 매출은 줄었다.", published)


def test_a_second_thing_said_beside_a_figure_is_a_statement_of_its_own() -> None:
    published = dt.date(2026, 3, 25)
    text = (
        "وأوضحت الوزارة في بيان أن المصانع ستنتج ٣٠٠ ألف طن إضافية هذا العام، "
        "وأنها فتحت مكتبا جديدا لاستقبال طلبات المزارعين."
    )
    found = suggest(text, published, language="ar")
    assert [(s.quote, s.source) for s in of_kind(found, "attribution")] == [
        ("فتحت مكتبا جديدا لاستقبال طلبات المزارعين", "الوزارة")
    ]
    text = (
        "В мэрии заявили, что до осени отремонтируют 40 дворов и что жители смогут выбрать "
        "подрядчика сами."
    )
    found = suggest(text, published, language="ru")
    assert [s.quote for s in of_kind(found, "attribution")] == [
        "жители смогут выбрать подрядчика сами"
    ]


def test_a_month_of_what_is_still_to_come_is_the_next_one() -> None:
    text = "Rund 300 Mitglieder müssten ab Mai in andere Hallen ausweichen."
    assert dates_of(text, dt.date(2026, 3, 19)) == {"ab Mai": "2026-05-01/2026-05-31"}
    text = "Kommunen overvejer at åbne en ny skole fra 1. november."
    assert dates_of(text, dt.date(2026, 9, 3)) == {"fra 1. november.": "2026-11-01"}
    # a month told of in the past stays the one gone by
    assert dates_of("Im August wurden 30 Fälle gemeldet.", dt.date(2026, 5, 19)) == {
        "Im August": "2025-08-01/2025-08-31"
    }


def test_a_korean_half_of_last_year_before_a_parenthesis() -> None:
    text = "이 가운데 수출은 8천 톤으로 지난해 상반기(6천 톤)보다 늘었다."
    assert dates_of(text, dt.date(2026, 8, 6)) == {"지난해 상반기": "2025-01-01/2025-06-30"}
