"""Peak memory of importing one large plain-text article, beside the file's size.

Usage: python bench/import_memory.py [--ascii | --astral] [MiB ...]   (default: 50, the largest
       accepted)
       python bench/import_memory.py --window [--ascii | --astral | --html] [MiB ...]
       (the window's import: its import function alone, then File > Import in a main
       window until its panels have settled; peak resident memory, VmHWM; ``--html``
       imports a news page of that many MiB instead of a text file)
       python bench/import_memory.py --pg URL [--ascii | --astral] [MiB ...]
       (``claimdesk import`` and the window's import function, each into a fresh SQLite
       workspace and a fresh PostgreSQL database made beside URL's and dropped after;
       peak resident memory, VmHWM)
       python bench/import_memory.py --cases [--pg URL]
       (each case of section 6's memory target, one child each: an HTML page of 9 MiB
       through ``claimdesk import`` and the window's import, 50 MiB of UTF-8 text through
       the window, 50 MiB in Windows-1252 and in UTF-16, and with --pg the text and the
       page into a fresh PostgreSQL database; each peak beside its baseline, a child that
       only reads the file and decodes it, and for a page parses it once with lxml)

For each size, a child process writes newsroom-like prose (bench/prose.py) of
that many MiB to a file, then imports it into a fresh SQLite workspace with
ClaimDesk's own importer (read, decode, store, index for search).  It prints
the file's size, Python's peak allocation during the import (tracemalloc) and
the peak resident memory of the whole process (ru_maxrss), with the resident
memory before the import for comparison.  The prose holds a few names in
Cyrillic and Hangul, so Python keeps the text at two bytes a character (the
costlier case); ``--ascii`` drops them, for text that Python keeps at one, and
``--astral`` ends that ASCII text with one emoji, which makes Python keep the
whole text at four bytes a character (the costliest case: see below).
The target is a resident peak under 300 MiB for the largest file accepted.

Where the memory goes (50 MiB file, two-byte prose, SQLite; resident MiB):

* before the import: about 60 (Python, SQLAlchemy, the workspace open);
* reading (``db.importing.streamed``, files of 16 MiB or more in UTF-8): the file
  is read twice a slice at a time — to check it, hash it, size its text and find
  its metadata in its head, then to stage its normalised text (UTF-8) and its
  bytes in a temporary table (``db.long_rows``) — so Python never holds the
  bytes or the text whole, whatever the text's characters;
* the row: one INSERT with placeholders of the right sizes, about 100 inside
  SQLite (the placeholder text and the record holding it; the file's zero-filled
  blob stays unexpanded, being the table's last column, migration 0021) — now the
  peak of the import — then each staged value copied into its column a slice at
  a time;
* the search index, after the row is written (``db.search.schema.index_pending``):
  the text is read from its row a slice at a time and indexed in parts of half a
  million characters (``db.search.schema.PART_CHARS``), about 20 whatever the
  text's length.

``claimdesk import`` checks every file named before it stores any: a long text
file is checked by the first reading and read again as it is stored, so the files
are not all held at once.  A file read whole (another encoding, a line of millions
of characters) costs the file's bytes and the decoded text at once: about 150 for
this prose.

On PostgreSQL (``--pg URL``) the file is checked by the same first reading; the
second gathers the file's bytes into one buffer of its size and sends it in one
UPDATE, then does the same with the text's UTF-8 (``db.shared_long_rows``): about
120 over the start, the buffer and the driver's copy of it, whatever the text's
characters.  Read whole, as a PostgreSQL workspace took every file until 7 December
2026, the text, its UTF-8 and the file's bytes came to about 255 over the start
(two-byte prose) and 355 (an emoji: four bytes a character).  Peak resident MiB,
VmHWM, one run each (load average 6-7 on two CPUs):

  ===================================  ============  =============  =====
  import, 50 MiB                        read whole    streamed       start
  ===================================  ============  =============  =====
  ``claimdesk import``, prose           327           192             72
  ``claimdesk import``, ``--astral``    428           190             72
  window function, prose                320           236            119
  window function, ``--astral``         421           234            119
  ===================================  ============  =============  =====

The same files into SQLite, which this leaves as it was: ``claimdesk import`` 158
(prose) and 160 (``--astral``), the window function 203 and 205.

Before these changes and after each, one run at a time (load average 5-9 on two
CPUs), peak resident MiB of the window's import function (from a start of about
120: PySide6 and the window's modules loaded) and of ``import_file`` (start 60):

  ======================================  ==========  ============  ==========
  change                                   window fn   import_file   --astral
  ======================================  ==========  ============  ==========
  none (interleaved, same run)               331, 330      274, 272    —
  staged a slice at a time, index in parts  265, 265      206, 206    353 / 414
  file read a slice at a time                    215           158       159 / 217
  ======================================  ==========  ============  ==========

(``--astral`` as ``import_file`` / window function.)  Before, the staging held the
UTF-8 copy beside the bytes and the text (+50), and so did the control count; the
row took about 200 (the zero-filled blob expanded in the record); the index of the
whole text about 210; a text with one emoji was held at four bytes a character.

Through the window (``--window``), after the import the window opens the new
article: Python holds its text (about 100, read whole for the reader) and the
reader's line starts (10), Qt its document (the text again in UTF-16 and a layout
of every line: about 270), so a window that has opened the article sits near 500
and peaks near 755 once its suggestions are shown.  Measured a stage at a time
(VmHWM reset between stages): reading the text for the reader +150 for a moment
(SQLite's copy beside Python's), ``setPlainText`` +310 for a moment and +210 kept,
the suggestions' head of the text +100 for a moment (``length`` and ``substr`` of
the text each load it whole inside SQLite), and finding suggestions in that first
million characters +270 for a moment: the window's peak.  Suggestions used to read
the whole text: they ran for minutes past 2 GiB before they were bounded to the
first 1,000,000 characters (``db.assist.service.SUGGEST_CHARS``).

The window and ``claimdesk import`` hand a file this large over in the same way;
files under 16 MiB imported together go in batches, whose texts are held until
the batch is stored.

An HTML page of 9 MiB (``--cases``; about 9 million characters of prose in 22,000
paragraphs) is read whole: its bytes (9), the decoded text (18, two bytes a character,
let go of once parsed) and the page's tree (about 17; each copy of it as much).  The
page is parsed once and its tree serves the metadata, trafilatura and the passages
(``db.importing.html``).  trafilatura copies the tree it is given; its extraction is
the import's peak, about 120 over the page's tree: its copy of the page, a cleaned copy
and a backup of that, a deep copy to recover loose text from, and the list of the paragraphs'
text nodes and their join with which it sizes the main text.  Its main text is written
out (``xmltotxt``) once the extraction has returned and those copies are gone, then
squashed a line at a time for the passages to be looked for in
(``db.importing.html_select.MainText``): the passages, their text (18) and the squashed
main text (16) fit in what the extraction freed, as do storing and indexing.  Resident
MiB, VmHWM, one run each (load average 3-5 on two CPUs):

  ================================================  =======  =======  =====
  peak importing the page                           bbfa72d  37643e9  start
  ================================================  =======  =======  =====
  ``claimdesk import``                                  249      219     51
  the window's import function                          291      261     89
  ``import_file``, PostgreSQL                           267      237     72
  a main window, until its suggestions are shown        400      298    141
  ================================================  =======  =======  =====

At bbfa72d the page was serialised for trafilatura (and the tree made again from the
bytes afterwards), trafilatura was asked for its text at once, which it wrote while
it still held its copies of the page (+40), and the main text was kept as a list of
lines beside its squashed lines and their join while the passages were matched.

The start of the window's import function (89 against the CLI's 51) is Qt: its
libraries (about 25), the QApplication and the Qt types the worker module uses (about
8), and the import's own modules (about 5; the CLI loads them only once it imports).
Nothing is loaded that the window's import does not use.

In a main window (``--window --html 9``) the import runs on a worker thread, and GNU
libc kept what that thread freed (about 120) resident in the thread's own heaps, where
the reader and the suggestions, on other threads, never reused it: their memory came on
top.  The window's import function now hands freed memory back to the system when it is
done (``db.memory.release_freed``): the window sits at 163 once the import is done (269
before), 238 with the article open (its text, and Qt's document of it) and peaks at 298
finding its suggestions (SQLite loads the whole text for their head).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


ASTRAL_END = "😀\n"  # --astral: the file's last line, one character beyond the BMP


def _write_article(path: Path, mib: int, ascii_only: bool = False, astral: bool = False) -> None:
    from bench.prose import sentences

    target = mib * 2**20 - (len(ASTRAL_END.encode("utf-8")) if astral else 0)
    ascii_only = ascii_only or astral
    with path.open("w", encoding="utf-8", newline="\n") as out:
        written, seed = 0, 0
        while written < target:
            text, _ = sentences(seed, 1_000_000)
            if ascii_only:
                text = text.encode("ascii", "ignore").decode("ascii")
            room = target - written - 1  # the line break after the chunk
            chunk = text.encode("utf-8")[:room].decode("utf-8", "ignore")
            out.write(chunk + "\n")
            written += len(chunk.encode("utf-8")) + 1
            seed += 1
        if astral:
            out.write(ASTRAL_END)


def child(mib: int, trace: bool, prose: str) -> dict[str, float]:
    from db.importing import import_file
    from db.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "large.txt"
        _write_article(article, mib, prose == "ascii", prose == "astral")
        ws = open_workspace(Path(tmp) / "bench.sqlite")
        before = _rss_mib()
        if trace:
            tracemalloc.start()
        began = time.perf_counter()
        import_file(ws, article)
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
        ws.close()
        return {
            "file_mib": article.stat().st_size / 2**20,
            "rss_before_mib": before,
            "rss_peak_mib": _rss_mib(),
            "traced_peak_mib": peak,
            "seconds": seconds,
        }


def window_child(mib: int, stage: str, prose: str = "") -> dict[str, float]:
    """The same import through the main window's File > Import path (offscreen).

    *stage*: ``paths`` runs only the window's import function (import_paths);
    ``window`` imports through a shown main window (which opens the new article in
    the reader when the import is done) and waits until its suggestions are shown.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from db.analysts import bind_analyst
    from db.workspace import open_workspace
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.operations import imports

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        if prose == "html":
            article = Path(tmp) / "page.html"
            _write_html(article, mib)
        else:
            article = Path(tmp) / "large.txt"
            _write_article(article, mib, prose == "ascii", prose == "astral")
        ws = open_workspace(Path(tmp) / "bench.sqlite")
        bind_analyst(ws)
        ctx = AppContext(ws, RecordingDialogs())
        window = None
        if stage == "window":
            from desktop.main_window import MainWindow

            settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ctx, settings)
            window.show()
        for _ in range(50):
            app.processEvents()
        before = _rss_mib()
        began = time.perf_counter()
        suggestions_shown = 0.0
        if stage == "paths":
            imports.import_paths(ws, [article], lambda done, total: True)
        else:
            assert window is not None
            done: list[object] = []
            job = window.import_paths([article])  # File > Import: the new article opens
            assert job is not None
            job.finished.connect(done.append)
            job.failed.connect(done.append)
            while not done:
                app.processEvents()
                time.sleep(0.01)
            # Then until the suggestions of the opened article are shown (at most 10 min).
            panel = window.suggestions_view
            settle = time.perf_counter() + 600
            while time.perf_counter() < settle:
                app.processEvents()
                time.sleep(0.01)
                if panel is not None and panel.article_id is not None and not panel.pending:
                    break
            shown = panel is not None and panel.article_id is not None and not panel.pending
            suggestions_shown = 1.0 if shown else 0.0
        seconds = time.perf_counter() - began
        ws.close()
        return {
            "file_mib": article.stat().st_size / 2**20,
            "rss_before_mib": before,
            "rss_peak_mib": _vm_hwm(),
            "traced_peak_mib": 0.0,
            "seconds": seconds,
            "suggestions_shown": suggestions_shown,
        }


