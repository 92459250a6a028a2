"""Attribution cues of Russian, Ukrainian, Danish, German, Korean and Arabic news text.

Each cue gives the content span the source asserts and the source's words as
written; :mod:`db.assist.attribution` resolves the names and kinds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

from db.assist import russian
from db.assist.patterns import led
from db.assist.text import Span, sentences


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # content the source asserts
    end: int
    raw: str  # the source as written
    cue: str
    cue_start: int
    cue_end: int
    relays: tuple[str, ...] = ()  # who passed the source's words on, nearest first


# What a body expects or reckons, after "как" ("как ожидают в ведомстве"): the body speaks.
_RU_RECKON_VERBS = (
    r"(?:ожида(?:ет|ют)|счита(?:ет|ют)|полага(?:ет|ют)|прогнозиру(?:ет|ют)|оценива(?:ет|ют)|"
    r"подсчитал[аи]?|сообща(?:ют)|отмеча(?:ет|ют)|уточнили|говор(?:ят|ит))(?!\w)"
)
# "according to X," before the statement; X runs to a comma or, in V2 languages, to the verb.
_PREFIX = led(
    r"(?P<cue>(?i:по\s+(?:\w+\s+)?(?:данным|словам|информации|оценк(?:е|ам)|сведениям|подсч[её]там|"
    r"мнению)|"
    r"как\s+(?:сообщает|сообщил[аио]?|заявил[аио]?|рассказал[аио]?|отметил[аио]?|сказал[аио]?|"
    r"пишет|переда[её]т|уточнил[аио]?|"
    # verbs of explaining, stressing, adding or conceding ("Как пояснил директор завода, …")
    r"(?:пояснил|объяснил|подчеркнул|добавил|признал|указал|напомнил|заверил)[аио]?|"
    # and of claiming, stating, confirming and warning ("Как утверждает разведка, …")
    # (not the impersonal "как утверждается": a hedge with no one named)
    r"(?:утвержда(?:ет|ют)|утверждал[аио]?|заявля(?:ет|ют)|пишут|подтвердил[аио]?|"
    r"подтвержда(?:ет|ют)|предупредил[аио]?|предупрежда(?:ет|ют)|информирует)(?![\w-])|"
    rf"{_RU_RECKON_VERBS})|"
    r"за даними|за словами|ifølge|iflg\.|laut|"
    r"nach angaben|nach angaben von|wie .{0,40}? berichtet|وفقا لـ?|وفقاً لـ?|بحسب|حسب|"
    r"وفق(?=\s+(?:ما|أرقام|بيانات|تقديرات|إحصاءات|إحصائيات|معطيات|تقرير|تقارير|دراسة)\s)|"
    # a source added after the statement's comma ("…، وفق نقابة الفلاحين.")
    r"(?<=،\s)وفق(?=\s)|согласно(?:\s+(?:данным|информации|сведениям|оценкам|подсч[её]там))?))\s*"
)
# "как ожидают в ведомстве": the body named expects or reckons, no outlet passes it on.
_RECKONS = led(_RU_RECKON_VERBS, re.I)
# A short capitalised subject set off by a comma before an aside ("Минздрав, как пишет …").
_SET_OFF_SUBJECT = re.compile(r"(?P<who>[A-ZА-ЯЁ][^\s,.;:!?«»\"]*(?:\s+[^\s,.;:!?]+){0,3}),\s*")
# "по его словам", "по её данным": whose words the pronoun tells, not a name after the cue.
_POSSESSIVE_CUE = led(r"(?<=\s)(?:его|её|ее|их)(?=\s)")
_POSSESSIVE_PRONOUNS = {"его": "он", "её": "она", "ее": "она", "их": "они"}
# "ifølge hende", "laut ihm": a pronoun in the object case after the cue stands alone.
_OBJECT_PRONOUN = re.compile(r"(?:hende|ham|dem|ihm|ihr|ihnen)(?=[\s,.;:]|$)")
# A conjunction opening a clause of its own right before the cue ("…, men ifølge X …").
# (or a colon or semicolon: "…: по данным X, …")
_CLAUSE_CONJUNCTION = re.compile(r"[,;]\s*(?:men|mens|og|aber|und|doch|но|а|однако)$|[:;]$")
# "как заверили в штабе", "как пояснил губернатор": who says it, not an outlet passing it on.
_ASIDE_SPEAKS = re.compile(r"как\s+(?!сообщает|пишет|переда[её]т)\w+(?:ли|л[аио]?)$", re.I)
# A Russian relative clause opening just before an aside ("…, который, как …").
_RU_RELATIVE_BEFORE = re.compile(r",\s*(?P<rel>котор\w+|где|куда)\s*,?$")
_AR_THEN = led(r"\s*،?\s*(?:ف?إن(?:ه|ها|هم)?|فقد)\s")
# "со ссылкой на X", "citing X", "نقلا عن X": X is the source, whoever cites them a relay.
_CITING = led(
    r"\s*(?:,\s*)?(?:со ссылкой на|ссылаясь на|med henvisning til|på baggrund af|"
    r"unter berufung auf|نقلا عن|نقلاً عن|استنادا إلى|استناداً إلى)\s+",
    re.IGNORECASE,
)
# Words that open a time or place phrase after a source's name, not part of the name.
_AFTER_NAME = led(
    r"\s+(?:يوم|خلال|أمس|اليوم|صباح|مساء|عبر|أثناء|بعد|قبل)(?:\s|$)"
    r"|\s+في\s+(?:مؤتمر|بيان|تصريح|تصريحات|حديث|مقابلة|كلمة|ختام|وقت|ساعة|صباح|مساء|"
    r"اليوم|رسالة|منشور|تغريدة|جلسة|اجتماع)"
    r"|\s+(?:fra|von|aus)\s+|\s+(?:i|på|til|im|am)\s+(?=[A-ZÆØÅ])"
    # where an Arabic source lives ("المزارع سعيد من قرية …", "أحد السكان في مدينة …")
    r"|\s+(?:من|في)\s+(?:بلدة|مدينة|قرية|محافظة|منطقة|مخيم|حي|ولاية|إقليم|ضاحية)\s"
    # whom an Arabic source spoke to ("لوكالة فرانس برس", "للصحفيين", "لـ بي بي سي")
    r"|\s+ل(?:وكالة|قناة|صحيفة|موقع|تلفزيون|إذاعة|مراسل|شبكة|ل?صحفيين|ل?صحافيين|رويترز|فرانس|ـ)"
    # whom the source spoke to ("siger Holm til avisen", "sagde hun over for DR")
    r"|\s+(?:til|over for|gegenüber)\s+(?:avisen|bladet|mediet|[A-ZÆØÅ]|\w+(?:en|et)\b)"
    # the medium the source spoke through ("kommunen i en pressemeddelelse", "в своём заявлении")
    r"|\s+(?:i|på)\s+(?:en|et|sin|sit|sine)\s+(?:\w+\s+)?(?:pressemeddelelse|meddelelse|mail|"
    r"e-mail|sms|svar|kommentar|opslag|interview|udtalelse|redegørelse|brev|notat|indlæg)\b"
    r"|\s+в\s+(?:сво[её]м\s+|своей\s+|официальном\s+)?(?:пресс-релизе|заявлении|сообщении|"
    r"интервью|телеграм-канале|Telegram-канале|соцсетях|блоге|письме)\b"
    # a relative clause describing the source ("Peter Madsen, der er professor …"); Arabic sets
    # none off with a comma ("الطبيب سامي عوض الذي يعمل في …")
    r"|,\s*(?:der|som|который|которая|которое|которые|der|die|welche)\s"
    r"|\s+(?:الذي|التي|الذين)\s"
)
# Where a Russian speaker named in full comes from ("рыбак Пётр Лужин из Кимр", "… из дома
# № 3 на улице Мира"): not part of the name (a body after a role, "эксперт из МГУ", stays).
_RU_FROM_AFTER_NAME = re.compile(r"(?<=[А-ЯЁ][а-яё])(?P<last>[а-яё-]*)\s+из\s+\S[^,;:!?«»]*$")
# Words that open a sentence before its subject ("Ранее ведомство", "한편 국방부는").
_LEADING = re.compile(
    r"^(?:(?:ранее|позднее|также|кроме того|между тем|при этом|однако|тем временем|"
    r"한편|또한|또|이어|특히|그러나|하지만|다만|이에|앞서|반면|tidligere|samtidig|også)\s*,?\s+)+",
    re.IGNORECASE,
)
_THAT_AFTER_COMMA = re.compile(r",\s*(?:что|що|at|dass)\s")
# "рассказал «Известиям» источник": whom a source spoke to, named before the source.
_AR_LISTENER = re.compile(
    r"ل(?:وكالة|قناة|صحيفة|موقع|تلفزيون|إذاعة|مراسل|شبكة|ل?صحفيين|ل?صحافيين|رويترز|فرانس|ـ)"
)
# A role, the body it is held at, then the holder's name ("direktør i Boligsiden Birgitte
# Wulff", "formand for Dansk Byggeri Lars Storr-Hansen").
_ROLE_AT_BODY_NAME = re.compile(
    r"[a-zæøåA-ZÆØÅ][a-zæøå-]*\s+(?:i|hos|for|ved|på)\s+[A-ZÆØÅ][^,.;:]*?\s+"
    r"(?P<name>[A-ZÆØÅ][\w’'-]+\s+[A-ZÆØÅ][\w’'-]+)"
)
_AR_CIRCUMSTANCE = re.compile(r"(?:في|خلال|عبر|أثناء)\s")
_SAID_IN = re.compile(
    r"^(?:В|Во)\s+(?:сообщении|заявлении|пресс-релизе|докладе|отч[её]те|документе|письме|"
    r"публикации|релизе|обращении|(?:телеграм|Telegram)-канале)\s+(?P<who>[^,.;:!?]{2,80}?)\s+"
    r"(?P<verb>говорится|сказано|отмечается|указывается|уточняется|сообщается|указано)"
    r"\s*,?\s*(?:что\s+)?"
)
# "…, говорится в заявлении Еврокомиссии.": the document's author, after the statement.
_SAID_IN_AFTER = re.compile(
    r",\s*(?:—\s*)?(?:говорится|сказано|отмечается|указывается|сообщается)\s+в\s+"
    r"(?:сво[её]м\s+|своей\s+|официальном\s+|совместном\s+)?(?:сообщении|заявлении|"
    r"пресс-релизе|докладе|отч[её]те|документе|письме|публикации|релизе|обращении|"
    r"(?:телеграм|Telegram)-канале)\s+(?P<who>[^,.;:!?]{2,80}?)\s*[.!]?$"
)
# Words that are no owner of a document ("В документе также указано, что …").
_NO_OWNER = frozenset("также же тоже ещё еще прямо отдельно".split())
_LISTENER_LAST = re.compile(r"(?<=\S)\s+«[^»]{1,40}»\s*$")
_LISTENER_FIRST = re.compile(r"^«[^»]{1,40}»\s+(?=\S+\s+\S)")
# "Det fremgår af en rapport fra X, at …", "Как следует из сообщения X, …": the document's author.
_FOLLOWS_FROM = re.compile(
    r"^(?:Det\s+fremgår\s+af|Det\s+står\s+i|Как\s+следует\s+из|Das\s+geht\s+aus)\s+"
    r"(?P<who>[^,.;:!?\n]{2,100}?)(?:\s+hervor)?\s*,\s*(?:at\s+|что\s+|dass\s+)?"
)
# A body already named, taken up again by a noun in its definite form, that recorded or counted
# what the sentence gives ("I samme periode har styrelsen registreret 19 angreb", "Politiet har
# optalt 40 biler"): the figures are its own count, its account going on.  The subject stands
# before the auxiliary or, after an opening adverbial, right after it.
_RECORDED = led(
    r"(?:^|\s)(?:(?:har|havde)\s+(?P<after>[a-zæøå]{3,}(?:en|et))"
    r"(?:\s+(?:også|nu|allerede|hidtil|i\s+alt))?\s+|"
    r"^(?P<before>[A-ZÆØÅ][a-zæøå]{2,}(?:en|et))\s+(?:har|havde)\s+"
    r"(?:(?:også|nu|allerede|hidtil|i\s+alt)\s+)?)"
    r"(?P<verb>registreret|optalt|noteret|opgjort|talt|målt)\s"
)
# "В минсельхозе заверяют, что …": a verb in the plural with no subject, the body named with
# "в" speaking.  The body is the words in the prepositional case after "в" (and a genitive
# after them: "в пресс-службе министерства"), up to a pronoun or the object of another verb.
_RU_IMPERSONAL = re.compile(
    r"^(?:В|Во)\s+(?P<who>(?:(?!(?:эт|т|вс|наш|их|его|её)\w*\s)[\w-]+(?:е|и|ом|ем|ой|ей|ах|ях)"
    r"\s+){0,2}(?!(?:эт|т|вс|наш|их|его|её)\w*\s)[\w-]+(?:е|и|ах|ях)"
    r"(?:\s+[\w-]+(?:а|я|ов|ого|его|ой|ых|ии)){0,3})"
    r"\s+(?:[^,.;:!?«»]{0,60}?\s)?"
    r"(?P<verb>(?:сообща|заявля|отмеча|уточня|подтвержда|заверя|уверя|поясня|рассказыва|"
    r"напомина)ют|(?:призна|счита|говор)(?:ют|ят)|опасаются|"
    r"(?:сообщи|заяви|отмети|уточни|подтверди|завери|поясни|призна|рассказа|добави)ли)"
    r"\s*,\s*что\s"
)
# A parenthetical word set off by commas between a subject and its verb.
_PARENTHETICAL = re.compile(
    r"\s*,\s*(?:в свою очередь|однако|впрочем|тем не менее|по-прежнему|derimod|dog|imidlertid|"
    r"til gengæld|jedoch|allerdings|ihrerseits|seinerseits)\s*,\s*$"
)
# An aside after a source naming whom it cites ("Как пишет X, ссылаясь на Y, …").
_CITED_ASIDE = re.compile(
    r"\s*,\s*(?:ссылаясь на|со ссылкой на|med henvisning til|unter berufung auf)\s+"
    r"(?P<who>[^,.;:!?]{2,100}?)\s*,"
)
# A description set off by a comma after a name ("Anne Holm, administrerende direktør").
_DESCRIPTION_AFTER = re.compile(r",\s+[a-zæøåäöüßа-яё].*$")
# A Russian verb in the past tense; the figures and data of a body ("по его данным").
_RU_PAST = re.compile(r"[а-яё](?:л|ла|ло|ли)$")
_RU_DOCUMENT_CUE = re.compile(r"(?:данным|информации|оценк(?:е|ам)|сведениям|подсч[её]там)$")
# Whom a Russian source spoke to, opening the sentence before the subject ("Журналистам он
# сообщил", "Агентству «Север» глава района рассказал").
_RU_LISTENER_FIRST = re.compile(
    r"^(?:Журналистам|Репорт[её]рам|Корреспонденту|Корреспондентам|Изданию|Агентству|Газете|"
    r"Телеканалу|Радиостанции)(?:\s+«[^»]{1,40}»)?\s+(?=\S)"
)
# Who passes on the figures of a Russian account cue ("По данным X, которые приводит Y, …").
_RU_WHICH_GIVES = re.compile(
    r"\s*,\s*(?:которые|которую|который|которое)\s+(?:привод(?:ит|ят)|прив[её]л[аои]?|"
    r"публику(?:ет|ют)|опубликовал[аои]?|цитиру(?:ет|ют)|процитировал[аои]?)\s+"
    r"(?P<who>[^,;:.!?]{2,80}?)\s*,\s*"
)
# A Russian source described by the outlet citing it ("Источник, на которого ссылается X,").
_RU_CITED_BY = re.compile(
    r"^(?P<who>[A-ZА-ЯЁ][^,]{1,60}),\s*на\s+котор(?:ого|ую|ое|ых)\s+"
    r"ссыла(?:ется|ются|лся|лась|лось|лись)\s+(?P<relay>[^,]{2,80}),\s*$"
)
# A Russian subject set off from its verb by a participle or relative clause ("Эксперты,
# опрошенные изданием X, считают", "Директор, который …, сообщил"): the subject before it (and
# the outlet that asked the experts, a relay).
_RU_SUBJECT_ASIDE = re.compile(
    r"^(?P<who>[A-ZА-ЯЁ][^,«»]{1,60}),\s*(?:опрошенн(?:ые|ый|ая)\s+(?P<relay>[^,]{2,80})|"
    r"(?:[а-яё]+(?:ший|шая|шее|шие|щий|щая|щее|щие|нный|нная|нные|тый|тая|тые)(?:ся)?|"
    r"котор(?:ый|ая|ое|ые|ого|ую|ых|ому|ым))\s[^,]{1,100}),\s*$"
)
_GUILLEMET_NAME_ONLY = re.compile(r"(?<=[а-яё]{2}(?:ем|ом|ой|ей) )«[^«»]{1,60}»$")
# A colon and a quotation mark after a speaker named after the verb: the quotation goes on.
_COLON_THEN_QUOTE = re.compile(r"\s*:\s*[«„“\"»]")
# Whom a Russian source spoke to, then a colon and the quotation ("заявил журналистам: «…"):
# no speaker named after the verb (the subject before it speaks).
_QUOTATION_AFTER_COLON = re.compile(
    r"^(?:журналистам|репорт[её]рам|корреспондент(?:у|ам)|агентству|изданию|газете|"
    r"телеканалу|радиостанции)(?:\s+«[^»]{1,40}»)?\s*:\s*[«„“\"]"
)
# A Russian participle or relative clause set off after a name ("Олег Сомов, пришедший …",
# "Анна Белова, которая …"): it describes the person named before it.
_RU_PARTICIPLE_AFTER = re.compile(
    r",\s+(?:[а-яё]+(?:ший|шая|шее|шие|щий|щая|щее|щие)(?:ся)?|котор(?:ый|ая|ое|ые))\s.*$"
)
# A second verb of the subject already named, joined by "and" ("… og kræver, at …").
_COORDINATED = re.compile(r"[^\s,]\s+(?:og|и|und)\s*$")
# Danish verb-second order after an opening adverbial: the finite verb, then the subject, then
# any adverb and the verb's particle before ", at" ("Hos X peger biolog Y derimod på, at …",
# "I dag oplyser politiet, at …").
_DA_INVERTED_SUBJECT = re.compile(
    r"^(?:(?:Hos|I|På|Ved|Efter|Under|Før|Med|Fra|Om|Nu|Her|Derfor|Samtidig|Tidligere|Også|"
    r"Senere|Derimod|Alligevel|Desuden|Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag)\s"
    r"[^,.;:!?\"“”»«]{0,80}?\s)"
    r"(?P<verb>siger|sagde|oplyser|oplyste|skriver|skrev|fortæller|fortalte|vurderer|vurderede|"
    r"mener|mente|understreger|understregede|forklarer|forklarede|peger|pegede|påpeger|påpegede|"
    r"erkender|erkendte|forventer|forventede|advarer|advarede|frygter|frygtede|tilføjer|"
    r"tilføjede|bekræfter|bekræftede|fastslår|fastslog|konstaterer|konstaterede|hævder|hævdede|"
    r"anslår|anslog|skønner|skønnede|kræver|krævede)\s+"
    r"(?P<who>(?!(?:til|over|for|i|på|med|at|det|der|den|de|han|hun)\s)[^,.;:!?\"“”»«]{2,80}?)"
    r"(?:\s+(?:derimod|dog|også|imidlertid|nu|selv|fortsat|stadig|ikke|heller\s+ikke|i\s+dag|"
    r"til\s+\S+))*(?:\s+på)?\s*,\s*at\s"
)
# A relative clause naming who made a document ("en opgørelse, som Miljøstyrelsen offentliggjorde
# onsdag", "ein Bericht, den das Amt vorlegte"): its capitalised subject is the author.
_PUBLISHED_BY = re.compile(
    r",\s*(?:som|der|den|das|die)\s+(?P<who>[A-ZÆØÅÄÖÜ][\w&-]*(?:\s+[A-ZÆØÅÄÖÜ&][\w&-]*)*)"
    r"\s+(?:har\s+|havde\s+|hat\s+)?[a-zæøåäöüß]+[^,.;:!?]*"
)
# A clause of what was said, opened by "that" ("…, at …", "…, что …").
_THAT_CLAUSE = re.compile(r"(?:^|,)\s*(?:at|что|dass)\s")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Whom a Russian source spoke to, named after it ("сказал Лаптев журналистам", "рассказал
# глава агентству «Нива»"); a quoted name alone may be the source's own ("местного портала
# «Свободные новости»").
_RU_LISTENER_AFTER = re.compile(
    r"\s+(?:журналистам|репорт[её]рам|корреспондент(?:у|ам)|"
    r"(?:агентству|изданию|газете|телеканалу|радиостанции)(?:\s+«[^»]{1,40}»)?)$"
)
# Where or how a Russian source spoke, after its name ("сказал мэр Андрей Кольцов на церемонии
# открытия", "заявил министр на брифинге", "написал губернатор в своём телеграм-канале").
_RU_OCCASION_AFTER = re.compile(
    r"\s+(?:на|в|во)\s+(?:(?:сво[её]м|специальном|совместном|ежегодном|итоговом|"
    r"официальном)\s+)?(?:церемони[ия]|пресс-конференци[ия]|брифинге|встрече|заседании|"
    r"совещании|интервью|эфире|телеграм-канале|телеграме|соцсетях|обращении|выступлении|"
    r"ходе|время|рамках|кулуарах)(?:\s+[^,.;:!?«»]{1,40})?$"
)
# Adverbs between a subject and its verb ("Он также сообщил"): not part of the name.
_TRAILING_ADVERB = led(
    r"(?:\s+(?:также|тоже|ещё|еще|затем|позже|позднее|ранее|уже|вновь|снова|лишь|"
    r"в свою очередь|så|nu|igen|dog|derfor))+$",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"^(?:в|во|из|у)\s+(?=\S)", re.IGNORECASE)
_V2_VERB = re.compile(
    r"\s(?:har|er|var|blev|bliver|skal|vil|kan|kunne|havde|hat|ist|sind|war|waren|wurde|wurden|"
    r"haben|hätten|seien|sollen|soll|habe|befinden|befindet)\s"
)
_RU_VERBS = (
    r"сообщил[аио]?|заявил[аио]?|сказал[аио]?|отметил[аио]?|рассказал[аио]?|подчеркнул[аио]?|"
    r"уточнил[аио]?|добавил[аио]?|передает|передаёт|пишет|сообщает|заявляет|повідомив|"
    r"сообщал[аио]?|заявлял[аио]?|напоминает|уточняет|отмечает|подч[её]ркивает|"
    r"подтвердил[аио]?|подтверждает|предупредил[аио]?|предупреждает|"
    r"повідомила|повідомили|заявив|заявила|сказав|зазначив|"
    r"признал[аио]?|признает|признаёт|пояснил[аио]?|поясняет|считает|считают|полагает|"
    r"утверждает|утверждают|утверждал[аио]?|сообщают|заявляют|рассказывает|оценил[аио]?|"
    r"говорит|говорят|прогнозирует|прогнозируют|прогнозировал[аи]?|опроверг(?:ла|ли)?|"
    r"отмечают|подч[её]ркивают|уточняют|предупреждают|поясняют|полагают|признают|"
    r"считал[аи]?|оценивает|оценивают|допускает|допускают|добавляет|рассказывают|"
    # what the subject expects or supposes ("Синоптики ожидают, что …")
    r"ожида(?:ет|ют)|ожидал[аи]?|предполага(?:ет|ют)|"
    # writing, reminding, remarking, explaining, complaining (before "что" only: _THAT_ONLY)
    r"написал[аио]?|пишут|напомнил[аио]?|заметил[аио]?|объяснил[аио]?|объясня(?:ет|ют)|"
    r"указал[аио]?|указыва(?:ет|ют)|констатировал[аио]?|жалу(?:ется|ются)|"
    r"пожаловал(?:ся|ась|ись)|посетовал[аио]?|сету(?:ет|ют)|"
    r"показывают|показывает|показали|показал[аио]?|свидетельству(?:ет|ют)|"
    # fearing and assuring: what the subject fears or assures is its statement
    r"опаса(?:ется|ются|лся|лась|лись)|бо(?:ится|ятся)|заверя(?:ет|ют)|заверил[аи]?|"
    r"уверя(?:ет|ют)|уверены?|убежден[аы]?|убеждён[аы]?"
)
# Russian verbs that say something only before "что" or a colon ("объяснил, что …"; not
# "никто не объяснил, мы сами искали"), and a verb of saying negated.
_THAT_ONLY = re.compile(
    r"(?:написал|пишут|напомнил|заметил|объясн|указ|констатировал|жалу|пожаловал|посетовал|"
    r"сету|ожида|предполага)"
)
_NEGATED = re.compile(r"(?<![\w])не\s+$")
_DA_DE_VERBS = (
    r"siger|sagde|oplyser|oplyste|skriver|skrev|fortæller|fortalte|vurderer|vurderede|"
    r"viser|viste|anslår|anslog|mener|mente|melder|meldte|tilføjer|tilføjede|"
    r"bekræfter|bekræftede|advarer|advarede|frygter|frygtede|påpeger|påpegede|understreger|"
    r"understregede|forklarer|forklarede|fastslår|fastslog|erkender|erkendte|forventer|"
    r"forventede|skønner|skønnede|konstaterer|konstaterede|erfarer|erfarede|udtaler|udtalte|"
    r"svarer|svarede|erklærer|erklærede|peger\s+på|pegede\s+på|oplever|oplevede|tror|troede|"
    r"beretter|berettede|konkluderer|konkluderede|slår\s+fast|slog\s+fast|fremhæver|"
    r"fremhævede|indrømmer|indrømmede|hævder|hævdede|påstår|påstod|noterer|noterede|"
    r"meddeler|meddelte|sagte|sagt|erklärte|erklärt|berichtete|berichtet|teilte mit|betonte|"
    r"schätzt|schätzte|sagt|"
    # "venter" says what a source expects only before "at" ("Banken venter, at …")
    r"vent(?:er|ede)(?=,\s*at\b)"
)
_SUBJECT_VERB = led(
    rf"(?<!\w)(?P<verb>{_RU_VERBS}|{_DA_DE_VERBS})(?P<that>,\s*(?:что|що|at|dass)\b|,|:)",
)
# "Ritzau skriver med henvisning til X, at …", "заявил журналистам в среду, что …": words
# between the verb and the conjunction tell whom the subject cites, spoke to, and when.
_VERB_MID = led(
    rf"(?<!\w)(?P<verb>{_RU_VERBS}|{_DA_DE_VERBS})\s+(?P<mid>[^,.;:!?\n]{{1,100}}?)"
    r"\s*,\s*(?:что|що|at|dass)\s"
)
# An Arabic document and the words describing it ("تقديرات أولية", "بيان صادر").
# ("غير رسمية": unofficial, "غير" before the adjective it negates)
_AR_DOCUMENT_WORDS = r"(?:غير\s+)?(?:ال)?(?:صادرة?|رسمية|أولية|جديدة|حديثة|أخيرة|حكومية|مستقلة)"
_AR_DOCUMENT = (
    r"(?:ال)?(?:بيانات|تقديرات|أرقام|إحصاءات|إحصائيات|تقرير|تقارير|دراسة|بيان|معطيات)"
    r"(?:\s+" + _AR_DOCUMENT_WORDS + r")*"
)
# A document no one is named as the author of: no source ("وتشير تقديرات أولية إلى أن").
_AR_DOCUMENT_ONLY = led(_AR_DOCUMENT)
# An Arabic document, its adjectives, and its owner after "ل" ("الحسابات الفلكية للمعهد").
_AR_DOCUMENT_OF = re.compile(
    r"^(?:ال)?(?:حسابات|بيانات|تقديرات|أرقام|إحصاءات|إحصائيات|تقرير|معطيات|توقعات|رصد)"
    r"(?:\s+ال\S+)*\s+ل(?P<owner>ل\S.*)$"
)
# The document a source is cited through: its author is the source ("en rapport fra X").
_DOCUMENT = led(
    r"^(?:(?:en|et|den|det|ein|eine|einen)\s+)?(?:\w+\s+)?(?:rapport|undersøgelse|analyse|"
    r"opgørelse|notat|tal|oplysninger|pressemeddelelse|meddelelse|mail|e-mail|mails|brev|"
    r"dokument|dokumenter|redegørelse|referat|udkast|Bericht|Angaben|Schreiben|Dokument)\s+"
    r"(?:fra|von|aus)\s+(?=\S)"
    r"|^(?:данные|доклад|доклада|отч[её]т|сообщение|заявление|пресс-релиз|публикацию|"
    r"оценку|оценки|оценка|расч[её]ты|подсч[её]ты|прогноз|"
    r"материал|исследование|письмо|документ|документы|заявлению|сообщению|докладу|отч[её]ту|"
    r"документу)\s+(?=\S)"
    # "بيانات وزارة الزراعة", "بيان صادر عن الوزارة", "تقديرات الأمم المتحدة": their author
    r"|^" + _AR_DOCUMENT + r"(?:\s+عن)?\s+(?!" + _AR_DOCUMENT_WORDS + r"(?:\s|$))(?=\S)",
    re.IGNORECASE,
)
# "Det oplyser X til Y.", "Об этом сообщил X.": X said what the sentence before says.
# (and "Такие данные приводит X.": the figures just given are X's)
_THAT_SAYS = re.compile(
    rf"^(?:Det|Dette|Об\s+этом|Это|Das|(?:Такие|Эти|Подобные)\s+(?:данные|цифры|сведения))\s+"
    r"(?:(?:также|ещё|еще|også|i\s+dag)\s+)?"
    r"(?:«[^»]{1,40}»\s+|[\w-]+(?:у|ам|ям|ю)\s+"  # whom it was told ("Об этом «РИА Новости»")
    # an agency's indeclinable name before a verb with no subject of its own ("Об этом ТАСС
    # сообщили в пресс-службе"): the plural says the speaker is the body after "в"
    r"|[A-ZА-ЯЁ]{2,}(?:\s+[A-ZА-ЯЁ][\w-]+)?\s+(?=[а-яё]+ли\s+во?\s))?"
    rf"(?P<verb>{_RU_VERBS}|{_DA_DE_VERBS}|говорится\s+в\s+\w+|привод(?:ит|ят)|прив[её]л[аои]?|"
    r"опубликовал[аои]?|обнародовал[аои]?)\s+(?P<who>[^.!?\n]{2,120}?)"
    r"\s*[.!]?$"
)
# Figures or a document a relative clause names the maker of ("tal, som X offentliggjorde",
# "Zahlen, die X veröffentlichte").
_FIGURES_DOCUMENT = re.compile(
    r"(?:(?:de|den|det|nye|nyeste|seneste|foreløbige|friske|die|neue|neuen|jüngsten|aktuelle|"
    r"aktuellen)\s+)*(?:tal|opgørelse|opgørelser|rapport|undersøgelse|analyse|statistik|data|"
    r"Zahlen|Daten|Statistik|Bericht|Erhebung|Auswertung|Studie|Umfrage)\s*,"
)
# A promise or a demand the subject makes, with no "that": "Губернатор пообещал выделить …",
# "Borgmesteren lover at …" — what follows the verb is the subject's.
_PROMISE = led(
    r"(?<!\w)(?P<verb>пообещал[аио]?|обещал[аио]?|потребовал[аио]?|призвал[аио]?|"
    r"lovede|lover|krævede|kræver|opfordrede|opfordrer)"
    r"(?:\s*,\s*(?:что|чтобы|at)\s+|\s+til\s*,?\s*at\s+|\s+(?:at\s+|от\s+\w+\s+)?)"
)
# An estimate or a report with an object and no "that": "Banken forventer et fald på 2
# procent", "Минздрав сообщил о 5 случаях", "Синоптики прогнозируют похолодание до -20".
_OBJECT_ESTIMATE = led(
    r"(?<!\w)(?P<verb>forventer|forventede|anslår|anslog|skønner|skønnede|regner\s+med|"
    r"spår|spåede|estimerer|estimerede|"
    r"прогнозиру(?:ет|ют)|прогнозировал[аи]?|ожида(?:ет|ют)|оценива(?:ет|ют)|оценил[аи]?|"
    r"(?:сообща(?:ет|ют)|сообщил[аио]?|заявил[аио]?|рассказал[аио]?|доложил[аио]?)\s+об?)"
    r"\s+(?!at\b|что\b|,)"
)
# "X kalder planen "uansvarlig"", "X назвал решение «ошибкой»": what X calls it is X's.
_CALLS = led(r"(?<!\w)(?P<verb>kalder|kaldte|назвал[аио]?|называет)\s+")
_GUILLEMET_NAME = re.compile(r"«[^«»]{1,40}»")
_RU_CALLED_AS = re.compile(
    r"[а-яё-]+\s+(?:[а-яё-]+\s+)?[а-яё-]+(?:ой|ей|ым|им|ом|ем|ами|ями|ыми|ими)(?![\w-])"
)
_CALLED_END = re.compile(r"\s+(?:og|и|men|но)\s|[,;.!?]")
_INVERTED = led(
    # (Danish print closes a quotation on «, after its comma: "»…,« siger hun")
    r"(?:,|»|“|”|\"|(?<=[,!?])«)\s*[—–-]?\s*"
    rf"(?P<verb>{_RU_VERBS}|{_DA_DE_VERBS}|l(?:yder|ød) det fra)"
    r"\s+(?P<who>[^.!?\n]+?)\s*[.!?]?$"
)
_DE_LISTENER_FIRST = re.compile(
    r"(?:der|dem)\s+(?:[„\"»“][^„“”\"»«]{1,40}[“”\"«]|[\w-]*[Zz]eitung|[\w-]*[Aa]gentur|"
    r"Redaktion|Zeitschrift)\s*,"
)
_KO_ACCORDING = re.compile(
    # "통계청이 발표한 자료에 따르면": the author of the document
    # (with the day it was published between: "통계청이 지난 2일 발표한")
    # (to whom between: "복지부가 13일 국회 … 의원실에 제출한"; its title quoted before the
    # document: "제출한 '수술 대기 현황' 자료에 따르면")
    r"(?:(?P<author>[^\s,.]+?)(?:이|가)\s(?:(?:지난\s?|오는\s?)?\d{1,2}일\s|(?:이날|전날|최근)\s)?"
    r"(?:(?:[^\s,.]+\s){0,4}?[^\s,.]+에(?:게)?\s)?"
    r"(?:발표한|낸|공개한|내놓은|펴낸|제출한)\s)?"
    r"(?:[‘'“\"「《](?P<title>[^’'”\"」》\n]{1,80})[’'”\"」》]\s?)?"
    r"(?:(?P<who>[^\s,.]+(?:\s[^\s,.]+)?)|(?<=[’'”\"」》]))에\s?(?:따르면|의하면)\s*,?\s*"
    # "aT 집계에서", "교육부 조사 결과": the tally or survey of a body
    r"|(?:^|(?<=\s))(?P<tally>[^\s,.\d][^\s,.]*?)(?:의)?\s?(?:집계|조사|통계|분석|자료)"
    r"(?:에서는|에서|\s?결과|상)\s*,?\s*"
)
# Words every match of _KO_ACCORDING holds: a sentence without them is not searched.
_KO_ACCORDING_WORDS = re.compile("따르면|의하면|집계|조사|통계|분석|자료")
# The document a body's name is followed by ("교육부 발표", "경찰 조사 결과"): the body speaks.
_KO_DOCUMENT = led(
    r"(?<=\S)(?:의)?\s?(?:발표|자료|집계|조사|조사\s?결과|통계|분석|보고서|보고|보도|설명|"
    r"추산|추정|전망|설문\s?조사|설문)$"
)
_KO_PAST = (
    "밝혔 말했 전했 보도했 주장했 설명했 강조했 발표했 덧붙였 추정했 분석했 내다봤 전망했 예상했 "
    "관측했 경고했 지적했 보고했 알렸 확인했 인정했 부인했 시사했 언급했 반박했 해명했 평가했 "
    "진단했 우려했 답했 약속했 요구했 촉구했 예측했 판단했 당부했 예보했 조언했 공개했 집계했 "
    "통보했 권고했 호소했 예고했 추산했 안내했 답변했 토로했 털어놨 귀띔했 제안했 비판했 공지했 "
    "파악했 일축했 봤 적었"
).split()
# Each verb of saying in the written style ("밝혔다") and the polite one of broadcast news
# ("밝혔습니다"); the present ("말한다"); the progressive of a held view ("…것으로 보고 있다");
# and the idioms of saying together ("입을 모은다") or aloud ("목소리를 높였다").
_KO_VERBS = (
    "(?:" + "|".join(_KO_PAST) + ")(?:다|습니다)|말한다|밝힌다|주장한다|설명한다|"
    r"(?:보|내다보|전망하|예상하|분석하|추정하|우려하|주장하|설명하|지적하|판단하|평가하|예측하|"
    r"관측하|파악하|집계하|추산하)고\s?있(?:다|습니다)|입을\s모(?:은다|았다|으고\s있다|읍니다|았습니다)|"
    # what a body said before, as background ("…고 밝힌 바 있다", "…이라고 일축해 왔다")
    r"(?:밝힌|말한|전한|설명한|보고한|경고한|주장한|발표한|언급한)\s?바\s?있(?:다|습니다)|"
    r"(?:주장|일축|부인|강조|경고)해\s?왔(?:다|습니다)|"
    r"목소리를\s(?:높였다|냈다|높이고\s있다)|"
    # a feeling or stance made known ("…다며 우려를 나타냈다", "…고 유감을 표명했다")
    r"(?:우려|유감|반대|불만|기대감?|자신감)(?:을|를)\s(?:나타냈|표명했|표시했|드러냈|내비쳤)(?:다|습니다)"
)
# "…다는 점을 인정했다", "…겠다는 뜻을 분명히 했다": a clause made a noun ("that …") and a verb
# of saying, admitting or making plain.
_KO_NOUN_CLAUSE = led(
    r"(?<=다)는\s?(?:점|사실|뜻|입장|방침|의견|견해|계획|취지|의사|전망|우려)(?:을|를)\s"
    rf"(?:분명히\s|거듭\s|재차\s|공식\s)?(?P<verb>{_KO_VERBS}|했다|내비쳤다|표명했다|"
    r"드러냈다|나타냈다)[.]?$"
)
# A sentence that closes a quotation it did not open ('… 힘을 쏟겠다"고 말했다.').
_KO_OPENED_BEFORE = re.compile(
    r"^(?P<said>[^\"“”]+)[\"”]\s?(?:이?라고|고|이?라며|며|(?:이?라)?면서)(?=\s|$)"
)
# A stated position: "…어렵다는 입장이다", "…라는 견해다" (the subject's view).  ("…하겠다는
# 방침이다" is a plan the outlet reports as a fact, not a statement of its own.)
_KO_POSITION = led(r"(?<=다)는\s?(?P<verb>입장|견해)(?:이다|이었다|입니다|이었습니다)[.]?$")
# A quotation and the particle that makes it speech ("…"고 말했다, "…"며 요구했다).
# ("…"면서도 "…"고: "while" with "also", joining two quotations of one speaker)
_KO_QUOTED = re.compile(
    r"[\"“]([^\"“”]{2,})[\"”]\s?(?:이?라고|고|이?라며|며|(?:이?라)?면서도?|"
    # a stated position quoted ("…"는 입장을 냈다", "…"는 뜻을 밝혔다)
    r"(?:이?라)?는\s(?=(?:입장|뜻|방침|의견|견해|취지|주장)(?:을|를)\s))(?=\s|$|입|뜻|방|의|견|취|주)"
)
# What may stand between the quotative ending and the verb of saying: the day, whom the
# source spoke to and where ("…다고 17일 밝혔다", "…고 기자들에게 말했다",
# "…고 브리핑에서 설명했다").
# (the week or the month of the saying, "…라고 지난주 보도했다"; an institution spoken to takes
# 에, "…고 국회 정보위원회에 보고했다")
_KO_BETWEEN = (
    r"(?:(?:(?:지난|오는)\s?)?\d{1,2}일(?:\s?(?:오전|오후|새벽|밤|낮))?|이날|전날|어제|오늘|최근|"
    r"지난주|지난달|이번\s?주|이달|"
    r"거듭|재차|다시|또|앞서|공식|이같이|이렇게|[^\s\"“”]+(?:에게|한테)|[^\s\"“”]+(?:을|를)\s?통해|"
    r"[^\s\"“”]+에서|(?:[^\s\"“”]+\s)?[^\s\"“”]*(?:위원회|국회|의회|정부|당국|본부|기구)에)\s"
)
_KO_VERB = led(
    rf"(?:고|다고|라고|며|것으로|으로)\s*(?:{_KO_BETWEEN}){{0,3}}(?P<verb>{_KO_VERBS})[.]?$"
)
# "…다는 게 군 당국의 설명이다", "…라는 것이 합참의 분석이다": the statement, then whose
# explanation, analysis or view it is.
_KO_WHOSE_ACCOUNT = led(
    r"(?<=[다라])는\s?(?:게|것이)\s(?P<who>(?:[^\s\"“”]+\s){0,4}?[^\s\"“”]+?)의\s"
    r"(?P<verb>설명|분석|판단|주장|전망|지적|평가|관측|예상|추산|추정|견해)"
    r"(?:이다|이었다|입니다|이었습니다)[.]?$"
)
# "…고 국방부가 전했다": the source named right before the verb, after the statement.
# (the subject may carry the topic particle, "…라고 평가원은 설명했다", and the day or the
# listener may stand between it and the verb, "…다고 서울시가 17일 밝혔다"; a relative clause
# may describe it, "…고 역 앞에서 꽃집을 운영하는 이모씨가 말했다")
# (after a finding, "…달하는 것으로 국정원은 파악하고 있다"; no word of the name a verb of its own
# closing a quotative, "…했다고 설명했다고 윤 의원은 밝혔다": the speaker is the last words)
_KO_NAME_WORD = r"(?![^\s\"“”]*(?:다|라)고\s)[^\s\"“”]+"
_KO_TRAILING = led(
    rf"(?:(?<=[\"”다라냐자])고|것으로)\s+(?P<who>(?:{_KO_NAME_WORD}\s){{0,6}}?{_KO_NAME_WORD}?)"
    rf"(?:이|가|은|는)\s+(?:{_KO_BETWEEN}){{0,3}}(?P<verb>{_KO_VERBS})[.]?$"
)
# What the speaker closing the sentence passes on is itself said by another ("국정원은 …했다고
# 설명했다고 윤 의원은 밝혔다"): a verb of saying closing a quotative before the speaker.
_KO_EMBEDDED = led(rf"(?:{_KO_VERBS})고$")
# "윤 의원은 … 국정원으로부터 이같이 보고받았다고 전했다": the speaker was briefed by the body named
# and passes its briefing on (what the sentence before gave, when "이같이" points back).
_KO_BRIEFED = re.compile(
    r"(?:^|\s)(?P<by>[^\s\"“”]+?)(?:으로부터|로부터|에게서|한테서)\s"
    r"(?P<back>이같이\s|이렇게\s|이와\s?같이\s|이런\s내용을\s|이\s?같은\s내용을\s)?"
    r"(?:\S+\s)?(?:보고|설명|브리핑)(?:을|를)?\s?받았다고\s"
    rf"(?:{_KO_BETWEEN}){{0,3}}(?P<verb>{_KO_VERBS})[.]?$"
)
KO_BRIEFED = "보고받았다"
# A date right after the subject dates the saying ("국정원은 18일 … 밝혔다"), not the statement.
_KO_SAID_WHEN = led(
    r"(?:지난\s?|오는\s?)?\d{1,2}일(?:\s?(?:오전|오후|새벽|밤))?\s+|(?:어제|오늘)\s+"
)
# Where the saying happened ("보도자료를 통해", "정례 브리핑에서"): not what was said.
_KO_SAID_WHERE = re.compile(
    r"(?:\S+\s)?(?:보도자료|자료|성명|성명서|입장문|브리핑|기자회견|회견|간담회|인터뷰|SNS|페이스북)"
    r"(?:을|를)\s?통해\s+"
    r"|(?:\S+\s)?(?:브리핑|기자회견|회견|간담회|인터뷰|회의|국회|국정감사|방송|라디오)에서\s+"
)
_KO_SUBJECT = re.compile(r"^(?P<who>(?:\S+\s){0,9}?\S+?)(?:은|는|이|가)\s")
# The subject after a relative clause ending in "는": up to three words and a topic particle.
_KO_HEAD_AFTER = re.compile(r"(?P<who>(?:[^\s\"“,]+\s){0,2}?[^\s\"“,]+?)(?:은|는)\s")
# "국정원 보고를 인용해", "관계자의 말을 빌려": the cited party is the source, the subject a relay.
_KO_CITING = re.compile(
    r"(?P<cited>(?:\S+\s){0,3}?\S+?)(?:을|를)\s"
    r"(?:인용해|인용하여|인용한\s\S+에서|빌려|빌어)\s*"
)
# The verbs of saying, in the past (also plural) and the present of features and analyses.
_AR_SAY_VERBS = (
    r"(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أفاد|أفادت|صرح|صرحت|أشار|أشارت|"
    r"أوضح|أوضحت|أضاف|أضافت|كشف|كشفت|زعم|زعمت|حذر|حذرت|حذّر|حذّرت|لفت|لفتت|شدد|شددت|"
    r"اعتبر|اعتبرت|رأى|رأت|بين|بينت|نوه|نوهت|أقر|أقرت|ادعى|ادعت|نفى|نفت|أبلغ|أبلغت|"
    r"صرّح|صرّحت|أكّد|أكّدت|"
    # the plural of the past, and the present of features and analyses ("ويقول المزارعون إن")
    r"قالوا|أكدوا|أشاروا|أوضحوا|أضافوا|ذكروا|أفادوا|رأوا|اعتبروا|حذروا|كشفوا|أعلنوا|"
    r"يقول|تقول|يقولون|يؤكد|تؤكد|يؤكدون|يرى|ترى|يرون|يشير|تشير|يشيرون|يوضح|توضح|يضيف|تضيف|"
    r"يعتبر|تعتبر|يعتبرون|يتوقع|تتوقع|يتوقعون|يفيد|تفيد|يذكر|تذكر|يعتقد|تعتقد|يعتقدون|يحذر|"
    r"تحذر|يقدر|تقدر|يقدرون)"
)
# A relative pronoun or "وهو"/"وهي" opening a clause that describes a source.
_AR_RELATIVE = r"(?:الذي|التي|الذين|اللذان|اللتان|اللواتي|وهو|وهي|وهم)\s"
_AR_SAID = led(
    r"(?:^|\s)و?(?P<verb>" + _AR_SAY_VERBS + r")\s+"
    # (not a bare preposition before "that": "وشدد على أن" has no subject of its own)
    r"(?!(?:على|إلى|من|عن)\s+(?:إن|أن|بأن))"
    r"(?P<who>[^،,.:]+?(?:،\s*[^،,.:]{2,40}?،(?:\s+ل[^،,.:]{2,40}?)?"
    # a relative clause describing the speaker before the colon of a quotation ("وقالت الطالبة
    # سلمى، التي تدرس في الجامعة: «…»")
    r"|،\s*" + _AR_RELATIVE + r"[^،,.:«»]{2,80}?(?=\s*:))?)"
    r"(?:\s+(?:إلى\s+|من\s+|على\s+)?(?:إن|أن|بأن)(?:ه|ها|هم|هما)?\s|\s*:\s*)"
)
# "وكانت الوزارة قد أعلنت أن …", "وكان الوزير قد قال إن …": the pluperfect of a verb of saying,
# its subject between "كان" and "قد".
_AR_HAD_SAID = re.compile(
    r"(?:^|\s)و?(?:كان|كانت|كانوا|كانتا)\s+(?P<who>[^،,.:«»]{2,100}?)\s+قد\s+"
    r"(?P<verb>" + _AR_SAY_VERBS + r")"
    r"(?:\s+(?:إلى\s+|على\s+|من\s+)?(?:إن|أن|بأن)(?:ه|ها|هم|هما)?\s|\s*:\s*)"
)
# "نقلت X عن Y قوله إن …": Y said it, X passed it on; "قوله" (his saying) may be left out.
_AR_RELAYED = re.compile(
    r"(?:^|\s)و?(?P<verb>نقلت|نقل|أوردت|أورد|روت|روى|نسبت|نسب)\s+(?P<relay>[^،,.:]+?)"
    r"\s+(?:عن|إلى)\s+"
    r"(?P<who>[^،,.:]+?)\s*(?:،\s*)?"
    r"(?:(?:قوله|قولها|قولهم|قولهما|القول)\s*(?:إن|أن|بأن)?(?:ه|ها|هم|هما)?(?:\s|:\s*)"
    r"|(?:إن|أن|بأن)(?:ه|ها|هم|هما)?\s|:\s*)"
)
# A speech verb with no subject of its own: the speaker last named goes on ("وأضاف أن").
_AR_ADDED = led(
    r"و?(?P<verb>أضاف|أضافت|تابع|تابعت|أوضح|أوضحت|أكد|أكدت|قال|قالت|يضيف|تضيف|يتابع|تتابع|"
    r"أشار|أشارت|لفت|لفتت|شدد|شددت|شدّد|شدّدت|نوه|نوهت|بين|بينت|كشف|كشفت|حذر|حذرت|حذّر|حذّرت)"
    r"(?:\s+(?:إلى|على))?"
    r"(?:\s+(?:أن|إن|بأن)(?:ه|ها)?\s|\s*:\s*)"
)
# "who asked not to be named": said of a source, not a name.
_ANONYMOUS = led(
    r"،?\s*(?:طلب|طلبت|فضل|فضلت|رفض|رفضت)\s+(?:عدم\s+(?:ذكر|الكشف\s+عن)|الكشف\s+عن)\s+"
    r"(?:اسمه|اسمها|هويته|هويتها)\s*،?"
    r"|,?\s*(?:пожелавш\w+|попросивш\w+)\s+не\s+называть\s+(?:его|ее|её)?\s*(?:имя|имени)\s*,?"
)
# "وقدرت الحكومة الخسائر بنحو …": an estimate with no "that"; verb, subject, then the rest.
# The subject is one definite word ("الحكومة") or a construct ("وزارة الصحة").
_AR_ESTIMATED = led(
    r"(?:^|\s)و?(?P<verb>قدرت|قدر|قدّرت|قدّر|توقعت|توقع|رجحت|رجح|أحصت|أحصى|يقدر|تقدر|يقدرون|"
    r"يتوقع|تتوقع|يتوقعون|يرجح|ترجح)\s+"
    r"(?P<who>ال\S+|(?!ال)\S+\s+ال\S+)\s+"
)
# "وأعلن الجيش عن مقتل …", "وأكدت مصادر طبية وصول …": a verb of saying, its subject, and a
# verbal noun for what happened (no "أن").
# (the day of the announcing may stand between the subject and the verbal noun: "أعلنت الشركة
# أمس خفض …", "أعلن الجيش مساء الأحد …"; it dates the saying, not what was announced)
_AR_ANNOUNCED = re.compile(
    r"(?:^|\s)و?(?P<verb>أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أفاد|أفادت|نفى|نفت)\s+"
    r"(?P<who>[^،,.:]{2,80}?)\s+"
    r"(?:(?:(?:يوم|مساء|صباح|ليلة|فجر)\s+)?(?:أمس|اليوم|الإثنين|الاثنين|الثلاثاء|الأربعاء|"
    r"الخميس|الجمعة|السبت|الأحد)\s+)?(?:عن\s+)?"
    r"(?=(?:مقتل|إصابة|وصول|سقوط|ارتفاع|تراجع|انخفاض|وقوع|نزوح|اعتقال|تدمير|إطلاق|مصرع|استشهاد|"
    r"فقدان|اختفاء|إغلاق|فتح|تعليق|استئناف|تسجيل|إجلاء|انتشال|وفاة|ضبط|إسقاط|"
    # what a body announces it will do: cuts, rises, stops, delays, bans
    r"خفض|تخفيض|تقليص|رفع|زيادة|إلغاء|تأجيل|بدء|وقف|منع|حظر|تمديد|إنهاء|توقف|تعيين|إقالة|"
    r"استقالة)\s)"
)
# A quotation first, then its speaker: "«…»، قال أبو سمير، وهو صائغ …".
_AR_QUOTE_FIRST = re.compile(
    r"^[«“\"](?P<q>[^»”\"]{2,})[»”\"]\s*،?\s*و?(?P<verb>قال|قالت|أضاف|أضافت|تابع|تابعت|يقول|"
    r"تقول|أكد|أكدت)\s+(?P<who>[^،,.:«»]{2,60})"
)
# "بحسب ما نقلت X": as X passed it on.
_AS_RELAYED = re.compile(
    r"^ما\s+(?:نقلت|نقله|نقلته|ذكرت|ذكره|ذكر|أفادت|أفاد|أوردت|أورده|أعلنت|أعلن|أعلنته|قالت|قال|"
    r"أكدت|أكد|صرحت|صرح|أوضحت|أوضح)\s+(?:به\s+|عنه\s+)?"
)


@lru_cache(maxsize=1024)
def _drop_time(who: str) -> str:
    """*who* without a date expression it runs into ("в среду агентство", "kommunen onsdag")."""
    from db.assist.date_words import has_time_word
    from db.assist.dates import extract_dates

    if not has_time_word(who):
        return who.strip(" ,،")

    for d in extract_dates(who):
        if d.start == 0:
            who = who[d.end :]
        else:
            who = who[: d.start]
        break
    return who.strip(" ,،")


def _who(raw: str, cue: str = "") -> tuple[str, tuple[str, ...]]:
    """The source's words cleaned, and the relays a citing phrase inside them names."""
    who = _drop_time(raw.strip())
    relays: tuple[str, ...] = ()
    citing = _CITING.search(who)
    if citing:
        relay = _who(who[: citing.start()])[0]
        who = _DOCUMENT.sub("", who[citing.end() :])
        relays = (relay,) if relay else ()
    who = _ANONYMOUS.sub("", who)
    who = _DOCUMENT.sub("", who)  # "en opgørelse fra Danmarks Statistik": its author
    owned_by = _AR_DOCUMENT_OF.match(who)
    if owned_by:  # "الحسابات الفلكية للمعهد": the institute ("لل": the article after "ل")
        who = "ا" + owned_by.group("owner")
    if "،" in who:  # "المتحدث باسم الوزارة، خالد منصور،": the person named
        parts = [
            p.strip()
            for p in who.split("،")
            if p.strip()
            and not _AR_LISTENER.match(p.strip())
            and not _AR_CIRCUMSTANCE.match(p.strip())  # "في حديث لوكالة الأنباء": how it was said
            and not re.match(_AR_RELATIVE, p.strip())  # "التي تدرس في …": what the source is
        ]
        who = parts[-1] if parts else who
    role_of = _ROLE_AT_BODY_NAME.fullmatch(who)
    if role_of:  # "direktør i Boligsiden Birgitte Wulff": the person at the end
        who = role_of.group("name")
    cut = _AFTER_NAME.search(who)
    if cut and cut.start() > 0:
        who = who[: cut.start()]
    who = _LEADING.sub("", who)
    who = _LISTENER_FIRST.sub("", who)
    who = _TRAILING_ADVERB.sub("", who)
    if " " in who:
        who = _RU_LISTENER_AFTER.sub("", _RU_OCCASION_AFTER.sub("", who))
        from_place = _RU_FROM_AFTER_NAME.search(who)
        if from_place and who[: from_place.start()].count(" ") >= 1:
            who = who[: from_place.end("last")]
    who = _PREPOSITION.sub("", who)
    if cue.endswith("ل") and who.startswith("ل"):
        who = "ا" + who  # "وفقا للهلال": the article's alif is dropped after the preposition
    who = who.strip(' ,،"“”')
    if who.count("«") != who.count("»"):
        who = who.strip("«»")
    return who, relays


