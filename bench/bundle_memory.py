"""Peak memory of importing a bundle near the accepted limits, beside its size.

Usage: python bench/bundle_memory.py [--articles N] [--mib M] | [--records R] | [--history H]
       [--old] [--pg ADMIN_URL]
       (default: 9 articles of 50 MiB, the largest article ClaimDesk imports;
       --records: one small article and R sources, --history: one small article
       and H small history entries, for many records near the member limit;
       --old: the records in one data.json, as bundles were written before
       ClaimDesk wrote JSON Lines, which must still import; --pg: import into
       a fresh database created beside ADMIN_URL's, instead of SQLite)

The bundle is built once and kept in /tmp (rebuilt when N or M change): N
plain-text articles of M MiB of newsroom-like prose (bench/prose.py, with a few
Cyrillic and Hangul names, so Python would keep the text at two bytes a
character), each travelling as its text and its original file, with one claim
anchored in each.  Nine articles of 50 MiB make 900 MiB of members, near the
bundle limit of 1 GiB (db.bundles.archive.MAX_TOTAL_BYTES).

A fresh child process imports it into a fresh SQLite workspace with
``import_bundle`` (what ``claimdesk bundle import`` and the window call) and
prints its peak resident memory (VmHWM); a baseline child only opens the
zip and reads its directory.  The target is a peak under 300 MiB.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = Path(tempfile.gettempdir()) / "claimdesk-bench-bundles"


def _rss_mib() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not carried
    over from the parent that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _templates(tmp: Path) -> dict[str, list[dict[str, object]]]:
    """Records of one small article with one claim, as ClaimDesk exports them."""
    from db.analysts import bind_analyst
    from db.articles import NewArticle, add_article
    from db.bundles import export_bundle
    from db.claims import create_claim
    from db.sources import create_source
    from db.workspace import open_workspace

    ws = open_workspace(tmp / "template.sqlite")
    bind_analyst(ws)
    text = "Opening line of a template article.\nMore text follows here."
    info = add_article(ws, NewArticle(text=text, original=text.encode(), title="Template"))
    source = create_source(ws, "Template source", notes="A note of a template source. " * 8)
    create_claim(ws, info.id, 0, 12, source_id=source.id)
    export_bundle(ws, tmp / "template.claimdesk")
    ws.close()
    return json.loads(_template_members(tmp)["data.json"])  # type: ignore[no-any-return]


def _template_members(tmp: Path) -> dict[str, bytes]:
    """The template bundle's members, its records in one data.json (version 1)."""
    from db.bundles.archive import SECTION_NAMES, records_member

    with zipfile.ZipFile(tmp / "template.claimdesk") as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    if "data.json" not in members:
        lines = {s: members.pop(records_member(s)).splitlines() for s in SECTION_NAMES}
        data = {s: [json.loads(line) for line in rows] for s, rows in lines.items()}
        members["data.json"] = json.dumps(data).encode()
    return members


def _prose(path: Path, mib: int) -> None:
    from bench.import_memory import _write_article

    if not path.exists() or path.stat().st_size != mib * 2**20:
        _write_article(path, mib)


def build(articles: int, mib: int) -> Path:
    """The cached bundle of *articles* articles of *mib* MiB (built when missing)."""
    CACHE.mkdir(exist_ok=True)
    target = CACHE / f"bundle-{articles}x{mib}.claimdesk"
    if target.exists():
        return target
    prose = CACHE / f"prose-{mib}.txt"
    _prose(prose, mib)
    body = prose.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        data = _templates(Path(tmp))
    article_t, claim_t = data["articles"][0], data["claims"][0]
    out: dict[str, list[dict[str, object]]] = {k: [] for k in data if k != "format"}
    out["analysts"], out["sources"] = data["analysts"], data["sources"]
    members: list[dict[str, object]] = []
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n in range(articles):
            head = f"Copy {n:04d} of the bench article.\n".encode()
            blob = head + body[: mib * 2**20 - len(head)]
            blob = blob[: len(blob.decode("utf-8", "ignore").encode("utf-8"))]
            digest = hashlib.sha256(blob).hexdigest()
            aid = uuid.uuid4()
            article = dict(article_t, id=str(aid), sha256=digest, title=f"Bench {n}")
            claim = dict(claim_t, id=str(uuid.uuid4()), article_id=str(aid))
            claim.update(start=0, end=9, quote=f"Copy {n:04d}", prefix="", suffix=" of the be")
            out["articles"].append(article)
            out["claims"].append(claim)
            for suffix in ("txt", "orig"):
                name = f"articles/{aid}.{suffix}"
                zf.writestr(name, blob)
                members.append({"path": name, "sha256": digest, "size": len(blob)})
        data_bytes = json.dumps({"format": "claimdesk-data", **out}, indent=1).encode()
        zf.writestr("data.json", data_bytes)
        members.append(
            {
                "path": "data.json",
                "sha256": hashlib.sha256(data_bytes).hexdigest(),
                "size": len(data_bytes),
            }
        )
        manifest = {
            "format": "claimdesk-bundle",
            "version": 1,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "created_by": "bench",
            "members": sorted(members, key=lambda m: str(m["path"])),
        }
        zf.writestr("manifest.json", json.dumps(manifest, indent=1))
    partial.rename(target)
    return target


