"""Parts of periods, seasons, weekday case forms and days before yesterday, in five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.dates import extract_dates
from db.assist.numbers import extract_figures

PUBLISHED = dt.date(2026, 4, 15)  # a Wednesday


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(text[d.start : d.end], d.iso) for d in extract_dates(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prices rose at the end of last month and again early this month.",
            [
                ("at the end of last month", "2026-03-21/2026-03-31"),
                ("early this month", "2026-04-01/2026-04-15"),
            ],
        ),
        ("Output fell late last year.", [("late last year", "2025-09-01/2025-12-31")]),
        (
            "اشتكى السكان في منتصف الشهر الماضي من نقص المياه.",
            [("في منتصف الشهر الماضي", "2026-03-11/2026-03-20")],
        ),
        ("استقبل المستشفى 50 مصابا منذ بداية الشهر.", [("منذ بداية الشهر", "2026-04-01")]),
        ("ارتفعت الأسعار مطلع العام الجاري.", [("مطلع العام الجاري", "2026-01-01/2026-04-15")]),
        (
            "Цены выросли в конце прошлого месяца.",
            [("в конце прошлого месяца", "2026-03-21/2026-03-31")],
        ),
        ("С начала года цены выросли.", [("С начала года", "2026-01-01")]),
        (
            "Prisen steg i slutningen af sidste år.",
            [("i slutningen af sidste år", "2025-09-01/2025-12-31")],
        ),
        (
            "Der er kommet klager siden starten af måneden.",
            [("siden starten af måneden", "2026-04-01")],
        ),
        ("이달 초 시작된 공사가 멈췄다.", [("이달 초", "2026-04-01/2026-04-10")]),
    ],
)
def test_parts_of_a_period(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fault was first noticed in the summer.",
            [("in the summer", "2025-06-01/2025-08-31")],
        ),
        ("The pump was replaced last winter.", [("last winter", "2025-12-01/2026-02-28")]),
        (
            "Talks collapsed in the autumn of 2024.",
            [("in the autumn of 2024", "2024-09-01/2024-11-30")],
        ),
        (
            "The works started as early as February.",
            [("as early as February", "2026-02-01/2026-02-28")],
        ),
    ],
)
def test_english_seasons_and_as_early_as(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


def test_a_fall_from_a_roof_is_not_autumn() -> None:
    assert dates("He was badly hurt in the fall from the roof.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Музей закрыт до пятницы.", [("до пятницы", "2026-04-17")]),
        ("Со вторника в городе нет воды.", [("Со вторника", "2026-04-14")]),
        ("Позавчера в школе прошли проверки.", [("Позавчера", "2026-04-13")]),
        ("Politiet anholdt manden i forgårs.", [("i forgårs", "2026-04-13")]),
        ("Han blev løsladt i aftes.", [("i aftes", "2026-04-14")]),
        ("노사는 그제 오후 협상을 재개했다.", [("그제 오후", "2026-04-13")]),
        ("وقع الحادث أول أمس.", [("أول أمس", "2026-04-13")]),
        ("أعلنت الشرطة صباح اليوم اعتقال مشتبه به.", [("صباح اليوم", "2026-04-15")]),
    ],
)
def test_weekday_cases_and_days_before(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


def test_headline_lines_are_not_read() -> None:
    text = "Title: Fire destroys 120 shops\nPublished: 2026-04-15\n\nA fire destroyed 120 shops."
    found = extract_figures(text, "en")
    assert [text[f.start : f.end] for f in found] == ["120"]
    assert found[0].start > text.index("A fire")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bridge was built in the 1960s and rebuilt in the late 1990s.",
            [
                ("in the 1960s", "1960-01-01/1969-12-31"),
                ("in the late 1990s", "1997-01-01/1999-12-31"),
            ],
        ),
        ("Мост построили в 1960-х годах.", [("в 1960-х годах", "1960-01-01/1969-12-31")]),
        ("Broen blev bygget i 1960'erne.", [("i 1960'erne", "1960-01-01/1969-12-31")]),
        ("이 다리는 1960년대에 지어졌다.", [("1960년대", "1960-01-01/1969-12-31")]),
    ],
)
def test_decades(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Проверка прошла в начале марта.", [("в начале марта", "2026-03-01/2026-03-10")]),
        (
            "Byggeriet gik i gang i midten af februar.",
            [("i midten af februar", "2026-02-11/2026-02-20")],
        ),
        (
            "أعلنت السلطات مطلع مارس/آذار عن خطة جديدة.",
            [("مطلع مارس/آذار", "2026-03-01/2026-03-10")],
        ),
        ("Фестиваль прошёл с 1 по 5 марта", [("с 1 по 5 марта", "2026-03-01/2026-03-05")]),
        (
            "Festivalen løb fra den 3. til den 5. marts",
            [("fra den 3. til den 5. marts", "2026-03-03/2026-03-05")],
        ),
        ("회담은 오는 20일 열린다.", [("오는 20일", "2026-04-20")]),
        ("올해 상반기 수출이 줄었다.", [("올해 상반기", "2026-01-01/2026-06-30")]),
        (
            "Repairs continue this morning, with talks due tomorrow.",
            [("this morning", "2026-04-15"), ("tomorrow", "2026-04-16")],
        ),
    ],
)
def test_parts_of_named_months_day_ranges_and_coming_days(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I weekenden blev der anmeldt 14 indbrud.", [("I weekenden", "2026-04-11/2026-04-12")]),
        ("В выходные на дорогах погибли три человека.", [("В выходные", "2026-04-11/2026-04-12")]),
        (
            "قتل خمسة أشخاص في عطلة نهاية الأسبوع.",
            [("في عطلة نهاية الأسبوع", "2026-04-11/2026-04-12")],
        ),
        ("أغلق المصنع قبل ثلاث سنوات.", [("قبل ثلاث سنوات", "2023-01-01/2023-12-31")]),
        ("وقع الحادث قبل أسبوعين.", [("قبل أسبوعين", "2026-03-30/2026-04-05")]),
    ],
)
def test_weekends_and_arabic_spans_ago(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


def test_russian_and_danish_verbs_of_what_is_to_come() -> None:
    assert dates("Выставка откроется в пятницу.") == [("в пятницу", "2026-04-17")]
    assert dates("Проверка пройдёт в середине мая.") == [
        ("в середине мая", "2026-05-11/2026-05-20")
    ]
    assert dates("Butikken åbner fredag.") == [("fredag", "2026-04-17")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Told in the past, "the weekend" is the one just gone (the paper is a Wednesday's).
        ("The bridge was closed at the weekend.", "2026-04-11/2026-04-12"),
        ("The bridge will be closed at the weekend.", "2026-04-18/2026-04-19"),
        # "A week ago", "a year ago", "the day before yesterday".
        ("The pier was rebuilt a year ago.", "2025-01-01/2025-12-31"),
        ("The pier reopened the day before yesterday.", "2026-04-13"),
        # A count as it stood by a day gone by is that day's, not the coming one's.
        ("Some 40 boats had been counted by Monday night.", "2026-04-13"),
        ("All 40 boats will be counted by Monday.", "2026-04-20"),
    ],
)
def test_days_gone_by_in_the_past_tense(text: str, expected: str) -> None:
    assert [iso for _, iso in dates(text)] == [expected]
