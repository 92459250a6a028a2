"""Regular expressions compiled to be tried at fewer places, finding what they found.

Python's matcher skips ahead quickly only for a pattern that opens on a literal or a
character class, and passes over an alternative quickly only when the alternative opens on
a literal.  A pattern that opens on a lookbehind (``(?<![\\w])``), an optional or named
group or a case-insensitive word, or that holds a long alternation of words (one
language's words after another's), is tried in full at every position of the text, and
each of its alternatives entered in turn.  :func:`led` compiles a pattern read off its
parsed form with three changes that leave what it matches as it was:

* the matcher skips ahead to the characters a match can begin with (for letters read
  case-insensitively: the ASCII letters it takes for them and anything outside ASCII);
* a lookahead for the characters an alternative can begin with stands in front of each
  alternative that opens on a group, a repeat or an assertion, and in front of the
  pattern where the characters skipped to are wider than those;
* the alternatives of a run of consecutive alternatives opening on literals are grouped by
  that literal, in their own order within each group (``said|says|told`` read as
  ``s(?:aid|ays)|told``): only one group's alternatives can match at any place.

Each change only leaves out places where nothing can match, so every search, match and
iteration finds the same matches with the same groups.  What cannot be told (an
alternative that may match the empty string, one that opens on ``.``, a negated class or a
back-reference) is left as it is.  The internals read are those of Python 3.11, against which
the tests check every pattern; any other Python compiles the patterns as they are.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

try:  # the parser and compiler the re module uses (private: read defensively)
    if sys.version_info[:2] != (3, 11):  # checked against this Python's internals only
        raise ImportError("patterns are compiled as they are on other Pythons")
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _c: Any = importlib.import_module("re._constants")
    _casefix: Any = importlib.import_module("re._casefix")  # (read by _first_key)
    _sre: Any = importlib.import_module("_sre")
except ImportError:  # pragma: no cover - such a Python compiles the patterns as they are
    _parser = _compiler = _c = _casefix = _sre = None

# The flags as plain numbers (read often, and an enum is slow to combine); the flags a group
# may set for itself that leave the characters a match begins with alone (case-insensitive
# groups are read as such).
_IGNORECASE = int(re.IGNORECASE)
_ASCII_OR_LOCALE = int(re.ASCII | re.LOCALE)
_LOCAL_FLAGS = int(re.IGNORECASE | re.VERBOSE | re.DOTALL | re.MULTILINE)
_Item = tuple[bool, bool, str]  # (case-insensitive, negated, class body)
# Classes most characters of a text fall in: a lookahead for them leaves out nothing.
_BROAD = frozenset((r"\D", r"\S", r"\w", r"\W"))


class _Unknown(Exception):
    """The characters a match may begin with cannot be told."""


def _char(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _categories() -> dict[Any, str]:
    return {
        _c.CATEGORY_DIGIT: r"\d",
        _c.CATEGORY_NOT_DIGIT: r"\D",
        _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S",
        _c.CATEGORY_WORD: r"\w",
        _c.CATEGORY_NOT_WORD: r"\W",
    }


def _sequence(items: Any, flags: int, out: set[_Item]) -> bool:
    """Add to *out* the classes the first character of a match of *items* falls in; True
    when *items* may match without taking a character."""
    for op, av in items:
        if not _first(op, av, flags, out):
            return False
    return True


def _first(op: Any, av: Any, flags: int, out: set[_Item]) -> bool:
    folded = bool(flags & _IGNORECASE)
    if op is _c.LITERAL:
        out.add((folded, False, _char(av)))
        return False
    if op is _c.NOT_LITERAL:
        out.add((folded, True, _char(av)))
        return False
    if op is _c.IN:
        negated = False
        parts: list[str] = []
        categories = _categories()
        for kind, value in av:
            if kind is _c.NEGATE:
                negated = True
            elif kind is _c.LITERAL:
                parts.append(_char(value))
            elif kind is _c.RANGE:
                parts.append(_char(value[0]) + "-" + _char(value[1]))
            elif kind is _c.CATEGORY and value in categories:
                parts.append(categories[value])
            else:
                raise _Unknown
        if negated:
            out.add((folded, True, "".join(parts)))
        else:
            out.update((folded, False, part) for part in parts)
        return False
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        if (add | remove) & ~_LOCAL_FLAGS:
            raise _Unknown
        return _sequence(sub.data, (flags | add) & ~remove, out)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data, flags, out)
    if op is _c.BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _sequence(alternative.data, flags, out) or empty
        return empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, most, sub = av
        if most == 0:
            return True
        return _sequence(sub.data, flags, out) or least == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return True  # takes no character
    raise _Unknown


def _lookahead_text(items: Any, flags: int) -> str | None:
    """A lookahead (as pattern text, under *flags*) for the characters every match of
    *items* begins with; None when they cannot be told or a match may be empty."""
    found = _first_items(items, flags)
    if found is None:
        return None
    if any(negated or body in _BROAD for _f, negated, body in found):
        return None  # (nearly) any character: the lookahead would only cost
    folded_here = bool(flags & _IGNORECASE)
    alternatives = []
    # (under IGNORECASE every class is read so; a class read exactly is only a wider one)
    for folded in (False, True) if not folded_here else (None,):
        plain = sorted(b for f, neg, b in found if (folded is None or f == folded) and not neg)
        negated = sorted(b for f, neg, b in found if (folded is None or f == folded) and neg)
        classes = ([f"[{''.join(plain)}]"] if plain else []) + [f"[^{n}]" for n in negated]
        if classes:
            body = "|".join(classes)
            alternatives.append(f"(?i:{body})" if folded else body)
    return "(?=" + "|".join(alternatives) + ")"


def lookahead(pattern: str, flags: int = 0) -> str | None:
    """A lookahead for the characters every match of *pattern* begins with (under *flags*),
    or None when they cannot be told."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    return _lookahead_text(parsed.data, parsed.state.flags)


