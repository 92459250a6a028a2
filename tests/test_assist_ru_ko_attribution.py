"""How Russian and Korean news attribute and date what they report, as read from the Russian and
Korean listings of the development sets: a sentence opening on "В 2019 году", shares and counts
written as words ("больше половины", "дважды", "больше суток"), "ожидают, что", where a speaker
spoke after the name ("на пресс-конференции"), "Имя Фамилия: «…»", a relative clause after a
name in guillemets, "назвал X Y" unquoted; Korean date words with their particles ("다음 주가",
"지난주보다", "이번 주말"), a count closing on the copula, "이들은" and "이 관계자는" taking up the
source just cited, "…다는 입장이다", temperatures.  Every text here is written for these
tests."""

from __future__ import annotations

import datetime as dt

from assist_support import figure_at, of_kind

from db.assist.dates import extract_dates
from db.assist.numbers import extract_figures
from db.assist.suggest import Suggestion, suggest

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def at(found: list[Suggestion], kind: str, target: str, text: str) -> Suggestion:
    """The one suggestion of *kind* whose target reads *target*."""
    hits = [s for s in of_kind(found, kind) if text[s.target_start : s.target_end] == target]
    assert len(hits) == 1, [(s.kind, s.quote, s.source) for s in found]
    return hits[0]


def dates_of(text: str) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in extract_dates(text, PUBLISHED)}


# Russian


def test_a_capitalised_preposition_before_a_year_opening_a_sentence_reads_the_year() -> None:
    text = (
        "В 2019 году билет стоил 28 рублей. С 2021 года цены выросли вдвое. "
        "До 2030 года в городе построят ещё одну линию."
    )
    found = dates_of(text)
    assert found["В 2019 году"] == "2019-01-01/2019-12-31"
    assert found["С 2021 года"] == "2021-01-01/2021-12-31"
    assert found["До 2030 года"] == "2030-01-01/2030-12-31"


def test_russian_shares_and_counts_in_words_with_their_qualifiers() -> None:
    text = (
        "Среди опрошенных больше половины заявили о росте цен. Около двух третей средств дал "
        "областной бюджет. Фермер соберёт меньше четверти урожая, а соседи — около трёх "
        "четвертей. Открытие моста трижды откладывали."
    )
    figures = {text[f.start : f.end]: (f.value, f.qualifier) for f in extract_figures(text, "ru")}
    assert figures["больше половины"] == (0.5, "more than")
    assert figures["Около двух третей"] == (2 / 3, "about")
    assert figures["меньше четверти"] == (0.25, "fewer than")
    assert figures["около трёх четвертей"] == (0.75, "about")
    assert figures["трижды"] == (3, "")


def test_a_russian_unit_of_time_after_a_qualifier_is_one_of_it() -> None:
    text = (
        "Туристы ждали вылета больше суток. Ответ дают в течение суток. Дожди продлятся "
        "как минимум неделю. Завод закрыли более года назад. Отчёт готовили в течение недели."
    )
    figures = {text[f.start : f.end]: (f.value, f.unit) for f in extract_figures(text, "ru")}
    assert figures["больше суток"] == (1, "days")
    assert figures["в течение суток"] == (1, "days")
    assert figures["как минимум неделю"] == (1, "weeks")
    assert "более года" not in figures  # a time ago
    assert "в течение недели" not in figures  # the past week, a date
    assert dates_of(text)["в течение недели"] is not None


def test_what_a_russian_source_expects_is_its_own() -> None:
    text = "Метеорологи ожидают, что морозы до 25 градусов продержатся до пятницы."
    hit = figure_at(suggest(text, PUBLISHED, "ru"), "до 25", text)
    assert hit.source == "Метеорологи"
    assert text[hit.date_start : hit.date_end] == "до пятницы"


