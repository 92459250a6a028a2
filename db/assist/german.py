"""Attribution cues of German news text that the shared readers do not cover.

German puts the finite verb second and the source's noun phrase anywhere around it: "laut
X", "X zufolge", "nach Angaben von X", "wie X mitteilte", "…, teilte X mit", "…, so X",
"X berichtet unter Berufung auf Y, …".  A noun phrase is read by the shape of the language:
an article, inflected adjectives, capitalised nouns and a genitive after them ("der
örtlichen Polizei", "des Roten Kreuzes", "einem Sprecher des Ministeriums").
"""

from __future__ import annotations

import re

from db.assist.foreign import Cue

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
    for m in _WORD.finditer(text, pos, end):
        word = m.group(0).rstrip(".")
        folded = word.casefold()
        if text[prev_end : m.start()].strip() or not word[:1].isalpha():
            break  # punctuation closes the phrase
        prev_end = m.end()
        closed = seen_noun and not need_noun
        if folded in _ARTICLES:
            if closed and folded not in _LINKS:
                break  # "laut Polizei dem Bericht": a phrase of its own
            need_noun = True
        elif folded in ("von", "vom"):
            if seen_noun and need_noun:
                break
            need_noun = True
        elif word[:1].isupper():
            last, seen_noun, need_noun = m.start() + len(word), True, False
        elif folded in _LOWER_NAMES and closed:
            last = m.start() + len(word)
        elif _ADJECTIVE.fullmatch(word) and folded not in _NOT_ADJECTIVES and not closed:
            need_noun = True
        else:
            break
    return last


