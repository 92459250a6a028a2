"""The HTML report as a PDF, rendered by Qt in a separate process.

The core never imports Qt: it writes the report to a temporary HTML file and
runs ``python -m desktop.pdf_render`` on it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.exporting import atomic_path
from db.exporting.report import write_report
from db.exporting.rows import ExportCancelled, Progress
from db.exporting.support import need_file
from db.workspace import Workspace

PAGE_SIZES = ("A4", "Letter")
RENDER_TIMEOUT = 1800  # seconds
POLL_INTERVAL = 0.1  # seconds between checks for Cancel while Qt renders
PAGE_ENV = "CLAIMDESK_PDF_PAGE"
RENDER_PDF_FLAG = "--render-pdf"  # see desktop.launcher


def render_pdf(
    html_path: Path,
    pdf_path: Path,
    page: str = "A4",
    title: str = "",
    keep_going: Callable[[], bool] | None = None,
) -> None:
    """Run the Qt renderer on *html_path*; raises InvalidInput with its message on failure.

    *keep_going* is polled while the renderer runs; once it returns False the
    renderer is stopped and :class:`ExportCancelled` is raised.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # printing needs no window system
    if getattr(sys, "frozen", False):  # a packaged build: the launcher dispatches
        cmd = [sys.executable, RENDER_PDF_FLAG]
    else:
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        cmd = [sys.executable, "-m", "desktop.pdf_render"]
    cmd += [str(html_path), str(pdf_path), "--page", page, "--title", title]
    deadline = time.monotonic() + RENDER_TIMEOUT
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, env=env
        )
        try:
            while True:
                if keep_going is not None and not keep_going():
                    raise ExportCancelled("The export was cancelled.")
                if time.monotonic() > deadline:
                    raise InvalidInput("Rendering the PDF took too long and was stopped.")
                try:
                    returncode = proc.wait(timeout=POLL_INTERVAL)
                    break
                except subprocess.TimeoutExpired:
                    pass
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        errors.seek(0)
        detail = errors.read().decode("utf-8", "replace").strip().splitlines()
    if returncode != 0:
        raise InvalidInput(
            f"The PDF could not be rendered ({detail[-1] if detail else returncode})."
        )


def write_pdf(
    ws: Workspace,
    flt: ClaimFilter,
    target: Path | None,
    progress: Progress | None = None,
    *,
    page: str | None = None,
) -> int:
    """Write the claims report as a PDF (page A4 or Letter; default from CLAIMDESK_PDF_PAGE)."""
    path = need_file(target, "PDF")
    page = (page or os.environ.get(PAGE_ENV) or "A4").strip()
    page = "Letter" if page.lower() == "letter" else page.upper()
    if page not in PAGE_SIZES:
        raise InvalidInput(f"The page size {page!r} is not supported; use A4 or Letter.")
    with tempfile.TemporaryDirectory(prefix="claimdesk-pdf-") as tmp:
        html_path = Path(tmp) / "report.html"
        with open(html_path, "w", encoding="utf-8") as fh:
            count = write_report(ws, flt, fh, progress)

        def keep_going() -> bool:
            # While Qt lays out the pages, the claims are all written: report them done.
            return progress is None or progress(count, count) is not False

        with atomic_path(path) as out:
            render_pdf(
                html_path,
                out,
                page,
                title=f"Claims report — {ws.display_name}",
                keep_going=keep_going,
            )
    return count
