"""Views on the command line: the timeline and the link graph, as JSON or as a picture
(PNG or SVG, drawn by the app's own views in another process)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def _target(ctx: CliContext, what: str) -> str:
    """Where to write: ``-``, a .json file, or a .png / .svg picture."""
    output = str(ctx.args.output)
    if output == "-":
        return output
    suffix = Path(output).suffix.lower()
    if suffix not in (".json", ".png", ".svg"):
        raise InvalidInput(f"Give a .json, .png or .svg file for the {what}, not {output!r}.")
    if Path(output).is_dir():
        raise InvalidInput(f"{output} is a folder; give a file name.")
    return output


def _write(ctx: CliContext, kind: str, output: str, data: dict[str, object]) -> None:
    if Path(output).suffix.lower() in (".png", ".svg"):
        from db.facts.view_pictures import write_picture

        write_picture(kind, data, Path(output))
    else:
        _write_json(ctx, output, data)


def _write_json(ctx: CliContext, output: str, data: dict[str, object]) -> None:
    from db.exporting import atomic_path

    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output == "-":
        (ctx.out or sys.stdout).write(text + "\n")
        return
    with atomic_path(Path(output)) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")


def _report(ctx: CliContext, output: str, claims: int, links: int) -> None:
    if output != "-":
        ctx.print(
            f"{claims} claim{'s' if claims != 1 else ''} and {links} "
            f"link{'s' if links != 1 else ''} written to {output}"
        )


def cmd_timeline(ctx: CliContext) -> int:
    from db.facts.timeline import timeline

    output = _target(ctx, "timeline")
    data = timeline(ctx.ws, ctx.args.fact_id)
    _write(ctx, "timeline", output, data.as_json())
    _report(ctx, output, len(data.items), len(data.links))
    return 0


def cmd_graph(ctx: CliContext) -> int:
    from db.facts.graph import graph

    output = _target(ctx, "link graph")
    data = graph(ctx.ws, ctx.args.fact)
    _write(ctx, "graph", output, data.as_json())
    _report(ctx, output, len(data.nodes), len(data.edges))
    return 0


def _add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.json|.png|.svg",
        help="or - for JSON on stdout",
    )


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "timeline",
        parents=[common],
        help="a fact's claims in time, with their figures, as JSON, PNG or SVG",
    )
    p.add_argument("fact_id", nargs="?", metavar="FACT_ID", help="a fact (default: every claim)")
    _add_output(p)
    p.set_defaults(handler=cmd_timeline)
    p = subparsers.add_parser(
        "graph", parents=[common], help="claims and their links, laid out, as JSON, PNG or SVG"
    )
    p.add_argument("--fact", metavar="FACT_ID", help="only the claims of this fact")
    _add_output(p)
    p.set_defaults(handler=cmd_graph)
