"""Recognition keeps right readings right and refuses readings no writer would produce.

Every text here was written for these tests.  Each is saved in the encoding
news in its language still arrives in; recognition must give back exactly
that text, short and long, and in a page heavy with markup.  Bytes that read
only as rare letters, lone letters of another script, halfwidth katakana in
Latin text or control characters are refused with the offset of the first
byte that is not UTF-8.
"""

from __future__ import annotations

import pytest

from db.errors import InvalidInput
from db.importing.encodings import _detector_sample, recognise
from db.importing.plausible import foreign_letters, measure
from db.importing.text import decode_text

# (language, encoding, text)
TEXTS = [
    (
        "French",
        "cp1252",
        "Le préfet a annoncé jeudi que la route départementale resterait fermée jusqu'à lundi. "
        "« Nous ne prendrons aucun risque », a déclaré le maire, évoquant des dégâts estimés "
        "à 2,3 millions d'euros. Près de 140 foyers sont privés d'électricité.\n",
    ),
    (
        "German",
        "cp1252",
        "Die Stadtwerke erhöhen die Preise für Fernwärme um 12 Prozent. „Wir müssen die "
        "gestiegenen Kosten weitergeben“, sagte Geschäftsführer Jürgen Weiß am Dienstag. "
        "Betroffen sind rund 48.000 Haushalte; die Änderung gilt ab März.\n",
    ),
    (
        "Spanish",
        "cp1252",
        "El alcalde aseguró que la obra costará 3,5 millones de euros y que estará lista en el "
        "2º trimestre. ¿Quién pagará la diferencia? Según el informe, el 45 % de los vecinos "
        "está en contra.\n",
    ),
    (
        "Russian",
        "cp1251",
        "Министр транспорта заявил во вторник, что строительство моста через реку завершится "
        "в следующем году. По его словам, стоимость проекта выросла на 15 процентов из-за "
        "подорожания металла. Жители района ждут открытия движения с весны.\n",
    ),
    (
        "Russian",
        "koi8_r",
        "Городская дума утвердила план ремонта школ. Как сообщил депутат, на работы выделят "
        "около 300 миллионов рублей, а первые объекты сдадут уже в августе. Родители "
        "жаловались на холод в классах всю зиму.\n",
    ),
    (
        "Ukrainian",
        "cp1251",
        "Міська рада ухвалила бюджет на наступний рік. За словами голови, видатки на освіту "
        "зростуть на дев'ять відсотків, а ремонт доріг триватиме до осені. Їхні пропозиції "
        "депутати розглянуть у п'ятницю.\n",
    ),
    (
        "Korean",
        "euc_kr",
        "서울시는 월요일 새 지하철 노선이 내년 3월에 개통된다고 밝혔다. 시 관계자는 공사비가 "
        "당초 예상보다 12% 늘었다며 주민들의 양해를 구했다. 역 주변 상인들은 기대감을 나타냈다.\n",
    ),
    (
        "Japanese",
        "shift_jis",
        "東京都は火曜日、新しい防災計画を発表した。計画では、首都直下地震が起きた場合の避難所を"
        "約三千か所に増やすとしている。知事は「住民の安全を最優先に考える」と述べた。\n",
    ),
    (
        "Chinese",
        "gb18030",
        "市政府周二宣布，新的地铁线路将于明年三月开通。官员表示，工程费用比最初预计增加了"
        "百分之十二，但会按时完工。附近居民对此表示欢迎。\n",
    ),
    (
        "Czech",
        "iso8859_2",
        "Vláda ve středu schválila návrh rozpočtu. Ministr financí řekl, že schodek bude nižší "
        "než loni. Opozice kritizuje, že se šetří na školství. Žádné nové daně se nechystají.\n",
    ),
    (
        "Czech",
        "cp1250",
        "Hasiči zasahovali u požáru skladu v Ostravě. Škoda se odhaduje na dva miliony korun, "
        "nikdo nebyl zraněn. Šetření příčiny potrvá několik týdnů, uvedla mluvčí.\n",
    ),
    (
        "Polish",
        "iso8859_2",
        "Burmistrz zapowiedział, że remont mostu potrwa do października. Według urzędników "
        "koszt wzrośnie o 12 procent. Mieszkańcy skarżą się na korki, a żołnierze pomagają "
        "przy objazdach.\n",
    ),
    (
        "Polish",
        "cp1250",
        "Źródła w ratuszu mówią o opóźnieniach. Wojewoda przyznał, że środki z budżetu "
        "państwa wpłyną dopiero jesienią. Świetlica szkolna będzie zamknięta.\n",
    ),
    (
        "Greek",
        "cp1253",
        "Ο δήμαρχος ανακοίνωσε την Τρίτη ότι η νέα γέφυρα θα ανοίξει τον Μάρτιο. Σύμφωνα με "
        "τους υπαλλήλους, το κόστος αυξήθηκε κατά 12 τοις εκατό.\n",
    ),
    (
        "Turkish",
        "cp1254",
        "Belediye başkanı salı günü yeni köprünün mart ayında açılacağını söyledi. "
        "Yetkililere göre maliyet yüzde 12 arttı; çalışmalar sürüyor.\n",
    ),
]
IDS = [f"{language}-{encoding}" for language, encoding, _ in TEXTS]
# Short lines in mostly ASCII text, where a detector has little to go on.
SHORT = [
    ("Repairs will cost £45m, the council said.\n", "cp1252"),
    ("Prices rose to €12 a head — “too much”, one diner said.\n", "cp1252"),
    ("Straße gesperrt.\n", "cp1252"),
    ("Мост откроют весной.\n", "cp1251"),
    ("Мост откроют весной.\n", "koi8_r"),
    ("Ministr řekl, že souhlasí.\n", "iso8859_2"),
    ("Żołnierze przybyli.\n", "cp1250"),
]


