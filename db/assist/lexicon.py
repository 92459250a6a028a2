"""Word lists the readers share: months, qualifiers, counted things, hedges, speech verbs."""

from __future__ import annotations

import re

from db.assist.patterns import led
from db.assist.text import Span

NON_LATIN = frozenset({"ko", "ru", "uk", "ar", "zh", "ja"})

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "january jan januar jänner janvier enero январь января январе",
    2: "february feb februar février febrero февраль февраля феврале",
    3: "march mar marts märz mär mars marzo март марта марте",
    4: "april apr avril abril апрель апреля апреле",
    5: "may maj mai mayo май мая мае",
    6: "june jun juni juin junio июнь июня июне",
    7: "july jul juli juillet julio июль июля июле",
    8: "august aug août agosto август августа августе",
    9: "september sep sept septembre septiembre сентябрь сентября сентябре",
    10: "october oct oktober okt octobre octubre октябрь октября октябре",
    11: "november nov novembre noviembre ноябрь ноября ноябре",
    12: "december dec dezember dez décembre diciembre декабрь декабря декабре",
}
for _number, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[_name] = _number
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

# Surface forms (casefolded) of qualifiers written before a figure, with their canonical name.
QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "around", "nearly": "nearly", "almost": "nearly",
    "approximately": "approximately", "roughly": "roughly", "some": "some",
    "at least": "at least", "more than": "more than", "over": "more than",
    "in excess of": "more than", "upwards of": "more than", "just over": "more than",
    "up to": "up to", "as many as": "as many as", "as much as": "as many as",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
    "just under": "fewer than", "at most": "at most", "no more than": "at most",
    "an estimated": "about", "estimated": "about", "close to": "nearly",
    "around or over": "around", "as few as": "as few as", "exceed": "more than",
    "exceeds": "more than", "exceeded": "more than", "exceeding": "more than",
    # Russian
    "около": "about", "почти": "nearly", "до": "up to", "более": "more than",
    "более чем": "more than", "свыше": "more than", "не менее": "at least",
    "примерно": "about", "порядка": "about", "приблизительно": "approximately",
    "менее": "fewer than", "около чем": "about", "по меньшей мере": "at least",
    "более чем в": "more than", "менее чем в": "fewer than", "почти в": "nearly",
    "свыше чем": "more than", "больше": "more than", "меньше": "fewer than",
    "как минимум": "at least", "минимум": "at least", "максимум": "at most",
    "не более": "at most", "не меньше": "at least", "не больше": "at most",
    # Danish, German
    "omkring": "about", "cirka": "about", "ca.": "about", "næsten": "nearly",
    "op til": "up to", "mindst": "at least", "mere end": "more than", "godt": "more than",
    "knap": "nearly", "op mod": "up to", "etwa": "about", "rund": "about", "fast": "nearly",
    "beinahe": "nearly", "bis zu": "up to", "mehr als": "more than", "über": "more than",
    "mindestens": "at least", "ungefähr": "about", "knapp": "nearly", "circa": "about",
    "gut": "more than", "weniger als": "fewer than", "höchstens": "at most",
    "nahezu": "nearly", "annähernd": "nearly", "schätzungsweise": "about",

    # Korean (before and after the number)
    "약": "about", "최대": "up to", "최소": "at least", "여": "more than", "가량": "about",
    "이상": "at least", "이하": "at most", "미만": "fewer than", "쯤": "about",
    "넘게": "more than", "넘는": "more than", "남짓": "more than", "안팎": "about",
    "내외": "about", "정도": "about", "가까이": "nearly",
    # Arabic
    "نحو": "about", "حوالي": "about", "أكثر من": "more than", "ما يقارب": "about",
    "قرابة": "nearly", "ما لا يقل عن": "at least", "أقل من": "fewer than",
}  # fmt: skip
_BEFORE = sorted(  # Korean qualifiers other than these follow the number
    (q for q in QUALIFIERS if not re.fullmatch(r"[가-힣]+", q) or q in ("약", "최대", "최소")),
    key=len,
)
QUALIFIER_BEFORE = led(
    r"(?:(?<![^\W\d_])|(?<=[\s(][وبلف]))(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in reversed(_BEFORE))
    + r")\s*(?:\$|€|£|US\$)?$",
    re.IGNORECASE,
)