def _node(items: Any, flags: int) -> Any:
    """The lookahead node to put in front of *items*, or None."""
    text = _lookahead_text(items, flags)
    if text is None:
        return None
    data = _parser.parse(text, flags & ~int(re.VERBOSE)).data
    return data[0] if len(data) == 1 and data[0][0] is _c.ASSERT else None


def _opens_quickly(items: Any) -> bool:
    """True when the matcher itself passes over *items* quickly: they open on one character."""
    return bool(items) and items[0][0] in (_c.LITERAL, _c.IN, _c.NOT_LITERAL)


def _lead(items: Any, flags: int) -> bool:
    """Put lookaheads in front of the alternatives inside *items*; True when any was put."""
    changed = False
    for op, av in items:
        if op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            changed = _lead(sub.data, (flags | add) & ~remove) or changed
        elif op is _c.ATOMIC_GROUP:
            changed = _lead(av.data, flags) or changed
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            changed = _lead(av[2].data, flags) or changed
        elif op is _c.BRANCH:
            for alternative in av[1]:
                changed = _lead(alternative.data, flags) or changed
                if not _opens_quickly(alternative.data):
                    head = _node(alternative.data, flags)
                    if head is not None:
                        alternative.data.insert(0, head)
                        changed = True
    return changed


def _first_key(code: int, flags: int) -> int | None:
    """One code for all the characters a literal *code* matches and for every other literal
    matching any of them (under *flags*), or None when that cannot be told."""
    if not flags & _IGNORECASE:
        return code
    if flags & _ASCII_OR_LOCALE:
        return None
    lower: int = _sre.unicode_tolower(code)
    same: tuple[int, ...] = _casefix._EXTRA_CASES.get(lower, ())
    return min((lower, *same))


def _group(items: Any, flags: int, state: Any) -> bool:
    """Group the alternatives of each alternation inside *items* that all open on a literal by
    that literal (``said|says|stated`` read as ``s(?:aid|ays|tated)``), keeping their order
    within each group: alternatives of different groups never match at the same place, so
    the alternation matches as it did, without trying every alternative at every word."""
    changed = False
    for op, av in items:
        if op is _c.SUBPATTERN:
            _number, add, remove, sub = av
            changed = _group(sub.data, (flags | add) & ~remove, state) or changed
        elif op is _c.ATOMIC_GROUP:
            changed = _group(av.data, flags, state) or changed
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            changed = _group(av[2].data, flags, state) or changed
        elif op is _c.BRANCH:
            alternatives = av[1]
            for alternative in alternatives:
                changed = _group(alternative.data, flags, state) or changed
            changed = _regroup(alternatives, flags, state) or changed
    return changed


def _regroup(alternatives: list[Any], flags: int, state: Any) -> bool:
    """Group each run of consecutive *alternatives* opening on a literal by that literal, in
    the order of each literal's first alternative, each group's alternatives in their own
    order (and those again by their next literal).  Only the alternatives of one group can
    match where its literal matches, so the matcher tries those in the order they were
    written in, and the rest as before.  True when any were grouped."""
    regrouped: list[Any] = []
    run: dict[int, list[Any]] = {}  # consecutive alternatives opening on a literal, by it
    for alternative in [*alternatives, None]:
        key = None
        if alternative is not None and alternative.data:
            if alternative.data[0][0] is _c.LITERAL:
                key = _first_key(alternative.data[0][1], flags)
        if key is not None:
            run.setdefault(key, []).append(alternative)
            continue
        for members in run.values():
            if len(members) == 1:
                regrouped.append(members[0])
                continue
            rests = [_parser.SubPattern(state, m.data[1:]) for m in members]
            _regroup(rests, flags, state)
            inner = (_c.BRANCH, (None, rests))
            regrouped.append(_parser.SubPattern(state, [members[0].data[0], inner]))
        run = {}
        if alternative is not None:
            regrouped.append(alternative)
    if len(regrouped) == len(alternatives):
        return False
    alternatives[:] = regrouped
    return True


