"""Quality of the proposed links on a hand-marked reference.

    PYTHONPATH=. python bench/facts_quality.py [--reference DIR] [--articles DIR]

Scores the seed reference (tests/fixtures/facts_reference, articles in ../shared/seeds)
unless told otherwise; ``--reference tests/fixtures/facts_fresh`` scores the held-out set,
whose articles sit beside its reference.json (a reference folder holding .txt files is
its own article folder unless ``--articles`` names another).

Imports the articles into a temporary workspace, creates the reference's claims
at their marked offsets (checking each quote against its fingerprint), runs the link
proposals and prints: recall of contradicts + updates (type-agnostic and type-exact),
the share of same/supports pairs wrongly proposed as contradictions, same-number-
different-quantity pairs wrongly linked by their figures, the date conflicts
(recall, precision, agreeing dates and different events wrongly flagged), the
misdated claim, and the time taken for proposals on this workspace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REFERENCE_DIR = ROOT / "tests" / "fixtures" / "facts_reference"
REFERENCE = REFERENCE_DIR / "reference.json"
SEEDS = ROOT.parent / "shared" / "seeds"


def articles_for(reference_dir: Path) -> Path:
    """Where a reference's articles are: beside it if it holds any, else the seeds."""
    return reference_dir if any(reference_dir.glob("*.txt")) else SEEDS


def evaluate(
    seeds: Path = SEEDS, reference: Path = REFERENCE, verbose: bool = False
) -> dict[str, object]:
    from db.analysts import bind_analyst
    from db.claims import create_claim
    from db.facts.proposals import propose_links
    from db.importing import import_file
    from db.workspace import open_workspace

    ref = json.loads(reference.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "facts.sqlite")
        try:
            bind_analyst(ws)
            articles = {p.name: import_file(ws, p).id for p in sorted(seeds.glob("*.txt"))}
            ids = {}
            for key, c in ref["claims"].items():
                fields = {}
                if "event" in c:
                    first, last = (dt.date.fromisoformat(d) for d in c["event"])
                    fields = {"event_start": first, "event_end": last}
                article = articles[c.get("article", c.get("seed"))]
                info = create_claim(ws, article, c["start"], c["end"], **fields)
                fingerprint = hashlib.sha256(info.quote.encode()).hexdigest()[: len(c["sha256"])]
                if fingerprint != c["sha256"]:
                    raise SystemExit(
                        f"claim {key}: the article's text at {c['start']}–{c['end']} moved"
                    )
                ids[key] = info.id
            names = {v: k for k, v in ids.items()}
            started = time.perf_counter()
            proposals = propose_links(ws)
            elapsed = time.perf_counter() - started
            if verbose:
                from db.facts.happenings import happenings
                from db.facts.proposals import profiles

                for p in sorted(profiles(ws), key=lambda p: names.get(p.claim_id, "")):
                    print(
                        f"  {names.get(p.claim_id, '?'):4} {p.value} [{p.low:g}, {p.high:g}] "
                        f"unit={p.unit!r} when={p.when} event={p.event_first}..{p.event_last} "
                        f"pred={p.predicate!r} cue={p.update_cue} trend={p.trend} "
                        f"inc={p.increment} fc={p.forecast} sub={p.subset} "
                        f"scope={p.scope!r} verb={p.verb!r} happ={sorted(happenings(p))}"
                    )
        finally:
            ws.close()
    found = {
        frozenset((names[p.from_claim.claim_id], names[p.to_claim.claim_id])): p
        for p in proposals
        if p.from_claim.claim_id in names and p.to_claim.claim_id in names
    }
    wanted = [r for r in ref["relations"] if r["relation"] in ("contradicts", "updates")]
    hit_any = sum(frozenset((r["from"], r["to"])) in found for r in wanted)
    hit_exact = sum(
        frozenset((r["from"], r["to"])) in found
        and found[frozenset((r["from"], r["to"]))].relation.value == r["relation"]
        for r in wanted
    )
    missed = [
        f"{r['from']}–{r['to']} {r['relation']}"
        + (
            f" (proposed {found[frozenset((r['from'], r['to']))].relation.value})"
            if frozenset((r["from"], r["to"])) in found
            else ""
        )
        for r in wanted
        if frozenset((r["from"], r["to"])) not in found
        or found[frozenset((r["from"], r["to"]))].relation.value != r["relation"]
    ]
    gentle = [r for r in ref["relations"] if r["relation"] in ("same", "supports")]
    false_contra = sum(
        frozenset((r["from"], r["to"])) in found
        and found[frozenset((r["from"], r["to"]))].relation.value == "contradicts"
        for r in gentle
    )
    figures = {key: p for key, p in found.items() if p.kind == "figure"}
    dates = {key for key, p in found.items() if p.kind == "date"}
    wrongly_linked = [pair for pair in ref["not_linked"] if frozenset(pair) in figures]
    marked_dates = {frozenset(pair) for pair in ref["date_conflicts"]}
    date_hits = len(dates & marked_dates)
    calm = [*ref["date_agree"], *ref["different_events"], *gentle_pairs(ref)]
    false_dates = [sorted(pair) for pair in calm if frozenset(pair) in dates]
    all_pairs = {frozenset((r["from"], r["to"])): r["relation"] for r in ref["relations"]}
    exact_all = sum(
        key in found and found[key].relation.value == rel for key, rel in all_pairs.items()
    )
    if verbose:
        marked = {frozenset((r["from"], r["to"])): r["relation"] for r in ref["relations"]}
        marked.update({frozenset(p): "date conflict" for p in ref["date_conflicts"]})
        for key, p in sorted(found.items(), key=lambda kv: sorted(kv[0])):
            a, b = names[p.from_claim.claim_id], names[p.to_claim.claim_id]
            want = marked.get(key, "unmarked")
            got = "date conflict" if p.kind == "date" else p.relation.value
            flag = "ok " if want == got else "XX "
            print(f"  {flag}{a}->{b} {got} (marked: {want}): {p.why}")
        for key, rel in sorted(marked.items(), key=lambda kv: sorted(kv[0])):
            if key not in found:
                print(f"  -- {'–'.join(sorted(key))} {rel} not proposed")
    misdated = ref["misdated"]
    flagged = [m for m in misdated if any(m in key for key in dates)]
    return {
        "contradicts_updates": len(wanted),
        "recall_any": hit_any / len(wanted),
        "recall_exact": hit_exact / len(wanted),
        "missed": missed,
        "same_supports": len(gentle),
        "false_contradictions": false_contra / len(gentle),
        "all_relations_exact": exact_all / len(all_pairs),
        "proposals": len(proposals),
        "precision_all": (exact_all + date_hits) / len(found) if found else 0.0,
        "wrongly_linked": wrongly_linked,
        "misdated_flagged": flagged,
        "date_conflicts": len(marked_dates),
        "date_recall": date_hits / len(marked_dates),
        "date_proposals": len(dates),
        "date_precision": date_hits / len(dates) if dates else 0.0,
        "false_date_conflicts": false_dates,
        "seconds": elapsed,
    }


