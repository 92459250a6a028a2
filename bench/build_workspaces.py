"""Build the benchmark workspaces S, M and L (cached), and the files the import benchmark reads.

    PYTHONPATH=. .venv/bin/python bench/build_workspaces.py [--sizes S,M,L] [--out DIR] [--quick]

* S: one 200,000-character article with 2,000 claims (plus a one-paragraph note the
  window opens first, so that opening the long article is something the benchmark can time);
* M: 1,000 articles, 100,000 claims;  L: 10,000 articles, 1,000,000 claims.

A third of the claims wait for review (in review or disputed); the rest are spread over
the other statuses.  Claims carry history rows as the app writes them (a ``create``
snapshot, and an ``update`` of the status for every claim that moved on), some have
sources, gradings, tags, evidence, comments, links and assignees.

The schema is the app's own: each file is made by ``db.workspace.open_workspace`` (which
creates the tables and stamps the migration head), then filled with bulk Core inserts
(``executemany``) instead of one service call per row — the only shortcut the benchmark
takes, and only for building fixtures.  A file is reused while its recorded recipe matches;
a file made at an older schema is brought up to date with ``db.workspace.migrate`` by the
suite before it measures anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, Table, insert, text  # noqa: E402

from bench import prose  # noqa: E402
from db.anchors import CONTEXT_CHARS  # noqa: E402
from db.models import (  # noqa: E402
    Analyst,
    Article,
    Claim,
    ClaimLink,
    Comment,
    Evidence,
    HistoryEntry,
    Source,
    Tag,
    Verdict,
    claim_tag,
)
from db.workspace import open_workspace  # noqa: E402

DEFAULT_OUT = Path("/tmp/claimdesk-bench")
RECIPE_VERSION = 3  # bump when the content built below changes
BATCH = 20_000
NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Size:
    name: str
    articles: int
    claims_per_article: int
    chars: int  # characters per article
    note: bool = False  # add the short note the window opens first (size S)

    @property
    def claims(self) -> int:
        return self.articles * self.claims_per_article


SIZES = {
    "S": Size("S", 1, 2000, 200_000, note=True),
    "M": Size("M", 1000, 100, 12_000),
    "L": Size("L", 10_000, 100, 12_000),
}
QUICK_SIZES = {
    "S": Size("S", 1, 120, 12_000, note=True),
    "M": Size("M", 30, 20, 3_000),
    "L": Size("L", 60, 20, 3_000),
}
IMPORT_FILES = 1000
QUICK_IMPORT_FILES = 20
IMPORT_CHARS = 6_000

# One claim in three waits for review: 3/12 in review, 1/12 disputed.  Verified and
# false claims carry the reviewer's verdict that decided them, as in the app.
STATUS_CYCLE = (
    ["in_review"] * 3
    + ["disputed"]
    + ["unverified"] * 4
    + ["verified"] * 2
    + ["false", "unverifiable"]
)
DECIDED = frozenset({"verified", "false"})  # the statuses a verdict gives (db.decisions)
KINDS = ("figure", "figure", "event", "quotation", "assessment")
TAGS = ("casualties", "economy", "displacement", "elections", "infrastructure", "military")
RELIABILITY = "ABCDEF"


def sizes_for(quick: bool) -> dict[str, Size]:
    return QUICK_SIZES if quick else SIZES


def folder_for(out: Path, quick: bool) -> Path:
    return out / "quick" if quick else out


def workspace_path(out: Path, size: str, quick: bool = False) -> Path:
    return folder_for(out, quick) / f"{size}.claimdesk.sqlite"


def _recipe(size: Size) -> dict[str, Any]:
    return {"recipe": RECIPE_VERSION, **asdict(size)}


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def read_meta(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(_meta_path(path).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_built(path: Path, size: Size) -> bool:
    meta = read_meta(path)
    if not path.exists() or meta is None:
        return False
    return all(meta.get(key) == value for key, value in _recipe(size).items())


# ---------------------------------------------------------------- rows


class Ids:
    """Deterministic UUIDs, so two builds of one size hold the same ids."""

    def __init__(self, name: str) -> None:
        self.rng = random.Random(f"ids-{name}")

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)


@dataclass
class People:
    analysts: list[uuid.UUID]
    reviewer: uuid.UUID
    sources: list[tuple[uuid.UUID, str | None]]
    tags: list[uuid.UUID]


class Builder:
    """Fills one workspace through a single connection, in batched executemany calls."""

    def __init__(self, conn: Connection, size: Size) -> None:
        self.conn = conn
        self.size = size
        self.new_id = Ids(size.name)
        self.rng = random.Random(f"rows-{size.name}")
        self.seq = 0
        self.pending: dict[Table, list[dict[str, Any]]] = {}
        self._previous: uuid.UUID | None = None

    # -- batching

    def add(self, table: Table, row: dict[str, Any]) -> None:
        rows = self.pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Insert everything pending, parents first (the order tables were first added in)."""
        for table, rows in self.pending.items():
            if rows:
                self.conn.execute(insert(table), rows)
                rows.clear()

    def history(
        self,
        at: dt.datetime,
        analyst: uuid.UUID,
        entity: str,
        entity_id: uuid.UUID,
        claim_id: uuid.UUID | None,
        action: str,
        changes: dict[str, Any],
    ) -> None:
        self.seq += 1
        self.add(
            HistoryEntry.__table__,
            {
                "id": self.new_id(),
                "at": at,
                "analyst_id": analyst,
                "entity_type": entity,
                "entity_id": entity_id,
                "claim_id": claim_id,
                "action": action,
                "changes": changes,
                "seq": self.seq,  # given, so the SQLite trigger has nothing to assign
                "txid": None,
            },
        )

    # -- people, sources, tags

    def people(self, lead: uuid.UUID) -> People:
        analysts = [lead]
        for n, name in enumerate(("Noor Haddad", "Tomasz Wren", "Aiko Brandt")):
            analyst_id = self.new_id()
            self.add(
                Analyst.__table__,
                {
                    "id": analyst_id,
                    "name": name,
                    "initials": "".join(w[0] for w in name.split()),
                    "color": ("#ef4444", "#10b981", "#f59e0b")[n],
                    "role": "reviewer" if n == 0 else "analyst",
                    "login": None,
                    "created_at": NOW - dt.timedelta(days=700),
                },
            )
            analysts.append(analyst_id)
        sources: list[tuple[uuid.UUID, str | None]] = []
        for n in range(max(10, self.size.articles // 5)):
            source_id = self.new_id()
            reliability = RELIABILITY[n % 6] if n % 3 else None
            speaker = prose.SPEAKERS[n % len(prose.SPEAKERS)]
            moment = NOW - dt.timedelta(days=600 - n % 600)
            self.add(
                Source.__table__,
                {
                    "id": source_id,
                    "name": f"{prose._cap(speaker)} ({prose.PLACES[n % len(prose.PLACES)]}) {n}",
                    "kind": ("person", "agency", "outlet", "expert", "document", "other")[n % 6],
                    "affiliation": prose.PLACES[(n * 7) % len(prose.PLACES)],
                    "aliases": [],
                    "default_reliability": reliability,
                    "notes": "",
                    "created_at": moment,
                    "updated_at": moment,
                    "version": 1,
                    "created_by_id": lead,
                    "updated_by_id": lead,
                },
            )
            sources.append((source_id, reliability))
        tags = []
        for name in TAGS:
            tag_id = self.new_id()
            self.add(Tag.__table__, {"id": tag_id, "name": name})
            tags.append(tag_id)
        self.flush()
        return People(analysts, analysts[1], sources, tags)

    # -- articles and claims

    def article(self, seed: int, text: str, title: str, people: People) -> tuple[uuid.UUID, Any]:
        article_id = self.new_id()
        created = NOW - dt.timedelta(minutes=(self.size.articles - seed) * 37 + 600)
        original = text.encode()
        published = created - dt.timedelta(hours=self.rng.randint(2, 72))
        row = {
            "id": article_id,
            "title": title,
            "outlet": f"The {prose.PLACES[seed % len(prose.PLACES)]} Courier",
            "author": "Desk staff",
            "url": f"https://news.example/{seed}/{title.split(':')[0].lower().replace(' ', '-')}",
            "published_at": published,
            "published_offset": 60 * (seed % 5),
            "published_zone": "",
            "text": text,
            "original": original,
            "sha256": hashlib.sha256(original).hexdigest(),
            "filename": f"report-{seed:05d}.txt",
            "encoding": "utf-8",
            "format": "txt",
            "created_at": created,
            "updated_at": created,
            "version": 1,
            "created_by_id": people.analysts[seed % 4],
            "updated_by_id": people.analysts[seed % 4],
        }
        self.add(Article.__table__, row)
        # As the app's audit writes it: the text and the file are not copied into history.
        skip = ("text", "original", "created_at", "updated_at")
        snap = {k: v for k, v in row.items() if k not in skip}
        snap = {k: _json(v) for k, v in snap.items() if not k.endswith("_by_id") and k != "version"}
        self.history(
            created, row["created_by_id"], "article", article_id, None, "create",
            {k: [None, v] for k, v in snap.items()},
        )  # fmt: skip
        return article_id, created

    def claims(
        self,
        article_id: uuid.UUID,
        created: dt.datetime,
        text: str,
        spans: list[tuple[int, int]],
        count: int,
        people: People,
        first: int,
    ) -> None:
        """*count* claims over evenly chosen sentences of *text* (numbered from *first*)."""
        step = len(spans) / count
        rng = self.rng
        for k in range(count):
            n = first + k
            s_start, s_end = spans[int(k * step)]
            words = text[s_start:s_end].split(" ")
            take = min(len(words), rng.randint(4, 12))
            start = s_start
            end = s_start + len(" ".join(words[:take]))
            quote = text[start:end]
            status = STATUS_CYCLE[(n * 7) % len(STATUS_CYCLE)]
            author = people.analysts[n % len(people.analysts)]
            made = created + dt.timedelta(minutes=5 + k * 3)
            changed = made + dt.timedelta(hours=1 + n % 240)
            source_id, reliability = (None, None)
            if n % 3 == 0:
                source_id, reliability = people.sources[n % len(people.sources)]
            if reliability is None and n % 4 == 0:
                reliability = RELIABILITY[n % 6]
            credibility = 1 + n % 6 if reliability else None
            assignee = people.reviewer if status == "in_review" and n % 2 else None
            claim_id = self.new_id()
            fields = {
                "article_id": article_id,
                "start": start,
                "end": end,
                "quote": quote,
                "prefix": text[max(0, start - CONTEXT_CHARS) : start],
                "suffix": text[end : end + CONTEXT_CHARS],
                "statement": quote if n % 5 else f"Claimed: {quote}",
                "kind": KINDS[n % len(KINDS)],
                "source_id": source_id,
                "reliability": reliability,
                "credibility": credibility,
                "status": status,
                "event_start": (made - dt.timedelta(days=n % 9)).date() if n % 7 == 0 else None,
                "event_end": None,
                "notes": "Check against the ministry's own release." if n % 11 == 0 else "",
                "assignee_id": assignee,
            }
            moved = status != "unverified"
            self.add(
                Claim.__table__,
                {
                    "id": claim_id,
                    **fields,
                    "created_at": made,
                    "updated_at": changed if moved else made,
                    "version": 2 if moved else 1,
                    "created_by_id": author,
                    "updated_by_id": people.reviewer if moved else author,
                },
            )
            tags = [TAGS[n % len(TAGS)]] if n % 10 == 0 else []
            snapshot = {k: _json(v) for k, v in fields.items()}
            snapshot.update(status="unverified", assignee_id=None, id=str(claim_id), tags=tags)
            self.history(
                made, author, "claim", claim_id, claim_id, "create",
                {k: [None, v] for k, v in snapshot.items()},
            )  # fmt: skip
            if moved:
                change: dict[str, Any] = {"status": ["unverified", status]}
                if assignee is not None:
                    change["assignee_id"] = [None, str(assignee)]
                action = "update"
                if status in DECIDED:
                    action = "verdict"
                    self.verdict(claim_id, status, changed, people.reviewer, n)
                self.history(changed, people.reviewer, "claim", claim_id, claim_id, action, change)
            if tags:
                self.add(claim_tag, {"claim_id": claim_id, "tag_id": people.tags[n % len(TAGS)]})
            if n % 50 == 0:
                self.evidence(claim_id, made, author, n)
            if n % 100 == 7:
                self.comment(claim_id, changed, people, n)
            if n % 200 == 3 and k > 0:
                self.link(claim_id, made, author, n)
            self._previous = claim_id

    def verdict(
        self, claim_id: uuid.UUID, status: str, at: dt.datetime, reviewer: uuid.UUID, n: int
    ) -> None:
        """The reviewer's decision that made the claim verified or false."""
        why = "the ministry's ledger agrees" if status == "verified" else "the ledger disagrees"
        self.add(
            Verdict.__table__,
            {
                "id": self.new_id(),
                "claim_id": claim_id,
                "reviewer_id": reviewer,
                "status": status,
                "rationale": f"Checked claim {n}: {why}.",
                "decided_at": at,
            },
        )

    def evidence(self, claim_id: uuid.UUID, at: dt.datetime, who: uuid.UUID, n: int) -> None:
        evidence_id = self.new_id()
        row = {
            "claim_id": claim_id,
            "url": f"https://records.example/doc/{n}",
            "note": "Matches the published ledger." if n % 2 else "",
            "stance": "supports" if n % 3 else "refutes",
        }
        self.add(
            Evidence.__table__,
            {
                "id": evidence_id,
                **row,
                "created_at": at,
                "updated_at": at,
                "version": 1,
                "created_by_id": who,
                "updated_by_id": who,
            },
        )
        snap = {k: [None, _json(v)] for k, v in {**row, "id": evidence_id}.items()}
        self.history(at, who, "evidence", evidence_id, claim_id, "create", snap)

    def comment(self, claim_id: uuid.UUID, at: dt.datetime, people: People, n: int) -> None:
        comment_id = self.new_id()
        row = {
            "claim_id": claim_id,
            "parent_id": None,
            "body": "Which release does this number come from?",
            "resolved": n % 3 == 0,
        }
        self.add(
            Comment.__table__,
            {
                "id": comment_id,
                **row,
                "created_at": at,
                "updated_at": at,
                "version": 1,
                "created_by_id": people.reviewer,
                "updated_by_id": people.reviewer,
            },
        )
        snap = {k: [None, _json(v)] for k, v in {**row, "id": comment_id}.items()}
        self.history(at, people.reviewer, "comment", comment_id, claim_id, "create", snap)

    def link(self, claim_id: uuid.UUID, at: dt.datetime, who: uuid.UUID, n: int) -> None:
        link_id = self.new_id()
        row = {
            "from_claim_id": claim_id,
            "to_claim_id": self._previous,
            "relation": ("supports", "contradicts", "same", "updates")[n % 4],
            "note": "",
        }
        self.add(
            ClaimLink.__table__,
            {
                "id": link_id,
                **row,
                "created_at": at,
                "updated_at": at,
                "version": 1,
                "created_by_id": who,
                "updated_by_id": who,
            },
        )
        snap = {k: [None, _json(v)] for k, v in {**row, "id": link_id}.items()}
        self.history(at, who, "link", link_id, claim_id, "create", snap)


def _json(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------- building


def build(path: Path, size: Size, log: bool = True) -> Path:
    """Build *size* at *path* (replacing what is there); returns *path*."""
    began = time.perf_counter()
    fts = path.with_name(f"{size.name}-fts.sqlite")  # the text-filter baseline's index
    for stale in (path, _meta_path(path), fts, *path.parent.glob(path.name + "-*")):
        stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    ws = open_workspace(building)  # the app's own schema, stamped at the migration head
    from db.analysts import create_first_analyst

    lead = create_first_analyst(ws, "Dana Reyes", "DR").id
    with ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.exec_driver_sql("PRAGMA cache_size=-400000")
        conn.commit()
        builder = Builder(conn, size)
        people = builder.people(lead)
        if size.note:
            note = "Desk note: the long report below is the one to check first.\n"
            builder.article(size.articles, note, "Desk note", people)
        made = 0
        for seed in range(size.articles):
            body, spans = prose.sentences(seed, size.chars)
            article_id, created = builder.article(seed, body, prose.title(seed), people)
            count = min(size.claims_per_article, len(spans))
            builder.claims(article_id, created, body, spans, count, people, made)
            made += count
            if seed % 200 == 199:
                builder.flush()
                conn.commit()
                if log:
                    print(f"  {size.name}: {seed + 1:,} articles, {made:,} claims", file=sys.stderr)
        builder.flush()
        conn.commit()
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.commit()
        claims = conn.execute(text("SELECT count(*) FROM claim")).scalar_one()
        waiting = conn.execute(
            text("SELECT count(*) FROM claim WHERE status IN ('in_review', 'disputed')")
        ).scalar_one()
    ws.close()
    building.rename(path)
    _meta_path(path).write_text(
        json.dumps({**_recipe(size), "built_claims": claims, "waiting": waiting}, indent=1)
    )
    if log:
        print(
            f"built {size.name}: {size.articles:,} articles, {claims:,} claims "
            f"({waiting:,} waiting for review) in {time.perf_counter() - began:.0f} s -> {path}",
            file=sys.stderr,
        )
    return path


def ensure(out: Path, name: str, quick: bool = False, log: bool = True) -> Path:
    """The cached workspace *name* under *out*, built first when missing or stale."""
    size = sizes_for(quick)[name]
    path = workspace_path(out, name, quick)
    if not is_built(path, size):
        build(path, size, log)
    return path


def import_files(out: Path, quick: bool = False) -> Path:
    """A folder of plain-text articles for the import benchmark (made once)."""
    count = QUICK_IMPORT_FILES if quick else IMPORT_FILES
    folder = folder_for(out, quick) / f"import-{count}"
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for n in range(count):
        body, _spans = prose.sentences(100_000 + n, IMPORT_CHARS)
        title = prose.title(100_000 + n)
        (folder / f"dispatch-{n:04d}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    done.write_text("")
    return folder


def copy_of(path: Path, target: Path) -> Path:
    """A private copy of a workspace (the benchmarks that write work on one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    shutil.copyfile(path, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated: S, M, L")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--force", action="store_true", help="rebuild even when cached")
    args = parser.parse_args(argv)
    names = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        print(f"unknown size {unknown[0]!r}; use S, M or L", file=sys.stderr)
        return 2
    for name in names:
        if args.force:
            build(workspace_path(args.out, name, args.quick), sizes_for(args.quick)[name])
        else:
            print(ensure(args.out, name, args.quick))
    import_files(args.out, args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
