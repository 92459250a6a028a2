"""Attribution cues of German news text that the shared readers do not cover.

German puts the finite verb second and the source's noun phrase anywhere around it: "laut
X", "X zufolge", "nach Angaben von X", "wie X mitteilte", "…, teilte X mit", "…, so X",
"X berichtet unter Berufung auf Y, …".  A noun phrase is read by the shape of the language:
an article, inflected adjectives, capitalised nouns and a genitive after them ("der
örtlichen Polizei", "des Roten Kreuzes", "einem Sprecher des Ministeriums").
"""

from __future__ import annotations

import re

from db.assist import foreign
from db.assist.foreign import Cue
from db.assist.patterns import led

# Words of a noun phrase that are neither nouns nor names.
_ARTICLES = frozenset(
    "der die das des dem den ein eine einer eines einem einen dessen deren".split()
)
# Lower-case words that join a second noun phrase to the first ("Sprecher des Ministeriums",
# "Polizei von Köln"): a genitive article or "von".
_LINKS = frozenset("des der von vom".split())
# Inflected adjectives before their noun ("der örtlichen Polizei").
_ADJECTIVE = re.compile(r"[a-zäöüß][a-zäöüß-]*(?:e|en|er|es|em)")
# Finite verbs and other words with an adjective's ending that never stand in a noun phrase.
_NOT_ADJECTIVES = frozenset(
    "seien wurden werden haben hätten waren sollen sollten können könnten müssen dürfen "
    "wollen gegeben worden geben gebe habe werde sei wäre wären kamen gingen lagen standen "
    "starben stiegen sanken mehrere weitere einige viele wenige andere unsere seine ihre "
    "ihren seinen diese dieser dieses jene aber oder sowie gegen unter hinter über "
    "sagte sagten erklärte erklärten berichtete berichteten".split()
)
# Lower-case names of news agencies that follow the noun naming them ("Nachrichtenagentur dpa").
_LOWER_NAMES = frozenset("dpa afp ap epd kna sid".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\S")


def _noun_phrase(text: str, pos: int, end: int) -> int:
    """Where the noun phrase starting at *pos* ends (*pos* when there is none)."""
    last = pos
    seen_noun = need_noun = False
    prev_end = pos
    at = pos
    while True:
        m = _WORD.search(text, at, end)
        if m is None:
            break
        at = m.end()
        word = m.group(0).rstrip(".")
        folded = word.casefold()
        if text[prev_end : m.start()].strip():
            break
        closed = seen_noun and not need_noun
        title = _QUOTED_TITLE.match(text, m.start(), end) if word in _OPENING_MARKS else None
        if title and (not seen_noun or need_noun or title.group(1)[:1].isupper()):
            # a paper or a portal named in quotation marks ("die „Nordsee-Post“", "das
            # Onlineportal „Schwerin aktuell“")
            last = prev_end = at = title.end()
            seen_noun, need_noun = True, False
            continue
        acronym = _ACRONYM_AFTER.match(text, m.start(), end) if word == "(" and closed else None
        if acronym:  # "Gewerkschaft Hafen und Logistik (GHL)"
            last = prev_end = at = acronym.end()
            continue
        numbered = _NAME_NUMBER.match(text, m.start(), end) if word.isdigit() and closed else None
        if numbered and _TWO_CAPITALISED.search(
            text, pos, m.start()
        ):  # "des Sportvereins TuS Ahlen 48,": a club's number closes its name
            last = prev_end = at = m.start() + len(numbered.group("n"))
            break
        if not word[:1].isalpha():
            break  # punctuation closes the phrase
        prev_end = m.end()
        if folded in _ARTICLES:
            if closed and folded not in _LINKS:
                break  # "laut Polizei dem Bericht": a phrase of its own
            need_noun = True
        elif folded in ("von", "vom"):
            if seen_noun and need_noun:
                break
            need_noun = True
        elif folded in ("und", "für") and closed and _CAPITAL_NEXT.match(text, m.end(), end):
            # "Gewerkschaft Erziehung und Wissenschaft", "Ministerium für Umwelt"
            need_noun = True
        elif word[:1].isupper() and folded not in _NEVER_NOUNS:
            last, seen_noun, need_noun = m.start() + len(word), True, False
        elif folded in _LOWER_NAMES and closed:
            last = m.start() + len(word)
        elif _ADJECTIVE.fullmatch(word) and folded not in _NOT_ADJECTIVES and not closed:
            need_noun = True
        else:
            break
    return last


# Capitalised words opening a sentence that are no noun: prepositions, pronouns, adverbs.
_NEVER_NOUNS = frozenset(
    "im am beim vom zum zur ins in an auf aus bei mit nach seit bis für gegen über unter vor "
    "durch ohne um zu es er sie wir ich man ihr dies dieser diese dieses auch zudem dennoch "
    "zuletzt bereits allein offenbar angeblich demnach damit dabei danach dort hier nun jetzt "
    "so wie als doch aber und oder denn daher deshalb trotzdem inzwischen derzeit".split()
)
_OPENING_MARKS = frozenset('„"»“')
# A name in quotation marks, a few words at most.
_QUOTED_TITLE = re.compile(r"[„\"»“]([^„“”\"»«\n.!?:;]{1,40}?)[“”\"«]")
# Digits closing a name, before a comma or a colon ("TuS Ahlen 48,", "Hannover 96:").
_NAME_NUMBER = re.compile(r"(?P<n>\d{1,3})(?=[,;:])")
_TWO_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w-]*\s+[A-ZÄÖÜ][\w-]*\s+$")
_ACRONYM_AFTER = re.compile(r"\([A-ZÄÖÜ][\w-]{1,9}\)")
_CAPITAL_NEXT = re.compile(r"\s+(?:der\s+|die\s+|das\s+|den\s+)?[A-ZÄÖÜ]")


