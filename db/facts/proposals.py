"""Proposals over a workspace: links between claims, and claims to group into facts.

Claims are compared within buckets of the same counted thing, each with its
nearest neighbours in time (so proposals for 10,000 claims take a fraction of
a second), and never across a link already made or a proposal dismissed.

A proposal's *kind* says what disagrees: "figure" (the figures relate) or "date"
(two claims date one event differently, :mod:`db.facts.events`; always contradicts).
"""

from __future__ import annotations

import gc
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import repeat
from operator import add, attrgetter
from typing import Any, NamedTuple

from sqlalchemy import select

from db.changes import Changes, Entity, Op, changed
from db.facts import readings as readings_store
from db.facts import told as told_store
from db.facts.efforts import names_only
from db.facts.events import date_conflicts, describe_dates
from db.facts.happenings import happenings, speaks_of_it
from db.facts.profile import (
    DENIED,
    KEPT,
    OF_THEM,
    PEOPLE_BY_FATE,
    Profile,
    Reading,
    brings_total,
    cached_profile,
    died_unnamed,
    is_time_unit,
    named_people,
    refers_back,
    remembered,
    unit_in_words,
)
from db.facts.relate import (
    COMPATIBLE,
    Relating,
    counted_alike,
    counted_whole,
    explain,
    injured,
    relate_alike,
    same_question,
)
from db.facts.spills import told_as_true
from db.facts.steps import direct_steps
from db.models import Article, Claim, ClaimLink, ClaimReading, DismissedProposal, Relation
from db.workspace import Workspace

NEIGHBOURS = 40  # each claim is compared with this many others of its bucket
_NO_END = float("inf")


class LinkProposal(NamedTuple):  # a tuple: hundreds of thousands are made quickly
    relation: Relation
    from_claim: Profile
    to_claim: Profile
    # For figures one of db.facts.relate.REASONS (worded when asked for); for dates the words.
    reason: str
    kind: str = "figure"  # what disagrees: "figure" or "date"

    @property
    def why(self) -> str:
        if self.kind == "figure":
            return explain(self.reason, self.from_claim, self.to_claim)
        return self.reason

    def value_of(self, p: Profile) -> str:
        """The value this proposal compares, in words: the figure, or the event's dates."""
        if self.kind == "date" and p.event_first and p.event_last:
            return describe_dates(p.event_first, p.event_last)
        return "" if p.value is None else f"{p.value:,.0f}"

    def as_json(self) -> dict[str, object]:
        def side(p: Profile) -> dict[str, object]:
            event = None
            if p.event_first and p.event_last:
                event = {"first": p.event_first.isoformat(), "last": p.event_last.isoformat()}
            return {
                "claim": str(p.claim_id),
                "article": str(p.article_id),
                "start": p.start,
                "end": p.end,
                "quote": p.quote,
                "value": self.value_of(p) if self.kind == "date" else p.value,
                "date": p.when.isoformat() if p.when else None,
                "event": event,
            }

        return {
            "relation": self.relation.value,
            "kind": self.kind,
            "from": side(self.from_claim),
            "to": side(self.to_claim),
            "why": self.why,
        }


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end]."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1]


def profiles(ws: Workspace, claim_ids: set[uuid.UUID] | None = None) -> list[Profile]:
    """Profiles of the placed claims (all, or those named).

    Each quote's figure, date and cues come from its stored reading while that is
    current (:mod:`db.facts.readings`); the quotes read afresh are stored for next time.
    So do the happenings each claim names (:mod:`db.facts.told`)."""
    return _profiles(ws, claim_ids).items


class _Read(NamedTuple):
    """Profiles, with each claim's versions made on the way (without and with its
    sentence) and what happenings read of it as stored (:mod:`db.facts.told`)."""

    items: list[Profile]
    versions: dict[uuid.UUID, list[Profile]]
    told: dict[uuid.UUID, told_store.Stored]
    # Whether figure readings were stored again: their rows were replaced, and with them
    # what happenings read of those claims (``told`` says NOTHING for them now).
    replaced: bool


