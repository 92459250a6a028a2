"""Facts and conflicts: facts, fact add/assign/propose, conflicts."""

from __future__ import annotations

import argparse
import json
from typing import Any

from db.cli import CliContext


def cmd_facts(ctx: CliContext) -> int:
    from db.facts.service import list_facts

    facts = list_facts(ctx.ws)
    if ctx.args.format == "json":
        rows = [
            {"id": str(f.id), "name": f.name, "notes": f.notes, "claims": f.claim_count}
            for f in facts
        ]
        ctx.print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for f in facts:
        ctx.print(f"{f.id}\t{f.claim_count}\t{f.name}")
    if not facts:
        ctx.print("No facts yet; `claimdesk fact propose` suggests some.")
    return 0


def cmd_fact_add(ctx: CliContext) -> int:
    from db.facts.service import create_fact

    info, _changes = create_fact(ctx.ws, ctx.args.name, ctx.args.notes or "")
    ctx.print(f"{info.id}\t{info.name}")
    return 0


def cmd_fact_assign(ctx: CliContext) -> int:
    from db.facts.service import assign_claims

    assign_claims(ctx.ws, ctx.args.fact_id, ctx.args.claim_ids)
    ctx.print(f"{len(ctx.args.claim_ids)} claim(s) now answer fact {ctx.args.fact_id}")
    return 0


def cmd_fact_propose(ctx: CliContext) -> int:
    from db.facts.naming import fact_names
    from db.facts.proposals import propose_groups
    from db.facts.service import assign_claims, create_fact

    groups = propose_groups(ctx.ws)
    names = fact_names((g[0].unit, [p.quote for p in g]) for g in groups)
    out: list[dict[str, Any]] = []
    for name, group in zip(names, groups, strict=True):
        entry: dict[str, Any] = {
            "name": name,
            "claims": [
                {"claim": str(p.claim_id), "quote": p.quote, "value": p.value} for p in group
            ],
        }
        if ctx.args.accept:
            info, _ = create_fact(ctx.ws, name)
            assign_claims(ctx.ws, info.id, [p.claim_id for p in group])
            entry["fact"] = str(info.id)
        out.append(entry)
    if ctx.args.format == "json":
        ctx.print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for entry in out:
        ctx.print(f"{entry.get('fact', '(proposed)')}\t{entry['name']}")
        for c in entry["claims"]:
            ctx.print(f"  {c['claim']}\t{c['quote'][:70]}")
    if not out:
        ctx.print("No groups to propose.")
    return 0


def cmd_conflicts(ctx: CliContext) -> int:
    from db.facts.proposals import accept, conflicts, propose_links

    found = propose_links(ctx.ws) if ctx.args.all else conflicts(ctx.ws)
    if ctx.args.accept:
        for proposal in found:
            accept(ctx.ws, proposal)
    if ctx.args.format == "json":
        ctx.print(json.dumps([p.as_json() for p in found], ensure_ascii=False, indent=1))
        return 0
    for p in found:
        done = "linked" if ctx.args.accept else "proposed"
        ctx.print(
            f"{done}\t{p.from_claim.claim_id} {p.relation.value} {p.to_claim.claim_id}\t{p.why}"
        )
    if not found:
        ctx.print("No conflicts found.")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("facts", parents=[common], help="list facts")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_facts)
    fact = subparsers.add_parser("fact", parents=[common], help="work on facts")
    actions = fact.add_subparsers(dest="fact_command", metavar="ACTION")
    p = actions.add_parser("add", parents=[common], help="create a fact (a question)")
    p.add_argument("name")
    p.add_argument("--notes")
    p.set_defaults(handler=cmd_fact_add)
    p = actions.add_parser("assign", parents=[common], help="put claims in a fact")
    p.add_argument("fact_id", metavar="FACT_ID")
    p.add_argument("claim_ids", nargs="+", metavar="CLAIM_ID")
    p.set_defaults(handler=cmd_fact_assign)
    p = actions.add_parser("propose", parents=[common], help="propose facts grouping claims")
    p.add_argument("--accept", action="store_true", help="create the proposed facts")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_fact_propose)
    p = subparsers.add_parser(
        "conflicts", parents=[common], help="proposed contradicts/updates links between claims"
    )
    p.add_argument("--accept", action="store_true", help="make the proposed links")
    p.add_argument("--all", action="store_true", help="also propose same and supports links")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_conflicts)