# The source's words after the cue, at the start of the cue's noun phrase.
_PREFIX = re.compile(
    r"(?<![\w])(?P<cue>[Ll]aut|[Nn]ach\s+(?:Angaben|Informationen|Aussagen|Schätzungen|"
    r"Berechnungen|Daten|Zahlen|Darstellung|Einschätzung)(?:\s+(?:von|vom))?)\s+"
)
# Documents whose author is the source ("einem Bericht der Zeitung", "Angaben der Polizei").
_DOCUMENT = re.compile(
    r"(?:(?i:dem|einem|den|der|einer|des)\s+)?(?:(?:jüngsten|neuen|neuesten|aktuellen|"
    r"vorläufigen|offiziellen|eigenen)\s+)?"
    r"(?:Bericht|Berichten|Angaben|Informationen|Aussagen|Schätzungen|Berechnungen|Daten|Zahlen|"
    r"Mitteilung|Erklärung|Studie|Umfrage|Statistik|Darstellung|Recherchen|Einschätzung|"
    r"Prognose)\s+(?:(?:des|der|von|vom)\s+)(?=\S)"
)
# "nach Polizeiangaben": the body in the compound.
_COMPOUND = re.compile(
    r"(?<![\w])[Nn]ach\s+(?P<who>[A-ZÄÖÜ][a-zäöüß]{2,}?)(?:angaben|informationen)(?![\w])"
)
# A verb of saying after its subject, with what was said after a comma ("Die Behörde meldete,
# dass …", "Ministerin X schrieb auf X, es gebe …"): verbs the shared readers do not know.
_SUBJECT_SAID = re.compile(
    r"(?<![\w])(?P<verb>meldete|meldet|meldeten|bestätigte|bestätigt|bestätigten|warnte|warnt|"
    r"warnten|schrieb|schreibt|sagt|sagten|erklärt|erklärten|betont|betonten|berichteten|"
    r"unterstrich|versicherte|ergänzte|befürchtet|befürchtete|vermutet|vermutete|räumte\s+ein|"
    r"kündigte\s+an|kündigten\s+an|fügte\s+hinzu|gab\s+an|gab\s+bekannt|teilt\s+mit|"
    r"teilten\s+mit|geht\s+davon\s+aus|gehen\s+davon\s+aus)"
    r"(?:\s+[^,.;:!?\"“”„»«]{1,50}?)?\s*,\s*(?:dass\s+)?"
)
_ZUFOLGE = re.compile(r"(?<![\w])zufolge(?![\w])")
# "wie X mitteilte": the source in a clause of its own, before or after the statement.
_AS_SAID = re.compile(
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
    r"berichtete|berichteten|betonte|betont|schrieb|schreibt|meldete|ergänzte|warnte|"
    r"bestätigte|bestätigten|unterstrich|versicherte|so)|"
    r"(?P<split>teilte|teilten|teilt|fügte|fügten|gab|gaben|räumte|räumten)\b)\s+"
)
_PARTICLE = re.compile(
    r"\s+(?:am\s+\w+\s+|auf\s+Anfrage\s+|weiter\s+)?(mit|hinzu|an|bekannt|ein)\s*[.!]?$"
)
# Whom a source spoke to, in the dative after its name ("der Zeitung", "der Nachrichtenagentur
# dpa"): not part of the source's name.
_LISTENER = re.compile(
    r"\s+der\s+(?:[A-ZÄÖÜ][\w-]*\s+)*(?:[\w-]*[Zz]eitung|[\w-]*[Aa]gentur|Redaktion|Zeitschrift|"
    r"Wochenzeitung|Tageszeitung)(?:\s+\S+)*$"
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
_VERB_ORDER_AFTER = re.compile(r"\s*,\s*(?:dass\s+)?")
# Konjunktiv I of reported speech ("sei", "habe", "gebe", "werde"): a sentence in it goes on
# with whoever spoke before.
SUBJUNCTIVE = re.compile(
    r"(?<![\w])(?:sei|seien|habe|gebe|werde|könne|müsse|solle|wolle|dürfe|liege|stehe|"
    r"komme|bleibe|fehle|handle|gehe|hätten|wären)(?![\w])"
)


def _who(text: str, lo: int, hi: int) -> tuple[str, int]:
    """The noun phrase at *lo* (a document's author when it names one) and where it ends."""
    doc = _DOCUMENT.match(text, lo, hi)
    start = doc.end() if doc else lo
    end = _noun_phrase(text, start, hi)
    if end == start and doc:
        start = lo
        end = _noun_phrase(text, lo, hi)
    words = text[start:end].split()
    while words and words[0].casefold() in _ARTICLES | {"von", "vom"}:
        words = words[1:]
    return " ".join(words), end


# Hedges with no source: "offenbar", "soll … haben" (what is said of someone, not by them).
_HEDGE = re.compile(
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
        # ("Bei dem Unglück sind laut Polizei …": the whole clause; "Laut X, …": what follows)
        whole = len(body[: m.start()].split()) > 1
        c_start = s if whole else s + len(body) - len(body[end:].lstrip(" ,"))
        out.append(Cue(c_start, e, who, m.group("cue").casefold(), s + m.start(), s + end))
    for m in _COMPOUND.finditer(body):
        whole = len(body[: m.start()].split()) > 1
        c_start = s if whole else s + len(body) - len(body[m.end() :].lstrip(" ,"))
        out.append(Cue(c_start, e, m.group("who"), "nach angaben", s + m.start(), s + m.end()))
    for m in _SUBJECT_SAID.finditer(body):
        opens = max(body.rfind(",", 0, m.start()), body.rfind(":", 0, m.start())) + 1
        subject = body[opens : m.start()]
        first = opens + len(subject) - len(subject.lstrip())
        who, who_end = _who(body, first, m.start())
        if not who or body[who_end : m.start()].strip() or m.end() >= len(body) - 3:
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
        who = pronoun.group(1) if pronoun else _who(tail, 0, len(tail))[0]
        listener = _LISTENER.search(who)  # "sagte Reimann der Deutschen Presse-Agentur"
        if listener and who[: listener.start()] not in _ROLES:  # not "Sprecher der Agentur"
            who = who[: listener.start()]
        if not who or m.start() < 8:
            continue
        verb = m.group("verb") or (f"{m.group('split')} {particle.group(1)}" if particle else "")
        out.append(Cue(s, s + m.start(), who, verb, s + m.start(), e))
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
    return out


__all__ = ["SUBJUNCTIVE", "german_cues", "german_hedge"]