VAGUE: dict[str, str] = {
    "scores": "dozens",
    "тысячи": "thousands", "сотни": "hundreds", "десятки": "dozens",
    "миллионы": "millions", "десятки тысяч": "tens of thousands",
    "сотни тысяч": "hundreds of thousands", "tusindvis": "thousands",
    "titusindvis": "tens of thousands", "hundredvis": "hundreds", "tausende": "thousands",
    "hunderte": "hundreds", "zehntausende": "tens of thousands", "dutzende": "dozens",
    "hunderttausende": "hundreds of thousands", "수천": "thousands",
    "수백": "hundreds", "수만": "tens of thousands", "수십": "dozens", "آلاف": "thousands",
    "مئات": "hundreds", "عشرات": "dozens", "수억": "hundreds of millions",
    "수천만": "tens of millions", "수백만": "millions", "수십만": "hundreds of thousands",
    "flere hundrede": "hundreds", "flere tusinde": "thousands", "nogle hundrede": "hundreds",
    "nogle tusinde": "thousands", "mehrere hundert": "hundreds", "mehrere tausend": "thousands",
    "einige hundert": "hundreds", "einige tausend": "thousands", "несколько сотен": "hundreds",
    "несколько тысяч": "thousands",
}  # fmt: skip

_UNIT_GROUPS = {
    "troops": "troops troop military servicemen personnel forces tropper truppen войск войска "
    "военных военнослужащих бойцов جندي جنود عسكري",
    "soldiers": "soldiers soldier soldater soldaten солдат солдаты солдата",
    "people": "people persons person individuals человек людей personer menschen personen 명 "
    "شخص شخصا أشخاص",
    "civilians": "civilians civilian civile мирных zivilisten",
    "killed": "killed dead deaths fatalities погибших убитых dræbt getötet tote toten todesopfer "
    "قتيل قتلى",
    "wounded": "wounded injured injuries раненых sårede verletzte verletzten جريح جرحى",
    "casualties": "casualties losses потерь",
    "defectors": "defectors defector перебежчиков",
    "prisoners": "prisoners prisoner pows pow пленных gefangene gefangenen",
    "refugees": "refugees беженцев flüchtlinge flüchtlingen",
    "missiles": "missiles missile ракет raketen",
    "shells": "shells rounds снарядов 발",
    "drones": "drones drone дронов беспилотников drohnen",
    "tanks": "tanks tank танков",
    "aircraft": "aircraft jets planes самолетов",
    "vehicles": "vehicles 대",
    "ships": "ships vessels boats 척",
    "years": "years year лет года år jahre jahren سنوات أعوام سنة عاما",
    "months": "months month месяцев месяца måneder måned monate monaten أشهر شهور",
    "weeks": "weeks week недель недели uger uge wochen أسابيع",
    "days": "days day дней дня суток сутки dage dag døgn tage tagen أيام يوما",
    "hours": "hours hour часов часа timer stunden ساعات ساعة",
    "minutes": "minutes minute минут минуты минуту minutter minut minuten دقائق دقيقة",
    "seconds": "seconds second секунд секунды sekunder sekunden ثوان ثوانٍ",
    "kilometres": "kilometres kilometers kilometre kilometer km километров",
    "miles": "miles mile",
    "metres": "metres meters",
    "percent": "percent per процентов procent prozent",
    "USD": "dollars dollar долларов 달러 دولار",
    "EUR": "euros euro евро",
    "GBP": "pounds",
    "KRW": "won 원",
    "RUB": "roubles rubles рублей рубля руб",
    "DKK": "kroner kr",
    "countries": "countries nations стран государств lande länder ländern دول",
    "locations": "locations sites places 곳",
    "units": "units battalions brigades divisions regiments",
    "items": "개",
}
UNITS: dict[str, str] = {}
for _unit, _words in _UNIT_GROUPS.items():
    for _word in _words.split():
        UNITS[_word] = _unit
