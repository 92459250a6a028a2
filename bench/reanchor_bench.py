"""Time to re-anchor the claims of a long article whose text was replaced.

Run from the project folder::

    PYTHONPATH=. .venv/bin/python bench/reanchor_bench.py [--sizes 1,5] [--claims 300]

For each size (in MiB of text) it builds an article of that many code points with
*claims* claims and a revision of it (paragraphs reworded, inserted, removed and moved;
see ``tests/reanchor_support.py``), then prints the time of ``db.reanchor.reanchor`` —
the work done when an article's text is replaced — wall-clock and CPU time (the
machine may be shared), and how many claims were kept, moved and orphaned.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.reanchor import reanchor, summarise
from tests.reanchor_support import long_revision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="text sizes in MiB, comma-separated")
    parser.add_argument("--claims", type=int, default=300)
    args = parser.parse_args()
    for size in (float(s) for s in args.sizes.split(",")):
        revision = long_revision(int(size * 1024 * 1024), args.claims)
        began, cpu = time.perf_counter(), time.process_time()
        placements = reanchor(revision.old, revision.new, revision.anchors)
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
        print(
            f"{size:g} MiB, {len(placements)} claims: {took:.2f} s ({cpu:.2f} s of CPU) "
            f"({summarise(placements).describe()})",
            flush=True,
        )


if __name__ == "__main__":
    main()
