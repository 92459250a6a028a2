"""Who asserts what: attribution cues, their sources, relays and hedges.

``extract_attributions(text)`` reads each sentence for the cues news text uses
(``according to X``, ``X said …``, ``…, X said``, ``citing X``, ``a report by X
that …``, quoted speech, ``, he said``) and returns, for each, the *content* span
the source is reported to have asserted, the source's name as the text gives it
(resolved from pronouns, surnames and roles to the full name last given), its
kind, and the relays.  Hedges without a named source (``reportedly``, ``are said
to``) give a hedge and no source.  Sentences that carry on an attributed account
(``This marks …``, ``Of these …``) and the answers of an interview keep the source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from db.assist import lexicon
from db.assist.foreign import KO_BRIEFED, foreign_cues
from db.assist.german import SUBJUNCTIVE, german_cues, german_hedge
from db.assist.names import NameIndex, clean_name, guess_kind, normalise
from db.assist.patterns import led
from db.assist.text import Span, guess_language, sentences

_OTHER_VERBS = (
    "сообщил|сообщила|сообщили|заявил|заявила|заявили|отметил|отметила|передает|пишет|"
    "sagde|siger|oplyser|oplyste|skriver|sagte|sagt|erklärte|berichtete|teilte"
)
_VERBS = (
    "said|says|say|told|tells|reported|reports|estimated|estimates|confirmed|confirms|warned|"
    "warns|noted|notes|added|adds|stressed|stresses|revealed|reveals|claimed|claims|announced|"
    "announces|stated|states|wrote|writes|emphasised|emphasized|emphasises|emphasizes|"
    "highlighted|highlights|explained|explains|indicated|indicates|shared|shares|believes|"
    "believed|suggested|suggests|insisted|insists|argued|argues|asked|asks|denied|denies|"
    "accused|accuses|described|describes|admitted|admits|alleged|alleges|acknowledged|"
    "disclosed|predicted|expects|expected|assessed|assesses|concluded|observed|mentioned|"
    "underlined|advised|branded|characterised|characterized|quoted|cited|reads|blamed|blames|"
    "promised|promises|pledged|pledges|vowed|vows|estimate|warn|confirm|claim|argue|insist|"
    "predict|allege|deny|fear|fears|feared|report|believe|expect|urged|urges|" + _OTHER_VERBS
)
_OTHER_VERB_SET = frozenset(_OTHER_VERBS.split("|"))
# What any English cue needs: a Latin letter, or one of the verbs of other scripts it reads.
_ENGLISH_READABLE = led(
    "[A-Za-z]|" + "|".join(v for v in _OTHER_VERB_SET if not re.search("[A-Za-z]", v))
)
_AUX = r"(?:(?:has|have|had|also|later|previously|earlier|recently|then|further|again|not)\s+)*"
_VERB = led(r"\b" + _AUX + r"(?P<verb>" + _VERBS + r")\b")
_ACCORDING = led(r"(?i:according to|citing|as reported by|quoted by)\s+")
_DOCUMENT_OF = re.compile(
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:statement|report|data|figures|estimates?|assessment|"
    r"analysis|survey|briefing|post|update)s?\s+(?:from|by|of|released by|published by)\s+",
    re.IGNORECASE,
)
# "according to a statement the bank issued on Wednesday": the document and, in a clause of
# its own with no "by", who issued it (the time of issuing is the saying's, not the statement's).
_DOCUMENT_ISSUED = re.compile(
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:statement|report|data|figures|estimates?|assessment|"
    r"analysis|survey|briefing|post|update|letter|filing|notice)s?\s+(?:that\s+|which\s+)?"
    r"(?P<who>(?:the\s+|its\s+|their\s+)?[\w’'&.-]+(?:\s+[\w’'&.-]+){0,4}?)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:issued|released|published|put\s+out|posted|sent\s+out|filed|"
    r"circulated|made\s+public)\b"
    r"(?:\s+(?:on|late|early|last|this|earlier|yesterday|today|overnight)\b[^,.;:!?]{0,30}?"
    r"(?=[,.;:!?]|$))?",
    re.IGNORECASE,
)
_REPORT_BY = re.compile(
    r"\b(?:report|assessment|estimate|statement|study|survey|analysis|review|audit|poll|census|"
    r"investigation|inquiry)s?\s+(?:by|from)\s+"
)
# What a study found: "A study by X found that …" (the verbs of saying are read as such).
_FOUND_THAT = re.compile(
    r"\s+(?:found|finds|concluded|concludes|showed|shows|suggested|suggests)(?:\s+that\b|,)"
)
# A time or setting between a speech verb and "that" ("said on Thursday that", "told
# reporters late on Monday that"): when the saying happened, not part of what was said.
_SAID_WHEN = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?|on\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}|yesterday|today|last\s+(?:week|night|month)|earlier|later|"
    r"in\s+an?\s+(?:statement|interview|briefing|post|letter|report)"
    r"(?:\s+(?:published|released|issued|posted|given)\s[^,.;:]{0,40}?)?)"
    r"(?=\s+that\b|\s*[,:])"
)
_NON_VERB_CUES = frozenset({"according to", "report", "saying", "citing"})
_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "group"}
_THAT = re.compile(r"\s*(?:that|,|:)?\s*")
_TRAILING = re.compile(
    r",\s*(?:noting|adding|referring to|saying|suggesting|indicating|highlighting|arguing|"
    r"explaining|stressing|warning|expressing\s+(?:the\s+)?(?:hope|fears?|concern|confidence))\b"
)
_NOUN_OR_VERB = frozenset(
    "reports report states claims estimates notes shares expects says believes estimate claim "
    "fear fears warn confirm deny believe expect".split()
)
_NOT_A_VERB_AFTER = (
    r"\s+(?:in|of|from|on|by|about|for|indicate|indicates|suggest|suggests|say|said|show|shows|"
    r"showed|put|puts|place|placed|point|pointed|vary|varied|have|had|were|are|is)\b"
)
# What may follow a speech verb when the statement came before it ("…, NIS reported.").
_SHORT_AFTER = re.compile(
    r"^(?!\s*(?:that|:)\s)\s*(?:[^,.;:“\"]{0,40}?)?(?:[.;!?]|,\s*(?:and|but|though|although|while|"
    r"whereas|citing|adding|noting|referring|saying|"
    r"suggesting|indicating|highlighting|arguing|explaining|stressing|warning|expressing|"
    r"according)\b|$)"
)
_OBJECT_VERBS = frozenset(
    "revealed reveals shared shares described describes stressed stresses highlighted highlights "
    "emphasised emphasized emphasises emphasizes underlined branded characterised characterized "
    "advised denied denies promised promises pledged pledges vowed vows blamed blames".split()
)
# "X called the rise "a tax on …"": the words in quotation marks are X's.
_CALLED_QUOTE = re.compile(
    r"\b(?P<verb>called|calls|dubbed|labelled|labeled|(?P<as>dismissed|dismisses|derided|derides|"
    r"denounced|denounces|rejected|rejects))\s+(?:(?:the|this|that|these|those|its|his|"
    r"her|their|it|them)\b[^“\"”.;:]{0,40}?\s+)?(?(as)as\s+|(?:as\s+)?)"
    r"(?P<q>[“\"][^“”\"]{2,200}[”\"])"
)
# A colon before a quotation ("X was less forgiving: "…"", "X put it more bluntly: "…"").
_COLON_QUOTE = re.compile(r":\s*[“\"„»]")
# (in Russian, a short noun phrase ending in a name, the colon, and a quotation in «…» or "…")
_RU_NAME_COLON_QUOTE = re.compile(r"^[^\s:«»\"“”]+(?:\s[^\s:«»\"“”]+){1,7}:\s*[«“\"„]")
_RU_COLON_QUOTE = re.compile(r":\s*[«“\"„]")
# "…, the state forestry said": a trailing source set off from the statement by a comma,
# the words after it the start of the subject's own noun phrase (no "that", no verb).
_SET_OFF = led(r"(?:[,–—:][”\"’»]?|[”\"’»])(?:\s+(?!that\b)[\w’'-]+(?<!ed)(?<!ing)){0,4}$")
# A short description set off before the name of a trailing source ("…, the clerk, Jo Whitfield,
# told reporters").
_DESCRIBED_NAME = re.compile(r",\s+(?:the|a|an|its|their|his|her)\s+(?:[^\W\d_][\w’'-]*\s*){1,3}$")
# Whom a source told: a name, or a paper, a broadcaster, reporters ("told the paper the …").
_TOLD_WHOM = re.compile(
    r"\s+(?:(?:the|a|an|local|state)\s+)?(?:[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|for))*"
    r"(?<!\sof)(?<!\sfor)|paper|newspaper|broadcaster|station|agency|programme|program|website|"
    r"reporters|journalists|parliament|lawmakers|councillors|him|her|them|us|me)(?=\s|[,.;:!?]|$)"
)
# A noun phrase set off after a trailing cue and its time ("…, the agency said on Monday, the
# third rise in a row."), with no verb of its own.
_APPOSITION_AFTER = re.compile(
    r"^(?P<when>[^,.;:“\"]{0,40}?),\s+(?P<np>(?:the|a|an|its|their|his|her|another|one)\s"
    r"[^;:“”\"]*?)\s*[.!?]?$"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|do|does|did|"
    r"said|says|be)\b"
)
# "In a statement, the ministry said …": a phrase of time, place or manner opening the
# sentence before its subject, not a statement of its own.
_INTRO = re.compile(
    r"^(?:(?:In|At|During|On|After|Before|Through|Throughout)\s+(?:a|an|the|his|her|its|their|this|"
    r"that|these|those)\s[^,.;]{0,50}|On\s+\w+day(?:\s+\w+)?|Earlier|Later|Separately|Meanwhile|"
    r"However|Also|Still|Yet|(?:Speaking|Asked|Writing|Addressing|Responding|Commenting)\b[^,.;]{0,60})"
    r",$"
)
# What may follow a trailing cue's verb: a time, a place, a listener, a manner.
_ADVERBIAL = led(
    r"\s*(?:on|in|at|late|early|last|this|yesterday|today|tonight|earlier|later|during|after|"
    r"before|to|from|via|when|while|as|by|through|over|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.IGNORECASE,
)
_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
) | frozenset(lexicon.MONTHS)
# "put the death toll at 34": an estimate stated with a verb of placing.
_PUT_AT = led(
    r"\b(?:put|puts|putting|placed|places)\s+(?P<what>(?:the|its|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:toll|number|figure|cost|count|total|damage|losses|tally|bill|dead|"
    r"deaths|casualties)\b[^.;]{0,80}?\s+at\b)"
)
# A time or an adverb between the subject and "put" ("Kyiv last put", "X last month put").
_BEFORE_PUT = led(
    r"(?:\s+(?:(?:last|this|earlier\s+this)\s+(?:week|month|year)|yesterday|last|also|earlier|"
    r"previously|first|now|recently|on\s+\w+day))+\s*$"
)
# Where the estimate "put … at" ends: its figure, up to a comma that is no digits' separator.
_PUT_END = re.compile(r",(?!\d)(?!\s+and\s+that\b)")
_ESTIMATES_BY = re.compile(
    r"(?i:estimates?|figures|data|counts?|tall(?:y|ies))\s+(?:by|from|of)\s+(?P<np>[^,;.]{2,80}?)\s*$"
)
_SHOW_WORD = led(
    r"\b(?:show|shows|showed|indicate|indicates|indicated|suggest|suggests|suggested)\b"
)
# "The ministry's figures, released on Monday, show that …": the figures' owner asserts it.
_FIGURES_SHOW = re.compile(
    r"(?:(?P<owner>(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)(?:’s|'s)\s+|"
    r"(?:[Tt]he\s+)?(?:[\w-]+\s+)?)(?:figures|data|statistics|report|survey|study|records|analysis|"
    r"count|tally|estimates)\b(?:\s+(?:from|by|released\s+by|published\s+by)\s+"
    r"(?P<by>[^,;.]{2,60}?))?(?:,[^,;.]{0,60},)?\s+(?:show|shows|showed|indicate|indicates|"
    r"indicated|suggest|suggests|suggested)\s+(?:that\s+)?"
)
# "…, official figures show.", "…, the ministry's data showed.": the figures end the sentence.
_FIGURES_SHOWED = re.compile(
    r",\s*(?P<what>(?:(?P<owner>(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)(?:’s|'s)\s+|"
    r"(?P<adjunct>(?!The\s|These\s|Those\s|Its\s|Their\s)[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s+|"
    r"(?P<desc>(?:official|government|police|provisional|preliminary|latest|published)\s+))?"
    r"(?:(?:annual|quarterly|monthly|weekly|latest|new)\s+)?"
    r"(?:figures|data|statistics|records|report|survey|study|analysis|census|accounts|results)"
    r"(?:\s+(?:from|by|released\s+by|published\s+by)\s+"
    r"(?P<by>[^,;.]{2,60}?))?)\s+(?:show|shows|showed|indicate|indicates|indicated|suggest|"
    r"suggests|suggested)\s*[.!]?$"
)
# A participle after an article, a possessive or a preposition qualifies a noun ("an estimated
# 290", "the number of confirmed cases", "with reported losses"): no verb of saying.
_ARTICLE_BEFORE = led(
    r"\b(?:an|a|the|its|their|his|her|our|of|with|in|for|all|any|no|newly)\s+$", re.IGNORECASE
)
_AS_SAYING = re.compile(
    r"\s+(?P<who>[^,;.:“”\"]{2,80}?)\s+as\s+(?:saying|telling\s+\S+)\s+(?:that\s+)?"
)
# "She promised an inquiry and said …": a second verb of the same subject.
_AND_VERB = led(r"\s+and\s+$")
# A document and its author as a subject: "a report from X", "the latest survey by X".
_AUTHORED = re.compile(
    r"(?i:an?\s+|the\s+)?(?:[\w-]+\s+)?(?i:report|study|survey|statement|analysis|assessment|"
    r"review|audit|poll|data|figures|estimates?)\s+(?:by|from)\s+(?P<who>\S.*)"
)
# Figures or a document no one is named as the author of ("preliminary data", "a new report").
_UNOWNED_DOCUMENT = re.compile(
    r"(?:(?:an?|the|its|their|his|her)\s+)?(?:[a-z][\w-]*\s+){0,2}(?:data|figures|statistics|"
    r"estimates|records|documents?|reports?|studies|study|surveys?|analysis|research|findings)"
)
# "It was announced by the ministry that …": a passive verb of saying and its agent.
_PASSIVE_BY = led(
    r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?(?P<verb>announced|reported|"
    r"confirmed|stated|disclosed|revealed|claimed|estimated|said)\s+by\s+"
)
# "The minister was quoted as saying …": the subject said it, to an outlet left unnamed.
_QUOTED_AS = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:also\s+)?quoted\s+as\s+saying\s+"
    r"(?:that\s+)?"
)
# Whom a source told (a name, reporters, the paper), before the time or manner of the telling.
_LISTENER = re.compile(
    r"^\s*(?:(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*|reporters|journalists|parliament|"
    r"lawmakers|the\s+\w+)"
)
_ANONYMITY = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified)|for\s+anonymity)\b")
_OWNED_DOCUMENT = re.compile(
    r"(?P<owner>.+?)(?:’s|'s|(?<=s)’|(?<=s)')\s+(?:own\s+)?(?:(?:latest|new|annual|weekly|monthly|"
    r"official)\s+)?(?:count|estimates?|tally|figures|data|statistics|records|calculations?|"
    r"report|survey|bulletin)"
)
_ARTICLE_END = led(r"(?<=[\s,])(?:[Aa]n?|[Tt]he)$")
# "by the organisers' count": whose count or estimate a figure is.
_BY_COUNT = led(
    r",?\s*(?:[Bb]y|[Aa]ccording\s+to)\s+(?P<who>(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+?)"
    r"(?:’s|'s|(?<=s)’|(?<=s)')\s+"
    r"(?:own\s+)?(?:count|estimates?|tally|reckoning|calculations?|figures)\b"
)
# A person's name set off by commas after a description ("the union's secretary, Tom Price,").
_APPOSED_NAME = re.compile(
    r"\s*,\s*(?P<name>(?:Dr\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s*(?:,|[.!?]?$)"
)
# "заявил журналистам в среду, что", "sagde onsdag til DR, at": whom the source spoke to
# and when, between the verb and the conjunction that opens what was said.
_UNTIL_THAT = re.compile(r"[^,.;:!?\n]{0,100}?,\s*(?:что|що|at|dass)\s")
_CAPTION = led(r"©|\((?:photo|picture|image)\b|\bPicture:|\bPhoto:", re.IGNORECASE)
_CARRY = re.compile(
    r"^(?:This|These|Those|Of these|Of those|Of them|Among them|The figure|"
    r"Dermed|Det betyder|Это|Тем самым|Из них|Demnach|Demzufolge|이는|이로써|이 가운데|وبذلك|وهذا|"
    r"ومن بين هؤلاء)(?!\w)"
)
# "Prisen ligger dermed på …", "Цены, таким образом, выросли …": an adverb of consequence
# after the verb, the sentence drawing on the one before.
_CARRY_INSIDE = re.compile(
    r"^(?:\S+\s+){1,6}?(?:dermed|derved|тем самым|таким образом|demnach|demzufolge)(?!\w)"
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# German "heißt es darin", "hieß es in dem Bericht": the document cited just before.
_DE_SAID_THERE = re.compile(
    r"(?<![\w])(?:heißt|hieß)\s+es\s+(?:(?:weiter|zudem|auch|ferner)\s+)?(?:darin|dort|"
    r"(?:in\s+dem|im|in\s+der|in\s+diesem|in\s+dieser)\s+(?:[a-zäöüß]+\s+)?(?:Bericht|Papier|"
    r"Schreiben|Studie|Dokument|Mitteilung|Analyse|Erklärung|Stellungnahme|Beitrag|Artikel|"
    r"Gutachten|Entwurf|Brief))(?![\w])"
)
# A Korean word carrying a subject, topic or "also" particle ("가격이 ", "정부는 ", "배도 "), or
# a quotation: a sentence with one of its own does not go on with the one before.
_KO_SUBJECT_OF_ITS_OWN = led(r"[\uac00-\ud7a3](?:은|는|이|가|도|께서)\s|[\"“”]")
# A sentence whose subject is a pronoun and whose verb is in the tense of reported speech ("It
# would also …", "They had been …", "That could mean …"), with no data of its own.
_BACKSHIFTED = re.compile(
    r"^(?:It|They|This|That|These|Those|He|She)\s+"
    r"(?:(?:also|still|only|then)\s+)?(?:would|could|might|had)\b"
    r"(?!.*\b(?:show|shows|showed|indicate|indicates|suggest|suggests)\s*[.!]?$)"
)
# A sentence that is a quotation whole, with no cue of its own.
_QUOTED_SENTENCE = re.compile(r"^[\"“«„”][^\"“”«»„]{3,}(?:[.!?]?[\"”»“]|»[.!])$")
# A topic that is an adverbial ("시도별로는", "지역에서는", "올해에는"): no subject of its own.
_KO_ADVERBIAL_TOPIC = re.compile(r"(?:으로|로|에서|에)는\s")
# The verb of a count that moved, closing a sentence with a figure in it ("…5.1% 증가했다").
# A count given with the past copula after its counter closes one too ("무는 개당 2천850원이었다").
_KO_MOVED = re.compile(
    r"\d[^.]*\s(?:\S+\s)?(?:늘었|줄었|올랐|떨어졌|증가했|감소했|상승했|하락했|기록했|집계됐|달했|"
    r"이어갔|차지했|많았|적었|높았|낮았|넘었|밑돌았|웃돌았|비쌌|쌌|그쳤|머물렀|뛰었|급등했|급증했|"
    r"급감했|늘어났|줄어들었|뒤를\s이었|뒤따랐)(?:다|습니다)[.]?$"
    r"|\s[\d,.]*\d(?:[천만억][\d,.]*)*(?:여|가량|안팎)?\s?[\uac00-\ud7a3%]{0,3}(?:이었|였)(?:다|습니다)[.]?$"
)
# A Korean sentence opening on a breakdown of the count before it or on the period it
# covered ("품목별로는", "지역별로는", "같은 달", "이 가운데").
_KO_BREAKDOWN = re.compile(r"(?:\S+별로는|같은\s(?:달|기간|해|주|날|분기)|이\s?(?:가운데|중)은?)\s")
# A Korean sentence whose subject is the survey or tally the sentence before cited.
_KO_THE_DOCUMENT = led(
    r"(?:이번\s|해당\s|이\s)?(?:설문\s?조사|조사|설문|자료|집계|통계|보고서)(?:는|은)\s"
)
# A Korean sentence pointing back at the count or finding the one before reported
# ("이 같은 집계를 발표했다", "이러한 조사 결과를 내놨다").
_KO_REFERS_BACK = re.compile(
    r"(?:이\s?같은|이와\s?같은|이러한|이런)\s(?:\S+\s)?(?:집계|결과|내용|수치|자료|통계|분석)"
)
# A Russian count that moved: a figure, then a verb of rising or falling closing the sentence
# ("площадь заражения выросла почти втрое", "число случаев сократилось на 12%").
_RU_MOVED = re.compile(
    r"(?i:^[^.!?]*\b(?:вырос|выросл[аои]|увеличил(?:ся|ась|ось|ись)|сократил(?:ся|ась|ось|ись)|"
    r"снизил(?:ся|ась|ось|ись)|уменьшил(?:ся|ась|ось|ись)|упал[аои]?|подскочил[аои]?|"
    r"возрос(?:л[аои])?)\b[^.!?]*(?:\d|вдвое|втрое|вчетверо|впятеро)[^.!?]*[.!]?$)"
)
_QUOTE_MARK = re.compile(r"[\"“”«»]")
# A whole quotation opening a read sentence that goes on after it ("„… .“ Er fügte hinzu …").
_OPENING_QUOTATION = re.compile(
    r"(?P<q>[„“\"«»][^„“”\"«»\n]{2,400}?(?:[.!?][“”\"«»]|[“”\"«»][.!]))\s+\S"
)
# Russian "В документе также указано, что …": the document cited just before.
_RU_SAID_THERE = re.compile(
    r"^(?:В|Во)\s+(?:этом\s+|том\s+же\s+)?(?:сообщении|заявлении|документе|докладе|отч[её]те|"
    r"письме|публикации|материале|исследовании)\s+(?:также\s+|же\s+|тоже\s+)?(?:говорится|"
    r"сказано|указано|отмечается|указывается|уточняется|подч[её]ркивается)(?![\w])"
)
_RU_THE_REST = re.compile(r"(?:Остальн|Оставш)\w+\s[^.!?]*?\d")  # (the rest counted again)
_KO_NOMINATIVE = re.compile(r"[\uac00-\ud7a3\w%](?:이|가)\s")
_QUESTION_LINE = re.compile(r"^[^\n“”\"]{8,300}\?[^\S\n]*$", re.MULTILINE)
_HEADING_LINE = re.compile(r"^[^\n.!?]{3,90}$", re.MULTILINE)
_HEDGE = led(
    r"(?<![\w])(?P<h>" + "|".join(re.escape(h) for h in lexicon.HEDGES) + r")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: ``text[start:end]`` is what the source is reported to assert."""

    start: int
    end: int
    source: str | None  # the original source, as the text names it (None: hedged)
    source_kind: str  # intelligence, government, military, lawmaker, media, expert, ...
    relayed_by: tuple[str, ...] = ()  # nearest relay first
    cue: str = ""  # "according to", "said", "citing", "quote", "reportedly", ...
    cue_start: int = 0
    cue_end: int = 0
    hedge: str = ""
    quotation: bool = False  # the content is a direct quotation
    weak: bool = False  # the content is what a verb acts on, not a statement ("underlined X")
    variants: tuple[str, ...] = field(default=(), compare=False)  # other names for the source


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    raw: str
    cue: str
    cue_start: int
    cue_end: int
    relays: list[str]
    weak: bool = False  # the content is an object ("underlined the readiness"), not a statement


