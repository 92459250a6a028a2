"""Is the CSV sheet written with the extras looked up a window at a time the file written a
batch at a time?

Usage: python bench/export_csv_same.py WORKSPACE [REPEAT]

WORKSPACE should be a copy (it is opened, and a workspace opened may be brought up to
date).  Exports every claim to CSV as db.exporting.cells reads it (tags, links, evidence
and relays of several batches looked up together; verdict times stored as SQLite's text
written from that text), then with a window per batch and every verdict time converted,
REPEAT times each (default 1) alternating; compares the two files byte for byte and
prints the CPU time of each export and the load average.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.claims import ClaimFilter
from db.exporting import cells, sheet
from db.workspace import open_workspace


def main(argv: list[str]) -> int:
    source = Path(argv[0])
    repeat = int(argv[1]) if len(argv) > 1 else 1
    windows, stored = cells.EXTRAS_ROWS, cells._STORED_UTC
    ways = {
        "in windows": (windows, stored),
        "batch by batch": (1, re.compile(r"(?!)")),
    }
    ws = open_workspace(source)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            written: dict[str, Path] = {}
            for n in range(repeat):
                for name, (rows, pattern) in ways.items():
                    cells.EXTRAS_ROWS, cells._STORED_UTC = rows, pattern
                    target = Path(tmp) / f"{n}-{len(written)}.csv"
                    began = time.process_time()
                    count = sheet.write_csv(ws, ClaimFilter(), target)
                    cpu = time.process_time() - began
                    load = os.getloadavg()[0]
                    print(f"{name:>14}: {count} claims, CPU {cpu:.2f} s (load {load:.2f})")
                    written[name] = target
            cells.EXTRAS_ROWS, cells._STORED_UTC = windows, stored
            first, second = (path.read_bytes() for path in written.values())
    finally:
        ws.close()
    same = first == second
    print(f"files: {'identical' if same else 'DIFFERENT'} ({len(first)} bytes)")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
