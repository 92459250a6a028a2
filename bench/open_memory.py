"""Peak memory of opening one very large article in the main window, beside bare editors.

Usage: PYTHONPATH=. .venv/bin/python bench/open_memory.py [--mib 50] [--repeat 1]
                                                          [--out /tmp/claimdesk-bench]

A workspace holding one article of *mib* MiB (newsroom prose from bench/prose.py, with
a Korean paragraph every so often besides the Cyrillic and Hangul names of the prose, so
Python keeps the text at two bytes a character) and a short note is built once with
ClaimDesk's own importer and cached under ``--out``.  Then, each in a fresh process:

* **window**: ClaimDesk started through its real entry point with ``--db`` (as
  bench/run.py does, bench/probe_app.py's ``open`` task), showing the note it was
  left on, then the long article clicked in the article list, until the window is
  painted and still (its suggestions shown);
* **QTextEdit** and **QPlainTextEdit**: a bare editor of that kind, shown, given the
  same text (read with ``sqlite3`` into one ``str``) with ``setPlainText`` and painted.

* **QPlainTextEdit in slices**: the text inserted from its row a slice at a time, no
  ``str`` of it held: what Qt's document and its block layouts cost alone.

Each prints the whole process's peak resident memory (VmHWM) and what it held before;
the load average is printed before and after, as every figure grows on a busy machine.

Figures, 7 December 2026, 50 MiB of prose (52,099,377 characters), peak MiB, one run
each (two for the window after), load average 0.3-0.7 on two CPUs:

  ==========================================  =====  ==========  ============
  opening the article                         peak   start       painted in
  ==========================================  =====  ==========  ============
  window, before (67180a0)                    745    136         5.4 s
  window, after                               416-419 135        3.5-3.7 s
  bare QTextEdit, setPlainText of one str     393    58          —
  bare QPlainTextEdit, the same               393    58          —
  bare QPlainTextEdit, slices, no str held    292    58          —
  ==========================================  =====  ==========  ============

(bench/probe_app.py read the window's peak after copying the reader's whole text
out for its own checks until this script came: 748 MiB before with that copy.)

Where the 745 went (resident MiB over the window's start): the text read whole as
one ``str`` (104, UTF-16 at two bytes a character) with SQLite's copy of its UTF-8
while reading (50); ``setPlainText`` copying that ``str`` into one QString (104) on
top of the document (134: the text as UTF-16 and its 253,611 blocks) and a layout per
block (about 90); the reader kept the ``str``; and, while all that was held, the
suggestions' worker found the article by its id with ``session.get``, which loaded
the whole row, text and file (some 250 for a moment), and read the text's length and
head with ``length()`` and ``substr()``, which make SQLite load the whole value (80).

After: the text is read from its row a slice at a time (``db.text_slices``) — once
to find its lines, astral and invisible characters and headings, once into the
document a slice at a time — and not kept besides the document; an id is found by
reading the id alone; the suggestions read the head of the text from the row.  What
is left is Qt's (the document and its block layouts, about 234 over a bare editor's
start, as the sliced baseline shows) on top of the window's start (135), with some
20-50 of the window's own (line starts, claim spans, the suggestions of the first
million characters).  The issue's 300 MB (286 MiB) is out of reach for any window
showing the whole text in a QPlainTextEdit: the bare editor given the text in slices
alone peaks at 292 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TITLE = "Long report for the memory bench"
NOTE = "Desk note"  # a short article, the one the window shows when it starts
# Written for this bench (not from any article): a Korean paragraph put in every so often.
KOREAN = (
    "강변시 당국은 목요일 저녁까지 침수 지역에서 1,240 가구가 대피했다고 밝혔다. "
    "지역 관계자들은 항구의 곡물 수출이 다음 주에 재개될 것이라고 말했다.\n\n"
)
KOREAN_EVERY = 40
SLICED = " in slices"
# setPlainText of one str read whole, as most programs would; and the text inserted a
# slice at a time from the row, no str of it held (what the document alone costs).
BASELINES = (
    "QTextEdit",
    "QPlainTextEdit",
    "QPlainTextEdit" + SLICED,
)  # prose chunks of about 25,000 characters between two Korean paragraphs


def write_article(path: Path, mib: int) -> None:
    """About *mib* MiB of UTF-8 prose with Korean paragraphs among it."""
    from bench.prose import sentences

    target = mib * 2**20
    with path.open("w", encoding="utf-8", newline="\n") as out:
        written, seed = 0, 0
        while written < target:
            text, _ = sentences(seed, 25_000)
            if seed % KOREAN_EVERY == 0:
                text = KOREAN + text
            chunk = text.encode("utf-8")[: target - written - 2].decode("utf-8", "ignore")
            chunk = chunk.rstrip("\n") + "\n\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            seed += 1


def build(out: Path, mib: int) -> Path:
    """The cached workspace with the one article (built when missing, in this process)."""
    from bench.run import up_to_date
    from db.analysts import bind_analyst
    from db.articles import update_article
    from db.importing import import_file
    from db.workspace import open_workspace

    path = out / f"open-memory-{mib}-v2.sqlite"
    if path.exists():
        return up_to_date(path)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "long-report.txt"
        write_article(article, mib)
        note = Path(tmp) / "desk-note.txt"
        note.write_text("The harbour authority said 40 ships left port on Friday.\n")
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        ws = open_workspace(building)
        try:
            bind_analyst(ws)
            stored = import_file(ws, article)
            update_article(ws, stored.id, title=TITLE)
            update_article(ws, import_file(ws, note).id, title=NOTE)
        finally:
            ws.close()
        building.rename(path)
    return up_to_date(path)


def _long_text(db: Path | str) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (text,) = conn.execute("SELECT text FROM article WHERE title = ?", (TITLE,)).fetchone()
    return str(text)


def note_id(db: Path) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (aid,) = conn.execute("SELECT id FROM article WHERE title = ?", (NOTE,)).fetchone()
    return str(uuid.UUID(str(aid)))


def article_chars(db: Path) -> tuple[int, int]:
    """(code points, UTF-16 units) of the long article."""
    text = _long_text(db)
    return len(text), len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------- the baseline child


def baseline_child(params: dict[str, Any]) -> dict[str, Any]:
    """A bare editor of the kind named, given the article's text and painted."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

    from bench.qtwatch import peak_rss_mb, spin

    app = QApplication([sys.argv[0]])
    editor = QTextEdit() if params["kind"].startswith("QTextEdit") else QPlainTextEdit()
    editor.resize(1200, 900)
    editor.show()
    spin(50)
    before = peak_rss_mb()
    if params.get("slices"):
        read = before
        _fill_in_slices(editor, params["db"])
    else:
        text = _long_text(params["db"])
        read = peak_rss_mb()
        editor.setPlainText(text)
    editor.repaint()
    spin(200)
    out = {
        "rss_before": before,
        "rss_read": read,
        "rss_peak": peak_rss_mb(),
        "chars": editor.document().characterCount() - 1,
    }
    editor.close()
    app.quit()
    return out