def build_records(records: int) -> Path:
    """A bundle of one small article and *records* sources: data.json near its limit."""
    CACHE.mkdir(exist_ok=True)
    target = CACHE / f"bundle-records-{records}.claimdesk"
    if target.exists():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        _templates(Path(tmp))
        members = _template_members(Path(tmp))
    data = json.loads(members["data.json"])
    source = data["sources"][0]
    data["sources"] = [source] + [
        dict(source, id=str(uuid.uuid4()), name=f"Bench source {n}") for n in range(records)
    ]
    data["sources"].sort(key=lambda r: r["id"])
    members["data.json"] = json.dumps(data, indent=1).encode()
    from db.bundles.archive import build_manifest, write_zip

    partial = target.with_suffix(".part")
    write_zip(partial, members, build_manifest(members, "now", "bench"))
    partial.rename(target)
    return target


def build_history(entries: int) -> Path:
    """A bundle of one small article and *entries* small history entries of its claim."""
    CACHE.mkdir(exist_ok=True)
    target = CACHE / f"bundle-history-{entries}.claimdesk"
    if target.exists():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        _templates(Path(tmp))
        members = _template_members(Path(tmp))
    data = json.loads(members["data.json"])
    claim = data["claims"][0]
    entry = next(h for h in data["history"] if h["entity_id"] == claim["id"])
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    data["history"] += [
        dict(
            entry,
            id=str(uuid.uuid4()),
            action="update",
            at=(at + dt.timedelta(seconds=n)).isoformat(),
            changes={"note": [f"note {n}", f"note {n + 1}"]},
        )
        for n in range(entries)
    ]
    data["history"].sort(key=lambda r: r["id"])
    members["data.json"] = json.dumps(data, indent=1).encode()
    from db.bundles.archive import build_manifest, write_zip

    partial = target.with_suffix(".part")
    write_zip(partial, members, build_manifest(members, "now", "bench"))
    partial.rename(target)
    return target


def as_json_lines(old: Path) -> Path:
    """The version 1 bundle *old* (one data.json) written as ClaimDesk writes bundles now."""
    from db.bundles.archive import build_manifest, jsonl, records_member, write_zip

    target = old.with_name(old.stem + "-jsonl.claimdesk")
    if target.exists():
        return target
    with zipfile.ZipFile(old) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n not in ("manifest.json", "data.json")}
        data = json.loads(zf.read("data.json"))
    for section, rows in data.items():
        if isinstance(rows, list):
            members[records_member(section)] = jsonl(rows)
    del data
    partial = target.with_suffix(".part")
    write_zip(partial, members, build_manifest(members, "now", "bench"))
    partial.rename(target)
    return target


def _pg_workspace(admin_url: str, name: str = "claimdesk_bundle_bench") -> str:
    """A fresh, migrated PostgreSQL database *name* beside *admin_url*'s (dropped first if
    left over)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from db.workspace import migrate

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    migrate(url)
    return url


def child(path: Path, baseline: bool, pg_url: str = "") -> dict[str, float]:
    if baseline:
        before = _rss_mib()
        with zipfile.ZipFile(path) as zf:
            zf.infolist()
        return {"rss_before_mib": before, "rss_peak_mib": _rss_mib(), "seconds": 0.0}
    from db.bundles import import_bundle
    from db.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(_pg_workspace(pg_url) if pg_url else Path(tmp) / "bench.sqlite")
        before = _rss_mib()
        began = time.perf_counter()
        report = import_bundle(ws, path)
        seconds = time.perf_counter() - began
        ws.close()
        assert report.added.get("articles") and not report.conflicts, report
        return {"rss_before_mib": before, "rss_peak_mib": _rss_mib(), "seconds": seconds}


def run(path: Path, baseline: bool, pg_url: str = "") -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "1" if baseline else "0", pg_url],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(Path(argv[1]), argv[2] == "1", argv[3] if len(argv) > 3 else "")))
        return
    articles = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 9
    mib = int(argv[argv.index("--mib") + 1]) if "--mib" in argv else 50
    if "--history" in argv:
        entries = int(argv[argv.index("--history") + 1])
        path = build_history(entries)
        what = f"{entries} history entries"
    elif "--records" in argv:
        records = int(argv[argv.index("--records") + 1])
        path = build_records(records)
        what = f"{records} sources"
    else:
        path = build(articles, mib)
        what = f"{articles} articles of {mib} MiB"
    if "--old" in argv:
        what += ", records in one data.json (version 1)"
    else:
        path = as_json_lines(path)
        what += ", records as JSON Lines (version 2)"
    with zipfile.ZipFile(path) as zf:
        expanded = sum(i.file_size for i in zf.infolist()) / 2**20
        data_mib = sum(i.file_size for i in zf.infolist() if "articles/" not in i.filename)
        data_mib /= 2**20
    size = path.stat().st_size / 2**20
    print(
        f"bundle: {what}; {size:.0f} MiB file, {expanded:.0f} MiB inside "
        f"(records {data_mib:.1f} MiB)"
    )
    base = run(path, True)
    print(f"baseline (open the zip, read its directory): RSS peak {base['rss_peak_mib']:.0f} MiB")
    pg_url = argv[argv.index("--pg") + 1] if "--pg" in argv else ""
    if pg_url:
        print("into a fresh PostgreSQL database (the child's memory only, not the server's)")
    full = run(path, False, pg_url)
    print(
        f"import_bundle: RSS before {full['rss_before_mib']:.0f} MiB, "
        f"peak {full['rss_peak_mib']:.0f} MiB, {full['seconds']:.0f} s"
    )
    print("target: RSS peak under 300 MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
