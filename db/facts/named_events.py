"""Events a story names by nouns of its own, and things coming to light.

The happenings of :mod:`db.facts.happenings` are read from a general vocabulary; a story
of a kind it lacks ("the hail", "the leak of the papers") names its event all the same,
in ways any report of it shares:

* by a noun it dates by name: "the storm of 13 June", "Thursday's hail", "since the
  flood of 2 May".  Such a noun is an event of the story; other claims naming it ("the
  hail that battered the town yesterday", "since hail fell on Thursday"), or a verb made
  of it ("papers leaked on Tuesday" beside "the leak of 3 June"), or a compound of two
  such nouns ("the hailstorm": the hail and the storm), date the same event.  A noun
  after a word that dates something else by it ("trams ran again after the storm") is
  not what the claim dates, nor is a noun named as what another thing is of or about
  ("the inquiry into the blackout opened on Monday": the inquiry's day).
* by saying that something came to light: it appeared, surfaced, came to light or was
  first spotted, seen or noticed on a day.  What comes to light does so once: reports
  dating its coming differently tell of one event.

An event named by its day ("the storm of 13 June", "Thursday's hail") is the event of
that day: another report giving the day more than a day away dates it differently,
unless it says the event was still going on.  A coming to light is a moment when told
by a verb of arriving at once ("appeared", "surfaced"), or as the first; "circulated"
alone may run for days.
"""

from __future__ import annotations

import re

from db.facts.happenings import OCCURRENCES, REPEAT, Happening
from db.facts.profile import Profile

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|{_WEEKDAY})"
# "the storm of 13 June", "the disaster declaration of 14 June": the noun just before.
_NOUN_OF_DAY = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+(?:[a-z][a-z-]*\s+){{0,2}}?"
    rf"([a-z][a-z-]+)\s+of\s+(?:(?:last|this)\s+)?{_DAY}\b"
)
# "Thursday's hail", "yesterday's blast", "last night's storm", "3 June's leak".
_DAY_OWNS = re.compile(
    rf"(?:{_DAY}|\b(?:[Yy]esterday|[Tt]oday|night|morning|evening|afternoon|weekend))['’]s"
    r"((?:\s+[a-z][a-z-]*){1,3})"
)
# Words that are no event of their own: parts of a date, function words, counts.
_NO_EVENT = frozenset(
    """a an the its their his her this that these those of in on at to from by for with
    and or but as is are was were be been has have had day days night nights morning
    mornings evening evenings afternoon week weeks weekend month months year years hour
    hours time times date dates edition editions issue paper papers report reports
    statement figures figure count number total one ones first last second third
    same own other new""".split()
)
# Words before a noun that date something else by it: "trams ran again after the storm".
_REFERENCE = frozenset(("after", "before", "since", "following", "until", "till"))
# Words before a noun naming what another thing is of or about: "the results of the
# election", "the inquiry into the blackout", "the report on the flood", "claims for the
# storm": the claim dates that other thing (the inquiry opening), not the event.
_ABOUT = frozenset(("of", "into", "about", "over", "on", "concerning", "regarding", "for"))
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# The event was still going on at the later date ("the storm still raged on Sunday").
_STILL = re.compile(
    r"\b(?:still|continued|continuing|continues|raged|raging|went\s+on|carried\s+on|"
    r"for\s+(?:days|weeks|a\s+week)|lasted|persisted)\b",
    re.I,
)
# The event ended or brought to an end ("the curfew was lifted on Friday"): not its day.
_ENDED = re.compile(
    r"\b(?:lifted|ended|ends|called\s+off|put\s+out|extinguished|subsided|abated|was\s+over)\b",
    re.I,
)
MIN_PART = 3  # the shortest noun a compound is read as made of ("hail" + "storm")


def _noun_head(words: str) -> str:
    """The last word of the noun phrase opening *words* ("violent hail in the city": "hail")."""
    head = ""
    for w in words.split():
        if w in _NO_EVENT or w in _REFERENCE:
            break
        head = w
    return head


def dated_nouns(p: Profile) -> frozenset[str]:
    """The nouns *p*'s quote dates by name: "the storm of 13 June", "Thursday's hail"."""
    quote = p.quote
    found = {m.group(1) for m in _NOUN_OF_DAY.finditer(quote)}
    found.update(_noun_head(m.group(1)) for m in _DAY_OWNS.finditer(quote))
    return frozenset(n for n in found if len(n) >= MIN_PART and n not in _NO_EVENT)


