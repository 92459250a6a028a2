"""The subject a Russian news sentence opens on, read by the shape of the language.

A Russian clause in news usually opens on its subject in the nominative and puts the finite
verb after it ("МИД ОАЭ в своём заявлении поблагодарил …"); the past tense agrees with the
subject in gender and number (-л, -ла, -ло, -ли).  An adverbial phrase between the subject and
its verb ("в своём заявлении", "на брифинге") is no part of the subject, while a phrase in "по"
or "при" after a body's head noun is ("штаб по борьбе с паводком").  A body the subject names
is taken up again by "его", "её" or "их" as its head noun's gender and number tell.
"""

from __future__ import annotations

import re

from db.assist.names import is_person

# A verb in the past tense (the form any subject's verb takes in reported news).
_PAST_VERB = re.compile(r"(?<![\w-])[а-яё]{2,}(?:л|ла|ло|ли)(?![\w-])")
# Nouns of news text ending as a past verb does.
_NOT_VERBS = frozenset(
    "генерал адмирал маршал канал телеканал персонал капитал материал сигнал трибунал портал "
    "журнал арсенал финал вокзал зал пол стол совхозы числа села дела".split()
)
# An adverbial phrase after the subject (where or in what the subject spoke or acted).
_ADVERBIAL = re.compile(r"\s(?:в|во|на)\s")
# Adverbs that may stand between a subject and its verb.
_ADVERBS = frozenset(
    "также тоже ранее вчера сегодня накануне уже вновь снова официально затем позднее".split()
)
# Endings of adjectives (an adjective is never a body's head noun).
_ADJECTIVE = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$", re.IGNORECASE
)
_PRONOUN_NUMBER = {"его": "singular", "её": "feminine", "ее": "feminine", "их": "plural"}


def opening_subject(clause: str, verb: str = "") -> str:
    """The subject *clause* opens on: its words before the first verb in the past tense (one
    agreeing with *verb* when given, "заявил" -> -л), less an adverbial phrase and adverbs
    between them; "" when the clause does not open that way (no capital first, a comma before
    the verb, more than eight words)."""
    clause = clause.strip()
    if not clause[:1].isupper():
        return ""
    ending = re.search(r"(?:ла|ло|ли|л)$", verb)
    for m in _PAST_VERB.finditer(clause):
        word = m.group(0)
        if word in _NOT_VERBS or (ending and not word.endswith(ending.group(0))):
            continue
        head = clause[: m.start()]
        break
    else:
        return ""
    if "," in head or ";" in head:
        return ""
    adverbial = _ADVERBIAL.search(head)
    if adverbial is not None and adverbial.start() > 0:
        head = head[: adverbial.start()]
    words = head.split()
    while words and words[-1] in _ADVERBS:
        words.pop()
    if not 1 <= len(words) <= 8:
        return ""
    return " ".join(words)


def _head_noun(subject: str) -> str:
    """The first word of *subject* that is no adjective ("Областной оперативный штаб" -> штаб)."""
    for word in subject.split():
        if not _ADJECTIVE.search(word):
            return word
    return ""


def body_taken_up(previous: str, pronoun: str) -> str:
    """The body the sentence *previous* opens on, when *pronoun* ("его", "её", "их") can take
    it up: a subject that names no person and whose head noun agrees with the pronoun (a
    feminine noun ends in -а/-я, a plural in -ы/-и); "" otherwise."""
    subject = opening_subject(previous)
    if not subject or is_person(subject):
        return ""
    head = _head_noun(subject).casefold()
    if not head:
        return ""
    number = _PRONOUN_NUMBER.get(pronoun, "")
    if head.endswith("ь"):
        return subject  # (feminine or masculine, the ending does not tell)
    if head.endswith(("а", "я")):
        return subject if number == "feminine" else ""
    if head.endswith(("ы", "и")):
        return subject if number == "plural" else ""
    return subject if number == "singular" else ""


__all__ = ["body_taken_up", "opening_subject"]