def _np_after(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The noun phrase starting at *pos* (up to a clause break)."""
    # (a dotted abbreviation stays in the phrase: "citing U.S. intelligence estimates")
    m = _NP_RUN.match(text, pos, limit)
    if not m:
        return "", pos
    phrase = m.group(0)
    cut = _NP_CUT.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    phrase = phrase.rstrip()
    return phrase, pos + len(phrase)


# Where a noun phrase after a cue stops: "people familiar with the talks", "officials briefed
# on the plan" (the words after such a participle or adjective describe the source and stay
# with it).
_NP_CUT = led(
    r"(?<!\bfamiliar)(?<!\bclose)(?<!\bbriefed)(?<!\binvolved)(?<!\bknowledgeable)"
    r"\s+(?:that|who|which|as|and said|on|in|to|from|with|after|before|when|til|over for)\s"
)
_NP_RUN = re.compile(r"(?:(?<![\w.])(?:[A-Z]\.){2,}(?!\s*$)|[^,;.:\n“”\"()])+(?:\([A-Z]{2,8}\))?")
_NP_WORD = re.compile(r"[\w’'\-.()&]+")


def _np_before(text: str, end: int, floor: int) -> tuple[str, int]:
    """The subject noun phrase ending at *end*: capitalised words and known role words."""
    floor = max(floor, end - 200)
    words: list[tuple[int, int]] = []
    pos = end
    while pos > floor:
        seg = text[floor:pos].rstrip()
        if len(seg) + floor < pos and words == [] and seg.endswith((",", "–", "—")):
            break
        # (the word ending the segment, read backwards from its end)
        tail = _NP_WORD.match(seg[::-1])
        if not tail:
            break
        word = seg[len(seg) - tail.end() :]
        w_start = floor + len(seg) - tail.end()
        if "\n" in text[floor + len(seg) : pos]:
            break
        bare = word.strip("().").casefold().removesuffix("’s").removesuffix("'s")
        capital = word[:1].isupper() or (word[:1] == "(" and word[1:2].isupper())
        if not (capital or bare in lexicon.ROLE_WORDS or (words and bare in lexicon.NP_LINKS)):
            break
        words.append((w_start, floor + len(seg)))
        pos = w_start
        if len(words) >= 9:
            break
    while words and text[words[-1][0] : words[-1][1]].casefold() in (
        "of",
        "for",
        "and",
        "de",
        "at",
    ):
        words.pop()
    if not words:
        return "", end
    start = words[-1][0]
    return text[start:end].strip(), start


def _subject_before(text: str, cue_start: int, floor: int) -> tuple[str, int]:
    """The subject of a speech verb, skipping an appositive (``Ahn, a defector, told``)."""
    familiar = (
        _FAMILIAR.search(text, max(floor, cue_start - 90), cue_start)
        if _FAMILIAR_WORDS.search(text, max(floor, cue_start - 90), cue_start)
        else None
    )
    if familiar:  # "two people familiar with the matter told Reuters"
        return familiar.group("who"), familiar.start()
    phrase, start = _np_before(text, cue_start, floor)
    if phrase[:1].islower():
        # "a fire service spokesman", "a senior police officer": the words between the article
        # and the role words describe the same person
        modified = _MODIFIERS.search(text, max(floor, start - 40), start)
        if modified and not any(w.casefold() in _NP_STOP for w in modified.group(1).split()):
            phrase, start = text[modified.start(1) : cue_start].strip(), modified.start(1)
    if phrase:
        described = (
            _DESCRIBED_BY_PLACE.search(text, max(floor, start - 60), start)
            if _ends_on(text, max(floor, start - 60), start, _PLACE_WORDS)
            else None
        )
        if described:  # "A beekeeper near the Downs said": the beekeeper, named by the place
            return text[described.start("who") : cue_start].strip(), described.start("who")
        owner = (
            _OWNER.search(text, max(floor, start - 60), start)
            if _ends_on(text, max(floor, start - 60), start, ("’s", "'s"))
            else None
        )
        if owner and phrase.split()[0].casefold() in lexicon.ROLE_WORDS:
            return text[
                owner.start() : cue_start
            ].strip(), owner.start()  # "the airline's spokesman"
        return phrase, start
    seg = text[floor:cue_start].rstrip()
    if seg.endswith((",", "–", "—")):
        inner = seg[:-1]
        alias = _KNOWN_AS.search(inner)
        if alias:  # "Ukraine's military intelligence agency, known as HUR, had shared": HUR
            return alias.group("alias"), floor + alias.start("alias")
        named = _NAMED_AFTER_BREAK.search(inner)
        if named and named.group(1).strip().casefold() not in lexicon.ROLE_WORDS:
            return named.group(1).strip(), floor + named.start(1)
        relative = _RELATIVE_ASIDE.search(inner)
        if relative:  # "The union, which represents 4,000 drivers, said": the union
            # ("The council, citing figures from X, said": the council, X cited below)
            phrase, start = _np_before(text, floor + relative.start(), floor)
            if not phrase:
                phrase, start = _common_np(text, floor + relative.start(), floor)
            if phrase:
                return phrase, start
        for sep in (",", "–", "—"):
            cut = max((m.start() for m in re.finditer(rf"(?<!\d){sep}|{sep}(?!\d)", inner)),
                      default=-1)  # fmt: skip
            if cut >= 0 and cue_start - (floor + cut) < 200:
                phrase, start = _np_before(text, floor + cut, floor)
                if phrase:
                    return phrase, start
    phrase, start = _common_np(text, cue_start, floor)
    member = (
        _MEMBERS_ON.search(text, max(floor, start - 60), start)
        if phrase and _ends_on(text, max(floor, start - 60), start, ("on", "in"))
        else None
    )
    if member:  # "The Liberal Democrat group on the council": the group, not the council
        return member.group("who"), member.start("who")
    head = (
        _ROLE_OF.search(text, max(floor, start - 40), start)
        if phrase and _ends_on(text, max(floor, start - 40), start, _ROLE_OF_WORDS)
        else None
    )
    if head and head.group("role").casefold() in lexicon.ROLE_WORDS:
        return text[head.start("role") : cue_start].strip(), head.start("role")  # "a nurse at …"
    return phrase, start


# Unnamed sources described by what they know ("people familiar with the matter").
_FAMILIAR = re.compile(
    r"(?:^|(?<=[\s,]))(?:(?:two|three|four|several|some|other|senior|government|industry)\s+)*"
    r"(?P<who>(?:people|persons|sources|officials|insiders|executives|diplomats)\s+(?:familiar\s+"
    r"with|close\s+to|briefed\s+on|with\s+knowledge\s+of|involved\s+in)\s+[^,;:.“”\"]{2,50}?)"
    r"\s+$"
)
# (a word every match of _FAMILIAR holds)
_FAMILIAR_WORDS = re.compile("people|persons|sources|officials|insiders|executives|diplomats")
# A group of members and the body they sit on ("the Labour group on the council").
_MEMBERS_ON = led(
    r"(?:^|(?<=\s))(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<who>(?:[A-Z][\w’'-]*\s+){0,3}(?:group|party|"
    r"members|councillors|councilors|bloc|caucus|faction|opposition))\s+(?:on|in)\s+$"
)
# A name of up to three capitalised words after a comma or dash, ending what comes before a
# comma ("Ahn Chan-il, a defector,": Ahn Chan-il); an aside opening on a relative pronoun or a
# participle ("The union, which represents 4,000 drivers,").
# The short name a subject is known by, set off after it ("…, known as HUR,").
_KNOWN_AS = re.compile(
    r",\s*(?:known|better\s+known|referred\s+to)\s+as\s+(?P<alias>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})$"
)
_NAMED_AFTER_BREAK = led(r"[,–—]\s*((?:[A-Z][\w’'\-]*\s?){1,3})$")
_RELATIVE_ASIDE = led(
    r"(?<!\d),\s*(?:which|who|citing|quoting|speaking|writing|responding|referring)\s"
    r"[^,]*(?:\d,\d[^,]*)*$"
)
# What comes right before a verb of saying: ", which", ", who"; a pronoun; a closing quotation
# mark (and a comma).
_WHICH_BEFORE = led(r",\s*(?:which|who)\s+$")
_PRONOUN_BEFORE = led(r"(?i)\b(he|she|it|they)\s+$")
_QUOTE_BEFORE = led(r"[”\"’»]\s*,?$|,[”\"’»]$")
# "a nurse at", "an engineer near", "a resident of": an indefinite person described by the
# place or body named after the preposition.
_DESCRIBED_BY_PLACE = led(
    r"(?:^|(?<=\s))(?P<who>(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+\s+"
    r"(?:in|near|at|from|on|outside|inside)\s+)$"
)
_MODIFIERS = led(r"(?:^|(?<=\s))(?:[Aa]n?|[Tt]he)\s+((?:[a-z][\w-]*\s+){1,2})$")
_OWNER = re.compile(r"(?:\b[Tt]he\s+)?(?:[\w-]+\s+){0,2}?[\w-]+(?:’s|'s)\s+$")
# The words that end each of these before the spaces they close on (every match ends so).
_PLACE_WORDS = ("in", "near", "at", "from", "on", "outside", "inside")
_ROLE_OF_WORDS = ("at", "of", "for", "from", "in", "with")


def _ends_on(text: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """True when ``text[lo:hi]`` ends on spaces after one of *words*: what a pattern closing
    on one of them, spaces and ``$`` needs to match there at all."""
    window = text[lo:hi]
    return window[-1:].isspace() and window.rstrip().endswith(words)


# "a nurse at the hospital", "an engineer with the firm": the person, described by the place.
_ROLE_OF = re.compile(r"(?:\b(?:a|an|the)\s+)?(?P<role>[\w’'-]+)\s+(?:at|of|for|from|in|with)\s+$")


def _is_group(subject: str) -> bool:
    """True for a bare plural common noun phrase ("Insurers", "Local farmers", "Officials")."""
    words = subject.split()
    if not 1 <= len(words) <= 3 or words[0].casefold() in ("the", "a", "an"):
        return False
    head = words[-1]
    if not head.endswith("s") or head.isupper() or head.casefold() in lexicon.MEDIA_NAMES:
        return False
    return all(w[1:].islower() for w in words) and all(w.islower() for w in words[1:])


def _opening_subject(text: str, cue_start: int, floor: int) -> str:
    """A group opening the sentence right before its verb ("Local farmers estimate …"):
    a short noun phrase whose words are neither verbs nor pronouns nor document nouns."""
    opening = _OPENING_NP.fullmatch(text, floor, cue_start)
    if not opening:
        return ""
    words = [w.casefold() for w in opening.group("np").split()]
    if words[-1] in _NOT_A_HEAD or any(w in _NP_STOP for w in words):
        return ""  # "Some economists" is a group, "Some" alone or "Turnout was" is not
    return opening.group("np")


# A sentence opening with a short noun phrase right before its verb.
_OPENING_NP = re.compile(
    r"(?P<np>[A-Z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}?(?:\s+(?P<head>[a-z][\w’'-]*))?)\s*"
)
_NOT_A_HEAD = frozenset(
    "many some most few others all both several each none one two three they there it this "
    "that these those who which what estimates estimate figures data results reports report "
    "polls poll surveys survey projections forecasts forecast counts count turnout".split()
)


_NP_STOP = frozenset(
    "i we you he she it they this that these those which who whom whose what there here is are "
    "was were be been being has have had do does did will would could should may might must can "
    "not and or but if as than then so also to in on at by for from with into after before "
    "while when where because although though since until about over under again said says".split()
)
_POSSESSIVE = re.compile(r"[A-Z][\w-]*(?:’s|'s|s’|s')$")


def _common_np(text: str, cue_start: int, floor: int) -> tuple[str, int]:
    """A subject with a common noun at its head: "the county clerk’s office", "Dunn’s campaign",
    "Farmers’ groups".  It must open with "the"/"a" or a capitalised possessive."""
    seg_start = max(floor, cue_start - 80)
    seg = text[seg_start:cue_start]
    cut = max(seg.rfind(ch) for ch in ',;:“”"()–—\n')
    words = list(re.finditer(r"[\w’'-]+", seg[cut + 1 :]))[-5:]
    best = ("", cue_start)
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group(0)
        low = word.casefold()
        w_start = seg_start + cut + 1 + words[i].start()
        if low in ("the", "a", "an"):
            if i < len(words) - 1:
                best = (text[w_start:cue_start].strip(), w_start)
            break
        if low in _NP_STOP or (
            word[:1].isupper()
            and i < len(words) - 1
            and not _POSSESSIVE.search(word)
            and not best[0]
        ):
            break
        if _POSSESSIVE.search(word):
            best = (text[w_start:cue_start].strip(), w_start)
    if best[0] and not best[0].split()[-1][:1].islower():
        return "", cue_start
    return best


# Figures shared and what they show ("shared estimates showing …", "shared data suggesting that").
_SHOWING = re.compile(
    r"(?:(?:new|its|their|the|fresh|internal|latest)\s+)?(?:estimates|figures|data|numbers|"
    r"statistics|assessments?|intelligence)\s+(?:showing|suggesting|indicating)\s+(?:that\s+)?"
)
# "X rejected the claim, saying …": what follows is X's.
_SAYING = re.compile(r",\s*saying\s+(?:that\s+)?")
_OPENING_SUBJECT = re.compile(
    r"(?P<np>(?:(?:The|A|An)\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
    r"(?:(?:has|have|had|also|later|quickly|flatly)\s+)*[a-z]+(?:ed|s)\b"
)


_CITING_OR_QUOTED_BY = re.compile(r"(?i)\b(citing|quoted by)\s+")
# A statement that is one quotation in the »…« of German and Danish print.
_PRINT_QUOTATION = re.compile(r"»[^»]*«[,.]?")


def _find_cues(text: str, sent: Span) -> list[_Found]:
    s, e = sent.start, sent.end
    body = text[s:e]
    found: list[_Found] = []
    # According to X / citing X / as reported by X
    for m in _ACCORDING.finditer(body):
        cue = " ".join(m.group(0).casefold().split())
        name, name_end = _np_after(text, s + m.end(), e)
        document = _DOCUMENT_OF.match(text, s + m.end(), e)
        if document:  # "according to a statement from the ministry": the ministry
            name, name_end = _np_after(text, document.end(), e)
        else:
            issued = _DOCUMENT_ISSUED.match(text, s + m.end(), e)
            if issued:  # "according to a statement the bank issued on Wednesday": the bank
                name, name_end = issued.group("who"), issued.end()
        if not name:
            continue
        if cue == "citing" or cue == "quoted by":
            continue  # handled as relays below
        owned = _OWNED_DOCUMENT.fullmatch(name)
        if owned:  # "according to the union's count": the union
            name = owned.group("owner")
        rest = text[name_end:e]
        if len(body[: m.start()].split()) <= 1:  # "(But) according to X, CONTENT"
            c_start, c_end = name_end, e
        elif re.match(r"\s*,", rest) and len(rest.strip(" ,.!?").split()) >= 2:
            c_start, c_end = s, e  # "The storm, according to X, destroyed …": the whole clause
        else:  # "CONTENT, according to X"
            c_start, c_end = s, s + len(body[: m.start()].rstrip())
        found.append(_Found(c_start, c_end, name, "according to", s + m.start(), name_end, []))
    # It was announced by X that … / … had been confirmed by X: the agent of a passive verb
    # of saying
    for m in _PASSIVE_BY.finditer(body) if " by " in body else ():
        name, name_end = _np_after(text, s + m.end(), e)
        that = re.match(r"\s*(?:on\s+\w+\s+)?(?:that\s|,\s*)", text[name_end:e])
        if not name or not that:
            continue
        found.append(
            _Found(name_end + that.end(), e, name, m.group("verb"), s + m.start(), name_end, [])
        )
    # …, by the organisers' count
    for m in _BY_COUNT.finditer(body) if "’" in body or "'" in body else ():
        who = m.group("who")
        if m.group(0).lstrip(", ").casefold().startswith("according"):
            continue  # read as "according to" above
        rest = body[m.end() :].strip(" .!?")
        c_start, c_end = (s, s + m.start()) if not rest else (s + m.end(), e)
        found.append(_Found(c_start, c_end, who, "count", s + m.start("who"), s + m.end(), []))
    # X was quoted as saying …
    for m in _QUOTED_AS.finditer(body) if "quoted" in body else ():
        subject, sub_start = _subject_before(text, s + m.start(), s)
        if subject:
            found.append(_Found(s + m.end(), e, subject, "quoted", sub_start, s + m.end(), []))
    # A report by X that ...
    for m in _REPORT_BY.finditer(body) if "by" in body or "from" in body else ():
        name, name_end = _np_after(text, s + m.end(), e)
        finding = _FOUND_THAT.search(name + " that") if name else None
        if finding:  # "A study by the University of Leeds found that …": the university
            name_end -= len(name) - finding.start()
            name = name[: finding.start()]
            that = re.match(r"\s*(?:found|finds|concluded|concludes|showed|shows|suggested|"
                            r"suggests)\s*(?:that\s|,\s*)", text[name_end:e])  # fmt: skip
        else:
            that = re.match(r"\s*(?:\([^)]*\)\s*)?that\s", text[name_end:e])
        if name and that:
            found.append(
                _Found(name_end + that.end(), e, name, "report", s + m.start(), name_end, [])
            )
    # X said ... / ..., X said / said X
    generic: set[tuple[str, int]] = set()
    for m in _VERB.finditer(body):
        verb = m.group("verb").casefold()
        v_end = s + m.end("verb")
        aux_start = s + m.start()
        if verb.endswith("ed") and _ARTICLE_BEFORE.search(text, max(s, aux_start - 7), aux_start):
            continue  # "an estimated 290 million", "the expected rise": a participle, no verb
        subject, sub_start = _subject_before(text, aux_start, s)
        if subject.casefold().split()[-1:] in (["which"], ["that"]):
            subject = ""
        relative = _WHICH_BEFORE.search(text[s:aux_start])
        if not subject and relative:  # "…by the health ministry, which said …": the ministry
            subject, sub_start = _subject_before(text, s + relative.start(), s)
        if not subject:
            pron = _PRONOUN_BEFORE.search(text[s:aux_start])
            if pron:
                subject, sub_start = pron.group(1), s + pron.start(1)
        if not subject and _AND_VERB.search(text, s, aux_start):
            # "She promised … and said …": the subject of the verb before, whose words stop
            # at "and"
            earlier = [f for f in found if f.cue_end <= aux_start and f.cue not in _NON_VERB_CUES]
            if earlier:
                first = earlier[-1]
                subject, sub_start = first.raw, first.cue_start
                and_at = _AND_VERB.search(text, s, aux_start)
                assert and_at is not None
                if first.start < and_at.start() < first.end:
                    first.end = and_at.start()
        if not subject:
            subject = _opening_subject(text, aux_start, s)
            if subject:  # "Local farmers estimate …": a group, no source of its own if another
                sub_start = s  # cue in the sentence names one
                generic.add((subject, sub_start))
        inverted = False
        if not subject:
            name, name_end = _np_after(text, v_end, e)
            name = name.strip()
            when_word = name.casefold().split()[0] in _WHEN_WORDS if name else False
            words = name.split()
            named = bool(words) and (
                name[:1].isupper()
                or (len(words) <= 6 and words[-1][:1].isupper())  # "said city spokesman Tom Adler"
                or (words[0] == "the" and words[-1].casefold() in lexicon.ROLE_WORDS)
            )
            if named and not when_word and re.match(r"\s*[,.]", text[name_end : name_end + 2]):
                subject = name.strip()
                apposed = _APPOSED_NAME.match(text, name_end, e)
                if apposed and name[:1].islower():
                    # '"…," said the union's secretary, Tom Price, "…"': the name set off after
                    # the description is who speaks
                    subject = apposed.group("name")
                sub_start = v_end
                inverted = True  # '"…," said Maria Lopez, who …': the words before are hers
        if not subject:
            continue
        authored = _AUTHORED.match(subject)
        if authored:  # "A report from Amnesty International said …": Amnesty International
            sub_start += authored.start("who")
            subject = authored.group("who")
        if verb in ("asked", "asks") and _ANONYMITY.match(text, v_end, e):
            continue  # "who asked not to be named": said of the source, not a saying
        if verb in ("expects", "expected", "expect") and re.match(r"\s+to\s", text[v_end:e]):
            continue  # "the coalition expected to hold 62 seats": a plan, not a statement
        if verb in _NOUN_OR_VERB and re.match(_NOT_A_VERB_AFTER, text[v_end:e]):
            continue  # "reports in Ukrainian media", "reports indicate"
        before = text[s : aux_start if inverted else sub_start].rstrip()
        after = text[v_end:e]
        quote_before = bool(_QUOTE_BEFORE.search(before))
        short_before = (len(before.split()) <= 2 or bool(_INTRO.match(before))) and not quote_before
        short_after = inverted or bool(_SHORT_AFTER.match(after))
        apposition = None if short_after or inverted else _APPOSITION_AFTER.match(after)
        if apposition and (
            _FINITE.search(apposition.group("np"))
            or not (len(apposition.group("when").split()) <= 3 or _ADVERBIAL.match(after))
        ):
            apposition = None
        if apposition:  # "…, the Met Office said, the driest spell since 1911.": a noun phrase
            short_after = True  # set off after the cue describes the statement before it
        if short_after and not inverted and verb not in _OTHER_VERB_SET and apposition is None:
            # "…, officials said on Monday." but not "…, Paul Grant, said 80 jobs would go."
            tail = re.split(r"[.;!?,]", after, maxsplit=1)[0]
            if verb in ("told", "tells"):  # "…, a spokesperson told Reuters on condition of …"
                tail = _LISTENER.sub("", tail, count=1)
            short_after = len(tail.split()) <= 3 or bool(_ADVERBIAL.match(tail))
        set_off = quote_before or bool(_SET_OFF.search(before))
        if before and not short_before and short_after and not set_off:
            continue  # "… reported that the captain had asked to delay": a clause, not a cue
        if before and not short_before and (quote_before or short_after):
            # ("…, an airport spokesperson told Reuters": the article is the subject's)
            kept = _ARTICLE_END.sub("", before).rstrip(",").rstrip()
            described = _DESCRIBED_NAME.search(kept) if subject[:1].isupper() else None
            if described:  # "…, the clerk, Jo Whitfield, told reporters": her description
                kept = kept[: described.start()]
            c_end = s + len(kept)
            found.append(_Found(s, c_end, subject, verb, sub_start, v_end, []))
            trail = _TRAILING.search(text, v_end, e)
            if trail:
                weak = not re.match(r"\s*that\b", text[trail.end() : e])
                found.append(_Found(trail.end(), e, subject, verb, sub_start, v_end, [], weak))
            elif apposition:  # (its words are the source's, no statement of their own)
                found.append(
                    _Found(v_end + apposition.start("np"), e, subject, verb, sub_start, v_end, [],
                           True)
                )  # fmt: skip
            continue
        after_start = v_end
        as_saying = _AS_SAYING.match(text, v_end, e) if verb in ("cited", "quoted") else None
        if as_saying:  # "The paper cited two officials as saying …": the officials, relayed
            found.append(
                _Found(as_saying.end(), e, as_saying.group("who"), verb, s + m.start(),
                       as_saying.end(), [subject])
            )  # fmt: skip
            continue
        whom = _TOLD_WHOM.match(text, v_end, e) if verb in ("told", "tells") else None
        if whom and not re.match(r"\s*(?:[,.;:!?]|$)", text[whom.end() : e]):
            after_start = whom.end()  # "told the paper the budget had been cut": the paper
        elif verb in (
            "told", "tells", "accused", "accuses", "asked", "advised", "quoted", "urged", "urges"
        ):  # fmt: skip
            obj, obj_end = _np_after(text, v_end, e)
            if obj and len(obj) < 60:
                after_start = obj_end
                if verb in ("accused", "accuses"):
                    of = re.match(r"\s+of\s", text[obj_end:e])
                    after_start = obj_end + (of.end() if of else 0)
        when = _SAID_WHEN.match(text, after_start, e)
        if when:  # "said on Thursday that …": the date is the saying's, the outlet's own
            after_start = when.end()
        elif verb in _OTHER_VERB_SET:
            until = _UNTIL_THAT.match(text, after_start, e)
            if until:  # "sagde onsdag til DR, at …": the day and the listener are the saying's
                after_start = until.end()
        that = _THAT.match(text, after_start, e)
        c_start = that.end() if that else after_start
        has_that = bool(re.match(r"\s*(?:that\b|:|[“\"])", text[after_start:e]))
        showing = _SHOWING.match(text, c_start, e) if verb in ("shared", "shares") else None
        if showing:
            # "had shared estimates showing Russia recruiting …": what the figures show is the
            # subject's statement
            found.append(_Found(showing.end(), e, subject, verb, sub_start, v_end, []))
            continue
        if verb in _OBJECT_VERBS and not has_that:
            # (what is blamed runs on with its place: "blamed years of neglect in the roads")
            places = "" if verb in ("blamed", "blames") else "|in|on|at(?!\\s+(?:least|most))"
            stop = re.search(
                rf",(?!\d)|\s(?:after|during|before|following|while|when{places})\s"
                rf"|\s+and\s+{_AUX}(?:{_VERBS})\b",
                text[c_start:e],
            )
            end = c_start + stop.start() if stop else e
            found.append(_Found(c_start, end, subject, verb, sub_start, v_end, [], True))
            continue
        if c_start >= e - 1:
            found.append(_Found(e, e, subject, verb, sub_start, v_end, []))  # names a source only
            continue
        if short_before and before:
            # "Thirdly, Griffiths said, the troops …": the rest of the sentence is theirs
            c_start = max(c_start, v_end)
        found.append(_Found(c_start, e, subject, verb, sub_start, v_end, []))
    # A group ("Insurers estimate …", "Local farmers fear …") inside the words of a named source
    # is what that source says, not a source of its own.
    groups = [f for f in found if (f.raw, f.cue_start) in generic or _is_group(f.raw)]
    for g in groups:
        if any(f.start <= g.cue_start < f.end for f in found if f not in groups):
            found.remove(g)
    # The ministry's figures show that …, figures from X show …
    show_word = _SHOW_WORD.search(body)
    shows = _FIGURES_SHOW.finditer(body) if show_word else iter(())
    for m in shows:
        owner = clean_name(m.group("owner") or m.group("by") or "")
        if owner:
            found.append(_Found(s + m.end(), e, owner, "show", s + m.start(), s + m.end(), []))
    showed = _FIGURES_SHOWED.search(body) if show_word else None
    if showed:
        whose: str = showed.group("owner") or showed.group("by") or showed.group("adjunct") or ""
        owner = (
            clean_name(whose) if whose else (showed.group("what") if showed.group("desc") else "")
        )
        if owner:
            found.append(_Found(s, s + showed.start(), owner, "show", s + showed.start(), e, []))
    # The ministry put the death toll at 34
    for m in _PUT_AT.finditer(body):
        by = _ESTIMATES_BY.search(text, s, s + m.start())
        if by:  # "Estimates by the UN refugee agency put …": the agency
            subject, sub_start = by.group("np"), by.start("np")
        else:
            adverb = _BEFORE_PUT.search(text, s, s + m.start())
            # ("Kyiv last put its own dead at …": the subject before the adverb)
            subject, sub_start = _subject_before(
                text, adverb.start() if adverb else s + m.start(), s
            )
        if subject:
            # (the estimate ends at its figure: "…at 52,000, in March 2025" dates the putting)
            stop = _PUT_END.search(text, s + m.end(), e)
            end = stop.start() if stop else e
            found.append(
                _Found(s + m.start("what"), end, subject, "put", sub_start, s + m.start("what"), [])
            )
    # X rejected the claim, saying …
    for m in _SAYING.finditer(body):
        if any(f.cue_start < s + m.start() and s + m.start() < f.end for f in found):
            continue
        opening = _OPENING_SUBJECT.match(body)
        if not opening or opening.end() > m.start():
            continue
        subject = opening.group("np")
        words = subject.split()
        named = subject[:1].isupper() and (
            words[0] in ("The", "A", "An") or all(w[:1].isupper() for w in words)
        )
        if named:
            found.append(_Found(s + m.end(), e, subject, "saying", s, s + opening.end("np"), []))
    # X called the rise "…"
    for m in _CALLED_QUOTE.finditer(body) if "“" in body or '"' in body else ():
        subject, sub_start = _subject_before(text, s + m.start(), s)
        if subject and not any(f.cue_start == sub_start for f in found):
            found.append(
                _Found(s + m.start("q"), s + m.end("q"), subject, m.group("verb"), sub_start,
                       s + m.start("q"), [])
            )  # fmt: skip
    # "X said it had confirmed …": a pronoun opening what a source says is that source
    for f in found:
        if f.raw.casefold() in _PRONOUNS:
            holders = [
                g for g in found
                if g is not f and g.cue_end <= f.cue_start and g.start <= f.cue_start < g.end
                and g.raw.casefold() not in _PRONOUNS and not text[g.start : f.cue_start].strip()
            ]  # fmt: skip
            if holders:
                f.raw = holders[-1].raw
    # citing X / quoted by Z: relays
    for m in _CITING_OR_QUOTED_BY.finditer(body):
        document = _DOCUMENT_OF.match(text, s + m.end(), e)
        # ("citing figures from X": X)
        name, _ = _np_after(text, document.end() if document else s + m.end(), e)
        if not name:
            continue
        if m.group(1).casefold() == "citing":
            if _UNOWNED_DOCUMENT.fullmatch(name):
                continue  # "citing preliminary data": the subject's own figures, no one else's
            near = [f for f in found if f.cue_start < s + m.start()]
            if near:
                outer = max(near, key=lambda f: f.cue_start)
                outer.relays.insert(0, outer.raw)
                outer.raw = name
                outer.cue = "citing"
        else:
            near = [f for f in found if f.cue_start <= s + m.start() + 200]
            for f in near:
                if f.cue_start < s + m.start():
                    f.relays.append(name)
    return found


def _quotes(text: str, sent: Span) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[“\"]([^“”\"]{12,}?)[”\"]", text[sent.start : sent.end]):
        out.append((sent.start + m.start(1), sent.start + m.end(1)))
    return out


def _interview_blocks(text: str) -> list[Span]:
    """Answer blocks of a Q&A: the paragraphs after a question line, up to the next question."""
    questions = [m for m in _QUESTION_LINE.finditer(text) if "\n" not in m.group(0)]
    if len(questions) < 2:
        return []
    blocks: list[Span] = []
    for i, q in enumerate(questions):
        stop = questions[i + 1].start() if i + 1 < len(questions) else len(text)
        blocks.append(Span(q.end(), stop))
    return blocks


_OPENING_MARKS = tuple('“"‘«„”')
_CLOSING = '.!?:”"’)»」。“«'


def _closes_sentence(body: str) -> bool:
    """True when *body* ends (before a last line break) on a mark that closes a sentence: what
    searching it for ``[.!?:”"’)»」。“«]$`` finds."""
    end = len(body) - 1 if body.endswith("\n") else len(body)
    return end > 0 and body[end - 1] in _CLOSING


def extract_attributions(text: str, language: str | None = None) -> list[Attribution]:
    """Every attributed (or hedged) statement in *text*, in order."""
    lang = language or guess_language(text)
    names = NameIndex(text)
    out: list[Attribution] = []
    previous: Attribution | None = None
    previous_par = -1
    interviewee: Attribution | None = None
    blocks = _interview_blocks(text)
    opening: tuple[int, Span, int] | None = None  # the article's first sentence, no source
    between: tuple[int, Span, int, Attribution] | None = None  # after a source's, no cue
    last_par = -1
    breaks = [m.start() for m in re.finditer(r"\n\n" if "\n\n" in text else r"\n", text)]
    previous_index = -2
    # Korean speakers passing on a body's briefing ("윤 의원" -> the intelligence service)
    briefers: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
    last_sent: tuple[int, Span] | None = None
    for index, sent in enumerate(sentences(text)):
        body = text[sent.start : sent.end]
        if len(body) < 100 and not _closes_sentence(body):
            continue  # a heading or a caption credit (German quotations close on “ and «)
        par = bisect.bisect_left(breaks, sent.start)
        # (the English reading needs a Latin word or a verb of its list written otherwise)
        english = lang == "en" or bool(_ENGLISH_READABLE.search(body))
        cues = _find_cues(text, sent) if english else []
        if lang != "en":
            foreign = [
                _Found(c.start, c.end, c.raw, c.cue, c.cue_start, c.cue_end, list(c.relays))
                for c in foreign_cues(text, sent)
            ]
            if lang == "de":
                foreign = _with_german(text, sent, foreign)
                # (the German reading of a verb of saying wins over the English one's there)
                cues = [
                    c
                    for c in cues
                    if not any(c.cue_start < g.cue_end and g.cue_start < c.cue_end for g in foreign)
                ]
            # the language's own reading of the same words wins ("skriver med henvisning til")
            spans = {(f.start, f.end) for f in foreign}
            # (and a verb inside the language's own cue is read with it: "Как пишет X")
            cues = [
                c
                for c in cues
                if (c.start, c.end) not in spans
                and not any(f.cue_start <= c.cue_start and c.cue_end <= f.cue_end for f in foreign)
            ] + foreign
        colon = _COLON_QUOTE.search(body) if lang in ("en", "de") and ":" in body else None
        if lang == "ru" and ":" in body:
            # "Местная жительница Анна Белова: «…»": a Russian speaker named just before the
            # colon, no verb, speaks the quotation after it
            named = _RU_NAME_COLON_QUOTE.match(body)
            colon = _RU_COLON_QUOTE.search(body, named.end() - 3) if named else None
        if colon is not None and not any(
            c.start <= sent.start + colon.end() - 1 < max(c.end, c.start + 1) for c in cues
        ):
            # "Councillor Mark Ellery, who chairs …, was less forgiving: "…"": the person the
            # sentence opens on speaks the quotation after the colon
            who = names.first_person(sent.start, sent.start + colon.start())
            if lang == "ru" and who is not None:
                named_end = who[0] + len(who[1])
                who = who if text[named_end : sent.start + colon.start()].strip() == "" else None
            if who is not None and len(body[: colon.start()].split()) <= 25:
                mark = sent.start + colon.end() - 1
                cues.append(_Found(mark, sent.end, who[1], "colon", who[0], mark, []))
        made: list[Attribution] = []
        for f in sorted(cues, key=lambda f: f.cue_start):
            if f.cue.startswith(KO_BRIEFED):
                back = last_sent[1] if last_sent and last_sent[0] == index - 1 else None
                _note_briefing(names, f, briefers, out, back)
                continue
            resolved = names.resolve(f.raw, f.cue_start)
            if resolved is None:
                continue
            name, kind, variants = resolved
            names.note_source(name, kind, f.cue_start)
            names.note_variants(name, kind, f.cue_start, variants)
            relays = []
            for r in f.relays:
                rr = names.resolve(r, f.cue_start)
                if rr is not None:
                    relays.append(rr[0])
            taken_up = (
                _TAKEN_UP.match(f.raw) is not None and name.split()[-1] == f.raw.split()[-1]
            ) or (_KO_TAKEN_UP.fullmatch(f.raw.strip()) is not None and name != f.raw.strip())
            if not relays and taken_up:
                # "The Courier reported, citing a senior executive, that … . The executive said
                # …": an unnamed source taken up again is still passed on by whoever cited it
                cited = next((a for a in reversed(out) if a.source == name), None)
                if cited is not None and cited.relayed_by and f.cue_start - cited.end < 400:
                    relays = list(cited.relayed_by)
            start, end = _trim(text, f.start, f.end)
            if end <= start:
                continue
            if f.cue_start >= end:  # "…», — сказали в пресс-службе": the quotation may open
                # sentences before ("“…,” siger hun": its closing mark after the comma)
                closing = _CLOSING_AFTER.match(text, end, f.cue_start + 1)
                start = _quotation_opened_before(text, start, closing.end() if closing else end)
                if closing is not None and closing.group(0).endswith("«"):
                    end = closing.end()  # "»…,« siger hun": the quotation with its closing mark
            # (what ``[“"‘«„”].*[”"’»“,.]?`` matches whole: a statement opening on a quotation
            # mark)
            first_char = start
            while first_char < end and text[first_char].isspace():
                first_char += 1
            quoted = first_char < end and text[first_char] in _OPENING_MARKS
            if quoted and f.cue_start < start:
                end = _quotation_end(text, start, end)
            if lang in ("de", "da") and not quoted:  # German and Danish print's »…«
                quoted = bool(_PRINT_QUOTATION.fullmatch(text[start:end].strip()))
            made.append(
                Attribution(
                    start, end, name, kind, tuple(relays), f.cue, f.cue_start, f.cue_end,
                    quotation=quoted, variants=variants, weak=f.weak,
                )
            )  # fmt: skip
        made = _chain(text, made, lang == "en")
        opening_quote = _OPENING_QUOTATION.match(body) if lang in ("de", "ru") else None
        if (
            opening_quote is not None
            and previous is not None
            and previous.quotation
            and previous.source
            and par == previous_par
            and index == previous_index + 1
            and not any(a.start <= sent.start < a.end for a in made)
        ):
            # "„…“, sagte X. „… .“ Er fügte hinzu, …": the quotation going on, read as one
            # sentence with the next, is X's too
            made.insert(
                0,
                Attribution(
                    sent.start, sent.start + opening_quote.end("q"), previous.source,
                    previous.source_kind, previous.relayed_by, "carried over", previous.cue_start,
                    previous.cue_end, quotation=True, variants=previous.variants,
                ),
            )  # fmt: skip
        if lang == "ko" and made:
            made = _briefed_findings(text, made, briefers)
        if (
            not made
            and lang == "de"
            and previous is not None
            and previous.source
            and par - previous_par <= 1
            and _DE_SAID_THERE.search(body)
        ) or (
            not made
            and lang == "ru"
            and previous is not None
            and previous.source
            and par - previous_par <= 1
            and _RU_SAID_THERE.match(body)
        ):
            # "…, heißt es in dem Bericht", "…, heißt es darin": the report or paper just
            # cited, so its source (and whoever passed it on)
            made.append(_carry(previous, sent, cue="heißt es darin" if lang == "de" else "там же"))
        if not made:
            hedge = _HEDGE.search(body) or (german_hedge(body) if lang == "de" else None)
            if hedge:
                made.append(
                    Attribution(
                        sent.start, sent.end, None, "", (), hedge.group("h").casefold(),
                        sent.start + hedge.start(), sent.start + hedge.end(),
                        hedge=hedge.group("h").casefold(),
                    )
                )  # fmt: skip
            elif previous is not None and previous.source and par - previous_par <= 1:
                # "This marks …" in the same paragraph or opening the next one
                if _CARRY.match(body) or _CARRY_INSIDE.match(body):
                    made.append(_carry(previous, sent))
                elif (
                    lang == "ru"
                    and par == previous_par
                    and index == previous_index + 1
                    and _closes_quotation_of(text, previous, body)
                ):
                    # "X заявил: «Переговоры шли три месяца. Следующий обмен — в октябре».": the
                    # quotation opened in the sentence before runs on to its closing mark
                    made.append(replace(_carry(previous, sent), quotation=True))
                elif (
                    lang == "en"
                    and par == previous_par
                    and index == previous_index + 1
                    and not previous.quotation
                    and previous.cue not in _NON_VERB_CUES
                    and _BACKSHIFTED.match(body)
                ):
                    # "Ruiz said the plan would cost £5m. It would also create 200 jobs.": reported
                    # speech goes on in the tense it was reported in
                    made.append(_carry(previous, sent))
                elif (
                    par == previous_par
                    and index == previous_index + 1
                    and _QUOTED_SENTENCE.match(body)
                ):
                    # '"…," said X. "About 40 are empty."': a quotation carried on
                    made.append(_carry(previous, sent))
                elif (
                    lang == "ko"
                    and index == previous_index + 1
                    and previous.cue != "quote"
                    and _HANGUL.search(body)
                    and (
                        # (a topic comes before the figure, "높은" after it is an adjective; a
                        # subject marked by 이/가 may follow it: "주택 1,320채가 잠겼다")
                        (
                            not _KO_SUBJECT_OF_ITS_OWN.search(
                                _KO_ADVERBIAL_TOPIC.sub(" ", re.split(r"\d", body, maxsplit=1)[0])
                            )
                            and not _KO_NOMINATIVE.search(body)
                        )
                        # a count and how it moved ("혼인 건수는 1만9천여 건으로 5.1% 증가했다")
                        # goes on with the account of whoever counted, whatever its subject,
                        # within the paragraph, or opening the next one with a breakdown of it
                        # or its period ("품목별로는 …", "같은 달 …"); another new paragraph's
                        # count may be the outlet's own
                        or (
                            (par == previous_par or _KO_BREAKDOWN.match(body) is not None)
                            and _KO_MOVED.search(body)
                            and not _QUOTE_MARK.search(body)
                        )
                        # the survey or tally just cited, told of ("조사는 지난 9월 … 진행됐다")
                        or (par == previous_par and _KO_THE_DOCUMENT.match(body) is not None)
                    )
                ):
                    # A Korean sentence with no subject of its own goes on with the one before
                    # ("…에 따르면 … 41% 올랐다. 평년 가격과 비교하면 27% 높은 수준이다.")
                    made.append(_carry(previous, sent))
                elif (
                    lang == "ru"
                    and par == previous_par
                    and index == previous_index + 1
                    and not previous.quotation
                    and (_RU_MOVED.search(body) or _RU_THE_REST.match(body))
                    and not _QUOTE_MARK.search(body)
                ):
                    # ("… . Остальные 25 сбиты над …": the rest of the count just given too)
                    # "По данным X, … . За неделю площадь выросла втрое.": a count and how it
                    # moved goes on with the account before it in the paragraph
                    made.append(_carry(previous, sent))
                elif (
                    lang == "de"
                    and par == previous_par
                    and index == previous_index + 1
                    and SUBJUNCTIVE.search(body)
                    and not _QUOTE_MARK.search(body)
                ):
                    # "X sagte, … . Es gebe 40 Verletzte.": reported speech in the subjunctive
                    # goes on with whoever spoke (after a quotation too)
                    made.append(_carry(previous, sent))
            if not made and interviewee is not None:
                in_block = any(b.start <= sent.start < b.end for b in blocks)
                if in_block and not body.endswith("?") and not _CAPTION.search(body):
                    made.append(_carry(interviewee, sent, cue="interview"))
        sourced = [a for a in made if a.source]
        if sourced and "interview" in body.casefold():
            interviewee = sourced[-1]
        if opening is not None and made and opening[0] == index - 1 and opening[2] == par:
            # "Prices rose 7 %. According to the bureau, …": the article's lead, its first
            # sentence with no source and the next one opening on whose account it is, is on
            # that account too
            # ("… 86명으로 늘었다. 질병청은 이 같은 집계를 발표하며 …": a next sentence naming
            # who counted what the first one reported)
            refers_back = lang == "ko" and _KO_REFERS_BACK.search(body) is not None
            lead = next(
                (a for a in made if a.source and (refers_back or _opens_on_account(text, sent, a))),
                None,
            )
            if lead is not None:
                out.append(_carry(lead, opening[1]))
        opening = (index, sent, par) if not made and last_par < 0 else None
        first = next((a for a in made if a.source), None)
        if (
            between is not None
            and first is not None
            and between[0] == index - 1
            and between[2] == par
            and first.source == between[3].source
        ):
            # "По её словам, … . Ежедневно … до 15 тысяч. Она подчеркнула, что …": a sentence
            # with no cue between two of one source's in a paragraph is that source's too
            out.append(_carry(between[3], between[1]))
        between = (
            (index, sent, par, previous)
            if not made
            and previous is not None
            and previous.source
            and previous_index == index - 1
            and previous_par == par
            and not _QUOTE_MARK.search(body)
            else None
        )
        last_par = par
        last_sent = (index, sent)
        if lang == "ru" and made:
            out = _told_the_outlet(out, made, sent)
        if made:
            previous = made[-1] if made[-1].source else previous
            previous_par = par
            previous_index = index
            out.extend(made)
        elif par != previous_par:
            previous = None
    out.sort(key=lambda a: (a.start, a.end))
    return out


def _ko_person_key(name: str) -> tuple[str, str]:
    """What a Korean name written in full and its short form share: the family name and the
    title ("윤재혁 의원" and "윤 의원"); a body's name whole."""
    words = name.split()
    return (words[-2][:1], words[-1]) if len(words) >= 2 else (name, "")


def _note_briefing(
    names: NameIndex,
    f: _Found,
    briefers: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]],
    out: list[Attribution],
    back: Span | None,
) -> None:
    """A Korean speaker briefed by a body ("국정원으로부터 이같이 보고받았다고 전했다"): the speaker
    is noted as passing that body's briefing on; with "이같이", what the sentence before (*back*)
    gave is the body's, relayed by the speaker."""
    by = names.resolve(f.raw, f.cue_start)
    speaker = names.resolve(f.relays[0], f.cue_start) if f.relays else None
    if by is None or speaker is None:
        return
    names.note_source(speaker[0], speaker[1], f.cue_start)
    briefers[_ko_person_key(speaker[0])] = by
    if back is None or not f.cue.endswith("이같이"):
        return
    said = [i for i, a in enumerate(out) if back.start <= a.start < back.end]
    for i in said:
        if out[i].source and not out[i].relayed_by:
            out[i] = replace(out[i], relayed_by=(speaker[0],))
    if not said:
        out.append(
            Attribution(
                back.start, back.end, by[0], by[1], (speaker[0],), f.cue, f.cue_start, f.cue_end,
                variants=by[2],
            )
        )  # fmt: skip


