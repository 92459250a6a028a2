"""Time and peak memory of the PDF claims report for many claims.

Usage: python bench/pdf_report_bench.py [N ...]   (default: 1000 5000)

Each size runs in a fresh Python process, which builds a throw-away SQLite
workspace with N claims (25 per article, some in Hangul, Cyrillic and Arabic)
and writes the PDF report.  Printed per size: the wall time of the whole
export (building the HTML and rendering it), the peak resident memory of the
Qt renderer process (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``), the
page count and the file size.  CLAIMDESK_PDF_CHUNK sets the claims laid out
together (default 200).  Not a test.
"""

from __future__ import annotations

import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PER_ARTICLE = 25
WORDS = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
    "북한 병사 Министерство обороны قالت الوزارة"
).split()


def build(path: Path, n: int) -> None:
    from bench.synthetic import claim_row, insert_claims
    from db.analysts import bind_analyst
    from db.articles import NewArticle, add_article
    from db.models import Status
    from db.workspace import open_workspace

    ws = open_workspace(path)
    analyst = bind_analyst(ws)
    text = ". ".join(
        " ".join(WORDS[(i * 3 + j) % len(WORDS)] for j in range(12)) for i in range(400)
    )
    now = dt.datetime.now(dt.UTC)
    statuses = list(Status)
    rows: list[dict] = []
    article = None
    for i in range(n):
        if i % PER_ARTICLE == 0:
            body = f"Article {i // PER_ARTICLE}. {text}"
            article = add_article(
                ws,
                NewArticle(
                    text=body,
                    original=body.encode(),
                    title=f"Synthetic article {i // PER_ARTICLE}",
                    outlet="Bench outlet",
                    url=f"https://bench.example/{i // PER_ARTICLE}",
                    published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
                    + dt.timedelta(hours=i // PER_ARTICLE),
                ),
            )
        start = (i * 97) % (len(text) - 200)
        rows.append(
            claim_row(
                article.id,
                body,
                start,
                start + 40,
                statement=f"Statement number {i}: " + body[start : start + 120],
                status=statuses[i % len(statuses)],
                analyst=analyst,
                now=now,
                notes="A note about the claim. " * (i % 4),
            )
        )
    insert_claims(ws, rows)
    ws.close()


def measure_one(n: int) -> None:
    """Build, export and print one line (runs in its own process)."""
    import pypdfium2 as pdfium

    from db.analysts import bind_analyst
    from db.claims import ClaimFilter
    from db.exporting.pdf import write_pdf
    from db.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite"
        build(db_path, n)
        ws = open_workspace(db_path)
        bind_analyst(ws)
        out = Path(tmp) / "report.pdf"
        began = time.perf_counter()
        count = write_pdf(ws, ClaimFilter(), out)
        seconds = time.perf_counter() - began
        ws.close()
        assert count == n, (count, n)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
        pdf = pdfium.PdfDocument(str(out))
        pages = len(pdf)
        pdf.close()
        size = out.stat().st_size
    print(
        f"{n:>6} claims: {seconds:6.1f} s, renderer peak RSS {rss / 1024:6.1f} MiB, "
        f"{pages} pages, file {size / 2**20:.1f} MiB",
        flush=True,
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        measure_one(int(argv[1]))
        return 0
    for n in [int(a) for a in argv] or [1000, 5000]:
        # A fresh process per size, so RUSAGE_CHILDREN sees only that size's renderer.
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
