"""The baselines the suite compares ClaimDesk with, each in a fresh process (run by bench/run.py).

    python bench/baselines.py '<json parameters>'

* ``window``: a bare PySide6 ``QMainWindow`` of the size ClaimDesk opens at, with SQLAlchemy
  imported and an engine connected to the same workspace file, until painted;
* ``highlight``: a ``QTextEdit`` showing the article, a ``QSyntaxHighlighter`` painting its
  claims' spans in status colours (text and spans read with ``sqlite3``), until painted;
* ``csv`` / ``xlsx``: a plain ``sqlite3`` cursor over the claim sheet's columns into
  ``csv.writer`` / XlsxWriter with ``constant_memory``;
* ``import``: read each file, decode, SHA-256 it and insert it with ``sqlite3`` (one
  transaction, the app's pragmas);
* ``table``: the SQL a windowed claims table needs at least: the first page, the first page
  sorted by a column, filtered by status, and an SQLite FTS5 text match.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import json
import sqlite3
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.qtwatch import T0, peak_rss_mb, write_result  # noqa: E402

FIRST_START_WIDTH = 0.92  # the share of the screen ClaimDesk's first window takes
FIRST_START_HEIGHT = 0.9
PAGE = 100

# The claim sheet's columns, as plain SQL over the stored rows.
SHEET_SQL = """
SELECT c.id, c.statement, c.quote, c.start, c."end", a.title, a.outlet, a.url,
       a.published_at, s.name,
       (SELECT group_concat(rs.name, '; ') FROM
          (SELECT r.name FROM claim_relay cr JOIN source r ON r.id = cr.source_id
            WHERE cr.claim_id = c.id ORDER BY cr.position) AS rs),
       coalesce(c.reliability, '') || coalesce(c.credibility, ''),
       c.reliability, c.credibility, c.status, c.contested,
       v.name, v.decided_at, v.rationale,
       c.event_start,
       (SELECT group_concat(t.name, '; ') FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
         WHERE ct.claim_id = c.id),
       (SELECT group_concat(l.relation || ' ' || l.to_claim_id, '; ') FROM claim_link l
         WHERE l.from_claim_id = c.id),
       (SELECT group_concat(u.from_claim_id, '; ') FROM claim_link u
         WHERE u.to_claim_id = c.id AND u.relation = 'updates'),
       (SELECT group_concat(e.stance || ': ' || e.url, '; ') FROM evidence e
         WHERE e.claim_id = c.id)
FROM claim c JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id
LEFT JOIN (SELECT vd.claim_id, vd.status, an.name, vd.decided_at, vd.rationale,
                  row_number() OVER (PARTITION BY vd.claim_id, vd.status
                                     ORDER BY vd.decided_at DESC) AS n
             FROM verdict vd LEFT JOIN analyst an ON an.id = vd.reviewer_id) AS v
       ON v.claim_id = c.id AND v.status = c.status AND v.n = 1
ORDER BY a.published_at, c.start
"""
# The same 24 columns as the CSV claim sheet (db.exporting.rows.COLUMNS).
HEADER = (
    "id statement quote start end article_title outlet url published_at source relayed_by "
    "grading reliability credibility status contested verifier verdict_at rationale "
    "event_date tags links superseded_by evidence"
).split()


# The XLSX sheet's 27 columns (db.exporting.xlsx.CLAIM_COLUMNS): the CSV's, with the
# article's zone beside its time, the event's end beside its start, and the notes.
XLSX_SQL = (
    SHEET_SQL.replace("a.published_at, s.name,", "a.published_at, a.published_zone, s.name,")
    .replace("c.event_start,", "c.event_start, c.event_end,")
    .replace(
        "         WHERE e.claim_id = c.id)\nFROM",
        "         WHERE e.claim_id = c.id),\n       c.notes\nFROM",
    )
)
XLSX_HEADER = (
    "id statement quote start end article_title outlet url published_at published_zone "
    "source relayed_by grading reliability credibility status contested verifier "
    "verdict_at rationale event_start event_end tags links superseded_by evidence notes"
).split()


def since_start() -> float:
    return time.time() - T0


def _until_painted(widget: Any, action: Any) -> float:
    """Run *action*; ``perf_counter()`` once the next paint of *widget* has been delivered."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    done: list[float] = []
    loop = QEventLoop()

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not done:
                done.append(-1.0)
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        done[0] = time.perf_counter()
        loop.quit()

    spy = FirstPaint()
    widget.installEventFilter(spy)
    action()
    loop.exec()
    widget.removeEventFilter(spy)
    return done[0]