_APPOSITIVE = re.compile(r"(?P<a>[^,«»“”\"]{2,80}),\s*(?P<b>[^,«»“”\"]{2,60}?),\s*$")


def _appositive(head: str) -> tuple[str, int]:
    """The subject of a verb written after an appositive ("Formanden for X, Lars Bo, kalder"):
    the name between the commas when it is capitalised, else the description; with its offset
    in *head*.  A head without that form is returned whole, with the offset -1."""
    if not head.rstrip().endswith(","):
        return head, -1
    base = max(0, len(head) - 160)  # the subject is near the verb: a bounded search
    m = _APPOSITIVE.search(head, base)
    if m and _ASIDE.match(m.group("b")):
        # "Представитель компании, пожелавший остаться анонимным, сообщил": an aside describing
        # the subject, which comes before it
        return m.group("a"), m.start("a")
    if m is None:
        # "В компании «Волна», которая кормит около 11 тыс. школьников в 46 школах, заявили":
        # a longer relative clause about a subject that may hold a name in guillemets
        aside = _LONG_ASIDE.search(head, base)
        if aside:
            return aside.group("a"), aside.start("a")
    if not m or not m.group("b")[:1].isupper():
        return head, -1
    return m.group("b"), m.start("b")


_LONG_ASIDE = re.compile(
    r"(?P<a>(?:[^,«»“”\"]|«[^«»]{1,40}»){2,80}),\s*(?:который|которая|которое|которые)\s"
    r"(?:[^,«»“”\"]|«[^«»]{1,40}»){2,140}?,\s*$"
)
# A participle or a relative pronoun opening an aside about the subject.
_ASIDE = re.compile(
    r"\s*(?:[а-яё]+(?:вший|вшая|вшее|вшие|щий|щая|щее|щие)|который|которая|которое|которые|"
    r"der|som|hvis)\s",
)


