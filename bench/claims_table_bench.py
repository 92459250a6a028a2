"""The claims table at scale, through the real ClaimsTableView widget.

PYTHONPATH=. .venv/bin/python bench/claims_table_bench.py [--claims 1000000]

Prints, in milliseconds: first rows painted, sort by each column (until the new first
rows are painted, and the longest the GUI thread was busy meanwhile), filter by
status, text filter (first rows, then the count).  Baselines measured in the same
run: a plain ``sqlite3`` cursor reading the first page in the same order, and one
repaint of the rows shown (the GUI-thread cost any change of rows pays).

The workspace (10,000 articles, 100 claims each for 1,000,000 claims, a third of
them in review or disputed, one in twenty relayed) is built once with bulk SQL and
cached under /tmp.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.analysts import bind_analyst  # noqa: E402
from db.models import Status  # noqa: E402
from db.search import schema as search_schema  # noqa: E402
from db.workspace import open_workspace  # noqa: E402

WORDS = (
    "officials said the troops moved to training camps near the border while analysts "
    "questioned the figure of 1,500 soldiers and Kyiv put the number at 12,000 "
    "Министр École 원산 according to intelligence briefings on Thursday"
).split()
STATUSES = list(Status)
CACHE = Path("/tmp/claimdesk-table-bench")
SCHEMA_MARK = "0009r"  # rebuild the cached file when the schema or the data built changes


def _hex() -> str:
    return uuid.uuid4().hex


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def build(path: Path, articles: int, per_article: int, seed: int = 7) -> None:
    """A workspace with *articles* × *per_article* claims, sources and tags, by bulk SQL."""
    ws = open_workspace(path)  # the schema, stamped at head
    analyst = bind_analyst(ws)
    analyst_hex = analyst.hex
    with ws.engine.begin() as conn:  # the full-text index is made in one pass at the end
        search_schema.drop(conn)
    ws.close()
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    base = dt.datetime(2026, 1, 1)
    stamp = base.strftime("%Y-%m-%d %H:%M:%S.%f")
    sources = [(_hex(), f"Source {n:04d} {rng.choice(WORDS)}") for n in range(1000)]
    conn.executemany(
        "INSERT INTO source (id, name, kind, affiliation, aliases, default_reliability, notes,"
        " created_at, updated_at, version) VALUES (?, ?, 'other', '', '[]', NULL, '', ?, ?, 1)",
        [(sid, name, stamp, stamp) for sid, name in sources],
    )
    tags = [(_hex(), f"tag-{n:02d}") for n in range(50)]
    conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", tags)
    for a in range(articles):
        text = " ".join(_sentence(rng, 8, 20) + "." for _ in range(per_article))
        aid = _hex()
        conn.execute(
            "INSERT INTO article (id, title, outlet, author, url, published_at, published_zone,"
            " text, original, sha256, filename, encoding, format, created_at, updated_at,"
            " version) VALUES (?, ?, '', '', '', NULL, '', ?, ?, ?, ?, 'utf-8', 'txt', ?, ?, 1)",
            (
                aid,
                f"Bench article {a:05d}",
                text,
                b"",
                hashlib.sha256(f"bench-{a}".encode()).hexdigest(),
                f"bench-{a}.txt",
                stamp,
                stamp,
            ),
        )
        claims = []
        links = []
        relays = []
        step = max(1, len(text) // per_article)
        for i in range(per_article):
            start = min(i * step, len(text) - 41)
            end = start + rng.randint(5, 40)
            n = a * per_article + i
            cid = _hex()
            event = base.date() + dt.timedelta(days=rng.randint(0, 900))
            updated = base + dt.timedelta(seconds=rng.randint(0, 300 * 86400))
            claims.append(
                (
                    cid,
                    aid,
                    start,
                    end,
                    text[start:end],
                    text[max(0, start - 32) : start],
                    text[end : end + 32],
                    _sentence(rng, 4, 14),
                    sources[rng.randrange(len(sources))][0] if rng.random() < 0.6 else None,
                    "ABCDEF"[n % 6] if n % 4 else None,
                    1 + n % 6 if n % 4 else None,
                    STATUSES[n % len(STATUSES)].value,
                    event.isoformat() if n % 3 == 0 else None,
                    (event + dt.timedelta(days=2)).isoformat() if n % 9 == 0 else None,
                    updated.strftime("%Y-%m-%d %H:%M:%S.%f"),
                    analyst_hex,
                )
            )
            if rng.random() < 0.1:
                links.append((cid, tags[rng.randrange(len(tags))][0]))
            if rng.random() < 0.05:  # relayed by one or two sources
                for position in range(rng.randint(1, 2)):
                    relay = sources[rng.randrange(len(sources))][0]
                    relays.append((_hex(), cid, position, relay))
        conn.executemany(
            'INSERT INTO claim (id, article_id, start, "end", quote, prefix, suffix, statement,'
            " kind, source_id, reliability, credibility, status, event_start, event_end, notes,"
            " created_at, updated_at, version, created_by_id, updated_by_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'figure', ?, ?, ?, ?, ?, ?, '', ?, ?, 1, ?, ?)",
            [(*c[:14], stamp, c[14], c[15], c[15]) for c in claims],
        )
        conn.executemany("INSERT INTO claim_tag (claim_id, tag_id) VALUES (?, ?)", links)
        conn.executemany(
            "INSERT INTO claim_relay (id, claim_id, position, source_id) VALUES (?, ?, ?, ?)",
            relays,
        )
        if a % 500 == 499:
            conn.commit()
    conn.commit()
    conn.close()
    ws = open_workspace(path)
    with ws.engine.begin() as sa_conn:
        search_schema.create(sa_conn)
        sa_conn.exec_driver_sql("ANALYZE")
    ws.close()


def workspace_file(claims: int) -> Path:
    per_article = 100 if claims >= 100_000 else max(1, claims // 100)
    articles = max(1, claims // per_article)
    path = CACHE / f"table-{articles}x{per_article}-{SCHEMA_MARK}.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".building")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        t0 = time.perf_counter()
        build(partial, articles, per_article)
        for extra in ("-wal", "-shm"):
            Path(str(partial) + extra).unlink(missing_ok=True)
        partial.rename(path)
        print(f"built {articles * per_article:,} claims in {time.perf_counter() - t0:.0f} s")
    return path


# ---------------------------------------------------------------- measuring


class Stall:
    """The longest stretch the GUI thread spent in one event-loop step."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.longest = 0.0

    def spin_until(self, done: Callable[[], bool], timeout: float = 120.0) -> float:
        t0 = time.perf_counter()
        while not done():
            s = time.perf_counter()
            self.app.processEvents()
            self.longest = max(self.longest, time.perf_counter() - s)
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError("the claims table did not settle")
            time.sleep(0.0005)
        return time.perf_counter() - t0