UNITS["명의"] = "people"

# Words after which the search for a counted thing stops.
STOP_UNIT_SEARCH = frozenset(
    "of the a an and or but in on at to for from by with that which who this these those "
    "is are was were be been have has had will would could may might said says over within "
    "during after before across per each every since until this last next recent coming past "
    "earlier later".split()
)
NOT_NOUNS = frozenset(
    "this its his hers theirs was has does is as us thus always perhaps across less unless "
    "towards afterwards whereas besides news series".split()
)
ENUMERATION_NOUNS = frozenset(
    "reasons ways things points questions factors options steps lessons scenarios aspects "
    "areas goals objectives priorities pillars stages phases principles elements issues "
    "takeaways possibilities categories types kinds".split()
)

HEDGES = (
    "reportedly",
    "allegedly",
    "purportedly",
    "purporetdly",
    "are believed",
    "is believed",
    "were believed",
    "was believed",
    "are said to",
    "is said to",
    "were said to",
    "reports indicate",
    "reports suggest",
    "reports say",
    "it is reported",
    "it is understood",
    "are thought to",
    "is thought to",
    "were thought to",
    "was thought to",
    "are understood to",
    "is understood to",
    "are reported to",
    "is reported to",
    "were reported to",
    "was reported to",
    "it is estimated",
    "it is feared",
    "it is alleged",
    "unconfirmed reports",
    "according to reports",
    "по данным сми",
    "по имеющимся данным",
    "якобы",
    "по неофициальным данным",
    "по некоторым данным",
    "по предварительным данным",
    "как сообщается",
    "по слухам",
    "предположительно",
    "angiveligt",
    "efter sigende",
    "det forlyder",
    "forlyder det",
    "angeblich",
    "mutmaßlich",
    "것으로 알려졌다",
    "것으로 전해졌다",
    "것으로 파악됐다",
    "것으로 추정된다",
    "것으로 추산된다",
    "يُعتقد",
    "يعتقد أن",
    "يُقال إن",
    "يقال إن",
    "ويُقال إن",
    "ويقال إن",
    "ويعتقد أن",
    "وأفيد بأن",
    "أفيد بأن",
    "وبحسب تقارير",
    "أفادت التقارير",
    "وأفادت التقارير",
    "ذكرت تقارير",
    "يُرجَّح أن",
    "ويُرجَّح أن",
    "يُرجّح أن",
    "ويُرجّح أن",
    "يرجح أن",
    "ويرجح أن",
    "من المرجح أن",
    "ومن المرجح أن",
    "по сообщениям",
    "сообщается",
    "ifølge medier",
    "berichten zufolge",
)

__all__ = [
    "ENUMERATION_NOUNS",
    "HEDGES",
    "MONTHS",
    "MONTH_PATTERN",
    "NON_LATIN",
    "NOT_NOUNS",
    "QUALIFIERS",
    "QUALIFIER_BEFORE",
    "STOP_UNIT_SEARCH",
    "UNITS",
    "VAGUE",
    "Span",
]

