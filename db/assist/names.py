"""Names of sources: cleaning, kinds, and resolving pronouns, surnames and roles in a text."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from db.assist import lexicon
from db.assist.patterns import led

SOURCE_KINDS = (
    "intelligence",
    "government",
    "military",
    "lawmaker",
    "media",
    "expert",
    "defector",
    "witness",
    "other",
)
# A word of a name: an initial or an abbreviation may end with a full stop ("J.", "U.S.",
# "Dr."); any other word ends before it, so a name never runs into the next sentence.
_NAME_WORD = (
    r"(?:[A-Z](?:\.[A-Z])*\.|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Maj|Jr|Sr)\."
    r"|[A-ZА-ЯЁ][\w’'\-]*)"
)
_CYRILLIC_CAPITALS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Latin and Cyrillic capitals: "Он сообщил" finds "Сергей Ветров" as "he" finds a name.
_CAPITALISED_RUN = led(rf"(?:{_NAME_WORD}[ \t]+){{0,5}}[A-ZА-ЯЁ][\w’'\-]*")
# Up to four words, each followed by spaces or tabs, read backwards from where a name starts
# (see _lead_words).
_LEAD_WORDS_REVERSED = re.compile(r"(?:[ \t]+[\w’'\-]+){0,4}")
# A Korean person named with the honorific "씨" (and an age): "정모(49)씨", "김하늘 씨".
_KO_SSI = led(r"(?:^|\s)(?P<name>[\uac00-\ud7a3]{1,4}(?:\s?\(\d{1,3}\))?\s?씨)$")
# A party's letter in brackets after a politician's name ("Lars Holm (V)", "Ane Berg (SF)").
_PARTY = led(r"\s*\((?:[A-ZÆØÅ]{1,2}|[A-ZÆØÅ][a-zæøå])\)\s*$")
# A short name in brackets after the full one: "(NIS)", "(평가원)", "(بترا)", "(МЧС)".
_ACRONYM = re.compile(r"\s*\(((?:[A-Z][A-Za-z]{1,7})|[^\W\d_A-Za-z][^\W_]{0,11})\)\s*$")
# Pronouns that stand for the person, or the body, last named (English, Russian, Danish,
# German, Korean, Arabic).
_HE_SHE = frozenset("he she он она han hun hende ham er sie ihm 그 그녀 هو هي".split())
# (Russian "там", "there", stands for the body just named: "В минздраве уточнили … Там также
# сообщили …")
_IT_THEY = frozenset("it they они оно там de dem ihr ihnen sie 그들 هم".split())
# How far back a pronoun looks for the source it stands for (code points).
_PRONOUN_REACH = 5000
# Subjects that name nobody: "Det oplyser …" and "Об этом сообщил …" point to what was said.
_NOBODY = frozenset(
    "i;we;you;which;that;this;there;who;det;dette;der;это;об этом;das;dies;es;"
    "many;some;others;most;few;several;all;both;the;a;an".split(";")
)
# A Korean source taken up again: "이들" (these, the source just given) or "이 관계자" (this
# official: the source just given with that head noun).
_KO_THIS = re.compile(r"이(?:들|\s(?P<head>[\uac00-\ud7a3]+))")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n)$")
# Words any body may be called by, whatever its name ("the organisation").
# (and the Russian word for a government body taken up again, in each of its cases)
_ANY_BODY = frozenset(
    """organisationen foreningen forbundet selskabet myndigheden
    ведомство ведомства ведомству ведомством ведомстве""".split()
)
_AGE_OPENS = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n)\d{1,3}-(?:årige|årig|year-old|jährige|летн(?:ий|яя))\s+$"
)
_AFTER_PREPOSITION = re.compile(
    r"(?:^|\s)(?:in|at|of|for|from|with|by|to|on|i|hos|fra|til|på|for|af|ved|med|im|bei|von)\s+$"
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+")
# "Ana Ruiz of the farmers' union", "Lars Holm fra Dansk Energi": a person, then the body.
_PERSON_OF = led(
    r"(?P<who>(?:[A-ZÆØÅÄÖÜ][\w’'\-]+\s+){1,2}[A-ZÆØÅÄÖÜ][\w’'\-]+)\s+"
    r"(?:of|from|at|with|fra|hos|von|vom)\s+\S"
)
# A Danish or Norwegian common noun with its definite ending ("selskabet", "foreningen").
_DEFINITE_NOUN = re.compile(r"[a-zæøå]{3,}(?:et|en|ne)")
# Days of the week name no one ("…, the company said on Wednesday").
_WEEKDAY_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mandag tirsdag onsdag torsdag "
    "fredag lørdag søndag".split()
)
# A word that makes the capitalised words after it a place or a body, not the person's name
# ("a dairy farmer in the Vale", "a spokesperson for the Department for Environment").
_GERMAN_ARTICLES = frozenset("Der Die Das Den Dem Des Ein Eine Einer Einem Einen".split())
# A German article opening a sentence before a role and a name ("Der Kunstfahnder Ralf Oster").
_ARTICLE_OPENING = led(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’»“]\s)|(?<=\n))(?:Der|Die|Das|Ein|Eine)[ \t]+"
    r"(?P<run>(?:[A-ZÄÖÜ][\w’'\-]*[ \t]+){1,4}[A-ZÄÖÜ][\w’'\-]*)"
)
# A single capitalised word opening a sentence before a word in lower case ("Holst zeigte …").
_LONE_OPENER = led(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’»“]\s)|(?<=\n))[A-ZÄÖÜ][\w’'\-]+(?=[ \t]+[a-zäöüß])"
)
# Singular words for a person that a source described, not named, is called by ("an engineer at
# the dam", "a hospital spokesman"): "he" or "she" after it stands for that person.
_PERSON_ROLES = frozenset(
    "engineer spokesperson spokesman spokeswoman official officer manager director nurse doctor "
    "teacher worker employee pilot driver farmer fisherman owner resident witness survivor "
    "analyst researcher professor diplomat adviser advisor aide executive inspector "
    "coordinator chairman chairwoman "
    # a Russian source described, not named ("источник, знакомый с планами", "собеседник")
    "источник источника собеседник собеседника собеседница собеседницы".split()
)
# A German title alone, or after its article ("der Sprecher").
_GERMAN_ROLE = re.compile(r"(?:(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em)\s+)?([A-ZÄÖÜ]\w+)$")
# Words a sentence may open on before a name.
_OPENING_WORDS = frozenset(
    "the a an its their in on at by for from with after before when while but and as yesterday "
    "today last this meanwhile however also earlier later monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
_PLACE_BEFORE = re.compile(
    r"(?:^|\s)(?:in|at|of|for|from|with|on|near|i|på|fra|hos|ved)(?:\s+the)?$"
)


@lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """Matching form of a name: NFKC, casefolded, no accents, one apostrophe, no hyphens."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"[\-‐‑–—_.]", " ", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip())
    return " ".join(text.split())


