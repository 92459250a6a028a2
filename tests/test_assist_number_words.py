"""Figures written as words and with counters in Russian, Danish, Arabic, Korean and English."""

from __future__ import annotations

import pytest

from db.assist.numbers import Figure, extract_figures


def figures(text: str, language: str) -> list[tuple[str, float | None, str]]:
    return [(text[f.start : f.end], f.value, f.unit) for f in extract_figures(text, language)]


def values(text: str, language: str) -> list[float | None]:
    return [f.value for f in extract_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Отравились ученики двух гимназий и пяти лицеев.", [2, 5]),
        ("Все четыре автобуса сошли с линии.", [4]),
        ("За год зафиксировали семь крупных аварий.", [7]),
        ("В тридцати домах нет отопления.", [30]),
        ("Ремонт займёт полтора года.", [1.5]),
        ("Работы обойдутся в двести тридцать миллионов рублей.", [230e6]),
        ("Четверых пострадавших доставили в больницу, троих отпустили домой.", [4, 3]),
        ("Пожарные работали с пятью расчётами.", [5]),
    ],
)
def test_russian_number_words_in_every_case(text: str, expected: list[float]) -> None:
    assert values(text, "ru") == expected


def test_russian_number_words_that_do_not_count() -> None:
    assert values("Семью погибшего поддержали соседи.", "ru") == []  # "family", not seven
    assert values("Он назвал несколько тысяч адресов.", "ru") == [None]  # vague


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Det tog otte minutter at finde filen.", [(8, "minutes")]),
        ("Tre skoler og fem børnehaver er lukket.", [(3, ""), (5, "")]),
        ("Kommunen har brugt to millioner kroner på sagen.", [(2e6, "DKK")]),
        ("Der kom femogtyve klager.", [(25, "")]),
        ("Projektet varede halvanden måned.", [(1.5, "months")]),
        ("En 54-årig mand blev anholdt.", [(54, "years")]),
        ("Priserne steg 4,5 pct. i marts.", [(4.5, "percent")]),
    ],
)
def test_danish_number_words_ages_and_percent(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f[1], f[2]) for f in figures(text, "da")] == expected


def test_danish_number_words_that_do_not_count() -> None:
    assert values("Det er to af de største byer.", "da") == []
    assert values("De to lande mødes klokken ti i morgen.", "da") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أصيب ثلاثة عمال ونقل اثنان منهم إلى المستشفى.", [(3, ""), (2, "")]),
        ("دمرت النيران خمس شاحنات وأربعة منازل.", [(5, ""), (4, "")]),
        ("استمر الحريق ساعتين وتمت السيطرة عليه خلال يومين.", [(2, "hours"), (2, "days")]),
        ("انقطعت الكهرباء لمدة ساعة واحدة فقط.", [(1, "hours")]),
        ("قتل خمسة وعشرون شخصا.", [(25, "people")]),
        ("ارتفعت الأسعار بنسبة 20 في المئة.", [(20, "percent")]),
    ],
)
def test_arabic_number_words_duals_and_percent(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(f[1], f[2]) for f in figures(text, "ar")] == expected


