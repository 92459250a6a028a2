"""What contested and superseded claims cost the review queue and the claims table.

    PYTHONPATH=. .venv/bin/python bench/contested_bench.py [--size M] [--runs 15]

On a copy of the benchmark workspace (bench/build_workspaces.py; built when
missing), one verified claim in a hundred is marked contested and one claim
in a hundred is superseded by an *updates* link.  Printed, in milliseconds
(median of the runs): the review queue's order (db.review.queue_order, whose
condition now also asks for contested claims) and one claims-table page of
200 rows read by id (db.claim_rows.claim_rows, which now also reads each
row's contested mark and newer claim).  Baselines from the same run: plain
sqlite3 queries of the same rows without the new criteria.  Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build_workspaces import DEFAULT_OUT, build, sizes_for, workspace_path  # noqa: E402

from db import review  # noqa: E402
from db.claim_rows import claim_rows  # noqa: E402
from db.models import Claim  # noqa: E402
from db.review import queue_order  # noqa: E402
from db.workspace import Workspace, open_workspace  # noqa: E402


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm the caches once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def status_only(ws: Workspace, runs: int) -> float:
    """queue_order as it was before contested claims joined the queue."""
    contested_too = review.in_queue
    review.in_queue = lambda: Claim.status.in_(review.QUEUE_STATUSES)
    try:
        return median_ms(lambda: queue_order(ws), runs)
    finally:
        review.in_queue = contested_too


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="M")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    source = workspace_path(DEFAULT_OUT, args.size)
    if not source.exists():
        build(source, sizes_for(False)[args.size])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "contested.sqlite"
        shutil.copyfile(source, path)
        ws = open_workspace(path)  # upgrades a copy built before the contested column
        ws.close()
        con = sqlite3.connect(path)
        ids = [r[0] for r in con.execute("SELECT id FROM claim ORDER BY id")]
        con.execute("UPDATE claim SET contested = 1 WHERE status = 'verified' AND rowid % 100 = 0")
        now = "2026-12-05 00:00:00.000000"
        links = [
            (uuid.uuid4().hex, ids[i + 1], ids[i], "updates", "", now, now, 1)
            for i in range(0, len(ids) - 1, 100)
        ]
        con.executemany(
            "INSERT INTO claim_link (id, from_claim_id, to_claim_id, relation, note, "
            "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            links,
        )
        con.commit()
        contested = con.execute("SELECT count(*) FROM claim WHERE contested = 1").fetchone()[0]
        ws = open_workspace(path)
        page = [uuid.UUID(hex=i) for i in ids[len(ids) // 2 : len(ids) // 2 + 200]]
        hexes = ",".join(f"'{u.hex}'" for u in page)
        figures = {
            "queue order (waiting)": median_ms(lambda: queue_order(ws), args.runs),
            "  baseline: the same, asking for the statuses only": status_only(ws, args.runs),
            "  baseline: sqlite3 ids in review or disputed": median_ms(
                lambda: con.execute(
                    "SELECT id FROM claim WHERE status IN ('in_review', 'disputed')"
                ).fetchall(),
                args.runs,
            ),
            "  sqlite3 ids in review, disputed or contested": median_ms(
                lambda: con.execute(
                    "SELECT id FROM claim WHERE status IN ('in_review', 'disputed') "
                    "OR contested = 1"
                ).fetchall(),
                args.runs,
            ),
            "claims table: 200 rows by id": median_ms(lambda: claim_rows(ws, ids=page), args.runs),
            "  baseline: sqlite3 the same rows, no newer-claim look-up": median_ms(
                lambda: con.execute(f"SELECT * FROM claim WHERE id IN ({hexes})").fetchall(),
                args.runs,
            ),
            "  sqlite3 the same rows with the newer-claim look-up": median_ms(
                lambda: con.execute(
                    "SELECT c.*, (SELECT l.from_claim_id FROM claim_link l WHERE "
                    "l.to_claim_id = c.id AND l.relation = 'updates' LIMIT 1) "
                    f"FROM claim c WHERE c.id IN ({hexes})"
                ).fetchall(),
                args.runs,
            ),
        }
        ws.close()
        con.close()
    print(
        f"{len(ids):,} claims, {contested:,} contested, {len(links):,} superseded; "
        f"median of {args.runs} runs"
    )
    for name, ms in figures.items():
        print(f"{name:<58} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