@pytest.mark.parametrize(("language", "encoding", "text"), TEXTS, ids=IDS)
@pytest.mark.parametrize("times", [1, 40])
def test_real_text_in_its_encoding_reads_back_exactly(
    language: str, encoding: str, text: str, times: int
) -> None:
    found = recognise((text * times).encode(encoding), "story.txt")
    assert found.text == text * times, language
    # the commonest name for the same reading: EUC-KR as Windows-949, Shift-JIS as 932
    assert (text * times).encode(found.encoding) == (text * times).encode(encoding)


@pytest.mark.parametrize(("text", "encoding"), SHORT)
def test_short_lines_in_mostly_ascii_read_back_exactly(text: str, encoding: str) -> None:
    assert recognise(text.encode(encoding), "line.txt").text == text


@pytest.mark.parametrize(("language", "encoding", "text"), TEXTS, ids=IDS)
def test_a_page_heavy_with_markup_is_recognised_by_its_text(
    language: str, encoding: str, text: str
) -> None:
    """Menus and scripts in ASCII outweigh the text; they read alike in every encoding."""
    menu = "".join(
        f'<li class="menu-item"><a href="/section/{n}/index.html">Section {n}</a></li>\n'
        for n in range(150)
    )
    page = (
        '<html><head><script type="text/javascript">function f(b) { return b + 1; }</script>'
        f'</head><body><ul class="nav">{menu}</ul><article><p>{text}</p></article></body></html>'
    )
    found = recognise(page.encode(encoding), "page.html")
    assert text in found.text, language


def test_czech_in_iso_8859_2_is_not_read_as_windows_1250() -> None:
    text = "Ministr řekl, že vláda schválí rozpočet.\n\nŽádná změna se nečeká, šéf to potvrdil.\n"
    found = recognise(text.encode("iso8859_2"), "cz.txt")
    assert (found.text, found.encoding) == (text, "iso8859-2")  # not "ľe", "®ádná"


def test_czech_in_windows_1250_is_not_read_as_windows_1252() -> None:
    text = "Vláda schválila rozpočet na příští rok\n\nPoslanci o něm jednali dlouho.\n"
    found = recognise(text.encode("cp1250"), "cz.txt")
    assert (found.text, found.encoding) == (text, "cp1250")  # not "rozpoèet", "pøíští"


def test_czech_whose_bytes_are_the_same_in_both_pages_reads_right() -> None:
    plain = "Vláda schválila návrh, řekl ministr. Poslanci hlasovali pro.\n"  # no š, ť, ž
    assert plain.encode("cp1250") == plain.encode("iso8859_2")
    found = recognise(plain.encode("cp1250"), "cz.txt")
    assert found.text == plain and found.encoding in ("cp1250", "iso8859-2")


def test_a_pound_sign_is_not_read_as_halfwidth_katakana() -> None:
    found = recognise("Tickets cost £45\n".encode("cp1252"), "pound.txt")
    assert (found.text, found.encoding) == ("Tickets cost £45\n", "cp1252")  # not "｣45"


