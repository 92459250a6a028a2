"""The benchmark suite runs end to end on small workspaces and prints every row.

Only the structure is checked (each figure a positive number beside a baseline and a
ratio); how fast anything is belongs to the suite's own output, never to a test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = (
    "Start until the window is painted",
    "Start: peak memory (whole process)",
    "Open the long article, painted",
    "Open the long article: suggestions shown",
    "Open the long article: peak memory",
    "Open an article, painted",
    "Open an article: window still",
    "Ctrl+E until committed and repainted: median",
    "Ctrl+E until committed and repainted: p90",
    "Ctrl+E: SQL statements",
    "Claims table: first rows painted",
    "Claims table: sort by",
    "Claims table: filter by status",
    "Claims table: text filter",
    "Export all claims, CSV",
    "Export all claims, XLSX",
    "Import 20 text articles",
)


def test_quick_suite_prints_every_row_with_a_figure_and_a_ratio(tmp_path: Path) -> None:
    rows_file = tmp_path / "rows.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            *("--quick", "--sizes", "S,M,L", "--out", str(tmp_path / "fixtures")),
            # Generous: a guard against a hung step on a loaded machine, not a speed test.
            *("--step-timeout", "180", "--json", str(rows_file)),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    assert re.search(r"load average at the start: \d+\.\d\d", out), out
    assert re.search(r"load average at the end: \d+\.\d\d", out), out
    rows = json.loads(rows_file.read_text())
    for prefix in EXPECTED:
        assert any(r["work"].startswith(prefix) for r in rows), (prefix, out)
    opened = {r["work"]: r["value"] for r in rows if r["work"].startswith("Open the long")}
    # The text is painted before (or when) the suggestions' underlines arrive.
    assert (
        opened["Open the long article, painted"]
        <= opened["Open the long article: suggestions shown"]
    ), opened
    # The text filter's first rows are painted before (or when) its count is shown.
    text = {r["work"].split(", ")[-1]: r["value"] for r in rows if "text filter" in r["work"]}
    assert text["first rows painted"] <= text["count shown"], text
    starts = [r for r in rows if r["work"] == "Start until the window is painted"]
    assert [r["size"] for r in starts] == ["empty", "M 600", "L 1,200"]
    # Ctrl+E and opening an article run in the largest workspace too.
    assert {r["size"].split(",")[0] for r in rows if r["work"].startswith("Ctrl+E")} == {"M", "L"}
    assert any(r["size"] == "L 1,200" for r in rows if r["work"].startswith("Open an article"))
    for row in rows:
        if row["value"] is None:  # only a Ctrl+E count when no press finished in time
            assert row["work"].startswith("Ctrl+E: SQL statements"), row
            continue
        assert row["value"] > 0, row
        assert row["baseline"] > 0 and row["ratio"] > 0, row
        assert row["ok"] in (True, False, None), row
        printed = next(line for line in out.splitlines() if line.startswith(row["work"]))
        assert re.search(r"\d+(\.\d+)?x\b", printed), printed
        assert re.search(r"\b(pass|FAIL|info)\b", printed), printed
