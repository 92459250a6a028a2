"""What :mod:`db.facts.happenings` read of each claim, kept in the workspace beside the
claim's figure reading (the ``happenings`` column of ``claim_reading``).

Date conflicts ask of each dated claim which happenings it names, where, and the words
before its first date; reading that anew (dates above all) took a third of a second
for a thousand dated claims on each first proposals of a window.  Each such reading is
kept by :mod:`db.facts.happenings` under what it is read from (:func:`happenings.read_key`,
:func:`happenings.before_key`); stored, it carries a digest of that and of the readers'
code, and is used only while the digest matches: an edited or re-anchored quote, a
changed sentence or publication day, or new code reads it again.  A copy for speed
only: deleting it loses nothing, and nothing but proposals reads it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.exc import SQLAlchemyError

from db.facts import happenings
from db.facts.happenings import Happening, before_key, read_key
from db.facts.profile import Profile
from db.facts.readings import _READERS, code_digest
from db.models import ClaimReading
from db.workspace import Workspace

_FORMAT = "1"  # bumped when the stored form below changes
# What a claim's happenings are read with: the figure's readers and happenings' own code.
_TOLD_READERS = (*_READERS, "db.facts.happenings", "db.facts.told")

Read = tuple[set[Happening], dict[str, str]]


class Stored:
    """What is stored of one claim: each reading by the digest of what it was read from."""

    __slots__ = ("before", "read")

    def __init__(self, read: dict[str, Any], before: dict[str, Any]) -> None:
        self.read = read  # digest: [[[kind, thing, order], …], {thing: place}]
        self.before = before  # digest: the words before the quote's first date

    def as_json(self) -> str:
        return json.dumps({"r": self.read, "b": self.before}, ensure_ascii=False, sort_keys=True)


NOTHING = Stored({}, {})


@cache
def _readers_digest() -> bytes:
    return code_digest(_FORMAT, _TOLD_READERS)


_DIGESTS: dict[tuple[Any, ...], str] = {}
_DIGESTS_MAX = 200_000


def digest_of(key: tuple[Any, ...]) -> str:
    """The digest a stored reading made from *key* must carry to be used."""
    found = _DIGESTS.get(key)
    if found is None:
        if len(_DIGESTS) >= _DIGESTS_MAX:
            _DIGESTS.clear()
        digest = hashlib.blake2b(_readers_digest(), digest_size=16)
        digest.update(repr(key).encode())
        found = _DIGESTS[key] = digest.hexdigest()
    return found


def load(text: str | None) -> Stored:
    """The stored readings of a claim (*text* as :meth:`Stored.as_json` wrote it); none
    when there are none or they cannot be read (they are read again)."""
    if not text:
        return NOTHING
    try:
        v = json.loads(text)
        read, before = v["r"], v["b"]
        if isinstance(read, dict) and isinstance(before, dict):
            return Stored(read, before)
    except (ValueError, TypeError, KeyError):
        pass
    return NOTHING


def _decode_read(v: Any) -> Read | None:
    try:
        found = {Happening(str(k), str(t), str(o)) for k, t, o in v[0]}
        where = {str(thing): str(place) for thing, place in v[1].items()}
    except (ValueError, TypeError, IndexError, AttributeError):
        return None
    return found, where


def _encode_read(r: Read) -> list[Any]:
    return [sorted([h.kind, h.thing, h.order] for h in r[0]), r[1]]


def seed(p: Profile, stored: Stored) -> None:
    """Let :mod:`db.facts.happenings` use what is stored of *p*'s claim, for the readings
    of *p* it has not made yet and whose stored digest matches."""
    if stored is NOTHING:
        return
    key = read_key(p)
    if key not in happenings._READ and stored.read:
        found = stored.read.get(digest_of(key))
        read = None if found is None else _decode_read(found)
        if read is not None and happenings.remember_read(key, read):
            _SEEDED[0] += 1
    before = before_key(p)
    if before not in happenings._BEFORE_DATE and stored.before:
        words = stored.before.get(digest_of(before))
        if isinstance(words, str) and happenings.remember_before(before, words):
            _SEEDED[0] += 1


_SEEDED = [0]  # how many readings :func:`seed` has handed to db.facts.happenings


def made() -> int:
    """How many readings :mod:`db.facts.happenings` has made (not been handed by
    :func:`seed`) of those it keeps now: compared before and after, whether it read
    something afresh (or dropped what it kept)."""
    return len(happenings._READ) + len(happenings._BEFORE_DATE) - _SEEDED[0]


def kept(versions: Iterable[Profile]) -> Stored:
    """What :mod:`db.facts.happenings` keeps now of one claim, read as each of *versions*
    of it (its profiles, without and with its sentence)."""
    read: dict[str, Any] = {}
    before: dict[str, Any] = {}
    for p in versions:
        key = read_key(p)
        found = happenings._READ.get(key)
        if found is not None:
            read[digest_of(key)] = _encode_read(found)
        words_key = before_key(p)
        words = happenings._BEFORE_DATE.get(words_key)
        if words is not None:
            before[digest_of(words_key)] = words
    return Stored(read, before) if read or before else NOTHING


def store(
    ws: Workspace, versions: dict[uuid.UUID, list[Profile]], stored: dict[uuid.UUID, Stored]
) -> int:
    """Store what :mod:`db.facts.happenings` keeps of each claim (its *versions*) where
    that differs from what is *stored*; returns how many claims were written.

    Written beside each claim's stored figure reading (a claim without one keeps
    nothing); when it cannot be written, the next proposals read those claims again."""
    rows = []
    for cid, ps in versions.items():
        now = kept(ps)
        was = stored.get(cid, NOTHING)
        if now is not NOTHING and (now.read, now.before) != (was.read, was.before):
            rows.append({"b_id": cid, "b_told": now.as_json()})
    if not rows:
        return 0
    table = cast(Table, ClaimReading.__table__)
    statement = update(table).where(table.c.id == bindparam("b_id"))
    try:
        with ws.engine.begin() as conn:
            conn.execute(statement.values(happenings=bindparam("b_told")), rows)
    except SQLAlchemyError:
        return 0
    return len(rows)
