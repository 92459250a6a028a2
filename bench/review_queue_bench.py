"""The review queue at the size of a busy desk: open it, then Ctrl+E (a new claim) and verdicts.

    PYTHONPATH=. .venv/bin/python bench/review_queue_bench.py [--claims 100000] [--runs 30]

A workspace of *claims* claims over 100 articles, every third in review, with
one history entry per claim, is built directly (fixtures only).  Then, on the
real queue panel: the time to open it and paint, and the time from pushing the
"New claim" command (what Ctrl+E runs) until the queue has its row and has
repainted, with the SQL statements run.  The baseline, measured in the same
run, is a plain sqlite3 INSERT + commit of the same claim plus one row appended
to a bare QStandardItemModel shown in a QTableView of the same size.  Figures
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import event, insert  # noqa: E402
from synthetic import claim_row, insert_claims  # noqa: E402

from db.articles import NewArticle, add_article  # noqa: E402
from db.models import HistoryEntry, Status  # noqa: E402
from db.workspace import Workspace, open_workspace  # noqa: E402

ARTICLES = 100
WORDS = "the ministry said figures rose by percent in the year to march according to".split()


def article_text(n: int) -> str:
    body = " ".join(WORDS[(i * 7 + n) % len(WORDS)] for i in range(3000))
    return f"Report number {n}. {body}"


def build(path: Path, claims: int) -> tuple[Workspace, list[tuple[uuid.UUID, str]]]:
    ws = open_workspace(path)
    articles = []
    for n in range(ARTICLES):
        text = article_text(n)
        info = add_article(
            ws, NewArticle(text=text, original=text.encode(), filename=f"a{n}.txt", title=f"A {n}")
        )
        articles.append((info.id, text))
    base = dt.datetime.now(dt.UTC) - dt.timedelta(days=90)
    rows = []
    for i in range(claims):
        aid, text = articles[i % ARTICLES]
        start = (i * 13) % (len(text) - 60)
        status = Status.IN_REVIEW if i % 3 == 0 else Status.VERIFIED
        moment = base + dt.timedelta(seconds=i * 60)
        rows.append(claim_row(aid, text, start, start + 40, status=status, now=moment))
    insert_claims(ws, rows)
    history = [
        {
            "id": uuid.uuid4(),
            "at": r["created_at"],
            "entity_type": "claim",
            "entity_id": r["id"],
            "claim_id": r["id"],
            "action": "create",
            "changes": {"quote": [None, r["quote"]], "status": [None, r["status"].value]},
        }
        for r in rows
    ]
    for start in range(0, len(history), 5000):
        with ws.engine.begin() as conn:
            conn.execute(insert(HistoryEntry), history[start : start + 5000])
    return ws, articles


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from desktop.commands.claims import CreateClaimCommand
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.review import ReviewQueueView

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="queue-bench-"))
    t0 = time.perf_counter()
    ws, articles = build(tmp / "ws.sqlite", args.claims)
    print(
        f"load average {os.getloadavg()[0]:.2f}; built {args.claims} claims "
        f"({args.claims // 3 + (args.claims % 3 > 0)} in review) in "
        f"{time.perf_counter() - t0:.1f} s"
    )

    statements = [0]

    @event.listens_for(ws.engine, "before_cursor_execute")
    def _count(*_args: object) -> None:
        statements[0] += 1

    ctx = AppContext(ws, RecordingDialogs())
    t0 = time.perf_counter()
    view = ReviewQueueView(ctx)
    view.resize(1200, 400)
    view.show()
    view.wait_loaded()
    app.processEvents()
    opened = time.perf_counter() - t0
    in_queue = view.model.rowCount()

    # Baseline: a plain INSERT + commit through sqlite3 and a row added to a bare table.
    raw = sqlite3.connect(tmp / "baseline.sqlite")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE baseline (id, article_id, quote, status, start)")
    bare_model = QStandardItemModel(40, 8)
    for r in range(40):
        for c in range(8):
            bare_model.setItem(r, c, QStandardItem(f"cell {r}:{c}"))
    bare = QTableView()
    bare.setModel(bare_model)
    bare.resize(1200, 400)
    bare.show()
    app.processEvents()
    base_times = []
    for i in range(args.runs):
        aid, text = articles[i % ARTICLES]
        row = claim_row(aid, text, 5, 45, status=Status.IN_REVIEW)
        t0 = time.perf_counter()
        raw.execute(
            "INSERT INTO baseline VALUES (?, ?, ?, ?, ?)",
            (row["id"].hex, aid.hex, row["quote"], row["status"].value, json.dumps(row["start"])),
        )
        raw.commit()
        bare_model.appendRow([QStandardItem(row["quote"]) for _ in range(8)])
        app.processEvents()
        base_times.append(time.perf_counter() - t0)
    raw.close()

    # The queue's own share: time spent in its change handler and repaint.
    own = [0.0]
    handler = view.model.apply

    def timed_apply(changes: object) -> None:
        t0 = time.perf_counter()
        handler(changes)  # type: ignore[arg-type]
        own[0] += time.perf_counter() - t0

    view.model.apply = timed_apply  # type: ignore[method-assign]

    def ctrl_e(status: str) -> tuple[list[float], list[int], list[float]]:
        times, counts, shares = [], [], []
        for i in range(args.runs):
            aid, _text = articles[(i * 7) % ARTICLES]
            start = 100 + i * 50
            statements[0] = 0
            own[0] = 0.0
            t0 = time.perf_counter()
            ctx.undo_stack.push(CreateClaimCommand(ctx, aid, start, start + 30, status=status))
            t1 = time.perf_counter()
            app.processEvents()  # whatever repaint Qt scheduled
            t2 = time.perf_counter()
            times.append(t2 - t0)
            counts.append(statements[0])
            shares.append(own[0] + (t2 - t1))
        return times, counts, shares

    review_t, review_n, review_own = ctrl_e("in_review")
    plain_t, plain_n, plain_own = ctrl_e("unverified")
    statements[0] = 0
    t0 = time.perf_counter()
    for _ in range(args.runs):
        ctx.undo_stack.undo()  # each removes one claim: a row leaves the queue
        app.processEvents()
    undo_each = (time.perf_counter() - t0) / args.runs

    ms = 1000.0
    base = statistics.median(base_times) * ms
    print(f"queue rows: {in_queue} (then {view.model.rowCount()})")
    print(f"{'work':<52}{'median':>9}{'p90':>9}{'SQL':>6}{'× base':>8}")
    print(
        f"{'baseline: sqlite3 insert+commit, row added to a bare table':<52}{base:9.2f}"
        f"{pct(base_times, 0.9) * ms:9.2f}{1:6d}{1:8.1f}"
    )
    for label, times, counts, shares in (
        ("Ctrl+E, claim in review (row inserted)", review_t, review_n, review_own),
        ("Ctrl+E, claim not in review (queue unchanged)", plain_t, plain_n, plain_own),
    ):
        med = statistics.median(times) * ms
        print(
            f"{label:<52}{med:9.2f}{pct(times, 0.9) * ms:9.2f}"
            f"{int(statistics.median(counts)):6d}{med / base:8.1f}"
        )
        share = statistics.median(shares) * ms
        print(
            f"{'  of which the queue (update + repaint)':<52}{share:9.2f}"
            f"{pct(shares, 0.9) * ms:9.2f}{'':6}{share / base:8.1f}"
        )
    print(f"{'undo of a new claim (row removed), mean':<52}{undo_each * ms:9.2f}")
    print(f"{'open the queue and paint it':<52}{opened * ms:9.1f}")
    print(f"pages of rows read while running: {view.model.page_reads}")
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