# Lower-case words that belong to a source's noun phrase ("South Korean officials").
ROLE_WORDS = frozenset(
    "official officials lawmaker lawmakers source sources agency agencies intelligence spy "
    "spokesperson spokesman spokeswoman minister ministry secretary president government "
    "military army officer officers commander general analyst analysts expert experts "
    "researcher researchers media broadcaster newspaper outlet reports report defector "
    "defectors witness witnesses resident residents adviser advisor diplomat diplomats "
    "ambassador chief chiefs envoy legislator legislators senator politician politicians "
    "service services staff forces command authorities officials' public state senior "
    "presidential national defence defense foreign deputy former intelligence-gathering "
    "security unnamed anonymous key top correspondent observers monitors group institute "
    "fellow professor scholar specialist think-tank tank survivor survivors mission statement "
    "letter police prosecutors prosecutor rescuers firefighters doctors medics paramedics "
    "investigators volunteers organisers organizers activists scientists economists lawyers "
    "coroner spokespeople aides television tv radio nurse nurses doctor teacher teachers "
    "worker workers employee employees engineer engineers pilot driver drivers farmer farmers "
    "fisherman fishermen owner owners manager managers director directors chairman chairwoman "
    "chairperson mayor governor councillor councilor leader leaders executive executives ceo "
    "founder coordinator inspector inspectors superintendent principal headteacher".split()
)
# Words that may link the parts of a noun phrase ("Chief of Staff", "Ministry of Defence").
NP_LINKS = frozenset("of the for and de a an at".split())
# Titles written before a name; not part of the name itself.
TITLE_WORDS = frozenset(
    "mr mrs ms dr prof sir president prime minister secretary defence defense foreign deputy "
    "chancellor spokesperson spokesman spokeswoman ambassador general gen lt col colonel "
    "commander chief director senator lawmaker rep representative us u.s. uk u.k. british "
    "french german nato un eu lithuanian estonian korean south north ukrainian russian "
    "american japanese chinese ukraine's russia's korea's the a an former retired "
    "opposition ruling lieutenant sergeant captain major admiral marshal king queen "
    "chairman chairwoman head leader governor mayor envoy dr. mr. mrs. ms. prof. estonian "
    "politician official officer researcher analyst expert professor fellow defector "
    "councillor councilor alderman alderwoman mp mep judge justice inspector superintendent "
    "sheriff detective constable bishop reverend rev мэр губернатор президент председатель "
    "депутат сенатор посол генерал директор".split()
)
# Words that make a capitalised phrase an organisation or a place rather than a person.
ORG_WORDS = frozenset(
    "korea korean north south ukraine ukrainian russia russian ministry agency service "
    "institute university party forces army navy staff chiefs council foundation house "
    "office government commons news times post press journal agency's nato un eu union "
    "states kingdom republic federation command committee department bureau center centre "
    "group corporation company organisation organization association network television "
    "radio broadcaster week asia europe america china japan seoul moscow pyongyang kyiv "
    "washington beijing tokyo london paris berlin kremlin pentagon intelligence military "
    "defence defense foreign national security parliament assembly cabinet court police "
    # newspapers
    "courier chronicle gazette herald tribune ledger zeitung rundschau anzeiger kurier "
    "tagblatt".split()
)
# The heads Danish and German compounds naming a body end in, in the definite form where
# Danish writes one ("Forbrugerrådet", "Miljøstyrelsen", "Organisationen", "Bundesministerium").
ORG_ENDINGS = (
    "rådet", "styrelsen", "ministeriet", "tilsynet", "forbundet", "foreningen", "selskabet",
    "kommunen", "regionen", "instituttet", "udvalget", "organisationen", "banken", "politiet",
    "direktoratet", "agenturet", "nævnet", "partiet", "fonden", "universitetet", "myndigheden",
    "ministerium", "verband", "behörde", "institut",
    # German bodies, alone or at the end of a compound ("Polizei", "Landratsamt", "Amtsgericht")
    "polizei", "feuerwehr", "gewerkschaft", "partei", "verwaltung", "regierung", "amt", "gericht",
    "ressort", "museum", "klinikum", "krankenhaus", "universität", "hochschule", "zeitung",
    "stiftung", "sparkasse", "kasse",
    # and in the indefinite form most names use ("Danmarks Lærerforening", "Danske Bank")
    "forening", "forbund", "styrelse", "selskab", "organisation", "nævn", "parti",
    "kommune", "region", "tilsyn", "udvalg", "direktorat", "agentur", "universitet",
)  # fmt: skip
MEDIA_NAMES = frozenset(
    "yonhap reuters afp ap kcna kns tass ria interfax bbc cnn suspilne nhk kyodo joongang "
    "chosun hankyoreh bloomberg guardian telegraph al-jazeera aljazeera dw lbc sky nexta "
    "meduza rbc kommersant izvestia ukrinform unian".split()
)
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "intelligence spy nis cia sbu gur hur mi6 fsb gru dia nsa espionage".split(),
        "intelligence",
    ),
    **dict.fromkeys(
        "military army navy forces commander general officer officers troops soldier "
        "colonel staff chiefs jcs pentagon command battalion brigade".split(),
        "military",
    ),
    **dict.fromkeys(
        "government minister ministry president presidential official officials secretary "
        "ambassador spokesperson spokesman spokeswoman kremlin embassy adviser advisor "
        "diplomat envoy authorities chancellor cabinet state nato".split(),
        "government",
    ),
    **dict.fromkeys(
        "lawmaker lawmakers mp mps senator legislator legislators parliamentarian "
        "politician congressman congresswoman party".split(),
        "lawmaker",
    ),
    **dict.fromkeys(
        "broadcaster newspaper media outlet news agency's reporter correspondent tv "
        "television radio".split(),
        "media",
    ),
    **dict.fromkeys(
        "expert experts analyst analysts researcher researchers professor fellow scholar "
        "specialist institute think-tank academic".split(),
        "expert",
    ),
    **dict.fromkeys("defector defectors defected".split(), "defector"),
    **dict.fromkeys(
        "witness witnesses eyewitness resident residents survivor survivors villager "
        "pow prisoner".split(),
        "witness",
    ),
}

