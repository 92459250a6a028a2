"""Reading and rewriting a bundle's records in tests, in either layout."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from db.bundles.archive import DATA, SECTION_NAMES, build_manifest, jsonl, records_member


def section_members(members: dict[str, bytes], section: str) -> list[str]:
    """The names of the members holding *section*'s records, in order (either JSON Lines layout)."""
    prefix = f"records/{section}."
    return sorted(n for n in members if n.startswith(prefix) and n.endswith(".jsonl"))


def members_of(bundle: Path) -> dict[str, bytes]:
    """Every member but the manifest."""
    with zipfile.ZipFile(bundle) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}


def records_of(members: dict[str, bytes]) -> dict[str, Any]:
    """The sections of a bundle's members (``data.json``'s object, or its JSON Lines)."""
    if DATA in members:
        data: dict[str, Any] = json.loads(members[DATA])
        return data
    out: dict[str, Any] = {}
    for section in SECTION_NAMES:
        blob = b"".join(members[n] for n in section_members(members, section))
        out[section] = [json.loads(line) for line in blob.splitlines() if line.strip()]
    return out


def with_records(members: dict[str, bytes], data: dict[str, Any]) -> dict[str, bytes]:
    """*members* with their records replaced by *data*, in the layout they had."""
    out = dict(members)
    if DATA in members:
        out[DATA] = json.dumps(data).encode("utf-8")
        return out
    for section in SECTION_NAMES:
        for name in section_members(members, section):
            out.pop(name)
    for section, rows in data.items():
        out[records_member(section)] = (
            jsonl(rows) if isinstance(rows, list) else json.dumps(rows).encode("utf-8")
        )
    return out


def write_bundle(path: Path, members: dict[str, bytes]) -> Path:
    """A bundle of *members* with a manifest that matches them."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", build_manifest(members, "2026-01-01T00:00:00+00:00", "test"))
        for name in sorted(members):
            zf.writestr(name, members[name])
    return path


def as_version_one(bundle: Path, out: Path) -> Path:
    """The same bundle written as older ClaimDesks wrote it: one data.json, version 1."""
    members = members_of(bundle)
    data = records_of(members)
    for section in SECTION_NAMES:
        for name in section_members(members, section):
            members.pop(name)
    members[DATA] = json.dumps(
        {"format": "claimdesk-data", **data}, indent=1, sort_keys=True, ensure_ascii=False
    ).encode("utf-8")
    return write_bundle(out, members)