# A finding given in the passive ("…2명으로 파악됐다고", "확인됐다고"): not the speaker's own.
_KO_PASSIVE_FINDING = re.compile(
    r"(?:파악|확인|집계|추산|추정|보고|분석|조사)(?:됐|되었)다고?$"
    r"|(?:파악|확인|집계|추산|추정)된\s?것으로\s?(?:나타났|알려졌)다고?$"
)


def _briefed_findings(
    text: str,
    made: list[Attribution],
    briefers: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]],
) -> list[Attribution]:
    """A Korean speaker's statements with the body whose briefing they pass on: its name noted
    from a body's statement the speaker relayed, and a finding in the passive the speaker gives
    afterwards ("…로 파악됐다고 윤 의원은 덧붙였다") is that body's, relayed by the speaker."""
    out: list[Attribution] = []
    for a in made:
        if a.source and a.relayed_by and not _HANGUL_UPPER.search(a.source):
            relay = a.relayed_by[0]
            if " " in relay and _ko_person_key(relay) not in briefers:
                briefers[_ko_person_key(relay)] = (a.source, a.source_kind, a.variants)
        body = briefers.get(_ko_person_key(a.source)) if a.source else None
        if body is not None and a.source and _KO_PASSIVE_FINDING.search(text[a.start : a.end]):
            a = replace(
                a, source=body[0], source_kind=body[1], variants=body[2],
                relayed_by=(a.source, *a.relayed_by),
            )  # fmt: skip
        out.append(a)
    return out