def _previous_sentence(text: str, start: int) -> Span | None:
    """The sentence before the one starting at *start*: in the same paragraph, or, for a
    sentence opening its paragraph ("Det oplyser X." after the lead), the last sentence of the
    paragraph before when that ends as a sentence does (not a heading or a header line)."""
    spans, starts = _sentence_index(text)
    i = bisect.bisect_left(starts, start) - 1
    if i < 0:
        return None
    if "\n" in text[spans[i].end : start]:
        before = text[spans[i].start : spans[i].end].rstrip()
        if text[spans[i].end : start].count("\n") > 3 or not before.endswith(_SENTENCE_ENDS):
            return None
    return spans[i]


_SENTENCE_ENDS = (".", "!", "?", "»", "”", '"')


@lru_cache(maxsize=2)
def _sentence_index(text: str) -> tuple[tuple[Span, ...], list[int]]:
    """The sentences of *text* and their starts, read once for the cues that point back."""
    spans = tuple(sentences(text))
    return spans, [sp.start for sp in spans]


def _first_subject(who: str) -> str:
    """A capitalised subject before a first verb of its own: 'Dansk Sygeplejeråd kalder planen
    "uansvarlig" og' (anslår) is Dansk Sygeplejeråd's."""
    if not re.search(r"\s(?:og|und|and)$|[\"“”]", who) or not who[:1].isupper():
        return who
    if not re.fullmatch(r"[\sA-Za-zÀ-ÿ&\"“”'’.-]+", who):
        return who  # Latin-script names only
    words = who.split()
    lead = []
    for word in words:
        if word[:1].isupper() or word == "&":
            lead.append(word)
        else:
            break
    return " ".join(lead) if lead else who


