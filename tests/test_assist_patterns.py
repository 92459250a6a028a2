"""Patterns compiled by db.assist.patterns.led find exactly what the plain patterns find."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

import db.assist
from db.assist.patterns import _led, led, lookahead
from db.assist.text import sentences

FIXTURES = Path(__file__).parent / "fixtures"

# Constructs the compiler reads: lookbehinds before alternations, named and optional groups,
# alternatives sharing first letters, case-insensitive groups in case-sensitive patterns
# (and the reverse), classes, repeats, anchors, lookaheads, a back-reference.
SHAPES = [
    (r"(?<![\w])(?:(?P<a>said|says|stated|stressed)|(?P<b>told|tells))\s+(\w+)", 0),
    (r"(?<!\w)(?P<v>sagde|siger|sagt|sagte|skriver|skrev)(?P<t>,\s*(?:at|что)\b|,|:)", 0),
    (r"(?i:according to|citing|as reported by|quoted by)\s+", 0),
    (r"\b(?P<p>(?i:in|since|by|until|till|from))[- ](?P<m>January|June|July|Jan)(?![\w-])", 0),
    (
        r"(?<![\w])(?:in\s+der\s+)?(?:vergangenen|letzten)\s+woche|(?:kommende|nächste)\s+woche",
        re.I,
    ),
    (r"(?:^|\s)(?:har|havde)\s+(?P<w>[a-zæøå]{3,}(?:en|et))\s+(?P<v>talt|målt)\s", 0),
    (r"(?<![\d.,])(?P<n>\d+)\s?(?P<c>명의|명|개월|개|년(?![도생]))", 0),
    (r"(?<![\w])(?P<r>지난\s?주|이번\s?주|지난해|올해|내년)(?:에|의)?(?![\w])", 0),
    (r"[“\"]([^“”\"\n]{3,}?)[”\"]|«([^«»\n]{3,}?)»", 0),
    (r"(?:(?<![^\W\d_])|(?<=[\s(][وبلف]))(?P<w>ثلث|ربع|нисколько|кое|ſo|ıı|Kk)", re.I),
    (r"(?<!\d),|,(?!\d)|[;:()]|\s-\s|\s(?:and|but|which|who)\s", 0),
    (r"(?i)\b(he|she|it|they)\s+$", 0),
    (r"[,–—]\s*((?:[A-Z][\w’'\-]*\s?){1,3})$", 0),
    (r"(?P<q>['\"])(?P<body>\w+)(?P=q)", 0),
    (r"(?<=\s)(?:его|её|ее|их)(?=\s)", 0),
    (r"x*|y", 0),
    (r"(?i:istanbul|ıspir|İzmir|straße|sjov)", 0),
    # (letters the matcher takes for one another when it ignores case: "ı" and "i", "ſ" and
    # "s", the Kelvin sign and "k", between two alternatives opening on the same letter)
    ("(?i:iq|ıx|ixy|sq|ſx|sxy|kq|\u212ax|kxy)", 0),
    (r"\s*,\s*(?P<n>[A-ZÆØÅА-ЯЁ][\w’'-]+(?:\s+[A-ZÆØÅА-ЯЁ][\w’'-]+){1,2})\s*,\s*", 0),
]
ALPHABET = (
    'saidtoelrcgqubyfmJnJuay-Ww  ,:;()\n"“”«»0123456789명개월년의지난주이번해올내에'
    "ISAIDTOLDJUNE vergangenwochekünftigeærøåtalharvdemål"
    "ثلثربعوبلفнисколькоеёИХ"
    "İıſKKẞßStRaẞE’'-_."
)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.span(), a.groups(), a.groupdict(), a.lastindex) == (
        b.span(),
        b.groups(),
        b.groupdict(),
        b.lastindex,
    )


def _check(plain: re.Pattern[str], fast: re.Pattern[str], text: str, rng: random.Random) -> None:
    found_plain = list(plain.finditer(text))
    found_fast = list(fast.finditer(text))
    assert len(found_plain) == len(found_fast), (plain.pattern, text)
    for a, b in zip(found_plain, found_fast, strict=True):
        assert _same(a, b), (plain.pattern, text)
    for _ in range(4):
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _same(plain.search(text, lo, hi), fast.search(text, lo, hi)), (plain.pattern, text)
        assert _same(plain.match(text, lo, hi), fast.match(text, lo, hi)), (plain.pattern, text)
        assert _same(plain.fullmatch(text, lo, hi), fast.fullmatch(text, lo, hi))
    assert plain.sub("<>", text) == fast.sub("<>", text)


@pytest.mark.parametrize(("pattern", "flags"), SHAPES)
def test_led_finds_what_the_plain_pattern_finds(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    fast = _led(pattern, flags)  # (what led compiles, without its fallback to re.compile)
    assert fast.pattern == pattern and fast.groupindex == plain.groupindex
    assert fast.groups == plain.groups
    rng = random.Random(pattern)
    words = [*re.findall(r"[^\W\d_]+", pattern), "Said", "SAID", "JUNE", "İstanbul", "ſaid"]
    for _ in range(400):
        pieces = [
            rng.choice(words) if rng.random() < 0.4 else rng.choice(ALPHABET)
            for _ in range(rng.randint(0, 14))
        ]
        _check(plain, fast, "".join(pieces), rng)


def test_led_compiles_differently_where_it_can() -> None:
    """The lookaheads are in effect on this Python (not a quiet fallback to re.compile)."""
    pattern = SHAPES[0][0]
    assert led(pattern) is not re.compile(pattern)
    assert lookahead(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [r"x*", r"(?:a|)b?", r".abc", r"(?P<q>a?)(?P=q)c", r"(?<=a)|b"],
)
def test_no_lookahead_where_the_first_character_cannot_be_told(pattern: str) -> None:
    assert lookahead(pattern) is None


def test_lookahead_covers_case_folded_first_letters() -> None:
    head = lookahead(r"(?i:kelvin)|straße")
    assert head is not None
    for text in ("kelvin", "KELVIN", "\u212aelvin", "straße"):
        assert re.match(head, text), text
    assert not re.match(head, "xelvin")


def test_the_letters_outside_ascii_taken_for_ascii_letters_are_all_known() -> None:
    """Every character outside ASCII the matcher takes for an ASCII letter when it ignores
    case is listed (a Python with other case tables would add some)."""
    from db.assist.patterns import _OUTSIDE_ASCII

    any_letter = re.compile("[a-z]", re.IGNORECASE)
    outside = [chr(x) for x in range(128, 0x110000) if any_letter.fullmatch(chr(x))]
    for letter in "abcdefghijklmnopqrstuvwxyz":
        taken = "".join(ch for ch in outside if re.fullmatch(letter, ch, re.IGNORECASE))
        assert taken == _OUTSIDE_ASCII.get(letter, ""), letter


@pytest.mark.parametrize(
    ("gate", "names"),
    [
        ("_LATIN_CYRILLIC", ["_SUBJECT_VERB", "_PROMISE", "_OBJECT_ESTIMATE", "_CALLS"]),
        ("_LETTERS", ["_PREFIX"]),
    ],
)
def test_cues_read_only_where_their_letters_are_open_on_them(gate: str, names: list[str]) -> None:
    """Every character a match of these cues can open on is one of the letters a sentence
    must hold for them to be searched (see foreign_cues)."""
    from db.assist import foreign

    letters = getattr(foreign, gate)
    for name in names:
        pattern = getattr(foreign, name)
        head = lookahead(pattern.pattern, pattern.flags)
        assert head is not None, name
        opening = re.compile(head[3:-1], pattern.flags)  # the class inside "(?=…)"
        for code in range(0x110000):
            if opening.fullmatch(chr(code)):
                assert letters.fullmatch(chr(code)), (name, hex(code))


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.iter_modules(db.assist.__path__):
        module = importlib.import_module(f"db.assist.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
    return found


def test_module_patterns_find_what_they_did_on_the_reference_articles() -> None:
    texts = [p.read_text(encoding="utf-8-sig", errors="replace") for p in
             sorted(FIXTURES.glob("assist_*/*.txt"))[:40]]  # fmt: skip
    text = "\n\n".join(texts)[:30_000]
    bodies = [text[s.start : s.end] for s in sentences(text)]
    text = text[:12_000]  # (read whole by the patterns that read whole articles)
    rng = random.Random(7)
    patterns = _module_patterns()
    assert len(patterns) > 100
    for name, pattern in patterns:
        plain = re.compile(pattern.pattern, pattern.flags)
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ], name
        for body in rng.sample(bodies, 40):
            assert _same(plain.search(body), pattern.search(body)), (name, body)
            assert _same(plain.match(body), pattern.match(body)), (name, body)


def test_words_read_before_a_search_are_in_every_match() -> None:
    """Where a search for the subject's owner, place, body or role is skipped (the window does
    not end on the words they close on, or holds none of the words _FAMILIAR needs), the
    search finds nothing."""
    from db.assist import attribution as a

    rng = random.Random(11)
    words = [
        "the", "union’s", "union's", "spokesman", "a", "nurse", "at", "near", "in", "on",
        "group", "council", "people", "familiar", "with", "the", "matter", "of", "for", "from",
        "with", "outside", "Labour", "members", "two", "sources", "said", "within", "upon",
    ]  # fmt: skip
    spaces = [" ", " ", "  ", "\n", "\t", "\u00a0"]
    guards = [
        (a._OWNER, lambda t, lo, hi: a._ends_on(t, lo, hi, ("’s", "'s"))),
        (a._DESCRIBED_BY_PLACE, lambda t, lo, hi: a._ends_on(t, lo, hi, a._PLACE_WORDS)),
        (a._MEMBERS_ON, lambda t, lo, hi: a._ends_on(t, lo, hi, ("on", "in"))),
        (a._ROLE_OF, lambda t, lo, hi: a._ends_on(t, lo, hi, a._ROLE_OF_WORDS)),
        (a._FAMILIAR, lambda t, lo, hi: a._FAMILIAR_WORDS.search(t, lo, hi) is not None),
    ]
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(rng.randint(1, 9)))
        text = text[: rng.randint(0, len(text))]
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        for pattern, guard in guards:
            if not guard(text, lo, hi):
                assert pattern.search(text, lo, hi) is None, (pattern.pattern, text, lo, hi)
