"""Optimistic locking on SQLite and PostgreSQL: stale edits are refused, none lost."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from db.articles import NewArticle, add_article, get_article, update_article
from db.claims import create_claim, get_claim, update_claim
from db.concurrency import retry_on_stale
from db.errors import StaleEdit
from db.sources import create_source, get_source, update_source
from db.workspace import Workspace


@pytest.fixture
def two(store: Workspace, store_again: Workspace, seed_paths: list[Path]):
    data = seed_paths[0].read_bytes()
    article = add_article(store, NewArticle(text=data.decode("utf-8"), original=data, title="A"))
    return store, store_again, article


def test_stale_claim_edit_is_refused_with_current_values(two) -> None:
    first, second, article = two
    claim = create_claim(first, article.id, 0, 20, notes="original")
    seen_by_first = get_claim(first, claim.id)
    seen_by_second = get_claim(second, claim.id)
    assert seen_by_first.version == seen_by_second.version

    update_claim(first, claim.id, expected_version=seen_by_first.version, notes="first wins")
    with pytest.raises(StaleEdit) as info:
        update_claim(second, claim.id, expected_version=seen_by_second.version, notes="second")
    current = info.value.current["claim"]
    assert current.notes == "first wins"
    assert current.version == seen_by_first.version + 1
    assert get_claim(second, claim.id).notes == "first wins"
    # Re-applied on the new version, the second edit goes through.
    done = update_claim(second, claim.id, expected_version=current.version, notes="second")
    assert done.notes == "second"


def test_stale_source_and_article_edits_are_refused(two) -> None:
    first, second, article = two
    source = create_source(first, "Ministry of Health")
    update_source(first, source.id, expected_version=source.version, notes="one")
    with pytest.raises(StaleEdit) as info:
        update_source(second, source.id, expected_version=source.version, notes="two")
    assert info.value.current["source"].notes == "one"
    assert get_source(second, source.id).notes == "one"

    update_article(first, article.id, expected_version=article.version, title="Edited")
    with pytest.raises(StaleEdit) as info:
        update_article(second, article.id, expected_version=article.version, title="Other")
    assert info.value.current["article"].title == "Edited"
    assert get_article(second, article.id).title == "Edited"


def test_two_writers_lose_no_update(two) -> None:
    first, second, article = two
    claims = [create_claim(first, article.id, i, i + 5).id for i in range(50)]
    acknowledged: dict[str, list[str]] = {"w1": [], "w2": []}
    stale_seen = {"w1": 0, "w2": 0}
    errors: list[BaseException] = []

    def writer(name: str, ws: Workspace, seed: int) -> None:
        rng = random.Random(seed)
        try:
            for n in range(500):
                claim_id = rng.choice(claims)
                token = f"{name}-{n}"

                def edit(claim_id=claim_id, token=token) -> None:
                    info = get_claim(ws, claim_id)
                    try:
                        update_claim(
                            ws,
                            claim_id,
                            expected_version=info.version,
                            notes=info.notes + f" {token}",
                        )
                    except StaleEdit:
                        stale_seen[name] += 1
                        raise

                retry_on_stale(edit, attempts=200)
                acknowledged[name].append(token)
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=("w1", first, 1)),
        threading.Thread(target=writer, args=("w2", second, 2)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    stored: list[str] = []
    for claim_id in claims:
        stored.extend(get_claim(first, claim_id).notes.split())
    assert len(acknowledged["w1"]) == len(acknowledged["w2"]) == 500
    assert sorted(stored) == sorted(acknowledged["w1"] + acknowledged["w2"])
    total_versions = sum(get_claim(first, c).version - 1 for c in claims)
    assert total_versions == 1000
