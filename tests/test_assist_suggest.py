"""Suggested claims: the pure function, the database functions and the ``suggest`` command."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from cli_support import cli

from db.assist.suggest import RegistrySource, suggest

TEXT = (
    "Troops move east\n"
    "About 1,500 North Korean soldiers, including special forces, have arrived in Russia, "
    "according to Seoul's spy agency. The transfers took place between October 8-13.\n"
    "South Korean lawmaker Park Min-ho said on Monday that 400 soldiers had been killed. "
    "“They will not be treated well at all by their commanders,” Park said.\n"
    "North Korea has 1.2 million troops, one of the largest armies in the world.\n"
)
PUB = dt.date(2024, 10, 23)


def by_target(found, needle: str):  # type: ignore[no-untyped-def]
    lo = TEXT.index(needle)
    hits = [s for s in found if s.target_start <= lo < s.target_end]
    assert hits, needle
    return hits[0]


def test_figures_dates_quotations_with_sources() -> None:
    found = suggest(TEXT, PUB, outlet="Daily Example")
    for s in found:
        assert TEXT[s.start : s.end] == s.quote
    troops = by_target(found, "1,500")
    assert (troops.kind, troops.value, troops.unit, troops.qualifier) == (
        "figure", 1500, "soldiers", "about"
    )  # fmt: skip
    assert troops.source == "Seoul's spy agency" and troops.source_kind == "intelligence"
    assert troops.relayed_by == ("Daily Example",)
    assert "according to" not in troops.quote and len(troops.quote) < 120
    dates = by_target(found, "October 8-13")
    assert dates.kind == "date" and dates.event_date == "2024-10-08/2024-10-13"
    killed = by_target(found, "400 soldiers")
    assert killed.source == "Park Min-ho" and killed.source_kind == "lawmaker"
    quote = [s for s in found if s.kind == "quotation"]
    assert quote and quote[0].source == "Park Min-ho" and quote[0].quote.startswith("They will")
    own = by_target(found, "1.2 million")
    assert own.value == 1_200_000 and own.source is None and own.relayed_by == ()


def test_kinds_filter_and_existing_claims_are_not_offered_again() -> None:
    only_dates = suggest(TEXT, PUB, kinds=["date"])
    assert only_dates and {s.kind for s in only_dates} == {"date"}
    lo = TEXT.index("1,500")
    again = suggest(TEXT, PUB, existing=[(lo, lo + 5)])
    assert all(not (s.start < lo + 5 and lo < s.end) for s in again)


def test_source_matched_through_registry_aliases() -> None:
    nis = RegistrySource(uuid.uuid4(), "National Intelligence Service", ("SEOUL’S SPY AGENCY",))
    park = RegistrySource(uuid.uuid4(), "Park Minho", ("Park Min Ho",), "lawmaker")
    found = suggest(TEXT, PUB, registry=[nis, park])
    assert by_target(found, "1,500").source == "National Intelligence Service"
    assert by_target(found, "1,500").source_id == nis.id
    assert by_target(found, "400 soldiers").source_id == park.id


def test_unresolved_relative_date_without_publication_date() -> None:
    found = suggest("They met on Sunday and agreed.", None)
    assert [(s.kind, s.event_date) for s in found] == [("date", None)]


def test_a_long_article_in_any_script_gives_consistent_offsets() -> None:
    parts = [
        TEXT,
        "북한군 1만5000명이 파병됐다고 국정원이 밝혔다.\n",
        "По данным разведки, до 15 тысяч военных.\n",
        "أرسلت كوريا الشمالية ١٥٠٠ جندي.\n",
        "🙂 \u200b\u202e mixed \u202e text 11\u200b000\n",
    ]
    text = "".join(parts) * 400
    found = suggest(text, PUB)
    assert len(found) > 400
    assert all(text[s.start : s.end] == s.quote for s in found)
    assert not any(s.value == 11000 for s in found)


# ------------------------------------------------------------------ database and CLI


def _import(ws, path: Path) -> str:  # type: ignore[no-untyped-def]
    from db.importing import import_file

    return str(import_file(ws, path).id)


def test_accept_creates_claims_with_sources_and_hides_them(ws, tmp_path: Path) -> None:
    from db.assist.service import accept_suggestions, suggestions_for_article
    from db.claims import claims_of_article
    from db.sources import create_source, list_sources

    create_source(ws, "National Intelligence Service", aliases=["Seoul's spy agency"])
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = _import(ws, path)
    found = suggestions_for_article(ws, article, ["figure"])
    accepted = accept_suggestions(ws, article, found)
    assert len(accepted.claims) == len(found) >= 3
    claims = {c.quote: c for c in claims_of_article(ws, uuid.UUID(article))}
    troops = next(c for q, c in claims.items() if "1,500" in q)
    assert troops.source_name == "National Intelligence Service" and troops.kind == "figure"
    assert "Figure: about 1,500 soldiers" in troops.notes
    killed = next(c for q, c in claims.items() if "400 soldiers" in q)
    assert killed.source_name == "Park Min-ho"
    assert {s.name for s in accepted.sources} == {"Park Min-ho"}
    assert "Park Min-ho" in {s.name for s in list_sources(ws)}
    assert {c.id for c in accepted.changes.of(accepted.changes.items[0].entity)} == {
        str(c.id) for c in accepted.claims
    }
    assert suggestions_for_article(ws, article, ["figure"]) == []


def test_cli_suggest_json_text_accept_and_bad_input(ws_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from db.workspace import open_workspace

    ws = open_workspace(ws_path)
    path = tmp_path / "story.txt"
    path.write_text(TEXT.replace("\n", "\r\n"), encoding="utf-16")
    article = _import(ws, path)
    ws.close()
    rc, out = cli("--db", str(ws_path), "suggest", "--article", article, "--format", "json")
    assert rc == 0
    rows = json.loads(out)
    keys = {"kind", "start", "end", "quote", "value", "value_max", "unit", "qualifier",
            "event_date", "source", "source_kind", "relayed_by", "cue"}  # fmt: skip
    assert rows and all(set(r) == keys for r in rows)
    assert any(r["value"] == 1500 and r["source"] == "Seoul's spy agency" for r in rows)
    rc, out = cli("--db", str(ws_path), "suggest", "--article", article, "--kind", "date")
    lines = out.splitlines()
    assert rc == 0 and lines and all(line.startswith("date") for line in lines)
    assert "October 8-13" in out
    rc, out = cli(
        "--db", str(ws_path), "suggest", "--article", article, "--kind", "figure", "--accept"
    )
    ids = out.split()
    assert rc == 0 and ids and all(uuid.UUID(i) for i in ids)
    rc, out = cli("--db", str(ws_path), "suggest", "--article", article, "--kind", "figure")
    assert rc == 0 and out == ""
    capsys.readouterr()
    rc, out = cli("--db", str(ws_path), "suggest", "--article", str(uuid.uuid4()))
    err = capsys.readouterr().err
    assert rc == 2 and out == "" and err.count("\n") == 1 and "article" in err.lower()
    with pytest.raises(SystemExit) as exc:
        cli("--db", str(ws_path), "suggest", "--article", article, "--kind", "rumour")
    assert exc.value.code == 2


def test_windows_1252_import_is_read_the_same(ws, tmp_path: Path) -> None:
    from db.assist.service import suggestions_for_article

    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.replace("“", '"').replace("”", '"').encode("windows-1252"))
    article = _import(ws, path)
    found = suggestions_for_article(ws, article, ["figure"])
    assert any(s.value == 1500 and s.source == "Seoul's spy agency" for s in found)


def test_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    from db.analysts import bind_analyst
    from db.assist.service import accept_suggestions, suggestions_for_article
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        bind_analyst(ws)
        path = tmp_path / "story.txt"
        path.write_text(TEXT, encoding="utf-8")
        article = _import(ws, path)
        found = suggestions_for_article(ws, article, ["figure", "date"])
        accepted = accept_suggestions(ws, article, found)
        assert len(accepted.claims) == len(found) > 0
        assert suggestions_for_article(ws, article, ["figure", "date"]) == []
    finally:
        ws.close()


def test_wire_copy_dateline_clause_and_state_source() -> None:
    text = (
        "SEOUL, Oct 23 (Reuters) - North Korea has sent about 3,000 troops to Russia this month, "
        "South Korea's military said on Wednesday, adding that the total could reach 10,000 by "
        "December.\nThe United States estimates that 8,000 troops are in Kursk.\n"
    )
    found = suggest(text, PUB, outlet="Reuters")
    assert not any(s.target_start < text.index(" - ") for s in found)  # the dateline
    troops = next(s for s in found if s.value == 3000)
    assert troops.quote.startswith("North Korea has sent about 3,000 troops")
    assert (troops.source, troops.source_kind) == ("South Korea's military", "military")
    assert troops.relayed_by == ("Reuters",) and troops.event_date == "2024-10-01/2024-10-31"
    total = next(s for s in found if s.value == 10_000)
    assert total.event_date == "2024-12-01/2024-12-31"
    said = next(s for s in found if "Wednesday" in text[s.target_start : s.target_end])
    assert said.source is None
    us = next(s for s in found if s.value == 8000)
    assert (us.source, us.source_kind) == ("United States", "government")


def test_a_date_a_figure_carries_is_not_suggested_again() -> None:
    text = "The army sent 1,500 soldiers this week."
    found = suggest(text, dt.date(2024, 10, 23))
    assert [(s.kind, s.value, s.event_date) for s in found] == [
        ("figure", 1500, "2024-10-21/2024-10-27")
    ]
    figure = found[0]
    assert text[figure.date_start : figure.date_end] == "this week"


def test_the_date_of_saying_stays_its_own_suggestion_and_is_no_figures_event_date() -> None:
    text = "The ministry said on Wednesday that 1,500 soldiers had arrived."
    found = suggest(text, dt.date(2024, 10, 23))
    figure = next(s for s in found if s.kind == "figure")
    date = next(s for s in found if s.kind == "date")
    assert figure.source == "ministry" and figure.event_date is None
    assert date.source is None and date.event_date == "2024-10-23"


def test_one_suggestion_for_a_figure_written_twice_in_one_clause() -> None:
    from db.assist.suggest import Suggestion, _one_per_clause

    text = "sent 1,500 soldiers (1,500 soldiers) to the border"
    first = Suggestion("figure", 0, len(text), text, 1500, None, "soldiers", target_start=5,
                       target_end=10)  # fmt: skip
    second = Suggestion("figure", 0, len(text), text, 1500, None, "soldiers", target_start=21,
                        target_end=26)  # fmt: skip
    other = Suggestion("figure", 0, len(text), text, 2, None, "", target_start=40, target_end=41)
    assert _one_per_clause([first, second, other]) == [first, other]


def test_a_time_word_is_not_the_counted_thing() -> None:
    found = [s for s in suggest("North Korea sent 1,500 this week.", None) if s.kind == "figure"]
    assert [(s.value, s.unit) for s in found] == [(1500, "")]


def test_claims_made_only_take_suggestions_away_without_reading_the_text_again(
    ws, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The text's suggestions are worked out once; a claim made afterwards leaves out the
    ones it overlaps, exactly as working them out afresh would."""
    import random

    from db.assist import service
    from db.claims import create_claim

    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = _import(ws, path)
    service._cache.clear()
    calls: list[str] = []
    real = service.candidates
    monkeypatch.setattr(service, "candidates", lambda *a, **k: calls.append("x") or real(*a, **k))
    first = service.suggestions_for_article(ws, article)
    assert len(first) >= 4 and len(calls) == 1
    rng = random.Random(5)
    made: list[tuple[int, int]] = []
    for s in rng.sample(first, 2):
        create_claim(ws, uuid.UUID(article), s.target_start, s.target_end)
        made.append((s.target_start, s.target_end))
        again = service.suggestions_for_article(ws, article)
        assert len(calls) == 1  # the text was not read for suggestions again
        service._cache.clear()
        assert service.suggestions_for_article(ws, article) == again  # as if worked out afresh
        assert len(calls) == 2
        calls.clear()
        calls.append("x")
        assert all(not (lo < x.end and x.start < hi) for x in again for lo, hi in made)
    assert len(again) < len(first)


