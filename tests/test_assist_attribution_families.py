"""Families of attribution read by their grammar: relays named between a verb and what it
says, the time and the listener of the saying, a subject shared by two verbs, a cue pointing
back to the sentence before, Arabic relayed speech, Korean quotative particles and noun
clauses.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.suggest import suggest

PUBLISHED = dt.date(2026, 3, 5)


# English


def test_a_pronoun_subject_of_two_verbs_asserts_both() -> None:
    text = (
        "Police chief Dana Ruiz opened the briefing. She pledged a review within 14 days and "
        "said 9 officers had been suspended."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "14", text).source == "Dana Ruiz"
    nine = figure_at(found, "9", text)
    assert nine.source == "Dana Ruiz"
    assert nine.quote == "9 officers had been suspended"


def test_a_verb_inside_the_reported_clause_is_not_a_trailing_cue() -> None:
    text = "Coastal FM, citing a deckhand, reported that the owner had denied the request."
    statements = of_kind(suggest(text, None, "en"), "attribution")
    assert [(s.quote, s.source, s.relayed_by) for s in statements] == [
        ("the owner had denied the request", "deckhand", ("Coastal FM",))
    ]


def test_a_name_does_not_run_into_the_next_sentence() -> None:
    text = (
        "The pier was closed, according to the Daily Wave, citing port director Alan Mercer. "
        "Mercer later said that the pier had 3 cracks."
    )
    assert figure_at(suggest(text, None, "en"), "3", text).source == "Alan Mercer"


def test_a_trailing_source_set_off_by_its_comma_still_counts() -> None:
    text = "The water had reached 2 metres in the old town, the river authority said on Friday."
    figures = of_kind(suggest(text, None, "en"), "figure")
    assert [(f.value, f.source) for f in figures] == [(2, "river authority")]


# Arabic


def test_arabic_relayed_speech_names_the_speaker_and_the_relay() -> None:
    text = "ونقلت صحيفة الوطن عن مسؤول في الوزارة قوله إن ٣٠٠ منزل تضرر بالكامل."
    hit = figure_at(suggest(text, None, "ar"), "٣٠٠", text)
    assert (hit.source, hit.relayed_by) == ("مسؤول في الوزارة", ("صحيفة الوطن",))
    text = "ونقل التلفزيون الرسمي عن وزير الداخلية أن الشرطة اعتقلت ٤٥ شخصا."
    hit = figure_at(suggest(text, None, "ar"), "٤٥", text)
    assert (hit.source, hit.relayed_by) == ("وزير الداخلية", ("التلفزيون الرسمي",))


def test_arabic_quotation_after_a_colon_has_its_speaker() -> None:
    text = 'وقالت المتحدثة باسم البلدية: "لن نسمح بتكرار ما حدث في المدينة".'
    quotes = of_kind(suggest(text, None, "ar"), "quotation")
    assert [(q.quote, q.source) for q in quotes] == [
        ("لن نسمح بتكرار ما حدث في المدينة", "المتحدثة باسم البلدية")
    ]


def test_arabic_short_statement_and_the_then_after_according_to() -> None:
    statements = of_kind(
        suggest("وأعلنت الشرطة أنها أغلقت الطريق السريع.", None, "ar"), "attribution"
    )
    assert [(s.quote, s.source) for s in statements] == [("أغلقت الطريق السريع", "الشرطة")]
    text = "وبحسب الهلال الأحمر، فإن ٢٠٠ عائلة تلقت مساعدات غذائية."
    hit = figure_at(suggest(text, None, "ar"), "٢٠٠", text)
    assert hit.source == "الهلال الأحمر" and not hit.quote.startswith("فإن")


# Korean


def test_korean_previous_day_and_minutes_carry_the_source() -> None:
    text = "해경은 전날 오후 어선 1척이 약 25분 동안 표류했다고 밝혔다."
    found = suggest(text, PUBLISHED, "ko")
    minutes = figure_at(found, "약 25분", text)
    assert (minutes.value, minutes.unit, minutes.source) == (25, "minutes", "해경")
    assert minutes.event_date == "2026-03-04"


def test_korean_noun_clauses_of_admitting_and_making_plain() -> None:
    text = "이 장관은 관리 감독에 문제가 있었다는 점을 인정했다."
    statements = of_kind(suggest(text, None, "ko"), "attribution")
    assert [(s.quote, s.source) for s in statements] == [("관리 감독에 문제가 있었다", "이 장관")]
    text = "박 시장은 지하철 연장 사업을 포기하지 않겠다는 뜻을 분명히 했다."
    statements = of_kind(suggest(text, None, "ko"), "attribution")
    assert [s.source for s in statements] == ["박 시장"]


def test_korean_quotations_by_their_particles() -> None:
    text = '최 의원은 "정부가 책임을 회피하고 있다"며 국정조사를 요구했다.'
    quotes = of_kind(suggest(text, None, "ko"), "quotation")
    assert [(q.quote, q.source) for q in quotes] == [("정부가 책임을 회피하고 있다", "최 의원")]
    # what the speaker did before speaking is no statement of theirs
    text = '김 청장은 현장을 방문해 "모든 인력을 동원하겠다"고 말했다.'
    found = suggest(text, None, "ko")
    assert of_kind(found, "attribution") == []
    assert [q.source for q in of_kind(found, "quotation")] == ["김 청장"]


def test_korean_side_of_a_body_is_the_body() -> None:
    text = "경찰청 측은 사고 당일 순찰차 4대를 투입했다고 밝혔다."
    assert figure_at(suggest(text, None, "ko"), "4대", text).source == "경찰청"


# Russian


def test_russian_citing_after_the_verb_and_the_time_of_saying() -> None:
    text = (
        "Газета «Вечерний город» пишет со ссылкой на собеседников в мэрии, что бюджет сократят "
        "на 10%."
    )
    hit = figure_at(suggest(text, None, "ru"), "10%", text)
    assert hit.source == "собеседников в мэрии"
    assert hit.relayed_by == ("Газета «Вечерний город»",)
    text = "Министр транспорта Олег Смирнов заявил журналистам в среду, что мост откроют в августе."
    dates = of_kind(suggest(text, PUBLISHED, "ru"), "date")
    sources = {text[d.target_start : d.target_end]: d.source for d in dates}
    assert sources == {"в среду": None, "в августе": "Олег Смирнов"}


def test_russian_about_this_said_points_to_the_sentence_before() -> None:
    text = (
        "В результате аварии без света остались 3 тысячи домов. "
        "Об этом сообщил глава района Сергей Ветров."
    )
    assert figure_at(suggest(text, None, "ru"), "3 тысячи", text).source == "Сергей Ветров"


# Danish


def test_danish_citing_after_the_verb_names_the_report_author() -> None:
    text = (
        "Politiken skriver med henvisning til en rapport fra Rigsrevisionen, at 12 projekter "
        "er forsinket."
    )
    hit = figure_at(suggest(text, None, "da"), "12", text)
    assert (hit.source, hit.relayed_by) == ("Rigsrevisionen", ("Politiken",))


def test_danish_day_and_listener_of_the_saying_are_not_the_statement() -> None:
    text = "Borgmester Anne Lund sagde tirsdag til TV 2, at byen får 40 nye busser."
    found = suggest(text, PUBLISHED, "da")
    assert [d.source for d in of_kind(found, "date")] == [None]
    forty = figure_at(found, "40", text)
    assert forty.source is not None and "Anne Lund" in forty.source
    assert forty.quote == "byen får 40 nye busser" and forty.event_date is None


def test_danish_it_says_points_to_the_sentence_before() -> None:
    text = (
        "Omkring 40 familier er evakueret fra området. Det oplyser vagtchef Jens Holm til Ritzau."
    )
    found = suggest(text, None, "da")
    assert figure_at(found, "Omkring 40", text).source == "Jens Holm"
    assert all(s.source != "Det" for s in found)


def test_danish_fears_and_an_appositive_subject() -> None:
    statements = of_kind(suggest("Landmændene frygter, at tørken vil koste dem dyrt.", None, "da"),
                     "attribution")  # fmt: skip
    assert [(s.quote, s.source) for s in statements] == [
        ("tørken vil koste dem dyrt", "Landmændene")
    ]
    text = (
        'Formanden for Danske Havne, Lars Bo, kalder beslutningen "et alvorligt tilbageslag '
        'for hele branchen".'
    )
    found = suggest(text, None, "da")
    assert [(q.quote, q.source) for q in of_kind(found, "quotation")] == [
        ("et alvorligt tilbageslag for hele branchen", "Lars Bo")
    ]
    assert of_kind(found, "attribution") == []  # the quotation says it, once


# More families: inverted and appositive subjects, relative clauses, parenthetical cues,
# listeners, "as X announced", where a Korean source spoke, pronouns after a place.


def test_english_inverted_appositive_and_relative_subjects() -> None:
    text = '"We have lost 40 percent of the harvest," said Maria Lopez, who heads the union.'
    found = suggest(text, None, "en")
    assert [(q.quote, q.source) for q in of_kind(found, "quotation")] == [
        ("We have lost 40 percent of the harvest", "Maria Lopez")
    ]
    text = "The company's chief executive, Paul Grant, said 80 jobs would go."
    hit = figure_at(suggest(text, None, "en"), "80", text)
    assert (hit.source, hit.quote) == ("Paul Grant", "80 jobs would go")
    text = "The figures were confirmed by the health ministry, which said 54 people had died."
    # (the words between the article and the role word name it: the health ministry)
    assert figure_at(suggest(text, None, "en"), "54", text).source == "health ministry"
    text = "In a statement, the ministry said 230 families had been moved to shelters."
    hit = figure_at(suggest(text, None, "en"), "230", text)
    assert (hit.source, hit.quote) == ("ministry", "230 families had been moved to shelters")


def test_english_according_to_inside_the_clause() -> None:
    text = "The storm, according to the Red Cross, destroyed 300 homes."
    assert figure_at(suggest(text, None, "en"), "300", text).source == "Red Cross"


def test_arabic_listener_and_as_announced() -> None:
    text = "وقال المسؤول لوكالة فرانس برس إن ٢٠ شخصا قتلوا في القصف."
    assert figure_at(suggest(text, None, "ar"), "٢٠", text).source == "المسؤول"
    text = "وأفادت مصادر محلية لصحيفة النهار بأن ٨ منازل انهارت."
    assert figure_at(suggest(text, None, "ar"), "٨", text).source == "مصادر محلية"
    text = "وقتل ١٥ شخصا على الأقل، وفق ما أعلنت وزارة الصحة."
    assert figure_at(suggest(text, None, "ar"), "١٥", text).source == "وزارة الصحة"
    text = "وأصيب ٤٠ شخصا، بحسب ما أعلنت الشرطة."
    assert figure_at(suggest(text, None, "ar"), "٤٠", text).source == "الشرطة"


def test_korean_where_the_source_spoke_is_not_the_statement() -> None:
    text = "서울시는 보도자료를 통해 공원 12곳을 새로 조성하겠다고 밝혔다."
    hit = figure_at(suggest(text, None, "ko"), "12곳", text)
    assert hit.source == "서울시" and "보도자료" not in hit.quote
    text = "외교부 대변인은 정례 브리핑에서 교민 30명이 대피했다고 전했다."
    hit = figure_at(suggest(text, None, "ko"), "30명", text)
    assert hit.source == "외교부 대변인" and "브리핑" not in hit.quote


def test_russian_according_to_data_and_a_channel_in_guillemets() -> None:
    text = "Согласно данным Минздрава, госпитализированы 45 человек."
    assert figure_at(suggest(text, None, "ru"), "45", text).source == "Минздрава"
    text = "Представитель МЧС рассказал в эфире телеканала «Россия 24», что спасены 18 человек."
    hit = figure_at(suggest(text, None, "ru"), "18", text)
    assert (hit.source, hit.quote) == ("Представитель МЧС", "спасены 18 человек")


def test_danish_ifolge_inside_the_clause_and_of_a_report() -> None:
    text = "Der er ifølge politiet tale om 12 anholdte."
    assert figure_at(suggest(text, None, "da"), "12", text).source == "politiet"
    text = "Ifølge en opgørelse fra Danmarks Statistik steg priserne med 4 procent."
    assert figure_at(suggest(text, None, "da"), "4 procent", text).source == "Danmarks Statistik"


def test_danish_it_sounds_from() -> None:
    text = '"Vi er klar til at hjælpe," lyder det fra borgmester Karen Ravn.'
    quotes = of_kind(suggest(text, None, "da"), "quotation")
    assert [(q.quote, q.source) for q in quotes] == [("Vi er klar til at hjælpe", "Karen Ravn")]


def test_a_pronoun_is_the_person_not_the_body_named_after_a_preposition() -> None:
    text = "Lise Mortensen er direktør i Dansk Energi. Hun siger, at prisen stiger med 10 procent."
    assert figure_at(suggest(text, None, "da"), "10 procent", text).source == "Lise Mortensen"


def test_pronouns_find_names_after_a_title_and_in_cyrillic() -> None:
    text = (
        "Health Minister Ana Ruiz visited the hospital on Friday. She told reporters that "
        "42 patients remained in intensive care."
    )
    assert figure_at(suggest(text, None, "en"), "42", text).source == "Ana Ruiz"
    text = (
        "Глава района Сергей Ветров посетил место аварии. Он также сообщил, что без света "
        "остаются 300 домов."
    )
    assert figure_at(suggest(text, None, "ru"), "300", text).source == "Сергей Ветров"


def test_according_to_a_broadcaster_with_a_number_and_a_document_author() -> None:
    text = "Ifølge TV 2 er 14 personer bragt på hospitalet."
    assert figure_at(suggest(text, None, "da"), "14", text).source == "TV 2"
    text = "통계청이 발표한 자료에 따르면 실업률은 3.5%를 기록했다."
    assert figure_at(suggest(text, None, "ko"), "3.5%", text).source == "통계청"


def test_arabic_announced_with_a_verbal_noun() -> None:
    text = "وأعلن الجيش عن مقتل ١٢ مسلحا في اشتباكات."
    assert figure_at(suggest(text, None, "ar"), "١٢", text).source == "الجيش"
    text = 'وأكدت مصادر طبية لـ"الجزيرة" وصول ٣٠ جريحا إلى المستشفى.'
    assert figure_at(suggest(text, None, "ar"), "٣٠", text).source == "مصادر طبية"


def test_english_cited_as_saying_and_speakers_after_the_verb() -> None:
    text = "State television quoted the governor as saying that 15 villages were cut off."
    hit = figure_at(suggest(text, None, "en"), "15", text)
    assert (hit.source, hit.relayed_by) == ("governor", ("State television",))
    text = '"The shelters are full," said city spokesman Tom Adler.'
    quotes = of_kind(suggest(text, None, "en"), "quotation")
    assert [(q.quote, q.source) for q in quotes] == [("The shelters are full", "Tom Adler")]
    text = "At least 9 people died, said Ivan Petrov, a spokesman for the region."
    assert figure_at(suggest(text, None, "en"), "At least 9", text).source == "Ivan Petrov"


def test_english_common_nouns_as_sources() -> None:
    text = "Two people were killed, police told the Associated Press."
    figures = of_kind(suggest(text, None, "en"), "figure")
    assert [(f.value, f.source) for f in figures] == [(2, "police")]


def test_russian_listener_before_the_source_and_danish_it_follows_from() -> None:
    text = "Как рассказал «Известиям» источник в ведомстве, проверка займёт 2 недели."
    assert figure_at(suggest(text, None, "ru"), "2", text).source == "источник в ведомстве"
    text = "Det fremgår af en pressemeddelelse fra Region Hovedstaden, at 45 patienter er flyttet."
    hit = figure_at(suggest(text, None, "da"), "45", text)
    assert (hit.source, hit.quote) == ("Region Hovedstaden", "45 patienter er flyttet")


def test_english_put_the_toll_at() -> None:
    text = "Estimates by the UN refugee agency put the number of displaced at 1.2 million."
    assert figure_at(suggest(text, None, "en"), "1.2 million", text).source == "UN refugee agency"
    text = "Local officials put the cost of the damage at $40 million."
    assert figure_at(suggest(text, None, "en"), "$40 million", text).source == "Local officials"


def test_arabic_verbs_of_pointing_out_stressing_and_judging() -> None:
    cases = {
        "ولفت الوزير إلى أن ٤٠ مدرسة تضررت.": ("٤٠", "الوزير"),
        "وشدد المتحدث باسم الشرطة على أن ٣ مشتبهين اعتقلوا.": ("٣", "المتحدث باسم الشرطة"),
        "واعتبر المحلل السياسي أن الاتفاق سينهار خلال ٦ أشهر.": ("٦", "المحلل السياسي"),
    }
    for text, (target, source) in cases.items():
        assert figure_at(suggest(text, None, "ar"), target, text).source == source, text


def test_korean_a_quoted_name_is_not_speech() -> None:
    text = '정부는 "푸른 도시 함께 만들기"라는 이름의 계획에 예산 300억 원을 배정했다고 밝혔다.'
    found = suggest(text, None, "ko")
    assert of_kind(found, "quotation") == []
    assert figure_at(found, "300억 원", text).source == "정부"


def test_a_pronoun_follows_a_person_opening_a_later_sentence() -> None:
    text = (
        '"We have lost everything," said Peter Haines, a farmer. '
        "Environment Minister Laila Osei visited the area. She pledged 25 million dollars "
        "in aid and said an inquiry would report within 90 days."
    )
    found = suggest(text, None, "en")
    assert figure_at(found, "25 million", text).source == "Laila Osei"
    assert figure_at(found, "90", text).source == "Laila Osei"


def test_a_group_opening_the_sentence_and_a_group_inside_a_named_source() -> None:
    text = "Local farmers estimate losses at more than 12 million dollars."
    assert figure_at(suggest(text, None, "en"), "more than 12 million", text).source == (
        "Local farmers"
    )
    text = (
        "Bakers fear the price of flour will rise by 20 percent, a spokeswoman for the "
        "Flour Millers Association said."
    )
    hit = figure_at(suggest(text, None, "en"), "20 percent", text)
    assert hit.source is not None and "Flour Millers" in hit.source
    # "Many" names nobody
    assert (
        figure_at(
            suggest("Many say 40 people were hurt.", None, "en"),
            "40",
            "Many say 40 people were hurt.",
        ).source
        is None
    )


def test_danish_an_internal_mail_is_from_its_sender() -> None:
    text = (
        "Berlingske skriver med henvisning til en intern mail fra DSB, at 40 togsæt er beskadiget."
    )
    hit = figure_at(suggest(text, None, "da"), "40", text)
    assert (hit.source, hit.relayed_by) == ("DSB", ("Berlingske",))


def test_russian_by_his_words_and_a_listener_after_the_source() -> None:
    text = (
        "Председатель профсоюза Виктор Смолин выступил на митинге. По его словам, "
        "задолженность по выплатам превышает 40 млн рублей."
    )
    assert figure_at(suggest(text, None, "ru"), "40 млн", text).source == "Виктор Смолин"
    text = "В пресс-службе завода «Интерфаксу» сообщили, что переговоры продолжатся в четверг."
    dates = of_kind(suggest(text, PUBLISHED, "ru"), "date")
    assert [d.source for d in dates] == ["пресс-службе завода"]


def test_arabic_appositive_speaker_and_listener() -> None:
    text = (
        "وقال رئيس النقابة، حسن منصور، لوكالة الأنباء الفرنسية إن العمال يطالبون بزيادة "
        "الأجور بنسبة ٢٠ في المئة."
    )
    assert figure_at(suggest(text, None, "ar"), "٢٠ في المئة", text).source == "حسن منصور"


def test_danish_titles_before_the_name_and_english_some_experts() -> None:
    text = "Formand Grete Christensen siger til Ritzau, at 60 operationer er aflyst."
    assert figure_at(suggest(text, None, "da"), "60", text).source == "Grete Christensen"
    text = "Some economists believe the strike could cut growth by 0.2 percentage points."
    hit = figure_at(suggest(text, None, "en"), "0.2", text)
    assert hit.source == "Some economists"


def test_russian_it_is_said_in_a_statement_of() -> None:
    text = "В сообщении МЧС говорится, что огонь охватил 2 гектара."
    hit = figure_at(suggest(text, None, "ru"), "2", text)
    assert (hit.source, hit.quote) == ("МЧС", "огонь охватил 2 гектара")


def test_english_figures_show_and_a_person_described_by_a_place() -> None:
    text = "The ministry's figures, released on Monday, show that 1,200 people were evacuated."
    assert figure_at(suggest(text, None, "en"), "1,200", text).source == "ministry"
    text = "A survey of members showed that 40 percent had lost income."
    assert figure_at(suggest(text, None, "en"), "40 percent", text).source != "members"
    text = '"We counted 37 bodies," a nurse at the hospital said by phone.'
    quotes = of_kind(suggest(text, None, "en"), "quotation")
    assert [q.source for q in quotes] == ["nurse at the hospital"]


def test_the_date_of_a_report_is_not_what_the_report_says() -> None:
    text = "The UN said in a report published on Thursday that 3 million people need aid."
    found = suggest(text, PUBLISHED, "en")
    assert [d.source for d in of_kind(found, "date")] == [None]
    assert figure_at(found, "3 million", text).source == "UN"


def test_the_outlets_own_sentences_with_words_that_can_be_speech_verbs() -> None:
    for text in (
        "The confirm button failed on 3 occasions during the test.",
        "A report published in 2019 found 300 faults in the system.",
        "Residents fear for their homes after 3 floods in a year.",
    ):
        assert [s.source for s in suggest(text, None, "en") if s.source] == [], text


def test_more_ways_to_say_according_to_and_citing() -> None:
    cases = [
        ("ko", "소방청에 의하면 화재로 5명이 다쳤다.", "5명", "소방청", ()),
        ("ko", "경찰 측에 따르면 용의자 2명이 도주했다.", "2명", "경찰", ()),
        (
            "ko",
            "CNN은 백악관 관계자의 말을 인용해 회담이 3시간 동안 진행됐다고 전했다.",
            "3시간",
            "백악관 관계자",
            ("CNN",),
        ),
        ("ar", "ونسبت الصحيفة إلى مسؤول قوله إن ٦ وزراء سيستقيلون.", "٦", "مسؤول", ("الصحيفة",)),
        ("da", "Ifølge oplysninger fra Beredskabsstyrelsen er 80 huse oversvømmet.", "80",
         "Beredskabsstyrelsen", ()),
        ("da", "Politiet erklærer, at 4 personer er sigtet.", "4", "Politiet", ()),
        ("ru", "Согласно заявлению Минздрава, вакцинированы 2 млн человек.", "2 млн", "Минздрава",
         ()),
        ("en", "The airline's spokesman said 14 flights were cancelled.", "14",
         "airline's spokesman", ()),
    ]  # fmt: skip
    for lang, text, target, source, relays in cases:
        hit = figure_at(suggest(text, None, lang), target, text)
        assert (hit.source, hit.relayed_by) == (source, relays), text


def test_the_medium_a_source_spoke_through_is_not_part_of_its_name() -> None:
    cases = [
        ("da", "Ventetiden er steget til 14 uger. Det oplyser regionen i en pressemeddelelse.",
         "14", "regionen"),
        ("da", "Skolen lukker 3 klasser. Det skriver rektor i en mail til forældrene tirsdag.",
         "3", "rektor"),
        ("da", "Havnen har mistet 60 job, oplyser direktøren i et skriftligt svar.", "60",
         "direktøren"),
        ("ru", "Завод сократит 200 рабочих. Об этом сообщил губернатор в своём телеграм-канале.",
         "200", "губернатор"),
    ]  # fmt: skip
    for lang, text, target, source in cases:
        assert figure_at(suggest(text, PUBLISHED, lang), target, text).source == source, text


def test_words_describing_an_unnamed_source_stay_with_it() -> None:
    cases = [
        ("The contract was worth $40m, the newspaper reported, citing people familiar with the "
         "talks.", "$40m", "people familiar with the talks"),
        ("According to two officials briefed on the plan, 12 embassies will close.", "12",
         "two officials briefed on the plan"),
        ("The bank will cut 300 jobs, according to a person close to the board.", "300",
         "person close to the board"),
    ]  # fmt: skip
    for text, target, source in cases:
        assert figure_at(suggest(text, PUBLISHED, "en"), target, text).source == source, text


def test_a_subject_set_off_before_an_aside_naming_the_outlet_is_the_source() -> None:
    cases = [
        ("Мэрия, как пишет РБК, выделила 40 автобусов для пассажиров.", "40", "Мэрия", ("РБК",)),
        ("Областной минздрав, как передаёт «Интерфакс», закупил 12 аппаратов.", "12",
         "Областной минздрав", ("«Интерфакс»",)),
        ("Как сообщает ТАСС, в городе закрыты 7 школ.", "7", "ТАСС", ()),
    ]  # fmt: skip
    for text, target, source, relays in cases:
        hit = figure_at(suggest(text, PUBLISHED, "ru"), target, text)
        assert (hit.source, hit.relayed_by) == (source, relays), text


def test_figures_that_show_it_at_the_end_of_the_sentence() -> None:
    cases = [
        ("There were 9 fatal crashes on the bridge last year, official figures show.", "9",
         "official figures"),
        ("Rents rose by 6% in the capital, the housing ministry's data showed.", "6%",
         "housing ministry"),
        ("Some 250 schools lack a nurse, figures from the Education Institute show.", "Some 250",
         "Education Institute"),
    ]  # fmt: skip
    for text, target, source in cases:
        assert figure_at(suggest(text, PUBLISHED, "en"), target, text).source == source, text


def test_a_korean_relative_clause_before_the_speaker_is_not_the_speaker() -> None:
    cases = [
        ('강남구에 사는 한 주부는 "장을 보는 데 2시간이 걸렸다"고 말했다.', "2시간", "한 주부"),
        ('시장에서 일하는 상인 김모씨는 "손님이 절반으로 줄었다"며 "매출이 30% 떨어졌다"고 했다.',
         "30%", "상인 김모씨"),
    ]  # fmt: skip
    for text, target, source in cases:
        assert figure_at(suggest(text, PUBLISHED, "ko"), target, text).source == source, text


def test_a_korean_topic_before_a_contrasted_time_word_stays_the_speaker() -> None:
    text = '부산시 관계자는 올해는 "예산 20억 원을 더 쓰겠다"고 말했다.'
    assert figure_at(suggest(text, PUBLISHED, "ko"), "20억 원", text).source == "부산시 관계자"


def test_an_arabic_quotation_before_its_speaker_is_the_speakers() -> None:
    text = "«انتظرنا الإسعاف ٤٠ دقيقة»، قالت أم خالد، وهي من سكان الحي، أمام منزلها."
    assert figure_at(suggest(text, PUBLISHED, "ar"), "٤٠", text).source == "أم خالد"


def test_a_danish_pronoun_speaker_with_the_medium_spoken_to() -> None:
    text = 'Overlæge Ole Bak tog imod patienterne. "Der kom 30 på én nat," siger han til Politiken.'
    found = suggest(text, PUBLISHED, "da")
    hit = figure_at(found, "30", text)
    assert (hit.source, hit.relayed_by) == ("Overlæge Ole Bak", ())
    assert [(s.source, s.relayed_by) for s in of_kind(found, "quotation")] == [
        ("Overlæge Ole Bak", ())
    ]


def test_a_quotation_of_two_sentences_whose_cue_starts_on_the_closing_mark() -> None:
    # The Danish cue's span begins on the closing quotation mark ('…af," siger hun').
    text = (
        'Borgmester Lone Vind har ikke tænkt sig at gå af. "Vi har gjort, hvad vi kunne. '
        'Resten må andre tage sig af," siger hun.\n'
    )
    quotes = of_kind(suggest(text, None, "da"), "quotation")
    assert [(q.quote, q.source) for q in quotes] == [
        ("Vi har gjort, hvad vi kunne. Resten må andre tage sig af", "Lone Vind")
    ]