def _fill_in_slices(editor: Any, db: str) -> None:
    """Give *editor* the long article read from its row a slice at a time (incremental
    BLOB I/O), one slice of text in Python at a time: no ``str`` of the whole text."""
    import codecs

    from PySide6.QtGui import QTextCursor

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (rowid,) = conn.execute("SELECT rowid FROM article WHERE title = ?", (TITLE,)).fetchone()
        decoder = codecs.getincrementaldecoder("utf-8")()
        cursor = QTextCursor(editor.document())
        cursor.beginEditBlock()
        with conn.blobopen("article", "text", rowid, readonly=True) as blob:
            while piece := blob.read(2**20):
                cursor.insertText(decoder.decode(piece))
        cursor.endEditBlock()


# ---------------------------------------------------------------- the parent


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "claimdesk-bench"))
    parser.add_argument("--only", default=",".join(("window", *BASELINES)))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        params = json.loads(args.child)
        result = baseline_child(params)
        Path(params["result"]).write_text(json.dumps(result))
        return 0

    from bench.run import Runner

    out = Path(args.out)
    print(f"load average before: {load()}")
    began = time.perf_counter()
    db = build(out, args.mib)
    size = db.stat().st_size / 2**20
    chars, units = article_chars(db)
    print(
        f"workspace {db} ({size:.0f} MiB on disk, built or checked in "
        f"{time.perf_counter() - began:.0f} s): one article of {chars:,} characters "
        f"({units:,} UTF-16 units)"
    )
    runner = Runner(out, verbose=False)
    wanted = args.only.split(",")
    try:
        for _ in range(args.repeat):
            if "window" in wanted:
                # The window starts on the short note; the long report is clicked.
                res = runner.app("open", db, title=TITLE, last_article=note_id(db))
                print(
                    f"  window, article opened:  peak {res['rss_peak']:.0f} MiB "
                    f"(before the click {res['rss_before']:.0f}); painted in "
                    f"{res['seconds']:.1f} s, still after {res['settled']:.1f} s; "
                    f"{res['chars']:,} characters shown"
                )
            for kind in BASELINES:
                if kind in wanted:
                    res = _baseline(runner, kind, db)
                    print(
                        f"  bare {kind + ',':26s} peak {res['rss_peak']:.0f} MiB "
                        f"(before the text {res['rss_before']:.0f}, text read "
                        f"{res['rss_read']:.0f})"
                    )
    finally:
        runner.close()
    print(f"load average after: {load()}")
    return 0


def _baseline(runner: Any, kind: str, db: Path) -> dict[str, Any]:
    """Run this script as a child holding a bare editor (the runner's environment)."""
    import subprocess

    home = runner.scratch / f"baseline-{kind.replace(' ', '-')}-{time.monotonic_ns()}"
    home.mkdir()
    result = home / "result.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={runner.screen}",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(runner.cache),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    slices = kind.endswith(SLICED)
    params = json.dumps({"kind": kind, "db": str(db), "result": str(result), "slices": slices})
    proc = subprocess.run(
        [sys.executable, __file__, "--child", params],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if not result.exists():
        raise RuntimeError(f"baseline {kind}: no result\n{proc.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(result.read_text())
    return data


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
