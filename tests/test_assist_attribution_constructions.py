"""Constructions of attribution that news writing in each language uses, read by their grammar:
a day or a listener between a Korean quotative and its verb, a trailing Korean subject with its
topic particle or a short name in brackets, the Arabic pluperfect of saying, a subjectless
Arabic verb with a preposition before "that", an English participle that is no verb, a name
set off after the speaker's description, a passive verb of saying with its agent, and hedges
that name no one.  Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at

from db.assist.attribution import extract_attributions
from db.assist.suggest import suggest

PUBLISHED = dt.date(2026, 9, 8)  # a Tuesday


# Korean


def test_korean_day_between_quotative_and_verb_keeps_the_subject_first_speaker() -> None:
    text = "해양경찰청은 올해 구조선 40척을 새로 배치한다고 7일 밝혔다."
    assert figure_at(suggest(text, PUBLISHED, "ko"), "40척", text).source == "해양경찰청"
    text = "산림청장은 가을 산불 감시원 2천 명을 뽑는다고 기자들에게 말했다."
    assert figure_at(suggest(text, PUBLISHED, "ko"), "2천 명", text).source == "산림청장"


def test_korean_trailing_subject_with_a_day_a_bracketed_short_name_or_a_topic() -> None:
    text = "구조선 40척을 새로 배치한다고 해양경찰청(해경)이 7일 밝혔다."
    hit = figure_at(suggest(text, PUBLISHED, "ko"), "40척", text)
    assert hit.source == "해양경찰청"
    assert "해경" in hit.variants
    text = "올해 방문객은 120만 명으로 늘 것이라고 관광공사는 내다봤다."
    assert figure_at(suggest(text, PUBLISHED, "ko"), "120만 명", text).source == "관광공사"


def test_korean_verbs_of_forecasting_and_urging_carry_their_subject() -> None:
    text = "기상청은 주말 강수량이 최대 80㎜에 이를 것이라고 예보했다."
    assert figure_at(suggest(text, PUBLISHED, "ko"), "최대 80㎜", text).source == "기상청"
    text = "보건당국은 65세 이상 노인에게 예방접종을 서둘러 달라고 당부했다."
    assert figure_at(suggest(text, PUBLISHED, "ko"), "65세 이상", text).source == "보건당국"


# Arabic


def test_arabic_pluperfect_of_saying_names_the_subject_between_kana_and_qad() -> None:
    text = "وكانت هيئة الطيران المدني قد أعلنت أن ١٢ رحلة ألغيت بسبب العاصفة."
    hit = figure_at(suggest(text, PUBLISHED, "ar"), "١٢", text)
    assert hit.source == "هيئة الطيران المدني"
    text = "وكان رئيس النقابة قد قال إن ٣٠٠ سائق سيشاركون في الإضراب."
    assert figure_at(suggest(text, PUBLISHED, "ar"), "٣٠٠", text).source == "رئيس النقابة"


def test_arabic_subjectless_verb_before_ala_anna_is_the_last_speaker() -> None:
    text = "وقال مدير المستشفى إن ٤٠ مريضا خرجوا. وشدد على أن ١٥ سريرا ما زالت شاغرة."
    found = suggest(text, PUBLISHED, "ar")
    assert figure_at(found, "١٥", text).source == "مدير المستشفى"


def test_arabic_wifq_with_a_document_names_its_author() -> None:
    text = "وارتفع عدد السياح إلى ٢ مليون سائح، وفق إحصاءات هيئة السياحة."
    assert figure_at(suggest(text, PUBLISHED, "ar"), "٢ مليون", text).source == "هيئة السياحة"


def test_arabic_speakers_home_town_is_not_part_of_the_name() -> None:
    text = "«فقدنا ٦٠ خلية نحل هذا الصيف»، قال النحال حسن من قرية العيزرية."
    hit = figure_at(suggest(text, PUBLISHED, "ar"), "٦٠", text)
    assert hit.source == "النحال حسن"


# Danish


def test_danish_role_at_a_body_opening_the_sentence_gives_the_person() -> None:
    text = "Chefanalytiker i Sydbank Jens Vedel venter, at ledigheden stiger til 3 procent."
    assert figure_at(suggest(text, PUBLISHED, "da"), "3 procent", text).source == "Jens Vedel"


def test_danish_opfordrer_til_at_keeps_til_out_of_the_statement() -> None:
    text = "Fagforeningen opfordrer til, at alle 400 chauffører får en bonus."
    statements = [(a.source, text[a.start : a.end]) for a in extract_attributions(text, "da")]
    assert statements == [("Fagforeningen", "alle 400 chauffører får en bonus.")]


# Russian


def test_russian_tam_stands_for_the_body_just_named() -> None:
    text = (
        "В управлении МЧС уточнили, что эвакуированы 120 жителей. "
        "Там также сообщили, что 14 домов остаются без света."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "14", text).source == figure_at(found, "120", text).source
    assert figure_at(found, "14", text).source is not None


# English


def test_a_participle_after_of_or_with_is_no_verb_of_saying() -> None:
    text = (
        "The count of reported burglaries rose to 412 this year, the county sheriff said. "
        "Schools with confirmed cases number 17, the board said."
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "412", text).source == "county sheriff"
    assert figure_at(found, "17", text).source == "board"


def test_a_name_set_off_after_the_inverted_speakers_description_is_the_speaker() -> None:
    text = (
        '"We lost 35 boats," said the harbour association\'s chairman, Nils Berger, "in one night."'
    )
    found = suggest(text, None, "en")
    assert figure_at(found, "35", text).source == "Nils Berger"


def test_a_passive_verb_of_saying_names_its_agent() -> None:
    text = "It was confirmed by the rail operator that 28 trains would be withdrawn."
    assert figure_at(suggest(text, None, "en"), "28", text).source == "rail operator"


def test_the_words_between_the_article_and_a_role_belong_to_the_speaker() -> None:
    text = "Crews cleared 9 fallen trees overnight, a senior parks official said."
    hit = figure_at(suggest(text, None, "en"), "9", text)
    assert hit.source == "senior parks official"


def test_hedges_of_each_language_name_no_source() -> None:
    cases = [
        ("en", "Around 70 miners are thought to be trapped underground.", "are thought to"),
        ("en", "It is estimated that 5,000 sheep died in the snow.", "it is estimated"),
        ("ru", "По неофициальным данным, уволены 90 сотрудников.", "по неофициальным данным"),
        ("da", "Det forlyder, at 25 butikker lukker.", "det forlyder"),
        ("ko", "화재로 창고 3동이 불에 탄 것으로 파악됐다.", "것으로 파악됐다"),
        ("ar", "ويقال إن ٤٠ عاملا غادروا المصنع.", "ويقال إن"),
    ]
    for language, text, hedge in cases:
        found = extract_attributions(text, language)
        assert [(a.source, a.hedge) for a in found] == [(None, hedge)], (language, found)


def test_korean_relative_clause_and_description_before_a_name_with_ssi() -> None:
    text = '고3 딸을 둔 주부 한모(52)씨는 "학원비가 40% 올랐다"고 말했다.'
    hit = figure_at(suggest(text, PUBLISHED, "ko"), "40%", text)
    assert (hit.source, hit.variants) == ("주부 한모(52)씨", ("한모(52)씨", "한모씨", "한모"))
    text = '부산에 사는 자영업자 오지훈 씨는 "손님이 30% 줄었다"고 말했다.'
    hit = figure_at(suggest(text, PUBLISHED, "ko"), "30%", text)
    assert (hit.source, hit.variants) == ("자영업자 오지훈 씨", ("오지훈 씨", "오지훈"))


def test_a_danish_party_letter_is_not_part_of_the_name() -> None:
    text = "Borgmester Ida Krogh (V) siger, at 14 skoler skal renoveres."
    assert figure_at(suggest(text, PUBLISHED, "da"), "14", text).source == "Ida Krogh"
    text = "The World Health Organization (WHO) said 61 cases were confirmed."
    hit = figure_at(suggest(text, PUBLISHED, "en"), "61", text)
    assert hit.source == "World Health Organization"


def test_a_pronoun_after_a_councillor_is_the_councillor() -> None:
    text = (
        "Residents say the bins were not emptied. Councillor Rosa Mint, who sits on the waste "
        'panel, said 16 streets were missed. "We had 200 complaints," she said.'
    )
    found = suggest(text, PUBLISHED, "en")
    assert figure_at(found, "200", text).source == "Rosa Mint"


def test_a_study_or_report_by_a_body_names_the_body() -> None:
    text = "A survey by the Rural Transport Trust found that 38 villages had lost their bus."
    assert figure_at(suggest(text, None, "en"), "38", text).source == "Rural Transport Trust"
    text = "A statement from the Coastguard Agency said 19 sailors had been rescued."
    assert figure_at(suggest(text, None, "en"), "19", text).source == "Coastguard Agency"
    text = "Profits fell 12% in the year, the brewer's annual report shows."
    assert figure_at(suggest(text, None, "en"), "12%", text).source == "brewer"


def test_quoted_as_saying_names_the_subject() -> None:
    text = "The harbourmaster was quoted as saying that 44 moorings would be lost."
    assert figure_at(suggest(text, None, "en"), "44", text).source == "harbourmaster"


def test_a_clause_set_against_a_statement_is_no_relay_of_it() -> None:
    text = "Organisers said 900 runners took part, while police put the number at 600."
    found = suggest(text, None, "en")
    assert figure_at(found, "900", text).source == "Organisers"
    six = figure_at(found, "600", text)
    assert (six.source, six.relayed_by) == ("police", ())
    text = "About 250 boats joined the protest, fishermen said, though the navy counted 90."
    found = suggest(text, None, "en")
    assert figure_at(found, "About 250", text).source == "fishermen"
    assert figure_at(found, "90", text).relayed_by == ()


def test_citing_unowned_figures_leaves_the_subject_the_source() -> None:
    text = "The council, citing provisional figures, said 31 roads had been resurfaced."
    hit = figure_at(suggest(text, None, "en"), "31", text)
    assert (hit.source, hit.relayed_by) == ("council", ())
    text = "The council, citing figures from the Road Safety Trust, said 31 roads were unlit."
    hit = figure_at(suggest(text, None, "en"), "31", text)
    assert (hit.source, hit.relayed_by) == ("Road Safety Trust", ("council",))


def test_an_aside_about_the_subject_between_it_and_the_verb() -> None:
    text = "Сотрудник мэрии, пожелавший остаться неназванным, сообщил, что снесут 70 киосков."
    assert figure_at(suggest(text, None, "ru"), "70", text).source == "Сотрудник мэрии"
    text = "Direktøren, som har været i firmaet i 20 år, oplyser, at 45 stillinger nedlægges."
    assert figure_at(suggest(text, None, "da"), "45", text).source == "Direktøren"


def test_a_russian_title_and_the_place_it_holds_before_the_name() -> None:
    text = (
        "Губернатор Приморья Олег Кожемяко осмотрел дамбу. "
        "Он сообщил, что на ремонт потратят 90 млн рублей."
    )
    hit = figure_at(suggest(text, None, "ru"), "90 млн", text)
    assert hit.source == "Олег Кожемяко"


def test_whose_count_a_figure_is() -> None:
    text = "About 6,000 people marched, by the organisers' count."
    assert figure_at(suggest(text, None, "en"), "About 6,000", text).source == "organisers"
    text = "In all 41 ships waited offshore, by the port authority's own tally."
    assert figure_at(suggest(text, None, "en"), "41", text).source == "port authority"
    text = "According to the rail union's figures, 75 trains were cancelled."
    assert figure_at(suggest(text, None, "en"), "75", text).source == "rail union"


def test_an_anonymous_source_telling_an_outlet_and_asking_not_to_be_named() -> None:
    text = "Nearly 30 wells ran dry, a water engineer told the Gazette on condition of anonymity."
    hit = figure_at(suggest(text, None, "en"), "Nearly 30", text)
    assert hit.source == "water engineer"
    assert hit.quote == "Nearly 30 wells ran dry"
    text = '"We lost 16 ewes," a farmer, who asked not to be named, said.'
    hit = figure_at(suggest(text, None, "en"), "16", text)
    assert (hit.source, hit.relayed_by) == ("farmer", ())


# Danish: how Danish news attributes


def test_danish_quotation_closed_before_siger_and_a_pronoun_is_the_last_person() -> None:
    text = (
        "Vognmand Peter Lund fra Give har mistet tre lastbiler. "
        "“Vi kørte 40 ture om ugen. Nu kører vi ingen,” siger han."
    )
    found = extract_attributions(text, "da")
    quoted = [a for a in found if a.quotation]
    assert [a.source for a in quoted] == ["Vognmand Peter Lund"]
    assert text[quoted[0].start : quoted[0].end].startswith("“Vi kørte 40 ture")


def test_danish_acronym_before_a_full_stop_ends_the_sentence() -> None:
    text = (
        "Kommunen har sparet 12 millioner kroner, oplyser Kommunernes Landsforening til DR. "
        "Borgmesteren understreger, at 30 stillinger bevares."
    )
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "12 millioner", text).source == "Kommunernes Landsforening"
    assert figure_at(found, "30", text).source == "Borgmesteren"


def test_danish_ifoelge_with_a_pronoun_and_a_clause_after_men() -> None:
    text = "Landmand Ole Bak har plantet 300 træer i læhegn, men ifølge ham er halvdelen gået ud."
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "halvdelen", text).source == "Landmand Ole Bak"
    assert figure_at(found, "300", text).source is None


def test_danish_det_fremgaar_af_a_document_someone_published_covers_the_sentence_before() -> None:
    text = (
        "Antallet af indbrud faldt med 14 procent sidste år. "
        "Det fremgår af en rapport, som Rigspolitiet udsendte tirsdag."
    )
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "14 procent", text).source == "Rigspolitiet"


def test_danish_paa_baggrund_af_a_document_makes_the_outlet_a_relay() -> None:
    text = (
        "Regionen lukker 6 fødestuer. "
        "Det skriver Fyens Stiftstidende på baggrund af et notat fra Region Syddanmark."
    )
    hit = figure_at(suggest(text, PUBLISHED, "da"), "6", text)
    assert hit.source == "Region Syddanmark"
    assert hit.relayed_by == ("Fyens Stiftstidende",)


def test_danish_verb_second_after_an_opening_adverbial_puts_the_subject_after_the_verb() -> None:
    text = (
        "Hos Dansk Skovforening påpeger skovrider Anna Dahl dog, at 20 procent af træerne er syge."
    )
    hit = figure_at(suggest(text, PUBLISHED, "da"), "20 procent", text)
    assert hit.source == "Anna Dahl"


def test_danish_second_verb_joined_by_og_keeps_the_subject_and_kalder_reads_guillemets() -> None:
    text = (
        "Formand for Dansk Fiskeri, Bo Holm, kalder kvoten »en katastrofe« "
        "og kræver, at 50 både får støtte."
    )
    found = extract_attributions(text, "da")
    pairs = [(a.source, a.cue) for a in found]
    assert ("Bo Holm", "kalder") in pairs
    assert ("Bo Holm", "kræver") in pairs


def test_danish_a_body_that_registered_a_count_is_its_source() -> None:
    text = "I løbet af sommeren har politiet registreret 85 indbrud i sommerhuse."
    assert figure_at(suggest(text, PUBLISHED, "da"), "85", text).source == "politiet"


def test_danish_guillemets_pointing_inwards_mark_a_quotation() -> None:
    text = "Borgmester Lis Berg kalder beslutningen »et slag i ansigtet på borgerne« i dag."
    quotes = [s for s in suggest(text, PUBLISHED, "da") if s.kind == "quotation"]
    assert [(s.quote, s.source) for s in quotes] == [("et slag i ansigtet på borgerne", "Lis Berg")]


# Korean: quotatives, citing, and an account carried on


def test_korean_two_quotations_joined_by_myeonseodo_and_a_relative_clause_ending_in_eun() -> None:
    text = (
        '부산에서 작년에 가게를 연 박모(41)씨는 "손님이 20% 줄었다"면서도 '
        '"버틸 수는 있다"고 말했다.'
    )
    quotes = [s for s in suggest(text, PUBLISHED, "ko") if s.kind == "quotation"]
    assert [s.quote for s in quotes] == ["손님이 20% 줄었다", "버틸 수는 있다"]
    assert all("박모" in (s.source or "") for s in quotes)
    assert "박모" in quotes[0].variants


def test_korean_words_borrowed_from_a_source_make_the_subject_a_relay() -> None:
    text = "중앙일보는 교육부 핵심 관계자의 말을 빌려 내년 교사 3천 명을 더 뽑는다고 보도했다."
    hit = figure_at(suggest(text, PUBLISHED, "ko"), "3천 명", text)
    assert hit.source == "교육부 핵심 관계자"
    assert hit.relayed_by == ("중앙일보",)


def test_korean_lead_takes_the_source_the_next_sentence_opens_with() -> None:
    text = (
        "지난달 수출이 540억 달러로 1년 전보다 9% 늘었다. "
        "산업통상자원부가 1일 발표한 무역 통계에 따르면 반도체 수출은 6개월째 증가했다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "9%", text).source == "산업통상자원부"


def test_korean_counts_that_moved_and_an_adverbial_topic_go_on_with_the_account() -> None:
    text = (
        "관세청에 따르면 상반기 밀수 적발은 410건이었다.\n\n"
        "품목별로는 담배 적발이 120건으로 가장 많았다. "
        "마약 적발 건수는 35건으로 12% 증가했다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "120건", text).source == "관세청"
    assert figure_at(found, "12%", text).source == "관세청"
    text = (
        "관세청에 따르면 상반기 밀수 적발은 410건이었다.\n\n"
        "같은 기간 마약 적발 건수는 35건으로 12% 증가했다."
    )
    assert figure_at(suggest(text, PUBLISHED, "ko"), "12%", text).source == "관세청"


def test_korean_count_in_a_new_paragraph_is_not_carried_from_a_forecast() -> None:
    text = (
        "해양학자들은 올여름 해파리 출현이 늘 수 있다고 내다봤다.\n\n"
        "남해안 해파리 쏘임 사고는 2021년 310건을 기록한 뒤 지난해 90건으로 줄었다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "310건", text).source is None
    assert figure_at(found, "90건", text).source is None


def test_korean_lead_takes_the_source_of_a_sentence_reporting_that_count() -> None:
    text = (
        "올해 들어 전국 산불이 215건으로 늘어 지난해 같은 기간의 세 배에 이르렀다. "
        "산림청은 3일 이 같은 집계를 공개하며 입산 통제 구역을 넓힌다고 밝혔다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "215건", text).source == "산림청"
    assert figure_at(found, "세 배", text).source == "산림청"
    # a next sentence that does not point back leaves the lead the outlet's own
    text = (
        "올해 들어 전국 산불이 215건으로 늘어 지난해 같은 기간의 세 배에 이르렀다. "
        "산림청은 3일 입산 통제 구역을 넓힌다고 밝혔다."
    )
    assert figure_at(suggest(text, PUBLISHED, "ko"), "215건", text).source is None


def test_korean_document_submitted_to_someone_and_titled_in_quotes_is_its_authors() -> None:
    text = (
        "해양수산부가 2일 국회 농해수위 박지온 의원실에 제출한 '연안 어선 사고 현황' 자료에 "
        "따르면 올해 어선 사고는 312건이었다."
    )
    found = extract_attributions(text, "ko")
    assert [a.source for a in found] == ["해양수산부"]
    text = "통계청이 내놓은 「주택 소유 통계」에 따르면 무주택 가구는 45%였다."
    assert [a.source for a in extract_attributions(text, "ko")] == ["통계청"]


def test_korean_speaker_after_a_long_relative_clause() -> None:
    text = (
        "부산의 한 전통시장에서 지난 5월 생선 가게를 새로 연 최모(52)씨는 "
        '"손님이 작년의 절반도 안 된다"고 말했다.'
    )
    quotes = [a for a in extract_attributions(text, "ko") if a.cue == "quote"]
    assert [a.source for a in quotes] == ["최모(52)씨"]


def test_korean_survey_just_cited_goes_on_with_its_author() -> None:
    text = (
        "여성가족부가 2일 발표한 '청소년 수면 실태' 조사 결과에 따르면 고교생의 58%가 "
        "하루 6시간도 자지 못했다. 조사는 지난 5월 전국 청소년 9천여 명을 대상으로 "
        "진행됐다.\n\n조사는 해마다 반복된다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "9천여 명", text).source == "여성가족부"


# Russian: how Russian news attributes


def test_russian_what_the_body_expects_and_whom_a_speaker_told() -> None:
    text = (
        "По данным областного минтранса, на ремонт закрыты 40 мостов. Работы, как ожидают в "
        "ведомстве, займут до 3 месяцев.\n\n"
        "«Такого паводка не было с 1998 года», — сказал Орлов журналистам."
    )
    found = extract_attributions(text, "ru")
    assert [a.source for a in found] == ["областного минтранса", "областного минтранса", "Орлов"]
    # an impersonal "как ожидается" names no one, and a portal's quoted name is its own
    assert extract_attributions("Ремонт, как ожидается, займёт не менее трёх суток.", "ru") == []
    text = "Жильцы, по сведениям местного портала «Волжские вести», жаловались с января."
    assert [a.source for a in extract_attributions(text, "ru")] == [
        "местного портала «Волжские вести»"
    ]


def test_russian_kak_pishet_an_outlet_citing_an_estimate_gives_its_author() -> None:
    text = (
        "Как сообщает «Известия», ссылаясь на оценку областного управления дорог, "
        "ремонт обойдётся в 800 млн рублей."
    )
    found = extract_attributions(text, "ru")
    assert [(a.source, a.relayed_by) for a in found] == [
        ("областного управления дорог", ("«Известия»",))
    ]


def test_russian_po_mneniyu_with_a_pronoun_is_the_last_person_named() -> None:
    text = (
        "«Мы потеряли почти весь урожай», — говорит пасечник Андрей Седов. "
        "По его мнению, помощь пришла слишком поздно."
    )
    found = [a for a in extract_attributions(text, "ru") if a.cue == "по его мнению"]
    assert [(a.source, text[a.start : a.end]) for a in found] == [
        ("Андрей Седов", "помощь пришла слишком поздно.")
    ]


def test_russian_a_parenthetical_between_subject_and_a_verb_of_fearing() -> None:
    text = "Врачи, однако, опасаются, что вакцины хватит не всем."
    found = extract_attributions(text, "ru")
    assert [(a.source, text[a.start : a.end]) for a in found] == [
        ("Врачи", "вакцины хватит не всем.")
    ]


def test_russian_plural_verb_without_subject_speaks_for_the_body_after_v() -> None:
    text = "В городской администрации эти жалобы отклоняют и уверяют, что автобусов достаточно."
    found = extract_attributions(text, "ru")
    assert [(a.source, text[a.start : a.end]) for a in found] == [
        ("городской администрации", "автобусов достаточно.")
    ]


def test_russian_a_clause_after_a_colon_with_its_own_source_is_no_relay() -> None:
    text = (
        "Рыбаки опасаются, что улов скумбрии заметно сократится: по данным института "
        "рыбного хозяйства, запасы трески упали на 15%."
    )
    found = suggest(text, PUBLISHED, "ru")
    hit = figure_at(found, "15%", text)
    assert (hit.source, hit.relayed_by) == ("института рыбного хозяйства", ())
    statements = [(s.quote, s.source) for s in found if s.kind == "attribution"]
    assert ("улов скумбрии заметно сократится", "Рыбаки") in statements


def test_a_statement_before_a_colon_is_suggested_though_figures_follow_it() -> None:
    text = (
        "Агрономы считают, что урожай пшеницы погубила летняя засуха: "
        "в июле дождей выпало на 70% меньше нормы."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "70%", text).source == "Агрономы"
    statements = [(s.quote, s.source) for s in found if s.kind == "attribution"]
    assert statements == [("урожай пшеницы погубила летняя засуха", "Агрономы")]


# Arabic: sources after the statement, citing, and unofficial estimates


def test_arabic_wifq_a_body_after_the_statements_comma_is_its_source() -> None:
    text = "وبلغ عدد الزوار ٣٠٠ ألف زائر، وفق اتحاد الغرف السياحية."
    assert figure_at(suggest(text, PUBLISHED, "ar"), "٣٠٠ ألف", text).source == (
        "اتحاد الغرف السياحية"
    )


def test_arabic_wifq_calculations_of_a_body_after_li_name_the_body() -> None:
    text = "وتبدأ الامتحانات في ١٤ يونيو، وفق التوقعات الرسمية للوزارة."
    found = extract_attributions(text, "ar")
    assert [a.source for a in found] == ["الوزارة"]


def test_arabic_unofficial_estimates_are_a_hedge_not_a_source() -> None:
    text = "وتشير تقديرات غير رسمية إلى أن ٣٠ مصنعا أغلقت أبوابها."
    assert figure_at(suggest(text, PUBLISHED, "ar"), "٣٠", text).source is None


def test_arabic_istinadan_ila_a_source_makes_the_subject_a_relay() -> None:
    text = "وذكرت صحيفة «الأهرام»، استنادا إلى مسؤول في الهيئة، أن ٢٠٠ موظف سيعينون."
    hit = figure_at(suggest(text, PUBLISHED, "ar"), "٢٠٠", text)
    assert hit.source == "مسؤول في الهيئة"
    assert hit.relayed_by == ("صحيفة «الأهرام»",)


def test_arabic_bihasab_ma_afadat_bihi_names_the_body_alone() -> None:
    text = "وارتفعت الصادرات ١٢ في المئة، بحسب ما أفادت به غرفة التجارة."
    found = extract_attributions(text, "ar")
    assert [a.source for a in found] == ["غرفة التجارة"]


def test_russian_a_count_that_moved_goes_on_with_the_account_before_it() -> None:
    text = (
        "По данным областного минздрава, за неделю госпитализированы 340 человек. "
        "За месяц число заболевших выросло почти вдвое."
    )
    found = suggest(text, PUBLISHED, "ru")
    hit = figure_at(found, "почти вдвое", text)
    assert (hit.value, hit.unit, hit.source) == (2, "times", "областного минздрава")


# Carrying a source across sentences: a body taken up by its head noun, a person by an age


def test_danish_a_body_taken_up_by_its_head_noun_is_that_body() -> None:
    text = (
        "Danmarks Lærerforening advarer om, at 900 lærere mangler. "
        "Foreningen kræver, at kommunerne ansætter 400 flere."
    )
    found = suggest(text, PUBLISHED, "da")
    assert figure_at(found, "400", text).source == "Danmarks Lærerforening"
    text = (
        "Sikkerhedsstyrelsen oplyser, at 60 legetøjsvarer er trukket tilbage. "
        "Styrelsen vurderer, at 15 af dem er farlige."
    )
    assert figure_at(suggest(text, PUBLISHED, "da"), "15", text).source == "Sikkerhedsstyrelsen"


def test_a_pronoun_after_a_person_introduced_by_age_is_that_person() -> None:
    text = (
        "Cheføkonom Lone Vang siger, at renten stiger. Forbrugerrådet advarer om det samme. "
        "44-årige Peter Riis har ventet på et hus i et år. "
        "“Vi har budt på 7 huse,” siger han."
    )
    quotes = [a for a in extract_attributions(text, "da") if a.quotation]
    assert [a.source for a in quotes] == ["Peter Riis"]


def test_danish_dermed_after_the_verb_draws_on_the_sentence_before() -> None:
    text = (
        "Ledigheden faldt med 2 procent i maj, viser tal fra Danmarks Statistik. "
        "Antallet af ledige er dermed nede på 71.000."
    )
    assert figure_at(suggest(text, PUBLISHED, "da"), "71.000", text).source == (
        "Danmarks Statistik"
    )


def test_a_sentence_between_two_of_one_sources_in_a_paragraph_is_that_sources() -> None:
    text = (
        "По словам главного инженера Олега Карпова, в цехе заменили 12 станков. "
        "Ежедневно завод выпускает до 400 деталей. "
        "Он добавил, что к осени штат вырастет."
    )
    assert figure_at(suggest(text, PUBLISHED, "ru"), "до 400", text).source == "Олега Карпова"
    text = (
        "Statistics Denmark said 4,000 firms closed in May. Exports fell 3 per cent. "
        "An economist at Nordea said the fall would not last."
    )
    assert figure_at(suggest(text, PUBLISHED, "en"), "3 per cent", text).source is None


def test_what_another_expects_inside_a_speakers_words_is_the_speakers_account() -> None:
    text = (
        "The harbour master, Ruth Ellis, spoke after the storm. "
        "She said the coastguard expected 30 more boats to need repairs."
    )
    hit = figure_at(suggest(text, PUBLISHED, "en"), "30", text)
    assert (hit.source, hit.relayed_by) == ("Ruth Ellis", ())
