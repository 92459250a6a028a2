"""Shares of a whole told around a figure: a sentence opening on its whole ("Of the 40
kilometres fouled, about 12 lie on the island") and a part of things that are no people
("1,140 birds were found, and 400 of them were dead": birds, not a death toll)."""

from __future__ import annotations

import re

from db.assist.numbers import extract_figures

# A sentence opening on the whole it goes on to share out: "Of the 40 kilometres of coast
# now fouled, | about 12 kilometres lie on the island"; "Out of its 300 stations, | 90 …".
_OPENED_BY_WHOLE = re.compile(
    r"^\W*(?:of|out\s+of)\s+(?:the|its|their|these|those|all)\s+(?:[^\W\d_][\w'’-]*\s+){0,2}?"
    r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least)\s+)?"
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
