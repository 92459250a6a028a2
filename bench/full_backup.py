"""Size, time and peak memory of a shared workspace's full backup and its restores.

Usage: python bench/full_backup.py --pg ADMIN_URL [--articles N] [--claims K] [--mib M]

A fresh PostgreSQL database beside ADMIN_URL's is filled through ClaimDesk's own
services: N articles of made-up prose (bench/prose.py) with K claims each (tags,
a fact per article, links, evidence, comments with a reply, a verdict, a relay
chain, a dismissed suggestion and proposal, a saved filter), each article revised
once, and one more article of M MiB with an earlier text of M MiB too (written as a
row: re-anchoring claims on a text that long takes minutes), so both take the way of
long values.  Then, each in a fresh child process whose peak
resident memory (VmHWM) is read: ``claimdesk backup`` of it (a full bundle), the
restore of that bundle into a new SQLite file, and into a new, empty PostgreSQL
database.  Every table's row count is compared after each restore.  The
databases made are dropped at the end.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bundle_memory import _pg_workspace, _rss_mib  # noqa: E402
from bench.prose import sentences, title  # noqa: E402

NAMES = ("claimdesk_full_backup_bench", "claimdesk_full_restore_bench")


def _drop(admin_url: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in NAMES:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def _article(ws: object, seed: int, chars: int) -> tuple[object, str, list[tuple[int, int]]]:
    from db import articles as article_ops
    from db.importing.text import read_text_article

    body, spans = sentences(seed, chars)
    text = f"{title(seed)}\n\n{body}"
    shift = len(title(seed)) + 2
    art = article_ops.add_article(
        ws,  # type: ignore[arg-type]
        read_text_article(text.encode("utf-8"), f"report{seed}.txt"),
    )
    return art, text, [(a + shift, b + shift) for a, b in spans]


def fill(url: str, articles: int, claims: int, mib: int) -> None:
    from db import claims as claim_ops
    from db import comments as comment_ops
    from db import evidence as evidence_ops
    from db import links as link_ops
    from db import review
    from db.analysts import bind_analyst
    from db.claims import ClaimFilter
    from db.importing.text import read_text_article
    from db.models import (
        ArticleRevision,
        Claim,
        DismissedProposal,
        Fact,
        Relation,
        Status,
        SuggestionDismissal,
    )
    from db.relays import set_relay_names
    from db.revisions import replace_article_text
    from db.saved_filters import save_filter
    from db.settings import FOUR_EYES, set_setting
    from db.workspace import open_workspace

    ws = open_workspace(url)
    bind_analyst(ws)
    set_setting(ws, FOUR_EYES, "off")
    save_filter(ws, "Army", ClaimFilter(tags=frozenset({"army"})))
    for seed in range(articles):
        art, text, spans = _article(ws, seed, 600 * claims)
        made = []
        for n, (start, end) in enumerate(spans[:claims]):
            info = claim_ops.create_claim(
                ws, art.id, start, end, tags=["army" if n % 2 else "economy"]
            )
            made.append(info.id)
        link_ops.add_link(ws, made[0], made[1], Relation.SUPPORTS)
        evidence_ops.add_evidence(ws, made[0], "https://example.org/a", "a list")
        thread = comment_ops.add_comment(ws, made[1], "Which figure?")
        comment_ops.add_comment(ws, made[1], "The second.", parent_id=thread.id)
        claim_ops.update_claim(ws, made[0], status=Status.IN_REVIEW)
        review.give_verdict(ws, made[0], Status.VERIFIED, "Two sources agree.")
        set_relay_names(ws, made[2], ["Wire service", "Local radio"])
        with ws.session() as session:
            fact = Fact(name=f"Fact {seed}")
            session.add(fact)
            session.flush()
            for claim_id in made[:3]:
                session.get_one(Claim, claim_id).fact_id = fact.id
            start, end = spans[claims]
            session.add(
                SuggestionDismissal(
                    article_id=art.id,
                    analyst_id=ws.analyst_id,
                    kind="number",
                    start=start,
                    end=end,
                    quote=text[start:end],
                )
            )
            session.add(
                DismissedProposal(
                    from_claim_id=made[1],
                    to_claim_id=made[2],
                    relation=Relation.CONTRADICTS,
                    analyst_id=ws.analyst_id,
                )
            )
        revised = text + "\nA paragraph added in a later edition.\n"
        replace_article_text(ws, art.id, read_text_article(revised.encode(), f"r{seed}.txt"))
    if mib:
        # Its earlier text is written as a row: replacing the text of an article this
        # long re-anchors its claims with difflib over the whole text, for many minutes.
        art, text, spans = _article(ws, 10_000, mib * 2**20)
        claim_ops.create_claim(ws, art.id, *spans[0])
        earlier = "An earlier edition.\n" + text
        with ws.session() as session:
            session.add(
                ArticleRevision(
                    article_id=art.id,
                    number=1,
                    text=earlier,
                    sha256=hashlib.sha256(earlier.encode()).hexdigest(),
                    filename="long-earlier.txt",
                )
            )
    ws.close()


def counts(target: str) -> dict[str, int]:
    from sqlalchemy import func, select

    from db.bundles.full import carried_tables
    from db.models import Base
    from db.workspace import open_workspace

    ws = open_workspace(target if "://" in target else Path(target))
    out = {}
    with ws.session() as session:
        for name in carried_tables():
            table = Base.metadata.tables[name]
            out[name] = session.scalar(select(func.count()).select_from(table)) or 0
    ws.close()
    return out


def child(action: str, source: str, target: str) -> dict[str, float]:
    from db.cli import run

    before = _rss_mib()
    began = time.perf_counter()
    if action == "backup":
        code = run(["backup", "--db", source, "-o", target])
    else:
        code = run(["restore", source, "-o", target])
    seconds = time.perf_counter() - began
    if code:
        raise SystemExit(f"{action} exited with {code}")
    return {"rss_before_mib": before, "rss_peak_mib": _rss_mib(), "seconds": seconds}


def _run(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _arg(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], argv[2], argv[3])))
        return
    admin = argv[argv.index("--pg") + 1]
    articles, claims, mib = (
        _arg(argv, "--articles", 40),
        _arg(argv, "--claims", 20),
        _arg(argv, "--mib", 20),
    )
    try:
        source = _pg_workspace(admin, NAMES[0])
        began = time.perf_counter()
        fill(source, articles, claims, mib)
        expected = counts(source)
        print(
            f"workspace: {articles} articles x {claims} claims, one of {mib} MiB, each revised "
            f"once ({time.perf_counter() - began:.0f} s to build); rows: "
            + ", ".join(f"{n} {t}" for t, n in expected.items())
        )
        with tempfile.TemporaryDirectory() as tmp:
            bundle = Path(tmp) / "backup.claimdesk"
            result = _run("--child", "backup", source, str(bundle))
            print(
                f"backup: {bundle.stat().st_size / 2**20:.1f} MiB bundle, "
                f"{result['seconds']:.1f} s, RSS before {result['rss_before_mib']:.0f} MiB, "
                f"peak {result['rss_peak_mib']:.0f} MiB"
            )
            for label, target in (
                ("SQLite", str(Path(tmp) / "restored.sqlite")),
                ("PostgreSQL", _pg_workspace(admin, NAMES[1])),
            ):
                result = _run("--child", "restore", str(bundle), target)
                same = counts(target) == expected
                print(
                    f"restore into {label}: {result['seconds']:.1f} s, RSS before "
                    f"{result['rss_before_mib']:.0f} MiB, peak {result['rss_peak_mib']:.0f} MiB; "
                    f"row counts {'equal' if same else 'DIFFER'}"
                )
    finally:
        _drop(admin)


if __name__ == "__main__":
    main(sys.argv[1:])
