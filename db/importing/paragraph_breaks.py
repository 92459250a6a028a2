"""Putting back the paragraph breaks a main-text extractor ran together.

The extractor (trafilatura) keeps an article's text but, on some pages, joins
several of its paragraphs into one: a page of short paragraphs and a
``<figure>``, for instance, comes back as a single paragraph.  The full walk of
the page keeps every block as its own paragraph.  A paragraph of the main text
whose text is exactly that of several consecutive paragraphs of the walk is
replaced by them, whatever their length; anything else is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_KEY = 8  # characters of a squashed paragraph its index is looked up by


def squash(text: str) -> str:
    """*text* without white space or punctuation, lower-cased: what two copies of it share."""
    return re.sub(r"\W+", "", text).lower()


class _Walk:
    """The walk's paragraphs, squashed, found by their first characters."""

    def __init__(self, every: Sequence[str]) -> None:
        self.squashed = [squash(p) for p in every]
        self.by_start: dict[str, list[int]] = {}
        for index, text in enumerate(self.squashed):
            if text:
                self.by_start.setdefault(text[:_KEY], []).append(index)

    def starting(self, target: str, after: int) -> list[int]:
        """Indexes from *after* on of paragraphs whose text *target* may start with."""
        found: list[int] = []
        for length in range(1, min(_KEY, len(target)) + 1):
            found.extend(i for i in self.by_start.get(target[:length], ()) if i >= after)
        return sorted(found)

    def run(self, target: str, first: int) -> int | None:
        """The end of the run of paragraphs from *first* whose texts make up *target*."""
        pos = 0
        index = first
        while pos < len(target) and index < len(self.squashed):
            text = self.squashed[index]
            if text and not target.startswith(text, pos):
                return None
            pos += len(text)
            index += 1
        return index if pos == len(target) else None


def restore_breaks(main: Sequence[str], every: Sequence[str]) -> list[str]:
    """*main* with each paragraph that ran several of *every* together split back into them."""
    walk = _Walk(every)
    out: list[str] = []
    after = 0
    for paragraph in main:
        target = squash(paragraph)
        replaced = False
        for first in walk.starting(target, after) if target else ():
            end = walk.run(target, first)
            if end is not None and sum(1 for t in walk.squashed[first:end] if t) > 1:
                out.extend(every[first:end])
                after = end
                replaced = True
                break
        if not replaced:
            out.append(paragraph)
    return out