_HANGUL_UPPER = re.compile(r"[A-Za-z]")


# Cues that say on whose account a statement is, before it: "according to", "ifølge",
# "по данным", "에 따르면", "بحسب".
_ACCOUNT_CUE = re.compile(
    r"(?:according to|에 따르면|ifølge|iflg\.|laut|nach angaben|по\s|за\s|согласно|"
    r"وفقا|وفقاً|بحسب|حسب|وفق)"
)


def _with_german(text: str, sent: Span, found: list[_Found]) -> list[_Found]:
    """*found* with the German reading of a sentence: a German cue replaces the shared
    readers' cues over the same words or the same statement."""
    german = [
        _Found(c.start, c.end, c.raw, c.cue, c.cue_start, c.cue_end, list(c.relays))
        for c in german_cues(text, sent.start, sent.end)
    ]
    if not german:
        return found
    kept = [
        f
        for f in found
        if not any(
            (f.start, f.end) == (g.start, g.end)
            or (f.cue_start < g.cue_end and g.cue_start < f.cue_end)
            for g in german
        )
    ]
    return kept + german


def _opens_on_account(text: str, sent: Span, a: Attribution) -> bool:
    """True when *a*'s cue opens *sent* with whose account it is and the statement follows."""
    return (
        bool(_ACCOUNT_CUE.match(a.cue))
        and not text[sent.start : a.cue_start].strip()
        and a.start >= a.cue_end
    )


