"""A claim made verified or false by any route carries its reviewer and a rationale."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from review_support import act_as, add_seed, claim_at

from db import claims
from db.analysts import add_analyst
from db.cli import run
from db.errors import InvalidInput
from db.models import Role, Status
from db.review import verdicts_of
from db.workspace import Workspace


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return run(list(argv), out=out), out.getvalue()


def _verdict_rows(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM verdict").fetchone()[0])
    finally:
        con.close()


def test_update_without_rationale_is_refused_and_changes_nothing(
    ws: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    for status in ("verified", "false"):
        with pytest.raises(InvalidInput, match=f"Marking a claim {status} needs a rationale"):
            claims.update_claim(ws, c.id, status=status, rationale="   ")
    assert claims.get_claim(ws, c.id).status is Status.UNVERIFIED
    assert verdicts_of(ws, c.id) == []
    # Statuses that decide nothing need no reason.
    assert claims.update_claim(ws, c.id, status="in_review").status is Status.IN_REVIEW


def test_update_with_rationale_records_the_reviewer(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    add_analyst(ws, "Rita Review", role=Role.REVIEWER)
    act_as(ws, "Rita Review")
    info = claims.update_claim(ws, c.id, status="false", rationale=" The photo is from 2019. ")
    assert info.status is Status.FALSE
    (verdict,) = verdicts_of(ws, c.id)
    assert (verdict.reviewer_name, verdict.status, verdict.rationale) == (
        "Rita Review",
        Status.FALSE,
        "The photo is from 2019.",
    )
    # Putting back an earlier state (undo) is not a new decision.
    claims.update_claim(ws, c.id, status="in_review")
    claims.update_claim(ws, c.id, status="false", restoring=True)
    assert len(verdicts_of(ws, c.id)) == 1


def test_cli_claim_status_needs_a_rationale(ws_path: Path, seed_paths: list[Path], capsys) -> None:
    db = ("--db", str(ws_path))
    rc, out = _cli(*db, "import", str(seed_paths[0]))
    assert rc == 0
    article = out.split("\t")[0]
    text = seed_paths[0].read_text(encoding="utf-8")
    quote = next(w for w in text.split() if len(w) > 6 and w.isalpha())
    rc, out = _cli(*db, "claim", "add", "--article", article, "--quote", quote)
    assert rc == 0
    claim_id = out.strip()
    capsys.readouterr()

    rc, out = _cli(*db, "claim", "status", claim_id, "verified")
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and out == ""
    assert err == ["claimdesk: Marking a claim verified needs a rationale: say why it is verified."]
    assert _verdict_rows(ws_path) == 0

    rc, out = _cli(*db, "claim", "status", claim_id, "verified", "--rationale", "Court record.")
    assert rc == 0 and out.strip() == f"{claim_id}\tverified"
    rc, out = _cli(*db, "verdicts", claim_id)
    assert rc == 0
    assert out.strip().endswith("verified\tCourt record.")

    # claim add with a deciding status asks for the reason too, before writing anything.
    rc, _out = _cli(
        *db,
        "claim",
        "add",
        "--article",
        article,
        "--quote",
        quote,
        "--occurrence",
        "1",
        "--allow-duplicate",
        "--status",
        "false",
    )
    line = capsys.readouterr().err.strip()
    assert rc == 2 and "needs a rationale" in line
    assert _verdict_rows(ws_path) == 1


def _decided_workspace(ws: Workspace, seed_paths: list[Path]) -> dict[str, object]:
    """Three claims: one verified by a reviewer, one false by another, one undecided."""
    from db.sources import create_source

    aid, text = add_seed(ws, seed_paths[1])
    agency = create_source(ws, "Wire agency", kind="agency", default_reliability="B")
    made = [
        claim_at(ws, aid, text, n, source_id=agency.id, reliability="B", credibility=n + 2)
        for n in range(3)
    ]
    add_analyst(ws, "Rita Review", role=Role.REVIEWER)
    add_analyst(ws, "Ola Other", role=Role.REVIEWER)
    act_as(ws, "Rita Review")
    claims.update_claim(ws, made[0].id, status="verified", rationale="=Matches the court file.")
    act_as(ws, "Ola Other")
    claims.update_claim(ws, made[1].id, status="false", rationale="The 2019 photo, reused.")
    # Taken away from verified again: the verdict no longer stands behind the status.
    claims.update_claim(ws, made[2].id, status="verified", rationale="First look.")
    claims.update_claim(ws, made[2].id, status="in_review")
    return {"ids": [str(c.id) for c in made]}


EXPECTED = {
    0: ("B", "2", "verified", "Rita Review", "=Matches the court file."),
    1: ("B", "3", "false", "Ola Other", "The 2019 photo, reused."),
    2: ("B", "4", "in_review", "", ""),
}


def test_sheets_carry_verifier_time_rationale_and_both_grades(
    ws: Workspace, seed_paths: list[Path], tmp_path: Path
) -> None:
    import csv
    import datetime as dt
    import json

    import openpyxl

    from db.claims import ClaimFilter
    from db.exporting import export
    from db.exporting.rows import COLUMNS

    ids = _decided_workspace(ws, seed_paths)["ids"]
    assert isinstance(ids, list)
    for name in ("reliability", "credibility", "verifier", "verdict_at", "rationale"):
        assert name in COLUMNS
    assert COLUMNS.index("reliability") == COLUMNS.index("grading") + 1
    assert COLUMNS.index("credibility") == COLUMNS.index("grading") + 2
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)

    def check(row: dict[str, object], n: int) -> None:
        rel, cred, status, who, why = EXPECTED[n]
        assert str(row["reliability"]) == rel and str(row["credibility"]) == cred
        assert row["grading"] == rel + cred and row["status"] == status
        assert (row["verifier"] or "") == who
        assert str(row["rationale"] or "").lstrip("'") == why
        when = row["verdict_at"]
        if who:
            at = dt.datetime.fromisoformat(str(when))
            assert at.utcoffset() == dt.timedelta(0) and at >= before
        else:
            assert not when

    target = tmp_path / "sheet.csv"
    assert export(ws, "csv", ClaimFilter(), target) == 3
    with open(target, newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    for n, cid in enumerate(ids):
        check(dict(rows[cid]), n)
    # A rationale is analyst text: a leading "=" is neutralised like any other cell.
    assert rows[ids[0]]["rationale"].startswith("'=")

    target = tmp_path / "sheet.json"
    export(ws, "json", ClaimFilter(), target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    records = doc["claims"] if isinstance(doc, dict) else doc
    by_id = {r["id"]: r for r in records}
    for n, cid in enumerate(ids):
        check(by_id[cid], n)
    assert by_id[ids[0]]["credibility"] == 2  # a number in JSON

    target = tmp_path / "sheet.xlsx"
    export(ws, "xlsx", ClaimFilter(), target)
    sheet = openpyxl.load_workbook(target)["Claims"]
    header = [c.value for c in sheet[1]]
    assert header[header.index("grading") + 1 : header.index("grading") + 3] == [
        "reliability",
        "credibility",
    ]
    for values in sheet.iter_rows(min_row=2, values_only=True):
        row = dict(zip(header, values, strict=True))
        row["verdict_at"] = row.pop("verdict_at (UTC)")
        row = {k: ("" if v is None else v) for k, v in row.items()}
        check(row, ids.index(str(row["id"])))


def test_cli_claim_edit_status_needs_a_rationale(
    ws_path: Path, seed_paths: list[Path], capsys
) -> None:
    db = ("--db", str(ws_path))
    rc, out = _cli(*db, "import", str(seed_paths[0]))
    article = out.split("\t")[0]
    text = seed_paths[0].read_text(encoding="utf-8")
    quote = next(w for w in text.split() if len(w) > 6 and w.isalpha())
    rc, out = _cli(*db, "claim", "add", "--article", article, "--quote", quote)
    claim_id = out.strip()
    capsys.readouterr()
    rc, _out = _cli(*db, "claim", "edit", claim_id, "--status", "false", "--note", "x")
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and "needs a rationale" in err[0]
    assert _verdict_rows(ws_path) == 0
    rc, _out = _cli(
        *db, "claim", "edit", claim_id, "--status", "false", "--rationale", "Misread figure."
    )
    assert rc == 0 and _verdict_rows(ws_path) == 1


def test_sheets_name_the_latest_verdict_giving_the_status(
    ws: Workspace, seed_paths: list[Path], tmp_path: Path
) -> None:
    import csv
    import json

    import openpyxl

    from db.claims import ClaimFilter
    from db.exporting import export

    aid, text = add_seed(ws, seed_paths[1])
    claim = claim_at(ws, aid, text, 0)
    add_analyst(ws, "Rita Review", role=Role.REVIEWER)
    add_analyst(ws, "Ola Other", role=Role.REVIEWER)
    act_as(ws, "Rita Review")
    claims.update_claim(ws, claim.id, status="verified", rationale="First reading.")
    act_as(ws, "Ola Other")
    claims.update_claim(ws, claim.id, status="false", rationale="The photo is older.")
    claims.update_claim(ws, claim.id, status="verified", rationale="Second source found.")
    act_as(ws, "Rita Review")
    claims.update_claim(ws, claim.id, status="disputed", rationale="Disputed by the agency.")
    claims.update_claim(ws, claim.id, status="verified", rationale="Agency withdrew it.")

    csv_path, json_path, xlsx_path = (tmp_path / f"s.{f}" for f in ("csv", "json", "xlsx"))
    for fmt, path in (("csv", csv_path), ("json", json_path), ("xlsx", xlsx_path)):
        assert export(ws, fmt, ClaimFilter(), path) == 1
    with open(csv_path, newline="", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["verifier"], row["rationale"]) == ("Rita Review", "Agency withdrew it.")
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    (record,) = doc["claims"]
    assert (record["verifier"], record["rationale"]) == ("Rita Review", "Agency withdrew it.")
    sheet = openpyxl.load_workbook(xlsx_path)["Claims"]
    header = [c.value for c in sheet[1]]
    (values,) = list(sheet.iter_rows(min_row=2, values_only=True))
    cells = dict(zip(header, values, strict=True))
    assert (cells["verifier"], cells["rationale"]) == ("Rita Review", "Agency withdrew it.")