def test_where_a_russian_speaker_spoke_is_not_part_of_the_name() -> None:
    text = (
        "«Ремонт моста закончим до конца лета», — сказал вице-мэр Олег Рябов на "
        "пресс-конференции. «Мы проверим каждую опору моста», — заявил Рябов в ходе встречи "
        "с жителями."
    )
    quotations = of_kind(suggest(text, PUBLISHED, "ru"), "quotation")
    assert [q.source for q in quotations] == ["Олег Рябов", "Олег Рябов"]


def test_a_russian_speaker_named_before_a_colon_speaks_the_quotation() -> None:
    text = (
        "Ураган повредил крыши 30 домов. Пенсионерка Мария Зотова: «Крышу сорвало ночью, "
        "мы всю ночь просидели у соседей». Глава посёлка Иван Гусев заявил, что ремонт "
        "начнут в апреле."
    )
    quotations = of_kind(suggest(text, PUBLISHED, "ru"), "quotation")
    assert [(q.quote, q.source) for q in quotations] == [
        ("Крышу сорвало ночью, мы всю ночь просидели у соседей", "Мария Зотова")
    ]


def test_a_cue_in_the_next_sentence_does_not_take_a_quotation_before_it() -> None:
    text = (
        "Вот что видно с берега: «Вода поднялась почти до окон». Спасатель Пётр Лунин заявил, "
        "что эвакуацию закончат к вечеру."
    )
    assert of_kind(suggest(text, PUBLISHED, "ru"), "quotation") == []


def test_a_relative_clause_after_a_name_in_guillemets_describes_the_speaker() -> None:
    text = (
        "В компании «Северный паром», которая возит около 2 тыс. пассажиров в сутки, заявили "
        "«Интерфаксу», что все рейсы выполняются по расписанию."
    )
    found = suggest(text, PUBLISHED, "ru")
    statement = of_kind(found, "attribution")
    assert [(s.quote, s.source) for s in statement] == [
        ("все рейсы выполняются по расписанию", "компании «Северный паром»")
    ]
    assert figure_at(found, "около 2 тыс.", text).source is None  # the outlet's description


def test_what_a_russian_source_calls_a_thing_unquoted_is_its_statement() -> None:
    text = "Перевозчик «Вега» назвал отмену рейсов вынужденной мерой."
    statement = of_kind(suggest(text, PUBLISHED, "ru"), "attribution")
    assert [(s.quote, s.source) for s in statement] == [
        ("отмену рейсов вынужденной мерой", "Перевозчик «Вега»")
    ]


def test_a_number_after_the_number_sign_names_and_counts_nothing() -> None:
    text = "В школе № 12 заболели 9 учеников."
    assert [text[f.start : f.end] for f in extract_figures(text, "ru")] == ["9"]


def test_a_second_month_shares_the_preposition_of_the_first() -> None:
    text = "Дождей в январе и феврале выпало вдвое меньше нормы."
    found = dates_of(text)
    assert found["в январе"] == "2026-01-01/2026-01-31"
    assert found["феврале"] == "2026-02-01/2026-02-28"


def test_russian_verbs_of_writing_and_complaining_before_chto() -> None:
    text = (
        "Губернатор Анна Белкина написала, что 25 школ закроют на карантин. Жители жалуются, "
        "что автобусы ходят раз в 40 минут. Никто не объяснил, почему 12 рейсов отменили."
    )
    found = suggest(text, PUBLISHED, "ru")
    assert figure_at(found, "25", text).source == "Анна Белкина"
    assert figure_at(found, "40", text).source == "Жители"
    assert figure_at(found, "12", text).source is None  # a verb of saying negated


# Korean


def test_korean_date_words_with_the_subject_and_comparison_particles() -> None:
    text = (
        "관계자는 다음 주가 고비가 될 것이라고 말했다. 주문이 지난주보다 크게 늘었다. "
        "대형마트는 이번 주말 행사를 연다. 축제는 다음 주말에 열린다."
    )
    found = dates_of(text)
    assert found["다음 주가"] == "2026-03-16/2026-03-22"
    assert found["지난주보다"] == "2026-03-02/2026-03-08"
    assert found["이번 주말"] == "2026-03-14/2026-03-15"
    assert found["다음 주말에"] == "2026-03-21/2026-03-22"


