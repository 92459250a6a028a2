"""Whether a reading of bytes in a legacy encoding looks like text someone wrote.

Bytes read in the wrong code page still decode, but leave marks no writer
leaves: letters of two alphabets in one word ("Cafй"), a word whose case runs
backwards ("мИНИСТР", KOI8-R read as Windows-1251), a lone letter of another
script inside Latin text ("Price rose Ђ 5"), a word of an alphabet's rarest
letters standing alone ("ЃЌЏђќ" among English words), halfwidth katakana in a
text with no other Japanese ("｣45"), box-drawing signs among words, a sign
stuck to a letter ("¾e", "®ádná", "powiedzia³"), an invisible joiner or
byte-order mark outside a word.

:func:`measure` counts the places that can show such a mark (words holding a
letter beyond ASCII, and odd signs) and the places that do; a reading is
plausible when few do.  :func:`foreign_letters` counts the Latin letters that
the one language whose alphabet covers most of them does not use: Czech read
in the right page is all Czech letters, in a neighbouring page it picks up
"ľ", "ą" or "ų".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

SAMPLE_CHARS = 50_000  # how much of a long text is looked at
# At most one place in this many may show a mark of a wrong reading.
ODD_SHARE = 5
# A script is isolated in a text when under a quarter of its words, and fewer than this
# many, are in it (a quotation in an English text; not a Russian page full of markup).
ISOLATED_WORDS = 50

# A run of word characters (letters, digits, marks, and the invisible joiners and
# soft hyphen that sit inside words), or one other character beyond ASCII.
_TOKEN = re.compile(
    "[\\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u00ad\u200c\u200d]+"
    "|[^\\w\\s\x00-\x7f]"
)
_ASCII_WORD = re.compile("[A-Za-z]")
_CASE_SHAPE = re.compile("u*l*(?:ul+)*")  # "Énergie", "ÉTAT", "iPhone", "McDonald", "ВКонтакте"

# Scripts written without case or spaces that share words with Latin letters ("LG전자",
# "Tシャツ", "iPhone手机") and with each other (kanji and kana; Hanja in Korean).
_EAST_ASIAN = frozenset({"HAN", "KANA", "HANGUL", "FULLWIDTH"})
# Letters that real text in each script is made of; the others are rare letters (of
# minor alphabets, or signs a wrong code page turns bytes into).
_CORE = {
    "CYRILLIC": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"),
    "GREEK": frozenset("αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ"),
    "ARABIC": frozenset(
        [chr(c) for c in range(0x0621, 0x063B)]
        + [chr(c) for c in range(0x0640, 0x0653)]
        + list("\u067e\u0686\u0698\u06a9\u06af\u06cc")  # Persian پ چ ژ ک گ ی
    ),
    "HEBREW": frozenset(chr(c) for c in [*range(0x05B0, 0x05C8), *range(0x05D0, 0x05EB)]),
}
# Letters that begin no word (the Cyrillic hard and soft signs).
_NO_WORD_STARTS = frozenset("ЪъЬь")
# Superscripts a unit may carry ("m²", "km³"); after a longer word they are another
# page's letter ("powiedzia³").
_SUPERSCRIPTS = frozenset("¹²³")
_UNIT_LETTERS = 2
# Signs a letter may follow at once: "°C", "©AP", "№A1".
_BEFORE_LETTER = frozenset("°№©")
# Letters that stand beside digits in real text: "1ª", "2º", "5µg".
_BY_DIGITS = frozenset("ªºµ")


@functools.lru_cache(maxsize=4096)
def script(ch: str) -> str:
    """The writing system of the letter *ch*, as this module tells them apart."""
    if ch in "ªºµ":
        return "LATIN"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "?"
    first = name.split(" ", 1)[0]
    if first in ("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"):
        return "KANA"
    if first in ("CJK", "IDEOGRAPHIC"):
        return "HAN"
    return first  # LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, HANGUL, HALFWIDTH, FULLWIDTH, ...


def _compatible(scripts: set[str]) -> bool:
    """Whether letters of these scripts may share a word."""
    if len(scripts) <= 1:
        return True
    if scripts <= _EAST_ASIAN | {"LATIN"}:
        return not {"HANGUL", "KANA"} <= scripts
    return False


_JOINERS = "\u00ad\u200c\u200d"  # soft hyphen, zero-width non-joiner and joiner


@functools.lru_cache(maxsize=4096)
def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM" or ch in _JOINERS


# Scripts whose letters spell words letter by letter (a lone one is a word of one letter).
_ALPHABETIC = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW"})
_BICAMERAL = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def _foreign_sign(ch: str, japanese: bool) -> bool:
    """A character outside words that is no part of prose in these encodings: halfwidth
    katakana outside Japanese text, box drawing (KOI8 and DOS pages), control and
    private-use characters."""
    code = ord(ch)
    if 0xFF61 <= code <= 0xFF9F:  # halfwidth katakana and its punctuation
        return not japanese
    if 0x2500 <= code <= 0x259F or ch in "⌠⌡∙√":
        return True
    return unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")


def _odd_sign(ch: str) -> bool:
    """A character outside words that prose seldom holds: a spacing accent ("ˇ", "˘")
    or an invisible format character."""
    return unicodedata.category(ch) in ("Cf", "Sk")


@dataclass(frozen=True)
class Measure:
    places: int  # words holding a letter beyond ASCII, and odd signs
    odd: int  # of them, those showing a mark of a wrong reading
    # of those, marks no reading of real text shows: a letter of a script isolated in the
    # text inside a word of another ("jeuپi"), or standing alone, or rare; halfwidth
    # katakana in Latin text; box drawing; control characters
    foreign: int = 0

    @property
    def plausible(self) -> bool:
        return not self.foreign and self.odd * ODD_SHARE <= self.places


def _pieces(token: str) -> list[str]:
    """*token* cut into runs of letters and runs of anything else (digits, signs)."""
    out: list[str] = []
    for ch in token:
        if out and _is_letter(out[-1][-1]) == _is_letter(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _word_scripts(word: str, japanese: bool) -> set[str]:
    """The scripts of the letters and marks of *word* (combining marks that any script
    may carry left out)."""
    scripts = {script(ch) for ch in word if unicodedata.category(ch)[0] in "LM"}
    scripts.discard("COMBINING")
    if japanese and "HALFWIDTH" in scripts:
        scripts = scripts - {"HALFWIDTH"} | {"KANA"}
    return scripts


@dataclass(frozen=True)
class _Context:
    isolated: frozenset[str]  # scripts of a few words among many of another
    japanese: bool  # the text holds (full-width) kana


def _context(tokens: list[str]) -> _Context:
    counts: Counter[str] = Counter()  # words per script (a word under each it holds)
    for token, times in Counter(tokens).items():
        if token.isascii():
            counts["LATIN"] += times * bool(_ASCII_WORD.search(token))
            continue
        for piece in _pieces(token):
            if _is_letter(piece[0]):
                for name in _word_scripts(piece, False):
                    counts[name] += times
    total = sum(counts.values())
    isolated = frozenset(
        s for s, n in counts.items() if s != "LATIN" and n * 4 < total and n < ISOLATED_WORDS
    )
    japanese = counts["KANA"] > 0
    return _Context(isolated, japanese)


def _odd_word(word: str, context: _Context, beside_digits: bool) -> bool:
    """Whether the letters *word* (holding one beyond ASCII) show a wrong reading."""
    scripts = _word_scripts(word, context.japanese)
    if not _compatible(scripts) or scripts & {"?", "HALFWIDTH", "MODIFIER"}:
        return True
    if "LATIN" in scripts and len(scripts) > 1 and _odd_mix(word, scripts, context):
        return True
    if word[0] in _JOINERS or word[-1] in _JOINERS:
        return True  # a joiner or soft hyphen outside a word
    cased = "".join("u" if ch.isupper() else "l" for ch in word if ch.isupper() or ch.islower())
    if not _CASE_SHAPE.fullmatch(cased):
        return True  # "мИНИСТР"
    letters = [ch for ch in word if unicodedata.category(ch)[0] == "L"]
    if not letters:
        return True  # a mark with no letter to carry it
    if letters[0] in _NO_WORD_STARTS:
        return True  # "ЪБСЧЙМ": no Russian or Ukrainian word starts with a hard or soft sign
    (only,) = scripts if len(scripts) == 1 else ("",)
    if len(letters) == 1 and beside_digits and only in _BICAMERAL:
        return letters[0] not in _BY_DIGITS  # "Ł45", "5Ş"
    core = _CORE.get(only)
    if core is not None and all(ch.lower() not in core for ch in letters):
        return True  # "ЃЌЏђќ", "Ђ": a word of rare letters only
    if only in context.isolated and only in _ALPHABETIC:
        if len(letters) == 1:
            return True  # "і", a lone letter of another script
        if core is not None and any(ch.lower() not in core for ch in letters):
            return True  # rare letters among a few words of another script
    return False


def _odd_mix(word: str, scripts: set[str], context: _Context) -> bool:
    """Latin letters and an East Asian script in one word ("LG전자", "iPhone手机", "Tシャツ")
    are a brand or an abbreviation beside words of the text's own script; lower-case
    Latin letters glued to a few Chinese characters among Latin words are a multi-byte
    reading of Latin text ("皋軟ierze")."""
    if scripts & context.isolated:
        return True
    latin = [ch for ch in word if ch.isascii() or script(ch) == "LATIN"]
    return len(latin) > 1 and all(ch.islower() for ch in latin)


def _odd_in_word(piece: str, before: str, after: str) -> tuple[int, int]:
    """(places, odd) of the digits and signs *piece* between letters *before* and *after*
    in one run of word characters: "¾e", "powiedzia³", but "m²"."""
    places = odd = 0
    for at, ch in enumerate(piece):
        if ch.isascii() or unicodedata.category(ch) == "Nd":
            continue
        touches_before = at == 0 and bool(before)
        touches_after = at == len(piece) - 1 and bool(after)
        if not (touches_before or touches_after):
            continue
        places += 1
        if ch in _SUPERSCRIPTS and not touches_after:
            odd += len(before) > _UNIT_LETTERS  # "m²", "km³"; "powiedzia³" is not a unit
        elif not (ch in _BEFORE_LETTER and not touches_before):
            odd += 1
    return places, odd


def _sign_at_letter(sample: str, at: int) -> bool:
    """Whether the sign at *at* (outside words) is one of a one-byte page's ("®", "¬",
    "¾") stuck to the letter after it: "®ádná".  (A unit sign of the CJK pages carries
    a particle: "450㎞를".)"""
    ch = sample[at]
    if ch in _BEFORE_LETTER or ord(ch) > 0xFF or unicodedata.category(ch) not in ("So", "Sm"):
        return False
    return at + 1 < len(sample) and unicodedata.category(sample[at + 1])[0] == "L"


_TAG = re.compile("<[^<>]*>")


def text_lines(text: str) -> str:
    """The lines of *text* (its first :data:`SAMPLE_CHARS`) holding a character beyond
    ASCII, markup tags taken out: the words a reading is judged on (a page's menus and
    scripts would make its own script look isolated)."""
    lines = (line for line in text[:SAMPLE_CHARS].split("\n") if not line.isascii())
    return "\n".join(_TAG.sub(" ", line) if "<" in line else line for line in lines)


def measure(text: str) -> Measure:
    """The places of *text* (:func:`text_lines`) that can show a wrong reading, and those
    that do."""
    sample = text_lines(text)
    found = [(m.start(), m.group(0)) for m in _TOKEN.finditer(sample)]
    context = _context([token for _, token in found])
    places = odd = foreign = 0
    seen: dict[str, tuple[int, int, int]] = {}  # words recur: each judged once
    for at, token in found:
        if token.isascii():
            continue
        if len(token) == 1 and not _is_letter(token) and not token.isalnum():
            if _foreign_sign(token, context.japanese):
                foreign += 1
            elif not (_odd_sign(token) or _sign_at_letter(sample, at)):
                continue
            places += 1
            odd += 1
            continue
        if token not in seen:
            seen[token] = _judge(token, context)
        more, bad, worse = seen[token]
        places, odd, foreign = places + more, odd + bad, foreign + worse
    return Measure(places, odd, foreign)


def _judge(token: str, context: _Context) -> tuple[int, int, int]:
    """(places, odd, foreign) of one run of word characters."""
    places = odd = foreign = 0
    pieces = _pieces(token)
    for n, piece in enumerate(pieces):
        before = pieces[n - 1] if n else ""
        after = pieces[n + 1] if n + 1 < len(pieces) else ""
        if not _is_letter(piece[0]):
            if not piece.isascii():
                more, bad = _odd_in_word(piece, before, after)
                places, odd = places + more, odd + bad
        elif not piece.isascii():
            places += 1
            beside_digits = any(ch.isdigit() for ch in before[-1:] + after[:1])
            if _odd_word(piece, context, beside_digits):
                odd += 1
                scripts = _word_scripts(piece, context.japanese)
                foreign += bool(scripts & (context.isolated | {"HALFWIDTH"}))
    return places, odd, foreign


# Letters beyond ASCII each language written in a Latin code page uses (lower case).
ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú",
    "ca": "àçéèíïóòúü",
    "nl": "áéèëïóöüê",
    "da": "æøåé",
    "sv": "åäöé",
    "fi": "äöåšž",
    "is": "áðéíóúýþæö",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "sl": "čšž",
    "hr": "čćđšž",
    "ro": "ăâîșțşţ",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "et": "äöõüšž",
    "tr": "çğıöşüâîû",
    "sq": "çë",
}
_ALPHABETS = {language: frozenset(letters) for language, letters in ALPHABETS.items()}


def foreign_letters(text: str) -> int:
    """Latin letters beyond ASCII in *text* that the language whose alphabet covers
    most of them does not use."""
    sample = text[:SAMPLE_CHARS]
    letters = Counter(
        ch.lower() for ch in sample if ord(ch) > 127 and ch.isalpha() and script(ch) == "LATIN"
    )
    if not letters:
        return 0
    total = sum(letters.values())
    covered = max(
        sum(n for ch, n in letters.items() if ch in alphabet) for alphabet in _ALPHABETS.values()
    )
    return total - covered