# The source's words after the cue, at the start of the cue's noun phrase.
_PREFIX = led(
    r"(?<![\w])(?P<cue>[Ll]aut|[Nn]ach\s+(?:den\s+)?(?:Angaben|Informationen|Aussagen|"
    r"Schätzungen|Berechnungen|Daten|Zahlen|Darstellung|Einschätzung|Plänen|Worten|"
    r"Erkenntnissen|Auskunft|Recherchen|Einschätzungen)"
    r"(?:\s+(?:von|vom))?)\s+"
)
# Documents whose author is the source ("einem Bericht der Zeitung", "Angaben der Polizei").
_DOCUMENT = led(
    r"(?:(?i:dem|einem|den|der|einer|des)\s+)?(?:(?:jüngsten|neuen|neuesten|aktuellen|"
    r"vorläufigen|offiziellen|eigenen)\s+)?"
    r"(?:Bericht|Berichten|Angaben|Informationen|Aussagen|Schätzungen|Berechnungen|Daten|Zahlen|"
    r"Mitteilung|Erklärung|Studie|Umfrage|Statistik|Darstellung|Recherchen|Einschätzung|"
    r"Prognose|Stellungnahme|Pressemitteilung|Presseerklärung|Schreiben|Auswertung|Analyse|"
    r"Bilanz|Befragung)\s+(?:(?:des|der|von|vom)\s+)(?=\S)"
)
# A verb of saying right after "nach Angaben X" or "laut X", its subject after it ("Nach
# Angaben der Zeitung rechnet das Ministerium damit, dass …"), then what it says.
_THEN_SPEAKS = re.compile(
    r"\s*,?\s*(?:räumt|räumte|erklärt|erklärte|sagt|sagte|teilt|teilte|kündigt|kündigte|"
    r"bestätigt|bestätigte|warnt|warnte|betont|betonte|fordert|forderte|gibt|gab|geht|ging|"
    r"rechnet|rechnete|befürchtet|befürchtete|hält|hielt)\s+(?=\S)"
)
_SAID_AFTER_SUBJECT = re.compile(
    r"(?:\s+(?:ein|mit|an|zu|davon\s+aus|damit|für\s+möglich))?\s*(?:,\s*(?:dass\s+)?|:\s*)"
)
# A sentence opening on a subject in the nominative ("Die Behörde", "Der Verband", "Ein
# Sprecher", or a name), not on an object ("Den Antrag hat …").
_OPENING_SUBJECT = re.compile(
    r"(?!(?:Den|Dem|Des|Einen|Einem|Eines|Diesen|Diesem)\s)(?:(?:Der|Die|Das|Ein|Eine)\s+)?[A-ZÄÖÜ]"
)
# Where a subject sits, between it and its verb of saying ("Die Fraktion im Kreistag").
_WHERE_AFTER_SUBJECT = re.compile(
    r"\s+(?:im|in\s+der|in\s+den|am|beim|aus\s+dem|aus\s+der)\s+"
    r"(?!(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Jahr|Vorjahr|Sommer|Winter|Frühjahr|Herbst)(?![\w]))[A-ZÄÖÜ][\w-]*\s+"
)
# "nach Polizeiangaben": the body in the compound.
_COMPOUND = led(
    r"(?<![\w])[Nn]ach\s+(?P<who>[A-ZÄÖÜ][a-zäöüß]{2,}?)(?:angaben|informationen)(?![\w])"
)
# A verb of saying after its subject, with what was said after a comma ("Die Behörde meldete,
# dass …", "Ministerin X schrieb auf X, es gebe …"): verbs the shared readers do not know.
_SUBJECT_SAID = led(
    r"(?<![\w])(?P<verb>meldete|meldet|meldeten|bestätigte|bestätigt|bestätigten|warnte|warnt|"
    r"warnten|schrieb|schreibt|sagt|sagten|erklärt|erklärten|betont|betonten|berichteten|"
    r"unterstrich|versicherte|ergänzte|befürchtet|befürchtete|vermutet|vermutete|räumte\s+ein|"
    r"kündigte\s+an|kündigten\s+an|fügte\s+hinzu|gab\s+an|gab\s+bekannt|teilt\s+mit|"
    r"teilten\s+mit|geht\s+davon\s+aus|gehen\s+davon\s+aus|"
    # (with the time of the saying before the comma, "sagte am Dienstag, …", and inside a
    # verb of two parts, "teilte am Dienstag mit, …")
    r"sagte|erklärte|berichtete|"
    r"(?:teilte|teilten|teilt|gab|gaben|gibt|räumte|räumten|kündigte|kündigten|fügte|fügten)"
    r"\s+(?:[^,.;:!?\"“”„»«]{1,40}?\s+)?(?:mit|bekannt|an|ein|hinzu)(?=\s*,)|"
    # an accusation ("Moskau wirft Kiew vor, …")
    r"(?:wirft|werfen|warf|warfen)\s+[^,.;:!?\"“”„»«]{1,40}?\s+vor(?=\s*,)|"
    # what a subject demands, expects, fears or holds likely ("Der Verband fordert, dass …",
    # "X hält es für wahrscheinlich, dass …")
    r"betonte|fordert|fordern|forderte|forderten|verlangt|verlangen|verlangte|verlangten|"
    r"kritisiert|kritisierte|kritisierten|beklagt|beklagte|bekräftigte|mahnte|mahnt|"
    r"erwartet|erwarten|erwartete|fürchtet|fürchten|fürchtete|glaubt|glauben|meint|meinen|"
    r"meinte|rechnet\s+damit|rechnen\s+damit|rechnete\s+damit|"
    r"(?:hält|halten|hielt|hielten)\s+es\s+für\s+\w+|"
    r"(?:ist|sind|zeigte\s+sich|zeigten\s+sich|zeigt\s+sich)\s+(?:überzeugt|zuversichtlich|"
    r"sicher)|(?:verwies|verweist|wies|weist)\s+darauf(?:\s+hin)?|"
    # a perfect or pluperfect, its participle closing the clause ("X hatte bereits im Frühjahr
    # gewarnt, …", "X hat am Montag erklärt, …")
    r"(?:hat|hatte|haben|hatten)\s+(?:[^,.;:!?\"“”„»«]{1,40}?\s+)?(?:gewarnt|erklärt|betont|"
    r"mitgeteilt|angekündigt|bestätigt|berichtet|gemeldet|versichert|eingeräumt|gefordert|"
    r"geschrieben|gesagt)(?=\s*,))"
    # whom the subject spoke to ("sagte der „Rundschau“, …")
    r"(?:\s+(?:der|dem)\s+[„»\"“][^„“”\"»«\n]{1,40}[“”\"«])?"
    r"(?:\s+[^,.;:!?\"“”„»«]{1,50}?)?\s*,\s*(?:dass\s+)?"
)
# A verb of saying and a colon before a quotation ("X sagte der „Rundschau“: „…“").
_SAID_COLON = led(
    r"(?<![\w])(?P<verb>sagte|sagten|sagt|erklärte|erklärten|erklärt|betonte|betont|meinte|"
    r"ergänzte|schrieb|schreibt|warnte|mahnte|fügte\s+hinzu)"
    r"(?:\s+[^.;:!?\n]{1,60}?)?\s*:\s*(?=[„\"»“])"
)
# A verb of saying in second place after an opening phrase, its subject after it ("Im Gespräch
# mit dem Sender sagte die Ministerin, …", "Am Abend erklärte Polizeisprecher X, …").
_INVERTED_SAID = led(
    r"(?<=[^\W\d_])\s+(?P<verb>sagte|sagten|erklärte|erklärten|betonte|betonten|warnte|warnten|"
    r"meinte|kritisierte|forderte|bestätigte|bestätigten)\s+(?P<rest>[^,.;:!?\"“”„»«]{2,80}?)"
    r"\s*,\s*(?:dass\s+)?"
)
# What a subject demands, expects or estimates, with no comma after the verb ("Die Gewerkschaft
# fordert eine Lohnerhöhung von 8,5 Prozent", "Die Polizei schätzt den Schaden auf …").
_SUBJECT_WANTS = led(
    r"(?<![\w])(?P<verb>fordert|fordern|forderte|forderten|verlangt|verlangen|verlangte|"
    r"verlangten|erwartet|erwarten|erwartete|erwarteten|schätzt|schätzen|schätzte|schätzten|"
    r"beziffert|beziffern|bezifferte|bezifferten|prognostiziert|prognostizieren|prognostizierte|"
    r"(?:rechnet|rechnen|rechnete|rechneten)\s+mit)\s+(?!dass\b|,)(?=\S)"
)
# The object first and the subject after the verb ("Den Schaden beziffert das Museum auf …").
_ESTIMATE_INVERTED = led(
    r"(?<![\w])(?:beziffert|beziffern|bezifferte|bezifferten|schätzt|schätzen|schätzte|"
    r"schätzten)\s+(?=(?:der|die|das|den|dem)\s)"
)
# Articles of an object, never of a subject.
_OBJECT_CASES = frozenset("den dem einen einem".split())
_AUF = re.compile(r"\s+(?:auf|mit)\s+(?=\S)")
# "X sprach von „…“", "X nannte den Plan „…“", "X bezeichnete ihn als „…“": the words in
# quotation marks are X's.
_CALLED = led(
    r"(?<![\w])(?P<verb>sprach|sprachen|spricht|sprechen|nannte|nannten|nennt|bezeichnete|"
    r"bezeichneten|bezeichnet)\s+(?P<obj>[^„\"»“.;:!?]{0,60}?)"
    r"(?P<q>[„\"»“][^„“”\"»«\n]{2,200}[“”\"«])"
)
# "hieß es aus dem Ministerium", "Aus Parteikreisen hieß es, …": who was heard from.
_HEARD_FROM = re.compile(
    r"^(?:Aus|In|Im|Bei|Beim|Von|Vom|Seitens)\s+(?P<np>[^,.;:!?\"„“»«]{2,100}?)\s+"
    r"(?:hieß|heißt)\s+es(?:\s+[^,.;:!?]{1,40}?)?\s*,\s*(?:dass\s+)?"
)
_HEARD_AFTER = re.compile(
    r"(?:,|[“”\"»«])\s*(?:hieß|heißt)\s+es\s+(?:(?:am\s+\w+|weiter|zudem|dazu)\s+)?"
    r"(?P<prep>aus|in|im|bei|beim|von|vom|seitens)\s+(?P<np>[^.;!?]{2,100}?)\s*[.!]?$"
)
# "wie aus X hervorgeht", "Aus X geht hervor, dass …": X's author.
_EMERGES = led(
    r"(?:^|,\s*)[Ww]ie\s+aus\s+(?P<doc>[^,.;!?]{3,160}?)\s+hervorgeht(?P<end>\s*,\s*|\s*[.!]?$)"
)
_EMERGES_THAT = re.compile(
    r"^Aus\s+(?P<doc>[^,.;!?]{3,160}?)\s+geht\s+(?:auch\s+)?hervor\s*,\s*(?:dass\s+)?"
)
_GENITIVE_OWNER = re.compile(r"\s(?:des|der|von|vom)\s+(?=[A-ZÄÖÜ])")
# "Das teilte die Polizei am Mittwoch mit.": the sentence before is the source's.
_SAID_BEFORE = re.compile(
    r"^(?:Das|Dies)\s+(?:(?:teilte|teilten|gab|gaben)\s+(?P<who>[^.!?,;:]{2,100}?)\s+"
    r"(?:am\s+\w+\s+|auf\s+Anfrage\s+|weiter\s+)?(?:mit|bekannt)"
    r"|(?:sagte|sagten|erklärte|erklärten|berichtete|berichteten|bestätigte|bestätigten|"
    r"meldete|meldeten|schrieb|betonte)\s+(?P<who2>[^.!?,;:]{2,100}?))\s*[.!]?$"
)
# "nach eigenen Angaben", "nach seinen Angaben": the subject's own account, or the person's.
_OWN_ACCOUNT = led(
    r"(?<![\w])[Nn]ach\s+(?P<whose>eigenen|seinen|ihren)\s+(?:Angaben|Informationen|Worten|"
    r"Schätzungen|Berechnungen|Zahlen|Daten)(?![\w])"
)
# "nach Informationen der Agentur X, die sich auf Y beruft": Y is the source, X passed it on.
_RELYING = re.compile(
    r"\s*,\s*(?:die|der|das)\s+sich\s+(?:dabei\s+)?auf\s+(?P<y>[^,.;!?]{2,80}?)\s+"
    r"(?:beruft|berief|berufen|beriefen|bezieht|bezog|beziehen|stützt|stützte)\s*,?"
)
_DOCUMENT_ONLY = re.compile(
    r"(?:Bericht|Mitteilung|Erklärung|Stellungnahme|Pressemitteilung|Presseerklärung|Schreiben|"
    r"Studie|Umfrage|Statistik|Analyse|Auswertung)"
)
_FINITE_AFTER = re.compile(r"\s+\S+\s*$")
_ZUFOLGE = led(r"(?<![\w])zufolge(?![\w])")
# "wie X mitteilte": the source in a clause of its own, before or after the statement.
_AS_SAID = led(
    r"(?:^|(?<=,)\s*)[Ww]ie\s+(?P<rest>[^,.;:!?]{2,160}?)\s+"
    r"(?P<verb>mitteilte|mitteilten|berichtete|berichteten|berichtet|meldete|meldeten|meldet|"
    r"sagte|sagten|erklärte|erklärten|bestätigte|bestätigten|schrieb|schreibt|mitgeteilt\s+hat|"
    r"bekanntgab|bekannt\s+gab|angab|angaben|weiter\s+mitteilte|betonte|erfuhr|erfahren\s+hat)"
    r"(?=\s*[,.;!?]|$)"
)
_CITING = re.compile(r"\s+unter\s+Berufung\s+auf\s+")
# A verb of saying in second place after the statement: "…, teilte X mit", "…, so X".
_AFTER = re.compile(
    r"(?:,|[“”\"»«])\s*[—–-]?\s*(?:(?P<verb>sagte|sagten|sagt|erklärte|erklärten|erklärt|"
    r"berichtete|berichteten|berichtet|betonte|betont|schrieb|schreibt|meldete|meldet|"
    r"ergänzte|warnte|bestätigte|bestätigten|unterstrich|versicherte|so)|"
    r"(?P<split>teilte|teilten|teilt|fügte|fügten|gab|gaben|räumte|räumten|kündigte|"
    r"kündigten)\b)\s+"
)
# A subject thinking or expecting in the subjunctive, opening what a writer passes on ("Der
# Dienst gehe davon aus, dass …, schreibt das Portal"): the subject is the source.
_THINKS_SUBJUNCTIVE = led(
    r"(?<![\w])(?:gehe|rechne|erwarte|befürchte|fürchte|warne|schätze|glaube|vermute|halte)"
    r"(?![\w])"
)
# A whole quotation closing on its sentence's end, then a new sentence ("„… .“ Das Amt …").
_QUOTATION_BEFORE = re.compile(r"[„\"»“][^„“”\"»«\n]{2,400}?[.!?][“”\"«]\s+(?=[A-ZÄÖÜ])")
_CLOSED_QUOTATION = re.compile(r"[.!?][“”\"«]\s+")
_WRITERS = frozenset("schrieb schreibt berichtete berichteten berichtet meldete meldet".split())
_PARTICLE = re.compile(
    r"\s+(?:am\s+\w+\s+|auf\s+Anfrage\s+|weiter\s+)?(mit|hinzu|an|bekannt|ein)\s*[.!]?$"
)
# Whom a source spoke to, in the dative after its name ("der Zeitung", "der Nachrichtenagentur
# dpa"): not part of the source's name.
_LISTENER = re.compile(
    r"\s+der\s+(?:[A-ZÄÖÜ][\w-]*\s+)*(?:[\w-]*[Zz]eitung|[\w-]*[Aa]gentur|Redaktion|Zeitschrift|"
    r"Wochenzeitung|Tageszeitung)(?:\s+\S+)*$"
    # a paper named in quotation marks ("sagte Reimann der „Westheider Rundschau“")
    r"|\s+der\s+[„\"»“][^„“”\"»«]{1,40}[“”\"«]$"
)
# The same, right after the verb, the statement after it ("X, sagte der „Rundschau“, …").
_LISTENER_FIRST = re.compile(
    r"(?:der|dem)\s+(?:[„\"»“][^„“”\"»«]{1,40}[“”\"«]|[\w-]*[Zz]eitung|[\w-]*[Aa]gentur|"
    r"Redaktion|Zeitschrift|Wochenzeitung|Tageszeitung)\s*,"
)
_ROLES = frozenset(
    "Sprecher Sprecherin Chef Chefin Leiter Leiterin Vertreter Vertreterin Redakteur "
    "Redakteurin Mitarbeiter Mitarbeiterin Chefredakteur Chefredakteurin".split()
)
_PRONOUN = re.compile(r"(er|sie)(?![\w])")
# "X berichtet unter Berufung auf Y, …": Y is the source, X passed it on.
_RELAYED = re.compile(
    r"(?P<verb>berichtet|berichtete|berichten|berichteten|meldet|meldete|schreibt|schrieb|"
    r"meldeten)\s+(?:[a-zäöüß]+\s+){0,2}?unter\s+Berufung\s+auf\s+"
)
# "X berief sich auf ein Papier des Heeres, wonach …": the paper's author is the source, X
# passed it on.
_RELIED_ON = re.compile(
    r"(?<![\w])(?:berief|beriefen|beruft|berufen|bezog|bezogen|bezieht|stützte|stützten|stützt)"
    r"\s+sich\s+(?:[^,.;:!?\"“”„»«]{1,40}?\s+)?auf\s+(?P<y>[^,.;:!?]{2,120}?)\s*,\s*"
    r"(?:wonach|demzufolge|dem\s+zufolge|laut\s+dem|laut\s+der)\s+"
)
_VERB_ORDER_AFTER = re.compile(r"\s*,\s*(?:dass\s+)?")
# Konjunktiv I of reported speech ("sei", "habe", "gebe", "werde"): a sentence in it goes on
# with whoever spoke before.
SUBJUNCTIVE = led(
    r"(?<![\w])(?:sei|seien|habe|gebe|werde|könne|müsse|solle|wolle|dürfe|liege|stehe|"
    r"komme|bleibe|fehle|handle|gehe|hätten|wären|würden|gäbe|beträfen|betreffe)(?![\w])"
)


