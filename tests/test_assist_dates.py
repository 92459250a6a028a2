"""Event dates: written, ranged, partial and relative, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.dates import extract_dates

PUB = dt.date(2024, 10, 23)  # a Wednesday


def one(text: str, published: dt.date | None = PUB) -> tuple[str, str | None]:
    found = extract_dates(text, published)
    assert len(found) == 1, [text[d.start : d.end] for d in found]
    return text[found[0].start : found[0].end], found[0].iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("It happened on October 2, 2024, at dawn.", "2024-10-02"),
        ("It happened on 2 October 2024.", "2024-10-02"),
        ("The transfers took place between October 8-13.", "2024-10-08/2024-10-13"),
        ("The transfers took place October 8-13, 2023.", "2023-10-08/2023-10-13"),
        ("The transfers took place 8–13 October.", "2024-10-08/2024-10-13"),
        ("On October 15, it reported.", "2024-10-15"),
        ("He visited Ukraine in late February.", "2024-02-21/2024-02-29"),
        ("Kim signed a pact in June.", "2024-06-01/2024-06-30"),
        ("It was deployed earlier this month.", "2024-10-01/2024-10-23"),
        ("It was floated earlier this year.", "2024-01-01/2024-10-23"),
        ("They met last week.", "2024-10-14/2024-10-20"),
        ("They met on Sunday.", "2024-10-20"),
        ("The ministry said on Wednesday.", "2024-10-23"),
        ("They met last Wednesday.", "2024-10-16"),
        ("It could reach 10,000 by December.", "2024-12-01/2024-12-31"),
        ("He spoke yesterday in the Commons.", "2024-10-22"),
        ("He defected in 1995 via China.", "1995-01-01/1995-12-31"),
        ("It runs to the end of 2025.", "2025-12-01/2025-12-31"),
        ("It was published 2024-10-18 by the agency.", "2024-10-18"),
        ("Россия объявила об этом 8 октября 2024 года.", "2024-10-08"),
        ("Det skete den 8. oktober 2024 om morgenen.", "2024-10-08"),
        ("북한은 2024년 10월 8일 병력을 보냈다", "2024-10-08"),
        ("Встреча прошла ٨ октября ٢٠٢٤ года.", "2024-10-08"),
    ],
)
def test_resolved(text: str, iso: str) -> None:
    assert one(text)[1] == iso


def test_year_inferred_backwards_across_new_year() -> None:
    assert one("They met in December.", dt.date(2025, 1, 10))[1] == "2024-12-01/2024-12-31"
    assert one("They met on March 3.", dt.date(2025, 1, 10))[1] == "2024-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "They met on Sunday.",
        "It was deployed earlier this month.",
        "In June Kim signed it.",
        "The transfers took place between October 8-13.",
        "He visited in late February.",
    ],
)
def test_unresolved_without_publication_date(text: str) -> None:
    found = extract_dates(text, None)
    assert len(found) == 1
    assert found[0].iso is None and not found[0].resolved and found[0].relative


@pytest.mark.parametrize(
    "text",
    [
        "he told This Week in Asia",
        "They may consider it.",
        "Read more: on October 8, 2024 troops left",
        "They sent 2,024 troops.",
        "SEOUL, Oct 23 (Reuters) - North Korea sent troops",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text, PUB) == []


def test_offsets_with_crlf_and_astral_characters() -> None:
    text = "🙂 line\r\nOn October 15 🙂 they met yesterday.\r\n"
    found = extract_dates(text, PUB)
    assert [text[d.start : d.end] for d in found] == ["On October 15", "yesterday"]


# Dates of the other languages news text arrives in (PUB is Wednesday 2024-10-23).
@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        ("Колонна вышла к границе в среду, сообщили власти.", "в среду", "2024-10-23"),
        ("Колонну видели во вторник утром.", "во вторник утром", "2024-10-22"),
        ("На прошлой неделе прошли учения.", "На прошлой неделе", "2024-10-14/2024-10-20"),
        ("В прошлом году паводок затронул дома.", "В прошлом году", "2023-01-01/2023-12-31"),
        ("Подобное наблюдалось в марте 2022 года.", "в марте 2022 года", "2022-03-01/2022-03-31"),
        ("Учения начались в 2019 году.", "в 2019 году", "2019-01-01/2019-12-31"),
        ("Tallene kom mandag morgen fra kommunen.", "mandag morgen", "2024-10-21"),
        # the night to a day is dated by the day it runs into
        ("Vandet steg natten til søndag.", "natten til søndag", "2024-10-20"),
        ("Partiet vandt i sidste uge.", "i sidste uge", "2024-10-14/2024-10-20"),
        ("Det skete i marts.", "i marts", "2024-03-01/2024-03-31"),
        ("국정원은 18일 이같이 밝혔다.", "18일", "2024-10-18"),
        ("지난 16일부터 사흘간 비가 내렸다.", "지난 16일부터 사흘간", "2024-10-16/2024-10-18"),
        ("지난주 공격이 있었다.", "지난주", "2024-10-14/2024-10-20"),
        ("내년 봄까지 더 보낼 수 있다.", "내년 봄까지", "2025-03-01/2025-05-31"),
        ("지난해 병력을 보냈다.", "지난해", "2023-01-01/2023-12-31"),
        ("قالت الوزارة يوم الأربعاء إن القوات وصلت.", "يوم الأربعاء", "2024-10-23"),
        ("وزعت المنظمة السلال منذ يوم الاثنين.", "منذ يوم الاثنين", "2024-10-21"),
        ("انتشرت القوات خلال الأسبوع الماضي.", "الأسبوع الماضي", "2024-10-14/2024-10-20"),
        ("التوتر هو الأعلى منذ عام 2019.", "منذ عام 2019", "2019-01-01/2019-12-31"),
        ("عقد مؤتمرا صحفيا يوم ٣ مارس.", "يوم ٣ مارس", "2024-03-03"),
        ("We expect to reach them by Sunday.", "by Sunday", "2024-10-27"),
        ("They handed out meals since Monday.", "since Monday", "2024-10-21"),
    ],
)
def test_dates_in_other_languages(text: str, quote: str, iso: str) -> None:
    assert one(text) == (quote, iso)


@pytest.mark.parametrize(
    "text",
    [
        "В прошлом году паводок затронул дома.",
        "지난주 공격이 있었다.",
        "Vandet steg natten til søndag.",
    ],
)
def test_relative_dates_in_other_languages_unresolved_without_publication_date(
    text: str,
) -> None:
    found = extract_dates(text, None)
    assert len(found) == 1 and found[0].iso is None and found[0].relative


@pytest.mark.parametrize(
    "text",
    [
        "Окружающая среда страдает.",  # "среда" is also "environment"
        "I may go there.",
        "병력이 18일간 머물렀다.",  # a duration, not a day of the month
    ],
)
def test_not_dates_in_other_languages(text: str) -> None:
    assert extract_dates(text, PUB) == []


def test_labelled_header_lines_are_not_event_dates() -> None:
    text = (
        "Title: Floods\nPublished: 2024-10-18\nDate: 18 October 2024\n\nIt rained on 2024-10-17.\n"
    )
    found = extract_dates(text, PUB)
    assert [text[d.start : d.end] for d in found] == ["on 2024-10-17"]


@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        ("The service said Tuesday night that the fire had spread.", "Tuesday night", "2024-10-22"),
        ("It was 15% contained as of Wednesday morning.", "Wednesday morning", "2024-10-23"),
        ("Temperatures will stay high through the weekend.", "the weekend",
         "2024-10-26/2024-10-27"),
        ("Толчок произошёл в ночь на понедельник.", "в ночь на понедельник", "2024-10-21"),
        ("Regionen skal spare på næste års budget.", "næste års", "2025-01-01/2025-12-31"),
        ("앞서 2019년 파업 때는 선박이 묶였다.", "2019년", "2019-01-01/2019-12-31"),
    ],
)  # fmt: skip
def test_more_weekday_and_year_forms(text: str, quote: str, iso: str) -> None:
    assert one(text) == (quote, iso)


def test_a_weekday_in_a_name_is_not_a_date() -> None:
    assert extract_dates("The Tuesday Group met.", PUB) == []


@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        ("Turnout was 54 percent four years ago.", "four years ago", "2020-01-01/2020-12-31"),
        ("이는 4년 전 지방선거 때보다 높다.", "4년 전", "2020-01-01/2020-12-31"),
        ("Это было два года назад.", "два года назад", "2022-01-01/2022-12-31"),
        ("Det skete for to år siden.", "for to år siden", "2022-01-01/2022-12-31"),
        ("It happened three months ago.", "three months ago", "2024-07-01/2024-07-31"),
        ("В прошлогодних учениях участвовали люди.", "прошлогодних", "2023-01-01/2023-12-31"),
        ("Soldaterne sendes i løbet af foråret.", "i løbet af foråret", "2024-03-01/2024-05-31"),
    ],
)
def test_spans_before_publication_and_bare_seasons(text: str, quote: str, iso: str) -> None:
    assert one(text) == (quote, iso)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Final results are due on Thursday.", "2024-10-24"),
        ("Fintællingen begynder torsdag.", "2024-10-24"),
        ("Учения завершатся в пятницу.", "2024-10-25"),
        ("ومن المقرر أن تبدأ المرحلة الثانية يوم الخميس.", "2024-10-24"),
        ("The recount will begin on March 3.", "2025-03-03"),
        # the same words in the past, or a future verb in another clause, look back
        ("They met on Thursday.", "2024-10-17"),
        ("Troops will arrive, the ministry said on Thursday.", "2024-10-17"),
        ("The recount began on March 3.", "2024-03-03"),
    ],
)
def test_a_clause_about_what_is_to_come_looks_ahead(text: str, iso: str) -> None:
    assert one(text)[1] == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # a weekday before its date only names that date, however far back it lies
        ("The ferry sailed on Friday 11 October.", "2024-10-11"),
        ("The mill shut on Saturday, 28 September.", "2024-09-28"),
        ("The mill shut on Saturday, September 28.", "2024-09-28"),
        ("The parade was held on Tuesday 1st of October.", "2024-10-01"),
        # "by" the paper's own weekday is that day, not a week on
        ("Clinics had seen 40 patients by Wednesday.", "2024-10-23"),
        ("40 patients by Wednesday, the clinic said.", "2024-10-23"),
    ],
)
def test_a_weekday_with_its_date_and_by_the_papers_own_weekday(text: str, iso: str) -> None:
    assert one(text)[1] == iso


def test_words_of_a_long_text_read_once_compactly() -> None:
    """The words the date patterns look around are every word with its place, casefolded;
    positions are kept in arrays and a word written many times is held once."""
    import re
    from array import array

    from db.assist.date_words import _words

    text = (
        "Вчера the Minister said on Monday, 12 March, that 3,500 troops left. " * 400
    ).casefold()
    starts, ends, words = _words(text)
    expected = [(m.start(), m.end(), m.group(0).casefold()) for m in re.finditer(r"\w+", text)]
    assert list(zip(starts, ends, words, strict=True)) == expected
    assert isinstance(starts, array) and isinstance(ends, array)
    monday = [w for w in words if w == "monday"]
    assert len(monday) == 400 and all(w is monday[0] for w in monday)  # one string, shared
    assert _words(text) is _words(text)  # read once for all the patterns


def test_a_day_zero_is_no_day_and_no_crash() -> None:
    found = extract_dates("It closed on October 00 and reopened.", dt.date(2000, 1, 1))
    assert all(d.iso is None or not d.iso.endswith("-00") for d in found)


@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        # a part of a day before a weekday in the genitive: that day, "к"/"до" the coming one
        ("Задержки продолжались всё утро среды.", "утро среды", "2024-10-23"),
        ("Снег прекратится к вечеру субботы.", "к вечеру субботы", "2024-10-26"),
        ("Снег прекратится к вечеру среды.", "к вечеру среды", "2024-10-23"),
        # Arabic: "المقبل" is the coming one, "الماضي" the last, "حتى" until the coming one
        ("ويبدأ الامتحان يوم الأحد المقبل.", "يوم الأحد المقبل", "2024-10-27"),
        ("وأغلق المعبر الأحد الماضي.", "الأحد الماضي", "2024-10-20"),
        ("ويستمر الإغلاق حتى يوم الجمعة.", "حتى يوم الجمعة", "2024-10-25"),
        # a period so far: from its first day to the paper's
        (
            "Vejen har været lukket to gange tidligere i år.",
            "tidligere i år",
            "2024-01-01/2024-10-23",
        ),
        ("С начала суток произошло 30 ДТП.", "С начала суток", "2024-10-23"),
        ("올해 들어 수출이 7% 늘었다.", "올해 들어", "2024-01-01/2024-10-23"),
        # a decimal point does not end the clause that says what is to come
        ("The firm will supply its 2.4 million users from Friday.", "from Friday", "2024-10-25"),
        ("Frost is forecast to last through the weekend.", "the weekend", "2024-10-26/2024-10-27"),
    ],
)
def test_day_parts_coming_and_last_days_and_periods_so_far(text: str, quote: str, iso: str) -> None:
    found = [(text[d.start : d.end], d.iso) for d in extract_dates(text, PUB)]
    assert (quote, iso) in found, found


@pytest.mark.parametrize(
    ("text", "quote", "iso"),
    [
        # a season with the year it names
        ("Broen blev bygget i foråret 2019.", "i foråret 2019", "2019-03-01/2019-05-31"),
        ("Дорогу закрыли осенью 2020 года.", "осенью 2020 года", "2020-09-01/2020-11-30"),
        ("2018년 겨울 폭설이 내렸다.", "2018년 겨울", "2018-12-01/2019-02-28"),
        ("وأغلق الطريق في شتاء عام 2017.", "في شتاء عام 2017", "2017-12-01/2018-02-28"),
        # the eve, last weekend, next month
        ("Накануне в городе закрыли 3 моста.", "Накануне", "2024-10-22"),
        ("지난 주말 비가 내렸다.", "지난 주말", "2024-10-19/2024-10-20"),
        ("ويبدأ التشغيل الشهر المقبل.", "الشهر المقبل", "2024-11-01/2024-11-30"),
    ],
)
def test_seasons_of_a_named_year_the_eve_last_weekend_and_next_month(
    text: str, quote: str, iso: str
) -> None:
    found = [(text[d.start : d.end], d.iso) for d in extract_dates(text, PUB)]
    assert (quote, iso) in found, found


def test_danish_or_german_read_off_the_words_as_the_patterns_read_the_text() -> None:
    """The word list standing in for _DANISH and _GERMAN on texts of ASCII words tells what
    searching the text with them tells."""
    import random

    from db.assist import date_words

    words = [
        *date_words._DANISH_OR_GERMAN_WORDS,
        *date_words._GERMAN_DAYS,
        "montagabend", "Sonntags", "DER", "Im", "imagine", "order", "erst", "der_", "der2",
        "vergangenes", "letztes", "Mittwochs", "the", "said", "on", "Monday", "ost", "i",
        "æble", "grüße", "Straße", "øen", "\u212bngstrom", "İm", "ıkke", "ſeit",
    ]  # fmt: skip
    rng = random.Random(5)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 5)))
        text += rng.choice(["", ".", ", 2024", "—x"])
        expected = bool(date_words._DANISH.search(text) or date_words._GERMAN.search(text))
        assert date_words._danish_or_german(text) == expected, text
