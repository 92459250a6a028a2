"""Full-text search in db/search: kept current by every write, Unicode-correct, literal.

Each test runs on a SQLite file and on the PostgreSQL server.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article, delete_article, update_article
from db.claims import ClaimFilter, create_claim, delete_claim, list_claims, update_claim
from db.comments import add_comment
from db.errors import InvalidInput
from db.models import Article, Comment
from db.search import find_phrase, parse_query, search
from db.sources import create_source, delete_source, update_source
from db.workspace import Workspace, migrate, open_workspace

MIXED = (
    "Министр обороны said on Monday that 100% of the units were ready.\n"
    "The BBC and the Russian ВВС both reported it; the file was unit_7.\n"
    "École militaire staff in ΑΘΗΝΑ agreed. 국방부는 1만5000명을 보냈다고 밝혔다.\n"
    "中华人民共和国国防部 made no comment. 50 percent, not 100 percent.\n"
)


def _article(ws: Workspace, text: str = MIXED, title: str = "Mixed scripts") -> uuid.UUID:
    new = NewArticle(text=text, original=text.encode() + uuid.uuid4().bytes, title=title)
    return add_article(ws, new).id


def _found(ws: Workspace, query: str) -> list[tuple[str, str]]:
    """(field, text at the hit's offsets) for every hit."""
    out = []
    for hit in search(ws, query).hits:
        out.append((hit.field, hit.snippet[hit.marks[0][0] : hit.marks[0][1]] if hit.marks else ""))
    return out


def _article_text(ws: Workspace, article_id: uuid.UUID) -> str:
    with ws.session() as session:
        return session.scalar(select(Article.text).where(Article.id == article_id)) or ""


# ---------------------------------------------------------------- Unicode and literals


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("министр", "Министр"),
        ("МИНИСТР", "Министр"),
        ("école", "École"),
        ("ÉCOLE", "École"),
        ("αθηνα", "ΑΘΗΝΑ"),
        ("Αθηνα", "ΑΘΗΝΑ"),
        ("국방부", "국방부"),  # inside the word 국방부는
        ("人民共和", "人民共和"),  # inside a run of Chinese with no spaces
        ("1만", "1만"),  # two characters: the start of a word
    ],
)
def test_case_insensitive_in_every_script(store: Workspace, query: str, expected: str) -> None:
    article_id = _article(store)
    text = _article_text(store, article_id)
    hits = search(store, query).hits
    assert [h.article_id for h in hits] == [article_id]
    hit = hits[0]
    assert hit.field == "text"
    assert text[hit.start : hit.end] == expected
    assert (hit.article_start, hit.article_end) == (hit.start, hit.end)
    mark = hit.marks[0]
    assert hit.snippet[mark[0] : mark[1]] == expected
    assert hit.marked_snippet().count("⟦" + expected + "⟧") >= 1


def test_query_is_nfc_normalised(store: Workspace) -> None:
    article_id = _article(store)
    decomposed = "E\u0301cole"  # É as E + combining acute
    hits = search(store, decomposed).hits
    assert [h.article_id for h in hits] == [article_id]
    assert search(store, decomposed).query == "École"


def test_latin_and_cyrillic_lookalikes_are_kept_apart(store: Workspace) -> None:
    _article(store)
    latin = search(store, "BBC").hits
    cyrillic = search(store, "ВВС").hits
    assert len(latin) == 1 and len(cyrillic) == 1
    assert latin[0].start != cyrillic[0].start
    text = _article_text(store, latin[0].article_id)
    assert text[latin[0].start : latin[0].end] == "BBC"
    assert text[cyrillic[0].start : cyrillic[0].end] == "ВВС"
    # No accent folding either: Ecole is not École.
    assert search(store, "Ecole").hits == ()


def test_percent_and_underscore_are_literal(store: Workspace) -> None:
    first = _article(store)
    second = _article(store, "Ratios of 1000 and unit 7 and 100 percent.\n", title="Other")
    hits = search(store, "100%").hits
    assert [h.article_id for h in hits] == [first]
    text = _article_text(store, first)
    assert text[hits[0].start : hits[0].end] == "100%"
    assert [h.article_id for h in search(store, "unit_7").hits] == [first]
    assert search(store, "t_7").hits[0].article_id == first
    # "%" and "_" do not stand for other characters: only the second has "1000".
    assert [h.article_id for h in search(store, "1000").hits] == [second]