def _show_and_paint(widget: Any) -> float:
    """Show *widget*; seconds since start once its first paint has been delivered."""
    done = _until_painted(widget, widget.show)
    return since_start() - (time.perf_counter() - done)


def first_start_size(app: Any) -> tuple[int, int]:
    area = app.primaryScreen().availableGeometry()
    return int(area.width() * FIRST_START_WIDTH), int(area.height() * FIRST_START_HEIGHT)


def baseline_window(params: dict[str, Any]) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QMainWindow
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{params['db']}")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    window.resize(*first_start_size(app))
    painted = _show_and_paint(window)
    engine.dispose()
    return {"painted": painted, "rss_peak": peak_rss_mb()}


def baseline_highlight(params: dict[str, Any]) -> dict[str, Any]:
    from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication([sys.argv[0]])  # noqa: F841 (kept: the editor needs it)
    editor = QTextEdit()
    editor.setReadOnly(True)
    editor.resize(*params.get("size", (1000, 700)))
    _show_and_paint(editor)
    colours = {
        "unverified": "#fde68a",
        "in_review": "#bfdbfe",
        "verified": "#bbf7d0",
        "disputed": "#fecaca",
        "false": "#e9d5ff",
        "unverifiable": "#e5e7eb",
    }
    formats = {}
    for status, colour in colours.items():
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        formats[status] = fmt

    class Spans(QSyntaxHighlighter):
        def __init__(self, spans: list[tuple[int, int, str]], parent: Any) -> None:
            super().__init__(parent)
            self.spans = spans
            self.starts = [s[0] for s in spans]

        def highlightBlock(self, text: str) -> None:
            block = self.currentBlock()
            first, last = block.position(), block.position() + len(text)
            n = max(0, bisect.bisect_right(self.starts, first) - 1)
            while n < len(self.spans) and self.spans[n][0] < last:
                start, end, status = self.spans[n]
                if end > first:
                    lo = max(start, first) - first
                    self.setFormat(lo, min(end, last) - first - lo, formats[status])
                n += 1

    began = time.perf_counter()
    with sqlite3.connect(params["db"]) as db:
        (text,) = db.execute(
            "SELECT text FROM article WHERE id = ?", (uuid.UUID(params["article"]).hex,)
        ).fetchone()
        spans = db.execute(
            'SELECT start, "end", status FROM claim WHERE article_id = ? ORDER BY start',
            (uuid.UUID(params["article"]).hex,),
        ).fetchall()
    kept: list[Spans] = []
    done = _until_painted(
        editor.viewport(),
        lambda: (editor.setPlainText(text), kept.append(Spans(spans, editor.document()))),
    )
    return {"seconds": done - began, "rss_peak": peak_rss_mb(), "spans": len(spans)}


