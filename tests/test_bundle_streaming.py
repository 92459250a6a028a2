"""A bundle's long article travels as a stream: never read whole, stored and checked right."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from bundle_support import as_version_one, members_of, records_of, with_records
from sqlalchemy import func, select

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article, article_text
from db.bundles import archive, export_bundle, import_bundle
from db.bundles.archive import BundleContents, build_manifest, write_zip
from db.claims import create_claim, update_claim
from db.errors import InvalidInput
from db.long_rows import SLICE
from db.models import Article, Claim, HistoryEntry
from db.search import search
from db.search.schema import DEFER_BYTES
from db.workspace import Workspace, open_workspace

PHRASE = "Київ said 서울 reported the figures on Tuesday; "


def _long_text() -> str:
    """About 3 MiB of text with two- and three-byte characters, a rare word at its end."""
    body = "".join(f"{PHRASE}item {n}. " for n in range(45_000))
    return body + "Zwiebelturmquelle closes the article."


@pytest.fixture
def long_bundle(tmp_path: Path) -> tuple[Path, str, int]:
    """A bundle of one long article with a claim whose quote spans the first slice's end."""
    text = _long_text()
    assert len(text.encode("utf-8")) > 2 * SLICE > DEFER_BYTES
    # The code point at which the first slice (SLICE bytes) ends.
    boundary = len(text.encode("utf-8")[:SLICE].decode("utf-8", "ignore"))
    source = open_workspace(tmp_path / "src.sqlite")
    bind_analyst(source)
    info = add_article(source, NewArticle(text=text, original=text.encode("utf-8")))
    create_claim(source, info.id, boundary - 7, boundary + 9)
    create_claim(source, info.id, len(text) - 12, len(text))
    path = tmp_path / "long.claimdesk"
    export_bundle(source, path)
    source.close()
    return path, text, boundary


@pytest.fixture
def target(tmp_path: Path) -> Workspace:
    ws = open_workspace(tmp_path / "target.sqlite")
    bind_analyst(ws)
    yield ws
    ws.close()


