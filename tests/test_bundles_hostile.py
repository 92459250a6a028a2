"""Hostile bundles are refused with a clear reason, writing and changing nothing."""

from __future__ import annotations

import json
import stat
import uuid
import warnings
import zipfile
from pathlib import Path

import pytest
from bundle_support import as_version_one, records_of, with_records
from sqlalchemy import func, select

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.bundles import archive, export_bundle, import_bundle
from db.bundles.archive import build_manifest, records_member
from db.bundles.records import SECTIONS
from db.claims import create_claim
from db.errors import InvalidInput
from db.workspace import Workspace, open_workspace


@pytest.fixture
def setup(tmp_path: Path, seed_paths: list[Path]):
    source_ws = open_workspace(tmp_path / "src.sqlite")
    bind_analyst(source_ws)
    data = seed_paths[4].read_bytes()
    article = add_article(source_ws, NewArticle(text=data.decode("utf-8"), original=data))
    create_claim(source_ws, article.id, 5, 25)
    good = tmp_path / "good.claimdesk"
    export_bundle(source_ws, good)
    source_ws.close()
    target = open_workspace(tmp_path / "target.sqlite")
    bind_analyst(target)
    yield good, target, tmp_path
    target.close()


def _members(good: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(good) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}


def _write(
    path: Path,
    members: dict[str, bytes],
    *,
    manifest: bytes | None = None,
    extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (),
) -> Path:
    listed = manifest if manifest is not None else build_manifest(members, "t", "test")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", listed)
            for name, blob in members.items():
                zf.writestr(name, blob)
            for info, blob in extra:
                zf.writestr(info, blob)
    return path


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.session() as session:
        return {
            s: session.scalar(select(func.count()).select_from(m)) or 0 for s, m in SECTIONS.items()
        }


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if "pytest" not in p.name}


def _refused(target: Workspace, bundle: Path, root: Path, pattern: str) -> None:
    before_counts = _counts(target)
    before_files = _files(root)
    with pytest.raises(InvalidInput, match=pattern):
        import_bundle(target, bundle)
    assert _counts(target) == before_counts
    after = _files(root)
    # Only SQLite's own side files may appear; nothing from the bundle.
    assert {p for p in after - before_files if not p.name.startswith("target.sqlite")} == set()


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil.txt", "outside the bundle"),
        ("articles/../../evil.txt", "outside the bundle"),
        ("/etc/evil.txt", "absolute path"),
        ("articles\\evil.txt", "backslashes"),
        ("C:/evil.txt", "names a drive"),
        ("notes/readme.txt", "does not belong"),
    ],
)
def test_unsafe_member_paths(setup, name: str, why: str) -> None:
    good, target, root = setup
    members = _members(good)
    members[name] = b"x"
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, why)
    assert not (root.parent / "evil.txt").exists()


def test_symlink_member(setup) -> None:
    good, target, root = setup
    members = _members(good)
    name = next(n for n in members if n.endswith(".txt"))
    blob = members.pop(name)
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = _write(root / "bad.claimdesk", members, extra=[(info, blob)])
    _refused(target, bad, root, "symbolic link")


def test_zip_bomb_ratio(setup) -> None:
    good, target, root = setup
    members = _members(good)
    name = next(n for n in members if n.endswith(".orig"))
    members[name] = b"\0" * (20 * 2**20)  # 20 MiB of zeros deflate to ~20 KiB
    bad = _write(root / "bad.claimdesk", members)
    assert bad.stat().st_size < 2**20
    _refused(target, bad, root, "expands suspiciously")


def test_oversize_member(setup) -> None:
    good, target, root = setup
    members = _members(good)
    name = next(n for n in members if n.endswith(".orig"))
    members[name] = b"\0" * (archive.MAX_MEMBER_BYTES + 1)
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, "larger than 64 MiB")


def test_too_many_members(setup, monkeypatch) -> None:
    good, target, root = setup
    members = _members(good)
    for _ in range(6):
        members[f"articles/{uuid.uuid4()}.txt"] = b"x"
    bad = _write(root / "bad.claimdesk", members)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 5)
    _refused(target, bad, root, "more than 5 members")


def test_duplicate_member_names(setup) -> None:
    good, target, root = setup
    members = _members(good)
    name = records_member("claims")
    bad = _write(root / "bad.claimdesk", members, extra=[(name, members[name])])
    _refused(target, bad, root, "appears twice")