# A source taken up again by a description ("the executive", "the official").
_TAKEN_UP = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")
# (in Korean, "이들", "이 관계자")
_KO_TAKEN_UP = re.compile(r"이(?:들|\s[\uac00-\ud7a3]+)")
_PAIRS = {"»": "«", "”": "“", "“": "„", "«": "»"}
_CLOSING_AFTER = re.compile(r",?[”\"’«]")


def _quotation_opened_before(text: str, start: int, end: int) -> int:
    """Where a quotation that closes inside ``text[start:end]`` without opening there began:
    its opening mark in an earlier sentence of the same paragraph (a quotation of several
    sentences is the speaker's whole), else *start*."""
    piece = text[start:end]
    for close, opening in _PAIRS.items():
        at = piece.find(close)
        if close == "«" and (at <= 0 or piece[at - 1].isspace() or "»" in piece[at:]):
            continue  # « opens a quotation ("сказал: «…»"); it closes Danish print's »…«
        if at >= 0 and opening not in piece[:at]:
            break
    else:
        if piece.count('"') % 2 == 0 or not re.search(r'\S"', piece):
            return start
        close, opening, at = '"', '"', piece.find('"')
        if at == 0 or piece[at - 1].isspace():
            return start
    floor = max(0, start - 1200, text.rfind("\n", 0, start) + 1)
    found = text.rfind(opening, floor, start)
    if found < 0 or (close != opening and text.find(close, found, start) >= 0):
        return start
    return found