def test_arabic_fraction_and_weekday_are_not_counts() -> None:
    assert values("يعيش خمس السكان في المدينة.", "ar") == []  # a fifth of the population
    assert values("وصل الوفد يوم الاثنين.", "ar") == []  # Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("시는 지하철을 하루 36회 증편했다.", [("36회", 36, "times")]),
        ("평소보다 2.3배 많은 승객이 몰렸다.", [("2.3배", 2.3, "times")]),
        ("시민들은 버스를 40분 넘게 기다렸다.", [("40분 넘게", 40, "minutes")]),
        ("공장이 멈춘 것은 12년 만이다.", [("12년", 12, "years")]),
        (
            "두 차례 회의에서 세 곳의 공장이 문을 닫았다.",
            [("두 차례", 2, "times"), ("세 곳", 3, "locations")],
        ),
        ("직원 100명 남짓이 파업에 참여했다.", [("100명 남짓", 100, "people")]),
    ],
)
def test_korean_counters_and_native_numbers(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert figures(text, "ko") == expected


def test_korean_years_times_and_words_are_not_counts() -> None:
    assert figures("회담은 4시 30분에 시작됐다.", "ko") == []
    assert figures("2019년 5월 이후 처음이다.", "ko") == []
    assert figures("세대가 바뀌었다.", "ko") == []


def test_korean_qualifier_after_the_counter() -> None:
    found = extract_figures("피해액은 50억 원 안팎으로 추산된다.", "ko")
    assert [(f.value, f.qualifier) for f in found] == [(5e9, "about")]


def test_english_part_of_a_whole() -> None:
    text = "Two of the airline's nine aircraft were grounded, and four of its 12 depots shut."
    assert figures(text, "en") == [
        ("Two", 2, "aircraft"),
        ("nine", 9, "aircraft"),
        ("four", 4, "depots"),
        ("12", 12, "depots"),
    ]
    assert figures("Two of them were arrested.", "en") == []


def test_figure_type_is_unchanged() -> None:
    assert isinstance(extract_figures("Tre skoler lukker.", "da")[0], Figure)


def test_qualifiers_percent_words_and_currency_abbreviations() -> None:
    ru = extract_figures("Ущерб оценили более чем в 70 млн рублей.", "ru")
    assert [(f.value, f.unit, f.qualifier) for f in ru] == [(70e6, "RUB", "more than")]
    ar = extract_figures("بلغت نسبة المشاركة 41.5 بالمئة و7 في المائة من الأصوات باطلة.", "ar")
    assert [(f.value, f.unit) for f in ar] == [(41.5, "percent"), (7, "percent")]
    da = extract_figures("Byggeriet koster 4,1 mia. kr.", "da")
    assert [(f.value, f.unit) for f in da] == [(pytest.approx(4.1e9), "DKK")]


def test_times_of_day_and_fractions_are_not_counts() -> None:
    assert values("Сирена прозвучала в четыре часа утра.", "ru") == []
    assert values("Закон приняли двумя третями голосов.", "ru") == []
    assert values("Через четыре часа движение восстановили.", "ru") == [4]


def test_english_half_of_a_whole() -> None:
    text = "Half of the 800 staff were sent home and half its budget was frozen."
    assert [(t, v) for t, v, _u in figures(text, "en")] == [
        ("Half", 0.5),
        ("800", 800),
        ("half", 0.5),
    ]
    assert figures("In the second half of the season, half the time was lost.", "en") == []


def test_korean_shares_arabic_dual_nouns_and_scores() -> None:
    ko = extract_figures("주민 4분의 1이 떠났고 절반 이상이 남았다.", "ko")
    assert [(f.value, f.qualifier) for f in ko] == [(0.25, ""), (0.5, "at least")]
    assert figures("أصيب طفلان واعتقلت الشرطة رجلين.", "ar") == [
        ("طفلان", 2, "people"),
        ("رجلين", 2, "people"),
    ]
    found = extract_figures("Scores of homes were flooded.", "en")
    assert [(f.value, f.qualifier, f.vague) for f in found] == [(None, "dozens", True)]


def test_units_written_onto_the_digits() -> None:
    text = "Floodwater covered a 3km stretch, 12cm of rain fell and gusts reached 90mph."
    assert figures(text, "en") == [
        ("3km", 3, "kilometres"),
        ("12cm", 12, "cm"),
        ("90mph", 90, "mph"),
    ]
    assert figures("Участок длиной 7км закрыт.", "ru") == [("7км", 7, "kilometres")]
    assert figures("The unit fired 155mm shells.", "en") == []  # a calibre


def test_one_in_so_many() -> None:
    assert values("Каждый четвёртый житель пострадал.", "ru") == [0.25]
    assert values("Hver femte bilist kørte for stærkt.", "da") == [0.2]
