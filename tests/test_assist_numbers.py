"""Figures as news text writes them, in several languages and number conventions."""

from __future__ import annotations

import pytest

from db.assist.numbers import extract_figures, parse_number


def figures(text: str, language: str | None = None) -> list[tuple[str, float | None, float | None]]:
    return [(text[f.start : f.end], f.value, f.value_max) for f in extract_figures(text, language)]


def only(text: str, language: str | None = None):  # type: ignore[no-untyped-def]
    found = extract_figures(text, language)
    assert len(found) == 1, [text[f.start : f.end] for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "value", "value_max"),
    [
        ("They sent 1,500 troops.", "en", 1500, None),
        ("A further 3,500 soldiers left.", "en", 3500, None),
        ("North Korea has 1.2 million troops.", "en", 1_200_000, None),
        ("wages could exceed $280 million a year", "en", 280_000_000, None),
        ("Russia retook about one-third of it.", "en", 1 / 3, None),
        ("each with seven to 10 years of service", "en", 7, 10),
        ("between 11 to 12,000 troops", "en", 11_000, 12_000),
        ("between 11–12,000 troops", "en", 11_000, 12_000),
        ("between 1 and 2 million people", "en", 1_000_000, 2_000_000),
        ("Rusland har sendt 10.000 soldater til fronten.", "da", 10_000, None),
        ("Russland hat 10.000 Soldaten geschickt.", "de", 10_000, None),
        ("Россия направила 13\u00a0000 военных.", "ru", 13_000, None),
        ("Россия направила 13\u202f000 военных.", "ru", 13_000, None),
        ("Россия направила 13 000 военных.", "ru", 13_000, None),
        ("Всего до 15 тысяч военных.", "ru", 15_000, None),
        ("Около 2 тыс. человек.", "ru", 2_000, None),
        ("북한군 1만5000명이 파병됐다", "ko", 15_000, None),
        ("북한군 4700명이 사망했다", "ko", 4_700, None),
        ("북한군 1만 명이 파병됐다", "ko", 10_000, None),
        ("أرسلت كوريا الشمالية ١٥٠٠ جندي", "ar", 1_500, None),
        ("أرسلت كوريا الشمالية ۱۵۰۰ جندي", "ar", 1_500, None),
        ("She is a 69-year-old defector.", "en", 69, None),
        ("Among them,18 had deserted.", "en", 18, None),
        ("Some 3m people fled.", "en", 3_000_000, None),
        ("About half a million people fled.", "en", 500_000, None),
        ("The £3bn package.", "en", 3_000_000_000, None),
    ],
)
def test_values(text: str, language: str, value: float, value_max: float | None) -> None:
    fig = only(text, language)
    assert fig.value == pytest.approx(value)
    assert fig.value_max == (None if value_max is None else pytest.approx(value_max))


def test_language_is_guessed_from_the_text() -> None:
    text = "Rusland har sendt 10.000 soldater til fronten, og det er ikke første gang."
    assert only(text).value == 10_000
    assert only("They sent 10,000 soldiers to the front and it is the first time.").value == 10_000


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("about 400 killed", "about"),
        ("nearly 200 defectors", "nearly"),
        ("around 1,500 soldiers", "around"),
        ("at least 12 dead", "at least"),
        ("more than 3,000 troops", "more than"),
        ("up to 12,000 troops", "up to"),
        ("as many as 3,000 troops", "as many as"),
        ("approximately 400 soldiers", "approximately"),
        ("до 15 тысяч военных", "up to"),
        ("약 1만 명", "about"),
    ],
)
def test_qualifier_kept_apart_from_value(text: str, qualifier: str) -> None:
    fig = only(text)
    assert fig.qualifier == qualifier
    assert text[fig.start : fig.end].startswith(text.split()[0])
    assert fig.value is not None and fig.value > 0


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("1,500 North Korean soldiers arrived", "soldiers"),
        ("3,600 wounded", "wounded"),
        ("$2,000 monthly", "USD"),
        ("about 80 percent of it", "percent"),
        ("some seven kilometres from the border", "kilometres"),
        ("до 15 тысяч военных", "troops"),
        ("4700명", "people"),
    ],
)
def test_counted_thing(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("thousands of troops", "thousands"),
        ("hundreds of soldiers", "hundreds"),
        ("tens of thousands of people", "tens of thousands"),
        ("тысячи солдат", "thousands"),
    ],
)
def test_vague_quantities(text: str, qualifier: str) -> None:
    fig = only(text)
    assert fig.vague and fig.value is None and fig.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "S-300 and S-400 anti-ballistic missiles",
        "the K9 Thunder and K2 battle tank",
        "155mm artillery shells",
        "he met 3 Scots (3rd Battalion)",
        "a 155 shell for an M109 howitzer",
        "I see largely three reasons: security and money. First, ...",
        "troops numbering 11\u200b000 in all",
        "Read more: North Korea sends 3,000 troops to Russia",
        "23 October 2024, 07:54",
        "On October 18, 2024 they met",
        "he defected in 1995",
        "· France 24",
        "one of the largest armies",
        "ties between the two authoritarian regimes",
        "UN Security Council Resolution 2231 was cited",
        "call +44 20 7946 0958 now",
        "the 155 mm gun",
        "the iPhone 15 launch",
        "F-16s and Su-34 jets, COVID-19 and the 1990s",
        "a 2-1 win at 10:30 on Monday",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text, "en") == []


def test_two_figures_for_a_change() -> None:
    found = figures("raised the age from 27 to 30.", "en")
    assert [v for _, v, _ in found] == [27, 30]