def test_malformed_json(setup) -> None:
    good, target, root = setup
    members = _members(good)
    members[records_member("claims")] = b'{"id": \n'
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, r"records/claims.0001.jsonl is not valid JSON \(line 1")


@pytest.mark.parametrize(
    "body",
    [
        b'{"claims": [ {"id": ',
        b'{"claims": [{}] "x"}',
        b'["claims"]',
        b'{"claims": [], "claims": []}',
    ],
)
def test_malformed_json_of_a_version_one_bundle(setup, body: bytes) -> None:
    good, target, root = setup
    old = as_version_one(good, root / "old.claimdesk")
    members = _members(old)
    members["data.json"] = body
    bad = _write(root / "bad.claimdesk", members)
    before = _counts(target)
    with pytest.raises(InvalidInput, match=r"data\.json") as refused:
        import_bundle(target, bad)
    assert "nothing was imported" in str(refused.value)
    assert _counts(target) == before


def test_an_oversized_record_is_refused_without_reading_it_whole(setup, monkeypatch) -> None:
    good, target, root = setup
    members = _members(good)
    data = records_of(members)
    data["sources"] = [{"id": str(uuid.uuid4()), "name": "A" * 5000}]
    monkeypatch.setattr(archive, "MAX_RECORD_BYTES", 1024)
    for bad in (
        _write(root / "bad.claimdesk", with_records(members, data)),
        as_version_one(_write(root / "bad2.claimdesk", with_records(members, data)), root / "v1"),
    ):
        _refused(target, bad, root, "a record of .* is larger than 1024 bytes")


def test_malformed_manifest(setup) -> None:
    good, target, root = setup
    bad = _write(root / "bad.claimdesk", _members(good), manifest=b"not json at all")
    _refused(target, bad, root, "manifest.json is not valid JSON")


def test_tampered_member(setup) -> None:
    good, target, root = setup
    members = _members(good)
    manifest = build_manifest(members, "t", "test")
    data = records_of(members)
    data["claims"][0]["notes"] = "slipped in"
    members = with_records(members, data)
    bad = _write(root / "bad.claimdesk", members, manifest=manifest)
    _refused(target, bad, root, "does not match its checksum")


def test_missing_member(setup) -> None:
    good, target, root = setup
    members = _members(good)
    manifest = build_manifest(members, "t", "test")
    name = next(n for n in members if n.endswith(".txt"))
    del members[name]
    bad = _write(root / "bad.claimdesk", members, manifest=manifest)
    _refused(target, bad, root, "listed in manifest.json is missing")


def test_unlisted_member(setup) -> None:
    good, target, root = setup
    members = _members(good)
    manifest = build_manifest(members, "t", "test")
    members[f"articles/{uuid.uuid4()}.txt"] = b"extra"
    bad = _write(root / "bad.claimdesk", members, manifest=manifest)
    _refused(target, bad, root, "not listed in manifest.json")


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("format", "something-else", "wrong format"),
        ("version", 4, "version 4 is not supported"),
        ("version", 1, "that version 1 does not have"),
        ("records", "csv", "that version 3 does not have"),
    ],
)
def test_wrong_format_or_version(setup, field: str, value: object, why: str) -> None:
    good, target, root = setup
    members = _members(good)
    manifest = json.loads(build_manifest(members, "t", "test"))
    manifest[field] = value
    bad = _write(root / "bad.claimdesk", members, manifest=json.dumps(manifest).encode())
    _refused(target, bad, root, why)


def test_records_in_the_other_layout_are_refused(setup) -> None:
    good, target, root = setup
    members = _members(as_version_one(good, root / "old.claimdesk"))
    members[records_member("claims")] = _members(good)[records_member("claims")]
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, "does not belong in a version 1 bundle")


def test_not_a_zip(setup) -> None:
    _, target, root = setup
    bad = root / "bad.claimdesk"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip" * 10)
    _refused(target, bad, root, "not a zip file")


def test_invalid_record_value(setup) -> None:
    good, target, root = setup
    members = _members(good)
    data = records_of(members)
    data["claims"][0]["status"] = "totally-true"
    members = with_records(members, data)
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, "invalid status")


def test_good_bundle_still_imports(setup) -> None:
    good, target, _ = setup
    report = import_bundle(target, good)
    assert report.added["claims"] == 1 and report.added["articles"] == 1


def test_oversize_file(setup, monkeypatch) -> None:
    good, target, root = setup
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 100)
    _refused(target, good, root, "the file is larger than")


