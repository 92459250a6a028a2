"""The words that round or bound a figure ("about 400", "more than 14,000", "up to 2,000",
"an estimated 52"), as one regular-expression alternation for the readers that look for
them before a figure."""

from __future__ import annotations

# Longer forms are listed with their shorter ones ("no more than", "more than"): a match
# starts at the first word either way.
HEDGE = (
    r"about|around|roughly|approximately|some|nearly|almost|barely|more\s+than|over|"
    r"just\s+over|just\s+under|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|"
    r"no\s+more\s+than|no\s+fewer\s+than|fewer\s+than|less\s+than|only|just|an\s+estimated"
)
