"""CLI: migrate, bundle export/import and agreement."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.claims import create_claim, get_claim, update_claim
from db.cli import run
from db.models import Analyst, Claim
from db.workspace import head_revision, make_engine, open_workspace


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(list(argv), out=out)
    return code, out.getvalue()


def test_migrate_sqlite_then_current(tmp_path: Path) -> None:
    db = str(tmp_path / "m.sqlite")
    code, out = _run("migrate", "--db", db)
    engine = make_engine(f"sqlite:///{db}")
    head = head_revision(engine)
    engine.dispose()
    assert code == 0 and f"empty → {head}" in out
    code, out = _run("migrate", "--db", db)
    assert code == 0 and "already current" in out


def test_migrate_shared_and_password_never_printed(pg_owner_url: str, capsys) -> None:
    with_pw = (
        make_url(pg_owner_url).set(password="topsecret-42").render_as_string(hide_password=False)
    )
    code, _ = _run("articles", "--db", with_pw)
    err = capsys.readouterr().err
    assert code == 2 and "claimdesk migrate --db" in err and "topsecret-42" not in err
    code, out = _run("migrate", "--db", with_pw)
    assert code == 0 and "empty →" in out and "topsecret-42" not in out
    code, out = _run("articles", "--db", with_pw)
    assert code == 0


def _workspace_with_claims(path: Path, seed: Path) -> tuple[str, str]:
    ws = open_workspace(path)
    bind_analyst(ws)
    data = seed.read_bytes()
    article = add_article(ws, NewArticle(text=data.decode("utf-8"), original=data, title="S"))
    claim = create_claim(ws, article.id, 0, 30, tags=["economy"], status="in_review")
    create_claim(ws, article.id, 40, 60)
    ws.close()
    return str(article.id), str(claim.id)


def test_bundle_export_import_and_conflicts(tmp_path: Path, seed_paths, capsys) -> None:
    a = tmp_path / "a.sqlite"
    b = tmp_path / "b.sqlite"
    article_id, claim_id = _workspace_with_claims(a, seed_paths[0])
    bundle = tmp_path / "x.claimdesk"
    code, out = _run("bundle", "export", "--db", str(a), "--tag", "economy", "-o", str(bundle))
    assert code == 0 and "1 claims" in out and bundle.exists()
    code, out = _run("bundle", "import", str(bundle), "--db", str(b))
    assert code == 0
    assert "Added: " in out and "1 claims" in out and "Conflicts: 0" in out
    code, out = _run("bundle", "import", str(bundle), "--db", str(b))
    assert "Added: 0" in out and "Updated: 0" in out and "Conflicts: 0" in out

    # A newer local edit in b against the bundle's older value: a listed conflict.
    wb = open_workspace(b)
    bind_analyst(wb)
    update_claim(wb, claim_id, notes="b's note")
    wa = open_workspace(a)
    bind_analyst(wa)
    update_claim(wa, claim_id, notes="a's note")
    wa.close()
    code, _ = _run("bundle", "export", "--db", str(a), "--article", article_id, "-o", str(bundle))
    assert code == 0
    update_claim(wb, claim_id, notes="b's newest note")
    code, out = _run("bundle", "import", str(bundle), "--db", str(b))
    assert code == 0 and "Conflicts: 1" in out and "b's newest note" in out and "a's note" in out
    # No side is called newer: a conflict is never decided by the clocks.
    assert "changed on both sides" in out and "newer" not in out
    assert get_claim(wb, claim_id).notes == "b's newest note"
    wb.close()

    broken = tmp_path / "broken.claimdesk"
    broken.write_bytes(b"not a zip")
    code, _ = _run("bundle", "import", str(broken), "--db", str(b))
    assert code == 2 and "not a zip file" in capsys.readouterr().err


def test_agreement_command(tmp_path: Path, seed_paths) -> None:
    path = tmp_path / "g.sqlite"
    ws = open_workspace(path)
    data = seed_paths[1].read_bytes()
    article = add_article(ws, NewArticle(text=data.decode("utf-8"), original=data, title="G"))
    ids = {}
    with ws.session() as session:
        for name in ("Ann", "Ben"):
            person = Analyst(name=name)
            session.add(person)
            session.flush()
            ids[name] = person.id
    ws.analyst_id = ids["Ann"]
    create_claim(ws, article.id, 0, 20)
    create_claim(ws, article.id, 50, 70)
    ws.analyst_id = ids["Ben"]
    create_claim(ws, article.id, 2, 20)
    with ws.session() as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == 3
    ws.close()
    code, out = _run(
        "agreement", "--db", str(path), "--article", str(article.id), "--analysts", "Ann", "Ben"
    )
    assert code == 0
    assert "Matched pairs: 1" in out
    assert "Precision: 1.000" in out and "Recall: 0.500" in out and "F1: 0.667" in out
    assert "Cohen's kappa, status: 1.000" in out
