"""The link graph: claims as nodes, links as typed edges, with a layout.

The layout is a spring layout of each connected group of claims (linked claims
pull together, all claims push apart), the groups then packed in rows, largest
first; claims with no link fill a grid after them, in columns wide enough for
their captions.  In a large group each claim
is pushed by a sample of the others, so 2,000 claims and 5,000 links lay out in
about a second.  Deterministic: the same graph gives the same picture.
"""

from __future__ import annotations

import math
import random
import threading
import uuid
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from db.ids import resolve_id
from db.models import Article, Claim, ClaimLink, Fact, Relation, Status
from db.workspace import Workspace

SPACING = 40.0  # the preferred distance between two linked claims
ALL_PAIRS = 150  # groups up to this size: every claim pushes every other
SAMPLE = 12  # in larger groups: the number of claims that push each claim per step
LONE_STEP = SPACING * 4  # across, between two claims with no link: room for a caption


@dataclass(frozen=True)
class GraphNode:
    claim_id: uuid.UUID
    article_id: uuid.UUID
    article_title: str
    quote: str
    status: str
    fact: str
    x: float
    y: float

    def as_json(self) -> dict[str, object]:
        return {
            "claim": str(self.claim_id),
            "article": str(self.article_id),
            "article_title": self.article_title,
            "quote": self.quote,
            "status": self.status,
            "fact": self.fact,
            "x": round(self.x, 2),
            "y": round(self.y, 2),
        }


@dataclass(frozen=True)
class GraphEdge:
    from_claim_id: uuid.UUID
    to_claim_id: uuid.UUID
    relation: Relation

    def as_json(self) -> dict[str, object]:
        return {
            "relation": self.relation.value,
            "from": str(self.from_claim_id),
            "to": str(self.to_claim_id),
        }


@dataclass(frozen=True)
class Graph:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "nodes": [n.as_json() for n in self.nodes],
            "edges": [e.as_json() for e in self.edges],
        }


