"""Quality of the reading assists on the out-of-sample reference (tests/fixtures/assist_unseen/).

Each marked article file is imported through the real importer (encodings, CRLF,
publication dates) into a fresh SQLite workspace and its suggestions scored.  Prints
recall and precision per article, per language and per kind, attribution accuracy,
recall, precision and source of the attributed-statement and quotation suggestions,
sources invented for the outlet's own statements, event dates, and figure or date
suggestions that repeat a figure already suggested.
Run: PYTHONPATH=. .venv/bin/python bench/assist_unseen.py [-v] [FOLDER]
(FOLDER: another reference folder of the same form, e.g. tests/fixtures/assist_holdout).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from db.analysts import bind_analyst
from db.assist.quality import STATEMENT_KINDS, Score, StatementScore
from db.assist.reference import ArticleResult, score_folder
from db.workspace import open_workspace

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "assist_unseen"


def pct(value: float) -> str:
    return f"{100 * value:5.1f} %"


def run(folder: Path = FOLDER) -> list[ArticleResult]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLAIMDESK_DATA_DIR"] = tmp  # keep the analyst's own settings untouched
        ws = open_workspace(Path(tmp) / "unseen.sqlite")
        try:
            bind_analyst(ws)
            return score_folder(ws, folder)
        finally:
            ws.close()


def line(label: str, sc: Score, dupes: int | None = None) -> str:
    text = (
        f"{label:22} {sc.marked:6d} {pct(sc.recall):>8} {pct(sc.precision):>9} "
        f"{pct(sc.attribution_accuracy):>8} {sc.invented:4d}/{sc.outlet_own:<3d}"
        f" {sc.dated_right:3d}/{sc.dated:<3d}"
    )
    return text if dupes is None else f"{text} {dupes:5d}"


def main(verbose: bool = False, folder: Path = FOLDER) -> int:
    results = run(folder)
    header = (
        f"{'':22} {'marked':>6} {'recall':>8} {'precision':>9} {'sources':>8} {'invented':>8}"
        f" {'dates':>7} {'dupes':>5}"
    )
    print(header)
    for r in results:
        print(line(f"{r.name} ({r.encoding})", r.score, r.duplicates))
    print()
    total = Score()
    for lang in sorted({r.language for r in results}):
        acc = Score()
        dupes = 0
        for r in results:
            if r.language == lang:
                acc.add(r.score)
                dupes += r.duplicates
        total.add(acc)
        print(line(lang, acc, dupes))
    print(line("all", total, sum(r.duplicates for r in results)))
    print()
    for kind in ("figure", "date"):
        acc = Score()
        for r in results:
            acc.add(r.by_kind[kind])
        print(
            f"{kind:8} recall {pct(acc.recall)} ({acc.found}/{acc.marked})  "
            f"precision {pct(acc.precision)} ({acc.suggested_right}/{acc.suggested})"
        )
    print(
        f"attribution accuracy {pct(total.attribution_accuracy)} "
        f"({total.attributed_right}/{total.attributed})   target >= 80 %"
    )
    print(f"sources invented for the outlet's own statements: {total.invented}/{total.outlet_own}")
    print(f"event dates right: {total.dated_right}/{total.dated}")
    statements(results)
    for r in results:
        for problem in r.problems:
            print(f"import problem, {r.name}: {problem}")
    speed(results)
    if verbose:
        for r in results:
            print(f"\n== {r.name}")
            for miss in r.score.misses:
                print("   missed", miss)
            for wrong in r.score.wrong_sources:
                print("   source", wrong)
            for kind in STATEMENT_KINDS:
                st = r.statements[kind]
                for miss in st.misses:
                    print("   missed", miss)
                for wrong in st.wrong_sources:
                    print("   source", wrong)
                for stray in st.stray:
                    print("   stray", stray)
            for s in r.suggestions:
                if s.kind in ("figure", "date"):
                    print(
                        f"   {s.kind:6} {s.quote[:70]!r} target="
                        f"{r_text(s)!r} v={s.value} u={s.unit!r} q={s.qualifier!r} "
                        f"src={s.source!r} rel={list(s.relayed_by)} d={s.event_date}"
                    )
    return 0


def statements(results: list[ArticleResult]) -> None:
    """Attributed-statement and quotation suggestions against the marked ``statements``:
    recall, precision, tight (the suggestion shares at least half of the union of the two
    spans) and the right source, per kind, overall and per language."""
    print()
    print(
        f"{'statements':22} {'marked':>6} {'recall':>8} {'precision':>9} {'tight':>8} "
        f"{'source':>8} {'suggested':>9}"
    )
    for kind in STATEMENT_KINDS:
        for lang in [*sorted({r.language for r in results}), "all"]:
            acc = StatementScore()
            for r in results:
                if lang in ("all", r.language):
                    acc.add(r.statements[kind])
            if lang == "all":
                print(
                    f"{kind + ' all':22} {acc.marked:6d} {pct(acc.recall):>8} "
                    f"{pct(acc.precision):>9} {acc.tight:4d}/{acc.found:<3d} "
                    f"{acc.source_right:4d}/{acc.marked:<3d} {acc.suggested:9d}"
                )
                print(
                    f"{kind:12} recall {pct(acc.recall)} ({acc.found}/{acc.marked})  precision "
                    f"{pct(acc.precision)} ({acc.suggested_right}/{acc.suggested})  right source "
                    f"{pct(acc.source_accuracy)} ({acc.source_right}/{acc.marked})"
                )
            else:
                print(
                    f"{kind + ' ' + lang:22} {acc.marked:6d} {pct(acc.recall):>8} "
                    f"{pct(acc.precision):>9} {acc.tight:4d}/{acc.found:<3d} "
                    f"{acc.source_right:4d}/{acc.marked:<3d} {acc.suggested:9d}"
                )


def speed(results: list[ArticleResult]) -> None:
    """Time suggestions for a 200,000-character article per language, built from the texts
    of every reference folder (the issue's target is 1 s for any article of that size)."""
    import datetime as dt
    import statistics
    import time

    from db.assist.suggest import suggest
    from db.importing import read_file

    fixtures = FOLDER.parent
    for lang in sorted({r.language for r in results}):
        texts = [read_file(p).text for p in sorted(fixtures.glob(f"assist_*/{lang}_*.txt"))]
        body = "\n\n".join(texts)
        big = ((body + "\n\n") * (200_000 // len(body) + 1))[:200_000]
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            n = len(suggest(big, dt.date(2025, 3, 1)))
            runs.append(time.perf_counter() - t0)
        print(
            f"speed, 200,000 characters of {lang}: {1000 * statistics.median(runs):.0f} ms "
            f"median of 3 ({n} suggestions)   target <= 1000 ms"
        )


def r_text(s: object) -> str:
    from db.assist.suggest import Suggestion

    assert isinstance(s, Suggestion)
    return s.quote[s.target_start - s.start : s.target_end - s.start]


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:] if a != "-v"]
    sys.exit(main("-v" in sys.argv[1:], folders[0] if folders else FOLDER))