def _profiles(ws: Workspace, claim_ids: set[uuid.UUID] | None = None) -> _Read:
    query = (
        select(
            Claim.id,
            Claim.article_id,
            Claim.quote,
            Claim.start,
            Claim.end,
            Claim.event_start,
            Article.published_at,
            Claim.event_end,
            Claim.prefix,
            ClaimReading.key,
            ClaimReading.reading,
            ClaimReading.happenings,
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(ClaimReading, ClaimReading.id == Claim.id)
        .where(Claim.orphaned.is_(False))
    )
    fresh: list[tuple[uuid.UUID, str, Reading]] = []
    readings: dict[uuid.UUID, Reading] = {}
    versions: dict[uuid.UUID, list[Profile]] = defaultdict(list)
    told: dict[uuid.UUID, told_store.Stored] = {}

    def of(row: Any, around: str = "", before: str = "") -> Profile:
        cid, aid, quote, start, end, event_start, published, event_end, lead, key, stored, _ = row
        p = remembered(
            (cid, aid, quote, start, end, event_start, published, around, event_end, lead, before)
        )
        if p is None:
            reading = readings.get(cid)
            if reading is None:
                reading = readings_store.reading_of(cid, quote, lead, published, key, stored, fresh)
                readings[cid] = reading
            p = cached_profile(
                cid, aid, quote, start, end, event_start, published, around,
                event_end=event_end, lead=lead, reading=reading, before=before,
            )  # fmt: skip
        versions[cid].append(p)
        told_store.seed(p, told[cid])
        return p

    with ws.session() as session:
        rows = [r for r in session.execute(query).all() if claim_ids is None or r[0] in claim_ids]
        for row in rows:
            told[row[0]] = told_store.load(row[-1])
        found = [of(row) for row in rows]
        # A figure whose quote does not name what it counts, or an event told of as "it"
        # ("since it sank on 3 May"): look at its sentence.
        bare = {p.article_id for p in found if _needs_sentence(p) or _may_add(p)}
        texts = dict(
            session.execute(select(Article.id, Article.text).where(Article.id.in_(bare))).all()
        )
    out = []
    for row, p in zip(rows, found, strict=True):
        if _may_add(p) and p.article_id in texts:
            sentence = _sentence(texts[p.article_id], p.start, p.end)
            if brings_total(p.quote, sentence):
                p = of(row, sentence)  # "arrested 64 on Saturday, bringing the total to 960"
        if _needs_sentence(p) and p.article_id in texts:
            text = texts[p.article_id]
            p = of(row, _sentence(text, p.start, p.end))
            if _needs_before(p):
                # Still naming nothing it counts, or only people by their fate: what the
                # sentence before names ("The count of escapees keeps rising. | The
                # ministry's figure stands at 214").
                before = _sentence_before(text, p.start)
                if not before and told_as_true(p.lead, p.quote):
                    # "The union says the true figure lies between …" opening a paragraph
                    # gives another account of the count the paragraph before ended on.
                    before = _last_sentence_before(text, p.start)
                p = of(row, p.around, before)
        out.append(p)
    replaced = readings_store.store(ws, fresh) > 0
    if replaced:
        for cid, _key, _reading in fresh:
            told[cid] = told_store.NOTHING
    return _Read(out, versions, told, replaced)


def _sentence_before(text: str, start: int) -> str:
    """The sentence before the one holding text[start], within its paragraph ("" when
    that sentence opens its paragraph)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    if left < 0 or text[left] == "\n":
        return ""
    prior = max(text.rfind(". ", 0, left), text.rfind("\n", 0, left))
    return text[prior + 1 : left + 1].strip()


def _last_sentence_before(text: str, start: int) -> str:
    """The last sentence of the paragraph before the one holding text[start] ("" when
    there is none)."""
    opening = text.rfind("\n", 0, start)
    body = text[: max(opening, 0)].rstrip()
    if not body:
        return ""
    paragraph = body[body.rfind("\n") + 1 :]
    return paragraph[paragraph.rfind(". ") + 1 :].strip()


def _needs_before(p: Profile) -> bool:
    """Whether a figure's count is told only by a general word for a count ("the
    ministry's figure stands at 214") or only as people by their fate ("180 have been
    recaptured"): the sentence before may name what it counts."""
    if not p.has_figure:
        return False
    if p.unit == "people" and p.predicate in PEOPLE_BY_FATE:
        return not named_people(p.quote)
    if not p.unit and p.around:
        return True  # a bare figure whose sentence names nothing it counts
    if not p.predicate and told_as_true(p.lead, p.quote):
        return True  # "said the true figure was 3,500 tonnes": of what was measured before
    return refers_back(p.quote) and not unit_in_words(p.quote)


def _may_add(p: Profile) -> bool:
    """Whether a figure of what befell people or things on one day ("Police arrested 64
    people on Saturday") may be what its sentence goes on to add to a running count
    (:func:`db.facts.profile.brings_total`): only then is its sentence looked at."""
    return (
        p.has_figure
        and bool(p.predicate)
        and not p.around
        and not p.subset
        and not p.cumulative
        and p.event_first is not None
        and p.event_first == p.event_last
    )


def _needs_sentence(p: Profile) -> bool:
    """Whether what a claim speaks of is named only in the rest of its sentence."""
    if p.event_first is None:
        # (A count of people named by what befell them alone, "only 118 have been freed",
        # may count what its sentence named before: "released 150 sailors; … only 118".)
        told_by_fate = p.unit == "people" and p.predicate in PEOPLE_BY_FATE and not p.around
        # (A figure marked as added, "another 63 are suspected", may add to a count of
        # another fate its sentence gave before it: profile.beside_another_count.)
        added = p.increment and bool(p.predicate) and not p.around
        # (And a bare figure that died, "more than 2 million died", may count what its
        # sentence named before: profile.NOT_PEOPLE_DEAD.)
        died = p.unit == "killed" and not p.around and died_unnamed(p.quote)
        if not p.has_figure:
            return False
        if not p.unit or told_by_fate or added or died:
            return True
        # (A figure opening a clause after a comma may share out a whole its sentence
        # opened on: "Of the 40 kilometres fouled, | about 12 lie on the island"; a part
        # told of "them", "400 of them were dead", is a part of what its sentence counted
        # before it: "found 1,140 oiled birds, and that …".)
        if p.subset:
            return p.whole is None and p.unit in ("killed", "wounded")
        if p.lead.rstrip().endswith(","):
            return True
        # (An amount given as the true figure, "said the true figure was 3,500 tonnes",
        # gives another account of what the sentence before measured; a figure and its noun
        # alone, "Fourteen vessels", are told what they do after the quote: "…, were at
        # work on Thursday".)
        return not p.predicate and (
            (not p.verb and names_only(p.quote)) or told_as_true(p.lead, p.quote)
        )
    if p.has_figure and p.unit and not is_time_unit(p.unit):
        return False
    # A date that names no happening ("on 1 October", "five days ago"), or none to a
    # thing ("derailed late on Thursday"), is told of in its sentence ("the derailment on
    # 1 October", "the train derailed"), and so is one told of "it".
    if (p.has_figure and not p.unit) or speaks_of_it(p):
        return True
    return all(not h.thing for h in happenings(p))


def _pairs(items: list[Profile]) -> Iterator[tuple[Profile, Profile]]:
    """Pairs that may answer one question: same counted thing (not an age or duration),
    and alike in being an added wave, a forecast or a part of a whole,
    in what happened (casualties, a standing total) and per period
    (:func:`same_question` asks that too)."""
    for block in _blocks(items):
        yield from _block_pairs(block)


def _parts(items: list[Profile]) -> Iterator[tuple[Profile, Profile]]:
    """A part stated against its whole in one article ("12 children are among the dead"
    beside "74 people have died"): the same counted thing (soldiers killed are the dead
    their parts are told as: :func:`counted_whole`), alike in what happened and
    per period, the part marked as a part and no larger than the whole.  Such a pair
    supports; claims of different articles are left to :func:`_pairs`."""
    wholes: dict[tuple[uuid.UUID, str, bool, bool, str, str], list[Profile]]
    wholes = defaultdict(list)
    parts = []
    for p in items:
        if p.has_figure and p.unit and not is_time_unit(p.unit):
            if p.subset:
                parts.append(p)
            else:
                key = (p.article_id, counted_whole(p), p.increment, p.forecast, p.predicate,
                       p.period)  # fmt: skip
                wholes[key].append(p)
    for part in parts:
        key = (part.article_id, counted_whole(part), part.increment, part.forecast,
               part.predicate, part.period)  # fmt: skip
        found = wholes.get(key, [])
        if part.unit in KEPT:
            # The dead of a class keeping its name are a part of that class's dead only
            # ("four of them" after "five escapees were killed", not the guards killed).
            found = [w for w in found if w.unit == part.unit]
        if OF_THEM.match(part.quote) and part.around:
            # "Five escapees have been killed, | four of them at the farm": "them" are the
            # whole its sentence gives just before it, not another count of the article.
            lead = part.around[: max(part.around.find(part.quote), 0)]
            found = [w for w in found if w.quote in lead] or found
        for whole in found[:NEIGHBOURS]:
            if part.value != whole.value and (
                part.high <= whole.low or (part.high == _NO_END and part.low < whole.low)
            ):
                # (A part given as a lower bound, "at least 90,000 of them children", is
                # a part of a whole above its bound.)
                yield part, whole


def _of_wholes(items: list[Profile]) -> Iterator[tuple[Profile, Profile]]:
    """A part given against its whole's figure ("of the 88 people it treated, 14 were
    firefighters") and the claims giving that figure for the same count, in any article;
    a part naming no counted thing ("Of the 58, 9 are children") and the claims of its
    own article giving that figure.  Such a pair supports."""
    parts = [p for p in items if p.whole is not None and p.has_figure]
    if not parts:
        return
    counts: dict[tuple[str, str, str, float], list[Profile]] = defaultdict(list)
    told: dict[tuple[uuid.UUID, float], list[Profile]] = defaultdict(list)
    for p in items:
        if p.value is not None and not p.subset and p.low == p.value == p.high:
            told[(p.article_id, p.value)].append(p)
            if p.unit:
                counts[(p.unit, p.predicate, p.period, p.value)].append(p)
    for part in parts:
        assert part.whole is not None
        if part.unit:
            wholes = counts.get((part.unit, part.predicate, part.period, part.whole), [])
        else:
            wholes = told.get((part.article_id, part.whole), [])
        for whole in wholes[:NEIGHBOURS]:
            if not (whole.increment or whole.forecast):
                yield part, whole


def _pair(a: uuid.UUID, b: uuid.UUID) -> tuple[int, int]:
    """Either way round, the same key (a UUID's number hashes faster than the UUID)."""
    x, y = a.int, b.int
    return (x, y) if x < y else (y, x)


def _known(ws: Workspace) -> tuple[set[tuple[int, int]], list[tuple[uuid.UUID, uuid.UUID]]]:
    """Pairs already linked (any relation) or with a dismissed proposal; the *same* links."""
    with ws.session() as session:
        linked = session.execute(
            select(ClaimLink.from_claim_id, ClaimLink.to_claim_id, ClaimLink.relation)
        ).all()
        dismissed = session.execute(
            select(DismissedProposal.from_claim_id, DismissedProposal.to_claim_id)
        ).all()
    known = {_pair(a, b) for a, b, _r in linked} | {_pair(a, b) for a, b in dismissed}
    same = [(a, b) for a, b, r in linked if r == Relation.SAME]
    return known, same


_GC_LOCK = threading.Lock()
_GC_HOLDERS = 0
_GC_WAS_ON = True


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while hundreds of thousands of pairs are compared.

    The pairs and proposals form no reference cycles (reference counting frees them);
    without the pause the collector walks every live object again and again as they
    accumulate, which costs about a third of the time.  Nested or concurrent holders
    share the pause; the collector is back on when the last one leaves.

    The objects made meanwhile (the profiles and proposals kept, hundreds of thousands)
    are then handed to the oldest generation at once: switched back on, the collector
    would otherwise walk them all at the next allocation (a tenth of a second), only
    to find them alive.  They are still looked at by the full collections."""
    global _GC_HOLDERS, _GC_WAS_ON
    with _GC_LOCK:
        if _GC_HOLDERS == 0:
            _GC_WAS_ON = gc.isenabled()
            gc.disable()
        _GC_HOLDERS += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_HOLDERS -= 1
            if _GC_HOLDERS == 0 and _GC_WAS_ON:
                if gc.get_freeze_count() == 0:  # (nobody else keeps objects frozen)
                    gc.freeze()  # every tracked object to the permanent generation …
                    gc.unfreeze()  # … and back, into the oldest: none is walked now
                gc.enable()


def propose_links(ws: Workspace, relations: set[Relation] | None = None) -> list[LinkProposal]:
    """Links the figures and dates call for between claims not yet linked, most telling first.

    A pair whose dates of one event disagree is proposed as a date conflict only (its
    figures, if they relate, are a question for after the dates are settled)."""
    known, same = _known(ws)
    with _no_cycle_collection():
        made = told_store.made()
        read = _profiles(ws)
        items = read.items
        asked = (str(ws.engine.url), frozenset(relations) if relations else None)
        with _RELATED_LOCK:
            last = _PROPOSED.get(asked)
        if (
            last is not None
            and last.known == known
            and last.same == same
            and len(last.items) == len(items)
            and all(x is y for x, y in zip(last.items, items, strict=True))
        ):
            return list(last.proposals)
        found = _propose(items, known, list(same), relations)
        # Happenings read afresh, or their stored copy gone with a replaced figure reading:
        # keep them for next time.
        if told_store.made() != made or read.replaced:
            told_store.store(ws, read.versions, read.told)
        with _RELATED_LOCK:
            if len(_PROPOSED) >= 6:
                _PROPOSED.clear()
            _PROPOSED[asked] = _Proposed(items, known, same, found)
        return list(found)


class _Proposed(NamedTuple):
    """The proposals last made over a workspace, and what they were made from."""

    items: list[Profile]
    known: set[tuple[int, int]]
    same: list[tuple[uuid.UUID, uuid.UUID]]
    proposals: list[LinkProposal]


# The last proposals of each kind asked for (all, the conflicts, the queue) per workspace:
# asked again with nothing changed (the same profiles, links and dismissals), they are
# not made again.
_PROPOSED: dict[tuple[str, frozenset[Relation] | None], _Proposed] = {}


BucketKey = tuple[str, bool, bool, bool, str, str]
HurtKey = tuple[bool, bool, bool, str]
Related = dict[tuple[int, int], Relating]  # by the numbers of the two claims (_pair)


class _Block(NamedTuple):
    """Claims whose figures may relate only among themselves: one bucket of
    :func:`_pairs`, or several joined by the injured counted in different ways."""

    buckets: list[list[Profile]]  # each sorted by Profile.order
    hurt: list[list[Profile]]  # the mixed groups of the injured, each sorted

    def members(self) -> tuple[Profile, ...]:
        """Its claims, bucket by bucket, then its groups of the injured."""
        return (*(p for b in self.buckets for p in b), *(p for h in self.hurt for p in h))

    def shape(self) -> tuple[int, ...]:
        """How many claims each of its buckets and groups holds."""
        return (*map(len, self.buckets), -1, *map(len, self.hurt))


def _blocks(items: list[Profile]) -> list[_Block]:
    """The pairs of :func:`_pairs`, in blocks no pair crosses, in the order :func:`_pairs`
    gives them within each block."""
    buckets: dict[BucketKey, list[Profile]] = defaultdict(list)
    hurt: dict[HurtKey, list[Profile]] = defaultdict(list)
    for p in items:
        if p.has_figure and p.unit and not is_time_unit(p.unit):
            buckets[_bucket_key(p)].append(p)
            if p.qualifier == DENIED and not p.subset:
                # None at all ("no sailor has been moved") denies any part of them as well.
                buckets[(p.unit, p.increment, p.forecast, True, p.predicate, p.period)].append(p)
            if injured(p):
                hurt[(p.increment, p.forecast, p.subset, p.period)].append(p)
    for bucket in buckets.values():
        bucket.sort(key=_by_order)
    # Buckets joined by a mixed group of the injured are one block.
    joined: dict[BucketKey, BucketKey] = {key: key for key in buckets}

    def root(key: BucketKey) -> BucketKey:
        while joined[key] != key:
            joined[key] = joined[joined[key]]
            key = joined[key]
        return key

    mixed: list[list[Profile]] = []
    for group in hurt.values():
        if all(p.hurt_in_hospital for p in group) or not any(p.hurt_in_hospital for p in group):
            continue  # compared in their own buckets
        group.sort(key=_by_order)
        mixed.append(group)
        first = root(_bucket_key(group[0]))
        for p in group[1:]:
            other = root(_bucket_key(p))
            if other != first:
                joined[other] = first
    blocks: dict[BucketKey, _Block] = {}
    for key, bucket in buckets.items():
        blocks.setdefault(root(key), _Block([], [])).buckets.append(bucket)
    for group in mixed:
        blocks[root(_bucket_key(group[0]))].hurt.append(group)
    return list(blocks.values())


def _by_order(p: Profile) -> tuple[bool, object, int]:
    return p.order


def _bucket_key(p: Profile) -> BucketKey:
    return (p.unit, p.increment, p.forecast, p.subset, p.predicate, p.period)


def _block_pairs(block: _Block) -> Iterator[tuple[Profile, Profile]]:
    """The pairs of a block: each claim of a bucket with its nearest neighbours in time;
    people taken to or treated in hospital for their injuries are the injured too, each
    such claim also compared with the counts of the hurt (db.facts.relate.injured)."""
    for bucket in block.buckets:
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 : i + 1 + NEIGHBOURS]:
                yield a, b
    yield from _hurt_pairs(block)


def _hurt_pairs(block: _Block) -> Iterator[tuple[Profile, Profile]]:
    """The pairs of :func:`_block_pairs` within its mixed groups of the injured."""
    for group in block.hurt:
        for i, a in enumerate(group):
            for b in group[i + 1 : i + 1 + NEIGHBOURS]:
                if (a.unit, a.predicate) != (b.unit, b.predicate) and counted_alike(a, b):
                    yield a, b


def _relate_block(block: _Block) -> Related:
    """The related pairs of one block, as :func:`db.facts.steps.direct_steps` keeps them."""
    related: dict[tuple[int, int], Relating] = {}
    relate = relate_alike
    # The pairs of _block_pairs, in its order, written out for its buckets (hundreds of
    # thousands of pairs: each claim's number is taken once, not once per pair, and each
    # claim is related to its neighbours by map).
    for bucket in block.buckets:
        numbers = [p.claim_id.int for p in bucket]
        for i, a in enumerate(bucket):
            x = numbers[i]
            found = map(relate, repeat(a), bucket[i + 1 : i + 1 + NEIGHBOURS])
            for y, relating in zip(numbers[i + 1 : i + 1 + NEIGHBOURS], found, strict=True):
                if relating is not None:
                    related[(x, y) if x < y else (y, x)] = relating
    for a, b in _hurt_pairs(block):
        relating = relate(a, b)
        if relating is not None:
            related[_pair(a.claim_id, b.claim_id)] = relating
    direct_steps(related)
    return related


# The related pairs of each block as last worked out, kept while the block's claims read
# the same (the same profiles, db.facts.profile keeps them): after an edit only the blocks
# holding the edited claims are compared again.  Replaced whole by each call.
_RELATED: dict[tuple[int, ...], tuple[tuple[Profile, ...], Related]] = {}
_RELATED_LOCK = threading.Lock()


def _related(items: list[Profile]) -> Related:
    """Every related pair of :func:`_pairs`, with the links an analyst makes among them
    (:func:`db.facts.steps.direct_steps`, supports included): a new dict (those of the
    blocks are kept as they are)."""
    out: Related = {}
    kept: dict[tuple[int, ...], tuple[tuple[Profile, ...], Related]] = {}
    with _RELATED_LOCK:
        previous = dict(_RELATED)
    for block in _blocks(items):
        members = block.members()
        name = (*block.shape(), *(p.claim_id.int for p in members))
        found = previous.get(name)
        if found is None or any(x is not y for x, y in zip(found[0], members, strict=True)):
            found = (members, _relate_block(block))
        kept[name] = found
        out.update(found[1])
    with _RELATED_LOCK:
        _RELATED.clear()
        _RELATED.update(kept)
    return out


def _propose(
    items: list[Profile],
    known: set[tuple[int, int]],
    same: list[tuple[uuid.UUID, uuid.UUID]],
    relations: set[Relation] | None,
) -> list[LinkProposal]:
    # Every related pair, the known ones too: a link already made or a proposal dismissed
    # still stands in a count's history (db.facts.steps).  Supports between two days are
    # left out by the steps whether asked for or not (the other links do not depend on it).
    related = _related(items)
    if not relations or Relation.SUPPORTS in relations:
        for part, whole in [*_parts(items), *_of_wholes(items)]:
            related.setdefault(
                _pair(part.claim_id, whole.claim_id),
                Relating(Relation.SUPPORTS, part, whole, COMPATIBLE),
            )
    for key in known:
        related.pop(key, None)  # (not proposed again, nor a repeat to date conflicts)
    same_relation = Relation.SAME
    same += [(r[1].claim_id, r[2].claim_id) for r in related.values() if r[0] is same_relation]
    if relations:
        related = {key: r for key, r in related.items() if r[0] in relations}
    # Each LinkProposal(relation, newer, older, reason, "figure"), made as a tuple is
    # (hundreds of thousands are made).
    made = map(_AS_PROPOSAL, map(add, related.values(), repeat(("figure",))))
    figures: dict[tuple[int, int], LinkProposal] = dict(zip(related, made, strict=True))
    dated = False
    for conflict in date_conflicts(items, same):
        key = _pair(conflict.later.claim_id, conflict.earlier.claim_id)
        if key not in known and (not relations or Relation.CONTRADICTS in relations):
            figures[key] = LinkProposal(
                Relation.CONTRADICTS, conflict.later, conflict.earlier, conflict.why, "date"
            )
            dated = True
    order = {Relation.CONTRADICTS: 0, Relation.UPDATES: 1, Relation.SAME: 2, Relation.SUPPORTS: 3}
    # By relation, kind and the newer claim (a UUID's number orders as its text does):
    # each relation's proposals sorted key by key from the last (each sort keeps the
    # order of what ties).
    by_relation: dict[Relation, list[LinkProposal]] = defaultdict(list)
    for p in figures.values():
        by_relation[p[0]].append(p)
    ranked: list[LinkProposal] = []
    for relation in sorted(by_relation, key=lambda r: order.get(r, 9)):
        group = by_relation[relation]
        group.sort(key=_FROM_NUMBER)
        if dated and relation is Relation.CONTRADICTS:  # (the only kind of the others)
            group.sort(key=_KIND)
        ranked += group
    return _collapse(ranked, items)


_FROM_NUMBER = attrgetter("from_claim.claim_id.int")
_AS_PROPOSAL: Callable[[tuple[Any, ...]], LinkProposal] = partial(tuple.__new__, LinkProposal)
# A figure's proposal is its Relating (relation, newer, older, reason) with its kind added.
assert Relating._fields == ("relation", "newer", "older", "reason")
assert LinkProposal._fields == ("relation", "from_claim", "to_claim", "reason", "kind")
_KIND = attrgetter("kind")


def forget() -> None:
    """Drop what proposals keep between calls in this process (the profiles read, the
    wordings compared, the happenings read, the related pairs and the last proposals):
    the next proposals are worked out as the first in a process."""
    from db.facts import happenings as happenings_module
    from db.facts import profile as profile_module
    from db.facts import relate as relate_module

    profile_module._CACHE.clear()
    relate_module._SIMILAR.clear()
    relate_module.doing.cache_clear()
    relate_module.same_doing.cache_clear()
    happenings_module._READ.clear()
    happenings_module._BEFORE_DATE.clear()
    told_store._DIGESTS.clear()
    told_store._SEEDED[0] = 0
    with _RELATED_LOCK:
        _RELATED.clear()
        _PROPOSED.clear()


def _collapse(found: list[LinkProposal], items: list[Profile]) -> list[LinkProposal]:
    """One proposal per pair of quotes: claims repeating a quote of their article (the
    same words marked twice) would otherwise ask the same question in several rows.
    (*items* are the profiles the proposals are made of.)"""
    # Only a proposal with a claim whose quote another claim of its article repeats can
    # ask what another proposal asks (the others are of different pairs of claims); each
    # pair of quotes is told by the numbers of its two quotes.
    spots: dict[tuple[int, str], int] = {}
    spot_of = {id(c): spots.setdefault((c.article_id.int, c.quote), len(spots)) for c in items}
    if len(spots) == len(spot_of):
        return found
    held: dict[int, int] = defaultdict(int)
    for spot in spot_of.values():
        held[spot] += 1
    repeated = {claim for claim, spot in spot_of.items() if held[spot] > 1}
    seen: set[tuple[str, str, int, int]] = set()
    out = []
    for p in found:
        a, b = id(p.from_claim), id(p.to_claim)
        if a not in repeated and b not in repeated:
            out.append(p)
            continue
        x, y = spot_of[a], spot_of[b]
        key = (p.relation, p.kind, x, y) if x <= y else (p.relation, p.kind, y, x)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def conflicts(ws: Workspace) -> list[LinkProposal]:
    """The proposals the Conflicts queue shows: contradicts and updates."""
    return propose_links(ws, {Relation.CONTRADICTS, Relation.UPDATES})


def queue(ws: Workspace) -> list[LinkProposal]:
    """The Conflicts queue: contradicts and updates, then near-duplicates (the same figure
    of the same counted thing in similar words, in the same or another article) as *same*."""
    return propose_links(ws, {Relation.CONTRADICTS, Relation.UPDATES, Relation.SAME})


def dismiss(ws: Workspace, proposal: LinkProposal) -> Changes:
    """Remember that the analysts turned this proposal down."""
    with ws.session() as session:
        session.add(
            DismissedProposal(
                from_claim_id=proposal.from_claim.claim_id,
                to_claim_id=proposal.to_claim.claim_id,
                relation=proposal.relation,
                analyst_id=ws.analyst_id,
            )
        )
    return changed(Entity.SUGGESTION, [proposal.from_claim.claim_id], Op.DELETED)


def undismiss(ws: Workspace, proposal: LinkProposal) -> Changes:
    """Forget a dismissal (its undo): the proposal comes back."""
    with ws.session() as session:
        row = session.scalar(
            select(DismissedProposal).where(
                DismissedProposal.from_claim_id == proposal.from_claim.claim_id,
                DismissedProposal.to_claim_id == proposal.to_claim.claim_id,
                DismissedProposal.relation == proposal.relation,
            )
        )
        if row is not None:
            session.delete(row)
    return changed(Entity.SUGGESTION, [proposal.from_claim.claim_id], Op.CREATED)


def accept(ws: Workspace, proposal: LinkProposal) -> Changes:
    """Make the proposed link (a contradiction disputes or contests its claims: db.links)."""
    from db.links import add_link

    link = add_link(
        ws, proposal.from_claim.claim_id, proposal.to_claim.claim_id, proposal.relation,
        note=proposal.why[:500],
    )  # fmt: skip
    record = changed(Entity.LINK, [link.id], Op.CREATED, parent=proposal.from_claim.claim_id)
    if link.disputed:
        ids = [cid for cid, _ in link.disputed]
        record = record.merged(changed(Entity.CLAIM, ids, fields=["status"]))
    if link.contested:
        record = record.merged(changed(Entity.CLAIM, link.contested, fields=["contested"]))
    return record


def propose_groups(ws: Workspace) -> list[list[Profile]]:
    """Groups of claims not in a fact that answer one question (two claims or more)."""
    with ws.session() as session:
        free = set(session.scalars(select(Claim.id).where(Claim.fact_id.is_(None))))
    items = [p for p in profiles(ws) if p.claim_id in free]
    parent: dict[uuid.UUID, uuid.UUID] = {p.claim_id: p.claim_id for p in items}

    def root(x: uuid.UUID) -> uuid.UUID:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in _pairs(items):
        if same_question(a, b) is not None:
            parent[root(a.claim_id)] = root(b.claim_id)
    groups: dict[uuid.UUID, list[Profile]] = defaultdict(list)
    for p in items:
        groups[root(p.claim_id)].append(p)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0].unit))