def test_overlap_with_existing_spans_matches_a_check_of_every_span() -> None:
    """The sorted test of overlapping claims agrees with comparing against each claim."""
    import random

    from db.assist.suggest import _overlapping

    rng = random.Random(11)
    for _ in range(200):
        existing = []
        for _n in range(rng.randint(0, 12)):
            lo = rng.randint(0, 200)
            existing.append((lo, lo + rng.randint(0, 60)))
        test = _overlapping(existing)
        for _probe in range(40):
            lo = rng.randint(0, 260)
            hi = lo + rng.randint(1, 40)
            expected = any(a < hi and lo < b for a, b in existing)
            assert test(lo, hi) == expected, (existing, lo, hi)


def test_a_long_article_is_read_for_suggestions_in_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import articles
    from db.analysts import bind_analyst
    from db.assist import service
    from db.workspace import open_workspace

    early = "The ministry said 1,500 soldiers left the base on Monday.\n"
    filler = "A line of ordinary words with nothing to count in it at all.\n" * 60
    late = "Officials said 2,700 soldiers arrived at the border on Friday.\n"
    text = early + filler + late
    ws = open_workspace(tmp_path / "ws.sqlite")
    bind_analyst(ws)
    info = articles.add_article(
        ws, articles.NewArticle(text=text, original=text.encode(), title="Long")
    )
    whole = service.suggestions_for_article(ws, info.id)
    assert any("2,700" in s.quote for s in whole) and any("1,500" in s.quote for s in whole)
    assert not service.read_in_part(ws, info.id)

    limit = len(early) + len(filler) + 20  # the limit falls inside the last line
    monkeypatch.setattr(service, "SUGGEST_CHARS", limit)
    monkeypatch.setattr(service, "_cache", type(service._cache)())
    head, longer = service.suggestion_text(ws, info.id)
    assert (head, longer) == (early + filler, True)
    part = service.suggestions_for_article(ws, info.id)
    assert any("1,500" in s.quote for s in part)
    assert not any("2,700" in s.quote for s in part)
    assert all(s.end <= len(head) for s in part)
    assert service.read_in_part(ws, info.id)
    ws.close()