def _holds_cue(a: Attribution, b: Attribution) -> bool:
    return a.start <= b.cue_start < a.end


def _relays(outer: Attribution, inner: Attribution) -> bool:
    """True when *outer*'s words hold *inner*'s cue: *outer*'s source passed *inner*'s on.

    When each holds the other's cue ("X said …, according to Y"), the earlier cue is the
    original source's."""
    if outer is inner or not (inner.source and outer.source):
        return False
    if normalise(outer.source) == normalise(inner.source):
        return False
    if not _holds_cue(outer, inner):
        return False
    return not _holds_cue(inner, outer) or inner.cue_start < outer.cue_start


def _chain(text: str, made: list[Attribution], english: bool = False) -> list[Attribution]:
    """Within one sentence, a source whose words hold another source's cue relayed them:
    "وأعلنت الأمم المتحدة أنها …، بحسب ما نقلت الوكالة" has the UN as the source and the
    agency as its relay.  The relay's own span stops where the inner cue begins, and the
    original's stops where the relay's cue begins."""
    out: list[Attribution] = []
    # "She said the authority expected the number to rise": what another holds is the
    # speaker's account of it, no source of its own that the speaker passed on
    made = [
        a
        for a in made
        if a.cue not in _THINKING
        or not any(
            o.cue_start < a.cue_start and o.cue not in _THINKING and _relays(o, a) for o in made
        )
    ]
    for a in made:
        outers = [o for o in made if _relays(o, a) and _contrast_at(text, a) is None]
        inner_cues = [_contrast_at(text, b) or b.cue_start for b in made if _relays(a, b)]
        relays = [o.source for o in outers if o.source and o.source not in a.relayed_by]
        if relays:
            a = replace(a, relayed_by=(*a.relayed_by, *relays))
        ends = [*inner_cues, *(o.cue_start for o in outers if _holds_cue(a, o))]
        if ends:
            start, end = _trim(text, a.start, min(ends))
            if end <= start or _subject_only(text, start, end, made, min(ends)):
                continue
            if (
                english
                and inner_cues
                and min(ends) == min(inner_cues)
                and _NO_CLAUSE.fullmatch(text, start, end)
                and not _FINITE.search(text, start, end)
                and not _VERB_LIKE.search(text, start, end)
            ):
                # "In Moscow, a ministry spokesman, …" before the speaker a relay passes on:
                # the speaker's description, no statement of the relay's own
                continue
            a = replace(a, end=end)
        out.append(a)
    return out


