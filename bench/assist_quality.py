"""Quality and speed of the reading assists on the hand-marked seed reference.

Prints recall and precision per article and per kind, attribution accuracy, sources
invented for the outlet's own statements, event-date accuracy, and the time to
suggest for a 200,000-character article.  Run: PYTHONPATH=. .venv/bin/python bench/assist_quality.py
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from db.assist.quality import (
    QuoteScore,
    Score,
    StatementScore,
    score,
    score_quotations,
    score_statements,
)
from db.assist.suggest import KINDS, suggest
from db.importing.text import decode_text, normalise_text

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "assist_reference" / "reference.json"
SEEDS = ROOT.parent / "shared" / "seeds"


Loaded = tuple[
    str,
    str,
    dt.date | None,
    list[dict[str, Any]],
    list[dict[str, Any]],
    list[dict[str, Any]] | None,
]


def load(seeds: Path = SEEDS) -> list[Loaded]:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    out = []
    for name, entry in sorted(reference.items()):
        path = seeds / name
        text = normalise_text(decode_text(path.read_bytes(), name)[0])
        published = dt.date.fromisoformat(entry["published"]) if entry["published"] else None
        out.append(
            (
                name,
                text,
                published,
                entry["claims"],
                entry.get("quotations", []),
                entry.get("statements"),  # None: the article's statements are not marked
            )
        )
    return out


def pct(value: float) -> str:
    return f"{100 * value:5.1f} %"


def main(seeds: Path = SEEDS) -> int:
    total = Score()
    per_kind = {"figure": Score(), "date": Score()}
    digits = Score()
    counts = dict.fromkeys(KINDS, 0)
    quotes = QuoteScore()
    statements = StatementScore()
    statements_outside = 0  # attribution suggestions in articles whose statements are unmarked
    marked_articles = 0
    print(
        f"{'article':28} {'marked':>6} {'recall':>8} {'precision':>9} {'sources':>8} "
        f"{'invented':>8}"
    )
    for name, text, published, claims, quotations, marked in load(seeds):
        found = suggest(text, published)
        quotes.add(score_quotations(quotations, found))
        if marked is None:
            statements_outside += sum(1 for s in found if s.kind == "attribution")
        else:
            marked_articles += 1
            statements.add(score_statements(marked, found, "attribution"))
        for s in found:
            counts[s.kind] += 1
        sc = score(claims, found)
        total.add(sc)
        for kind, acc in per_kind.items():
            acc.add(score(claims, found, kind))
        digits.add(score([c for c in claims if c["digits"]], found))
        print(
            f"{name:28} {sc.marked:6d} {pct(sc.recall):>8} {pct(sc.precision):>9} "
            f"{pct(sc.attribution_accuracy):>8} {sc.invented:8d}"
        )
    print()
    for kind, acc in per_kind.items():
        print(
            f"{kind:8} recall {pct(acc.recall)} ({acc.found}/{acc.marked})  "
            f"precision {pct(acc.precision)} ({acc.suggested_right}/{acc.suggested})"
        )
    print(
        f"figure claims written with digits (incl. dates): recall {pct(digits.recall)} "
        f"({digits.found}/{digits.marked})   target >= 90 %"
    )
    print(
        f"all marked claims: recall {pct(total.recall)} ({total.found}/{total.marked}), "
        f"precision {pct(total.precision)} ({total.suggested_right}/{total.suggested})"
    )
    print(
        f"attribution accuracy {pct(total.attribution_accuracy)} "
        f"({total.attributed_right}/{total.attributed})   target >= 80 %"
    )
    print(f"sources invented for the outlet's own statements: {total.invented}/{total.outlet_own}")
    print(f"event dates right: {total.dated_right}/{total.dated}")
    print(
        f"quotations: recall {pct(quotes.recall)} ({quotes.found}/{quotes.marked}), "
        f"precision {pct(quotes.precision)} ({quotes.suggested_right}/{quotes.suggested}), "
        f"right speaker {pct(quotes.speaker_accuracy)} ({quotes.speaker_right}/{quotes.marked})"
    )
    print(
        f"attributed statements (marked in {marked_articles} of the articles): recall "
        f"{pct(statements.recall)} ({statements.found}/{statements.marked}), precision "
        f"{pct(statements.precision)} ({statements.suggested_right}/{statements.suggested}), "
        f"tight {statements.tight}/{statements.found}, right source "
        f"{pct(statements.source_accuracy)} ({statements.source_right}/{statements.marked})"
    )
    print(
        f"attributed-statement suggestions in articles not yet marked for them: "
        f"{statements_outside} (of {counts['attribution']} in all)"
    )
    for line in [*statements.misses, *statements.wrong_sources, *statements.stray]:
        print("   statement", line)
    if total.misses:
        print("missed:", "; ".join(total.misses))
    for line in quotes.wrong:
        print("   quotation", line)
    if total.wrong_sources:
        print("wrong sources:")
        for line in total.wrong_sources:
            print("  ", line)
    speed(seeds)
    return 0


def speed(seeds: Path) -> None:
    """Time suggestions for a 200,000-character article built from the seeds."""
    texts = [t for _, t, _, _, _, _ in load(seeds)]
    body = "\n\n".join(texts)
    big = (body + "\n\n") * (200_000 // len(body) + 1)
    big = big[:200_000]
    small = texts[0]
    runs_big, runs_small = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        suggest(small, dt.date(2024, 10, 23))
        runs_small.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = suggest(big, dt.date(2024, 10, 23))
        runs_big.append(time.perf_counter() - t0)
    print(
        f"speed: {len(small):,} characters (baseline) "
        f"{1000 * statistics.median(runs_small):.0f} ms; "
        f"{len(big):,} characters {1000 * statistics.median(runs_big):.0f} ms median of 3 "
        f"({len(found)} suggestions)   target <= 1000 ms"
    )
    hostile = {
        "one 200,000-character sentence": (
            "Park Min-ho said that 1,500 troops, according to NIS, arrived and " * 3100
        )[:200_000],
        "200,000 characters of bare digits": ("1 2 3 4 5 6 7 8 9 10 " * 10000)[:200_000],
        "200,000 characters of Korean": ("북한군 1만5000명이 파병됐다고 국정원이 밝혔다 " * 8000)[
            :200_000
        ],
    }
    for label, text in hostile.items():
        t0 = time.perf_counter()
        n = len(suggest(text, dt.date(2024, 10, 23)))
        print(f"speed, {label}: {1000 * (time.perf_counter() - t0):.0f} ms ({n} suggestions)")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS))
