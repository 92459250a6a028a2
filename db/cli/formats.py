"""Format commands beyond ``export``: Web Annotation import and paged reports."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def cmd_import_annotations(ctx: CliContext) -> int:
    from db.importing import import_any

    total = left_out = 0
    for name in ctx.args.files:
        path = Path(name)
        if path.suffix.lower() != ".jsonld":
            raise InvalidInput(f"{path.name}: Web Annotation files end in .jsonld.")
        outcome = import_any(ctx.ws, path)
        total += outcome.claims
        # Each annotation that did not fit, one line each (exit 1 when there is one).
        for problem in outcome.problems:
            print(f"claimdesk: {problem}", file=ctx.err)
        left_out += len(outcome.problems)
    added = f"{total} claim{'s' if total != 1 else ''} added"
    ctx.print(f"{added}, {left_out} annotation{'s' if left_out != 1 else ''} left out")
    return 1 if left_out else 0


def cmd_report(ctx: CliContext) -> int:
    from db.cli.core import _filter_from_args
    from db.exporting.pdf import write_pdf
    from db.exporting.report import write_html

    path = Path(ctx.args.output)
    flt = _filter_from_args(ctx, default_status=None)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        n = write_pdf(ctx.ws, flt, path, page=ctx.args.page)
    elif suffix in (".html", ".htm"):
        n = write_html(ctx.ws, flt, path)
    else:
        raise InvalidInput(f"{path.name}: a report is written as .pdf or .html.")
    ctx.print(f"{n} claim{'s' if n != 1 else ''} written to {path}")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from db.cli.core import _filter_options

    p = subparsers.add_parser(
        "import-annotations",
        parents=[common],
        help="add claims from W3C Web Annotation files (.jsonld) to existing articles",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_import_annotations)

    p = subparsers.add_parser(
        "report", parents=[common], help="write a claims report as PDF or HTML"
    )
    _filter_options(p, status_help="only this status (repeatable; default all)")
    p.add_argument("output", metavar="FILE", help="report.pdf or report.html")
    p.add_argument("--page", default="a4", choices=["a4", "letter"], help="PDF paper size")
    p.set_defaults(handler=cmd_report)