def baseline_csv(params: dict[str, Any]) -> dict[str, Any]:
    began = time.perf_counter()
    rows = 0
    with sqlite3.connect(params["db"]) as db, open(params["path"], "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for row in db.execute(SHEET_SQL):
            writer.writerow(row)
            rows += 1
    return {"seconds": time.perf_counter() - began, "rows": rows, "rss_peak": peak_rss_mb()}


def baseline_xlsx(params: dict[str, Any]) -> dict[str, Any]:
    import xlsxwriter

    began = time.perf_counter()
    rows = 0
    book = xlsxwriter.Workbook(params["path"], {"constant_memory": True})
    sheet = book.add_worksheet("Claims")
    sheet.write_row(0, 0, XLSX_HEADER)
    with sqlite3.connect(params["db"]) as db:
        for row in db.execute(XLSX_SQL):
            rows += 1
            sheet.write_row(rows, 0, row)
    book.close()
    return {"seconds": time.perf_counter() - began, "rows": rows, "rss_peak": peak_rss_mb()}


def baseline_import(params: dict[str, Any]) -> dict[str, Any]:
    target = Path(params["path"])
    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    db = sqlite3.connect(target)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(
        "CREATE TABLE article (id TEXT PRIMARY KEY, title TEXT, text TEXT, original BLOB, "
        "sha256 TEXT UNIQUE, filename TEXT)"
    )
    db.commit()
    paths = sorted(Path(params["folder"]).glob("*.txt"))
    inserting = 0.0  # of the whole, the INSERTs' share (the rest is read, decode, hash)
    began = time.perf_counter()
    began_cpu = time.process_time()
    with db:
        for path in paths:
            raw = path.read_bytes()
            body = raw.decode("utf-8")
            row = (
                uuid.uuid4().hex,
                body.split("\n", 1)[0],
                body,
                raw,
                hashlib.sha256(raw).hexdigest(),
                path.name,
            )
            at = time.perf_counter()
            db.execute("INSERT INTO article VALUES (?, ?, ?, ?, ?, ?)", row)
            inserting += time.perf_counter() - at
        committing = time.perf_counter()
    ended = time.perf_counter()
    cpu = time.process_time() - began_cpu
    db.close()
    return {
        "seconds": ended - began,
        "cpu_seconds": cpu,
        "insert_seconds": inserting,
        "commit_seconds": ended - committing,
        "files": len(paths),
    }


SORT_SQL = {
    "status": "c.status",
    "grading": "c.reliability, c.credibility",
    "source": "s.name",
    "statement": "c.statement",
    "quote": "c.quote",
    "article": "a.title",
    "event": "c.event_start",
    "updated": "c.updated_at",
    "tags": "(SELECT min(t.name) FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
    "WHERE ct.claim_id = c.id)",
    "threads": "(SELECT count(*) FROM comment m WHERE m.claim_id = c.id AND NOT m.resolved)",
    "id": "c.id",
}


def _timed(db: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> float:
    began = time.perf_counter()
    db.execute(sql, args).fetchall()
    return time.perf_counter() - began


def baseline_table(params: dict[str, Any]) -> dict[str, Any]:
    """Plain SQL: a page of claims, sorted, filtered by status, matched with FTS5."""
    page = (
        "SELECT c.id, c.status, c.reliability, c.credibility, s.name, c.statement, c.quote, "
        "a.title, c.event_start, c.updated_at FROM claim c JOIN article a ON a.id = c.article_id "
        "LEFT JOIN source s ON s.id = c.source_id "
    )
    out: dict[str, Any] = {}
    with sqlite3.connect(f"file:{params['db']}?mode=ro", uri=True) as db:
        out["first_rows"] = _timed(db, page + f"LIMIT {PAGE}") + _timed(
            db, "SELECT count(*) FROM claim"
        )
        sorts = {}
        for key, expr in SORT_SQL.items():
            sorts[key] = _timed(db, page + f"ORDER BY {expr} LIMIT {PAGE}")
        out["sorts"] = sorts
        out["status_filter"] = _timed(
            db, page + f"WHERE c.status = 'disputed' LIMIT {PAGE}"
        ) + _timed(db, "SELECT count(*) FROM claim WHERE status = 'disputed'")
    with sqlite3.connect(params["fts"]) as fts:
        out["text_filter"] = _timed(
            fts,
            f"SELECT rowid FROM claim_fts WHERE claim_fts MATCH ? LIMIT {PAGE}",
            (params["word"],),
        ) + _timed(fts, "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", (params["word"],))
    return out


QUEUE = "(c.status IN ('in_review', 'disputed') OR c.contested = 1)"
# The same condition kept off the status and contested indexes (coalesce(x, x) is x), so
# SQLite walks the index of the order and stops after a page.
QUEUE_WALKED = (
    "(coalesce(c.status, c.status) IN ('in_review', 'disputed') "
    "OR coalesce(c.contested, c.contested) = 1)"
)
QUEUE_SORT_SQL = {
    "status": "c.status, c.status_since, c.id",
    "waiting": "c.status_since, c.id",
    "assignee": "c.assignee_id, c.status_since, c.id",
    "threads": "c.status_since, c.id",
    "article": "c.article_id, c.status_since, c.id",
    "source": "c.source_id, c.status_since, c.id",
    "grading": "coalesce(c.reliability, ''), coalesce(c.credibility, 0), c.status_since, c.id",
    "quote": "lower(c.quote), c.id",
}


def baseline_queue(params: dict[str, Any]) -> dict[str, Any]:
    """Plain SQL: the review queue's count, and a page in each order: the ids on the
    claim's indexes, then those rows with their article title and source name."""
    rows = (
        "SELECT c.id, c.status, c.status_since, c.assignee_id, c.reliability, c.credibility, "
        "c.quote, c.statement, a.title, s.name FROM claim c "
        "JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id "
        "WHERE c.id IN ({})"
    )
    out: dict[str, Any] = {}
    with sqlite3.connect(f"file:{params['db']}?mode=ro", uri=True) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(claim)")}
        since = "c.status_since" if "status_since" in columns else "c.created_at"
        if "status_since" not in columns:  # a workspace from before migration 0022
            out["note"] = "created_at for status_since (schema before 0022)"
            rows = rows.replace("c.status_since", since)

        def page(order: str) -> float:
            began = time.perf_counter()
            ids = [
                r[0]
                for r in db.execute(
                    f"SELECT c.id FROM claim c WHERE {QUEUE_WALKED} "
                    f"ORDER BY {order.replace('c.status_since', since)} LIMIT {PAGE}"
                )
            ]
            db.execute(rows.format(",".join("?" * len(ids))), ids).fetchall()
            return time.perf_counter() - began

        out["first_rows"] = _timed(db, f"SELECT count(*) FROM claim c WHERE {QUEUE}") + page(
            QUEUE_SORT_SQL["waiting"]
        )
        out["sorts"] = {key: page(order) for key, order in QUEUE_SORT_SQL.items()}
    return out


def build_fts(db_path: str, fts_path: str) -> None:
    """The FTS5 index the text-filter baseline searches (a fixture, built once)."""
    target = Path(fts_path)
    if target.exists():
        return
    building = target.with_name(target.name + ".building")
    building.unlink(missing_ok=True)
    with sqlite3.connect(building) as fts:
        fts.execute("ATTACH DATABASE ? AS ws", (db_path,))
        fts.execute("CREATE VIRTUAL TABLE claim_fts USING fts5(quote, statement, notes)")
        fts.execute(
            "INSERT INTO claim_fts(rowid, quote, statement, notes) "
            "SELECT rowid, quote, statement, notes FROM ws.claim"
        )
    building.rename(target)


BASELINES = {
    "window": baseline_window,
    "highlight": baseline_highlight,
    "csv": baseline_csv,
    "xlsx": baseline_xlsx,
    "import": baseline_import,
    "table": baseline_table,
    "queue": baseline_queue,
}


def main() -> int:
    params = json.loads(sys.argv[1])
    try:
        result = BASELINES[params["task"]](params)
    except Exception as exc:
        result = {"error": f"{type(exc).__name__}: {exc}"}
    write_result(params["result"], result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
