"""schema.org ClaimReview export for decided claims."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from formats_support import populate

from db.claims import ClaimFilter, list_claims
from db.exporting import export
from db.models import Status
from db.review import give_verdict
from db.settings import set_organisation_name

CLAIM_REVIEW_SHAPE = {
    "type": "object",
    "required": [
        "@context",
        "@type",
        "claimReviewed",
        "itemReviewed",
        "reviewRating",
        "author",
        "datePublished",
    ],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "claimReviewed": {"type": "string", "minLength": 1},
        "datePublished": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"},
        "author": {
            "type": "object",
            "required": ["@type", "name"],
            "properties": {"@type": {"const": "Organization"}, "name": {"type": "string"}},
        },
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance"],
            "properties": {
                "@type": {"const": "Claim"},
                "author": {
                    "type": "object",
                    "required": ["@type", "name"],
                    "properties": {"@type": {"enum": ["Person", "Organization"]}},
                },
                "appearance": {
                    "type": "object",
                    "required": ["@type", "headline", "url", "datePublished", "publisher"],
                    "properties": {"url": {"type": "string", "pattern": "^https?://"}},
                },
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName", "ratingValue", "bestRating", "worstRating"],
            "properties": {
                "@type": {"const": "Rating"},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                "bestRating": {"const": 5},
                "worstRating": {"const": 1},
            },
        },
    },
}


@pytest.fixture
def decided(ws, seed_paths):
    pop = populate(ws, seed_paths, nasty=False)
    set_organisation_name(ws, "Example Fact Desk")
    verdict = give_verdict(ws, pop.claims[0].id, "false", "The ministry later corrected it.")
    return ws, pop, verdict


def test_only_decided_claims_with_mapped_ratings(decided, tmp_path):
    ws, pop, verdict = decided
    target = tmp_path / "reviews.json"
    n = export(ws, "claimreview", ClaimFilter(), target)
    reviews = json.loads(target.read_text(encoding="utf-8"))
    decided_claims = [
        c
        for c in list_claims(ws)
        if c.status in {Status.VERIFIED, Status.FALSE, Status.DISPUTED, Status.UNVERIFIABLE}
    ]
    assert n == len(reviews) == len(decided_claims) == 8
    for review in reviews:
        jsonschema.validate(review, CLAIM_REVIEW_SHAPE)
        assert review["author"]["name"] == "Example Fact Desk"
    by_id = {r["identifier"]: r for r in reviews}
    ratings = {
        Status.FALSE: ("False", 1),
        Status.DISPUTED: ("Disputed", 2),
        Status.UNVERIFIABLE: ("Unverifiable", 3),
        Status.VERIFIED: ("Verified", 5),
    }
    for claim in decided_claims:
        review = by_id[f"urn:uuid:{claim.id}"]
        assert review["claimReviewed"] == claim.statement
        rating = review["reviewRating"]
        assert (rating["alternateName"], rating["ratingValue"]) == ratings[claim.status]
        assert review["itemReviewed"]["author"]["name"] == claim.source_name
    first = by_id[f"urn:uuid:{pop.claims[0].id}"]
    assert first["datePublished"] == verdict.decided_at.date().isoformat()
    assert first["reviewRating"]["alternateName"] == "False"
    appearance = first["itemReviewed"]["appearance"]
    assert appearance["url"] == "https://news.example/0"
    assert appearance["headline"] == "Seed article 0"
    assert appearance["publisher"] == {"@type": "Organization", "name": "Outlet 0"}
    assert appearance["datePublished"] == "2024-10-01T08:30:00Z"
    agency = first["itemReviewed"]["author"]
    person = by_id[f"urn:uuid:{pop.claims[1].id}"]["itemReviewed"]["author"]
    assert agency["@type"] == "Organization" and person["@type"] == "Person"


def test_status_filter_narrows(decided, tmp_path):
    ws, _pop, _verdict = decided
    target = tmp_path / "verified.json"
    flt = ClaimFilter(statuses=frozenset({Status.VERIFIED, Status.UNVERIFIED}))
    # Claims 0 and 6 were verified; the verdict made claim 0 false.
    assert export(ws, "claimreview", flt, target) == 1
    reviews = json.loads(target.read_text(encoding="utf-8"))
    assert {r["reviewRating"]["ratingValue"] for r in reviews} == {5}
    none = tmp_path / "none.json"
    flt = ClaimFilter(statuses=frozenset({Status.IN_REVIEW}))
    assert export(ws, "claimreview", flt, none) == 0
    assert json.loads(none.read_text(encoding="utf-8")) == []


def test_default_organisation(ws, seed_paths, tmp_path):
    populate(ws, seed_paths[:1], nasty=False)
    target = tmp_path / "r.json"
    assert export(ws, "claimreview", ClaimFilter(), target) == 2
    reviews = json.loads(target.read_text(encoding="utf-8"))
    assert {r["author"]["name"] for r in reviews} == {"ClaimDesk"}
    for review in reviews:
        dt.date.fromisoformat(review["datePublished"])


def test_relay_chain_travels_as_contributors_in_order(decided, tmp_path):
    from db.relays import set_relay_ids
    from db.sources import create_source

    ws, pop, _verdict = decided
    relays = [create_source(ws, "Park Min-ho", kind="person"), create_source(ws, "Daily Example")]
    set_relay_ids(ws, pop.claims[0].id, [r.id for r in relays])
    target = tmp_path / "reviews.json"
    export(ws, "claimreview", ClaimFilter(), target)
    by_id = {r["identifier"]: r for r in json.loads(target.read_text(encoding="utf-8"))}
    item = by_id[f"urn:uuid:{pop.claims[0].id}"]["itemReviewed"]
    assert item["author"]["name"] == pop.claims[0].source_name  # the original source
    assert item["contributor"] == [
        {"@type": "Person", "name": "Park Min-ho"},
        {"@type": "Organization", "name": "Daily Example"},
    ]
    others = [r for key, r in by_id.items() if key != f"urn:uuid:{pop.claims[0].id}"]
    assert others and all("contributor" not in r["itemReviewed"] for r in others)