# Words with no digit, quotation mark or clause break of their own (a description of a speaker).
_NO_CLAUSE = re.compile(r"[A-Za-z’' ,.-]{0,120}")
# A word that may be a verb of its own: a past tense, or a verb of saying ("reported").
_VERB_LIKE = led(r"[a-z]ed\b|\b(?:" + _VERBS + r")\b")
# (or a colon or semicolon before a cue of its own: "X fear that …: according to Y, …")
# Verbs of what someone thinks or expects, not of what they said.
_THINKING = frozenset(
    "expects expected believes believed fear fears feared hopes hoped thinks thought".split()
)
_CONTRAST = re.compile(r"[,;]\s*(?:while|whereas|but|though|although)\s+(?:the\s+)?$|[:;]\s*$")


def _contrast_at(text: str, inner: Attribution) -> int | None:
    """Where a clause set against the one before opens with *inner*'s source ("X said …,
    while police put the toll at 8"): the other source's words stop there, and *inner*'s are
    no relay of them.  None when *inner*'s cue opens no such clause."""
    m = _CONTRAST.search(text, max(0, inner.cue_start - 30), inner.cue_start)
    return m.start() if m else None


def _subject_only(text: str, start: int, end: int, made: list[Attribution], cut: int) -> bool:
    """True when ``text[start:end]``, cut short where another source's verb cue begins, is only
    the head of that source's subject ("Observers from the regional monitoring" before "mission
    reported"): no clause of its own, so no statement."""
    piece = text[start:end]
    inner = [b for b in made if b.cue_start == cut and b.start >= cut]  # "X said CONTENT"
    return bool(inner) and not re.search(r"[,;:“”\"«»]", piece) and len(piece.split()) <= 8


