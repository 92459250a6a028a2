"""Claim sheet exports. Each format has a writer ``write(ws, flt, target, progress)``.

``target`` is a path, or ``None`` for standard output where the format allows it.
The writer returns the number of claims written and raises
:class:`ExportCancelled` when *progress* returns False.  A file is written to a
temporary name and moved into place only when complete.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from db import leftovers
from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.exporting.rows import ExportCancelled, Progress
from db.needs import needs
from db.workspace import Workspace

FILE_SUFFIX: dict[str, str] = {
    "csv": ".csv",
    "json": ".json",
    "xlsx": ".xlsx",
    "w3c": ".jsonld",
    "html": ".html",
    "pdf": ".pdf",
    "md": ".md",
    "claimreview": ".json",
}
FORMAT_LABELS: dict[str, str] = {
    "csv": "CSV claim sheet",
    "json": "JSON claim sheet",
    "xlsx": "Excel workbook (XLSX)",
    "html": "HTML report",
    "pdf": "PDF report",
    "md": "Markdown",
    "w3c": "W3C Web Annotations (JSON-LD)",
    "claimreview": "schema.org ClaimReview (JSON-LD)",
}


def format_label(fmt: str) -> str:
    return FORMAT_LABELS.get(fmt, fmt.upper())


Writer = Callable[[Workspace, ClaimFilter, IO[str] | IO[bytes] | Path, Progress | None], int]


def _csv(*args: Any, **options: Any) -> int:
    from db.exporting.sheet import write_csv

    return write_csv(*args, **options)


def _json(*args: Any, **options: Any) -> int:
    from db.exporting.sheet import write_json

    return write_json(*args, **options)


def _xlsx(*args: Any, **options: Any) -> int:
    with needs("Writing XLSX workbooks"):
        from db.exporting.xlsx import write_xlsx
    return write_xlsx(*args, **options)


def _w3c(*args: Any, **options: Any) -> int:
    from db.exporting.w3c import write_w3c

    return write_w3c(*args, **options)


def _html(*args: Any, **options: Any) -> int:
    from db.exporting.report import write_html

    return write_html(*args, **options)


def _pdf(*args: Any, **options: Any) -> int:
    from db.exporting.pdf import write_pdf

    return write_pdf(*args, **options)


def _markdown(*args: Any, **options: Any) -> int:
    from db.exporting.markdown import write_markdown

    return write_markdown(*args, **options)


def _claimreview(*args: Any, **options: Any) -> int:
    from db.exporting.claimreview import write_claimreview

    return write_claimreview(*args, **options)


# Format name -> writer; each writer imports its module (and its packages) on first use.
EXPORTERS: dict[str, Callable[..., int]] = {
    "csv": _csv,
    "json": _json,
    "xlsx": _xlsx,
    "w3c": _w3c,
    "html": _html,
    "pdf": _pdf,
    "md": _markdown,
    "claimreview": _claimreview,
}


def formats() -> list[str]:
    return list(EXPORTERS)


def get_writer(fmt: str) -> Callable[..., int]:
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise InvalidInput(f"Unknown export format {fmt!r}; use one of {', '.join(EXPORTERS)}.")
    return writer


def _new_part_file(path: Path) -> str:
    """Create an empty ``.NAME.*.part`` file beside *path*.

    Unlike mkstemp (always 0600), its permissions follow the umask like any
    file the analyst saves, so a sheet handed to colleagues is readable by them.
    """
    for _attempt in range(100):
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return str(tmp)
    raise FileExistsError(f"No free temporary name beside {path}.")


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside *path*, renamed onto it only if the block succeeds."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise InvalidInput(f"The folder {path.parent} does not exist.")
    tmp = _new_part_file(path)
    leftovers.register(Path(tmp))  # removed at the next start if this process dies
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        leftovers.release(Path(tmp))


def export(
    ws: Workspace,
    fmt: str,
    flt: ClaimFilter,
    target: Path | None,
    progress: Progress | None = None,
    **options: str,
) -> int:
    """Write the claims matching *flt* in *fmt* to *target* (None: standard output).

    *options* go to the writer; the PDF report takes ``page`` (A4 or Letter).
    """
    writer = get_writer(fmt)
    return writer(ws, flt, target, progress, **options)


__all__ = ["EXPORTERS", "ExportCancelled", "atomic_path", "export", "formats", "get_writer"]
