"""Timing of the claims table at scale: load, filter, sort, refresh, and view scrolling.

QT_QPA_PLATFORM=offscreen .venv/bin/python bench/claims_table_bench.py [--claims 100000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmark import build_workspace  # noqa: E402

from db.claims import ClaimFilter, list_claims  # noqa: E402
from db.comments import add_comment  # noqa: E402
from db.models import Status  # noqa: E402


def timed(label: str, action) -> object:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = action()
    print(f"{label:<48} {(time.perf_counter() - t0) * 1000:8.0f} ms")
    return out


def wait_loaded(app, model) -> None:  # type: ignore[no-untyped-def]
    while model.loading:
        app.processEvents()
        time.sleep(0.001)


def gui_stall(app, model) -> float:  # type: ignore[no-untyped-def]
    """The longest stretch the GUI thread was busy during ``model.load_async()``."""
    t0 = time.perf_counter()
    model.load_async()
    longest = time.perf_counter() - t0
    while model.loading:
        t0 = time.perf_counter()
        app.processEvents()  # runs the swap-in once the rows arrive
        longest = max(longest, time.perf_counter() - t0)
        time.sleep(0.001)
    return longest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.claims_table import ClaimsTableView
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="claimdesk-table-") as tmp:
        per = 2000
        ws, _ = timed(
            f"build {args.claims:,} claims",
            lambda: build_workspace(
                Path(tmp) / "t.sqlite", max(1, args.claims // per), 20_000, per
            ),
        )
        timed("db.claims.list_claims (all)", lambda: list_claims(ws))
        ctx = AppContext(ws, RecordingDialogs())
        view = timed("ClaimsTableView construct (load starts)", lambda: ClaimsTableView(ctx))
        model = view.model
        timed("  until the background load is shown", lambda: wait_loaded(app, model))
        view.resize(1400, 900)
        view.show()
        timed("first paint", lambda: app.processEvents())
        print(f"rows: {model.rowCount():,}")
        timed("model.load() again (GUI thread)", model.load)
        stall = gui_stall(app, model)
        print(f"{'model.load_async(): longest GUI-thread stall':<48} {stall * 1000:8.0f} ms")
        timed(
            "filter: status verified (until shown)",
            lambda: (
                view.set_filter(ClaimFilter(statuses=frozenset({Status.VERIFIED}))),
                wait_loaded(app, model),
            ),
        )
        timed(
            "filter: text 'troops' (until shown)",
            lambda: (view.set_filter(ClaimFilter(text="troops")), wait_loaded(app, model)),
        )
        view.set_filter(ClaimFilter())
        wait_loaded(app, model)
        for n in range(0, args.claims, max(1, args.claims // 1000)):
            add_comment(ws, model.claim_id_at(n), "Bench question")
        timed("model.load() with 1,000 open threads", model.load)
        timed("refresh open-thread counts", model.refresh_thread_counts)
        timed("sort by statement", lambda: view.table.sortByColumn(4, Qt.SortOrder.AscendingOrder))
        timed(
            "sort by status desc", lambda: view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        )
        ids = [model.claim_id_at(i) for i in range(0, 100)]
        timed("refresh 100 changed ids in place", lambda: ctx.claims_changed(ids))

        def scroll() -> None:
            bar = view.table.verticalScrollBar()
            for i in range(50):
                bar.setValue(bar.maximum() * i // 50)
                view.table.viewport().repaint()

        timed("scroll + repaint 50 pages", scroll)
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