def _groups(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[root(a)] = root(b)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        out[root(i)].append(i)
    return sorted(out.values(), key=lambda g: (-len(g), g[0]))


def _spring(size: int, edges: list[tuple[int, int]], rng: random.Random) -> list[list[float]]:
    """Positions of *size* nodes joined by *edges* (local indices), Fruchterman–Reingold.

    In a large group each claim is pushed, at each step, by the claims a few random
    distances away along the group (the same distances for every claim in that step):
    a fair sample of the others for one draw of random numbers per step."""
    if size == 1:
        return [[0.0, 0.0]]
    radius = SPACING * math.sqrt(size)
    xs = [radius * math.cos(2 * math.pi * i / size) for i in range(size)]
    ys = [radius * math.sin(2 * math.pi * i / size) for i in range(size)]
    k2 = SPACING * SPACING
    small = size <= ALL_PAIRS
    steps = 60 if small else 20
    weight = 1.0 if small else (size - 1) / SAMPLE
    temperature = radius / 2
    everyone = range(size)
    for step in range(steps):
        dxs = [0.0] * size
        dys = [0.0] * size
        if small:
            offsets: Iterable[int] = range(1, size)
        else:
            offsets = rng.sample(range(1, size), SAMPLE)
        for offset in offsets:
            # Node i is pushed by node (i + offset) mod size, in two slices without a modulo.
            for i, j in zip(everyone, [*range(offset, size), *range(offset)], strict=True):
                dx = xs[i] - xs[j]
                dy = ys[i] - ys[j]
                force = weight * k2 / (dx * dx + dy * dy or 0.01)
                dxs[i] += dx * force
                dys[i] += dy * force
        for a, b in edges:
            dx = xs[a] - xs[b]
            dy = ys[a] - ys[b]
            force = math.sqrt(dx * dx + dy * dy) / SPACING or 0.01 / SPACING
            dxs[a] -= dx * force
            dys[a] -= dy * force
            dxs[b] += dx * force
            dys[b] += dy * force
        for i in everyone:
            dx, dy = dxs[i], dys[i]
            d = math.sqrt(dx * dx + dy * dy) or 1.0
            move = min(d, temperature) / d
            xs[i] += dx * move
            ys[i] += dy * move
        temperature = max(radius / 2 * (1 - (step + 1) / steps), 1.0)
    return [[x, y] for x, y in zip(xs, ys, strict=True)]


# Recent layouts by their input: reopening the graph, or refreshing it after an edit
# that changed no link (a status, a quote), lays nothing out again.
_LAYOUTS: OrderedDict[tuple[int, tuple[tuple[int, int], ...], int], list[tuple[float, float]]]
_LAYOUTS = OrderedDict()
_LAYOUTS_KEPT = 8
_LAYOUTS_LOCK = threading.Lock()


def layout(n: int, edges: list[tuple[int, int]], seed: int = 1) -> list[tuple[float, float]]:
    """Positions for *n* nodes joined by *edges* (pairs of indices); remembered."""
    key = (n, tuple(edges), seed)
    with _LAYOUTS_LOCK:
        found = _LAYOUTS.get(key)
        if found is not None:
            _LAYOUTS.move_to_end(key)
            return list(found)
    out = _layout(n, edges, seed)
    with _LAYOUTS_LOCK:
        _LAYOUTS[key] = out
        while len(_LAYOUTS) > _LAYOUTS_KEPT:
            _LAYOUTS.popitem(last=False)
    return list(out)


def _layout(n: int, edges: list[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    out: list[tuple[float, float]] = [(0.0, 0.0)] * n
    local_edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    groups = _groups(n, edges)
    group_of = {node: g for g, members in enumerate(groups) for node in members}
    index = {node: i for members in groups for i, node in enumerate(members)}
    for a, b in edges:
        if a != b:
            local_edges[group_of[a]].append((index[a], index[b]))
    linked = [g for g in groups if len(g) > 1]
    single = [g[0] for g in groups if len(g) == 1]
    row_width = max(SPACING * 30, SPACING * math.sqrt(n) * 2.5)
    x = y = row_height = 0.0
    for g, members in enumerate(linked):
        pos = _spring(len(members), local_edges[g], rng)
        left = min(p[0] for p in pos)
        top = min(p[1] for p in pos)
        width = max(p[0] for p in pos) - left
        height = max(p[1] for p in pos) - top
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING * 2, 0.0
        for node, p in zip(members, pos, strict=True):
            out[node] = (x + p[0] - left, y + p[1] - top)
        x += width + SPACING * 2
        row_height = max(row_height, height)
    if single:
        y += row_height + SPACING * 2 if linked else 0.0
        # Filled down, then across: a column is LONE_STEP wide and its claims SPACING
        # apart, so a block about as wide as it is high has four rows per column.
        per_column = 4 * max(1, math.ceil(math.sqrt(len(single) / 4)))
        for i, node in enumerate(single):
            out[node] = ((i // per_column) * LONE_STEP, y + (i % per_column) * SPACING)
    return out


def graph(
    ws: Workspace,
    fact: uuid.UUID | str | None = None,
    *,
    relations: Iterable[Relation] | None = None,
    statuses: Iterable[Status] | None = None,
) -> Graph:
    """The claims (of *fact*, or all) with the links between them, laid out."""
    query = (
        select(Claim.id, Claim.article_id, Article.title, Claim.quote, Claim.status, Fact.name)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Fact, Fact.id == Claim.fact_id)
        .order_by(Claim.id)
    )
    with ws.session() as session:
        if fact is not None:
            query = query.where(Claim.fact_id == resolve_id(session, Fact, fact, "fact"))
        if statuses is not None:
            query = query.where(Claim.status.in_(list(statuses)))
        rows = session.execute(query).all()
        link_query = select(ClaimLink.from_claim_id, ClaimLink.to_claim_id, ClaimLink.relation)
        if relations is not None:
            link_query = link_query.where(ClaimLink.relation.in_(list(relations)))
        links = session.execute(link_query.order_by(ClaimLink.id)).all()
    index = {row[0]: i for i, row in enumerate(rows)}
    edges = [
        GraphEdge(a, b, Relation(relation)) for a, b, relation in links if a in index and b in index
    ]
    positions = layout(len(rows), [(index[e.from_claim_id], index[e.to_claim_id]) for e in edges])
    nodes = [
        GraphNode(
            cid,
            article_id,
            title or "",
            quote,
            getattr(status, "value", str(status)),
            fact_name or "",
            px,
            py,
        )
        for (cid, article_id, title, quote, status, fact_name), (px, py) in zip(
            rows, positions, strict=True
        )
    ]
    return Graph(nodes, edges)
