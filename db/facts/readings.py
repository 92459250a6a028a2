"""Readings kept in the workspace: what each claim's quote says in numbers, read once.

Reading figures and dates from ten thousand quotes takes seconds; proposals read them
from the ``claim_reading`` table instead.  A stored reading is used only while its key
matches the digest of what it was read from — the quote, the words before it, the
article's publication time and the code of the readers — so an edited quote, a moved
anchor, a changed publication date or a new version of the readers makes it read again.
Proposals store what they had to read (:func:`store`), so each claim is read once per
change, whoever's window reads it; nothing else depends on the table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import marshal
import uuid
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import cast

from sqlalchemy import Table, delete, insert
from sqlalchemy.exc import SQLAlchemyError

from db.facts.profile import Reading, read_quote
from db.models import ClaimReading
from db.workspace import Workspace

# The modules whose code decides a reading: a change to any of them reads every quote again.
_READERS = (
    "db.assist.numbers",
    "db.assist.dates",
    "db.assist.date_words",
    "db.assist.lexicon",
    "db.assist.text",
    "db.facts.profile",
    "db.facts.shares",
    "db.facts.spills",
    "db.facts.readings",
)
_FORMAT = "4"  # bumped when the stored form below changes


def _code_of(name: str) -> bytes:
    """A module's source, else (a frozen build) its compiled code, else its name."""
    module = importlib.import_module(name)
    try:
        return Path(str(module.__file__)).read_bytes()
    except (OSError, TypeError):
        pass
    try:
        loader = getattr(module.__spec__, "loader", None)
        code = loader.get_code(name) if loader is not None else None
        if code is not None:
            return marshal.dumps(code)
    except (ImportError, AttributeError, ValueError):
        pass
    return name.encode()


@cache
def _readers_digest() -> bytes:
    return code_digest(_FORMAT, _READERS)


def code_digest(form: str, modules: Iterable[str]) -> bytes:
    """A digest of a stored form's version and the code of the *modules* that read what
    is stored in it: a reading stored under another digest is read again."""
    digest = hashlib.blake2b(form.encode(), digest_size=16)
    for name in modules:
        digest.update(_code_of(name))
    return digest.digest()


def key_of(quote: str, lead: str, published: dt.datetime | None) -> str:
    """The digest a stored reading of *quote* must carry to be used."""
    digest = hashlib.blake2b(_readers_digest(), digest_size=16)
    when = published.isoformat() if published is not None else ""
    digest.update(f"{quote}\x00{lead}\x00{when}".encode())
    return digest.hexdigest()


def encode(r: Reading) -> str:
    return json.dumps(
        [
            r.value, r.value_max, r.qualifier, r.unit,
            r.date_first.isoformat() if r.date_first else None,
            r.date_last.isoformat() if r.date_last else None,
            r.cumulative, r.update_cue, r.increment, r.forecast, r.predicate, r.period,
            r.subset, r.wording, r.incident, r.whole, r.verb,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )  # fmt: skip


def decode(text: str) -> Reading | None:
    """The reading stored as *text*; None when it cannot be read (it is read again)."""
    try:
        v = json.loads(text)
        first = dt.date.fromisoformat(v[4]) if v[4] else None
        last = dt.date.fromisoformat(v[5]) if v[5] else None
        return Reading(
            v[0], v[1], str(v[2]), str(v[3]), first, last, bool(v[6]), bool(v[7]), bool(v[8]),
            bool(v[9]), str(v[10]), str(v[11]), bool(v[12]), str(v[13]), bool(v[14]),
            None if v[15] is None else float(v[15]), str(v[16]),
        )  # fmt: skip
    except (ValueError, TypeError, IndexError):
        return None


def store(ws: Workspace, readings: Iterable[tuple[uuid.UUID, str, Reading]]) -> int:
    """Keep (claim id, key, reading) rows, replacing older ones; returns how many.

    A copy for speed only: when it cannot be written (a claim deleted meanwhile,
    another window storing the same claim at once, a read-only login) nothing is
    kept and the next proposals read those quotes again."""
    rows = [{"id": cid, "key": key, "reading": encode(r)} for cid, key, r in readings]
    if not rows:
        return 0
    table = cast(Table, ClaimReading.__table__)
    try:
        with ws.engine.begin() as conn:
            for at in range(0, len(rows), 500):
                part = rows[at : at + 500]
                conn.execute(delete(table).where(table.c.id.in_([r["id"] for r in part])))
                conn.execute(insert(table), part)
    except SQLAlchemyError:
        return 0
    return len(rows)


def reading_of(
    claim_id: uuid.UUID,
    quote: str,
    lead: str,
    published: dt.datetime | None,
    key: str | None,
    stored: str | None,
    fresh: list[tuple[uuid.UUID, str, Reading]],
) -> Reading:
    """The stored reading (*key*, *stored*) of a claim's quote while it is current, else
    the quote read again, added to *fresh* for :func:`store`."""
    wanted = key_of(quote, lead, published)
    reading = decode(stored) if stored and key == wanted else None
    if reading is None:
        reading = read_quote(quote, lead, published)
        fresh.append((claim_id, wanted, reading))
    return reading