# A genitive ending ("DSB's", "Banedanmarks", "Kommunens") before what the owner has.
_GENITIVE = led(r"(?:['’]s|(?<=[^\Ws])s)(?=\s*$)")
# What an owner in the genitive has: a person by role or a document or figures, the head of a
# Danish compound last ("trafikdirektør", "egne tal", "nye opgørelse").
_OWNED = led(
    r"(?:\s+(?:egne|eget|nye|nyeste|seneste|foreløbige|officielle))?\s+(?:"
    r"(?P<role>\w*(?:direktør|formand|forkvinde|talsmand|talskvinde|talsperson|chef|leder|"
    r"minister|ordfører|borgmester|ekspert|eksperter|økonom|analytiker|forsker|medarbejder)e?)"
    r"|(?P<document>\w*(?:tal|opgørelse|opgørelser|beregning|beregninger|oplysninger|analyse|"
    r"rapport|undersøgelse|data|prognose|skøn|vurdering|statistik|optælling)))(?!\w)"
)
# A name set off by commas right after the description it names ("…direktør, Anne Bro, …").
_APPOSED_NAME = re.compile(
    r"\s*,\s*(?P<name>[A-ZÆØÅА-ЯЁ][\w’'-]+(?:\s+[A-ZÆØÅА-ЯЁ][\w’'-]+){1,2})\s*,\s*"
)


