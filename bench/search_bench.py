"""Search latency at 1,000 articles and at 100,000 articles with 1,000,000 claims.

Run from the project folder::

    PYTHONPATH=. .venv/bin/python bench/search_bench.py [--runs 30] [--sizes 1000,100000]

For each size it prints, per query and overall, the median time of
``db.search.search`` (50 hits with snippets and offsets, the GUI's and the
CLI's page) beside a baseline measured in the same run on the same file: a
raw ``sqlite3`` FTS5 query on the same trigram index returning the same number
of rowids, with nothing else done.  Targets: ≤ 5 ms at 1,000 articles, ≤ 30 ms
at 100,000 articles / 1,000,000 claims.

Workspaces are built once with bulk inserts (the triggers index each row as it
is written) and cached under /tmp/claimdesk-search-bench/; delete the folder to
build them again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bench.synthetic import claim_row, insert_claims  # noqa: E402
from db.analysts import bind_analyst  # noqa: E402
from db.models import Article, Setting, Status  # noqa: E402
from db.search import search  # noqa: E402
from db.search.query import fts5_expression, parse_query  # noqa: E402
from db.search.schema import FTS_COLUMNS, TRIGRAM, WORD  # noqa: E402
from db.workspace import Workspace, open_workspace  # noqa: E402

CACHE = Path("/tmp/claimdesk-search-bench")
FORMAT = "v1"
CHARS = 2_000
CLAIMS_PER_ARTICLE = 10
LIMIT = 50
FIXED = (
    "officials said the troops moved to training camps near the border while analysts "
    "questioned the figure of 1,500 soldiers and Kyiv put the number at 12,000 "
    "원산 Владивосток according to intelligence briefings on Thursday 국방부는 Министр"
).split()
# Queries from very common to absent, in several scripts; two- and one-word, a
# two-character (word-prefix) term and a substring inside words.
QUERIES = (
    "troops",
    "Владивосток",
    "국방부",
    "원산",
    "12,000",
    "troops border",
    "восток",
    "MID",
    "RARE",
    "zzqxv",
)


def _vocabulary(size: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


VOCABULARY = _vocabulary(20_000)
STATUSES = list(Status)


def make_text(chars: int, rng: random.Random) -> str:
    """Prose of about *chars* code points: a Zipf-like mix of made-up and fixed words."""
    parts: list[str] = []
    size = 0
    while size < chars:
        words = []
        for _ in range(rng.randint(8, 24)):
            if rng.random() < 0.3:
                words.append(rng.choice(FIXED))
            else:  # rank r drawn with probability about 1/r
                rank = int(len(VOCABULARY) ** rng.random()) - 1
                words.append(VOCABULARY[rank])
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:] + (".\n\n" if rng.random() < 0.2 else ". ")
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:chars]


def _articles(count: int, seed: int) -> Iterator[tuple[dict[str, Any], str]]:
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    for n in range(count):
        text = make_text(CHARS, rng)
        original = f"search-bench-{n}".encode()
        row = {
            "id": uuid.uuid4(),
            "title": f"Bench article {n} {VOCABULARY[n % len(VOCABULARY)]}",
            "text": text,
            "original": original,
            "sha256": hashlib.sha256(original).hexdigest(),
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        yield row, text


def _claims(row: dict[str, Any], text: str, count: int, rng: random.Random) -> Iterator[dict]:
    step = max(1, (len(text) - 60) // count)
    for i in range(count):
        start = min(i * step + rng.randint(0, 10), len(text) - 41)
        end = start + rng.randint(5, 40)
        yield claim_row(row["id"], text, start, end, status=STATUSES[i % len(STATUSES)])


def build(path: Path, articles: int) -> None:
    """A workspace of *articles* articles with CLAIMS_PER_ARTICLE claims each."""
    part = path.with_suffix(".part")
    for stale in path.parent.glob(part.name + "*"):
        stale.unlink()
    ws = open_workspace(part)
    bind_analyst(ws)
    rng = random.Random(11)
    source = _articles(articles, seed=articles)
    t0 = time.perf_counter()
    done = 0
    while chunk := list(islice(source, 1000)):
        with ws.engine.begin() as conn:
            conn.execute(insert(Article), [row for row, _ in chunk])
        insert_claims(
            ws,
            (c for row, text in chunk for c in _claims(row, text, CLAIMS_PER_ARTICLE, rng)),
        )
        done += len(chunk)
        if done % 10_000 == 0 or done == articles:
            rate = done / (time.perf_counter() - t0)
            print(f"  built {done:,} / {articles:,} articles ({rate:,.0f}/s)", flush=True)
    with ws.session() as session:
        session.add(Setting(key="search_bench", value=FORMAT))
    ws.close()
    con = sqlite3.connect(part)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    part.rename(path)


def workspace_for(articles: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"search-{articles}-{FORMAT}.sqlite"
    if not path.exists():
        print(f"building {path} ({articles:,} articles, {articles * CLAIMS_PER_ARTICLE:,} claims)")
        t0 = time.perf_counter()
        build(path, articles)
        print(f"  built in {time.perf_counter() - t0:,.0f} s")
    return path


def _word_by_rank(rank: int) -> str:
    return VOCABULARY[rank]


def _query_text(name: str) -> str:
    if name == "MID":
        return _word_by_rank(300)
    if name == "RARE":
        return _word_by_rank(15_000)
    return name


def _raw_expression(text: str) -> tuple[str, str]:
    query = parse_query(text)
    if query.long_terms:
        return TRIGRAM, fts5_expression(query.long_terms, FTS_COLUMNS, prefix=False)
    return WORD, fts5_expression(query.short_terms, FTS_COLUMNS, prefix=True)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(path: Path, runs: int) -> tuple[float, float]:
    ws: Workspace = open_workspace(path)
    raw = sqlite3.connect(path)
    all_ours: list[float] = []
    all_raw: list[float] = []
    print(f"{'query':<16} {'hits':>5} {'search()':>10} {'raw FTS5':>10}")
    try:
        for name in QUERIES:
            text = _query_text(name)
            table, expression = _raw_expression(text)
            statement = (
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?"
            )
            search(ws, text)  # warm the caches once
            ours: list[float] = []
            base: list[float] = []
            hits = 0
            for _ in range(runs):
                t0 = time.perf_counter()
                result = search(ws, text, limit=LIMIT)
                ours.append(time.perf_counter() - t0)
                hits = len(result.hits)
                t0 = time.perf_counter()
                raw.execute(statement, (expression, LIMIT + 1)).fetchall()
                base.append(time.perf_counter() - t0)
            all_ours += ours
            all_raw += base
            print(f"{text:<16} {hits:>5} {_median_ms(ours):>8.2f}ms {_median_ms(base):>8.2f}ms")
    finally:
        raw.close()
        ws.close()
    return _median_ms(all_ours), _median_ms(all_raw)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sizes", default="1000,100000", help="article counts, comma-separated")
    args = parser.parse_args()
    targets = {1000: 5.0, 100_000: 30.0}
    summary = []
    for articles in (int(s) for s in args.sizes.split(",")):
        path = workspace_for(articles)
        size_mb = path.stat().st_size / 2**20
        print(
            f"\n== {articles:,} articles, {articles * CLAIMS_PER_ARTICLE:,} claims "
            f"({size_mb:,.0f} MB), median of {args.runs} runs per query, {LIMIT} hits"
        )
        ours, base = measure(path, args.runs)
        target = targets.get(articles)
        verdict = (
            ""
            if target is None
            else f"  target ≤ {target:g} ms: " + ("met" if ours <= target else "MISSED")
        )
        print(f"{'all queries':<16} {'':>5} {ours:>8.2f}ms {base:>8.2f}ms{verdict}")
        summary.append((articles, ours, base, verdict))
    print("\nsummary (median over all queries):")
    for articles, ours, base, verdict in summary:
        print(f"  {articles:>7,} articles: search() {ours:.2f} ms, raw FTS5 {base:.2f} ms{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