def _who(text: str, lo: int, hi: int) -> tuple[str, int]:
    """The noun phrase at *lo* (a document's author when it names one) and where it ends."""
    doc = _DOCUMENT.match(text, lo, hi)
    start = doc.end() if doc else lo
    end = _noun_phrase(text, start, hi)
    if end == start and doc:
        start = lo
        end = _noun_phrase(text, lo, hi)
    title = _QUOTED_TITLE.search(text, start, end)
    if title:
        before = text[start : title.start()].split()
        if not before or (len(before) == 1 and before[0].casefold() in _ARTICLES):
            return title.group(1).strip(), end  # "die „Nordsee-Post“": the paper's name
        if title.end() == end and before[-1][:1].isupper():
            # "das Onlineportal „Schwerin aktuell“": the name, the noun before describing it
            return title.group(1).strip(), end
    words = text[start:end].translate(_NO_MARKS).split()
    while words and words[0].casefold() in _ARTICLES | {"von", "vom"}:
        words = words[1:]
    return " ".join(words), end


_NO_MARKS = str.maketrans("", "", '„“”"»«')


# Hedges with no source: "offenbar", "soll … haben" (what is said of someone, not by them).
_HEDGE = led(
    r"(?<![\w])(?P<h>offenbar|offensichtlich|vermutlich|mutmaßlich|angeblich|"
    r"(?:Medien|Presse|unbestätigten\s+)?[Bb]erichten\s+zufolge|wie\s+es\s+heißt|heißt\s+es|"
    r"(?:soll|sollen)(?=\s[^,.;:!?]{1,80}?\s(?:haben|sein|worden\s+sein)(?![\w])))(?![\w])",
    re.IGNORECASE,
)