def _v2_subject(rest: str) -> int:
    """End of the noun phrase after "ifølge"/"laut" in a verb-second clause: role words, then
    capitalised words, up to the first lower-case word after them (the verb)."""
    end = 0
    seen_capital = False
    for i, m in enumerate(re.finditer(r"\S+", rest)):
        word = m.group(0)
        number = word.isdigit() and len(word) <= 2 and seen_capital  # "TV 2"
        nxt_word = re.match(r"\s+(\S+)", rest[m.end() :])
        linking = word in ("for", "i", "af", "under") and seen_capital and bool(nxt_word)
        if linking and nxt_word and nxt_word.group(1)[:1].isupper():
            continue  # "Rådet for Bæredygtigt Byggeri": a link inside the name
        if word[:1].isupper() or number or (word in ("&", "og") and seen_capital):
            seen_capital = seen_capital or word[:1].isupper()
            end = m.end()
        elif seen_capital:
            break
        else:
            end = m.end()
            if i < 3 and len(word) >= 5 and re.search(r"\w(?:et|en|ne|er)$", word):
                # a noun with its definite or plural ending ("politiet", "flere eksperter")
                # closes the phrase, unless capitalised words follow ("ministeriet Forsvaret")
                nxt = re.match(r"\s+(\S+)", rest[m.end() :])
                if nxt and nxt.group(1) in ("fra", "von", "hos"):
                    continue  # "oplysninger fra Beredskabsstyrelsen": the author follows
                if not nxt or not nxt.group(1)[:1].isupper():
                    break
    return end


