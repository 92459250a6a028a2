"""Suggestions in Korean, Russian, Danish, German and Arabic news text (written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.suggest import Suggestion, suggest

PUB = dt.date(2024, 10, 23)


def at(text: str, needle: str) -> Suggestion:
    lo = text.index(needle)
    hits = [
        s for s in suggest(text, PUB) if s.kind == "figure" and s.target_start <= lo < s.target_end
    ]
    assert hits, needle
    return hits[0]


@pytest.mark.parametrize(
    ("text", "needle", "value", "source", "kind"),
    [
        (
            "국가정보원은 23일 북한이 러시아에 1만2000명 규모의 병력을 파병할 것으로 "
            "보인다고 밝혔다.",
            "1만2000명", 12_000, "국가정보원", "intelligence",
        ),
        (
            "국정원에 따르면 이미 1500명이 러시아 극동 지역으로 이동했다.",
            "1500명", 1_500, "국정원", "intelligence",
        ),
        (
            "По данным украинской разведки, в Курской области находятся до 15 тысяч военных КНДР.",
            "15 тысяч", 15_000, "украинской разведки", "intelligence",
        ),
        (
            "Министерство обороны сообщило, что около 2 тыс. человек уже прибыли.",
            "2 тыс.", 2_000, "Министерство обороны", "government",
        ),
        (
            "«Потери составили 400 человек», — заявил представитель ГУР Андрей Юсов.",
            "400", 400, "Андрей Юсов", "intelligence",
        ),
        (
            "Ifølge den sydkoreanske efterretningstjeneste har Nordkorea sendt 10.000 soldater.",
            "10.000", 10_000, "sydkoreanske efterretningstjeneste", "intelligence",
        ),
        (
            "Forsvarsminister Troels Lund Poulsen siger, at omkring 1.500 soldater er ankommet.",
            "1.500", 1_500, "Troels Lund Poulsen", "government",
        ),
        (
            "Verteidigungsminister Boris Pistorius sagte, etwa 1.500 Soldaten seien angekommen.",
            "1.500", 1_500, "Boris Pistorius", "government",
        ),
        (
            "قال المتحدث باسم وزارة الدفاع إن ١٥٠٠ جندي وصلوا إلى روسيا.",
            "١٥٠٠", 1_500, "المتحدث باسم وزارة الدفاع", "government",
        ),
        (
            "وبحسب الاستخبارات الكورية الجنوبية، أرسلت بيونغ يانغ نحو ١٠ آلاف جندي.",
            "١٠ آلاف", 10_000, "الاستخبارات الكورية الجنوبية", "intelligence",
        ),
    ],
)  # fmt: skip
def test_figure_with_its_source(
    text: str, needle: str, value: float, source: str, kind: str
) -> None:
    found = at(text, needle)
    assert found.value == value
    assert (found.source, found.source_kind) == (source, kind)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("북한군 1만 명 이상이 훈련을 받고 있는 것으로 알려졌다.", "1만 명"),
        ("Tusindvis af soldater er angiveligt på vej.", "Tusindvis"),
        ("وأفادت التقارير بمقتل ٤٠٠ جندي.", "٤٠٠"),
    ],
)
def test_hedged_figures_have_no_source(text: str, needle: str) -> None:
    found = at(text, needle)
    assert found.source is None and found.hedge


def test_danish_date_and_inverted_source() -> None:
    text = "Det skete den 8. oktober 2024, oplyser ministeriet."
    dates = [s for s in suggest(text, PUB) if s.kind == "date"]
    assert [d.event_date for d in dates] == ["2024-10-08"]
    assert dates[0].source == "ministeriet"


# Cues and names of sources the readers first missed on unseen text (written for the tests).
@pytest.mark.parametrize(
    ("text", "needle", "source", "relays"),
    [
        # a date and a citing phrase inside the source's words
        (
            "Около 300 единиц техники выдвинулись к границе, сообщило в среду агентство "
            "«Интерфакс» со ссылкой на местные власти.",
            "300", "местные власти", ("агентство «Интерфакс»",),
        ),
        # a preposition before the body that speaks ("заявили в Минобороны")
        ("На помощь направлены 1 200 военнослужащих, заявили в Минобороны.", "1 200",
         "Минобороны", ()),
        ("Как рассказал глава МЧС региона Сергей Кравцов, спасатели вывезли 870 человек.", "870",
         "Сергей Кравцов", ()),
        ("Ущерб, по предварительной оценке администрации, превышает 1,5 млрд рублей.", "1,5",
         "администрации", ()),
        ("Ранее ведомство сообщало, что в учениях участвуют 2 тыс. человек.", "2 тыс.",
         "ведомство", ()),
        ("В прошлом году паводок затронул 13 000 домов, напоминает агентство ТАСС.", "13 000",
         "агентство ТАСС", ()),
        # Danish: the verb right after the source ("Ifølge X stemte"), "X fra Y vurderer"
        ("Ifølge borgmester Anders Holm stemte omkring 176.000 vælgere.", "176.000",
         "Anders Holm", ()),
        ("Valgforsker Mette Kjær fra Aarhus Universitet vurderer, at 8.000 stemmer er flyttet.",
         "8.000", "Valgforsker Mette Kjær", ()),
        ("Forsikring & Pension anslår, at skaderne kan løbe op i 1,2 milliarder kroner.", "1,2",
         "Forsikring & Pension", ()),
        # Korean: the source after the statement, a discourse word before the subject
        ("정부는 군 병력 1만 명을 투입하기로 했다고 국방부가 전했다.", "1만 명", "국방부", ()),
        ("한편 우크라이나 국방부는 북한군 200여 명이 공격에 나섰다고 발표했다.", "200여 명",
         "우크라이나 국방부", ()),
        ("전문가들은 북한이 최대 2만 명을 더 보낼 수 있다고 내다봤다.", "2만 명", "전문가들", ()),
        # Arabic: a time phrase after the name, an appositive name, "للـ", "نقلا عن"
        ("قالت وزارة الداخلية يوم الأربعاء إن نحو ١٢٠٠ أسرة نزحت.", "١٢٠٠", "وزارة الداخلية", ()),
        ("وأفاد المتحدث باسم الوزارة، خالد منصور، بأن الفرق انتشلت جثث ٩ أشخاص.", "٩",
         "خالد منصور", ()),
        ("ووفقا للهلال الأحمر، وزعت المنظمة أكثر من ٣٠٠٠ سلة غذائية.", "٣٠٠٠", "الهلال الأحمر",
         ()),
        ("ذكرت وكالة رويترز نقلا عن مسؤولين أمنيين أن نحو 5 آلاف جندي انتشروا قرب الحدود.",
         "5 آلاف", "مسؤولين أمنيين", ("وكالة رويترز",)),
        ("وأشار المرصد الإقليمي للنزاعات إلى أن 300 جندي عبروا الحدود.", "300",
         "المرصد الإقليمي للنزاعات", ()),
    ],
)  # fmt: skip
def test_sources_of_other_languages(
    text: str, needle: str, source: str, relays: tuple[str, ...]
) -> None:
    found = at(text, needle)
    assert found.source == source
    assert found.relayed_by == relays


@pytest.mark.parametrize(
    ("text", "needle", "person"),
    [
        ("По словам эксперта Игоря Ланина, нужно 40 составов. Он добавил, что 12 уже прибыли.",
         "12", "Игоря Ланина"),
    ],
)  # fmt: skip
def test_pronouns_of_other_languages_name_the_person_last_given(
    text: str, needle: str, person: str
) -> None:
    assert at(text, needle).source == person


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("국가정보원은 18일 북한이 병력 약 3000명을 보냈다고 밝혔다.", "18일"),
        ("قالت وزارة الداخلية يوم الأربعاء إن ١٢٠٠ أسرة نزحت.", "يوم الأربعاء"),
        ("Около 300 машин вышли к границе, сообщило в среду агентство «Интерфакс».", "в среду"),
    ],
)
def test_the_date_of_saying_is_the_outlets_own(text: str, needle: str) -> None:
    lo = text.index(needle)
    dates = [s for s in suggest(text, PUB) if s.kind == "date" and s.target_start == lo]
    assert dates and dates[0].source is None


@pytest.mark.parametrize(
    ("text", "needle", "source"),
    [
        # an anonymity clause is no name
        ("وقال مسؤول في الوزارة، طلب عدم ذكر اسمه، إن الطرف الآخر سيطلق ٩٠ شخصا.", "٩٠",
         "مسؤول في الوزارة"),
        # the subject's first verb before "og" and the speech verb
        ('Dansk Sygeplejeråd kalder planen "uansvarlig" og anslår, at ventetiden stiger med '
         "mindst fire uger.", "fire", "Dansk Sygeplejeråd"),
        # an estimate "것으로 추산했다"
        ("업계는 하루 손실액이 최소 300억 원에 이를 것으로 추산했다.", "300억", "업계"),
    ],
)  # fmt: skip
def test_more_sources_of_other_languages(text: str, needle: str, source: str) -> None:
    assert at(text, needle).source == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقدرت الحكومة الخسائر الأولية بنحو ٢٥ مليون دولار.", "الحكومة"),
        ("وقدرت وزارة الصحة عدد الضحايا بنحو ٣٠٠ شخص.", "وزارة الصحة"),
        ("وقدرت لجنة الانتخابات المشاركة بنحو ٤٠ بالمئة.", "لجنة الانتخابات"),
    ],
)
def test_arabic_estimate_without_that(text: str, source: str) -> None:
    figure = next(s for s in suggest(text, PUB) if s.kind == "figure")
    assert figure.source == source


@pytest.mark.parametrize(
    "quote", ["at least 1,300 people were moved", "at most 2,400 homes had been cut off"]
)
def test_a_short_english_quote_is_not_read_as_danish(quote: str) -> None:
    from db.assist.numbers import extract_figures
    from db.assist.text import guess_language

    assert guess_language(quote) == "en"
    (figure,) = extract_figures(quote)
    assert figure.value in (1300.0, 2400.0) and figure.unit in ("people", "homes")


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("1,300 people could die", 1300.0),  # "die" alone is no German
        ("De Beers cut 1,300 jobs", 1300.0),  # "de" alone is no Danish
        ("van trucks carried 1,200 people", 1200.0),  # "van" alone is no Dutch
    ],
)
def test_one_foreign_common_word_does_not_make_a_quote_foreign(quote: str, value: float) -> None:
    from db.assist.numbers import extract_figures
    from db.assist.text import guess_language

    assert guess_language(quote) == "en"
    assert extract_figures(quote)[0].value == value


def test_two_common_words_still_tell_a_short_foreign_sentence() -> None:
    from db.assist.text import guess_language

    assert guess_language("Die Polizei sagte, 1.300 Menschen") == "de"
    assert guess_language("De politie zegt dat 1.300 mensen") == "nl"
