"""Word lists the readers share: months, qualifiers, counted things, hedges, speech verbs."""

from __future__ import annotations

import re

from db.assist.text import Span

NON_LATIN = frozenset({"ko", "ru", "uk", "ar", "zh", "ja"})

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "january jan januar janvier enero январь января январе",
    2: "february feb februar février febrero февраль февраля феврале",
    3: "march mar marts märz mars marzo март марта марте",
    4: "april apr avril abril апрель апреля апреле",
    5: "may maj mai mayo май мая мае",
    6: "june jun juni juin junio июнь июня июне",
    7: "july jul juli juillet julio июль июля июле",
    8: "august aug août agosto август августа августе",
    9: "september sep sept septembre septiembre сентябрь сентября сентябре",
    10: "october oct oktober octobre octubre октябрь октября октябре",
    11: "november nov novembre noviembre ноябрь ноября ноябре",
    12: "december dec dezember décembre diciembre декабрь декабря декабре",
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
    # Danish, German
    "omkring": "about", "cirka": "about", "ca.": "about", "næsten": "nearly",
    "op til": "up to", "mindst": "at least", "mere end": "more than", "godt": "more than",
    "knap": "nearly", "op mod": "up to", "etwa": "about", "rund": "about", "fast": "nearly",
    "beinahe": "nearly", "bis zu": "up to", "mehr als": "more than", "über": "more than",
    "mindestens": "at least", "ungefähr": "about", "knapp": "nearly", "circa": "about",
    # Korean (before and after the number)
    "약": "about", "최대": "up to", "최소": "at least", "여": "more than", "가량": "about",
    "이상": "at least", "이하": "at most", "미만": "fewer than", "쯤": "about",
    # Arabic
    "نحو": "about", "حوالي": "about", "أكثر من": "more than", "ما يقارب": "about",
    "قرابة": "nearly", "ما لا يقل عن": "at least", "أقل من": "fewer than",
}  # fmt: skip
_BEFORE = sorted((q for q in QUALIFIERS if not re.fullmatch(r"[여가량이상하미만쯤]+", q)), key=len)
QUALIFIER_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in reversed(_BEFORE))
    + r")\s*(?:\$|€|£|US\$)?$",
    re.IGNORECASE,
)

VAGUE: dict[str, str] = {
    "тысячи": "thousands", "сотни": "hundreds", "десятки": "dozens",
    "миллионы": "millions", "десятки тысяч": "tens of thousands",
    "сотни тысяч": "hundreds of thousands", "tusindvis": "thousands",
    "titusindvis": "tens of thousands", "hundredvis": "hundreds", "tausende": "thousands",
    "hunderte": "hundreds", "zehntausende": "tens of thousands", "수천": "thousands",
    "수백": "hundreds", "수만": "tens of thousands", "수십": "dozens", "آلاف": "thousands",
    "مئات": "hundreds",
}  # fmt: skip

_UNIT_GROUPS = {
    "troops": "troops troop military servicemen personnel forces tropper truppen войск войска "
    "военных военнослужащих бойцов جندي جنود عسكري",
    "soldiers": "soldiers soldier soldater soldaten солдат солдаты солдата",
    "people": "people persons person individuals человек людей personer menschen 명 شخص",
    "civilians": "civilians civilian civile мирных",
    "killed": "killed dead deaths fatalities погибших убитых dræbt getötet قتيل قتلى",
    "wounded": "wounded injured injuries раненых sårede verletzte جريح جرحى",
    "casualties": "casualties losses потерь",
    "defectors": "defectors defector перебежчиков",
    "prisoners": "prisoners prisoner pows pow пленных",
    "refugees": "refugees беженцев",
    "missiles": "missiles missile ракет",
    "shells": "shells rounds снарядов 발",
    "drones": "drones drone дронов беспилотников",
    "tanks": "tanks tank танков",
    "aircraft": "aircraft jets planes самолетов",
    "vehicles": "vehicles 대",
    "ships": "ships vessels boats 척",
    "years": "years year лет года år jahre",
    "months": "months month месяцев måneder monate",
    "weeks": "weeks week недель uger wochen",
    "days": "days day дней dage tage",
    "hours": "hours hour часов timer stunden",
    "kilometres": "kilometres kilometers kilometre kilometer km километров",
    "miles": "miles mile",
    "metres": "metres meters",
    "percent": "percent per процентов procent prozent",
    "USD": "dollars dollar долларов 달러 دولار",
    "EUR": "euros euro евро",
    "GBP": "pounds",
    "KRW": "won 원",
    "RUB": "roubles rubles рублей",
    "DKK": "kroner",
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
    "is are was were be been have has had will would could may might said says".split()
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
    "unconfirmed reports",
    "according to reports",
    "по данным сми",
    "по имеющимся данным",
    "якобы",
    "предположительно",
    "angiveligt",
    "efter sigende",
    "angeblich",
    "mutmaßlich",
    "것으로 알려졌다",
    "것으로 전해졌다",
    "يُعتقد",
    "وبحسب تقارير",
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