_ARTICLE = re.compile(r"^(?:the|a|an|der|die|das|dem|den|des|det)\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def clean_name(raw: str) -> str:
    """A source name as shown: trimmed, without a leading article or trailing punctuation."""
    name = " ".join(raw.split()).strip(" ,;:.–—\"“”'’")
    name = _ARTICLE.sub("", name)
    return name


@lru_cache(maxsize=4096)
def _has_capital(name: str) -> bool:
    return any(ch.isupper() for ch in name)


@lru_cache(maxsize=4096)
def guess_kind(*descriptions: str) -> str:
    """The kind of a source from the words describing it; 'other' when none tell (kept for
    the descriptions given: a long article gives the same ones again and again)."""
    joined_raw = " ".join(descriptions).casefold()
    if descriptions and normalise(descriptions[0]) in lexicon.STATES:
        return "government"
    words = re.findall(r"[\w\-]+", joined_raw)
    for word in words:
        if word in lexicon.MEDIA_NAMES:
            return "media"
    kinds = [lexicon.KIND_WORDS[w] for w in words if w in lexicon.KIND_WORDS]
    joined = " ".join(words)
    kinds += [kind for stem, kind in lexicon.STEM_KINDS if stem in joined]
    for preferred in ("intelligence", "lawmaker", "defector", "expert", "media"):
        if preferred in kinds:
            return preferred
    if "former" in words and ("north" in words or "korean" in words) and "military" in kinds:
        return "defector"
    return kinds[-1] if kinds else "other"


def _is_title(token: str) -> bool:
    bare = token.casefold().strip(".")
    return bare in lexicon.TITLE_WORDS or bare.endswith(lexicon.TITLE_ENDINGS)


@lru_cache(maxsize=4096)
def is_person(phrase: str) -> bool:
    tokens = phrase.split()
    if not 1 <= len(tokens) <= 3:
        return False
    if len(tokens) == 1 and tokens[0][:1] in _CYRILLIC_CAPITALS and tokens[0][-1:] in "иы":
        return False  # "Синоптики", "Врачи": a plural opening its sentence, a group
    if tokens[0] in _GERMAN_ARTICLES:
        return False  # "Die Firma", "Der Verband": a German noun after its article
    for token in tokens:
        bare = token.casefold().strip("’'.").removesuffix("’s").removesuffix("'s")
        if bare in lexicon.ORG_WORDS or bare in lexicon.MONTHS or bare in lexicon.TITLE_WORDS:
            return False
        if bare.endswith(lexicon.ORG_ENDINGS):
            return False  # "Forbrugerrådet", "Organisationen": a body
        if bare in _WEEKDAY_NAMES:
            return False
        if bare in lexicon.ROLE_WORDS or not token[:1].isupper():
            return False
        if bare in lexicon.MEDIA_NAMES or (token.isupper() and len(token) > 2):
            return False
    return True


_PRONOUN_GENDER = {"он": "m", "она": "f"}
# Russian surname endings that only a man's name in the nominative has ("Осипов", "Белый")
# and only a woman's ("Белая", "Ивановна"); "Петрова" may be a woman or, in the genitive
# ("по словам Игоря Петрова"), a man, so it tells nothing.
_RU_ONLY_MASCULINE = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ый)$")
_RU_ONLY_FEMININE = re.compile(r"(?:ская|цкая|ая|овна|евна|ична)$")


