"""Read W3C Web Annotations (as written by the w3c export) back into claims.

Each annotation is matched to its article by the target's source id, then its
URL, and only then by its quote (with its context, when the quote occurs in
several articles).  Its span is taken from the position selector when that
still fits the quote, else from the quote with its context, else — when the
article's text was revised since — by the re-anchoring of :mod:`db.reanchor`.
The original source (``attributedTo``) and the relay chain (``relayedBy``) are
matched to the registry by name or alias, unknown names added as new sources.
What fits is imported in one transaction; each annotation that does not is
reported in one line.  A file that is not JSON, or holds no annotations at
all, changes nothing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.anchors import make_anchor
from db.claims import apply_fields, normalise_fields
from db.decisions import record_decision
from db.errors import InvalidInput
from db.importing import MAX_BYTES, read_limited
from db.models import Article, Claim, Status
from db.relays import MAX_RELAYS, SourceFinder, write_chain
from db.workspace import Workspace


@dataclass(frozen=True, slots=True)
class PlannedClaim:
    id: uuid.UUID
    article_id: uuid.UUID
    start: int
    end: int
    statement: str
    status: Status
    tags: tuple[str, ...]
    source: str = ""
    relayed_by: tuple[str, ...] = ()


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(obj: dict[str, Any]) -> set[str]:
    return {str(t) for t in _as_list(obj.get("type") or obj.get("@type"))}


def annotations_of(doc: Any) -> list[dict[str, Any]]:
    """The annotations held by a collection, a page, a list or a single annotation."""
    if isinstance(doc, list):
        return [a for item in doc for a in annotations_of(item)]
    if not isinstance(doc, dict):
        return []
    kinds = _types(doc)
    if "Annotation" in kinds:
        return [doc]
    out: list[dict[str, Any]] = []
    if "AnnotationCollection" in kinds:
        page = doc.get("first")
        while isinstance(page, dict):
            out += annotations_of(page)
            page = page.get("next")
    elif "AnnotationPage" in kinds:
        for item in _as_list(doc.get("items")):
            out += annotations_of(item)
    return out


def _uuid_of(value: Any) -> uuid.UUID | None:
    if isinstance(value, dict):
        value = value.get("id") or value.get("@id")
    if isinstance(value, str) and value.lower().startswith("urn:uuid:"):
        try:
            return uuid.UUID(value[9:])
        except ValueError:
            return None
    return None


def _selectors(target: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    quote = position = None
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        kinds = _types(sel)
        if "TextQuoteSelector" in kinds:
            quote = sel
        elif "TextPositionSelector" in kinds:
            position = sel
    return quote, position


def locate(
    text: str, quote: dict[str, Any] | None, position: dict[str, Any] | None
) -> tuple[int, int]:
    """Code-point span of the annotated text; the position must agree with the quote.

    A quote that no longer occurs (the text was revised) is placed by
    re-anchoring when a close match with the same figures lies near its position.
    """
    exact = str(quote.get("exact", "")) if quote else ""
    if position is not None:
        start, end = position.get("start"), position.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            if not exact or text[start:end] == exact:
                return start, end
    if not exact or quote is None:
        raise ValueError("it has no quote to find and its position does not fit the text")
    prefix, suffix = str(quote.get("prefix", "")), str(quote.get("suffix", ""))
    best: tuple[int, int] | None = None
    pos = text.find(exact)
    while pos >= 0:
        score = 0
        if prefix and text[:pos].endswith(prefix):
            score += 2
        if suffix and text[pos + len(exact) :].startswith(suffix):
            score += 2
        if best is None or score > best[0]:
            best = (score, pos)
        pos = text.find(exact, pos + 1)
    if best is None:
        return _reanchored(text, exact, quote, position)
    return best[1], best[1] + len(exact)


def _reanchored(
    text: str, exact: str, quote: dict[str, Any], position: dict[str, Any] | None
) -> tuple[int, int]:
    from db.reanchor import OldAnchor, PositionMap, place

    start = position.get("start") if position else None
    start = start if isinstance(start, int) and 0 <= start <= len(text) else 0
    anchor = OldAnchor(
        "",
        start,
        start + len(exact),
        exact,
        str(quote.get("prefix", "")),
        str(quote.get("suffix", "")),
    )
    placement = place(text, anchor, PositionMap(text, text))
    if not placement.placed:
        raise ValueError("its quote does not occur in the article, nor anything close to it")
    return placement.start, placement.end


def _bodies(anno: dict[str, Any]) -> tuple[str, Status, tuple[str, ...]]:
    statement, status, tags = "", Status.UNVERIFIED, []
    for body in _as_list(anno.get("body")):
        if not isinstance(body, dict):
            continue
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purposes = set(_as_list(body.get("purpose")))
        if "tagging" in purposes:
            tags.append(value)
        elif "assessing" in purposes:
            try:
                status = Status(value)
            except ValueError:
                raise ValueError(f"its status {value!r} is unknown") from None
        elif "describing" in purposes or not statement:
            statement = value
    return statement, status, tuple(tags)


def _names(anno: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """(original source, relay chain) named by the annotation, blanks dropped."""

    def clean(value: Any) -> str:
        if isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        return " ".join(value.split()) if isinstance(value, str) else ""

    sources = [n for n in map(clean, _as_list(anno.get("attributedTo"))) if n]
    relays = anno.get("relayedBy")
    if isinstance(relays, dict):  # the expanded form of a list
        relays = relays.get("@list")
    chain = [n for n in map(clean, _as_list(relays)) if n]
    if len(chain) > MAX_RELAYS:
        raise ValueError(f"it names more than {MAX_RELAYS} relays")
    return (sources[0] if sources else ""), tuple(chain)


def _article_for(session: Any, target: dict[str, Any], by_url: dict[str, uuid.UUID]) -> uuid.UUID:
    source = target.get("source")
    aid = _uuid_of(source)
    if aid is not None and session.get(Article, aid) is not None:
        return aid
    urls = []
    if isinstance(source, str):
        urls.append(source)
    elif isinstance(source, dict):
        urls += [v for v in (source.get("via"), source.get("id")) if isinstance(v, str)]
    for url in urls:
        if url in by_url:
            return by_url[url]
    return _article_by_quote(session, target)


def _article_by_quote(session: Any, target: dict[str, Any]) -> uuid.UUID:
    """The one article whose text holds the target's quote (with its context, if need be).

    Lets annotations find their articles in a workspace where the same files
    were imported afresh (new ids, no URL).
    """
    quote, _position = _selectors(target)
    if not quote or not isinstance(quote.get("exact"), str) or not quote["exact"]:
        raise ValueError("its article is not in this workspace (no matching id or URL)")
    exact = quote["exact"]
    around = f"{quote.get('prefix') or ''}{exact}{quote.get('suffix') or ''}"
    candidates = session.execute(
        select(Article.id, Article.text).where(Article.text.contains(exact, autoescape=True))
    ).all()
    many = 0
    for needle in (around, exact):
        hits: list[uuid.UUID] = [aid for aid, text in candidates if needle in text]
        if len(hits) == 1:
            return hits[0]
        many = max(many, len(hits))
    if many:
        raise ValueError(f"its quote is in {many} articles and it names none of them by id or URL")
    # The quote is in no article: the text may have been revised around it.  The
    # article holding its context on both sides, if only one does, is its article.
    prefix = str(quote.get("prefix") or "")[-16:]
    suffix = str(quote.get("suffix") or "")[:16]
    if prefix.strip() and suffix.strip():
        around_rows = session.execute(
            select(Article.id).where(
                Article.text.contains(prefix, autoescape=True),
                Article.text.contains(suffix, autoescape=True),
            )
        ).all()
        if len(around_rows) == 1:
            found: uuid.UUID = around_rows[0][0]
            return found
    raise ValueError("its article is not in this workspace (no matching id, URL or text)")


def load(path: Path) -> Any:
    path = Path(path)
    data = read_limited(path, MAX_BYTES)
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path.name} is not valid JSON-LD ({exc}).") from None


@dataclass
class AnnotationReport:
    """Claims added from a Web Annotation file, and one line per annotation left out."""

    added: int = 0
    existing: int = 0
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [f"{self.added} claim(s) added"]
        if self.existing:
            parts.append(f"{self.existing} already here")
        if self.problems:
            parts.append(f"{len(self.problems)} annotation(s) left out")
        return ", ".join(parts)


def import_annotations(ws: Workspace, path: Path) -> AnnotationReport:
    """Recreate the claims described in a Web Annotation file (see the module docstring)."""
    path = Path(path)
    annos = annotations_of(load(path))
    if not annos:
        raise InvalidInput(f"{path.name} holds no Web Annotations.")
    report = AnnotationReport()
    with ws.session() as session:
        by_url: dict[str, uuid.UUID] = {}
        for aid, url in session.execute(select(Article.id, Article.url).where(Article.url != "")):
            by_url.setdefault(url, aid)
        texts: dict[uuid.UUID, str] = {}
        plans: list[PlannedClaim] = []
        for n, anno in enumerate(annos, start=1):
            label = str(anno.get("id") or f"number {n}")
            try:
                cid = _uuid_of(anno.get("id")) or uuid.uuid4()
                target = next(
                    (t for t in _as_list(anno.get("target")) if isinstance(t, dict)), None
                )
                if target is None:
                    raise ValueError("it has no target with selectors")
                aid = _article_for(session, target, by_url)
                if aid not in texts:
                    texts[aid] = session.get_one(Article, aid).text
                start, end = locate(texts[aid], *_selectors(target))
                statement, status, tags = _bodies(anno)
                source, relayed_by = _names(anno)
                existing = session.get(Claim, cid)
                if existing is not None and existing.article_id != aid:
                    raise ValueError("a claim with its id exists on another article")
            except (ValueError, InvalidInput) as exc:
                report.problems.append(f"{path.name}: annotation {label} left out: {exc}.")
                continue
            if existing is not None:
                report.existing += 1
                continue
            plans.append(
                PlannedClaim(cid, aid, start, end, statement, status, tags, source, relayed_by)
            )
        sources = SourceFinder(session)
        for plan in plans:
            anchor = make_anchor(texts[plan.article_id], plan.start, plan.end)
            claim = Claim(
                id=plan.id,
                article_id=plan.article_id,
                start=anchor.start,
                end=anchor.end,
                quote=anchor.quote,
                prefix=anchor.prefix,
                suffix=anchor.suffix,
                statement=plan.statement or anchor.quote,
                status=Status.UNVERIFIED,
            )
            try:
                values = normalise_fields({"status": plan.status, "tags": list(plan.tags)})
            except InvalidInput as exc:
                report.problems.append(
                    f"{path.name}: annotation urn:uuid:{plan.id} left out: {exc}"
                )
                continue
            # A status the annotation states is recorded as a verdict of the analyst
            # importing it, naming the file it came from.
            decided = apply_fields(
                session, claim, values, rationale=f"Imported from {path.name} with this status."
            )
            if plan.source:
                claim.source_id = sources.get(plan.source)
            session.add(claim)
            session.flush()
            if decided is not None:
                record_decision(session, claim.id, claim.status, decided)
            chain = [sources.get(name) for name in plan.relayed_by]
            chain = [s for s in dict.fromkeys(chain) if s != claim.source_id]
            if chain:
                write_chain(session, claim, chain)
            report.added += 1
        session.flush()
    return report