def gentle_pairs(ref: dict[str, object]) -> list[list[str]]:
    relations = ref["relations"]
    assert isinstance(relations, list)
    return [[r["from"], r["to"]] for r in relations if r["relation"] in ("same", "supports")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the link proposals on a reference.")
    parser.add_argument("--reference", type=Path, default=REFERENCE_DIR, help="folder")
    parser.add_argument("--articles", type=Path, default=None, help="its articles' folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="each claim and pair")
    args = parser.parse_args(argv)
    ref_dir = args.reference.resolve()
    if not (ref_dir / "reference.json").is_file():
        print(f"{ref_dir}: no reference.json in this folder", file=sys.stderr)
        return 2
    articles = args.articles.resolve() if args.articles else articles_for(ref_dir)
    r = evaluate(articles, ref_dir / "reference.json", args.verbose)
    print(f"Proposed links against the hand-marked reference in {ref_dir.name}")
    print(f"  contradicts + updates recall, any type: {r['recall_any']:.0%} (target ≥ 95 %)")
    print(f"  contradicts + updates recall, exact type: {r['recall_exact']:.0%} (target ≥ 80 %)")
    print(f"  missed or mistyped: {', '.join(r['missed']) or 'none'}")
    print(
        f"  same/supports pairs flagged as contradictions: {r['false_contradictions']:.0%} "
        "(target ≤ 10 %)"
    )
    print(f"  every marked relation found with its type: {r['all_relations_exact']:.0%}")
    print(f"  proposals: {r['proposals']}, of them marked with that type: {r['precision_all']:.0%}")
    print(
        "  same number, different quantity, wrongly linked by figure: "
        f"{r['wrongly_linked'] or 'none'}"
    )
    print("Date conflicts (claims dating one event differently)")
    print(f"  recall: {r['date_recall']:.0%} of {r['date_conflicts']} marked")
    print(f"  precision: {r['date_precision']:.0%} of {r['date_proposals']} proposed")
    print(
        "  agreeing dates, different events or same/supports pairs flagged: "
        f"{r['false_date_conflicts'] or 'none'}"
    )
    print(f"  misdated claim flagged: {r['misdated_flagged'] or 'no'}")
    print(f"  proposals computed in {r['seconds'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
