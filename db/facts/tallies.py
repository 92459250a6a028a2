"""Whose tally a count of votes is: the votes won by one candidate or party are a count
of their own, never a newer or a disputing figure of another's votes."""

from __future__ import annotations

import re
from functools import lru_cache

# A name: capitalised words in a row ("Edvard Venstrom", "the Green Party"), a title or
# an article before it left out ("President", "The"): a name is told by its last words.
_NAME = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*")
_NOT_NAMES = frozenset(
    ("the", "a", "an", "president", "prime", "minister", "mr", "mrs", "ms", "dr", "senator",
     "governor", "mayor", "candidate", "challenger", "incumbent", "about", "around", "some",
     "nearly", "almost", "over", "more", "fewer", "less", "only", "just", "roughly", "votes",
     "ballots", "in", "on", "of", "with", "by", "at", "for", "against", "and", "but", "its",
     "his", "her", "their", "it", "they", "he", "she", "we", "an", "estimated")
)  # fmt: skip


@lru_cache(maxsize=4096)
def votes_for(quote: str) -> frozenset[str]:
    """The words of the first name a count of votes is told of ("President Edvard
    Venstrom had won 2.4 million votes": edvard, venstrom), lowercased; empty when the
    quote names no one."""
    for found in _NAME.finditer(quote):
        words = (
            frozenset(w.lower().removesuffix("'s").removesuffix("’s") for w in found[0].split())
            - _NOT_NAMES
        )
        if words:
            return words
    return frozenset()


def other_tally(a: str, b: str) -> bool:
    """Whether two counts of votes (their quotes) are told of different names: one name's
    words are not all among the other's ("Venstrom" is "Edvard Venstrom", not "Oskane")."""
    one, other = votes_for(a), votes_for(b)
    return bool(one) and bool(other) and not (one <= other or other <= one)