def _agrees(name: str, gender: str) -> bool:
    """False only when *name* is a Russian name that only the other gender than *gender* has."""
    if not gender or not name[:1] or name[:1] not in _CYRILLIC_CAPITALS:
        return True
    surname = name.split()[-1].casefold()
    if _RU_ONLY_MASCULINE.search(surname):
        return gender == "m"
    if _RU_ONLY_FEMININE.search(surname):
        return gender == "f"
    return True


_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")


def _russian_name_done(tail: list[str]) -> bool:
    """True when *tail* already holds a whole Russian personal name: a first name and a
    surname, with a patronymic between them when there is one (a capitalised word before
    them is the body the person belongs to, in the genitive)."""
    if len(tail) < 2 or tail[0][:1] not in _CYRILLIC_CAPITALS:
        return False
    return len(tail) >= 3 or not _PATRONYMIC.search(tail[0].casefold())


# Russian case endings after "по данным", "по словам", "в …" and their nominative forms, the
# longest ending first: "Росстата" -> "Росстат", "Росавиации" -> "Росавиация", "областном
# минздраве" -> "областной минздрав", "Уральского" -> "Уральское", "Игоря Ланина" -> "Игорь Ланин".
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ый", "ий", "ое", "ой")), ("его", ("ий", "ее")), ("ому", ("ый", "ой")),
    ("ов", ("ы",)), ("ом", ("ый", "ой")), ("ой", ("ая",)), ("ей", ("яя",)), ("ии", ("ия",)),
    ("ия", ("ий",)), ("ы", ("а",)), ("я", ("ь", "й")), ("а", ("",)), ("е", ("", "а")), ("у", ("",)),
)  # fmt: skip
_RU_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _ru_word_forms(word: str) -> list[str]:
    low = word.casefold()
    for ending, nominatives in _RU_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = word[: len(word) - len(ending)]
            if ending in ("а", "е", "у") and stem[-1:].casefold() not in _RU_CONSONANTS:
                return [word]
            return [stem + n for n in nominatives]
    return [word]


def russian_nominatives(name: str) -> list[str]:
    """Nominative guesses for a Russian name written in another case (at most four), to match
    a source by its dictionary form; none for a name in another script."""
    words = name.split()
    if (
        not words
        or not 1 <= len(words) <= 3
        or words[0][:1].casefold() not in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    ):
        return []
    person = all(w[:1].isupper() for w in words)
    forms = [""]
    head_done = False
    for word in words:
        # a phrase inflects up to its head noun ("пресс-службе аэропорта": the genitive after
        # the head stays); a person's first name and surname both inflect
        options = [word] if word.isupper() or head_done else _ru_word_forms(word)
        forms = [f"{f} {o}".strip() for f in forms for o in options][:4]
        head_done = not person and not _RU_ADJECTIVE.search(word.casefold())
    return [f for f in forms if f != name]


