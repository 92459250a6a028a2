"""A claim marked in a sentence with [brackets], read as the link proposals read it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid

from db.facts.profile import Profile, profile
from db.facts.proposals import _needs_sentence, _sentence
from db.facts.relate import relate
from db.models import Relation


def marked_profile(marked: str, published: dt.datetime) -> Profile:
    """The claim marked [so] in *marked*, published at *published*: its quote's profile,
    with the sentence around it where the proposals would read it."""
    found = re.search(r"\[(.*?)\]", marked)
    assert found is not None
    text = marked.replace("[", "").replace("]", "")
    quote, start = found.group(1), found.start()
    end = start + len(quote)
    ids = uuid.uuid4(), uuid.uuid4()
    lead = text[max(0, start - 32) : start]
    p = profile(*ids, quote, start, end, None, published, lead=lead)
    if _needs_sentence(p):
        p = profile(
            *ids, quote, start, end, None, published, _sentence(text, start, end), lead=lead
        )
    return p


def in_one_article(*claims: Profile) -> list[Profile]:
    """The claims as quotes of one article, in the order given."""
    article = uuid.uuid4()
    return [dataclasses.replace(p, article_id=article, start=i * 100) for i, p in enumerate(claims)]


def relation(a: Profile, b: Profile) -> Relation | None:
    """The relation the proposals would give the pair, if any."""
    found = relate(a, b)
    return None if found is None else found.relation
