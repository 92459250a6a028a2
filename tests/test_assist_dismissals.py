"""Dismissed suggestions: hidden for the analyst who dismissed them, shown again on request."""

from __future__ import annotations

from pathlib import Path

import pytest

TEXT = (
    "About 1,500 soldiers have arrived, according to Seoul's spy agency.\n"
    "North Korea has 1.2 million troops.\n"
)


def test_dismiss_restore_and_other_analysts(ws, tmp_path: Path) -> None:
    from db.analysts import add_analyst
    from db.articles import delete_article
    from db.assist.dismissals import dismiss, dismissals, restore
    from db.assist.service import suggestions_for_article
    from db.changes import Entity, Op
    from db.errors import NotFound
    from db.importing import import_file

    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = import_file(ws, path).id
    first = suggestions_for_article(ws, article, ["figure"])
    assert len(first) == 2
    dismissal_id, changes = dismiss(ws, article, first[0])
    assert changes.ids(Entity.SUGGESTION, Op.CREATED) == {str(dismissal_id)}
    assert dismiss(ws, article, first[0])[0] == dismissal_id  # twice is once
    assert suggestions_for_article(ws, article, ["figure"]) == first[1:]
    assert suggestions_for_article(ws, article, ["figure"], include_dismissed=True) == first
    assert [d.quote for d in dismissals(ws, article)] == [first[0].quote]

    mine = ws.analyst_id
    other = add_analyst(ws, "Second Analyst")
    ws.analyst_id = other.id
    assert suggestions_for_article(ws, article, ["figure"]) == first
    ws.analyst_id = mine

    changes = restore(ws, dismissal_id)
    assert changes.ids(Entity.SUGGESTION, Op.DELETED) == {str(dismissal_id)}
    assert suggestions_for_article(ws, article, ["figure"]) == first
    with pytest.raises(NotFound):
        restore(ws, dismissal_id)

    dismiss(ws, article, first[1])
    delete_article(ws, article)
    with ws.session() as session:
        from sqlalchemy import func, select

        from db.models import SuggestionDismissal

        assert session.scalar(select(func.count()).select_from(SuggestionDismissal)) == 0