def test_a_short_term_with_punctuation_needs_every_character(store: Workspace) -> None:
    """Two characters go to the word index, which keeps no "%": the rest is checked."""
    rates = _article(store, "Rates rose 5% in May.\n", title="Rates")
    points = _article(store, "Rates rose 50 points in May.\n", title="Points")
    assert [h.article_id for h in search(store, "5%").hits] == [rates]
    assert [h.article_id for h in search(store, "rose 5%").hits] == [rates]
    assert {h.article_id for h in search(store, "5").hits} == {rates, points}
    text = _article_text(store, rates)
    start = text.index("5%")
    percent = create_claim(store, rates, start, start + 2)
    start = _article_text(store, points).index("50")
    fifty = create_claim(store, points, start, start + 2)

    def ids(value: str) -> set[uuid.UUID]:
        return {c.id for c in list_claims(store, ClaimFilter(text=value))}

    assert ids("5%") == {percent.id}
    assert ids("5") == {percent.id, fifty.id}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"BBC', False),  # the quote is a character to find
        ("BBC*", False),
        ("NEAR(BBC", False),
        ("text:BBC", False),
        ("(BBC)", False),
        ("^BBC", False),
        ("BBC OR", False),  # "or" starts no word of the text
        ("BBC AND", True),  # "and" is in the text ("The BBC and the ...")
        ("BBC NOT", True),  # "not" too ("not 100 percent")
        ("BBC;", False),
        ("BBC'", False),
    ],
)
def test_fts_and_sql_syntax_is_text(store: Workspace, query: str, found: bool) -> None:
    _article(store)
    result = search(store, query)  # never a syntax error
    assert bool(result.hits) is found
    for hit in result.hits:
        assert "BBC" in hit.snippet


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("%", "no letters or digits"),
        ("_ % -- ...", "no letters or digits"),
        ('"', "no letters or digits"),
        ("x" * (10 * 1024 * 1024), "too long"),
        ("word " * 200, "too long"),
        ("abc\x00def", "NUL"),
        ("abc\udcff", "not valid text"),
    ],
)
def test_unusable_queries_are_refused_in_one_sentence(
    store: Workspace, query: str, words: str
) -> None:
    _article(store)
    with pytest.raises(InvalidInput) as excinfo:
        search(store, query)
    message = str(excinfo.value)
    assert words in message
    assert "\n" not in message and len(message) < 200


def test_every_term_must_be_found(store: Workspace) -> None:
    first = _article(store)
    _article(store, "The BBC alone.\n", title="Alone")
    assert [h.article_id for h in search(store, "BBC Министр").hits] == [first]
    assert len(search(store, "BBC").hits) == 2


def test_limit_and_more(store: Workspace) -> None:
    for i in range(4):
        _article(store, f"Shelling near Kharkiv, report {i}.\n", title=f"Report {i}")
    result = search(store, "kharkiv", limit=3)
    assert len(result.hits) == 3 and result.more
    assert not search(store, "kharkiv", limit=4).more
    with pytest.raises(InvalidInput):
        search(store, "kharkiv", limit=0)


def test_find_phrase_is_literal_and_case_insensitive() -> None:
    text = "Министр said 100% — министр, 100 %. a_b axb"
    assert find_phrase(text, "МИНИСТР") == [(0, 7), (20, 27)]
    assert find_phrase(text, "100%") == [(13, 17)]
    assert find_phrase(text, "a_b") == [(36, 39)]
    assert find_phrase(text, "") == []


def test_parse_query_drops_lone_punctuation() -> None:
    assert parse_query("  Министр  — 100%  ").terms == ("Министр", "100%")


# ---------------------------------------------------------------- kept current


