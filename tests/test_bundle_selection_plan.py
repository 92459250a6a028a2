"""Which links a bundle carries is read without pairing every chosen claim with every other."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.bundles.selection import choose
from db.claims import create_claim
from db.links import add_link
from db.models import ClaimLink, Relation
from db.workspace import open_workspace

TEXT = "One two three four five six seven eight nine ten.\n"


def test_links_of_chosen_claims_are_found_by_one_end_and_checked_by_the_other(
    tmp_path: Path,
) -> None:
    ws = open_workspace(tmp_path / "w.sqlite")
    try:
        bind_analyst(ws)
        first = add_article(ws, NewArticle(text=TEXT, original=TEXT.encode(), filename="a.txt"))
        other = TEXT.replace("One", "Uno")
        second = add_article(ws, NewArticle(text=other, original=other.encode(), filename="b.txt"))
        a, b = create_claim(ws, first.id, 0, 3), create_claim(ws, first.id, 4, 7)
        c = create_claim(ws, second.id, 0, 3)
        inside = add_link(ws, a.id, b.id, Relation.SUPPORTS)
        add_link(ws, a.id, c.id, Relation.SUPPORTS)  # one end outside the first article
        chosen = choose([first.id], None, outside_links=False)
        query = select(ClaimLink.id).where(chosen.where("links"))
        with ws.session() as session:
            assert list(session.scalars(query)) == [inside.id]
            sql = str(query.compile(session.bind, compile_kwargs={"literal_binds": True}))
            plan = " ".join(row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
        # Two IN lists on the unique (from, to) index would look up every pair of claims.
        assert "to_claim_id=?" not in plan, plan
        with ws.session() as session:
            everything = choose(None, None, outside_links=False).where("links")
            assert len(list(session.scalars(select(ClaimLink.id).where(everything)))) == 2
    finally:
        ws.close()