# Stems that tell a source's kind in languages that inflect or compound (checked as substrings).
STEM_KINDS: tuple[tuple[str, str], ...] = (
    ("разведк", "intelligence"), ("розвідк", "intelligence"), ("гур", "intelligence"),
    ("фсб", "intelligence"), ("efterretning", "intelligence"), ("geheimdienst", "intelligence"),
    ("nachrichtendienst", "intelligence"), ("정보원", "intelligence"), ("국정원", "intelligence"),
    ("정보국", "intelligence"), ("الاستخبارات", "intelligence"), ("المخابرات", "intelligence"),
    ("минобороны", "military"), ("генштаб", "military"), ("командован", "military"),
    ("forsvaret", "military"), ("합참", "military"), ("국방부", "military"), ("الجيش", "military"),
    ("министерств", "government"), ("министр", "government"), ("представител", "government"),
    ("правительств", "government"), ("кремл", "government"), ("ministeri", "government"),
    ("minister", "government"), ("regierung", "government"), ("regering", "government"),
    ("정부", "government"), ("대통령실", "government"), ("وزارة", "government"),
    ("المتحدث", "government"), ("الحكومة", "government"),
    ("депутат", "lawmaker"), ("folketingsmedlem", "lawmaker"), ("abgeordnete", "lawmaker"),
    ("의원", "lawmaker"), ("النائب", "lawmaker"),
    ("агентств", "media"), ("тасс", "media"), ("риа", "media"), ("газет", "media"),
    ("avis", "media"), ("zeitung", "media"), ("연합뉴스", "media"), ("통신", "media"),
    ("وكالة", "media"), ("صحيفة", "media"),
    ("эксперт", "expert"), ("аналитик", "expert"), ("ekspert", "expert"), ("experte", "expert"),
    ("전문가", "expert"), ("연구원", "expert"), ("خبير", "expert"),
    ("перебежчик", "defector"), ("탈북", "defector"),
)  # fmt: skip
# Endings of titles written as one capitalised word ("Forsvarsminister", "Verteidigungsminister").
TITLE_ENDINGS = ("minister", "министр", "sekretær", "sprecher", "talsmand", "chef", "präsident",
                 "formand", "ordfører", "direktør", "kommissær", "borgmester", "talskvinde",
                 "talsperson", "inspektør",
                 # German titles of women and of office holders
                 "sprecherin", "chefin", "präsidentin", "ministerin", "direktorin", "leiter",
                 "leiterin", "führerin", "vorsitzende", "vorsitzender", "bürgermeister",
                 "bürgermeisterin", "landrat", "landrätin")  # fmt: skip

# States and capitals that, named as a source, speak for a government.
STATES = frozenset(
    "united states;us;u s;usa;america;russia;ukraine;china;north korea;south korea;japan;"
    "britain;united kingdom;uk;france;germany;seoul;moscow;kyiv;kiev;pyongyang;washington;"
    "beijing;tokyo;london;paris;berlin;kremlin;white house;pentagon;nato;eu;"
    "european union;united nations;un".split(";")
)