def german_hedge(body: str) -> re.Match[str] | None:
    """A hedge of a German sentence that names no source, or None."""
    return _HEDGE.search(body)


def german_cues(text: str, s: int, e: int) -> list[Cue]:
    """Cues of one German sentence ``text[s:e]``."""
    out: list[Cue] = []
    body = text[s:e]
    for m in _PREFIX.finditer(body):
        who, end = _who(body, m.end(), len(body))
        if not who:
            continue
        via: tuple[str, ...] = ()
        relying = _RELYING.match(body, end)
        if relying:  # "nach Informationen der Agentur X, die sich auf Y beruft, …": Y, via X
            relied_on, _ = _who(body, relying.start("y"), relying.end("y"))
            if relied_on:
                who, via, end = relied_on, (who,), relying.end()
        speaks = _THEN_SPEAKS.match(body, end)
        spoken = False
        if speaks:
            # "Nach Angaben der Zeitung rechnet das Ministerium damit, dass …": the subject speaks,
            # the cue's noun phrase passed it on
            speaker, speaker_end = _who(body, speaks.end(), len(body))
            said = _SAID_AFTER_SUBJECT.match(body, speaker_end) if speaker else None
            if speaker and said:
                who, via, end, spoken = speaker, (who, *via), said.end(), True
        # ("Bei dem Unglück sind laut Polizei …": the whole clause; "Laut X, …": what follows)
        whole = len(body[: m.start()].split()) > 1 and not spoken
        c_start = s if whole else s + len(body) - len(body[end:].lstrip(" ,"))
        out.append(Cue(c_start, e, who, m.group("cue").casefold(), s + m.start(), s + end, via))
    for m in _COMPOUND.finditer(body):
        whole = len(body[: m.start()].split()) > 1
        c_start = s if whole else s + len(body) - len(body[m.end() :].lstrip(" ,"))
        out.append(Cue(c_start, e, m.group("who"), "nach angaben", s + m.start(), s + m.end()))
    for m in _SUBJECT_SAID.finditer(body):
        opens = max(body.rfind(",", 0, m.start()), body.rfind(":", 0, m.start())) + 1
        closed = [q.end() for q in _CLOSED_QUOTATION.finditer(body, 0, m.start())]
        if closed and closed[-1] > opens:
            opens = closed[-1]  # "„… .“ Er fügte hinzu, …": a new sentence after the quotation
        if opens > 1 and not body[opens : m.start()].strip() and body[opens - 1] == ",":
            # "Der Chef des Verbands, Oberst X, sagte …": the name in apposition before the verb
            opens = body.rfind(",", 0, opens - 1) + 1
        subject = body[opens : m.start()]
        first = opens + len(subject) - len(subject.lstrip())
        who, who_end = _who(body, first, m.start())
        if _CITING.search(body, m.start(), m.end()):
            continue  # "X berichtete unter Berufung auf Y, …": read as a relay below
        if not who and subject.strip() in ("Er", "Sie"):  # "Sie sagte am Montag, …"
            who, who_end = subject.strip().casefold(), m.start()
        where = _WHERE_AFTER_SUBJECT.fullmatch(body, who_end, m.start()) if who else None
        if where:  # "Die Fraktion im Kreistag kritisierte, …": where it sits, no name
            who_end = m.start()
        between = body[who_end : m.start()].strip()
        if between == "," and opens > 0 and who[:1].isupper():
            between = ""  # "Der Chef des Verbands, Oberst X, sagte …": the name in apposition
        if not who or between or m.end() >= len(body) - 3:
            continue  # the subject is the noun phrase right before the verb
        out.append(Cue(s + m.end(), e, who, m.group("verb"), s + first, s + m.end()))
    for m in _ZUFOLGE.finditer(body):
        head = body[: m.start()]
        clause = max(head.rfind(","), -1) + 1
        lead = head[clause:]
        starts = [
            a.start()
            for a in re.finditer(
                r"(?<![\w])(?:[Dd]em|[Dd]er|[Dd]en|[Ee]inem|[Ee]iner|[Ee]inen)\s", lead
            )
        ]
        if not starts:
            starts = [len(lead) - len(lead.lstrip())]
        for at in starts:  # the longest phrase that reaches "zufolge"
            who, end = _who(lead, at, len(lead))
            if who and not lead[end:].strip():
                break
        else:
            continue
        if who.casefold() in ("berichten", "medienberichten", "informationen"):
            continue  # hedges of their own
        rest = body[m.end() :].lstrip(" ,")
        c_start = s + len(body) - len(rest) if not lead[:at].strip() else s
        out.append(Cue(c_start, e, who, "zufolge", s + clause + at, s + m.end()))
    for m in _AS_SAID.finditer(body):
        rest = m.group("rest")
        cited = _CITING.search(rest)
        if cited:
            relay, _ = _who(rest, 0, cited.start())
            who, _ = _who(rest, cited.end(), len(rest))
            relays: tuple[str, ...] = (relay,) if relay else ()
        else:
            who, _ = _who(rest, 0, len(rest))
            relays = ()
        if not who:
            continue
        after = body[m.end() :].lstrip(" ,")
        if len(after.split()) >= 2 and not body[: m.start()].strip(" ,"):
            c_start, c_end = s + len(body) - len(after), e
        else:
            c_start, c_end = s, s + len(body[: m.start()].rstrip(" ,"))
        if c_end > c_start:
            out.append(
                Cue(
                    c_start,
                    c_end,
                    who,
                    "wie " + m.group("verb"),
                    s + m.start(),
                    s + m.end(),
                    relays,
                )
            )
    for m in _AFTER.finditer(body):
        tail = body[m.end() :]
        particle = None
        if m.group("split"):
            particle = _PARTICLE.search(tail)
            if not particle:
                continue
            tail = tail[: particle.start()]
        pronoun = _PRONOUN.match(tail)
        if not pronoun and _LISTENER_FIRST.match(tail):
            continue  # "X, sagte der „Rundschau“, …": whom X spoke to, not a speaker
        who = pronoun.group(1) if pronoun else _speaker(tail)
        if not who or m.start() < 8:
            continue
        verb = m.group("verb") or (f"{m.group('split')} {particle.group(1)}" if particle else "")
        via = ()
        thinks = _THINKS_SUBJUNCTIVE.search(body, 0, m.start()) if verb in _WRITERS else None
        if thinks:
            # "Der Dienst gehe davon aus, dass …, schreibt das Portal": the subject the writer
            # reports on is the source, the writer passed it on
            subject, first = _subject_before(body, thinks.start())
            if subject and not body[:first].strip() and subject.casefold() not in ("er", "sie"):
                who, via = subject, (who,)
        opens = 0
        before = _QUOTATION_BEFORE.match(body, 0, m.start())
        if before and before.end() < m.start():
            # "„… .“ Das Amt wolle …, kündigte sie an": a quotation of its own before the
            # statement in the sentence read
            opens = before.end()
        out.append(Cue(s + opens, s + m.start(), who, verb, s + m.start(), e, via))
    for m in _RELAYED.finditer(body):
        opens = body.rfind(",", 0, m.start()) + 1
        subject = body[opens : m.start()]
        relay, relay_end = _who(body, opens + len(subject) - len(subject.lstrip()), m.start())
        if not relay or body[relay_end : m.start()].strip():
            continue  # the relay is the subject right before the verb
        source, source_end = _who(body, m.end(), len(body))
        said = _VERB_ORDER_AFTER.match(body, source_end) if source else None
        if said:
            out.append(Cue(s + said.end(), e, source, m.group("verb"), s, s + said.end(), (relay,)))
    for m in _RELIED_ON.finditer(body):
        relay, first = _subject_before(body, m.start())
        source, _ = _who(body, m.start("y"), m.end("y"))
        if relay and source and not body[:first].strip():
            out.append(
                Cue(s + m.end(), e, source, "beruft sich auf", s + first, s + m.end(), (relay,))
            )
    out += _more_cues(text, s, e)
    return out