def test_offsets_are_code_points_with_emoji_and_crlf() -> None:
    text = "🙂🙂 Line one.\r\nAbout 1,500 troops 🙂 and 3,600 wounded.\r\n"
    found = extract_figures(text, "en")
    assert [text[f.start : f.end] for f in found] == ["About 1,500", "3,600"]


def test_parse_number_refuses_ambiguous_grouping() -> None:
    assert parse_number("1,500", "en") == 1500
    assert parse_number("1,5", "de") == 1.5
    assert parse_number("1.500.000", "en") == 1_500_000
    assert parse_number("1,50,000", "en") is None
    assert parse_number("١٬٥٠٠", "ar") == 1500


@pytest.mark.parametrize(
    ("text", "language", "quote", "value", "unit"),
    [
        # an Arabic conjunction or preposition written onto the number
        ("تضم القوات دبابات و12 طائرة مسيرة.", "ar", "12", 12, ""),
        ("قدرت الحكومة الخسائر بنحو ٢٥ مليون دولار.", "ar", "نحو ٢٥ مليون", 25_000_000, "USD"),
        # shares written as words
        ("ويُعتقد أن نحو ثلث هذه القوات من النخبة.", "ar", "نحو ثلث", 1 / 3, ""),
        ("Почти треть домов затоплена.", "ru", "Почти треть", 1 / 3, ""),
        ("Omkring halvdelen af stemmerne er talt op.", "da", "Omkring halvdelen", 1 / 2, ""),
        # small numbers as words before a counted thing
        ("Fintællingen ventes at tage to dage.", "da", "to dage"[:2], 2, "days"),
        # Korean counters beyond people and money, decimals
        ("주택 1,320채가 물에 잠겼다.", "ko", "1,320채", 1320, "houses"),
        ("농경지 약 9,800헥타르가 잠겼다.", "ko", "약 9,800헥타르", 9800, "hectares"),
        ("최대 793.5㎜의 비가 내렸다.", "ko", "최대 793.5㎜", 793.5, "mm"),
    ],
)
def test_figures_of_other_languages(
    text: str, language: str, quote: str, value: float, unit: str
) -> None:
    found = only(text, language)
    assert (text[found.start : found.end], found.value, found.unit) == (quote, value, unit)


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("북한에 연간 수억 달러를 지원한다.", "ko", "hundreds of millions"),
        ("Flere hundrede sommerhuse står under vand.", "da", "hundreds"),
        ("Несколько тысяч человек эвакуированы.", "ru", "thousands"),
        ("قتل عشرات الجنود.", "ar", "dozens"),
    ],
)
def test_vague_quantities_of_other_languages(text: str, language: str, qualifier: str) -> None:
    found = only(text, language)
    assert found.value is None and found.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 1,500 over two weeks.",
        "They moved 1,500 within days.",
    ],
)
def test_a_unit_after_another_number_is_not_the_counted_thing(text: str) -> None:
    first = extract_figures(text, "en")[0]
    assert (text[first.start : first.end], first.unit) == ("1,500", "")


def test_danish_number_word_needs_a_counted_thing() -> None:
    assert extract_figures("Det er to af de vigtigste partier.", "da") == []


@pytest.mark.parametrize(
    ("text", "language", "quote", "value", "unit"),
    [
        ("Temperatures stay above 38C.", "en", "38C", 38, "degrees"),
        ("Пострадали люди, трое из них госпитализированы.", "ru", "трое", 3, "people"),
        ("Угроза была снята через два часа.", "ru", "два", 2, "hours"),
        ("تجمع أكثر من ألفي شخص أمام المقر.", "ar", "أكثر من ألفي", 2000, "people"),
        ("استمرت المفاوضات أكثر من ستة أشهر.", "ar", "أكثر من ستة", 6, "months"),
        ("당시 닷새 동안 선박이 묶였다.", "ko", "닷새 동안", 5, "days"),
    ],
)
def test_count_words_and_degrees(
    text: str, language: str, quote: str, value: float, unit: str
) -> None:
    found = only(text, language)
    assert (text[found.start : found.end], found.value, found.unit) == (quote, value, unit)


def test_a_count_of_a_count_gives_both_numbers() -> None:
    assert figures("Kun fire af de ni færger sejlede i går.", "da") == [
        ("fire", 4, None),
        ("ni", 9, None),
    ]
    assert figures("Der lukkede to af de otte S-togsstationer.", "da") == [
        ("to", 2, None),
        ("otte", 8, None),
    ]
    assert figures("de otte dværge", "da") == []


def test_korean_counters_of_tonnes_bags_and_companies() -> None:
    text = (
        "정부는 비축 쌀 3천500t을 풀고, 1인당 5봉지까지 팔며, 통신 3사와 협의했다. "
        "제2사단은 이동했다."
    )
    found = [(text[f.start : f.end], f.value, f.unit) for f in extract_figures(text, "ko")]
    assert found == [
        ("3천500t", 3500, "tonnes"),
        ("5봉지", 5, "bags"),
        ("3사", 3, "companies"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        ("between four and seven thousand tenants may lose their homes", 4_000, 7_000),
        ("Between two and five million litres leaked", 2_000_000, 5_000_000),
        ("between eight and twelve ferries were idle", 8, 12),
    ],
)
def test_a_range_of_number_words_after_between(text: str, value: float, value_max: float) -> None:
    """The low end of "between four and seven thousand" takes the scale of the high end."""
    f = only(text)
    assert (f.value, f.value_max) == (value, value_max)
