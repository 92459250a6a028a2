"""Views as data: timeline (JSON; pictures come from the desktop app)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def cmd_timeline(ctx: CliContext) -> int:
    from db.exporting import atomic_path
    from db.facts.timeline import timeline

    output = str(ctx.args.output)
    if output != "-":
        suffix = Path(output).suffix.lower()
        if suffix in (".png", ".svg"):
            raise InvalidInput(
                f"The command line writes the timeline as JSON only; export {suffix[1:].upper()} "
                "from the app (View ▸ Timeline…), or give a .json file."
            )
        if suffix != ".json":
            raise InvalidInput(f"Give a .json file for the timeline, not {output!r}.")
        if Path(output).is_dir():
            raise InvalidInput(f"{output} is a folder; give a file name.")
    data = timeline(ctx.ws, ctx.args.fact_id)
    text = json.dumps(data.as_json(), ensure_ascii=False, indent=1)
    if output == "-":
        (ctx.out or sys.stdout).write(text + "\n")
        return 0
    with atomic_path(Path(output)) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")
    n = len(data.items)
    ctx.print(f"{n} claim{'s' if n != 1 else ''} and {len(data.links)} link(s) written to {output}")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "timeline", parents=[common], help="a fact's claims in time, with their figures, as JSON"
    )
    p.add_argument("fact_id", nargs="?", metavar="FACT_ID", help="a fact (default: every claim)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json", help="or - for stdout")
    p.set_defaults(handler=cmd_timeline)
