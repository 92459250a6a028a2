"""Inter-annotator agreement between two analysts on one article.

Matching rule: a claim of analyst A and a claim of analyst B *match* when the
Jaccard overlap of their spans in code points (|intersection| / |union|) is at
least ``overlap`` (0.5 by default).  Candidate pairs are taken greedily from the
highest overlap down, each claim matched at most once.

With A as the reference: precision = matched / B's claims, recall = matched /
A's claims, F1 their harmonic mean.  Cohen's kappa is computed over the
matched pairs for the status, the reliability letter and the credibility
number (a missing grade counts as its own category "—").  When chance
agreement is 1 (both used one and the same category throughout) kappa is
defined as 1.0.  Figures that need at least one claim or pair are None
otherwise.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.analysts import find_analyst
from db.errors import InvalidInput
from db.ids import resolve_id
from db.models import Article, Claim
from db.workspace import Workspace

RULE = (
    "spans match when their Jaccard overlap in code points is at least {overlap:.2f}, "
    "paired greedily by highest overlap, one to one; A is the reference"
)


@dataclass(frozen=True, slots=True)
class Span:
    claim_id: uuid.UUID
    start: int
    end: int
    status: str
    reliability: str | None
    credibility: int | None


@dataclass(frozen=True, slots=True)
class MatchedPair:
    a: Span
    b: Span
    overlap: float


@dataclass(frozen=True)
class AgreementReport:
    article_id: uuid.UUID
    article_title: str
    analyst_a: str
    analyst_b: str
    overlap: float
    a_count: int
    b_count: int
    pairs: tuple[MatchedPair, ...]
    precision: float | None
    recall: float | None
    f1: float | None
    status_kappa: float | None
    reliability_kappa: float | None
    credibility_kappa: float | None
    status_agreement: float | None  # observed share of matched pairs with equal status

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def rule(self) -> str:
        return RULE.format(overlap=self.overlap)

    def lines(self) -> list[str]:
        def fmt(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.3f}"

        return [
            f"Article: {self.article_title} ({str(self.article_id)[:8]})",
            f"A (reference): {self.analyst_a} — {self.a_count} claims",
            f"B: {self.analyst_b} — {self.b_count} claims",
            f"Matching: {self.rule}",
            f"Matched pairs: {self.matched}",
            f"Precision: {fmt(self.precision)}",
            f"Recall: {fmt(self.recall)}",
            f"F1: {fmt(self.f1)}",
            f"Status agreement (observed): {fmt(self.status_agreement)}",
            f"Cohen's kappa, status: {fmt(self.status_kappa)}",
            f"Cohen's kappa, reliability: {fmt(self.reliability_kappa)}",
            f"Cohen's kappa, credibility: {fmt(self.credibility_kappa)}",
        ]


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """|a ∩ b| / |a ∪ b| for half-open spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def match_spans(a: Sequence[Span], b: Sequence[Span], overlap: float) -> list[MatchedPair]:
    """Greedy one-to-one matching by highest Jaccard overlap (at least *overlap*)."""
    candidates = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            score = jaccard((x.start, x.end), (y.start, y.end))
            if score >= overlap and score > 0:
                candidates.append((-score, x.start, y.start, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[MatchedPair] = []
    for neg, _, _, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(MatchedPair(a[i], b[j], -neg))
    return sorted(pairs, key=lambda p: (p.a.start, p.a.end))


def cohen_kappa(labels: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa for paired labels; 1.0 when chance agreement is 1; None when empty."""
    n = len(labels)
    if n == 0:
        return None
    observed = sum(1 for x, y in labels if x == y) / n
    count_a = Counter(x for x, _ in labels)
    count_b = Counter(y for _, y in labels)
    expected = sum(count_a[c] * count_b.get(c, 0) for c in count_a) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def _spans(session: Session, article_id: uuid.UUID, analyst_id: uuid.UUID) -> list[Span]:
    rows = session.scalars(
        select(Claim)
        .where(Claim.article_id == article_id, Claim.created_by_id == analyst_id)
        .order_by(Claim.start, Claim.end)
    )
    return [Span(c.id, c.start, c.end, c.status.value, c.reliability, c.credibility) for c in rows]


def _grade(value: object) -> object:
    return "—" if value is None else value


def agreement(
    ws: Workspace,
    article_id: uuid.UUID | str,
    analyst_a: uuid.UUID | str,
    analyst_b: uuid.UUID | str,
    overlap: float = 0.5,
) -> AgreementReport:
    """Compare the claims two analysts created on one article (see the module docstring)."""
    if not 0.0 < overlap <= 1.0:
        raise InvalidInput("The overlap threshold must be above 0 and at most 1.")
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        title = session.get_one(Article, aid).title
        a = find_analyst(session, analyst_a)
        b = find_analyst(session, analyst_b)
        if a.id == b.id:
            raise InvalidInput("Choose two different analysts to compare.")
        a_name, b_name = a.name, b.name
        spans_a = _spans(session, aid, a.id)
        spans_b = _spans(session, aid, b.id)
    pairs = match_spans(spans_a, spans_b, overlap)
    m = len(pairs)
    precision = m / len(spans_b) if spans_b else None
    recall = m / len(spans_a) if spans_a else None
    if precision is None or recall is None:
        f1 = None
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    statuses = [(p.a.status, p.b.status) for p in pairs]
    return AgreementReport(
        article_id=aid,
        article_title=title,
        analyst_a=a_name,
        analyst_b=b_name,
        overlap=overlap,
        a_count=len(spans_a),
        b_count=len(spans_b),
        pairs=tuple(pairs),
        precision=precision,
        recall=recall,
        f1=f1,
        status_kappa=cohen_kappa(statuses),
        reliability_kappa=cohen_kappa(
            [(_grade(p.a.reliability), _grade(p.b.reliability)) for p in pairs]
        ),
        credibility_kappa=cohen_kappa(
            [(_grade(p.a.credibility), _grade(p.b.credibility)) for p in pairs]
        ),
        status_agreement=(sum(1 for x, y in statuses if x == y) / m) if m else None,
    )