def _speaker(tail: str) -> str:
    """The speaker named at the start of *tail* (after a verb of saying), without whom they
    spoke to ("Reimann der Deutschen Presse-Agentur", "Lohse der „Rundschau“")."""
    raw = tail[: _who(tail, 0, len(tail))[1]]
    listener = _LISTENER.search(raw)
    if listener and _who(raw, 0, listener.start())[0] not in _ROLES:  # not "Sprecher der Agentur"
        raw = raw[: listener.start()]
    return _who(raw, 0, len(raw))[0]


def _subject_before(body: str, verb_at: int) -> tuple[str, int]:
    """The subject right before a verb at *verb_at*, from the start of its clause, and where it
    starts ("" when other words stand between them)."""
    opens = max(body.rfind(",", 0, verb_at), body.rfind(":", 0, verb_at)) + 1
    head = body[opens:verb_at]
    first = opens + len(head) - len(head.lstrip())
    who, who_end = _who(body, first, verb_at)
    if not who or body[who_end:verb_at].strip():
        return "", first
    return who, first


def _author(doc: str) -> str:
    """Who wrote the document *doc* names ("dem … Mietmarktbericht des Immobilienportals X"): the
    last owner in the genitive, else the document itself."""
    owners = list(_GENITIVE_OWNER.finditer(doc))
    if owners:
        return _who(doc, owners[-1].end(), len(doc))[0]
    capital = [m for m in re.finditer(r"(?<![\w])[A-ZÄÖÜ][\w-]*", doc)]
    return _who(doc, capital[0].start(), len(doc))[0] if capital else ""


