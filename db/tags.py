"""Tag names: one rule for every way a tag comes in (inspector, CLI, bundles, W3C files).

A tag is stored in Unicode NFC, so "Café" typed with a combining accent and
"Café" typed precomposed are one tag.  Leading and trailing spaces go; inner
runs of spaces become one.  An empty tag, a tag longer than
:data:`MAX_TAG_LENGTH` characters, or one holding control characters or
text-direction controls (which could reorder what is shown around it) is
refused with a message naming it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from db.errors import InvalidInput
from db.invisible import DIRECTION_CONTROLS, marked

MAX_TAG_LENGTH = 100


def shown(name: str) -> str:
    """*name* with every control or invisible character written as <U+XXXX>."""
    return marked(name, keep="")


def normalise_tag(name: object) -> str:
    text = unicodedata.normalize("NFC", " ".join(str(name).split()))
    if not text:
        raise InvalidInput("A tag cannot be empty.")
    bad = [c for c in text if unicodedata.category(c) == "Cc" or c in DIRECTION_CONTROLS]
    if bad:
        raise InvalidInput(
            f"The tag {shown(text)!r} holds control or text-direction characters; "
            "tags are plain text."
        )
    if len(text) > MAX_TAG_LENGTH:
        raise InvalidInput(
            f"The tag {shown(text[:40])!r}… is {len(text)} characters long; "
            f"tags can be at most {MAX_TAG_LENGTH}."
        )
    return text


def normalise_tags(names: Iterable[object]) -> list[str]:
    """Each tag normalised, duplicates merged, sorted."""
    return sorted({normalise_tag(name) for name in names})