_RU_ADJECTIVE = re.compile(r"(?:ого|его|ому|ему|ом|ем|ой|ей|ый|ий|ая|яя|ое|ее|ых|их)$")


def _lead_words(text: str, lo: int, end: int) -> str:
    """The up to four words, each followed by spaces or tabs, that end at *end* (before a
    line break there), no further back than *lo*: what ``((?:[\\w’'\\-]+[ \t]+){0,4})$``
    searched for in ``text[lo:end]`` finds, read backwards from *end* rather than tried
    from every position after *lo*."""
    stop = end - 1 if end > lo and text[end - 1] == "\n" else end
    taken = _LEAD_WORDS_REVERSED.match(text[lo:stop][::-1])
    return text[stop - taken.end() : stop] if taken else ""


def _read_run(run: str) -> tuple[str, int, bool, bool, str] | None:
    """A run of capitalised words as :class:`NameIndex` reads it: the name it gives, how many
    words that name has, whether it is a person's, whether a person's or an outlet's, and the
    titles before it; None when it names no one ("Ruiz" alone opening a Russian sentence)."""
    tokens = run.split()
    titles: list[str] = []
    while tokens and tokens[0].casefold().strip(".") in lexicon.TITLE_WORDS:
        titles.append(tokens.pop(0))
    # "Health Minister Ana Ruiz": a title after a word of its own, then the name
    last_title = max((i for i, t in enumerate(tokens[:-1]) if _is_title(t)), default=-1)
    if last_title >= 0:
        titles += tokens[: last_title + 1]
        tokens = tokens[last_title + 1 :]
    if not tokens:
        return None
    if len(tokens) < 2 and tokens[0][:1] in _CYRILLIC_CAPITALS:
        return None  # a Cyrillic word opening a sentence, not a name of its own
    if titles and len(tokens) >= 3 and tokens[0][:1] in _CYRILLIC_CAPITALS:
        # "Мэр Казани Ильсур Метшин": the place the title holds, then the name (first
        # name, patronymic where given, surname)
        keep = 3 if re.search(r"(?:вич|вна|ична|ьич)$", tokens[-2]) else 2
        tokens = tokens[-keep:]
    phrase = " ".join(tokens)
    person = is_person(phrase)
    wanted = person or phrase.casefold() in lexicon.MEDIA_NAMES
    return phrase, len(tokens), person, wanted, " ".join(titles)


# What describes a name right after it (", a defector from …"); "the" opening a subject; the
# words that name a role or a title.
_APPOSITION = re.compile(r"\s*,\s*([^,\n]{3,140})")
_THE = re.compile(r"(?i)^the\s")
_ROLES = lexicon.ROLE_WORDS | lexicon.TITLE_WORDS
# The endings of bodies' names, each also a word of its own ("Styrelsen", "ведомство").
_ORG_ENDING_WORDS = frozenset(lexicon.ORG_ENDINGS)


@lru_cache(maxsize=256)
def _is_a(first: str) -> re.Pattern[str]:
    """ "Ruiz is a …" for a name's first word *first* (escaped), compiled once for each."""
    return led(rf"\b{first}\s+(?:is|was)\s+an?\s+([^.\n]{{3,120}})")