_OUTLET_PASSES_ON = re.compile(r"как\s+(?:сообщает|сообщил[аио]?|пишет|писал[аио]?|переда[её]т)")


def _told_the_outlet(
    out: list[Attribution], made: list[Attribution], sent: Span
) -> list[Attribution]:
    """ "Как сообщает агентство «X», … . Об этом агентству рассказал источник …": who told the
    outlet is the source of what it passed on, the outlet its relay."""
    told = next((a for a in made if a.source and a.end <= sent.start and not a.relayed_by), None)
    if told is None or told.source is None:
        return out
    kept: list[Attribution] = []
    for a in out:
        if (
            told.start <= a.start
            and a.end <= told.end
            and a.source
            and not a.relayed_by
            and a.source != told.source
            and _OUTLET_PASSES_ON.match(a.cue)
        ):
            a = Attribution(
                a.start, a.end, told.source, told.source_kind, (a.source,), a.cue, a.cue_start,
                a.cue_end, quotation=a.quotation, variants=told.variants,
            )  # fmt: skip
        kept.append(a)
    return kept


_CLOSES = {"„": "“”", "«": "»", "»": "«", "“": "”“", '"': '"', "”": "”"}


def _quotation_end(text: str, start: int, end: int) -> int:
    """Where a quotation opening at *start* after its speaker's cue closes, when it runs on
    past the sentence ending at *end* ("X sagt: „… . … .“"): its closing mark in the same
    paragraph; else *end*."""
    closing = _CLOSES.get(text[start], "")
    if not closing or any(ch in closing for ch in text[start + 1 : end]):
        return end
    for at in range(end, min(len(text), end + 600)):
        ch = text[at]
        if ch == "\n" or (ch in _OPENING_MARKS and ch not in closing):
            return end
        if ch in closing:
            return at + 1
    return end


def _closes_quotation_of(text: str, prev: Attribution, body: str) -> bool:
    """Whether *body* closes a guillemet quotation that *prev*'s statement opened and left
    open (a quotation of several sentences, split at its full stops)."""
    said = text[prev.start : prev.end]
    closing = body.find("»")
    return said.count("«") > said.count("»") and closing >= 0 and "«" not in body[:closing]


def _carry(prev: Attribution, sent: Span, cue: str = "carried over") -> Attribution:
    return Attribution(
        sent.start, sent.end, prev.source, prev.source_kind, prev.relayed_by, cue,
        prev.cue_start, prev.cue_end, variants=prev.variants,
    )  # fmt: skip


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:–—":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:–—،":
        end -= 1
    return start, end


__all__ = ["Attribution", "clean_name", "extract_attributions", "guess_kind"]