# Letters of the Latin and Cyrillic scripts (and with the Arabic script's), one of which opens
# every match of the cues read only where the sentence has one (a Korean sentence has none).
_LATIN_CYRILLIC = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff\u1c80-\u1c88\u212a]")
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff\u0600-\u06ff\u1c80-\u1c88\u212a]")


_CLAUSE_STOP = re.compile(r"[,،:;]")


def foreign_cues(text: str, sent: Span) -> list[Cue]:
    """Cues in one sentence of *text*."""
    s, e = sent.start, sent.end
    body = text[s:e]
    out: list[Cue] = []
    letters = _LETTERS.search(body) is not None
    latin_cyrillic = letters and _LATIN_CYRILLIC.search(body) is not None
    for m in _PREFIX.finditer(body) if letters else ():
        rest = body[m.end() :]
        stop = _CLAUSE_STOP.search(rest)
        verb = _V2_VERB.search(rest)
        end = min(x for x in (stop.start() if stop else None, verb.start() if verb else None,
                              len(rest)) if x is not None)  # fmt: skip
        cue = m.group("cue").casefold()
        owned, owner = None, ""
        pronoun_after = _OBJECT_PRONOUN.match(rest)
        if pronoun_after:  # "ifølge hende dækker det …": the person last named
            end = pronoun_after.end()
        elif cue in ("ifølge", "iflg.", "laut"):  # verb-second: the verb follows the source
            end = min(end, _v2_subject(rest)) or end
            owned = _OWNED.match(rest, end)
            genitive = _GENITIVE.search(rest, 0, end) if owned else None
            if owned and genitive:
                owner = rest[: genitive.start()].strip()
                end = owned.end()  # "ifølge Banedanmarks trafikdirektør": the director
            else:
                owned = None
        apposed = _APPOSED_NAME.match(rest, end)
        relayed = _AS_RELAYED.match(rest[:end])
        who, relays = _who(rest[relayed.end() if relayed else 0 : end], cue)
        if apposed and re.search(r"(?<![\w-])[a-zа-яё]", rest[:end]):
            # "ifølge selskabets direktør, Anne Bro, …", "по словам главы ведомства, Ивана
            # Орлова, …": the name set off after a description is who speaks
            who, relays, end = apposed.group("name"), (), apposed.end()
        elif owned and owned.group("document"):
            # "ifølge DSB's egne tal": the figures' owner
            who = _who(owner)[0]
        if _AR_AS_PUT.match(" " + body[m.start() :]):
            continue  # "بحسب قوله": as he put it, read with the Arabic cues
        pronoun = _POSSESSIVE_CUE.search(cue)
        if pronoun:  # "По его словам, …": the person last named speaks on
            who, relays, end = _POSSESSIVE_PRONOUNS[pronoun.group(0)], (), 0
            previous = _previous_sentence(text, s) if _RU_DOCUMENT_CUE.search(cue) else None
            taken_up = (
                russian.body_taken_up(text[previous.start : previous.end], pronoun.group(0))
                if previous is not None
                else ""
            )
            if taken_up:
                # "X штаб … подтвердил обмен. По его данным, …": the body the sentence before
                # opened on, its figures
                who = taken_up
        if not who or len(who) > 80:
            continue
        set_off = _SET_OFF_SUBJECT.fullmatch(body[: m.start()])
        if (
            cue.startswith("как")
            and set_off
            and stop
            and stop.group(0) == ","
            and not _RECKONS.search(cue)  # "Урожай, как ожидают в ведомстве, …": no relay
            # ("Бригады, как заверили в штабе, работают …": the staff says so of the crews;
            # only an outlet passing on, "как передаёт ТАСС", leaves the subject acting)
            and not _ASIDE_SPEAKS.match(cue)
        ):
            # "Роспотребнадзор, как передаёт ТАСС, отобрал …": the subject acts, the outlet
            # named in the aside passes it on
            named = _who(set_off.group("who"))[0]
            if named:
                who, relays = named, (who, *relays)
        after = m.end() + end
        cited = _CITED_ASIDE.match(body, after)
        if cited:  # "Как пишет «Коммерсантъ», ссылаясь на оценку X, …": X, the outlet a relay
            named = _who(_DOCUMENT.sub("", cited.group("who")))[0]
            if named:
                who, relays, after = named, (who, *relays), cited.end()
        passed_on = _RU_WHICH_GIVES.match(body, after)
        if passed_on:  # "По данным X, которые приводит агентство Y, …": X's, Y passing it on
            relay = _who(passed_on.group("who"))[0]
            if relay:
                relays, after = (*relays, relay), passed_on.end()
        then = _AR_THEN.match(body, after)
        if then:  # "وبحسب X، فإن …": the statement after "فإن"
            after = then.end()
        before = body[: m.start()].strip()
        rest = body[after:].strip(" ,.!?،")
        relative = _RU_RELATIVE_BEFORE.search(before) if cue.startswith("как") else None
        if relative and len(rest.split()) >= 2:
            # "… режим, который, как пояснили в мэрии, будет действовать …": the relative
            # clause the aside stands in, not the main clause before it
            c_start, c_end = s + relative.start("rel"), e
        elif len(before.split()) <= 1 or _CLAUSE_CONJUNCTION.search(before):
            # ("…, men ifølge hende dækker det …": the clause the cue opens, not the one before)
            c_start, c_end = s + after, e
        elif len(rest.split()) >= 2:  # "Der er ifølge politiet tale om …": the whole clause
            c_start, c_end = s, e
        else:
            c_start, c_end = s, s + len(body[: m.start()].rstrip(" ,"))
        out.append(Cue(c_start, c_end, who, cue, s + m.start(), s + after, relays))
    coordinated: list[re.Match[str]] = []
    for m in _SUBJECT_VERB.finditer(body) if latin_cyrillic else ():
        if _THAT_ONLY.match(m.group("verb")) and m.group("that") == ",":
            continue
        if _NEGATED.search(body, max(0, m.start() - 4), m.start()):
            continue  # "никто не объяснил": nothing said
        head = _LISTENER_LAST.sub("", body[: m.start()])  # "В пресс-службе «Интерфаксу» сообщили"
        head = _RU_LISTENER_FIRST.sub("", head)  # "Журналистам он сообщил, что …"
        head = _PARENTHETICAL.sub(" ", head)  # "Экологи, в свою очередь, опасаются"
        if _COORDINATED.search(head):  # "X kalder … og kræver, at": X's second verb, read below
            coordinated.append(m)
            continue
        named, offset = _appositive(head)
        cited_by = _RU_CITED_BY.match(head) or _RU_SUBJECT_ASIDE.match(head)
        if cited_by:
            # "Источник, на которого ссылается издание X, утверждает, что …": the source the
            # clause describes, the outlet citing it a relay
            named, clause_start = cited_by.group("who"), 0
        elif offset >= 0:
            clause_start = offset
        else:
            clause_start = max(head.rfind(","), head.rfind("«"), head.rfind("»"), -1) + 1
            named = head[clause_start:]
        who, relays = _who(named.strip(" —–-"))
        who = _first_subject(who)
        if cited_by and who and cited_by.group("relay"):
            # ("опрошенные изданием «X»": the outlet's name, not the noun in the instrumental)
            quoted_name = _GUILLEMET_NAME_ONLY.search(cited_by.group("relay"))
            relay = quoted_name.group(0) if quoted_name else _who(cited_by.group("relay"))[0]
            relays = (*relays, relay) if relay else relays
        if not who or len(who.split()) > 8:
            continue
        out.append(Cue(s + m.end(), e, who, m.group("verb"), s + clause_start, s + m.end(), relays))
    estimates = (
        (*_PROMISE.finditer(body), *_OBJECT_ESTIMATE.finditer(body)) if latin_cyrillic else ()
    )
    for m in estimates:
        if _COORDINATED.search(body[: m.start()]):  # "X kalder … og kræver, at": X's
            coordinated.append(m)
            continue
        head = _appositive(_LEADING.sub("", body[: m.start()].strip() + " "))[0].strip()
        if not head[:1].isupper() or re.search(r"[,،:;«»“”\"]", head) or len(head.split()) > 6:
            continue
        who, relays = _who(head)
        if who:
            head_start = s + max(0, body.find(head))
            out.append(Cue(s + m.end(), e, who, m.group("verb"), head_start, s + m.end(), relays))
    for m in _CALLS.finditer(body) if latin_cyrillic else ():
        head = _appositive(_LEADING.sub("", body[: m.start()].strip() + " "))[0].strip()
        bare = _GUILLEMET_NAME.sub("X", head)  # (a name in guillemets is one word of it)
        if not head[:1].isupper() or re.search(r"[,،:;«»“”\"]", bare) or len(bare.split()) > 6:
            continue
        rest = body[m.end() :]
        quoted = re.match(r"[^\"“«„»]{0,40}[\"“«„»][^\"“”«»„]{2,80}[\"”»“«]", rest)
        if not quoted and m.group("verb").startswith("наз"):
            # "назвала ситуацию форс-мажорной", "назвал решение ошибкой": what it is called in
            # the instrumental, no quotation marks
            quoted = _RU_CALLED_AS.match(rest)
        if not quoted:
            continue  # a name given, not a judgement ("kalder sig", "назвал имя")
        stop = _CALLED_END.search(rest, quoted.end())
        end = s + m.end() + (stop.start() if stop else len(rest))
        who, relays = _who(head)
        if who:
            head_start = s + max(0, body.find(head))
            out.append(Cue(s + m.end(), end, who, m.group("verb"), head_start, s + m.end(), relays))
    mids = _VERB_MID.finditer(body) if _THAT_AFTER_COMMA.search(body) else iter(())
    inverted = _DA_INVERTED_SUBJECT.match(body)
    for m in mids:
        if inverted and m.start("verb") == inverted.start("verb"):
            continue  # "Hos X peger Y på, at": Y, after the verb, is the subject
        mid = m.group("mid")
        citing = _CITING.match(" " + mid)
        head = body[: m.start()]
        named, offset = _appositive(head)
        if offset < 0:  # the clause's subject; a name in guillemets ("Газета «Ведомости»") whole
            offset = head.rfind(",") + 1
            named = head[offset:]
        if _PREFIX.match(named.strip(" —–-")):
            continue  # "Ifølge X viste prøver, at …": X's account, read with its cue above
        subject, relays = _who(named.strip(" —–-"))
        subject = _first_subject(subject)
        if not subject or len(subject.split()) > 8 or not re.search(r"\w", subject):
            continue
        if citing:  # the cited party is the source, the subject passed it on
            who = _who(_DOCUMENT.sub("", mid[citing.end() - 1 :]))[0]
            if not who:
                continue
            relays = (subject, *relays)
        else:
            who = subject
        out.append(Cue(s + m.end(), e, who, m.group("verb"), s + offset, s + m.end(), relays))
    for m in coordinated:
        earlier = [c for c in out if c.cue_start < s + m.start() and c.raw]
        if earlier:
            first = min(earlier, key=lambda c: c.cue_start)
            out.append(Cue(s + m.end(), e, first.raw, m.group("verb"), first.cue_start,
                           s + m.end(), first.relays))  # fmt: skip
        elif _RU_PAST.search(m.group("verb")):
            # "МИД в заявлении поблагодарил обе стороны и сообщил, что …": the subject opening
            # the sentence, before the first verb agreeing with this one
            subject = russian.opening_subject(body[: m.start()], m.group("verb"))
            who, relays = _who(subject) if subject else ("", ())
            if who:
                out.append(Cue(s + m.end(), e, who, m.group("verb"), s, s + m.end(), relays))
    impersonal = _RU_IMPERSONAL.match(body)
    if impersonal and not any(abs(c.start - s - impersonal.end()) <= 2 for c in out):
        who = _who(impersonal.group("who"))[0]
        if who:
            out.append(Cue(s + impersonal.end(), e, who, impersonal.group("verb"), s,
                           s + impersonal.end()))  # fmt: skip
    recorded = _RECORDED.search(body)
    if recorded:
        who = _who(recorded.group("after") or recorded.group("before"))[0]
        if who:
            counted = recorded.group("verb")
            out.append(Cue(s, e, who, counted, s + recorded.start(), s + recorded.end()))
    if inverted:
        who, relays = _who(inverted.group("who"))
        if who:
            out.append(Cue(s + inverted.end(), e, who, inverted.group("verb"),
                           s + inverted.start("verb"), s + inverted.end(), relays))  # fmt: skip
    follows = _FOLLOWS_FROM.match(body)
    if follows:
        who, relays = _who(follows.group("who"))
        by = _PUBLISHED_BY.match(body, max(0, body.rfind(",", 0, follows.end())))
        if by:  # "… en opgørelse, som Miljøstyrelsen offentliggjorde": the document's author
            who = _who(by.group("who"))[0]
        rest = body[by.end() if by else follows.end() :]
        previous = _previous_sentence(text, s)
        if who and not _THAT_CLAUSE.search(rest) and previous is not None:
            # "Det fremgår af X." with no "at" of its own: X says what the sentence before says
            out.append(Cue(previous.start, previous.end, who, "fremgår", s, e, relays))
        elif who:
            out.append(Cue(s + follows.end(), e, who, "fremgår", s, s + follows.end(), relays))
    said_in = _SAID_IN.match(body)
    if said_in and said_in.group("who").split()[0].casefold() in _NO_OWNER:
        said_in = None  # "В документе также указано, …": the document cited before
    if said_in:  # "В сообщении МЧС говорится, что …": the ministry
        who, relays = _who(said_in.group("who"))
        if who:
            out.append(Cue(s + said_in.end(), e, who, said_in.group("verb"), s, s + said_in.end()))
    said_after = _SAID_IN_AFTER.search(body)
    if said_after and said_after.start() > 8:
        who, _ = _who(said_after.group("who"))
        if who:
            out.append(
                Cue(s, s + said_after.start(), who, "говорится в", s + said_after.start(), e)
            )
    says = _THAT_SAYS.match(body)
    if says:
        previous = _previous_sentence(text, s)
        who, relays = _who(says.group("who"))
        by = _PUBLISHED_BY.match(says.group("who"), len(says.group("who").split(",")[0]))
        if by and _FIGURES_DOCUMENT.match(says.group("who")):
            # "Det viser nye tal, som ministeriet har offentliggjort.": who published them
            who, relays = _who(by.group("who"))[0], ()
        if previous is not None and who:
            verb_said = says.group("verb")
            out.append(Cue(previous.start, previous.end, who, verb_said, s, e, relays))
    inv = _INVERTED.search(body)
    if inv and _DE_LISTENER_FIRST.match(inv.group("who")):
        inv = None  # "X, sagte der „Rundschau“, …": whom X spoke to, then what X said
    if inv and _QUOTATION_AFTER_COLON.match(inv.group("who")):
        inv = None  # "X, …, заявил журналистам: «…»": the quotation after the colon is X's
    if inv and not re.search(r",\s*(?:что|що|at|dass)\s", inv.group("who")):
        named = inv.group("who")
        rest_quoted = _COLON_THEN_QUOTE.search(named)
        if rest_quoted:  # "«…», — сказала она: «…»": the speaker, then the rest of the quotation
            named = _RU_LISTENER_AFTER.sub("", named[: rest_quoted.start()])
        who, relays = _who(named)
        if who[:1].isupper():  # "siger Anne Holm, direktør i X": the name, then what she is
            who = _DESCRIPTION_AFTER.sub("", who)
        # ("— сказал житель Твери Олег Сомов, пришедший на собрание": the participle describes
        # the speaker, no part of the name)
        who = _RU_PARTICIPLE_AFTER.sub("", who)
        if who and len(who.split()) <= 10:
            out.append(Cue(s, s + inv.start(), who, inv.group("verb"), s + inv.start(), e, relays))
    if _HANGUL.search(body):
        out += _korean_cues(body, s, e)
        out += _korean_closing_quote(text, body, s)
    if _ARABIC.search(body):
        out += _arabic_cues(body, s, e)
    return out