def story_nouns(items: list[Profile]) -> frozenset[str]:
    """The event nouns of a story: those some claim dates by name."""
    nouns: set[str] = set()
    for p in items:
        if p.event_first is not None:
            nouns.update(dated_nouns(p))
    return frozenset(nouns)


def _forms(word: str, nouns: frozenset[str]) -> set[str]:
    """The event nouns *word* names: itself or its singular, a verb made of it ("leaked":
    the leak), or each of two such nouns it is made of ("hailstorm": hail, storm)."""
    found = set()
    for form in (word, word[:-1], word[:-2]):
        if form in nouns and (form == word or word.endswith(("s", "d"))):
            found.add(form)
    if word.endswith("ed") and word[:-2] in nouns:
        found.add(word[:-2])
    if len(word) >= 2 * MIN_PART:
        whole = word in nouns
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            left, right = word[:cut], word[cut:]
            if (
                (whole or left in nouns or right in nouns)
                and _known(left, nouns)
                and _known(right, nouns)
            ):
                found.update((left, right))
    return found


def _known(word: str, nouns: frozenset[str]) -> bool:
    return word in nouns or word in OCCURRENCES


def named_happenings(p: Profile, nouns: frozenset[str]) -> set[Happening]:
    """The story's events *p* names by their nouns (see the module's text), as happenings
    of the kind "event" (an occurrence named by its noun: "the storm" as it is read by
    :mod:`db.facts.happenings`)."""
    if not nouns or REPEAT.search(p.quote) or _ENDED.search(p.quote):
        return set()
    words = [w.lower() for w in _WORD.findall(p.quote)]
    found: set[Happening] = set()
    for i, word in enumerate(words):
        if word in _NO_EVENT:
            continue
        before = words[max(0, i - 3) : i]
        if any(w in _REFERENCE for w in before[1 if i <= 3 else 0 :]):
            continue  # "trams ran again after the storm": dated by it, not it
        if any(w in _ABOUT for w in before):
            continue  # "the inquiry into the blackout", "a state of emergency": what of it
        for noun in _forms(word, nouns):
            found.add(Happening("event", OCCURRENCES.get(noun, noun), ""))
    return found


def named_by_day(p: Profile, nouns: frozenset[str]) -> frozenset[str]:
    """The events *p* names by their day ("the hailstorm of 6 June": the hailstorm, the
    hail and the storm), as the things of their happenings; *nouns* are the story's."""
    told: set[str] = set()
    for noun in dated_nouns(p):
        told.add(noun)
        told.update(_forms(noun, nouns))
    return frozenset(OCCURRENCES.get(n, n) for n in told)


def still_going(p: Profile) -> bool:
    """Whether *p* tells its event was still going on ("the flood still covered …")."""
    return _STILL.search(p.quote) is not None


COMING_TO_LIGHT = "appearance"
# Something coming to light: "appeared online", "surfaced", "came to light", "was first
# spotted"; not a person appearing in court or seeming ("appeared to be").
_CAME_TO_LIGHT = re.compile(
    r"\b(?:(?:first\s+)?(?:appeared|surfaced|circulated)|came\s+to\s+light|went\s+viral|"
    r"(?:was|were|been)\s+(?:first\s+)?(?:posted|published|put)\s+online|"
    r"first\s+(?:spotted|noticed|seen|detected))\b"
    r"(?!\s+(?:in\s+court|before|to\b|as\b|at\s+(?:a|the|his|her|their)\s+"
    r"(?:court|hearing|trial|tribunal)))",
    re.I,
)
# Coming at once, or marked as the first: not "circulated" alone, which may go on.
_AT_ONCE = re.compile(
    r"\b(?:first|appeared|surfaced|came\s+to\s+light|went\s+viral|posted|published|put)\b", re.I
)


def came_to_light(p: Profile) -> bool:
    """Whether *p* tells that something came to light (see the module's text)."""
    return not REPEAT.search(p.quote) and _CAME_TO_LIGHT.search(p.quote) is not None


def comes_at_once(p: Profile) -> bool:
    """Whether *p*'s coming to light is a moment: a verb of arriving at once or the first."""
    m = _CAME_TO_LIGHT.search(p.quote)
    return m is not None and _AT_ONCE.search(m.group(0)) is not None
