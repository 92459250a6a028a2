"""Is the XLSX sheet written with rows in one piece the workbook XlsxWriter writes itself?

Usage: python bench/export_xlsx_same.py WORKSPACE [REPEAT]

WORKSPACE should be a copy (it is opened, and a workspace opened may be brought up to
date).  Exports every claim to XLSX with plain rows written in one piece
(db.exporting.xlsx._ClaimRows.direct), then with every row through XlsxWriter, REPEAT
times each (default 1) alternating; compares the two files member by member, the
document's creation time aside, and prints the CPU time of each export and the load
average.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.claims import ClaimFilter
from db.exporting import xlsx
from db.workspace import open_workspace

CREATED = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        out = {name: book.read(name) for name in book.namelist()}
    out["docProps/core.xml"] = CREATED.sub(b"", out["docProps/core.xml"])
    return out


def main(argv: list[str]) -> int:
    source = Path(argv[0])
    repeat = int(argv[1]) if len(argv) > 1 else 1
    can_write_rows = xlsx._can_write_rows
    ways = {"in one piece": can_write_rows, "through XlsxWriter": lambda sheet: False}
    ws = open_workspace(source)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            written: dict[str, Path] = {}
            for _ in range(repeat):
                for name, check in ways.items():
                    xlsx._can_write_rows = check
                    target = Path(tmp) / f"{len(written)}.xlsx"
                    began = time.process_time()
                    count = xlsx.write_xlsx(ws, ClaimFilter(), target)
                    cpu = time.process_time() - began
                    load = os.getloadavg()[0]
                    print(f"{name:>18}: {count} claims, CPU {cpu:.2f} s (load {load:.2f})")
                    written[name] = target
            xlsx._can_write_rows = can_write_rows
            first, second = (members(path) for path in written.values())
            differ = sorted(
                n for n in first.keys() | second.keys() if first.get(n) != second.get(n)
            )
    finally:
        ws.close()
    print(f"members that differ: {', '.join(differ) or 'none'} (of {len(first)})")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