def test_bytes_that_read_only_as_rare_letters_are_refused_with_the_offset() -> None:
    data = b"Report on the meeting\n\nThe values were \x81\x8d\x8f\x90\x9d in the table.\n"
    with pytest.raises(InvalidInput, match="byte at offset 39 is not valid UTF-8"):
        recognise(data, "values.txt")  # was stored as Windows-1251 "ЃЌЏђќ"
    with pytest.raises(InvalidInput, match="offset 39"):
        decode_text(data, "values.txt")
    # named as Latin-1, the same bytes are control characters: a binary file
    with pytest.raises(InvalidInput, match="binary"):
        decode_text(data, "values.txt", encoding="latin-1")


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        # Windows-1252 French with one byte that code page does not define
        ("Le préfet a annoncé jeu".encode("cp1252") + b"\x81" + b"i que la route est fermee.\n", 5),
        # curly quotes and a stray byte: read as Windows-1251 the byte is a lone "Ѓ"
        (b"\x93Quoted\x94 words, a dash \x96 and \x81 one stray byte.\n", 0),
        # Windows-1252 text read as Arabic would put a Persian letter inside a French word
        ("Réunion à Paris, ".encode("cp1252") + b"jeu\x81i.\n", 1),
    ],
)
def test_a_stray_byte_makes_no_plausible_reading(data: bytes, offset: int) -> None:
    with pytest.raises(InvalidInput, match=f"byte at offset {offset} is not valid UTF-8"):
        recognise(data, "stray.txt")


def test_a_long_line_of_chinese_is_shown_to_the_detector_cut_between_characters() -> None:
    line = TEXTS[8][2].replace("\n", " ") * 30000  # over 3 MB with no line break
    data = line.encode("gb18030")
    sample = _detector_sample(data)
    assert len(sample) <= (1 << 20) + 1
    sample.decode("gb18030")  # no character split at the cut
    found = recognise(data, "long.txt")
    assert (found.text == line, found.encoding) == (True, "gb18030")


def test_the_detector_sees_the_lines_beyond_ascii_without_their_markup() -> None:
    data = b"<html>\n<p>plain</p>\n<p class='x'>caf\xe9 <b>cr\xe8me</b></p>\n</html>\n"
    assert _detector_sample(data) == b" caf\xe9  cr\xe8me  \n"


# ---------------------------------------------------------------- the marks, one by one


@pytest.mark.parametrize(
    "text",
    [
        "Report on the meeting: the values were ЃЌЏђќ in the table.",  # rare letters alone
        "Price rose Ђ 5 percent on the week, traders said.",  # a lone letter of another script
        "The new Cafй opens on the corner of Main Street today.",  # two alphabets in one word
        "Réunion à Paris jeuپi, le maire a parlé.",  # a Persian letter inside a French word
        "Tickets cost ｣45 at the door, the organisers said.",  # halfwidth katakana in Latin text
        "The values were │█▐░ in the table.",  # box drawing
        "Żołnierze 皋軟ierze przybyli wczoraj.",  # Chinese glued to a Latin word
    ],
)
def test_readings_no_writer_produces_are_implausible(text: str) -> None:
    assert not measure(text).plausible


def test_words_whose_case_runs_backwards_are_odd() -> None:
    # KOI8-R bytes read as Windows-1251: "нЙОЙУФТ ФТБОУРПТФБ ЪБСЧЙМ", cases swapped and a
    # word starting with a hard sign
    wrong = "Министр транспорта заявил во вторник".encode("koi8_r").decode("cp1251")
    assert measure(wrong).odd == 2
    assert not measure(wrong).plausible
    assert measure("Министр транспорта заявил во вторник").odd == 0


@pytest.mark.parametrize(
    "text",
    [
        "Компания ВКонтакте сообщила о 15 млн пользователей в Москве.",  # camel case
        "The flat measures 54 m² and the plot 3 km², the agent said.",  # unit superscripts
        "미사일은 450㎞를 비행했다고 군 당국이 밝혔다.",  # a unit sign with a particle
        "LG전자는 2분기 실적을 발표했다.",  # a brand in Latin letters inside a Korean word
        "iPhone手机的销量增长了百分之五。",  # and inside a Chinese one
        "Tシャツの売り上げが伸びた。",  # and a Japanese one
        "La 3ª edición y el 2º trimestre, dijo el alcalde.",  # ordinal indicators by digits
        "Navalny (Навальный) was named in the report on Tuesday.",  # a quotation in Cyrillic
        "Temperatures reached 35°C in Seville; the ©AP photo shows it.",
    ],
)
def test_real_text_shows_no_marks(text: str) -> None:
    found = measure(text)
    assert found.plausible and found.odd == 0, found


def test_signs_stuck_to_letters_are_odd() -> None:
    # Czech in ISO 8859-2 read as Windows-1252
    wrong = "Ministr řekl, že vláda schválí. Žádná změna.".encode("iso8859_2").decode("cp1252")
    assert "¾e" in wrong and "®ádná" in wrong
    assert measure(wrong).odd >= 2


def test_foreign_letters_are_those_the_texts_language_does_not_use() -> None:
    right = "Vláda schválila rozpočet na příští rok; poslanci o něm jednali."
    assert foreign_letters(right) == 0
    wrong = right.encode("cp1250").decode("cp1252")  # "rozpoèet", "pøíští", "nìm"
    assert foreign_letters(wrong) == 3
    assert foreign_letters("Die Änderung gilt ab März für Fernwärme.") == 0
