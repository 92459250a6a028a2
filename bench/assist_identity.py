"""Every suggestion on every reference article, written as canonical JSON to compare revisions.

Runs the suggestion readers on each ``.txt`` of every ``tests/fixtures/assist_*`` folder in
several ways (the language guessed and given, with a registry and an outlet, with claims
already made, each kind alone, the text cut at a line break) and on the 200,000-character
texts of ``bench/assist_unseen.py`` (each language's reference articles joined), and writes
all the suggestions, every field, to one JSON file.  Two revisions give the same suggestions
when their files are byte-identical.  Prints only counts and a digest (no suggestion is
printed: some folders are held out).

Run: PYTHONPATH=. .venv/bin/python bench/assist_identity.py OUT.json [--against OLD.json]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from db.assist.suggest import KINDS, RegistrySource, Suggestion, candidates, suggest
from db.importing import read_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SPEED_CHARS = 200_000
SPEED_DATE = dt.date(2025, 3, 1)


def row(s: Suggestion) -> dict[str, Any]:
    """Every field of *s*, in a form JSON keeps exactly."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(s):
        value = getattr(s, f.name)
        if isinstance(value, uuid.UUID):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, float):
            value = repr(value)  # (the exact float, not JSON's reading of it)
        out[f.name] = value
    return out


def article_files() -> list[Path]:
    return sorted(FIXTURES.glob("assist_*/*.txt"))


def speed_texts() -> dict[str, str]:
    """The 200,000-character text per language, built as bench/assist_unseen.py builds it."""
    out = {}
    files = article_files()
    for lang in sorted({p.name.split("_", 1)[0] for p in files}):
        texts = [read_file(p).text for p in files if p.name.startswith(f"{lang}_")]
        body = "\n\n".join(texts)
        out[lang] = ((body + "\n\n") * (SPEED_CHARS // len(body) + 1))[:SPEED_CHARS]
    return out


def registry_from(found: list[Suggestion]) -> list[RegistrySource]:
    """A registry naming every other source suggested (some under an alias only), so that
    matching a source in the registry is read too."""
    names = sorted({s.source for s in found if s.source})
    out = []
    for i, name in enumerate(names[::2]):
        if i % 2:
            out.append(RegistrySource(uuid.UUID(int=i + 1), f"Registered {i}", (name,), "expert"))
        else:
            out.append(RegistrySource(uuid.UUID(int=i + 1), name, (), "other"))
    return out


def cases(name: str, text: str, published: dt.date | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    plain = suggest(text, published)
    out[f"{name} plain"] = [row(s) for s in plain]
    lang = name.split("/")[-1].split("_", 1)[0]
    out[f"{name} language"] = [row(s) for s in suggest(text, published, lang)]
    registry = registry_from(plain)
    offered = candidates(text, published, None, registry, "Example Courier")
    out[f"{name} registry"] = [row(s) for s in offered]
    existing = [(s.start, s.end) for s in plain[::3]]
    claimed = suggest(text, published, None, registry, existing, "Example Courier")
    out[f"{name} claimed"] = [row(s) for s in claimed]
    for kind in KINDS:
        out[f"{name} {kind}"] = [row(s) for s in suggest(text, published, kinds=[kind])]
    cut = text.rfind("\n", 0, len(text) // 2)
    if cut > 0:
        out[f"{name} cut"] = [row(s) for s in suggest(text[:cut], None)]
    return out


def collect() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for path in article_files():
        article = read_file(path)
        published = article.published_at.date() if article.published_at else None
        out.update(cases(f"{path.parent.name}/{path.name}", article.text, published))
    for lang, text in speed_texts().items():
        out[f"speed {lang}"] = [row(s) for s in suggest(text, SPEED_DATE)]
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    target = Path(argv[0])
    t0 = time.perf_counter()
    found = collect()
    data = json.dumps(found, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    target.write_bytes(data)
    count = sum(len(v) for v in found.values())
    digest = hashlib.sha256(data).hexdigest()[:16]
    print(
        f"{len(found)} lists, {count} suggestions, sha256 {digest}, "
        f"{time.perf_counter() - t0:.1f} s -> {target}"
    )
    if len(argv) >= 3 and argv[1] == "--against":
        old = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        differ = sorted(k for k in old.keys() | found.keys() if old.get(k) != found.get(k))
        print(f"lists differing from {argv[2]}: {len(differ)}")
        for key in differ:
            print("   ", key)  # (the list's name only)
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