def test_a_verified_claim_without_its_verdict_is_refused(tmp_path: Path, seed_paths) -> None:
    from db.claims import update_claim
    from db.review import verdicts_of

    source_ws = open_workspace(tmp_path / "src.sqlite")
    bind_analyst(source_ws)
    data = seed_paths[4].read_bytes()
    article = add_article(source_ws, NewArticle(text=data.decode("utf-8"), original=data))
    claim = create_claim(source_ws, article.id, 5, 25)
    update_claim(source_ws, claim.id, status="verified", rationale="Two agencies agree.")
    good = tmp_path / "good.claimdesk"
    export_bundle(source_ws, good)
    source_ws.close()
    target = open_workspace(tmp_path / "target.sqlite")
    bind_analyst(target)
    try:
        members = _members(good)
        body = records_of(members)
        assert [v["rationale"] for v in body["verdicts"]] == ["Two agencies agree."]
        body["verdicts"] = []
        members = with_records(members, body)
        bad = _write(tmp_path / "bad.claimdesk", members)
        _refused(target, bad, tmp_path, "verified without the verdict")
        import_bundle(target, good)  # with its verdict the claim comes along
        (verdict,) = verdicts_of(target, claim.id)
        assert verdict.rationale == "Two agencies agree."
    finally:
        target.close()


@pytest.fixture
def split(tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch):
    """A bundle whose history spans several members, and an empty workspace."""
    source_ws = open_workspace(tmp_path / "src.sqlite")
    bind_analyst(source_ws)
    data = seed_paths[4].read_bytes()
    article = add_article(source_ws, NewArticle(text=data.decode("utf-8"), original=data))
    for start in range(5, 405, 20):
        create_claim(source_ws, article.id, start, start + 15)
    monkeypatch.setattr(archive, "RECORDS_MEMBER_BYTES", 4096)
    good = tmp_path / "split.claimdesk"
    export_bundle(source_ws, good)
    monkeypatch.undo()
    source_ws.close()
    target = open_workspace(tmp_path / "target.sqlite")
    bind_analyst(target)
    parts = sorted(n for n in _members(good) if n.startswith("records/history."))
    assert len(parts) >= 3
    yield good, target, tmp_path, parts
    target.close()


def _listing(members: dict[str, bytes], order: list[str], version: int = 3) -> bytes:
    """A manifest listing *members* in the *order* given (their checksums right)."""
    manifest = json.loads(build_manifest(members, "t", "test"))
    by_name = {m["path"]: m for m in manifest["members"]}
    manifest["members"] = [by_name[n] for n in order]
    manifest["version"] = version
    return json.dumps(manifest).encode()


def test_a_section_in_several_members_imports(split) -> None:
    good, target, _, parts = split
    report = import_bundle(target, good)
    assert report.added["history"] == sum(_members(good)[n].count(b"\n") for n in parts)
    assert report.added["claims"] == 20


def test_members_of_a_section_listed_out_of_order(split) -> None:
    good, target, root, parts = split
    members = _members(good)
    order = sorted(members)
    i, j = order.index(parts[0]), order.index(parts[1])
    order[i], order[j] = order[j], order[i]
    bad = _write(root / "bad.claimdesk", members, manifest=_listing(members, order))
    _refused(target, bad, root, r"lists the members of the history records out of order")


def test_a_missing_member_of_a_section(split) -> None:
    good, target, root, parts = split
    members = _members(good)
    del members[parts[1]]
    bad = _write(root / "bad.claimdesk", members)  # the manifest agrees with the zip
    _refused(target, bad, root, r"history records are incomplete: 'records/history.0002.jsonl'")
    members = _members(good)
    del members[parts[0]]
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, r"history records are incomplete: 'records/history.0001.jsonl'")


def test_an_extra_member_of_a_section(split) -> None:
    good, target, root, parts = split
    members = _members(good)
    after = archive.records_member("history", len(parts) + 1)
    listed = _listing(members, sorted(members))
    # In the zip but not in the manifest, then listed after a gap, then in the other layout.
    bad = _write(root / "bad.claimdesk", members, manifest=listed, extra=[(after, b"\n")])
    _refused(target, bad, root, rf"the member '{after}' is not listed in manifest.json")
    members[archive.records_member("history", len(parts) + 2)] = members[parts[-1]]
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, rf"history records are incomplete: '{after}' is missing")
    members = _members(good)
    members["records/history.jsonl"] = members[parts[0]]
    bad = _write(root / "bad.claimdesk", members)
    _refused(target, bad, root, "'records/history.jsonl' does not belong in a version 3 bundle")