def test_the_base_of_a_comparison_is_no_event_date_of_the_figure() -> None:
    text = "통계청에 따르면 올해 1월 출생아는 2만1천여 명으로 지난해보다 4.2% 늘었다."
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "4.2%", text).event_date == "2026-01-01/2026-01-31"
    assert at(found, "date", "지난해보다", text).event_date == "2025-01-01/2025-12-31"


def test_a_korean_season_with_its_year_and_a_particle() -> None:
    text = "난방비는 2024년 겨울에는 크게 올랐다."
    assert dates_of(text)["2024년 겨울에는"] == "2024-12-01/2025-02-28"


def test_a_count_given_with_the_copula_goes_on_with_the_account_before() -> None:
    text = (
        "농협에 따르면 10일 사과 평균 소매가격은 개당 3천400원으로 평년보다 21% 비쌌다. "
        "배는 개당 4천100원이었다."
    )
    found = suggest(text, PUBLISHED, "ko")
    assert figure_at(found, "4천100원", text).source == "농협"


def test_idul_and_i_gwangyeja_take_up_the_source_just_cited_and_its_relay() -> None:
    text = (
        "바다일보는 어민 단체 관계자들을 인용해 올해 오징어 어획량이 30%가량 줄었다고 "
        '보도했다. 이들은 "수온이 올라 어장이 북쪽으로 옮겨 갔다"고 전했다. '
        "새벽신문은 해양수산부 관계자를 인용해 정부가 다음 달 지원책을 내놓는다고 보도했다. "
        '이 관계자는 "어민들의 피해를 최대한 줄이겠다"고 말했다.'
    )
    quotations = of_kind(suggest(text, PUBLISHED, "ko"), "quotation")
    assert [(q.source, q.relayed_by[:1]) for q in quotations] == [
        ("어민 단체 관계자들", ("바다일보",)),
        ("해양수산부 관계자", ("새벽신문",)),
    ]


def test_a_stated_position_is_the_subjects_statement() -> None:
    text = "반면 구청 측은 주차장 신설 예산은 당장 마련하기 어렵다는 입장이다."
    statement = of_kind(suggest(text, PUBLISHED, "ko"), "attribution")
    assert len(statement) == 1
    assert statement[0].source == "구청"
    assert statement[0].quote.endswith("어렵다")


def test_a_sentence_closing_a_quotation_has_no_subject_of_its_own() -> None:
    text = '구청 관계자는 "공사는 예정대로 진행된다. 주민 불편을 줄이는 데 힘을 쏟겠다"고 말했다.'
    found = suggest(text, PUBLISHED, "ko")
    assert of_kind(found, "attribution") == []
    quotations = of_kind(found, "quotation")
    assert [(q.quote, q.source) for q in quotations] == [
        ("공사는 예정대로 진행된다. 주민 불편을 줄이는 데 힘을 쏟겠다", "구청 관계자")
    ]
    text = '공사장 옆에 사는 한 주민은 "소음이 심하다. 밤에는 잠을 못 잔다"고 말했다.'
    quotations = of_kind(suggest(text, PUBLISHED, "ko"), "quotation")
    assert [q.source for q in quotations] == ["한 주민"]


def test_korean_temperatures_and_flights() -> None:
    text = (
        "기상청은 내일 아침 기온이 영하 4도에서 영상 3도 사이로 예상된다고 밝혔다. "
        "낮 최고기온은 11도다. 결항된 항공편 40여 편은 다음 날 운항한다."
    )
    figures = {text[f.start : f.end]: (f.value, f.value_max) for f in extract_figures(text, "ko")}
    assert figures["영하 4도에서 영상 3도"] == (-4, 3)
    assert figures["11도"] == (11, None)
    assert figures["40여 편"] == (40, None)