def _fast_start(tree: Any, flags: int) -> bool:
    """True when the matcher finds where *tree* may start by itself: a literal prefix or a
    class it skips ahead to (as its compiler reads them), or the start of the text or of a
    line."""
    items = tree.data
    while items and items[0][0] is _c.SUBPATTERN:
        items = items[0][1][3].data
    if items and items[0][0] is _c.AT and items[0][1] in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
        return True  # tried at the start (of each line) only
    if flags & _IGNORECASE and flags & int(re.LOCALE):
        return False
    if _compiler._get_literal_prefix(tree, flags)[0]:
        return True
    return _compiler._get_charset_prefix(tree, flags) is not None


def _first_items(items: Any, flags: int) -> set[_Item] | None:
    """The classes a match of *items* begins with, or None (see :func:`_sequence`)."""
    found: set[_Item] = set()
    try:
        if _sequence(items, flags, found):
            return None
    except _Unknown:
        return None
    return found


def _start_set(tree: Any, flags: int) -> tuple[list[tuple[Any, Any]], bool] | None:
    """The characters every match of *tree* begins with as the class the matcher skips ahead
    to (its own optimisation for a pattern opening on a class), and whether that class is
    wider than them; None when there is no such class worth skipping to (a negated or broad
    class).  Letters outside ASCII read case-insensitively are given wide: the ASCII
    characters the matcher takes for them and every character outside ASCII."""
    found = _first_items(tree.data, flags)
    if not found or any(negated or body in _BROAD for _f, negated, body in found):
        return None
    exact = sorted(b for f, _n, b in found if not f)
    folded = sorted(b for f, _n, b in found if f)
    if folded and flags & _ASCII_OR_LOCALE:
        return None
    items = _class_items(exact) if exact else []
    if items is None:
        return None
    if not folded:
        return items, False
    # (a folded class is matched as the pattern matches it: ignoring case)
    either = re.compile("|".join(f"[{b}]" for b in exact) + "|" + f"(?i:[{''.join(folded)}])")
    taken = [a for a in range(128) if either.fullmatch(chr(a))]
    letters = _class_items(folded)
    if letters is None or any(
        (op is _c.LITERAL and av > 127) or (op is _c.RANGE and av[1] > 127) for op, av in letters
    ):
        # letters outside ASCII: whatever the matcher takes for them, outside ASCII too
        return [(_c.NEGATE, None), *((_c.LITERAL, a) for a in range(128) if a not in taken)], True
    items += [(_c.LITERAL, a) for a in taken]
    items += [(op, av) for op, av in letters if op is _c.CATEGORY]  # (digits and spaces)
    items += [(_c.LITERAL, ord(x)) for a in taken for x in _OUTSIDE_ASCII.get(chr(a).lower(), "")]
    return items, False


# The characters outside ASCII that the matcher takes for an ASCII letter when it ignores
# case (their lower case, or one it treats as the same, is the letter's).
_OUTSIDE_ASCII = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _class_items(bodies: list[str]) -> list[tuple[Any, Any]] | None:
    """The items of the class made of *bodies*, as the parser gives them."""
    parsed = _parser.parse(f"[{''.join(bodies)}]", 0).data
    if len(parsed) != 1 or parsed[0][0] not in (_c.IN, _c.LITERAL):
        return None
    return list(parsed[0][1]) if parsed[0][0] is _c.IN else list(parsed)


def led(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """*pattern* compiled to skip ahead to the characters its matches begin with, with
    lookaheads for those its alternatives begin with and its alternatives grouped by their
    first literal (as it is where none of that can be told): the same matches, found
    without trying every position and every alternative."""
    if _parser is None:
        return re.compile(pattern, flags)
    try:
        return _led(pattern, flags)
    except Exception:  # internals of another Python: the pattern as it is
        return re.compile(pattern, flags)


def _led(pattern: str, flags: int) -> re.Pattern[str]:
    tree = _parser.parse(pattern, flags)
    every = int(tree.state.flags) | int(flags)
    changed = _group(tree.data, every, tree.state)
    changed = _lead(tree.data, every) or changed
    start = None
    if not _fast_start(tree, every):
        start = _start_set(tree, every)
        # (a lookahead too where the class skipped to is wider than the first characters)
        head = _node(tree.data, every) if start is None or start[1] else None
        if head is not None:
            tree.data.insert(0, head)
        changed = changed or start is not None or head is not None
    if not changed:
        return re.compile(pattern, flags)
    code: list[Any] = []
    if start is not None:
        # the matcher skips to the characters a match begins with, as it does for a pattern
        # opening on a class (the pattern's width kept; the class read as written)
        opening = _parser.SubPattern(tree.state, [(_c.IN, start[0])])
        opening.width = tree.getwidth()
        _compiler._compile_info(code, opening, every & ~_IGNORECASE)
    else:
        _compiler._compile_info(code, tree, every)
    _compiler._compile(code, tree.data, every)
    code.append(_c.SUCCESS)
    index = tree.state.groupdict
    names: list[str | None] = [None] * tree.state.groups
    for name, number in index.items():
        names[number] = name
    compiled: re.Pattern[str] = _sre.compile(
        pattern, every, code, tree.state.groups - 1, index, tuple(names)
    )
    return compiled


__all__ = ["led", "lookahead"]
