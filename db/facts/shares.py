"""Shares of a whole told around a figure: a sentence opening on its whole ("Of the 40
kilometres fouled, about 12 lie on the island") and a part of things that are no people
("1,140 birds were found, and 400 of them were dead": birds, not a death toll)."""

from __future__ import annotations

import re

from db.assist.numbers import extract_figures
from db.facts.hedges import HEDGE

# A sentence opening on the whole it goes on to share out: "Of the 40 kilometres of coast
# now fouled, | about 12 kilometres lie on the island"; "Out of its 300 stations, | 90 …".
_OPENED_BY_WHOLE = re.compile(
    r"^\W*(?:of|out\s+of)\s+(?:the|its|their|these|those|all)\s+(?:[^\W\d_][\w'’-]*\s+){0,2}?"
    rf"(?:(?:{HEDGE})\s+)?"
    r"(?P<whole>\d[\d,.]*)\s+[^\d,.;:!?]*,\s*$",
    re.I,
)


def opened_by_whole(quote: str, around: str, value: float | None) -> bool:
    """Whether the quote's figure (*value*) is the first of its clause after a sentence
    opening on a larger whole ("Of the 40 kilometres of coast now fouled, | about 12
    kilometres lie on the island"): a share of it, not another count of the whole."""
    at = around.find(quote)
    if value is None or at <= 0:
        return False
    head = around[:at]
    found = _OPENED_BY_WHOLE.match(head.lstrip())
    if found is None:
        return False
    whole = [f.value for f in extract_figures(found["whole"]) if f.value is not None]
    return bool(whole) and value < whole[0]


# A part told of "them" (what the sentence counted just before): "and that more than 400
# of them were already dead".
_OF_THEM = re.compile(
    rf"^\W*(?:(?:{HEDGE})\s+)?"
    r"(?:[^\W\d_]+|\d[\d,]*)\s+of\s+(?:them|these|those)\b",
    re.I,
)


def whole_told_before(quote: str, around: str) -> str:
    """The noun of the whole that a part told of "them" ("more than 400 of them were
    dead") is a part of: the noun of the last figure of its sentence before it ("1,140
    oiled birds": birds), lowercased; "" when there is none."""
    at = around.find(quote)
    if at <= 0 or _OF_THEM.match(quote) is None:
        return ""
    figures = [f for f in extract_figures(around[:at]) if f.value is not None and f.unit]
    return figures[-1].unit.lower() if figures else ""