def test_a_version_two_bundle_still_imports(split) -> None:
    """Bundles of the previous layout: one member per section."""
    good, target, root, _ = split
    members = _members(good)
    old: dict[str, bytes] = {}
    for name, blob in sorted(members.items()):
        if name.startswith("records/"):
            single = archive.single_records_member(name.split("/")[1].split(".")[0])
            old[single] = old.get(single, b"") + blob
        else:
            old[name] = blob
    path = _write(root / "old.claimdesk", old, manifest=_listing(old, sorted(old), version=2))
    report = import_bundle(target, path)
    assert report.added["claims"] == 20
    fresh = open_workspace(root / "fresh.sqlite")
    bind_analyst(fresh)
    assert import_bundle(fresh, good).added == report.added
    fresh.close()


def _understate(bundle: Path, name: str, size: int) -> None:
    """Make the zip declare *size* bytes for the member *name* (local and central headers)."""
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as zf:
        local = zf.getinfo(name).header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name.encode():
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            break
        at += 4
    else:
        raise AssertionError(f"{name} not in the central directory")
    bundle.write_bytes(bytes(data))


def _listed_as(members: dict[str, bytes], name: str, size: int) -> bytes:
    """A manifest of *members* that lists *size* bytes for *name*, as the zip will."""
    manifest = json.loads(build_manifest(members, "t", "test"))
    next(e for e in manifest["members"] if e["path"] == name)["size"] = size
    return json.dumps(manifest).encode()


def test_a_member_holding_more_than_its_zip_entry_says_is_refused(setup) -> None:
    """The zip and the manifest both say 4 KiB; the member holds 3 MiB."""
    import random

    good, target, root = setup
    members = _members(good)
    name = next(n for n in members if n.endswith(".orig"))
    members[name] = random.Random(8).randbytes(3 * 2**20)
    bad = _write(root / "bad.claimdesk", members, manifest=_listed_as(members, name, 4096))
    _understate(bad, name, 4096)
    with zipfile.ZipFile(bad) as zf:
        assert zf.getinfo(name).file_size == 4096
    _refused(target, bad, root, f"the member '{name}' (is damaged|is larger than declared)")


def test_a_zip_bomb_declaring_a_small_size_is_refused_without_expanding(setup, monkeypatch) -> None:
    """100 MiB of zeros declared as 4 KiB: no more than the declared size is expanded."""
    good, target, root = setup
    members = _members(good)
    name = next(n for n in members if n.endswith(".orig"))
    members[name] = b"\0" * (100 * 2**20)
    bad = _write(root / "bad.claimdesk", members, manifest=_listed_as(members, name, 4096))
    _understate(bad, name, 4096)
    expanded: dict[str, int] = {}
    chunks = archive._chunks

    def counting(path, zf, info, start=0):
        for chunk in chunks(path, zf, info, start):
            expanded[info.filename] = expanded.get(info.filename, 0) + len(chunk)
            yield chunk

    monkeypatch.setattr(archive, "_chunks", counting)
    _refused(target, bad, root, f"the member '{name}' (is damaged|is larger than declared)")
    assert expanded.get(name, 0) <= 4096 + archive.CHUNK


def test_a_member_larger_than_the_manifest_lists_is_refused_unread(setup, monkeypatch) -> None:
    good, target, root = setup
    members = _members(good)
    name = next(n for n in members if n.endswith(".orig"))
    manifest = json.loads(build_manifest(members, "t", "test"))
    entry = next(e for e in manifest["members"] if e["path"] == name)
    listed = entry["size"] // 100 + 1
    entry["size"] = listed
    bad = _write(root / "bad.claimdesk", members, manifest=json.dumps(manifest).encode())
    read: list[str] = []
    scan = archive._scan_member

    def spying(path, zf, info):
        read.append(info.filename)
        return scan(path, zf, info)

    monkeypatch.setattr(archive, "_scan_member", spying)
    _refused(target, bad, root, f"holds {len(members[name])} bytes, not the {listed} manifest")
    assert read == []  # refused before any member but the manifest was read


def test_an_oversized_manifest_is_refused_unread(setup, monkeypatch) -> None:
    good, target, root = setup
    read: list[str] = []
    chunks = archive._chunks

    def counting(path, zf, info, start=0):
        read.append(info.filename)
        yield from chunks(path, zf, info, start)

    monkeypatch.setattr(archive, "_chunks", counting)
    monkeypatch.setattr(archive, "MAX_MANIFEST_BYTES", 64)
    _refused(target, good, root, "manifest.json is larger than")
    assert read == []
