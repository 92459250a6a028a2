"""The benchmark script still runs end to end (tiny sizes; no timing is asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_script_runs_every_line() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "benchmark.py"),
            *("--runs", "1", "--claims", "300", "--chars", "4000", "--reader-claims", "40"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("(")]
    rows = [line for line in lines if line[1] in "abcd"]
    assert [r[:3] for r in rows] == ["(a)", "(b)", "(c)", "(d)"]
    assert all("skipped" not in r and len(re.findall(r"\d+ms", r)) == 3 for r in rows), rows
    assert "300 rows" in rows[3]
