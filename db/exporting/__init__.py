"""Claim sheet exports. Each format is a module with ``write(ws, flt, target, progress)``.

``target`` is a path, or ``None`` for standard output where the format allows it.
The writer returns the number of claims written and raises
:class:`ExportCancelled` when *progress* returns False.  A file is written to a
temporary name and moved into place only when complete.
"""

from __future__ import annotations

import importlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.exporting.rows import ExportCancelled, Progress
from db.workspace import Workspace

# format name -> "module:function"; formats register here as they are built.
EXPORTERS: dict[str, str] = {
    "csv": "db.exporting.sheet:write_csv",
    "json": "db.exporting.sheet:write_json",
}
FILE_SUFFIX: dict[str, str] = {"csv": ".csv", "json": ".json"}
# Richer formats: workbook, reports and linked-data exports.
EXPORTERS.update(
    {
        "xlsx": "db.exporting.xlsx:write_xlsx",
        "w3c": "db.exporting.w3c:write_w3c",
        "html": "db.exporting.report:write_html",
        "pdf": "db.exporting.pdf:write_pdf",
        "md": "db.exporting.markdown:write_markdown",
        "claimreview": "db.exporting.claimreview:write_claimreview",
    }
)
FILE_SUFFIX.update(
    {
        "xlsx": ".xlsx",
        "w3c": ".jsonld",
        "html": ".html",
        "pdf": ".pdf",
        "md": ".md",
        "claimreview": ".json",
    }
)
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


def formats() -> list[str]:
    return list(EXPORTERS)


def get_writer(fmt: str) -> Callable[..., int]:
    spec = EXPORTERS.get(fmt)
    if spec is None:
        raise InvalidInput(f"Unknown export format {fmt!r}; use one of {', '.join(EXPORTERS)}.")
    module_name, func_name = spec.split(":")
    writer: Callable[..., int] = getattr(importlib.import_module(module_name), func_name)
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
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
