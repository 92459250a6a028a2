"""Peak memory of exporting a whole workspace as a bundle.

Usage: python bench/bundle_export_memory.py [--articles N] [--mib M] [--workspace FILE]
       [--pg ADMIN_URL] [--code DIR ...]
       (default: the workspace that importing bench/bundle_memory.py's bundle of N
       articles of M MiB makes, 9 of 50 by default, near the bundle limit of 1 GiB;
       --workspace: a copy of that SQLite workspace instead, e.g. the benchmark's M
       workspace of 100,000 claims from bench/build_workspaces.py; --pg: the bundle
       imported into a fresh PostgreSQL database beside ADMIN_URL's and exported from
       there; --code: also export with ClaimDesk imported from another checkout, each
       DIR in turn, to compare versions in the same run)

A fresh child process opens the workspace, calls ``export_bundle`` for the whole
of it (what ``claimdesk bundle export`` and the window call) and prints its peak
resident memory (VmHWM) and the time taken.  The bundle written is then opened
with ``read_bundle`` (every member's size and checksum against the manifest, every
record parsed) by this process.  The target is a peak under 300 MiB.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bundle_memory import _pg_workspace, _rss_mib, as_json_lines, build  # noqa: E402


def _child(code: str, workspace: str, out: str) -> dict[str, float]:
    sys.path.insert(0, code)
    from db.bundles import export_bundle
    from db.workspace import open_workspace

    ws = open_workspace(workspace if "://" in workspace else Path(workspace))
    before = _rss_mib()
    began = time.perf_counter()
    summary = export_bundle(ws, Path(out))
    seconds = time.perf_counter() - began
    ws.close()
    return {
        "rss_before_mib": before,
        "rss_peak_mib": _rss_mib(),
        "seconds": seconds,
        "records": float(sum(summary.counts.values())),
    }


def _import_child(bundle: str, workspace: str) -> dict[str, float]:
    from db.bundles import import_bundle
    from db.workspace import open_workspace

    ws = open_workspace(workspace if "://" in workspace else Path(workspace))
    import_bundle(ws, Path(bundle))
    ws.close()
    return {}


def _run(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _workspace_of(bundle: Path, pg_url: str) -> str:
    """A workspace holding *bundle* (SQLite: cached beside it; PostgreSQL: made afresh)."""
    if pg_url:
        url = _pg_workspace(pg_url)
        _run("--import", str(bundle), url)
        return url
    target = bundle.with_suffix(".sqlite")
    if not target.exists():
        partial = target.with_suffix(".building")
        partial.unlink(missing_ok=True)
        _run("--import", str(bundle), str(partial))
        partial.rename(target)
    return str(target)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(_child(argv[1], argv[2], argv[3])))
        return
    if argv[:1] == ["--import"]:
        print(json.dumps(_import_child(argv[1], argv[2])))
        return
    from db.bundles import read_bundle
    from db.errors import InvalidInput

    codes = [argv[i + 1] for i, a in enumerate(argv) if a == "--code"] + [str(ROOT)]
    pg_url = argv[argv.index("--pg") + 1] if "--pg" in argv else ""
    with tempfile.TemporaryDirectory() as tmp:
        if "--workspace" in argv:
            given = Path(argv[argv.index("--workspace") + 1])
            source = str(Path(tmp) / given.name)
            shutil.copyfile(given, source)  # opening may bring it up to date; never the original
            what = f"a copy of {given}"
        else:
            articles = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 9
            mib = int(argv[argv.index("--mib") + 1]) if "--mib" in argv else 50
            source = _workspace_of(as_json_lines(build(articles, mib)), pg_url)
            what = f"{articles} articles of {mib} MiB" + (" on PostgreSQL" if pg_url else "")
        print(f"workspace: {what}")
        for code in codes:
            out = Path(tmp) / "export.claimdesk"
            result = _run("--child", code, source, str(out))
            size = out.stat().st_size / 2**20
            print(
                f"export_bundle ({code}): {result['records']:.0f} records, "
                f"{size:.0f} MiB file; RSS before {result['rss_before_mib']:.0f} MiB, "
                f"peak {result['rss_peak_mib']:.0f} MiB, {result['seconds']:.1f} s"
            )
            began = time.perf_counter()
            try:
                with read_bundle(out) as bundle:
                    checked = f"{len(bundle.files)} members checked"
            except InvalidInput as exc:
                checked = f"refused: {exc}"
            print(f"  read back in {time.perf_counter() - began:.1f} s: {checked}")
            out.unlink()
    print("target: RSS peak under 300 MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
