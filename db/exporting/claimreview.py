"""Decided claims as schema.org ClaimReview JSON-LD, for fact-check publishing.

Only claims with a verdict-like status (verified, false, disputed,
unverifiable) are written; the rating runs from 1 (false) to 5 (verified).
The claim's ``author`` is its original source; the sources that relayed it
are its ``contributor`` list, nearest the original source first, the outlet last.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from db.articles import published_iso
from db.claims import ClaimFilter
from db.exporting.entries import Entry, iter_entries
from db.exporting.rows import Progress, count_rows
from db.exporting.support import setting, text_target, tick
from db.exporting.xlsx import is_web_url
from db.models import SourceKind, Status
from db.sources import list_sources
from db.workspace import Workspace

# status -> (label, rating); best 5, worst 1.
RATINGS: dict[Status, tuple[str, int]] = {
    Status.FALSE: ("False", 1),
    Status.DISPUTED: ("Disputed", 2),
    Status.UNVERIFIABLE: ("Unverifiable", 3),
    Status.VERIFIED: ("Verified", 5),
}
ORGANISATION_KEY = "organisation"
PERSON_KINDS = {SourceKind.PERSON.value, SourceKind.EXPERT.value}


def _party(name: str, kinds: dict[str, str] | None) -> dict[str, str]:
    kind = "Person" if (kinds or {}).get(name) in PERSON_KINDS else "Organization"
    return {"@type": kind, "name": name}


def review(entry: Entry, organisation: str, kinds: dict[str, str] | None = None) -> dict[str, Any]:
    """The ClaimReview for one decided claim; *kinds* maps source names to source kinds."""
    row = entry.row
    label, value = RATINGS[row.status]
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": row.article_title}
    if row.url and is_web_url(row.url):
        appearance["url"] = row.url
    if row.published_at:
        appearance["datePublished"] = published_iso(row.published_at, row.published_offset)
    if row.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": row.outlet}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if row.source:
        item["author"] = _party(row.source, kinds)
    if row.relayed_by:
        item["contributor"] = [_party(name, kinds) for name in row.relayed_by]
    if row.event_start:
        item["datePublished"] = row.event_start.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"urn:uuid:{row.id}",
        "claimReviewed": row.statement,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": label,
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
        },
        "author": {"@type": "Organization", "name": organisation},
        "datePublished": entry.decided_at.date().isoformat(),
    }


def write_claimreview(
    ws: Workspace, flt: ClaimFilter, target: Path | None, progress: Progress | None = None
) -> int:
    """Write a JSON array of ClaimReview objects; returns how many were written."""
    statuses = frozenset(RATINGS) & flt.statuses if flt.statuses else frozenset(RATINGS)
    narrowed = ClaimFilter(**{**flt.__dict__, "statuses": statuses})
    organisation = setting(ws, ORGANISATION_KEY) or "ClaimDesk"
    kinds = {s.name: s.kind.value for s in list_sources(ws)}
    total = count_rows(ws, narrowed) if statuses else 0
    tick(progress, 0, total)
    done = 0
    with text_target(target) as fh:
        fh.write("[")
        if statuses:
            for batch in iter_entries(ws, narrowed):
                for entry in batch:
                    fh.write(",\n" if done else "\n")
                    fh.write(
                        json.dumps(review(entry, organisation, kinds), ensure_ascii=False, indent=1)
                    )
                    done += 1
                tick(progress, done, total)
        fh.write("\n]\n")
    return done