def _korean_cues(body: str, s: int, e: int) -> list[Cue]:
    """The cues of a Korean sentence ``body`` starting at *s* and ending at *e*."""
    out: list[Cue] = []
    ko = _KO_ACCORDING.search(body) if _KO_ACCORDING_WORDS.search(body) else None
    trailing = _KO_TRAILING.search(body)
    briefed = _KO_BRIEFED.search(body) if "받았다고" in body else None
    if briefed:
        # "윤 의원은 … 국정원으로부터 이같이 보고받았다고 전했다": no statement of its own; the body
        # that briefed is the source of what the speaker passes on, the speaker its relay
        stripped = _LEADING.sub("", body[: briefed.start("by")] + " ")
        subject = _ko_subject(stripped)
        if subject is not None:
            lead = len(body) - len(_LEADING.sub("", body))
            speaker = _ko_head(re.sub(r"\s?측$", "", subject.group("who")))
            by = _who(briefed.group("by"))[0]
            cue = KO_BRIEFED + (" 이같이" if briefed.group("back") else "")
            return [Cue(e, e, by, cue, s + lead, s + lead + subject.end(), (speaker,))]
    explained = _KO_WHOSE_ACCOUNT.search(body) if not ko and not trailing else None
    if explained:
        # "…넘었다는 게 군 당국의 설명이다": what comes before is the account of the one named
        who = _ko_head(_who(explained.group("who"))[0])
        if who:
            return [
                Cue(s, s + explained.start(), who, explained.group("verb"),
                    s + explained.start("who"), e)
            ]  # fmt: skip
    if ko:
        raw = ko.group("author") or ko.group("who") or ko.group("tally") or ko.group("title")
        who = _KO_DOCUMENT.sub("", re.sub(r"\s?측$", "", _who(raw)[0]))
        rest = body[ko.end() :]
        verb = _KO_VERB.search(rest)
        inner = _ko_subject(rest) if verb else None
        if (
            inner is not None
            and verb is not None
            and verb.start() > inner.end()
            # (a body named as the topic, not a share of those asked answering a survey: "…
            # 결과에 따르면 학생의 37.6%가 …고 답했다" is the survey's)
            and inner.group(0).endswith(("은 ", "는 "))
            and not re.search(r"\d", inner.group("who"))
            and not verb.group("verb").startswith(("답했", "응답했"))
        ):
            # "윤 의원에 따르면 국정원은 …고 보고했다": the body the account names says it, the one
            # whose account it is passes it on
            nested = _korean_subject_cues(rest, s + ko.end(), verb)
            if nested:
                return [replace(c, relays=(*c.relays, who)) for c in nested]
        out.append(Cue(s + ko.end(), e, who, "에 따르면", s + ko.start(), s + ko.end()))
    elif trailing:
        who = _ko_head(_who(trailing.group("who"))[0])
        said = body[: trailing.start("who")].rstrip()
        # (only the words before the speaker are read, and only when they close a quotative)
        embedded = _KO_EMBEDDED.search(said, max(0, len(said) - 24)) if said[-1:] == "고" else None
        verb = _KO_VERB.search(said[:-1]) if embedded else None
        nested = _korean_subject_cues(said[:-1], s, verb) if verb else []
        if nested:
            # "국정원은 …했다고 설명했다고 윤 의원은 밝혔다": the opening subject said it, the
            # speaker closing the sentence passes it on
            return [replace(c, relays=(*c.relays, who)) for c in nested]
        inner = _KO_TRAILING.search(said[:-1]) if embedded else None
        if inner is not None:
            # "…있다고 국정원은 봤다고 윤 의원은 설명했다": the body named before the first verb
            # judged it, the speaker closing the sentence passes it on
            return [
                Cue(s, s + inner.start("who"), _ko_head(_who(inner.group("who"))[0]),
                    inner.group("verb"), s + inner.start("who"), e, (who,))
            ]  # fmt: skip
        out.append(
            Cue(s, s + trailing.start("who"), who, trailing.group("verb"),
                s + trailing.start("who"), e)
        )  # fmt: skip
    else:
        verb = _KO_VERB.search(body) or _KO_NOUN_CLAUSE.search(body) or _KO_POSITION.search(body)
        if verb or _KO_QUOTED.search(body):
            out += _korean_subject_cues(body, s, verb)
    return out


