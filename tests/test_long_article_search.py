"""Long articles: indexed for search after their row is written, and stored in bounded memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from db.analysts import bind_analyst
from db.articles import article_text, delete_article
from db.importing import import_file
from db.search import schema, search
from db.workspace import Workspace, open_workspace

ROOT = Path(__file__).resolve().parent.parent


def _long_text(chars: int) -> str:
    """Prose in Latin, Cyrillic and Hangul, one marker word near the start and one at the end."""
    line = "Колонна прошла мост 다리 near the river at dawn, officials said. "
    body = line * (chars // len(line) + 1)
    return "Long report\n\nZwiebelturm " + body + " Quellwasser\n"


def _pending(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        return int(
            conn.execute(
                text(f"SELECT count(*) FROM {schema.KEY} WHERE kind = '{schema.PENDING}'")
            ).scalar_one()
        )


def test_words_of_a_long_imported_article_are_found_at_their_offsets(
    store: Workspace, tmp_path: Path
) -> None:
    body = _long_text(schema.DEFER_BYTES + 50_000)
    path = tmp_path / "long.txt"
    path.write_text(body, encoding="utf-8")
    info = import_file(store, path)
    stored = article_text(store, info.id).text
    assert stored == body
    for word in ("zwiebelturm", "QUELLWASSER", "다리"):
        hits = search(store, word).hits
        assert [h.article_id for h in hits] == [info.id]
        hit = hits[0]
        assert hit.field == "text"
        assert hit.article_start is not None and hit.article_end is not None
        assert stored[hit.article_start : hit.article_end].casefold() == word.casefold()
        assert hit.article_start == stored.casefold().find(word.casefold())
    # Every term, wherever it lies in the text; a missing one finds nothing.
    assert len(search(store, "Zwiebelturm Quellwasser").hits) == 1
    assert search(store, "Zwiebelturm Sauerkraut").hits == ()
    if not store.shared:
        assert _pending(store) == 0
    delete_article(store, info.id)
    assert search(store, "quellwasser").hits == ()


def test_a_long_article_written_by_any_path_is_indexed_before_commit(tmp_path: Path) -> None:
    # A plain session write (as a bundle or an undo makes) leaves the text to the
    # workspace's commit, which indexes it; a later edit of the text replaces it.
    from db.articles import NewArticle, add_articles

    ws = open_workspace(tmp_path / "w.sqlite")
    bind_analyst(ws)
    try:
        body = _long_text(schema.DEFER_BYTES + 10)
        [info] = add_articles(ws, [NewArticle(text=body, original=body.encode(), title="T")])
        assert not isinstance(info, Exception)
        assert _pending(ws) == 0
        assert [h.article_id for h in search(ws, "quellwasser").hits] == [info.id]
        with ws.session() as session:
            session.execute(
                text("UPDATE article SET text = :t WHERE title = 'T'"),
                {"t": body.replace("Quellwasser", "Flussmündung")},
            )
        assert search(ws, "quellwasser").hits == ()
        assert len(search(ws, "flussmündung").hits) == 1
        with ws.engine.begin() as conn:
            for table in (schema.WORD, schema.TRIGRAM):
                conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    finally:
        ws.close()


_CHILD = """
import json, sys
from pathlib import Path
from db.importing import import_file, read_file
from db.workspace import open_workspace

def status(field):
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) / 1024 for l in f if l.startswith(field))

