"""Views as data: timeline and link graph (JSON; pictures come from the desktop app)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def _json_target(ctx: CliContext, what: str, menu: str) -> str:
    output = str(ctx.args.output)
    if output == "-":
        return output
    suffix = Path(output).suffix.lower()
    if suffix in (".png", ".svg"):
        raise InvalidInput(
            f"The command line writes the {what} as JSON only; export {suffix[1:].upper()} "
            f"from the app (View ▸ {menu}), or give a .json file."
        )
    if suffix != ".json":
        raise InvalidInput(f"Give a .json file for the {what}, not {output!r}.")
    if Path(output).is_dir():
        raise InvalidInput(f"{output} is a folder; give a file name.")
    return output


def _write_json(ctx: CliContext, output: str, data: dict[str, object]) -> None:
    from db.exporting import atomic_path

    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output == "-":
        (ctx.out or sys.stdout).write(text + "\n")
        return
    with atomic_path(Path(output)) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")


def cmd_timeline(ctx: CliContext) -> int:
    from db.facts.timeline import timeline

    output = _json_target(ctx, "timeline", "Timeline…")
    data = timeline(ctx.ws, ctx.args.fact_id)
    _write_json(ctx, output, data.as_json())
    if output != "-":
        n = len(data.items)
        ctx.print(
            f"{n} claim{'s' if n != 1 else ''} and {len(data.links)} link(s) written to {output}"
        )
    return 0


def cmd_graph(ctx: CliContext) -> int:
    from db.facts.graph import graph

    output = _json_target(ctx, "link graph", "Link Graph…")
    data = graph(ctx.ws, ctx.args.fact)
    _write_json(ctx, output, data.as_json())
    if output != "-":
        ctx.print(f"{len(data.nodes)} claim(s) and {len(data.edges)} link(s) written to {output}")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "timeline", parents=[common], help="a fact's claims in time, with their figures, as JSON"
    )
    p.add_argument("fact_id", nargs="?", metavar="FACT_ID", help="a fact (default: every claim)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json", help="or - for stdout")
    p.set_defaults(handler=cmd_timeline)
    p = subparsers.add_parser(
        "graph", parents=[common], help="claims and their links, laid out, as JSON"
    )
    p.add_argument("--fact", metavar="FACT_ID", help="only the claims of this fact")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json", help="or - for stdout")
    p.set_defaults(handler=cmd_graph)
