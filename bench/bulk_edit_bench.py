"""Editing thousands of claims at once from the claims table, timed.

Builds a workspace of CLAIMS synthetic claims (50,000 by default), opens the real
claims table offscreen, selects every row (Ctrl+A) and times: naming the selected
claims (ids read by position, no rows), one bulk status change, one tag added, its
undo, and the table's refresh after each.  Prints the figures; asserts nothing.

Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/bulk_edit_bench.py [CLAIMS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.synthetic import claim_row, insert_claims
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.models import Status
from db.workspace import open_workspace
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs

TEXT = " ".join(f"Sentence {n} says {n * 7} boats left port." for n in range(400))


def _settle(view: ClaimsTableView, limit: float = 120.0) -> float:
    began = time.perf_counter()
    while view.model.busy and time.perf_counter() - began < limit:
        QCoreApplication.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - began


def main(claims: int) -> int:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "bulk.sqlite")
        bind_analyst(ws)
        article = add_article(ws, NewArticle(text=TEXT, original=TEXT.encode(), title="Port"))
        rows = (
            claim_row(
                article.id, TEXT, (n * 11) % 9000, (n * 11) % 9000 + 20, status=Status.UNVERIFIED
            )
            for n in range(claims)
        )
        insert_claims(ws, rows)
        view = ClaimsTableView(AppContext(ws, RecordingDialogs()))
        view.resize(1200, 500)
        view.show()
        _settle(view)
        view.table.setFocus()
        QTest.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        began = time.perf_counter()
        ids = view.selected_claim_ids()
        named = time.perf_counter() - began
        print(f"claims: {claims:,}; rows held by the table: {len(view.model.held_rows()):,}")
        print(f"name the {len(ids):,} selected claims: {named * 1000:8.1f} ms")
        for label, action in (
            ("set status In review", lambda: view.set_status(ids, Status.IN_REVIEW)),
            ("add a tag", lambda: view.add_tag(ids, "harbour")),
            ("undo the tag", view.ctx.undo_stack.undo),
            ("undo the status", view.ctx.undo_stack.undo),
        ):
            began = time.perf_counter()
            action()
            wrote = time.perf_counter() - began
            refresh = _settle(view)
            print(f"{label:22}: {wrote * 1000:8.1f} ms write, {refresh * 1000:7.1f} ms refresh")
        view.close()
        ws.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000))
