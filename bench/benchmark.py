"""Timing of the operations analysts feel: open a long article, make a claim, load, export.

Run from the project folder::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/benchmark.py [--runs 5] [--claims 100000]

Each line prints the median (and min/max) of several runs.  A line whose
component is missing prints ``skipped: <why>`` instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from bench.synthetic import claim_row, insert_claims  # noqa: E402
from db.analysts import bind_analyst  # noqa: E402
from db.articles import NewArticle, add_article  # noqa: E402
from db.models import ClaimKind, Status  # noqa: E402
from db.workspace import Workspace, open_workspace  # noqa: E402

WORDS = (
    "officials said the troops moved to training camps near the border while analysts "
    "questioned the figure of 1,500 soldiers and Kyiv put the number at 12,000 "
    "원산 Владивосток according to intelligence briefings on Thursday"
).split()
STATUSES = list(Status)


@dataclass
class Result:
    name: str
    times: list[float] | None = None
    note: str = ""


def make_text(chars: int, seed: int) -> str:
    """Plausible-looking prose of about *chars* code points, in paragraphs."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        if rng.random() < 0.2:
            sentence += "\n\n"
        else:
            sentence += " "
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:chars]


def claim_rows(article_id: uuid.UUID, text: str, count: int, seed: int) -> Iterator[dict]:
    """Row dicts for a Core insert: *count* claims spread over *text*."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    step = max(1, (len(text) - 60) // count)
    for i in range(count):
        start = min(i * step + rng.randint(0, 10), len(text) - 41)
        yield claim_row(
            article_id,
            text,
            start,
            start + rng.randint(5, 40),
            status=STATUSES[i % len(STATUSES)],
            now=now,
            kind=ClaimKind.FIGURE,
            reliability="ABCDEF"[i % 6],
            credibility=1 + i % 6,
        )


def bulk_claims(ws: Workspace, article_id: uuid.UUID, text: str, count: int, seed: int) -> None:
    insert_claims(ws, claim_rows(article_id, text, count, seed))


def build_workspace(
    path: Path, articles: int, chars: int, claims_per_article: int
) -> tuple[Workspace, list[uuid.UUID]]:
    ws = open_workspace(path)
    bind_analyst(ws)
    ids = []
    for n in range(articles):
        text = make_text(chars, seed=n)
        new = NewArticle(text=text, original=f"bench-{n}".encode(), title=f"Bench article {n}")
        info = add_article(ws, new)
        bulk_claims(ws, info.id, text, claims_per_article, seed=n)
        ids.append(info.id)
    return ws, ids


def timed(runs: int, action: Callable[[], None], setup: Callable[[], None] | None = None) -> list:
    out = []
    for _ in range(runs):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        action()
        out.append(time.perf_counter() - t0)
    return out


# ---------------------------------------------------------------- the benchmarks


def bench_reader(
    ws: Workspace, article_id: uuid.UUID, runs: int, chars: int, claims: int
) -> list[Result]:
    label = f"(a) open {chars // 1000}k-char article, {claims:,} claims"
    try:
        from PySide6.QtGui import QTextCursor
        from PySide6.QtWidgets import QApplication

        from desktop.context import AppContext
        from desktop.reader import ReaderView
    except ImportError as exc:
        why = f"skipped: {exc}"
        return [
            Result(label, note=why),
            Result("(b) new claim from selection", note=why),
        ]
    app = QApplication.instance() or QApplication([])
    ctx = AppContext(ws)
    reader = ReaderView(ctx)
    reader.resize(1100, 800)
    reader.show()
    app.processEvents()

    def paint() -> None:
        reader.viewport().repaint()
        app.processEvents()

    def open_it() -> None:
        reader.open_article(article_id)
        paint()

    opened = timed(runs, open_it, setup=reader.clear_article)
    results = [Result(label, opened)]
    if len(reader.claims) != claims:
        results[0].note = f"reader shows {len(reader.claims)} claims"

    rng = random.Random(7)
    text = reader.toPlainText()

    def select_words() -> None:
        ctx.undo_stack.clear()
        start = rng.randint(0, len(text) - 100)
        cursor = reader.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + 30, QTextCursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)

    def create() -> None:
        if not reader.new_claim_from_selection():
            raise RuntimeError("the claim was not created")
        paint()

    made = timed(runs, create, setup=select_words)
    results.append(Result("(b) new claim from selection (commit + repaint)", made))
    reader.close()
    return results


def bench_table(ws: Workspace, runs: int, total: int) -> Result:
    name = f"(c) claims table model load, {total:,} claims"
    try:
        from PySide6.QtWidgets import QApplication

        from desktop.models.claims_model import ClaimsTableModel
    except ImportError as exc:
        return Result(name, note=f"skipped: {exc}")
    QApplication.instance() or QApplication([])
    model = ClaimsTableModel(lambda: ws)
    loaded: list[int] = []
    times = timed(runs, lambda: loaded.append(model.load()))
    note = "" if loaded[-1] == total else f"loaded {loaded[-1]} rows"
    return Result(name, times, note)


def bench_export(ws: Workspace, runs: int, total: int, folder: Path) -> Result:
    name = f"(d) export {total:,} claims to CSV"
    try:
        from db.claims import ClaimFilter
        from db.exporting import export
    except ImportError as exc:
        return Result(name, note=f"skipped: {exc}")
    target = folder / "claims.csv"
    written: list[int] = []
    times = timed(runs, lambda: written.append(export(ws, "csv", ClaimFilter(), target)))
    size = target.stat().st_size / 2**20
    note = f"{written[-1]:,} rows, {size:.1f} MiB"
    return Result(name, times, note)


def print_table(results: list[Result], runs: int) -> None:
    header = f"{'benchmark':<52} {'median':>9} {'min':>9} {'max':>9}  notes"
    print(header)
    print("-" * len(header))
    for r in results:
        if r.times is None:
            print(f"{r.name:<52} {r.note}")
            continue
        med, lo, hi = statistics.median(r.times), min(r.times), max(r.times)
        print(
            f"{r.name:<52} {med * 1000:>7.0f}ms {lo * 1000:>7.0f}ms {hi * 1000:>7.0f}ms  {r.note}"
        )
    print(f"({runs} runs each; times in milliseconds)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--claims", type=int, default=100_000, help="claims for (c) and (d)")
    parser.add_argument("--chars", type=int, default=200_000, help="article length for (a)")
    parser.add_argument("--reader-claims", type=int, default=2000, help="claims for (a)")
    args = parser.parse_args(argv)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="claimdesk-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        ws, ids = build_workspace(folder / "reader.sqlite", 1, args.chars, args.reader_claims)
        print(f"built reader workspace in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        try:
            results += bench_reader(ws, ids[0], args.runs, args.chars, args.reader_claims)
        finally:
            ws.close()

        per_article = min(2000, args.claims)
        articles = max(1, args.claims // per_article)
        t0 = time.perf_counter()
        ws, _ = build_workspace(folder / "big.sqlite", articles, 20_000, per_article)
        print(
            f"built {args.claims:,}-claim workspace in {time.perf_counter() - t0:.1f}s",
            file=sys.stderr,
        )
        try:
            total = articles * per_article
            results.append(bench_table(ws, args.runs, total))
            results.append(bench_export(ws, args.runs, total, folder))
        finally:
            ws.close()
    print_table(results, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