def test_index_follows_article_writes(store: Workspace) -> None:
    article_id = _article(store, "Troops gathered near Kursk.\n", title="Border report")
    assert _found(store, "kursk") == [("text", "Kursk")]
    assert _found(store, "border") == [("title", "Border")]
    update_article(store, article_id, title="Frontier report")
    assert search(store, "border").hits == ()
    assert _found(store, "frontier") == [("title", "Frontier")]
    with store.session() as session:  # the stored text is replaced (e.g. a re-extraction)
        session.execute(
            update(Article).where(Article.id == article_id).values(text="Troops left Belgorod.\n")
        )
    assert search(store, "kursk").hits == ()
    assert _found(store, "belgorod") == [("text", "Belgorod")]
    delete_article(store, article_id)
    assert search(store, "belgorod").hits == ()
    assert search(store, "frontier").hits == ()


def test_index_follows_claim_writes(store: Workspace) -> None:
    text = "Officials said 1,500 soldiers moved to the Kursk region.\n"
    article_id = _article(store, text, title="Moves")
    claim = create_claim(store, article_id, 15, 29)  # "1,500 soldiers"
    hits = [h for h in search(store, "soldiers").hits if h.claim_id]
    assert [(h.claim_id, h.field, h.article_start, h.article_end) for h in hits] == [
        (claim.id, "quote", 21, 29)
    ]
    update_claim(store, claim.id, statement="Pyongyang sent troops", notes="Checked twice")
    statement = [h for h in search(store, "pyongyang").hits]
    assert [(h.claim_id, h.field, h.start, h.article_start) for h in statement] == [
        (claim.id, "statement", 0, 15)
    ]
    assert [h.field for h in search(store, "twice").hits] == ["notes"]
    update_claim(store, claim.id, statement="Moscow received troops")
    assert search(store, "pyongyang").hits == ()
    assert [h.claim_id for h in search(store, "moscow").hits] == [claim.id]
    delete_claim(store, claim.id)
    assert search(store, "moscow").hits == ()
    assert all(h.claim_id is None for h in search(store, "soldiers").hits)


def test_index_follows_comments_tags_and_sources(store: Workspace) -> None:
    text = "The agency said 3,000 troops crossed.\n"
    article_id = _article(store, text, title="Crossing")
    source = create_source(store, "Defence Intelligence of Ukraine", aliases=["HUR"])
    claim = create_claim(store, article_id, 16, 28, source_id=source.id, tags=["Casualties"])
    comment = add_comment(store, claim.id, "Needs a second satellite image")

    hits = search(store, "satellite").hits
    assert [(h.kind, h.claim_id, h.entity_id, h.field) for h in hits] == [
        ("comment", claim.id, comment.id, "comment")
    ]
    assert (hits[0].article_start, hits[0].article_end) == (16, 28)
    with store.session() as session:
        session.execute(update(Comment).where(Comment.id == comment.id).values(body="Done"))
    assert search(store, "satellite").hits == ()

    assert [(h.kind, h.claim_id) for h in search(store, "intelligence").hits] == [
        ("source", claim.id)
    ]
    assert [(h.field, h.claim_id) for h in search(store, "hur").hits] == [("alias", claim.id)]
    update_source(store, source.id, name="Main Directorate")
    assert search(store, "intelligence").hits == ()
    assert [h.claim_id for h in search(store, "directorate").hits] == [claim.id]
    assert [(h.field, h.claim_id) for h in search(store, "casualt").hits] == [("tag", claim.id)]
    update_claim(store, claim.id, tags=[])
    assert search(store, "casualt").hits == ()
    delete_source(store, source.id)
    assert search(store, "directorate").hits == ()
    # Deleting the article removes its claims' and comments' entries too (cascade).
    add_comment(store, claim.id, "Another satellite pass")
    assert search(store, "satellite").hits != ()
    delete_article(store, article_id)
    assert search(store, "satellite").hits == ()
    assert search(store, "troops").hits == ()


def test_failed_write_leaves_index_unchanged(store: Workspace) -> None:
    article_id = _article(store, "Artillery near Bakhmut.\n", title="Front")
    with pytest.raises(RuntimeError), store.session() as session:
        session.execute(update(Article).where(Article.id == article_id).values(title="Rolled"))
        raise RuntimeError("abort")
    assert search(store, "rolled").hits == ()
    assert [h.field for h in search(store, "front").hits] == ["title"]


# ---------------------------------------------------------------- the claims filter


