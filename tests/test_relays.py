"""Relay chains: claim add --relayed-by, accepted suggestions, and the migration."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from cli_support import cli
from sqlalchemy import inspect

TEXT = (
    "South Korean lawmaker Park Min-ho visited Kyiv last week.\n"
    "Park, citing Ukraine's defence intelligence chief Kyrylo Budanov, said 400 soldiers died.\n"
)


def _article(ws, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    from db.importing import import_file

    path = tmp_path / "relay.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(import_file(ws, path).id)


def test_claim_add_relayed_by_keeps_the_order(  # type: ignore[no-untyped-def]
    ws_path: Path, tmp_path: Path, capsys
) -> None:
    from db.relays import relay_names
    from db.sources import list_sources
    from db.workspace import open_workspace

    ws = open_workspace(ws_path)
    article = _article(ws, tmp_path)
    ws.close()
    rc, out = cli(
        "--db", str(ws_path), "claim", "add", "--article", article,
        "--quote", "400 soldiers died", "--source", "Kyrylo Budanov",
        "--relayed-by", "Park Min-ho", "--relayed-by", "Daily Example",
    )  # fmt: skip
    assert rc == 0
    claim_id = uuid.UUID(out.strip())
    ws = open_workspace(ws_path)
    try:
        assert relay_names(ws, [claim_id]) == {claim_id: ("Park Min-ho", "Daily Example")}
        before = {s.name for s in list_sources(ws)}
    finally:
        ws.close()
    capsys.readouterr()
    rc, out = cli(
        "--db", str(ws_path), "claim", "add", "--article", article, "--quote", "visited Kyiv",
        "--relayed-by", "New Relay", "--relayed-by", " ",
    )  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 2 and out == "" and err.count("\n") == 1 and "relay" in err
    ws = open_workspace(ws_path)
    try:
        assert {s.name for s in list_sources(ws)} == before
    finally:
        ws.close()


def test_accepted_suggestion_stores_source_and_relays(ws, tmp_path: Path) -> None:
    from db.assist.service import accept_suggestions, suggestions_for_article
    from db.claims import claims_of_article, delete_claim
    from db.relays import relay_names

    article = _article(ws, tmp_path)
    found = [s for s in suggestions_for_article(ws, article, ["figure"]) if "400" in s.quote]
    assert found and found[0].source == "Kyrylo Budanov"
    accepted = accept_suggestions(ws, article, found)
    (claim,) = accepted.claims
    assert claim.source_name == "Kyrylo Budanov"
    assert relay_names(ws, [claim.id]) == {claim.id: ("Park Min-ho",)}
    delete_claim(ws, claim.id)
    assert relay_names(ws, [claim.id]) == {}
    assert claims_of_article(ws, uuid.UUID(article)) == []


def test_relay_chain_refuses_the_original_source_and_repeats(ws, tmp_path: Path) -> None:
    from db.claims import create_claim_by_quote
    from db.errors import InvalidInput
    from db.relays import set_relay_ids
    from db.sources import create_source

    article = _article(ws, tmp_path)
    budanov = create_source(ws, "Kyrylo Budanov")
    park = create_source(ws, "Park Min-ho")
    claim = create_claim_by_quote(ws, article, "400 soldiers died", source_id=budanov.id)
    with pytest.raises(InvalidInput):
        set_relay_ids(ws, claim.id, [budanov.id])
    with pytest.raises(InvalidInput):
        set_relay_ids(ws, claim.id, [park.id, park.id])
    changes = set_relay_ids(ws, claim.id, [park.id])
    assert changes.fields_of(changes.items[0].entity, str(claim.id)) == frozenset({"relayed_by"})


def test_migration_adds_the_relay_table(tmp_path: Path) -> None:
    from alembic import command

    from db.workspace import alembic_config, make_engine, to_url

    engine = make_engine(to_url(tmp_path / "old.sqlite"))
    try:
        command.upgrade(alembic_config(engine), "0007")
        assert "claim_relay" not in inspect(engine).get_table_names()
        command.upgrade(alembic_config(engine), "head")
        assert "claim_relay" in inspect(engine).get_table_names()
        command.downgrade(alembic_config(engine), "0007")
        assert "claim_relay" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_exports_carry_the_relay_chain(ws, tmp_path: Path) -> None:
    import csv
    import json

    from openpyxl import load_workbook

    from db.claims import ClaimFilter, create_claim_by_quote
    from db.exporting.sheet import write_csv, write_json
    from db.exporting.xlsx import write_xlsx
    from db.relays import set_relay_ids
    from db.sources import create_source

    article = _article(ws, tmp_path)
    budanov = create_source(ws, "Kyrylo Budanov")
    park = create_source(ws, "Park Min-ho")
    outlet = create_source(ws, "Daily Example")
    claim = create_claim_by_quote(ws, article, "400 soldiers died", source_id=budanov.id)
    create_claim_by_quote(ws, article, "visited Kyiv")
    set_relay_ids(ws, claim.id, [park.id, outlet.id])
    flt = ClaimFilter()
    write_csv(ws, flt, tmp_path / "c.csv")
    with open(tmp_path / "c.csv", encoding="utf-8", newline="") as handle:
        rows = {r["quote"]: r for r in csv.DictReader(handle)}
    assert rows["400 soldiers died"]["relayed_by"] == "Park Min-ho; Daily Example"
    assert rows["visited Kyiv"]["relayed_by"] == ""
    write_json(ws, flt, tmp_path / "c.json")
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    items = data["claims"] if isinstance(data, dict) else data
    chain = {i["quote"]: i["relayed_by"] for i in items}
    assert chain == {"400 soldiers died": ["Park Min-ho", "Daily Example"], "visited Kyiv": []}
    write_xlsx(ws, flt, tmp_path / "c.xlsx")
    sheet = load_workbook(tmp_path / "c.xlsx")["Claims"]
    header = [c.value for c in sheet[1]]
    column = header.index("relayed_by")
    values = {
        r[header.index("quote")]: r[column] for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert values["400 soldiers died"] == "Park Min-ho; Daily Example"


def test_a_relay_cannot_become_the_original_source_until_removed(ws, tmp_path: Path) -> None:
    from db.claims import create_claim_by_quote, get_claim, update_claim
    from db.errors import InvalidInput
    from db.relays import relay_names, set_relay_ids
    from db.sources import create_source

    article = _article(ws, tmp_path)
    budanov = create_source(ws, "Kyrylo Budanov")
    park = create_source(ws, "Park Min-ho")
    claim = create_claim_by_quote(ws, article, "400 soldiers died", source_id=budanov.id)
    set_relay_ids(ws, claim.id, [park.id])
    with pytest.raises(InvalidInput, match="Park Min-ho relays this claim"):
        update_claim(ws, claim.id, source_id=park.id)
    assert get_claim(ws, claim.id).source_id == budanov.id
    set_relay_ids(ws, claim.id, [])
    assert update_claim(ws, claim.id, source_id=park.id).source_id == park.id
    assert relay_names(ws, [claim.id]) == {}


def test_cli_claim_relays_shows_replaces_and_refuses(  # type: ignore[no-untyped-def]
    ws_path: Path, tmp_path: Path, capsys
) -> None:
    from db.claims import create_claim_by_quote
    from db.sources import create_source, list_sources
    from db.workspace import open_workspace

    ws = open_workspace(ws_path)
    article = _article(ws, tmp_path)
    budanov = create_source(ws, "Kyrylo Budanov")
    create_source(ws, "Park Min-ho", aliases=["Park"])
    claim = str(create_claim_by_quote(ws, article, "400 soldiers died", source_id=budanov.id).id)
    ws.close()
    db = ("--db", str(ws_path))
    assert cli(*db, "claim", "relays", claim) == (0, "")
    rc, out = cli(*db, "claim", "relays", claim, "--set", "park", "--set", "Daily  Example")
    assert (rc, out.splitlines()) == (0, ["Park Min-ho", "Daily Example"])  # alias matched
    capsys.readouterr()
    ws = open_workspace(ws_path)
    before = sorted(s.name for s in list_sources(ws))
    ws.close()
    original, repeated, blank = ["New Relay", "kyrylo budanov"], ["PARK", "park min-ho"], [" "]
    for bad in (original, ["New Relay", *repeated], ["New Relay", *blank]):
        argv = [a for name in bad for a in ("--set", name)]
        rc, out = cli(*db, "claim", "relays", claim, *argv)
        err = capsys.readouterr().err
        assert rc == 2 and out == "" and err.count("\n") == 1, (bad, err)
    ws = open_workspace(ws_path)
    assert sorted(s.name for s in list_sources(ws)) == before  # no "New Relay" left behind
    ws.close()
    assert cli(*db, "claim", "relays", claim)[1].splitlines() == ["Park Min-ho", "Daily Example"]
    assert cli(*db, "claim", "relays", claim, "--clear") == (0, "")
