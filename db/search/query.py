"""What a search query means: literal terms, never syntax.

A query is normalised to NFC and split at white space into terms; a text
matches when it contains every term, compared without regard to case in any
script (``Министр`` finds ``министр``).  Each term is literal: ``100%`` and
``a_b`` are the characters typed, never wildcards, and FTS5 or SQL syntax
characters (``"``, ``*``, ``:``, ``(``, ``NEAR``, ``OR``) are plain text.
Letters are compared as they are: Latin ``BBC`` and Cyrillic ``ВВС`` differ,
and ``École`` does not match ``Ecole``.

Terms of three or more characters are matched anywhere in a text (the
trigram index, which finds Korean or Chinese inside longer runs); shorter ones
as the start of a word (the word index), since a trigram index cannot look up
one or two characters.  A short term with punctuation (``5%``) is found by its
word and then checked for every character typed, so it never finds ``50``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from db.errors import InvalidInput

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
TRIGRAM = 3


@dataclass(frozen=True)
class Query:
    """A checked query: its normalised text and its literal terms."""

    text: str
    terms: tuple[str, ...]

    @property
    def long_terms(self) -> tuple[str, ...]:
        """Terms found anywhere in a text (three characters or more)."""
        return tuple(t for t in self.terms if len(t) >= TRIGRAM)

    @property
    def short_terms(self) -> tuple[str, ...]:
        """Terms found at the start of a word (one or two characters)."""
        return tuple(t for t in self.terms if len(t) < TRIGRAM)

    @property
    def symbol_terms(self) -> tuple[str, ...]:
        """Short terms holding a character the word index does not keep ("5%", "_a"):
        the index finds their words, so each match is checked for the characters."""
        return tuple(t for t in self.short_terms if not all(_is_word_character(c) for c in t))

    def holds_symbol_terms(self, texts: tuple[str, ...]) -> bool:
        """Whether every symbol term occurs, as typed in any case, in one of *texts*."""
        return all(
            any(re.search(re.escape(t), text, re.IGNORECASE) for text in texts)
            for t in self.symbol_terms
        )

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A regular expression finding any term, longest first, ignoring case."""
        ordered = sorted(set(self.terms), key=len, reverse=True)
        return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)

    @cached_property
    def phrase(self) -> re.Pattern[str] | None:
        """The terms in their order as one phrase (any white space between), if several."""
        if len(self.terms) < 2:
            return None
        return re.compile(r"\s+".join(re.escape(t) for t in self.terms), re.IGNORECASE)


def _is_word_character(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"


def _has_word_character(term: str) -> bool:
    return any(_is_word_character(ch) for ch in term)


def parse_query(raw: str) -> Query:
    """The query *raw* as literal terms; InvalidInput (one sentence) when unusable."""
    if not isinstance(raw, str):
        raise InvalidInput("A search query must be text.")
    if len(raw) > MAX_QUERY_CHARS * 4:  # refuse before normalising megabytes
        raise InvalidInput(
            f"The search query is too long ({len(raw):,} characters; at most {MAX_QUERY_CHARS})."
        )
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    if "\x00" in text:
        raise InvalidInput("The search query contains a NUL character.")
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # undecodable bytes on a command line
        raise InvalidInput("The search query is not valid text (undecodable bytes).")
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidInput(
            f"The search query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS})."
        )
    if not text:
        raise InvalidInput("The search query is empty; type a word to look for.")
    words: list[str] = []
    for term in text.split(" "):
        # A term of punctuation alone ("%", "—") is dropped; punctuation within a
        # term stays literal ("100%", "a_b").
        if _has_word_character(term) and term not in words:
            words.append(term)
    if not words:
        raise InvalidInput(
            f"The search query {text!r} has no letters or digits; type a word to look for."
        )
    if len(words) > MAX_TERMS:
        raise InvalidInput(f"The search query has {len(words)} words; use at most {MAX_TERMS}.")
    return Query(text=text, terms=tuple(words))


# ---------------------------------------------------------------- FTS5 and LIKE quoting


def fts5_phrase(term: str) -> str:
    """*term* as one FTS5 string: everything inside double quotes is literal."""
    return '"' + term.replace('"', '""') + '"'


def fts5_expression(terms: tuple[str, ...], columns: tuple[str, ...], *, prefix: bool) -> str:
    """An FTS5 query: every term (as a phrase, or a word prefix) within *columns*."""
    star = " *" if prefix else ""
    body = " AND ".join(fts5_phrase(t) + star for t in terms)
    return "{" + " ".join(columns) + "} : (" + body + ")"


def like_pattern(term: str) -> str:
    """A LIKE pattern finding *term* anywhere, with ``%``, ``_`` and ``\\`` escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def tsquery_prefix(term: str) -> str:
    """A PostgreSQL tsquery matching words starting with *term*, quoted as a literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "':*"


# ---------------------------------------------------------------- finding terms in text


def find_all(text: str, query: Query, *, limit: int | None = None) -> list[tuple[int, int]]:
    """Every occurrence of any term in *text* as (start, end) code-point offsets."""
    spans: list[tuple[int, int]] = []
    for match in query.pattern.finditer(text):
        spans.append(match.span())
        if limit is not None and len(spans) >= limit:
            break
    return spans


def find_first(text: str, query: Query) -> tuple[int, int] | None:
    """The query as a phrase where the text has it so, else the first term found."""
    if query.phrase is not None:
        phrase = query.phrase.search(text)
        if phrase:
            return phrase.span()
    match = query.pattern.search(text)
    return match.span() if match else None


def find_phrase(text: str, phrase: str) -> list[tuple[int, int]]:
    """Occurrences of *phrase* as typed (case-insensitive, NFC): the reader's find bar."""
    needle = unicodedata.normalize("NFC", phrase)
    if not needle or len(needle) > MAX_QUERY_CHARS:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]