ws = open_workspace(Path(sys.argv[2]))
read_file(Path(sys.argv[3]))  # a small file first: every module the import needs is loaded
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak resident size starts again from here
before = status("VmRSS:")
import_file(ws, Path(sys.argv[1]))
print(json.dumps({"before": before, "peak": status("VmHWM:")}))
"""


def test_importing_a_long_article_peaks_near_a_few_times_its_size(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(_long_text(3 * 2**20 // 2), encoding="utf-8")  # 2 MiB, 2-byte text
    small = tmp_path / "small.txt"
    small.write_text("A short note.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(article), str(tmp_path / "w.sqlite"), str(small)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    size_mib = article.stat().st_size / 2**20
    # Held at once at worst: the file's bytes, the text (two bytes a character) and
    # its UTF-8 copy, or the database's own work on the row or on the index: about
    # six times the file's size here.  Indexing the text inside the INSERT, with all
    # of that held, took more than ten.
    assert figures["peak"] - figures["before"] < 8.5 * size_mib


def test_a_workspace_indexed_by_the_earlier_triggers_stays_searchable(tmp_path: Path) -> None:
    from alembic import command

    from db.workspace import alembic_config, make_engine, to_url

    url = to_url(tmp_path / "old.sqlite")
    ws = open_workspace(url)
    bind_analyst(ws)
    article = tmp_path / "long.txt"
    article.write_text(_long_text(schema.DEFER_BYTES + 10), encoding="utf-8")
    first = import_file(ws, article).id
    ws.close()
    engine = make_engine(url)
    command.downgrade(alembic_config(engine), "0012")  # the triggers of migration 0005
    with engine.begin() as conn:
        triggers = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'search_article_ai'"
        ).scalar_one()
    engine.dispose()
    assert schema.PENDING not in triggers
    ws = open_workspace(url)  # upgraded on opening
    try:
        bind_analyst(ws)
        assert [h.article_id for h in search(ws, "quellwasser").hits] == [first]
        later = tmp_path / "later.txt"
        later.write_text(_long_text(schema.DEFER_BYTES) + "Nachtrag\n", encoding="utf-8")
        second = import_file(ws, later).id
        assert [h.article_id for h in search(ws, "quellwasser").hits] == [second, first]
        assert _pending(ws) == 0
    finally:
        ws.close()


@pytest.mark.parametrize("filler", ["plain words and numbers 1234 ", "Колонна 다리 €5 😀 "])
def test_a_long_text_is_stored_as_read_across_its_slices(tmp_path: Path, filler: str) -> None:
    # The text is written to the row a slice of characters at a time: characters of
    # one to four bytes lie on every slice boundary, and the final line break stays.
    from db.long_rows import SLICE

    step = SLICE // 4
    body = "Slices\n\n" + filler * (5 * step // len(filler))
    if not filler.isascii():
        for at in (step - 1, 2 * step - 2, 3 * step - 3):
            body = body[:at] + "😀é" + body[at:]
    body += "\n"
    path = tmp_path / "slices.txt"
    path.write_text(body, encoding="utf-8", newline="\n")
    ws = open_workspace(tmp_path / "w.sqlite")
    bind_analyst(ws)
    try:
        assert path.stat().st_size > schema.DEFER_BYTES  # the long path
        info = import_file(ws, path)
        assert article_text(ws, info.id).text == body
        with ws.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT length(CAST(text AS BLOB)), original FROM article")
            ).one()
        assert stored[0] == len(body.encode("utf-8"))
        assert stored[1] == path.read_bytes()
    finally:
        ws.close()


def test_a_long_article_handed_over_is_let_go_of_once_stored(store: Workspace) -> None:
    # Handed over as the only reference (as import_file and the import batches do),
    # neither the file's bytes nor the text stay held once the article is stored: not
    # by the session, nor by a statement SQLAlchemy keeps compiled for the next import.
    import sys

    from db.articles import NewArticle, add_article

    body = _long_text(schema.DEFER_BYTES + 10) + "Ende 😀\n"
    original = body.encode("utf-8")
    holder = [NewArticle(text=body, original=original, filename="long.txt", title="Long")]
    info = add_article(store, holder.pop())
    assert sys.getrefcount(original) == 2  # this test's name and the call's argument
    assert sys.getrefcount(body) == 2
    assert article_text(store, info.id).text == body
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT original, title FROM article")).one()
    assert bytes(stored[0]) == original and stored[1] == "Long"
    again = _long_text(schema.DEFER_BYTES + 20)
    second = add_article(store, NewArticle(text=again, original=again.encode(), title="Two"))
    assert article_text(store, second.id).text == again
    assert len(search(store, "quellwasser").hits) == 2