class NameIndex:
    """People named in a text, by position, to resolve ``he``, ``Yu``, ``the lawmaker``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._people: list[tuple[int, str]] = []
        self._objects: set[int] = set()  # people named after a preposition ("director in X")
        self._subjects: list[int] = []  # people whose name (with its title) opens a sentence
        self._roles: list[tuple[int, str, str]] = []  # (position, role words, name)
        # (a run of capitalised words read once however often the text repeats it: German
        # capitalises every noun)
        readings: dict[str, tuple[str, int, bool, bool, str] | None] = {}
        for m in _CAPITALISED_RUN.finditer(text):
            run = m.group(0)
            if run in readings:
                reading = readings[run]
            else:
                reading = readings[run] = _read_run(run)
            if reading is None:
                continue
            phrase, count, person, wanted, titles = reading
            if count >= 2 and person:
                self._people.append((m.start(), phrase))
                if _AFTER_PREPOSITION.search(text, max(0, m.start() - 12), m.start()):
                    self._objects.add(m.start())
                if (
                    _SENTENCE_OPENS.search(text, max(0, m.start() - 3), m.start())
                    or _AGE_OPENS.search(text, max(0, m.start() - 20), m.start())
                    or not m.start()
                ):  # ("31-årige Mikkel Juhl har …": an age before the name opening a sentence)
                    self._subjects.append(m.start())
            if not wanted:
                continue
            lead = _lead_words(text, max(0, m.start() - 60), m.start())
            role = (lead + titles).casefold()
            if not _ROLES.isdisjoint(role.split()):
                self._roles.append((m.start(), role, phrase))
        openers = _people_after_articles(text)
        if openers:  # "Der Kunstfahnder Ralf Oster hält …": a German sentence opening on an
            self._people = sorted([*self._people, *openers])  # article, a title and a name
            self._subjects = sorted([*self._subjects, *(p for p, _ in openers)])
        # Each role word -> the roles holding it, in text order (positions, then roles).
        self._role_words: dict[str, tuple[list[int], list[tuple[int, str, str]]]] = {}
        for entry in self._roles:
            for word in set(entry[1].split()):
                positions, entries = self._role_words.setdefault(word, ([], []))
                positions.append(entry[0])
                entries.append(entry)
        self._positions = [p for p, _ in self._people]
        self._by_token: dict[str, list[tuple[int, str]]] = {}
        for p, name in self._people:
            parts = name.split()
            for token in {normalise(parts[0]), normalise(parts[-1])}:
                self._by_token.setdefault(token, []).append((p, name))
        # A surname alone opening a sentence ("Holst zeigte sich zuversichtlich.") is the person
        # named in full before, the subject of a sentence of their own.
        self._lone_openers: dict[int, str] = {}
        for m in _LONE_OPENER.finditer(text):
            p, token = m.start(), m.group(0)
            full = self._full_name(token, p)
            if full is not None and len(full.split()) >= 2:
                self._lone_openers[p] = full
        if self._lone_openers:
            self._subjects = sorted({*self._subjects, *self._lone_openers})
        self._sources: list[tuple[int, str, str]] = []  # (position, name, kind)
        self._source_words: dict[str, list[tuple[int, str, str]]] = {}
        # The same again by word, then by name: (order noted, position, kind) of each noting.
        self._word_names: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
        self._bodies: list[tuple[int, str, str]] = []  # sources that are not people
        self._descriptions: dict[str, str] = {}

    def note_source(self, name: str, kind: str, pos: int) -> None:
        entry = (pos, name, kind)
        self._sources.append(entry)
        # The same sources, by word and the bodies apart (each in the order noted).
        noted = (len(self._sources), pos, kind)
        for word in set(name.casefold().split()):
            self._source_words.setdefault(word, []).append(entry)
            self._word_names.setdefault(word, {}).setdefault(name, []).append(noted)
        if not is_person(name) and not _described_person(name):  # ("источник в штабе")
            self._bodies.append(entry)

    def _latest_person(self, pos: int, gender: str = "") -> str | None:
        """The person last given as a source before *pos*, unless a person named since opens a
        sentence of their own ("Minister Laila Osei visited …. She pledged …"); else the person
        last named.  A pronoun with a *gender* ("она") passes over a person of the other one
        where the name tells it (Russian surnames)."""
        k = bisect.bisect_left(self._subjects, pos)
        opener = self._subjects[k - 1] if k else -1
        for p, name, _kind in reversed(self._sources):
            if p < pos - _PRONOUN_REACH:
                break
            if p < pos and (is_person(name) or _described_person(name)) and _agrees(name, gender):
                if opener > p:
                    lone_name = self._lone_openers.get(opener)
                    if lone_name is not None and _agrees(lone_name, gender):
                        return lone_name
                    i = bisect.bisect_left(self._positions, opener)
                    if (
                        i < len(self._people)
                        and self._people[i][0] == opener
                        and _agrees(self._people[i][1], gender)
                    ):
                        return self._people[i][1]
                return name
        i = bisect.bisect_left(self._positions, pos)
        agreeing = [(p, n) for p, n in self._people[max(0, i - 6) : i] if _agrees(n, gender)]
        for p, name in reversed(agreeing[-4:]):
            if p not in self._objects:  # "Lise Holm is director in Dansk Energi. She …": Holm
                return name
        return agreeing[-1][1] if agreeing else None

    def _latest_uncased(self, pos: int) -> str | None:
        """The source last given before *pos* in a script without capitals (Arabic, Korean),
        where a person cannot be told from a body by its letters."""
        for p, name, _kind in reversed(self._sources):
            if p < pos - _PRONOUN_REACH:
                break
            if p < pos and not any(ch.isupper() or ch.islower() for ch in name):
                return name
        return None

    def _korean_taken_up(self, head: str | None, pos: int) -> tuple[str, str] | None:
        """The Korean source last given before *pos* ("이들"), or the last whose name ends in
        *head* ("이 관계자" takes up "국토교통부 관계자")."""
        for p, name, kind in reversed(self._sources):
            if p < pos - _PRONOUN_REACH:
                break
            if p >= pos or any(ch.isupper() or ch.islower() for ch in name):
                continue
            if head is None or (name != f"이 {head}" and name.split()[-1] == head):
                return name, kind
        return None

    def note_variants(self, name: str, kind: str, pos: int, variants: tuple[str, ...]) -> None:
        """The words of the other names of a source just noted ("Sprecher der Polizei" for
        "Polizei"), so that "der Sprecher" later finds it too."""
        entry = (pos, name, kind)
        words = {w for variant in variants for w in variant.casefold().split()}
        for word in words - set(name.casefold().split()):
            self._source_words.setdefault(word, []).append(entry)

    def first_person(self, lo: int, hi: int) -> tuple[int, str] | None:
        """The first person named in full within ``[lo, hi)``, and where."""
        i = bisect.bisect_left(self._positions, lo)
        if i < len(self._people) and self._people[i][0] < hi:
            return self._people[i]
        return None

    def _full_name(self, token: str, pos: int) -> str | None:
        """The latest full name before *pos* whose first or last word is *token*."""
        entries = self._by_token.get(normalise(token), [])
        i = bisect.bisect_left(entries, (pos, ""))
        return entries[i - 1][1] if i else None

    def _description(self, name: str, pos: int) -> str:
        """Words describing *name* where it is first introduced (role before, appositive after)."""
        if name not in self._descriptions:
            self._descriptions[name] = self._describe(name)
        return self._descriptions[name]

    def _describe(self, name: str) -> str:
        found = self.text.find(name)
        if found < 0:
            return ""
        before = self.text[max(0, found - 80) : found]
        after = _APPOSITION.match(self.text, found + len(name))
        is_a = _is_a(re.escape(name.split()[0])).search(self.text, found, found + 3000)
        return " ".join(
            [before.split(".")[-1], after.group(1) if after else "", is_a.group(1) if is_a else ""]
        )

    def _kind(self, words: str, name: str, pos: int) -> str:
        """The kind the source's own words tell, else the words describing it in the text."""
        kind = guess_kind(words)
        return kind if kind != "other" else guess_kind(words, self._description(name, pos))

    def _named_with_head(self, head: str, pos: int) -> str | None:
        """The name last written before *pos* (and in the 600 characters before it) whose last
        word is *head* capitalised: "the bank" takes up "Harbourside Bank"."""
        if not head.isalpha() or not head.islower():
            return None
        found = None
        for m in re.finditer(
            rf"(?<![\w’'-])(?:[A-Z][\w’'&-]*\s+){{1,4}}{head.capitalize()}(?![\w’'-])",
            self.text[max(0, pos - 600) : pos],
        ):
            found = m.group(0)
        if found is None:
            return None
        words = found.split()
        while words[:-1] and words[0].casefold() in _OPENING_WORDS:
            words.pop(0)  # "In", "Yesterday", "But" opening the sentence, not the name
        return " ".join(words) if len(words) >= 2 else None

    def resolve(self, raw: str, pos: int) -> tuple[str, str, tuple[str, ...]] | None:
        """``(name, kind, other names)`` for a cue's subject, or None when it names nobody."""
        definite = bool(_THE.match(raw.strip()))
        # "der Sprecher", "die Sprecherin": a German title taken up again (its article dropped)
        german_role = _GERMAN_ROLE.match(raw.strip())
        if german_role and german_role.group(1).casefold().endswith(lexicon.TITLE_ENDINGS):
            definite = True
        raw = clean_name(raw)
        if not raw:
            return None
        low = raw.casefold()
        ko_this = _KO_THIS.fullmatch(raw)
        if ko_this:
            taken = self._korean_taken_up(ko_this.group("head"), pos)
            if taken is not None:
                return taken[0], taken[1], (raw,)
        if low in _HE_SHE:
            person = self._latest_person(pos, _PRONOUN_GENDER.get(low, ""))
            person = person or self._latest_uncased(pos)
            if person is None:
                return None
            return person, guess_kind(self._description(person, pos)), ()
        if low in _IT_THEY:
            for p, name, kind in reversed(self._bodies):
                if p < pos:
                    return name, kind, ()
            return None
        if low in _NOBODY:
            return None
        if low in _ORG_ENDING_WORDS or low in _ANY_BODY:
            # "Styrelsen vurderer", "Organisationen opfordrer", "как ожидают в ведомстве": the
            # body last named with that head ("Miljøstyrelsen"), or, for a word any body may
            # be called, the body last named (none: the word itself, "Ранее ведомство …")
            stem = re.sub(r"(?:en|et)$", "", low)
            for p, name, kind in reversed(self._bodies):
                if p < pos - _PRONOUN_REACH:
                    break
                if (
                    p < pos
                    and normalise(name) != low
                    and (stem in normalise(name) or low in _ANY_BODY)
                    # (a department is no news agency passing it on: "как сообщает агентство
                    # «X», … . В ведомстве подчеркнули …" is the ministry named before)
                    and not (low.startswith("ведомств") and kind == "media")
                    and normalise(name) not in _ANY_BODY
                ):
                    return name, kind, (raw,)
        if not _has_capital(raw) and len(raw.split()) <= 2:
            # "в пресс-службе" after "в пресс-службе аэропорта", "ministeriet" after
            # "ministeriet for X": a bare head names the body named in full before
            # (the source last noted before pos among those names: each name's noting before
            # pos read from its own list, not the whole history of the word)
            head = normalise(raw) + " "
            first = raw.casefold().split()[0]
            latest: tuple[int, str, str] | None = None
            for name, notings in self._word_names.get(first, {}).items():
                if len(name) > len(raw) and normalise(name).startswith(head):
                    for order, p, kind in reversed(notings):
                        if p < pos:
                            if latest is None or order > latest[0]:
                                latest = (order, name, kind)
                            break
            if latest is not None:
                return latest[1], latest[2], (raw,)
        of_body = _PERSON_OF.match(raw)
        if of_body and is_person(of_body.group("who")):
            # "Tom Reddick of the campaign group Rivers First": the person speaks for the body
            who = of_body.group("who")
            return who, self._kind(raw, who, pos), (raw,)
        variants: list[str] = []
        party = _PARTY.search(raw) if "(" in raw else None  # (both in brackets)
        if party and party.start() > 0:  # "Lars Holm (V)": the party, not part of the name
            before = raw[: party.start()].strip()
            if len(party.group(0).strip()) == 3 or is_person(" ".join(before.split()[-2:])):
                raw = before  # (two letters only after a person: "the United Nations (UN)")
        acronym = _ACRONYM.search(raw) if "(" in raw else None
        if acronym:
            variants.append(acronym.group(1))
            raw = raw[: acronym.start()].strip()
        words = raw.split()
        if len(words) >= 2 and _DEFINITE_NOUN.fullmatch(words[0]) and words[1][:1].isupper():
            # "elselskabet Nordlys", "forbundet Dansk Metal": a noun in its definite form
            # describing the name after it
            rest = " ".join(words[1:])
            return rest, self._kind(raw, rest, pos), (raw,)
        roles = _ROLES
        if (
            definite
            and words
            and all(
                not w[:1].isupper() or w.casefold() in roles or german_role is not None
                for w in words
            )
        ):
            # "the lawmaker", "the official": the latest name given with that role
            head = words[-1].casefold()
            positions, entries = self._role_words.get(head, ([], []))
            i = bisect.bisect_left(positions, pos)  # the latest role before pos with that word
            if i:
                _p, role, name = entries[i - 1]
                return name, guess_kind(role, name), (raw,)
            for p, name, kind in reversed(self._source_words.get(head, ())):
                if p < pos and name.casefold() != low:
                    return name, kind, (raw,)
            named = self._named_with_head(head, pos) if len(words) == 1 else None
            if named is not None:  # "Harbourside Bank …, according to a statement the bank …"
                return named, self._kind(raw, named, pos), (raw,)
            return raw, guess_kind(raw), ()
        # split a title or description from a trailing personal name
        tail: list[str] = []
        for word in reversed(words):
            bare = word.casefold().strip(".")
            title = bare in lexicon.TITLE_WORDS or bare.endswith(lexicon.TITLE_ENDINGS)
            if word[:1].isupper() and not title and "’" not in word:
                if len(tail) == 1 and word.isupper() and len(word) > 1:
                    tail = []  # "РИА Новости", "BBC News": an acronym opens an organisation's name
                    break
                if "'" in word or bare in lexicon.ORG_WORDS or (tail and word.isupper()):
                    if len(tail) == 1 and bare in lexicon.ORG_WORDS:
                        tail = []  # "Office for National Statistics": one body's name
                    break
                if _russian_name_done(tail):
                    break  # "управления Росавиации Андрей Колесников": the body before the name
                tail.insert(0, word)
            else:
                break
        prefix = " ".join(words[: len(words) - len(tail)])
        prefix_titled = any(
            w.casefold().strip(".") in lexicon.ROLE_WORDS
            or w.casefold().strip(".") in lexicon.TITLE_WORDS
            or w.casefold().endswith(lexicon.TITLE_ENDINGS)
            or w.isupper()
            for w in prefix.split()
        )
        if (
            tail
            and prefix
            and (len(tail) >= 2 or prefix_titled)
            and not re.search(r"’s$|'s$", prefix)
            and not _PLACE_BEFORE.search(prefix)
        ):
            name = " ".join(tail)
            if len(tail) == 1:
                name = self._full_name(tail[0], pos) or name
            kind = self._kind(f"{prefix} {name}", name, pos)
            return name, kind, (raw, *_genitive_forms(prefix, name))
        bare = _HONORIFIC.sub("", raw)
        if len(bare.split()) == 1 and bare[:1].isupper():
            full = self._full_name(bare, pos)
            if full:
                return full, guess_kind(self._description(full, pos)), (raw,)
        name = bare if is_person(bare) else raw
        variants += russian_nominatives(name)
        ssi = _KO_SSI.search(name) if "씨" in name else None
        if ssi and ssi.start("name") > 0:  # "학부모 정모(49)씨" is also "정모(49)씨"
            variants.append(ssi.group("name"))
        if ssi:  # "김모(34)씨" is "김모씨" and "김모": the age in brackets and "씨" aside
            bare_name = re.sub(r"\s?\(\d{1,3}\)", "", ssi.group("name"))
            for form in (bare_name, bare_name.removesuffix("씨").strip()):
                if form not in variants and form != name:
                    variants.append(form)
        return name, self._kind(raw, name, pos), tuple(variants)