def _more_cues(text: str, s: int, e: int) -> list[Cue]:
    """The cues of reported speech German news writes besides those above: a colon before a
    quotation, demands and estimates, "hieß es aus X", "wie aus X hervorgeht", "Das teilte X
    mit." after the statement, "nach eigenen Angaben", "sprach von „…“"."""
    out: list[Cue] = []
    body = text[s:e]
    for m in _SAID_COLON.finditer(body):
        who, first = _subject_before(body, m.start())
        if who:
            out.append(Cue(s + m.end(), e, who, m.group("verb"), s + first, s + m.end()))
    for m in _INVERTED_SAID.finditer(body):
        head = body[: m.start()]
        rest = m.group("rest")
        if "," in head or not head.strip() or _who(body, 0, m.start())[1] == m.start():
            continue  # an opening phrase before the verb, not its subject
        who = _speaker(rest) or (rest.split()[0] if rest.split()[0] in ("er", "sie") else "")
        if who:
            out.append(Cue(s + m.end(), e, who, m.group("verb"), s + m.start("verb"), s + m.end()))
    for m in _SUBJECT_WANTS.finditer(body):
        who, first = _subject_before(body, m.start())
        if body[first:].split(" ", 1)[0].casefold() in _OBJECT_CASES:
            continue  # "Den Schaden beziffert X auf …": the object first, the subject after
        if who and not body[:first].strip(" ,"):
            out.append(Cue(s + m.end(), e, who, m.group("verb"), s + first, s + m.end()))
    for m in _ESTIMATE_INVERTED.finditer(body):
        head = body[: m.start()].strip()
        auf = _AUF.search(body, m.end())
        if not head or head.endswith(",") or auf is None:
            continue  # the object comes first: "Den Schaden beziffert die Polizei auf …"
        who, who_end = _who(body, m.end(), auf.start())
        if who and not body[who_end : auf.start()].strip():
            out.append(Cue(s, e, who, "beziffert", s + m.start(), s + who_end))
    for m in _CALLED.finditer(body):
        obj = m.group("obj")
        if m.group("verb").startswith("spr") and not re.match(r"(?:von|vom)\b", obj):
            continue
        who, first = _subject_before(body, m.start())
        if who:
            out.append(
                Cue(s + m.start("q"), s + m.end("q"), who, m.group("verb"), s + first, s + m.end())
            )
    heard = _HEARD_FROM.match(body)
    if heard:
        who, who_end = _who(body, heard.start("np"), heard.end("np"))
        if who and who_end == heard.end("np") and not _DOCUMENT_ONLY.fullmatch(who):
            out.append(Cue(s + heard.end(), e, who, "hieß es", s, s + heard.end()))
    heard = _HEARD_AFTER.search(body)
    if heard and heard.start() > 8:
        who, _ = _who(body, heard.start("np"), heard.end("np"))
        if who and not _DOCUMENT_ONLY.fullmatch(who):
            out.append(Cue(s, s + heard.start(), who, "hieß es", s + heard.start(), e))
    for m in _EMERGES.finditer(body):
        who = _author(m.group("doc"))
        if not who:
            continue
        after = body[m.end() :]
        if m.start() == 0 and after.strip():  # "Wie aus X hervorgeht, …"
            out.append(Cue(s + m.end(), e, who, "hervorgeht", s, s + m.end()))
        elif m.start() > 0:  # "…, wie aus X hervorgeht."
            out.append(Cue(s, s + m.start(), who, "hervorgeht", s + m.start(), s + m.end()))
    emerges = _EMERGES_THAT.match(body)
    if emerges:
        who = _author(emerges.group("doc"))
        if who:
            out.append(Cue(s + emerges.end(), e, who, "hervorgeht", s, s + emerges.end()))
    before = _SAID_BEFORE.match(body)
    previous = foreign._previous_sentence(text, s) if before else None
    if before and previous is not None:
        raw = before.group("who") or before.group("who2") or ""
        who = _speaker(raw)
        if who:
            out.append(Cue(previous.start, previous.end, who, "das teilte mit", s, e))
    for m in _OWN_ACCOUNT.finditer(body):
        whose = m.group("whose")
        if whose != "eigenen":
            who = "er" if whose == "seinen" else "sie"
        elif m.start() == 0:  # "Nach eigenen Angaben hat die Polizei …": after the verb
            verb = re.match(r"\s+\S+\s+", body[m.end() :])
            who = _who(body, m.end() + verb.end(), len(body))[0] if verb else ""
        else:  # "Die Polizei hat nach eigenen Angaben …": the subject before its verb
            finite = _FINITE_AFTER.search(body, 0, m.start())
            who, who_end = _who(body, 0, finite.start()) if finite else ("", 0)
            if finite is None or body[who_end : finite.start()].strip():
                who = ""
            opening = _OPENING_SUBJECT.match(body)
            if not who and opening:
                # "Die Behörde hat die Straße nach eigenen Angaben …": the subject opening the
                # sentence, its verb and object between it and the cue
                who, who_end = _who(body, 0, m.start())
                if not re.match(r"\s+[a-zäöüß]", body[who_end : m.start()]):
                    who = ""
        if who:
            out.append(Cue(s, e, who, "nach eigenen angaben", s + m.start(), s + m.end()))
    return out


__all__ = ["SUBJUNCTIVE", "german_cues", "german_hedge"]
