"""The core subcommands: import, articles, claim add, claims, link add, export, sources."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import cli

from db.claims import get_claim
from db.cli import build_parser
from db.workspace import open_workspace

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("article", "claim", "source", "claim_link", "tag", "claim_tag", "history", "analyst")

STORY = (
    "Title: Bridge repairs finish early\n"
    "By Ann Lee\n"
    "Published: 4 March 2024 10:00 GMT\n\n"
    "The city said 14 crews worked on the bridge. Officials said 14 crews was the peak.\n"
    "Repairs cost 2.5 million."
)
UPDATE = (
    "Bridge bill rises\n\n"
    "Outlet: Example Wire\n"
    "5 March 2024, 08:30\n\n"
    "The final bill was 3.1 million, auditors said; only 11 crews were involved."
)


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("story.txt", STORY), ("update.md", UPDATE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


@pytest.fixture
def loaded(ws_path: Path, files: dict[str, Path]) -> dict[str, str]:
    rc, out = cli(
        "--db", str(ws_path), "--as", "Ann Lee",
        "import", str(files["story.txt"]), str(files["update.md"]),
    )  # fmt: skip
    assert rc == 0
    ids = [line.split("\t")[0] for line in out.splitlines()]
    return {"story": ids[0], "update": ids[1]}


def assert_refused(capsys: pytest.CaptureFixture[str], rc: int, *words: str) -> str:
    err = capsys.readouterr().err
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("claimdesk: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]
    return lines[0]


# ---------------------------------------------------------------- import / articles


def test_import_prints_id_and_title(ws_path: Path, files: dict[str, Path]) -> None:
    rc, out = cli("import", str(files["story.txt"]), "--db", str(ws_path))
    assert rc == 0
    article_id, title = out.strip().split("\t")
    assert title == "Bridge repairs finish early"
    assert len(article_id) == 36
    assert counts(ws_path)["article"] == 1


def test_articles_lists_date_count_title(ws_path: Path, loaded: dict[str, str]) -> None:
    assert (
        cli(
            "--db",
            str(ws_path),
            "claim",
            "add",
            "--article",
            loaded["story"][:8],
            "--quote",
            "14 crews",
        )[0]
        == 0
    )
    rc, out = cli("--db", str(ws_path), "articles")
    assert rc == 0
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert lines == [
        [loaded["update"], "2024-03-05", "0", "Bridge bill rises"],
        [loaded["story"], "2024-03-04", "1", "Bridge repairs finish early"],
    ]


def test_duplicate_is_reported_and_skipped(
    ws_path: Path, loaded: dict[str, str], files: dict[str, Path], tmp_path: Path, capsys
) -> None:
    capsys.readouterr()
    third = tmp_path / "third.txt"
    third.write_text("Ferry timetable changes\n\nSix ferries a day from May 2024.")
    before = counts(ws_path)
    rc, out = cli("--db", str(ws_path), "import", str(files["story.txt"]), str(third))
    err = capsys.readouterr().err
    assert rc == 0
    assert "story.txt was imported before" in err
    assert err.startswith("claimdesk: ")
    assert out.strip().endswith("\tFerry timetable changes")
    assert len(out.strip().splitlines()) == 1
    assert counts(ws_path)["article"] == before["article"] + 1


@pytest.mark.parametrize("bad", ["missing", "binary", "suffix", "empty"])
def test_one_bad_file_stores_nothing(
    ws_path: Path, loaded: dict[str, str], tmp_path: Path, capsys, bad: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A fine article\n\nWith 3 facts.")
    bad_path = {
        "missing": tmp_path / "missing.txt",
        "binary": tmp_path / "blob.txt",
        "suffix": tmp_path / "sheet.xyz",
        "empty": tmp_path / "empty.txt",
    }[bad]
    if bad == "binary":
        bad_path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    elif bad == "suffix":
        bad_path.write_text("words")
    elif bad == "empty":
        bad_path.write_bytes(b"\n\n")
    before = counts(ws_path)
    capsys.readouterr()
    rc, out = cli("--db", str(ws_path), "import", str(good), str(bad_path))
    line = assert_refused(capsys, rc, bad_path.name)
    if bad == "binary":
        assert "looks like a binary file, not text" in line
    assert out == ""
    assert counts(ws_path) == before


def test_windows_1252_file_waits_for_its_encoding(ws_path: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Café prices\n\nA coffee costs 3 € now.".encode("cp1252"))
    rc, out = cli("--db", str(ws_path), "import", str(path))
    err = capsys.readouterr().err
    assert rc == 1 and out == ""
    assert "old.txt" in err and "Windows-1252" in err and '"Café prices"' in err
    assert counts(ws_path)["article"] == 0
    rc, out = cli("--db", str(ws_path), "import", "--encoding", "cp1252", str(path))
    assert rc == 0
    assert out.strip().endswith("\tCafé prices")


# ---------------------------------------------------------------- claim add / claims


def test_claim_add_with_every_option(ws_path: Path, loaded: dict[str, str]) -> None:
    rc, out = cli(
        "--db",
        str(ws_path),
        "claim",
        "add",
        "--article",
        loaded["story"][:6],
        "--quote",
        "14 crews",
        "--occurrence",
        "2",
        "--status",
        "in_review",
        "--source",
        "City Hall",
        "--reliability",
        "b",
        "--credibility",
        "3",
        "--statement",
        "Fourteen crews at the peak",
        "--kind",
        "figure",
        "--tag",
        "bridge",
        "--tag",
        "crews",
        "--event-date",
        "March 1-3, 2024",
        "--note",
        "check payroll",
    )
    assert rc == 0
    claim_id = out.strip()
    ws = open_workspace(ws_path)
    try:
        info = get_claim(ws, claim_id)
    finally:
        ws.close()
    assert info.quote == "14 crews"
    assert info.start == STORY.index("14 crews", STORY.index("14 crews") + 1)
    assert info.status.value == "in_review"
    assert info.source_name == "City Hall"
    assert info.grading == "B3"
    assert info.statement == "Fourteen crews at the peak"
    assert info.tags == ("bridge", "crews")
    assert (info.event_start.isoformat(), info.event_end.isoformat()) == (
        "2024-03-01",
        "2024-03-03",
    )
    assert info.notes == "check payroll"


def test_claim_add_reuses_source(ws_path: Path, loaded: dict[str, str]) -> None:
    db = ("--db", str(ws_path))
    for quote in ("14 crews", "2.5 million"):
        rc, _ = cli(
            *db,
            "claim",
            "add",
            "--article",
            loaded["story"],
            "--quote",
            quote,
            "--source",
            "City Hall",
        )
        assert rc == 0
    rc, _ = cli(
        *db,
        "claim",
        "add",
        "--article",
        loaded["story"],
        "--quote",
        "bridge",
        "--source",
        "city hall",
    )
    assert rc == 0
    rc, out = cli(*db, "sources")
    assert rc == 0
    rows = [line.split("\t") for line in out.strip().splitlines()]
    assert len(rows) == 1
    assert rows[0][1:] == ["other", "-", "3", "City Hall"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--article", "ffffffff", "--quote", "14 crews"], ["No article with id ffffffff"]),
        (["--quote", "not in the text"], ["does not occur"]),
        (["--quote", "14 crews", "--occurrence", "3"], ["does not occur 3 times"]),
        (["--quote", "14 crews", "--reliability", "Z"], ["reliability"]),
        (["--quote", "14 crews", "--credibility", "9"], ["credibility"]),
        (["--quote", "14 crews", "--status", "maybe"], ["Unknown status"]),
        (["--quote", "14 crews", "--event-date", "8 October"], ["give the year"]),
        (["--quote", "nope", "--source", "Brand New Source"], ["does not occur"]),
        (["--quote", "14 crews", "--kind", "rumour"], ["invalid choice"]),
    ],
)
def test_claim_add_errors_change_nothing(
    ws_path: Path, loaded: dict[str, str], capsys, args: list[str], words: list[str]
) -> None:
    if "--article" not in args:
        args = ["--article", loaded["story"], *args]
    before = counts(ws_path)
    capsys.readouterr()
    try:
        rc, out = cli("--db", str(ws_path), "claim", "add", *args)
    except SystemExit as exc:  # argparse usage errors
        rc, out = exc.code, ""
    assert_refused(capsys, rc, *words)
    assert out == ""
    assert counts(ws_path) == before


def test_claims_lists_and_filters(ws_path: Path, loaded: dict[str, str]) -> None:
    db = ("--db", str(ws_path))
    ids = {}
    for quote, extra in (
        (
            "14 crews",
            [
                "--status",
                "verified",
                "--rationale",
                "The city's press office confirmed the count.",
                "--tag",
                "crews",
                "--source",
                "City Hall",
                "--reliability",
                "A",
                "--credibility",
                "1",
            ],
        ),
        ("2.5 million", ["--tag", "cost"]),
    ):
        rc, out = cli(*db, "claim", "add", "--article", loaded["story"], "--quote", quote, *extra)
        assert rc == 0
        ids[quote] = out.strip()
    rc, out = cli(*db, "claim", "add", "--article", loaded["update"], "--quote", "3.1 million")
    ids["3.1 million"] = out.strip()

    def listed(*extra: str) -> list[list[str]]:
        rc, out = cli(*db, "claims", *extra)
        assert rc == 0
        return [line.split("\t") for line in out.strip().splitlines() if line]

    everything = listed()
    assert {row[0] for row in everything} == set(ids.values())
    verified = listed("--status", "verified")
    assert verified == [
        [
            ids["14 crews"],
            "verified",
            "A1",
            "City Hall",
            "14 crews",
            "fact: -",
            "corroboration: 1",
            "superseded by: -",
            "relayed by: -",
        ]
    ]
    assert [r[0] for r in listed("--tag", "cost")] == [ids["2.5 million"]]
    assert [r[0] for r in listed("--source", "City Hall")] == [ids["14 crews"]]
    assert {r[0] for r in listed("--article", loaded["story"][:8])} == {
        ids["14 crews"],
        ids["2.5 million"],
    }
    unsourced = next(r for r in everything if r[0] == ids["2.5 million"])
    assert unsourced[1:4] == ["unverified", "-", "-"]


def test_claims_unknown_source_is_an_error(ws_path: Path, loaded: dict[str, str], capsys) -> None:
    capsys.readouterr()
    rc, _ = cli("--db", str(ws_path), "claims", "--source", "Nobody")
    assert_refused(capsys, rc, "Nobody")


# ---------------------------------------------------------------- links


def test_link_add_and_errors(ws_path: Path, loaded: dict[str, str], capsys) -> None:
    db = ("--db", str(ws_path))
    _, a = cli(*db, "claim", "add", "--article", loaded["story"], "--quote", "2.5 million")
    _, b = cli(*db, "claim", "add", "--article", loaded["update"], "--quote", "3.1 million")
    a, b = a.strip(), b.strip()
    rc, out = cli(*db, "link", "add", b[:8], a[:8], "--relation", "updates")
    assert rc == 0 and len(out.strip()) == 36
    before = counts(ws_path)
    assert before["claim_link"] == 1
    capsys.readouterr()
    rc, _ = cli(*db, "link", "add", b, a, "--relation", "updates")
    assert_refused(capsys, rc, "already linked")
    rc, _ = cli(*db, "link", "add", a, a, "--relation", "same")
    assert_refused(capsys, rc, "itself")
    rc, _ = cli(*db, "link", "add", a, "abcdef12", "--relation", "cites")
    assert_refused(capsys, rc, "No claim")
    with pytest.raises(SystemExit) as exc:
        cli(*db, "link", "add", a, b, "--relation", "loves")
    assert_refused(capsys, exc.value.code, "invalid choice")
    assert counts(ws_path) == before


# ---------------------------------------------------------------- export


@pytest.fixture
def graded(ws_path: Path, loaded: dict[str, str]) -> dict[str, str]:
    db = ("--db", str(ws_path))
    ids = {}
    for article, quote, status, tag in (
        ("story", "14 crews", "verified", "crews"),
        ("story", "2.5 million", "disputed", "cost"),
        ("update", "3.1 million", "verified", "cost"),
    ):
        rc, out = cli(
            *db,
            "claim",
            "add",
            "--article",
            loaded[article],
            "--quote",
            quote,
            "--status",
            status,
            "--rationale",
            f"Checked: {quote}",
            "--tag",
            tag,
        )
        assert rc == 0
        ids[quote] = out.strip()
    return ids


def test_export_csv_defaults_to_verified(ws_path: Path, graded: dict[str, str], tmp_path) -> None:
    target = tmp_path / "out.csv"
    rc, out = cli("export", "--format", "csv", "-o", str(target), "--db", str(ws_path))
    assert rc == 0
    assert out.strip() == f"2 claims written to {target}"
    with open(target, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["id"] for r in rows} == {graded["14 crews"], graded["3.1 million"]}


def test_export_json_to_stdout_with_filters(ws_path: Path, graded: dict[str, str]) -> None:
    db = ("--db", str(ws_path))

    def exported(*extra: str) -> set[str]:
        rc, out = cli(*db, "export", "--format", "json", "-o", "-", *extra)
        assert rc == 0
        data = json.loads(out)
        assert data["count"] == len(data["claims"])
        return {c["id"] for c in data["claims"]}

    assert exported("--status", "any") == set(graded.values())
    assert exported("--status", "disputed") == {graded["2.5 million"]}
    assert exported("--status", "any", "--tag", "cost") == {
        graded["2.5 million"],
        graded["3.1 million"],
    }
    assert exported("--status", "verified", "--status", "disputed") == set(graded.values())
    assert exported("--since", "2024-03-05") == {graded["3.1 million"]}
    assert exported("--until", "2024-03-04") == {graded["14 crews"]}
    assert exported("--status", "any", "--since", "March 2024", "--until", "March 2024") == set(
        graded.values()
    )
    assert exported("--until", "2024-03-03") == set()


def test_export_errors(ws_path: Path, graded: dict[str, str], tmp_path: Path, capsys) -> None:
    db = ("--db", str(ws_path))
    capsys.readouterr()
    rc, _ = cli(*db, "export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"))
    assert_refused(capsys, rc, "does not exist")
    rc, _ = cli(*db, "export", "--format", "csv", "-o", "-", "--status", "sure")
    assert_refused(capsys, rc, "Unknown status")
    rc, _ = cli(*db, "export", "--format", "csv", "-o", "-", "--since", "5 March")
    assert_refused(capsys, rc, "give the year")
    with pytest.raises(SystemExit) as exc:
        cli(*db, "export", "--format", "docz", "-o", "-")
    assert_refused(capsys, exc.value.code, "invalid choice")
    assert not list(tmp_path.glob("*.part"))


def test_export_formats_come_from_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    import db.exporting as exporting

    monkeypatch.setitem(exporting.EXPORTERS, "fancy", lambda *args, **options: 0)
    args = build_parser().parse_args(["export", "--format", "fancy", "-o", "x"])
    assert args.format == "fancy"


# ---------------------------------------------------------------- real processes


def launcher(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.launcher", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_subprocess_import_and_list(ws_path: Path, files: dict[str, Path]) -> None:
    # Named with --as: a new workspace otherwise says whom it records (one line).
    result = launcher("--db", str(ws_path), "--as", "Ann Lee", "import", str(files["story.txt"]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("\tBridge repairs finish early")
    assert result.stderr == ""
    again = launcher("import", str(files["story.txt"]), "--db", str(ws_path))
    assert again.returncode == 0
    assert again.stdout == ""
    assert "imported before" in again.stderr


def test_subprocess_error_is_one_line(ws_path: Path, loaded: dict[str, str]) -> None:
    before = counts(ws_path)
    result = launcher(
        "--db", str(ws_path), "claim", "add", "--article", loaded["story"], "--quote", "absent"
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: ")
    assert "absent" in lines[0]
    assert counts(ws_path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("link", "add", "x", "y", "--relation", "bogus"),
        ("nosuchcommand",),
        ("claims", "--status"),
    ],
)
def test_subprocess_usage_error_is_one_line(ws_path: Path, argv: tuple[str, ...]) -> None:
    result = launcher("--db", str(ws_path), *argv)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: "), result.stderr


def test_refused_claim_leaves_no_new_source(
    ws_path: Path, loaded: dict[str, str], capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import rules
    from db.errors import Refused

    def refuse(session, claim, status) -> None:
        raise Refused("Only reviewers may set that status.")

    monkeypatch.setattr(rules, "check_status_change", refuse)
    before = counts(ws_path)
    capsys.readouterr()
    rc, _ = cli(
        "--db",
        str(ws_path),
        "claim",
        "add",
        "--article",
        loaded["story"],
        "--quote",
        "14 crews",
        "--status",
        "verified",
        "--rationale",
        "Looks right to me.",
        "--source",
        "Fresh Source",
    )
    assert_refused(capsys, rc, "Only reviewers")
    after = counts(ws_path)
    assert after["source"] == before["source"] and after["claim"] == before["claim"]


@pytest.mark.postgres
def test_core_commands_on_postgresql(pg_url: str, files: dict[str, Path], capsys) -> None:
    from db.workspace import migrate

    migrate(pg_url)
    db = ("--db", pg_url)
    rc, out = cli(*db, "import", str(files["story.txt"]))
    assert rc == 0
    article_id = out.split("\t")[0]
    rc, out = cli(
        *db,
        "claim",
        "add",
        "--article",
        article_id[:8],
        "--quote",
        "14 crews",
        "--status",
        "verified",
        "--rationale",
        "The city's press office confirmed the count.",
        "--source",
        "City Hall",
    )
    assert rc == 0
    claim_id = out.strip()
    rc, out = cli(*db, "claims", "--status", "verified")
    assert out.split("\t")[0] == claim_id
    rc, out = cli(*db, "export", "--format", "json", "-o", "-")
    assert [c["id"] for c in json.loads(out)["claims"]] == [claim_id]
    capsys.readouterr()
    rc, _ = cli(*db, "claim", "add", "--article", article_id, "--quote", "missing words")
    assert_refused(capsys, rc, "does not occur")


def test_command_group_is_shared_between_modules() -> None:
    import argparse

    from db.cli.core import command_group

    parser = argparse.ArgumentParser()
    common = argparse.ArgumentParser(add_help=False)
    subparsers = parser.add_subparsers(dest="command")
    first = command_group(subparsers, "claim", common)
    first.add_parser("add")
    second = command_group(subparsers, "claim", common)
    assert second is first
    second.add_parser("set")
    assert parser.parse_args(["claim", "set"]).claim_command == "set"


def test_import_of_web_annotations_brings_claims_back(
    ws_path: Path, loaded: dict[str, str], files: dict[str, Path], tmp_path: Path, capsys
) -> None:
    rc, out = cli(
        "claim",
        "add",
        "--db",
        str(ws_path),
        "--article",
        loaded["story"],
        "--quote",
        "14 crews",
        "--occurrence",
        "2",
        "--status",
        "in_review",
        "--tag",
        "crews",
    )
    assert rc == 0
    claim_id = out.strip()
    annotations = tmp_path / "claims.jsonld"
    assert (
        cli(
            "--db",
            str(ws_path),
            "export",
            "--status",
            "any",
            "--format",
            "w3c",
            "-o",
            str(annotations),
        )[0]
        == 0
    )

    fresh = tmp_path / "fresh.sqlite"
    rc, out = cli("--db", str(fresh), "import", str(files["story.txt"]), str(annotations))
    assert rc == 0
    assert out.splitlines()[-1] == "1 claims\tclaims.jsonld"
    assert "its first analyst" in capsys.readouterr().err  # the new workspace says whom
    ws = open_workspace(fresh)
    try:
        again = get_claim(ws, claim_id)
    finally:
        ws.close()
    original = open_workspace(ws_path)
    try:
        before = get_claim(original, claim_id)
    finally:
        original.close()
    assert (again.start, again.end, again.quote, again.status, again.tags) == (
        before.start,
        before.end,
        before.quote,
        before.status,
        before.tags,
    )

    broken = tmp_path / "broken.jsonld"
    broken.write_text("{not json", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    rc, _ = cli("--db", str(other), "import", str(files["update.md"]), str(broken))
    assert_refused(capsys, rc, "broken.jsonld")
    assert not other.exists()  # refused before the workspace was even opened