HTML_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour report, live | The Varnholt Courier</title>
<meta property="og:site_name" content="The Varnholt Courier">
<meta name="author" content="Ilse Marrow">
<meta property="article:published_time" content="2026-03-02T08:15:00+01:00">
<link rel="canonical" href="https://courier.example/harbour-report">
<style>body { font-family: serif } .ad { display: none }</style>
<script>window.dataLayer = [{"page": "article"}];</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article><h1>Harbour report, live</h1>
<p class="byline">By Ilse Marrow, Varnholt, 2 March 2026</p>
"""
HTML_TAIL = """</article></main>
<footer><p>&copy; The Varnholt Courier</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def _write_html(path: Path, mib: int) -> None:
    """A news page of about *mib* MiB: a head, navigation, one long article of paragraphs
    (with an aside and a figure now and then), a footer."""
    from bench.prose import sentences

    target = mib * 2**20 - len(HTML_TAIL.encode("utf-8"))
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HTML_HEAD)
        written, seed = len(HTML_HEAD.encode("utf-8")), 0
        while written < target:
            text, _ = sentences(seed, 200_000)
            for n, para in enumerate(text.split("\n\n")):
                block = f"<p>{para.strip()}</p>\n"
                if n % 40 == 39:
                    block += '<aside class="ad"><p>Advertisement</p></aside>\n'
                if n % 60 == 59:
                    block += (
                        '<figure><img src="x.jpg" alt="">'
                        "<figcaption>The quay.</figcaption></figure>\n"
                    )
                size = len(block.encode("utf-8"))
                if written + size > target:
                    break
                out.write(block)
                written += size
            else:
                seed += 1
                continue
            break
        out.write(HTML_TAIL)


