"""Attribution read by the grammar of each language: who a trailing cue, an apposition, a
genitive, a pronoun or a cue pointing back names, and which sentences carry an account on.
Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.suggest import suggest

PUBLISHED = dt.date(2026, 4, 16)  # a Thursday


# English


def test_a_day_of_the_week_is_nobody_the_company_stands_for() -> None:
    text = (
        "Harbour Ferries will cut 12 crossings a day, the operator said on Tuesday. "
        "Passengers who travel without a ticket may be fined 60 pounds, the operator said."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "60", text).source == "operator"


def test_capitalised_words_after_a_preposition_are_a_place_not_the_speakers_name() -> None:
    text = (
        "A beekeeper near the Downs said he had lost 40 hives. "
        "A spokeswoman for the Office for Rail said 3 lines were shut."
    )
    found = suggest(text, None, "en")
    assert figure_at(found, "40", text).source == "beekeeper near the Downs"
    assert figure_at(found, "3", text).source == "spokeswoman for the Office for Rail"


def test_a_person_of_a_body_is_the_speaker() -> None:
    text = '"We counted 220 nests this spring," said Mia Cole of the bird charity Wing Watch.'
    found = suggest(text, None, "en")
    assert figure_at(found, "220", text).source == "Mia Cole"


def test_an_estimated_figure_is_no_speech_verb_and_data_named_by_their_owner_speak() -> None:
    text = (
        "The district lost an estimated 80 hectares of forest last year, Forestry Board data show."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "an estimated 80", text).source == "Forestry Board"
    text = "Fewer than 300 ships called at the port, the figures show."
    assert figure_at(suggest(text, None, "en"), "Fewer than 300", text).source is None


# Danish


def test_ifolge_a_description_then_the_name_set_off_by_commas_gives_the_name() -> None:
    text = "Ifølge kommunens økonomidirektør, Ole Krag, koster ombygningen 45 millioner kroner."
    assert figure_at(suggest(text, None, "da"), "45 millioner", text).source == "Ole Krag"


def test_ifolge_an_owner_in_the_genitive_of_figures_is_the_source() -> None:
    text = (
        "Ifølge Vejdirektoratets nye opgørelse blev 312 broer undersøgt sidste år. "
        "Ifølge SAS's egne tal fløj 9 procent færre passagerer i januar."
    )
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "312", text).source == "Vejdirektoratet"
    assert figure_at(found, "9 procent", text).source == "SAS"


def test_det_oplyser_opening_a_paragraph_gives_the_lead_its_source() -> None:
    text = (
        "Cirka 4.000 husstande var uden strøm natten over efter stormen.\n\n"
        "Det oplyser elselskabet Nordlys i en pressemeddelelse.\n\n"
        "Stormen væltede også 30 træer i byen."
    )
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "Cirka 4.000", text).source == "Nordlys"
    assert figure_at(found, "30", text).source is None


# Russian


def test_ob_etom_an_agency_was_told_by_the_body_after_v() -> None:
    text = (
        "Около 900 домов остались без тепла после аварии на магистрали.\n\n"
        "Об этом РБК сообщили в пресс-службе теплосети."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "Около 900", text).source == "пресс-службе теплосети"


def test_a_quotation_of_several_sentences_is_the_speakers_whole() -> None:
    text = (
        "Вечером на вокзале остановилось движение.\n\n"
        "Об этом журналистам рассказали в пресс-службе вокзала.\n\n"
        "«Задержаны 12 поездов. Ещё 5 поездов отменены», — сказали в пресс-службе."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "12", text).source == "пресс-службе вокзала"
    assert figure_at(found, "5", text).source == "пресс-службе вокзала"
    quotes = of_kind(found, "quotation")
    assert [q.quote for q in quotes] == ["Задержаны 12 поездов. Ещё 5 поездов отменены"]


def test_a_russian_pronoun_passes_over_a_person_of_the_other_gender() -> None:
    text = (
        "Глава депо Олег Сафонов заявил, что 7 вагонов уже отремонтированы. "
        "Депутат городской думы Ирина Белова потребовала проверки. "
        "«Ремонт 15 вагонов затянулся на месяц», — сказала она."
    )
    found = suggest(text, None, "ru")
    assert figure_at(found, "7", text).source == "Олег Сафонов"
    assert figure_at(found, "15", text).source == "Ирина Белова"


def test_a_genitive_surname_is_no_woman_for_on() -> None:
    text = (
        "По словам инженера Павла Журавлёва, трещина тянется на 3 метра. "
        "Он добавил, что 2 опоры придётся заменить."
    )
    assert figure_at(suggest(text, None, "ru"), "2", text).source == "Павла Журавлёва"


def test_a_body_in_the_genitive_before_a_russian_name_is_not_part_of_it() -> None:
    text = (
        "Заместитель директора департамента Минтранса Сергей Львович Гусев заявил, "
        "что 40 мостов требуют ремонта."
    )
    assert figure_at(suggest(text, None, "ru"), "40", text).source == "Сергей Львович Гусев"


def test_a_promise_with_chto_and_a_plural_subject_of_its_own() -> None:
    text = (
        "Мэр Анна Крылова пообещала, что город закупит 25 новых автобусов. "
        "Перевозчики считают, что нужно не меньше 40 машин. "
        "«Мы найдём деньги и на 60 автобусов», — сказала она."
    )
    found = suggest(text, None, "ru")
    assert figure_at(found, "25", text).source == "Анна Крылова"
    assert figure_at(found, "не меньше 40", text).source == "Перевозчики"
    assert figure_at(found, "60", text).source == "Анна Крылова"


# Korean


def test_korean_verbs_of_saying_in_the_polite_style_the_progressive_and_idioms() -> None:
    text = (
        "기상청은 올여름 강수량이 평년보다 20% 많을 것으로 보고 있습니다. "
        "해경은 실종자 3명을 수색하고 있다고 밝혔습니다. "
        "상인들은 손님이 크게 줄었다고 입을 모았다."
    )
    found = suggest(text, None, "ko")
    assert figure_at(found, "20%", text).source == "기상청"
    assert figure_at(found, "3명", text).source == "해경"
    statements = of_kind(found, "attribution")
    assert ("상인들", "손님이 크게 줄었") in [(s.source, s.quote) for s in statements]


def test_korean_a_body_s_announcement_tally_or_survey_names_the_body() -> None:
    text = (
        "환경부 발표에 따르면 미세먼지 경보는 12차례 발령됐다.\n\n"
        "관세청이 지난 3일 내놓은 자료에 따르면 수출은 7% 늘었다.\n\n"
        "비가 그쳤다. 산림청 집계에서 산불 피해 면적은 450헥타르였다."
    )
    found = suggest(text, None, "ko")
    assert figure_at(found, "12차례", text).source == "환경부"
    assert figure_at(found, "7%", text).source == "관세청"
    assert figure_at(found, "450헥타르", text).source == "산림청"


def test_a_korean_sentence_with_no_subject_of_its_own_goes_on_with_the_one_before() -> None:
    text = (
        "한국은행에 따르면 지난달 수입 물가는 1년 전보다 4.2% 올랐다.\n\n"
        "전월과 비교하면 0.8% 높은 수준이다.\n\n"
        "수출 물가가 2.5% 내렸다."
    )
    found = suggest(text, None, "ko")
    assert figure_at(found, "4.2%", text).source == "한국은행"
    assert figure_at(found, "0.8%", text).source == "한국은행"
    assert figure_at(found, "2.5%", text).source is None


# Arabic


def test_arabic_verbs_of_saying_in_the_present_and_the_plural() -> None:
    text = (
        "ويقول المزارع أبو خالد إن 30 شجرة احترقت في حقله. "
        "وأكد المسؤولون أن 5 فرق إطفاء وصلت إلى المكان."
    )
    found = suggest(text, None, "ar")
    assert figure_at(found, "30", text).source == "المزارع أبو خالد"
    assert figure_at(found, "5", text).source == "المسؤولون"


def test_arabic_a_document_names_its_author_and_an_unowned_one_no_source() -> None:
    text = (
        "وأفاد بيان صادر عن وزارة الصحة بأن 12 مستشفى رفعت درجة الاستعداد. "
        "وتشير تقديرات أولية إلى أن الخسائر بلغت 40 مليون دينار."
    )
    found = suggest(text, None, "ar")
    assert figure_at(found, "12", text).source == "وزارة الصحة"
    assert figure_at(found, "40 مليون", text).source is None


def test_arabic_as_he_put_it_gives_the_words_to_the_speaker_last_named() -> None:
    text = (
        "وقال رئيس البلدية سامر حداد إن العمل سيستمر. "
        "وتحتاج المدينة إلى 200 حافلة جديدة، على حد قوله."
    )
    found = suggest(text, None, "ar")
    assert figure_at(found, "200", text).source == "رئيس البلدية سامر حداد"


def test_an_estimate_or_a_report_with_an_object_and_no_that() -> None:
    text = "Sparekassen forventer et fald i udlånet på 4 procent."
    assert figure_at(suggest(text, None, "da"), "4 procent", text).source == "Sparekassen"
    text = "Госавтоинспекция сообщила о 17 авариях за ночь."
    assert figure_at(suggest(text, None, "ru"), "17", text).source == "Госавтоинспекция"
    text = "ويتوقع الخبراء ارتفاع الأسعار بنحو 8 في المئة."
    assert figure_at(suggest(text, None, "ar"), "نحو 8 في المئة", text).source == "الخبراء"


def test_a_role_at_a_body_then_the_name_is_the_person() -> None:
    text = "Salget faldt med 11 procent, fortæller salgschef i Nordbyg Karen Lund."
    assert figure_at(suggest(text, None, "da"), "11 procent", text).source == "Karen Lund"


def test_arabic_how_a_statement_was_made_is_not_the_speaker() -> None:
    text = "وأكد مدير الميناء، في تصريح للصحفيين، أن 9 سفن رست أمس."
    assert figure_at(suggest(text, None, "ar"), "9", text).source == "مدير الميناء"


def test_more_danish_verbs_of_view_and_a_body_named_with_a_link_word() -> None:
    text = (
        "Ifølge Anne Dahl mangler der 80 sygeplejersker. "
        "Hun peger på, at 25 procent er over 60 år. "
        "Ifølge en rapport fra Rådet for Sikker Trafik kører 9 procent for stærkt."
    )
    found = suggest(text, None, "da")
    assert figure_at(found, "25 procent", text).source == "Anne Dahl"
    assert figure_at(found, "9 procent", text).source == "Rådet for Sikker Trafik"


def test_russian_data_that_show_and_korean_in_the_industry() -> None:
    text = "Данные Минтруда показывают, что безработица снизилась до 3%."
    assert figure_at(suggest(text, None, "ru"), "до 3%", text).source == "Минтруда"
    text = "증권가에서는 영업이익이 15% 늘 것으로 보고 있다."
    assert figure_at(suggest(text, None, "ko"), "15%", text).source == "증권가"


def test_a_quotation_right_after_its_speakers_cue_carries_on() -> None:
    text = '"We sold 400 tickets," said organiser Ruth Ames. "About 90 were for children."'
    assert figure_at(suggest(text, None, "en"), "About 90", text).source == "Ruth Ames"
    text = 'Ruth Ames said the hall was full.\n\n"About 90 were for children."'
    assert figure_at(suggest(text, None, "en"), "About 90", text).source is None


def test_reported_speech_goes_on_in_its_tense_with_a_pronoun_subject() -> None:
    text = (
        "Council engineer Ida Rowe said the bypass would cost 40 million pounds. "
        "It would also take 3 years to build.\n\n"
        "The council opened the old bridge in 1990. It would carry 900 cars a day."
    )
    found = suggest(text, None, "en")
    assert figure_at(found, "3", text).source == "Ida Rowe"
    assert figure_at(found, "900", text).source is None


def test_a_russian_source_in_another_case_matches_its_dictionary_form() -> None:
    from db.assist.suggest import RegistrySource

    registry = [RegistrySource(None, "Росводресурсы", kind="government")]
    text = "По данным Росводресурсов, уровень воды поднялся на 2 метра."
    assert figure_at(suggest(text, None, "ru", registry), "2", text).source == "Росводресурсы"
    text = "В областном облизбиркоме сообщили, что явка составила 41%."
    figure = figure_at(suggest(text, None, "ru"), "41%", text)
    assert "областной облизбирком" in figure.variants
