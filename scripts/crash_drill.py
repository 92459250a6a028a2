"""Crash drill: kill a writer with SIGKILL at random moments and check what survives.

    python scripts/crash_drill.py --kills 1000 [--workspace FILE] [--seed N]

A child process writes to one workspace without pause — new claims, field
edits, links, deletions — through the same db/ calls the application makes,
and prints one line per write once the call has returned (the write is then
acknowledged).  The drill kills it with SIGKILL after a random delay, then
checks the workspace: SQLite's integrity check and foreign keys, the
workspace check (quotes, context, links, history), every acknowledged write
present with its acknowledged value, and the workspace opening cleanly.  It
prints one line per kill and a summary; exit 0 when every kill passed.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WRITER = r"""
import random, sys
from db.analysts import bind_analyst
from db import claims as claim_ops, links as link_ops
from db.models import Relation
from db.workspace import open_workspace

path, article_id, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
ws = open_workspace(path)
bind_analyst(ws)
mine = []
print("ready", flush=True)
n = 0
while True:
    n += 1
    op = rng.random()
    if op < 0.55 or len(mine) < 2:
        start = rng.randrange(0, 900)
        info = claim_ops.create_claim(ws, article_id, start, start + rng.randrange(1, 60))
        mine.append(str(info.id))
        print(f"create {info.id}", flush=True)
    elif op < 0.8:
        cid = rng.choice(mine)
        note = f"note {n}"
        print(f"try update {cid} {note.replace(' ', '_')}", flush=True)
        claim_ops.update_claim(ws, cid, notes=note)
        print(f"update {cid} {note.replace(' ', '_')}", flush=True)
    elif op < 0.9:
        a, b = rng.sample(mine, 2)
        try:
            link_ops.add_link(ws, a, b, Relation.SUPPORTS)
        except Exception:
            continue
        print(f"link {a} {b}", flush=True)
    else:
        cid = mine.pop(rng.randrange(len(mine)))
        print(f"try delete {cid}", flush=True)
        claim_ops.delete_claim(ws, cid)
        print(f"delete {cid}", flush=True)
"""


def prepare(path: Path) -> str:
    from db.analysts import bind_analyst
    from db.articles import NewArticle, add_article
    from db.workspace import open_workspace

    words = "Officials said 1,500 soldiers and 40 ships moved east; 원산 🚢 Министр. "
    body = (words * 40)[:1200]
    ws = open_workspace(path)
    try:
        bind_analyst(ws)
        return str(add_article(ws, NewArticle(text=body, original=body.encode())).id)
    finally:
        ws.close()


Expected = tuple[dict[str, str | None], set[tuple[str, str]], set[str]]


def expected_state(lines: list[str]) -> Expected:
    """Acknowledged claims (id -> last acknowledged note, or None), links, and claims in doubt.

    A write announced ("try ...") but not acknowledged when the kill came may
    or may not have committed: either outcome is correct for that claim.
    """
    claims: dict[str, str | None] = {}
    deleted: set[str] = set()
    links: set[tuple[str, str]] = set()
    doubtful: set[str] = set()
    for n, line in enumerate(lines):
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "try":
            acked = n + 1 < len(lines) and lines[n + 1].split()[:2] == parts[1:3]
            if not acked:
                doubtful.add(parts[2])
            continue
        if parts[0] == "create" and len(parts) == 2:
            claims[parts[1]] = None
        elif parts[0] == "update" and len(parts) == 3:
            claims[parts[1]] = parts[2].replace("_", " ")
        elif parts[0] == "link" and len(parts) == 3:
            links.add((parts[1], parts[2]))
        elif parts[0] == "delete" and len(parts) == 2:
            claims.pop(parts[1], None)
            deleted.add(parts[1])
    links = {(a, b) for a, b in links if a not in deleted and b not in deleted}
    return claims, links, doubtful


def verify(
    path: Path, acked: dict[str, str | None], links: set[tuple[str, str]], doubtful: set[str]
) -> list[str]:
    """Problems found after a kill (empty: all good)."""
    from db.check import check_workspace
    from db.workspace import open_workspace

    problems: list[str] = []
    try:
        ws = open_workspace(path)
    except Exception as exc:  # the drill reports any failure to open, whatever it is
        return [f"the workspace does not open: {exc}"]
    try:
        report = check_workspace(ws)
        problems += [f"{f.message}: {f.count}" for f in report.findings]
    finally:
        ws.close()
    conn = sqlite3.connect(path)
    try:
        notes = {
            row[0]: row[1]
            for row in conn.execute("SELECT lower(replace(id, '-', '')), notes FROM claim")
        }
        stored_links = {
            (row[0], row[1])
            for row in conn.execute(
                "SELECT lower(from_claim_id), lower(to_claim_id) FROM claim_link"
            )
        }
    finally:
        conn.close()
    for cid, note in acked.items():
        key = cid.replace("-", "")
        if cid in doubtful:
            continue
        if key not in notes:
            problems.append(f"acknowledged claim {cid} is missing")
        elif note is not None and notes[key] != note:
            # A later, unacknowledged update may have committed just before the kill.
            later = notes[key].startswith("note ") and int(notes[key][5:]) > int(note[5:])
            if not later:
                problems.append(f"claim {cid} has notes {notes[key]!r}, acknowledged {note!r}")
    for a, b in links:
        if a in doubtful or b in doubtful:
            continue
        if (a.replace("-", ""), b.replace("-", "")) not in stored_links:
            problems.append(f"acknowledged link {a} → {b} is missing")
    return problems


def one_kill(
    path: Path, article_id: str, rng: random.Random, max_delay: float
) -> tuple[int, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), article_id, str(rng.randrange(1 << 30))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    if first.strip() != "ready":
        child.kill()
        reason = child.stderr.read() if child.stderr else ""
        return 0, [f"the writer did not start: {first.strip()} {reason}"]
    time.sleep(rng.uniform(0.0, max_delay))
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate(timeout=60)
    lines = out.splitlines()
    # A line cut short by the kill was never acknowledged.
    if out and not out.endswith("\n"):
        lines = lines[:-1]
    return sum(not line.startswith("try ") for line in lines), lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--workspace", type=Path, help="the workspace file (default: a temp file)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=0.6, help="seconds (0.6)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="claimdesk-drill-"))
    path = args.workspace or folder / "drill.sqlite"
    article_id = prepare(path)
    acked_lines: list[str] = []
    failures = 0
    writes = 0
    started = time.monotonic()
    print(f"crash drill: {args.kills} kills on {path} (seed {seed})")
    for n in range(1, args.kills + 1):
        count, lines = one_kill(path, article_id, rng, args.max_delay)
        acked_lines += lines
        writes += count
        claims, links, doubtful = expected_state(acked_lines)
        problems = verify(path, claims, links, doubtful)
        status = "ok" if not problems else "FAIL"
        print(f"kill {n:4d}: {count:4d} writes acknowledged, {len(claims)} claims held — {status}")
        for problem in problems[:5]:
            print(f"    {problem}")
        failures += bool(problems)
    elapsed = time.monotonic() - started
    print(
        f"{args.kills} kills, {writes} acknowledged writes, {failures} failed kill(s), "
        f"{elapsed:.1f} s"
    )
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