def test_claims_filter_finds_any_script_and_literal_percent(store: Workspace) -> None:
    article_id = _article(store)
    text = _article_text(store, article_id)
    minister = create_claim(store, article_id, 0, 7)  # Министр
    start = text.index("100%")
    percent = create_claim(store, article_id, start, start + 4)
    start = text.index("100 percent")
    plain = create_claim(store, article_id, start, start + 11)

    def ids(value: str) -> set[uuid.UUID]:
        return {c.id for c in list_claims(store, ClaimFilter(text=value))}

    assert ids("Министр") == {minister.id}
    assert ids("министр") == {minister.id}
    assert ids("100%") == {percent.id}
    assert ids("%") == {percent.id}  # punctuation alone: looked for as typed
    assert ids("_") == set()
    assert ids("100") == {percent.id, plain.id}
    assert ids("\udcff") == set()  # undecodable bytes match nothing, and do not fail


# ---------------------------------------------------------------- existing workspaces


def test_migration_indexes_rows_written_before_it(request: pytest.FixtureRequest, tmp_path: Path):
    """A workspace from before full-text search: the migration indexes what it holds."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from db.workspace import alembic_config, make_engine, to_url

    for backend in ("sqlite", "postgresql"):
        if backend == "sqlite":
            url = owner = to_url(tmp_path / "old.sqlite")
            open_workspace(url).close()
        else:
            url = request.getfixturevalue("pg_url")
            owner = request.getfixturevalue("pg_team").owner_url  # schema changes: the owner
            migrate(url)
        # Rows written, then the schema taken back to before full-text search: the
        # rows stay, the indexes go (models of later revisions cannot write into an
        # older schema, so the rows are written first).
        current = open_workspace(url)
        bind_analyst(current)
        article_id = _article(current, "Convoys crossed near Kupiansk.\n", title="Old report")
        claim = create_claim(current, article_id, 0, 7, statement="Министр confirmed")
        add_comment(current, claim.id, "Satellite images agree")
        current.close()
        engine = make_engine(owner)
        config = alembic_config(engine)
        before = ScriptDirectory.from_config(config).get_revision("0005").down_revision
        command.downgrade(config, str(before))
        engine.dispose()
        if backend == "postgresql":
            migrate(owner)
        ws = open_workspace(url)  # a local file is upgraded on opening
        try:
            assert [h.field for h in search(ws, "kupiansk").hits] == ["text"]
            assert [(h.field, h.claim_id) for h in search(ws, "МИНИСТР").hits] == [
                ("statement", claim.id)
            ]
            assert [h.kind for h in search(ws, "satellite").hits] == ["comment"]
            bind_analyst(ws)
            _article(ws, "Later text about Kupiansk.\n", title="New report")
            assert len(search(ws, "kupiansk").hits) == 2  # and kept current from then on
        finally:
            ws.close()


# ---------------------------------------------------------------- offsets in any text

_FILLER = st.text(
    alphabet=st.sampled_from(
        [*"ab ,.\n\r\t", "😀", "🎉", "\u0301", "\u200b", "\u00a0", "한", "語", "ש", "Ж", "ß"]
    ),
    max_size=60,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(before=_FILLER, after=_FILLER, upper=st.booleans())
def test_hit_offsets_are_code_points_into_the_stored_text(ws, before, after, upper) -> None:  # type: ignore[no-untyped-def]
    word = "Zq" + uuid.uuid4().hex[:8]  # one of a kind in the workspace
    text = f"{before} {word}ёж {after}\n"
    article_id = _article(ws, text, title="Generated")
    hits = search(ws, word.upper() if upper else word.lower()).hits
    assert [h.article_id for h in hits] == [article_id]
    hit = hits[0]
    stored = _article_text(ws, article_id)
    assert stored[hit.start : hit.end].casefold() == word.casefold()
    assert (hit.article_start, hit.article_end) == (hit.start, hit.end)
    mark = hit.marks[0]
    assert hit.snippet[mark[0] : mark[1]].casefold() == word.casefold()


def test_a_phrase_as_typed_is_the_hit(store: Workspace) -> None:
    text = "Figures first. Later the final figure of 7 came, a final figure indeed.\n"
    article_id = _article(store, text, title="Phrase")
    hits = search(store, "FINAL   figure").hits
    assert [h.article_id for h in hits] == [article_id]
    start = text.index("final figure")
    assert (hits[0].start, hits[0].end) == (start, start + len("final figure"))
