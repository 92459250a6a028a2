"""The HTML report as a PDF, rendered by Qt in a separate process.

The core never imports Qt: it streams the report to ``python -m
desktop.pdf_render -`` on its standard input as a sequence of complete HTML
documents (the title page, then a few hundred claims at a time), each framed
by its length.  The renderer lays out one document at a time and paints its
pages onto the same PDF, so neither side ever holds the whole report.
"""

from __future__ import annotations

import os
import queue
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterable
from pathlib import Path

from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.exporting import atomic_path
from db.exporting.report import report_documents
from db.exporting.rows import ExportCancelled, Progress
from db.exporting.support import need_file, workspace_label
from db.paths import RENDER_PDF_FLAG
from db.render_process import renderer_command
from db.workspace import Workspace

PAGE_SIZES = ("A4", "Letter")
RENDER_TIMEOUT = 1800  # seconds
POLL_INTERVAL = 0.1  # seconds between checks for Cancel while Qt renders
PAGE_ENV = "CLAIMDESK_PDF_PAGE"
CHUNK_ENV = "CLAIMDESK_PDF_CHUNK"  # claims laid out together; smaller uses less memory
CHUNK_CLAIMS = 200
QUEUED_DOCUMENTS = 2  # documents made ahead of the renderer at most


def _command(env: dict[str, str]) -> list[str]:
    return renderer_command(env, "desktop.pdf_render", RENDER_PDF_FLAG)


def frame(html: str) -> bytes:
    """One document as the renderer reads it: its length in bytes, a newline, the UTF-8."""
    data = html.encode("utf-8")
    return b"%d\n" % len(data) + data


END_OF_STREAM = b"0\n"


def render_pdf(
    documents: Iterable[str],
    pdf_path: Path,
    page: str = "A4",
    title: str = "",
    keep_going: Callable[[], bool] | None = None,
) -> None:
    """Stream *documents* (complete HTML pages) to the Qt renderer, which writes *pdf_path*.

    Raises InvalidInput with the renderer's message on failure.  *keep_going* is
    polled while the renderer runs (and whenever it is slower than the documents
    are made); once it returns False the renderer is stopped and
    :class:`ExportCancelled` is raised.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # printing needs no window system
    cmd = [*_command(env), "-", str(pdf_path), "--page", page, "--title", title, "--page-numbers"]
    deadline = time.monotonic() + RENDER_TIMEOUT

    def check() -> None:
        if keep_going is not None and not keep_going():
            raise ExportCancelled("The export was cancelled.")
        if time.monotonic() > deadline:
            raise InvalidInput("Rendering the PDF took too long and was stopped.")

    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors, env=env
        )
        # A thread feeds the pipe, so a renderer busy with a long document never
        # blocks this thread: Cancel is still polled, and the report's queries and
        # progress calls stay on the caller's thread.
        pending: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUED_DOCUMENTS)
        stop = threading.Event()

        def feed() -> None:
            stdin = proc.stdin
            assert stdin is not None
            try:
                while not stop.is_set():
                    try:
                        data = pending.get(timeout=POLL_INTERVAL)
                    except queue.Empty:
                        continue
                    stdin.write(END_OF_STREAM if data is None else data)
                    if data is None:
                        break
                stdin.close()
            except (BrokenPipeError, OSError, ValueError):
                pass  # the renderer stopped: its exit status and message tell why

        feeder = threading.Thread(target=feed, name="pdf-feed", daemon=True)
        feeder.start()
        try:
            for html in documents:
                item = frame(html)
                while True:
                    if proc.poll() is not None:
                        break  # it failed early; what it said is reported below
                    try:
                        pending.put(item, timeout=POLL_INTERVAL)
                        break
                    except queue.Full:
                        check()
                if proc.poll() is not None:
                    break
            while proc.poll() is None:
                try:
                    pending.put(None, timeout=POLL_INTERVAL)
                    break
                except queue.Full:
                    check()
            while True:
                check()
                try:
                    returncode = proc.wait(timeout=POLL_INTERVAL)
                    break
                except subprocess.TimeoutExpired:
                    pass
        finally:
            stop.set()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            feeder.join(timeout=5)
        errors.seek(0)
        detail = errors.read().decode("utf-8", "replace").strip().splitlines()
    if returncode != 0:
        raise InvalidInput(
            f"The PDF could not be rendered ({detail[-1] if detail else returncode})."
        )


def chunk_claims() -> int:
    """Claims per laid-out document: CLAIMDESK_PDF_CHUNK, or the default."""
    value = os.environ.get(CHUNK_ENV, "").strip()
    try:
        return max(1, int(value)) if value else CHUNK_CLAIMS
    except ValueError:
        raise InvalidInput(
            f"{CHUNK_ENV} must be a whole number of claims, not {value!r}."
        ) from None


def write_pdf(
    ws: Workspace,
    flt: ClaimFilter,
    target: Path | None,
    progress: Progress | None = None,
    *,
    page: str | None = None,
    per_document: int | None = None,
) -> int:
    """Write the claims report as a PDF (page A4 or Letter; default from CLAIMDESK_PDF_PAGE).

    *per_document* claims are laid out at a time (default from CLAIMDESK_PDF_CHUNK).
    """
    path = need_file(target, "PDF")
    page = (page or os.environ.get(PAGE_ENV) or "A4").strip()
    page = "Letter" if page.lower() == "letter" else page.upper()
    if page not in PAGE_SIZES:
        raise InvalidInput(f"The page size {page!r} is not supported; use A4 or Letter.")
    size = per_document if per_document is not None else chunk_claims()
    last = [0, 0]  # the latest (done, total), repeated while waiting on the renderer

    def report(done: int, total: int) -> bool:
        last[:] = [done, total]
        return progress is None or progress(done, total) is not False

    def keep_going() -> bool:
        # Once every claim is sent, Qt is laying out the last pages: report them done.
        return progress is None or progress(last[0], last[1]) is not False

    documents = report_documents(ws, flt, report, size)
    count = 0

    def counted() -> Generator[str, None, int]:
        nonlocal count
        count = yield from documents
        return count

    with atomic_path(path) as out:
        render_pdf(
            counted(),
            out,
            page,
            title=f"Claims report — {workspace_label(ws)}",
            keep_going=keep_going,
        )
    return count