def _people_after_articles(text: str) -> list[tuple[int, str]]:
    """People named after a German article opening a sentence, a title perhaps between ("Der
    Kunstfahnder Ralf Oster", "Die Ärztin Eva Kranz"), with where the sentence starts."""
    out: list[tuple[int, str]] = []
    for m in _ARTICLE_OPENING.finditer(text):
        tokens = m.group("run").split()
        last_title = max((i for i, t in enumerate(tokens[:-1]) if _is_title(t)), default=-1)
        tokens = tokens[last_title + 1 :]
        phrase = " ".join(tokens)
        if len(tokens) >= 2 and is_person(phrase):
            out.append((m.start(), phrase))
    return out


def _genitive_forms(prefix: str, name: str) -> tuple[str, ...]:
    """A German body named in the genitive after "des" ("Sprecher des Ministeriums") in the
    nominative too ("Ministerium"): the name without its -s or -es."""
    if prefix.split()[-1:] != ["des"] or len(name.split()) != 1 or not name.endswith("s"):
        return ()
    stems = [name[:-1], *([name[:-2]] if name.endswith("es") else [])]  # ("Amtes": "Amt")
    return tuple(stem for stem in stems if len(stem) >= 3)


def _described_person(name: str) -> bool:
    """True for a source described rather than named, as one person ("engineer at the dam")."""
    return name[:1].islower() and not _PERSON_ROLES.isdisjoint(re.findall(r"\w+", name.casefold()))


__all__ = ["SOURCE_KINDS", "NameIndex", "clean_name", "guess_kind", "is_person", "normalise"]