def painted_rows(view: Any) -> bool:
    """The visible rows are all read (no placeholder left) and the viewport repainted."""
    model = view.model
    top = view.table.rowAt(0)
    if model.loading or (top < 0 and model.rowCount()):
        return False
    bottom = view.table.rowAt(view.table.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return all(model.is_loaded(r) for r in range(max(top, 0), bottom + 1))


def baseline_page(path: Path, order: str, where: str = "") -> float:
    conn = sqlite3.connect(path)
    try:
        t0 = time.perf_counter()
        conn.execute(
            "SELECT claim.id, claim.status, claim.statement, claim.quote, article.title "
            f"FROM claim JOIN article ON article.id = claim.article_id {where} "
            f"ORDER BY {order} LIMIT 200"
        ).fetchall()
        return time.perf_counter() - t0
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=1_000_000)
    args = parser.parse_args()
    path = workspace_file(args.claims)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from db.claims import ClaimFilter
    from desktop.claims_table import ClaimsTableView
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.models.claims_model import COLUMN_TITLES

    app = QApplication.instance() or QApplication([])
    print(f"load average {os.getloadavg()[0]:.2f}; workspace {path}")
    ws = open_workspace(path)
    ctx = AppContext(ws, RecordingDialogs())
    stall = Stall(app)
    base = baseline_page(path, "article.title, claim.start")

    def line(label: str, seconds: float, baseline: float | None = None) -> None:
        extra = f"   baseline {baseline * 1000:7.1f} ms" if baseline is not None else ""
        print(f"{label:<44} {seconds * 1000:8.1f} ms{extra}")

    t0 = time.perf_counter()
    view = ClaimsTableView(ctx)
    view.resize(1400, 700)
    view.show()
    stall.spin_until(lambda: painted_rows(view))
    line("first rows painted", time.perf_counter() - t0, base)
    stall.spin_until(lambda: view.model.count_known)
    line("  row count shown", time.perf_counter() - t0)
    print(f"  rows: {view.model.rowCount():,}; GUI busy at most {stall.longest * 1000:.1f} ms")
    repaints = []
    for _ in range(5):
        t1 = time.perf_counter()
        view.table.viewport().repaint()
        repaints.append(time.perf_counter() - t1)
    line("baseline: one repaint of the rows shown", sorted(repaints)[2])

    for col, title in enumerate(COLUMN_TITLES):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            stall.longest = 0.0
            t0 = time.perf_counter()
            view.table.sortByColumn(col, order)
            took = stall.spin_until(lambda: painted_rows(view))
            took = time.perf_counter() - t0
            word = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
            print(
                f"{'sort by ' + title + ' ' + word:<44} {took * 1000:8.1f} ms"
                f"   GUI busy at most {stall.longest * 1000:5.1f} ms"
            )
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.set_filter(ClaimFilter())
    stall.spin_until(lambda: painted_rows(view) and view.model.count_known)

    cases = [
        ("filter by status (in review)", ClaimFilter(statuses=frozenset({Status.IN_REVIEW}))),
        ("text filter 'thursday' (ASCII)", ClaimFilter(text="thursday")),
        ("text filter 'министр' (Cyrillic)", ClaimFilter(text="министр")),
        ("text filter 'no such words' (no match)", ClaimFilter(text="no such words")),
    ]
    for label, flt in cases:
        stall.longest = 0.0
        t0 = time.perf_counter()
        view.set_filter(flt)
        stall.spin_until(lambda: painted_rows(view))
        first = time.perf_counter() - t0
        stall.spin_until(lambda: view.model.count_known)
        counted = time.perf_counter() - t0
        print(
            f"{label:<44} {first * 1000:8.1f} ms   count {counted * 1000:7.1f} ms"
            f" ({view.model.rowCount():,} rows)   GUI busy at most {stall.longest * 1000:5.1f} ms"
        )
        view.set_filter(ClaimFilter())
        stall.spin_until(lambda: painted_rows(view) and view.model.count_known)
    ws.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--build-only":
        print(workspace_file(int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000))
        raise SystemExit(0)
    raise SystemExit(main())