def _count(ws: Workspace, model: type) -> int:
    with ws.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_long_article_is_never_read_whole(
    long_bundle: tuple[Path, str, int], target: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, text, _ = long_bundle
    read_whole: list[str] = []
    whole = BundleContents.read

    def spy(self: BundleContents, name: str) -> bytes:
        read_whole.append(name)
        return whole(self, name)

    monkeypatch.setattr(BundleContents, "read", spy)
    largest_chunk = 0
    chunks = archive._chunks

    def measure(*args: object) -> object:
        nonlocal largest_chunk
        for chunk in chunks(*args):  # type: ignore[arg-type]
            largest_chunk = max(largest_chunk, len(chunk))
            yield chunk

    monkeypatch.setattr(archive, "_chunks", measure)
    report = import_bundle(target, path)
    assert report.added["articles"] == 1 and report.added["claims"] == 2
    assert read_whole == []  # neither the text nor the file went through a whole read
    assert 0 < largest_chunk <= archive.CHUNK
    with target.session() as session:
        (aid,) = session.scalars(select(Article.id)).all()
    assert article_text(target, aid).text == text
    # Indexed for search once stored, to the end of the text.
    assert [h.article_id for h in search(target, "Zwiebelturmquelle").hits] == [aid]
    # The same bundle again: its text is compared with the stored one, and matches.
    again = import_bundle(target, path)
    assert again.total_added == 0 and not again.conflicts
    assert _count(target, Article) == 1


def _rewrite(path: Path, out: Path, change: object) -> Path:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    change(members)  # type: ignore[operator]
    write_zip(out, members, build_manifest(members, "t", "test"))
    return out


def test_quote_across_a_slice_end_is_checked(
    long_bundle: tuple[Path, str, int], target: Workspace, tmp_path: Path
) -> None:
    path, text, boundary = long_bundle

    def shift_quote(members: dict[str, bytes]) -> None:
        data = records_of(members)
        for claim in data["claims"]:
            if claim["start"] == boundary - 7:
                claim["quote"] = text[boundary - 6 : boundary + 10]
        members.update(with_records(members, data))

    bad = _rewrite(path, tmp_path / "bad.claimdesk", shift_quote)
    with pytest.raises(InvalidInput, match=f"does not match its article's text at {boundary - 7}"):
        import_bundle(target, bad)
    assert _count(target, Article) == 0 and _count(target, Claim) == 0


def test_different_text_of_a_long_article_is_refused(
    long_bundle: tuple[Path, str, int], target: Workspace, tmp_path: Path
) -> None:
    path, _, _ = long_bundle
    import_bundle(target, path)

    def change_one_letter(members: dict[str, bytes]) -> None:
        (name,) = [n for n in members if n.endswith(".txt")]
        blob = bytearray(members[name])
        blob[-3] = ord("X")
        members[name] = bytes(blob)

    changed = _rewrite(path, tmp_path / "changed.claimdesk", change_one_letter)
    with pytest.raises(InvalidInput, match="different text"):
        import_bundle(target, changed)


def test_long_text_that_is_not_utf8_is_refused(
    long_bundle: tuple[Path, str, int], target: Workspace, tmp_path: Path
) -> None:
    path, _, _ = long_bundle

    def break_utf8(members: dict[str, bytes]) -> None:
        (name,) = [n for n in members if n.endswith(".txt")]
        blob = bytearray(members[name])
        blob[SLICE + 5] = 0xFF
        members[name] = bytes(blob)

    bad = _rewrite(path, tmp_path / "notutf8.claimdesk", break_utf8)
    with pytest.raises(InvalidInput, match="is not UTF-8 text; nothing was imported"):
        import_bundle(target, bad)
    assert _count(target, Article) == 0


# ---------------------------------------------------------------- records as streams


def _many_records(tmp_path: Path, entries: int) -> tuple[Path, Workspace]:
    """A bundle of one article, one claim edited *entries* times (its history), and its source."""
    source = open_workspace(tmp_path / "many.sqlite")
    bind_analyst(source)
    text = "Officials counted 1,500 ballots on Monday and 1,700 on Tuesday."
    info = add_article(source, NewArticle(text=text, original=text.encode("utf-8")))
    claim = create_claim(source, info.id, 18, 30)
    with source.session() as session:
        session.add_all(
            HistoryEntry(
                entity_type="claim",
                entity_id=claim.id,
                claim_id=claim.id,
                action="update",
                changes={"notes": [f"note {n}", f"note {n + 1}"]},
            )
            for n in range(entries)
        )
    path = tmp_path / "many.claimdesk"
    export_bundle(source, path)
    return path, source


def test_records_are_read_a_record_at_a_time(
    tmp_path: Path, target: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, source = _many_records(tmp_path, 4000)
    source.close()
    old = as_version_one(path, tmp_path / "old.claimdesk")
    records = members_of(path)[archive.records_member("history")]
    assert len(records) > 2**20 and records.count(b"\n") > 4000
    parsed: list[int] = []
    loads, raw_decode = archive.json.loads, json.JSONDecoder.raw_decode

    def spy_loads(text: str | bytes, *args: object, **kwargs: object) -> object:
        parsed.append(len(text))
        return loads(text, *args, **kwargs)

    def spy_raw_decode(self: json.JSONDecoder, text: str, *args: object, **kw: object) -> object:
        parsed.append(len(text))  # the buffer it decodes one record from
        return raw_decode(self, text, *args, **kw)

    monkeypatch.setattr(archive.json, "loads", spy_loads)
    monkeypatch.setattr(json.JSONDecoder, "raw_decode", spy_raw_decode)
    report = import_bundle(target, path)
    assert report.added["history"] > 4000
    assert parsed and max(parsed) < 16 * 2**10  # a line (or the small manifest)
    assert len(members_of(old)["data.json"]) > 2**20
    parsed.clear()
    again = import_bundle(target, old)
    assert again.total_added == 0 and again.total_updated == 0 and not again.conflicts
    assert parsed and max(parsed) < 4 * archive.CHUNK  # a buffer of a chunk or two


def test_an_old_bundle_imports_as_the_new_one(tmp_path: Path, seed_paths: list[Path]) -> None:
    from test_bundles import _populate, canonical

    first = open_workspace(tmp_path / "first.sqlite")
    bind_analyst(first)
    made = _populate(first, seed_paths)
    path = tmp_path / "new.claimdesk"
    export_bundle(first, path)
    old = as_version_one(path, tmp_path / "old.claimdesk")
    with zipfile.ZipFile(old) as zf:
        assert json.loads(zf.read("manifest.json"))["version"] == 1
    merged = []
    for name, bundle in (("a", path), ("b", old)):
        ws = open_workspace(tmp_path / f"{name}.sqlite")
        bind_analyst(ws)
        report = import_bundle(ws, bundle)
        assert report.added["comments"] == 2 and report.added["claims"] == 3
        merged.append((ws, canonical(ws), report.added))
    assert merged[0][1] == merged[1][1] == canonical(first)
    assert merged[0][2] == merged[1][2]
    # A change there merges the same way from either layout, and twice changes nothing.
    update_claim(first, made["claims"][1].id, notes="checked against page 3")
    export_bundle(first, path)
    old = as_version_one(path, tmp_path / "old2.claimdesk")
    for (ws, _, _), bundle in zip(merged, (path, old), strict=True):
        assert import_bundle(ws, bundle).updated == {"claims": 1}
        again = import_bundle(ws, bundle)
        assert again.total_added == again.total_updated == 0 and not again.conflicts
    assert canonical(merged[0][0]) == canonical(merged[1][0]) == canonical(first)
    for ws, _, _ in merged:
        ws.close()
    first.close()


def test_long_article_on_postgresql_goes_in_without_its_decoded_text(
    long_bundle: tuple[Path, str, int], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, text, boundary = long_bundle
    target = open_workspace(pg_url)
    bind_analyst(target)
    read_whole: list[str] = []
    whole = BundleContents.read

    def spy(self: BundleContents, name: str) -> bytes:
        read_whole.append(name)
        return whole(self, name)

    monkeypatch.setattr(BundleContents, "read", spy)
    try:
        report = import_bundle(target, path)
        assert report.added["articles"] == 1 and report.added["claims"] == 2
        assert read_whole == []
        with target.session() as session:
            (aid,) = session.scalars(select(Article.id)).all()
        assert article_text(target, aid).text == text
        assert [h.article_id for h in search(target, "Zwiebelturmquelle").hits] == [aid]
        with target.session() as session:
            claims = session.scalars(select(Claim).order_by(Claim.start)).all()
            assert claims[0].quote == text[boundary - 7 : boundary + 9]
        # The same bundle again: the stored text matches by its checksum, nothing changes.
        again = import_bundle(target, path)
        assert again.total_added == 0 and again.total_updated == 0 and not again.conflicts
        assert read_whole == []
    finally:
        target.close()


def test_an_old_bundles_section_is_read_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """data.json's sections are found once; reading one parses none of those before it."""
    path, source = _many_records(tmp_path, 3000)
    source.close()
    old = as_version_one(path, tmp_path / "old.claimdesk")
    decoded: list[int] = []
    raw_decode = json.JSONDecoder.raw_decode

    def spy(self: json.JSONDecoder, text: str, *args: object, **kw: object) -> object:
        decoded.append(1)
        return raw_decode(self, text, *args, **kw)

    with archive.read_bundle(old) as bundle:
        # data.json's keys are sorted: the history's 3,000 entries come before the sources.
        monkeypatch.setattr(json.JSONDecoder, "raw_decode", spy)
        sources = list(bundle.records("sources"))
        assert sources == [] and len(decoded) < 20
        decoded.clear()
        history = list(bundle.records("history"))
        assert len(history) > 3000 and len(decoded) < len(history) + 100
        assert list(bundle.records("history")) == history  # read again, the same
        assert [c["id"] for c in bundle.records("claims")] == [
            c["id"] for c in records_of(members_of(path))["claims"]
        ]