# "…، على حد قوله": as he put it — the speaker last named says what comes before.
_AR_AS_PUT = led(
    r"،?\s*(?:على\s+حد|حسب|بحسب|وفق)\s+(?P<w>قوله|قولها|قولهم|تعبيره|تعبيرها|تعبيرهم|"
    r"وصفه|وصفها|وصفهم)(?=[\s.،]|$)"
)
_AR_PUT_PRONOUN = {"ها": "هي", "هم": "هم"}


def _arabic_cues(body: str, s: int, e: int) -> list[Cue]:
    """The cues of an Arabic sentence ``body`` starting at *s* and ending at *e*."""
    out: list[Cue] = []
    put = _AR_AS_PUT.search(body)
    if put:
        pronoun = _AR_PUT_PRONOUN.get(put.group("w")[-2:], "هو")
        rest = body[put.end() :].strip(" .،")
        c_end = e if rest else s + put.start()
        out.append(Cue(s, c_end, pronoun, "على حد قوله", s + put.start(), s + put.end()))
    said = _AR_SAID.search(body) or _AR_HAD_SAID.search(body)
    announced = _AR_ANNOUNCED.search(body)
    if announced and not said:
        who = _who(announced.group("who"))[0]
        if who:
            out.append(
                Cue(s + announced.end(), e, who, announced.group("verb"), s + announced.start(),
                    s + announced.end())
            )  # fmt: skip
    estimated = _AR_ESTIMATED.search(body)
    if estimated and not said:
        who = _who(estimated.group("who"))[0]
        out.append(
            Cue(s + estimated.end(), e, who, estimated.group("verb"), s + estimated.start(),
                s + estimated.end())
        )  # fmt: skip
    added = _AR_ADDED.match(body)
    if added and not said:  # "وأضاف أن …": the speaker of the sentence before
        pronoun = "هي" if added.group("verb").endswith("ت") else "هو"
        out.append(Cue(s + added.end(), e, pronoun, added.group("verb"), s, s + added.end()))
    quoted = _AR_QUOTE_FIRST.match(body)
    if quoted and not said:  # "«…»، قال أبو سمير": the quotation is the speaker's
        who = _who(quoted.group("who"))[0]
        if who:
            out.append(
                Cue(s + quoted.start("q"), s + quoted.end("q"), who, quoted.group("verb"),
                    s + quoted.start("verb"), s + quoted.end())
            )  # fmt: skip
    relayed = _AR_RELAYED.search(body)
    ar = None if relayed else said
    if relayed:
        who, relays = _who(relayed.group("who"))
        relay = _who(relayed.group("relay"))[0]
        out.append(
            Cue(s + relayed.end(), e, who, relayed.group("verb"), s + relayed.start(),
                s + relayed.end(), (*relays, relay) if relay else relays)
        )  # fmt: skip
    if ar and not _AR_DOCUMENT_ONLY.fullmatch(ar.group("who").strip()):
        who, relays = _who(ar.group("who"))
        out.append(
            Cue(s + ar.end(), e, who, ar.group("verb"), s + ar.start(), s + ar.end(), relays)
        )
    return out


_KO_CASE_ENDING = re.compile(r"(?:을|를|에|에서|으로|로|와|과|에게|의)$")


def _ko_head(who: str) -> str:
    """The subject without a relative clause before it ("자녀를 둔 학부모 …": the parent)."""
    words = who.split()
    for i in range(len(words) - 2, 0, -1):
        last = words[i][-1]
        adnominal = "\uac00" <= last <= "\ud7a3" and (ord(last) - 0xAC00) % 28 in (4, 8)
        if adnominal and _KO_CASE_ENDING.search(words[i - 1]):
            # "…를 둔", "…에 사는": a verb in its adnominal form (final ㄴ or ㄹ) after an
            # object or a place ends the clause describing the subject
            words = words[i + 1 :]
            break
    for i in range(len(words) - 2, -1, -1):
        if _KO_ABOUT.search(words[i]) or _KO_WHEN_WORD.fullmatch(words[i]):
            # "사상자 규모에 대해 국정원", "당시 국정원": what the subject spoke about, or when,
            # before it
            words = words[i + 1 :]
            break
    return " ".join(words)


# A phrase of what a statement is about, ending in its postposition ("규모에 대해", "관련해").
_KO_ABOUT = re.compile(r"(?:대해|대해서|관해|관해서|관련해|관련하여)$")
# A time word before a subject ("당시 국정원은", "현재 경찰은", "18일 국방부는").
_KO_WHEN_WORD = re.compile(
    r"당시|현재|최근|이날|전날|그동안|그간|지금까지|이번|올해|지난해|작년|어제|오늘|"
    r"\d{1,2}일|\d{1,2}월|\d{4}년"
)


# A subject with "also" ("매체들도") right before whom it cites ("외신을 인용해").
_KO_ALSO_CITING = re.compile(
    r"^(?P<who>(?:\S+\s){0,4}?\S+?)도\s(?=(?:\S+\s){0,3}?\S+?(?:을|를)\s(?:인용해|인용하여|빌려))"
)


# A subject ending in a relative clause's verb after its object or place ("해운대구에 사는").
_KO_CLAUSE_BEFORE = re.compile(r"(?:에|에서|을|를|로|와|과|에게)\s\S+$")
# "환경부 측" (the ministry's side) and "입시업계에서" (in the industry): the body itself.
_KO_SIDE = re.compile(r"\s?측$")
_KO_IN_PLACE = re.compile(r"(?<=\S)에서$")


def _ko_subject(stripped: str) -> re.Match[str] | None:
    """The subject a Korean sentence opens on (은/는/이/가; 도 before whom it cites)."""
    also = _KO_ALSO_CITING.match(stripped) if "인용" in stripped or "빌려" in stripped else None
    if also:
        return also
    subject = _KO_SUBJECT.match(stripped)
    if not subject:
        return None
    head = _KO_HEAD_AFTER.match(stripped, subject.end())
    clause = _KO_CLAUSE_BEFORE.search(subject.group("who"))
    if subject.group(0).endswith(("는 ", "은 ")) and clause and head:
        # "해운대구에 사는 한 직장인은": a relative clause, then the subject it describes
        return head
    return subject


def _korean_closing_quote(text: str, body: str, s: int) -> list[Cue]:
    """'… 힘을 쏟겠다"고 말했다.' closing a quotation that the sentence before opened after its
    subject ('구청 관계자는 "공사는 예정대로 진행된다. …'): the whole quotation is that
    subject's."""
    closing = _KO_OPENED_BEFORE.match(body)
    previous = _previous_sentence(text, s) if closing else None
    if closing is None or previous is None or "\n" in text[previous.start : s]:
        return []
    before = text[previous.start : s]
    marks = [i for i, ch in enumerate(before) if ch in '"“”']
    if len(marks) != 1:
        return []
    head = before[: marks[0]]
    stripped = _LEADING.sub("", head)
    subject = _ko_subject(stripped)
    if subject is None or len(stripped[subject.end() :].split()) > 2:
        return []
    name = _ko_head(re.sub(r"\s?측$", "", subject.group("who")))
    lead = len(head) - len(stripped)
    close = s + closing.end("said")
    return [
        Cue(previous.start + marks[0] + 1, close, name, "quote", previous.start + lead,
            previous.start + lead + subject.end())
    ]  # fmt: skip


def _korean_subject_cues(body: str, s: int, verb: re.Match[str] | None) -> list[Cue]:
    """The cues of a Korean sentence whose subject (은/는/이/가) opens it: its quotations (a
    quotation with its particle, "…"고 or "…"며, is the subject's) and what its verb of saying
    governs ("…다고 밝혔다", "…다는 점을 인정했다"), the citing chain "X를 인용해" read whole
    (*verb*: that verb of saying closing the sentence, if any)."""
    out: list[Cue] = []
    if _KO_OPENED_BEFORE.match(body):
        return out  # the end of a quotation opened in a sentence before: no subject of its own
    stripped = _LEADING.sub("", body)
    subject = _ko_subject(stripped)
    if not subject:
        return out
    lead = len(body) - len(stripped)
    c_start = lead + subject.end()
    name = _ko_head(_KO_SIDE.sub("", subject.group("who")))  # "환경부 측": the ministry
    name = _KO_IN_PLACE.sub("", name)  # "입시업계에서는": in the industry, the industry
    quoted = [q for q in _KO_QUOTED.finditer(body) if q.start() >= c_start]
    for q in quoted:  # each quotation is the subject's, with or without a verb after it
        out.append(
            Cue(s + q.start(1), s + q.end(1), name, "quote", s + lead, s + lead + subject.end())
        )
    if quoted:  # what the subject says besides them comes after the last one
        c_start = quoted[-1].end()
    if verb is None or verb.start() <= c_start:
        return out
    when = _KO_SAID_WHEN.match(body, c_start)
    c_start = when.end() if when else c_start
    where = _KO_SAID_WHERE.match(body, c_start)
    c_start = where.end() if where else c_start
    who, relays = name, cast(tuple[str, ...], ())
    citing = _KO_CITING.match(body, c_start)
    if citing:  # "연합뉴스는 소식통을 인용해 …": the source is cited, the subject relays
        cited = re.sub(
            r"\s(?:보고서?|자료|발표|보도|분석)$|의\s(?:말|발언|주장|설명)$",
            "",
            citing.group("cited"),
        )  # "관계자의 말을 인용해": the official
        who, relays = cited, (who,)
        c_start = citing.end()
    out.append(
        Cue(s + c_start, s + verb.start(), who, verb.group("verb"), s + lead,
            s + lead + subject.end(), relays)
    )  # fmt: skip
    return out


__all__ = ["Cue", "foreign_cues"]
