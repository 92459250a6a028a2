"""Invisible and text-direction characters: found, shown marked, kept out of file names.

Stored text keeps every character exactly as it was imported or typed.  What
the analyst sees of it does not: a right-to-left override (U+202E) can turn
``txt.exe`` into what reads as ``exe.txt``, reorder the words of a quote or
the cells of a row, and a zero-width space can split a word without a trace.
So wherever stored text is shown or written for people to read — the reader,
the inspector, the claims table, error messages, CSV, XLSX, HTML and PDF —
each such character is shown as a visible mark, ``<U+202E>``, and file names
made from stored text leave them out.

The characters are Unicode's controls (Cc) and format characters (Cf) —
zero-width space, joiners and non-joiners, word joiner, byte-order mark,
soft hyphen, the direction marks, embeddings, overrides and isolates, tag
characters — and the line and paragraph separators (U+2028, U+2029), which
break a line where nothing shows.  A tab and a line feed are ordinary layout
and stay as they are.

* :func:`marked` — the text with each such character written ``<U+XXXX>``;
* :func:`display_text` — the text with each replaced by one visible symbol of
  the same UTF-16 length, for widgets where offsets must not move;
* :func:`hidden_in` — where they are (code-point offsets), for painting;
* :func:`describe` — ``U+202E RIGHT-TO-LEFT OVERRIDE`` for a tooltip;
* :func:`file_name_part` — text made safe to put in a file name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

# Unicode's Cc and Cf characters (as of Unicode 15), and U+2028/U+2029.  Kept
# as ranges so importing this module costs nothing; tests/test_invisible.py
# checks them against the running Python's Unicode database.
_RANGES = (
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
LAYOUT = "\t\n"  # shown as themselves
# Cells of a sheet (CSV, XLSX) also keep carriage returns, which a cell may hold
# as a line break; elsewhere one is marked (in a terminal it can overwrite a line).
SHEET_LAYOUT = "\t\n\r"


@cache
def _class(ranges: tuple[tuple[int, int], ...], keep: str) -> re.Pattern[str]:
    """One character class of *ranges* without the characters of *keep* (the ranges are
    cut around them: a class alone scans a long text about twice as fast as one behind
    a lookahead)."""
    kept = sorted({ord(ch) for ch in keep})
    parts = []
    for low, high in ranges:
        for point in kept:
            if low <= point <= high:
                if low < point:
                    parts.append((low, point - 1))
                low = point + 1
        if low <= high:
            parts.append((low, high))
    pattern = "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in parts
    )
    return re.compile(f"[{pattern}]")


HIDDEN = _class(_RANGES, LAYOUT)
_ANY_HIDDEN = _class(_RANGES, "")
# Characters that change the direction of the text around them.
DIRECTION_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# The reader's stand-ins, one UTF-16 unit each (two for a character beyond the
# Basic Multilingual Plane, whose stand-in is doubled).
DIRECTION_SYMBOL = "\u21c4"  # ⇄
CONTROL_SYMBOL = "\u2426"  # ␦ (C1 controls and DEL)
INVISIBLE_SYMBOL = "\u25c7"  # ◇ (zero-width and other format characters)


def hidden_pattern(keep: str = LAYOUT) -> re.Pattern[str]:
    """A compiled pattern finding each invisible or direction character not in *keep*."""
    return _class(_RANGES, keep)


def is_hidden(ch: str, keep: str = LAYOUT) -> bool:
    """True for a control, format or separator character (other than those in *keep*)."""
    return ch not in keep and _ANY_HIDDEN.fullmatch(ch) is not None


def has_hidden(text: str, keep: str = LAYOUT) -> bool:
    pattern = HIDDEN if keep == LAYOUT else _class(_RANGES, keep)
    return pattern.search(text) is not None


def _mark(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def marked(text: str, keep: str = LAYOUT) -> str:
    """*text* with every invisible or direction character written as ``<U+XXXX>``.

    Tabs and line feeds stay unless *keep* says otherwise (``keep=""`` marks
    them too, for one-line places such as a file name in a message).
    """
    pattern = HIDDEN if keep == LAYOUT else _class(_RANGES, keep)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_mark, text)


def hidden_in(text: str) -> Iterator[tuple[int, str]]:
    """(code-point offset, character) of each invisible or direction character."""
    for match in HIDDEN.finditer(text):
        yield match.start(), match.group()


def stand_in(ch: str) -> str:
    """The visible symbol the reader shows for *ch*: as long as *ch* in UTF-16."""
    if ch in DIRECTION_CONTROLS or 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069:
        symbol = DIRECTION_SYMBOL
    elif ord(ch) < 0x20:
        symbol = chr(0x2400 + ord(ch))  # the control pictures: ␀ ␁ … ␟
    elif unicodedata.category(ch) == "Cc":
        symbol = CONTROL_SYMBOL
    else:
        symbol = INVISIBLE_SYMBOL
    return symbol * (2 if ord(ch) > 0xFFFF else 1)


def display_text(text: str) -> str:
    """*text* with each invisible or direction character replaced by a visible stand-in.

    Every stand-in has the UTF-16 length of the character it replaces, so
    positions in the shown text are positions in the stored text.
    """
    if HIDDEN.search(text) is None:
        return text
    return HIDDEN.sub(lambda m: stand_in(m.group()), text)


def describe(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the character's code and name."""
    name = unicodedata.name(ch, "") or {
        "\t": "TAB",
        "\n": "LINE FEED",
        "\r": "CARRIAGE RETURN",
    }.get(ch, "CONTROL CHARACTER")
    return f"U+{ord(ch):04X} {name}"


# Characters no file system takes well in a name, besides the invisible ones.
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|]+')
MAX_NAME_CHARS = 80


def file_name_part(text: str, fallback: str = "export") -> str:
    """*text* made fit to be part of a file name: no invisible or direction
    characters, no path separators or characters Windows refuses, spaces
    collapsed, at most :data:`MAX_NAME_CHARS` characters; *fallback* when
    nothing is left."""
    text = _ANY_HIDDEN.sub(" ", unicodedata.normalize("NFC", text))
    text = _UNSAFE_IN_NAME.sub("-", text)
    text = " ".join(text.split()).strip(" .-")
    return text[:MAX_NAME_CHARS].rstrip(" .-") or fallback
