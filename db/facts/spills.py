"""An amount let out, however a report tells it: by a verb ("40 tonnes escaped"), as lost
("up to 300 tonnes have been lost"), or by the noun of the spill it measures ("puts the
spill at 2,600 tonnes", "the leak, revised on Friday, is 900 tonnes", "put the loss at as
much as 3,000 tonnes"); and a figure given as the true one ("said the true figure was
between 3,500 and 4,000 tonnes") counts what the sentence before it counted."""

from __future__ import annotations

import re

# The noun of what was let out, then what puts a figure to it, at the end of the words
# before the figure (its qualifier is part of the figure).
_SPILL_NOUN = re.compile(
    r"\b(?:spill|spills|spillage|leak|leaks|leakage|loss|losses|shortfall|discharge|outflow|"
    r"slick)\b"
    # ("the spill, issued last week, is 2,900 tonnes": a phrase set off by commas)
    r"(?:\s*,[^,.;:!?]{1,40},)?"
    r"\s+(?:(?:is|was|now|stands|stood|has|had|been|reached|grown|grew|risen|rose|put|"
    r"estimated|could|may|might|would|at|to|of)\s+)*(?:at|to|of|is|was|reached|reach|be)\s*$"
    # (A harvest or a supply expected to "fall short by" an amount has lost that much.)
    r"|\b(?:fall|falls|fell|fallen|falling|come|comes|came)\s+short\s+by\s*$",
    re.I,
)
# An amount told as lost: "up to 300 tonnes have been lost", "90 barrels were lost".
_LOST_AFTER = re.compile(
    r"(?:\s+(?!(?:have|has|had|were|was)\b)[^\W\d_]+){0,6}?"
    r"\s+(?:(?:have|has|had|were|was|been|already|now)\s+)+lost\b",
    re.I,
)


def spill_named(lead: str, quote: str, start: int, end: int) -> bool:
    """Whether the figure at quote[start:end] measures what was let out, by the noun of the
    spill before it (in the quote, or in *lead*, the words before the quote) or by "lost"
    after it."""
    before = f"{lead} {quote[:start]}"
    return bool(_SPILL_NOUN.search(before[-120:]) or _LOST_AFTER.match(quote, end))


# A figure given as the true (real, actual) one: another account of the count the
# sentence before gave ("The agency puts the spill at 2,600 tonnes. | Surveyors said the
# true figure was between 3,500 and 4,000 tonnes").
_TRUE_FIGURE = re.compile(
    r"\b(?:true|real|actual|correct|right|proper)\s+(?:figure|number|total|amount|count|tally)"
    # ("lies between 450 and 500": where it lies is what it is.)
    r"\s+(?:was|is|were|are|stood\s+at|stands\s+at|lies|lay|at)\s+(?:[^\W\d_]+\s+){0,3}$"
    # ("gave a lower figure of about 500,000 tonnes": a rival account of that count.)
    r"|\b(?:lower|higher|smaller|larger|bigger|different|rival|conflicting)\s+(?:figure|"
    r"estimate|number|count|total|tally)\s+(?:of|at)\s+(?:[^\W\d_]+\s+){0,2}$"
    # ("The guild puts the number at about 63,000": its own account of the count named
    # before; "puts the number of cars at …" names what it counts.)
    r"|\b(?:puts?|putting|places?|placed|gives?|gave|estimates?|estimated)\s+(?:the|its|their)"
    r"\s+(?:figure|number|total|count|tally)\s+at\s+(?:[^\W\d_]+\s+){0,2}$",
    re.I,
)


_DIGIT = re.compile(r"\d")


def told_as_true(lead: str, quote: str) -> bool:
    """Whether the words before the quote's first figure (in it, or in *lead*, the words
    before it) give it as the true figure of a count named before ("said the true figure
    was …")."""
    digit = _DIGIT.search(quote)
    if digit is None:
        return False
    return _TRUE_FIGURE.search(f"{lead} {quote[: digit.start()]}"[-80:]) is not None
