"""Peak Python memory of an XLSX export of many claims (streamed, constant memory).

Usage: python bench/export_xlsx_memory.py [N ...]   (default: 10000 100000)

Builds a throw-away SQLite workspace with N claims on a synthetic article,
exports all of them with tracemalloc running and prints the peak allocation.

Rows are streamed (XlsxWriter constant_memory); what grows is XlsxWriter's
table of hyperlinks, which the exporter caps at 65,000 per sheet (Excel's own
limit is 65,530), so the peak levels off once that many URLs are written.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import claim_row, insert_claims
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.claims import ClaimFilter
from db.exporting.xlsx import write_xlsx
from db.workspace import open_workspace

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()


def build(path: Path, n: int) -> None:
    ws = open_workspace(path)
    analyst = bind_analyst(ws)
    text = " ".join(WORDS[i % len(WORDS)] for i in range(20000))
    article = add_article(
        ws,
        NewArticle(
            text=text,
            original=text.encode(),
            title="Synthetic article",
            url="https://bench.example/a",
            published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        ),
    )
    now = dt.datetime.now(dt.UTC)
    rows = (
        claim_row(
            article.id,
            text,
            (i * 7) % (len(text) - 60),
            (i * 7) % (len(text) - 60) + 40,
            statement=f"Statement number {i}: " + text[(i * 7) % (len(text) - 60) :][:80],
            analyst=analyst,
            now=now,
        )
        for i in range(n)
    )
    insert_claims(ws, rows)
    ws.close()


def measure(n: int) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite"
        build(db_path, n)
        ws = open_workspace(db_path)
        bind_analyst(ws)
        out = Path(tmp) / "out.xlsx"
        tracemalloc.start()
        began = time.perf_counter()
        count = write_xlsx(ws, ClaimFilter(), out)
        seconds = time.perf_counter() - began
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == n, (count, n)
        size = out.stat().st_size
        ws.close()
    return peak / 2**20, seconds, size


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    for n in sizes:
        peak, seconds, size = measure(n)
        print(
            f"{n:>8} claims: peak {peak:6.1f} MiB traced, {seconds:6.1f} s, "
            f"file {size / 2**20:.1f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