def _write_encoded(path: Path, mib: int, encoding: str) -> None:
    """*mib* MiB of the prose in *encoding* (``cp1252``: its Latin names only, the text's
    quotation marks and dashes; ``utf-16``: all of it, with a byte-order mark)."""
    from bench.prose import sentences

    target = mib * 2**20
    codec = "utf-16-le" if encoding == "utf-16" else encoding
    with path.open("wb") as out:
        written, seed = 0, 0
        if encoding == "utf-16":
            out.write(b"\xff\xfe")
            written = 2
        while written < target:
            text, _ = sentences(seed, 1_000_000)
            data = text.encode(codec, "ignore")[: target - written]
            if codec == "utf-16-le":
                data = data[: len(data) // 2 * 2]
            out.write(data)
            written += len(data)
            seed += 1


def _write_case(path: Path, case: dict[str, Any]) -> None:
    if case.get("html"):
        _write_html(path, case["mib"])
    elif case.get("encoding"):
        _write_encoded(path, case["mib"], case["encoding"])
    else:
        prose = case.get("prose", "")
        _write_article(path, case["mib"], prose == "ascii", prose == "astral")


def case_child(case: dict[str, Any]) -> dict[str, float]:
    """One case: write its file, then import it (``how``: ``cli`` is ``claimdesk import``,
    ``paths`` the window's import function, ``file`` ``import_file``; ``baseline`` reads
    and decodes the file only, and parses a page once)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / ("page.html" if case.get("html") else "large.txt")
        _write_case(article, case)
        how = case["how"]
        if how == "baseline":
            before = _vm_hwm()
            began = time.perf_counter()
            data = article.read_bytes()
            text = data.decode(
                "utf-16" if case.get("encoding") == "utf-16" else case.get("encoding") or "utf-8"
            )
            if case.get("html"):
                import lxml.html

                lxml.html.document_fromstring(text)
            del data, text
            seconds = time.perf_counter() - began
            return {
                "file_mib": article.stat().st_size / 2**20,
                "rss_before_mib": before,
                "rss_peak_mib": _vm_hwm(),
                "seconds": seconds,
            }
        pg_url = case.get("pg", "")
        if not pg_url:
            before, peak, seconds = _import_case(how, Path(tmp) / "bench.sqlite", article)
        else:
            from bench.bundle_memory import _pg_workspace

            try:
                target = _pg_workspace(pg_url, PG_BENCH_DB)
                before, peak, seconds = _import_case(how, target, article)
            finally:
                _drop_pg(pg_url, PG_BENCH_DB)
        return {
            "file_mib": article.stat().st_size / 2**20,
            "rss_before_mib": before,
            "rss_peak_mib": peak,
            "seconds": seconds,
        }


PG_BENCH_DB = "claimdesk_import_bench"


def _import_case(how: str, target: str | Path, article: Path) -> tuple[float, float, float]:
    """Import *article* into the workspace *target* by the door *how*: (resident MiB
    before, peak resident MiB, seconds)."""
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    ws = open_workspace(target)
    bind_analyst(ws)
    if how == "paths":  # the window's modules loaded, as in the window
        from PySide6.QtWidgets import QApplication

        from desktop.operations import imports

        QApplication.instance() or QApplication([])
    before = _vm_hwm()
    began = time.perf_counter()
    if how == "cli":
        ws.close()
        from db.cli import run as cli_run

        with open(os.devnull, "w") as devnull:
            code = cli_run(["import", "--db", str(target), str(article)], out=devnull)
        assert code == 0, code
    elif how == "paths":
        report = imports.import_paths(ws, [article], lambda done, total: True)
        assert report.added and not report.failures, report
    else:
        from db.importing import import_file

        import_file(ws, article)
    seconds = time.perf_counter() - began
    if how != "cli":
        ws.close()
    return before, _vm_hwm(), seconds


def _drop_pg(admin_url: str, name: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy import text as sql

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    finally:
        admin.dispose()


def cases(pg_url: str) -> list[tuple[str, dict[str, Any]]]:
    """Section 6's cases: (label, case) each."""
    found: list[tuple[str, dict[str, Any]]] = [
        ("HTML 9 MiB, claimdesk import", {"html": True, "mib": 9, "how": "cli"}),
        ("HTML 9 MiB, window import", {"html": True, "mib": 9, "how": "paths"}),
        ("text 50 MiB UTF-8, window import", {"mib": 50, "how": "paths"}),
        (
            "text 50 MiB Windows-1252, window import",
            {"mib": 50, "encoding": "cp1252", "how": "paths"},
        ),
        ("text 50 MiB UTF-16, window import", {"mib": 50, "encoding": "utf-16", "how": "paths"}),
    ]
    if pg_url:
        found += [
            (
                "text 50 MiB UTF-8, PostgreSQL, import_file",
                {"mib": 50, "how": "file", "pg": pg_url},
            ),
            (
                "HTML 9 MiB, PostgreSQL, import_file",
                {"html": True, "mib": 9, "how": "file", "pg": pg_url},
            ),
        ]
    return found


def run_case(case: dict[str, Any]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--case", json.dumps(case)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main_cases(argv: list[str]) -> None:
    pg_url = argv[argv.index("--pg") + 1] if "--pg" in argv else ""
    print(f"{'case':<46} {'file MiB':>8} {'before':>7} {'peak':>6} {'baseline':>9} {'seconds':>8}")
    for label, case in cases(pg_url):
        got = run_case(case)
        base = run_case({**{k: v for k, v in case.items() if k != "pg"}, "how": "baseline"})
        print(
            f"{label:<46} {got['file_mib']:8.1f} {got['rss_before_mib']:7.0f} "
            f"{got['rss_peak_mib']:6.0f} {base['rss_peak_mib']:9.0f} {got['seconds']:8.1f}"
        )
    print("resident MiB (VmHWM); baseline: the file read and decoded (a page parsed once)")
    print("target: RSS peak under 300 MiB for the largest accepted article")
    _print_load()


def main_stores(argv: list[str], sizes: list[int], prose: str) -> None:
    """--pg URL: each door (``claimdesk import``, the window's import function) into
    SQLite and into PostgreSQL, one child each."""
    pg_url = argv[argv.index("--pg") + 1]
    print(f"{'import':<42} {'file MiB':>8} {'before':>7} {'peak':>6} {'seconds':>8}")
    for mib in sizes:
        for how, door in (("cli", "claimdesk import"), ("paths", "window import")):
            for store in ("SQLite", "PostgreSQL"):
                case = {"mib": mib, "how": how, "prose": prose}
                got = run_case({**case, "pg": pg_url} if store == "PostgreSQL" else case)
                label = f"{door}, {store}, {prose} text"
                print(
                    f"{label:<42} {got['file_mib']:8.1f} {got['rss_before_mib']:7.0f} "
                    f"{got['rss_peak_mib']:6.0f} {got['seconds']:8.1f}"
                )
    print("resident MiB (VmHWM); target: a peak under 300 MiB for the largest accepted file")
    _print_load()


def _print_load() -> None:
    """The machine's load as ``uptime`` gives it (the figures depend on it)."""
    try:
        line = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        line = ""
    print(line or f"load average {', '.join(f'{n:.2f}' for n in os.getloadavg())}")


def _vm_hwm() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return _rss_mib()


def run(mib: int, trace: bool, prose: str, stage: str = "") -> dict[str, float]:
    flags = ["1" if trace else "0", prose or "bmp", stage]
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(mib), *flags],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--case"]:
        print(json.dumps(case_child(json.loads(argv[1]))))
        return
    if "--cases" in argv:
        main_cases(argv)
        return
    if argv[:1] == ["--child"]:
        if len(argv) > 4 and argv[4]:
            print(json.dumps(window_child(int(argv[1]), argv[4], argv[3])))
            return
        print(json.dumps(child(int(argv[1]), argv[2] == "1", argv[3])))
        return
    prose = "astral" if "--astral" in argv else "ascii" if "--ascii" in argv else "bmp"
    if "--html" in argv:
        prose = "html"
    sizes = [int(a) for a in argv if a.isdigit()] or [50]
    if "--pg" in argv:
        main_stores(argv, sizes, prose)
        return
    if "--window" in argv:
        for mib in sizes:
            for stage in ("paths", "window"):
                got = run(mib, False, prose, stage)
                print(
                    f"{mib} MiB, {stage}: RSS before {got['rss_before_mib']:.0f} MiB, "
                    f"peak {got['rss_peak_mib']:.0f} MiB, {got['seconds']:.1f} s"
                    + (", suggestions shown" if got.get("suggestions_shown") else "")
                )
        return
    print(f"{'file MiB':>9} {'RSS before':>11} {'RSS peak':>9} {'traced peak':>12} {'seconds':>8}")
    for mib in sizes:
        plain = run(mib, False, prose)  # resident memory without tracemalloc's own cost
        traced = run(mib, True, prose)
        print(
            f"{plain['file_mib']:9.1f} {plain['rss_before_mib']:11.0f} "
            f"{plain['rss_peak_mib']:9.0f} {traced['traced_peak_mib']:12.0f} "
            f"{plain['seconds']:8.1f}"
        )
    print("target: RSS peak under 300 MiB for the largest accepted file (50 MiB)")


if __name__ == "__main__":
    main(sys.argv[1:])
