"""The demo workspace: four short sample articles with sources, claims and links.

The articles in ``resources/sample/`` are written for the demo; each carries a
small header (title, author, outlet, publication time with its zone, URL) that
the general text importer reads like any other article's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.analysts import create_first_analyst
from db.articles import ArticleInfo
from db.claims import ClaimInfo, create_claim_by_quote
from db.errors import InvalidInput
from db.evidence import add_evidence
from db.importing import import_file
from db.links import add_link
from db.models import ClaimKind, Relation, SourceKind, Status
from db.paths import RESOURCES
from db.sources import SourceInfo, create_source
from db.workspace import Workspace, open_workspace

SAMPLE_DIR = RESOURCES / "sample"
SAMPLE_ANALYST = "Sample desk"  # who made the demo claims


def sample_files() -> list[Path]:
    """The bundled sample articles, in order."""
    return sorted(SAMPLE_DIR.glob("*.md"))


def _import(ws: Workspace, path: Path) -> ArticleInfo:
    """Store one sample file through the general importer (header, zone and all)."""
    return import_file(ws, path)


@dataclass(frozen=True)
class SampleSource:
    key: str
    name: str
    kind: SourceKind
    reliability: str
    affiliation: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleClaim:
    key: str
    article: int  # index into sample_files()
    quote: str
    source: str
    fields: dict[str, Any] = field(default_factory=dict)


SOURCES = (
    SampleSource(
        "nis",
        "National Intelligence Service",
        SourceKind.AGENCY,
        "B",
        "South Korea",
        ("NIS", "국가정보원"),
    ),
    SampleSource(
        "hur",
        "Ukrainian military intelligence",
        SourceKind.AGENCY,
        "C",
        "Ukraine, Ministry of Defence",
        ("HUR",),
    ),
    SampleSource(
        "park", "Park Jun-ho", SourceKind.PERSON, "C", "National Assembly intelligence committee"
    ),
    SampleSource(
        "lee", "Lee Sun-ae", SourceKind.PERSON, "C", "National Assembly intelligence committee"
    ),
    SampleSource("kwon", "Min-ji Kwon", SourceKind.EXPERT, "B", "Independent defence institute"),
    SampleSource("mfa", "Russian foreign ministry", SourceKind.AGENCY, "E", "Russia", ("МИД",)),
    SampleSource("harbourline", "Harbourline News", SourceKind.OUTLET, "B"),
)

_TROOPS = ["troops", "figure"]
CLAIMS = (
    SampleClaim(
        "nis_1500",
        0,
        "North Korea has moved about 1,500 soldiers to Russia",
        "nis",
        dict(
            status=Status.IN_REVIEW,
            credibility=2,
            tags=[*_TROOPS, "NIS"],
            event_start="2024-10-08",
            event_end="2024-10-13",
        ),
    ),
    SampleClaim(
        "ships",
        0,
        "the troops were carried on Russian navy landing ships from the east coast port near "
        "원산 (Wonsan) to Vladivostok between 8 and 13 October",
        "nis",
        dict(
            kind=ClaimKind.EVENT,
            credibility=3,
            tags=["transport"],
            event_start="2024-10-08",
            event_end="2024-10-13",
        ),
    ),
    SampleClaim(
        "park_10000",
        0,
        "the spy agency expects the total to reach 10,000 soldiers by December",
        "park",
        dict(
            status=Status.DISPUTED,
            credibility=4,
            tags=[*_TROOPS, "forecast"],
            event_start="2024-12-01",
            event_end="2024-12-31",
        ),
    ),
    SampleClaim(
        "mfa_denial",
        0,
        "another fabrication",
        "mfa",
        dict(kind=ClaimKind.QUOTATION, status=Status.DISPUTED, credibility=5, tags=["denial"]),
    ),
    SampleClaim(
        "hur_12000",
        1,
        "about 12,000 North Korean soldiers, including 500 officers and three generals, "
        "are training at five bases in Russia's Far East",
        "hur",
        dict(status=Status.DISPUTED, credibility=3, tags=_TROOPS, event_start="2024-10-25"),
    ),
    SampleClaim(
        "kursk_date",
        1,
        "the first units would arrive in the border region by 1 November",
        "hur",
        dict(kind=ClaimKind.EVENT, tags=["Kursk", "forecast"], event_start="2024-11-01"),
    ),
    SampleClaim(
        "interpreters",
        1,
        "Russian servicemen complained that they had too few interpreters for the new arrivals",
        "hur",
        dict(
            kind=ClaimKind.EVENT,
            status=Status.UNVERIFIABLE,
            reliability="F",
            credibility=6,
            tags=["intercept"],
        ),
    ),
    SampleClaim(
        "kwon_3000",
        2,
        "around 3,000 soldiers had reached Russia by the last week of October",
        "kwon",
        dict(status=Status.IN_REVIEW, credibility=3, tags=_TROOPS, event_end="2024-10-28"),
    ),
    SampleClaim(
        "kwon_no_combat",
        2,
        "I have seen no evidence of North Korean soldiers in combat anywhere in Ukraine so far",
        "kwon",
        dict(
            kind=ClaimKind.QUOTATION,
            status=Status.VERIFIED,
            rationale="The quotation matches the agency's published transcript.",
            credibility=2,
            tags=["combat"],
        ),
    ),
    SampleClaim(
        "nis_3000",
        3,
        "about 3,000 North Korean soldiers have been sent to Russia",
        "nis",
        dict(
            status=Status.VERIFIED,
            rationale="Matches the intelligence service's briefing to lawmakers.",
            credibility=2,
            tags=[*_TROOPS, "NIS"],
            event_start="2024-10-23",
            notes="Second batch of about 1,500 reported to have left around 23 October.",
        ),
    ),
    SampleClaim(
        "park_10000_again",
        3,
        "it expects 10,000 by the end of the year",
        "park",
        dict(status=Status.DISPUTED, credibility=4, tags=[*_TROOPS, "forecast"]),
    ),
    SampleClaim(
        "lee_scenario",
        3,
        "the agency had described 10,000 only as one scenario among several",
        "lee",
        dict(kind=ClaimKind.ASSESSMENT, credibility=3, tags=["forecast"]),
    ),
    SampleClaim(
        "front_line",
        3,
        "1,500 North Korean soldiers had been deployed to the front line",
        "harbourline",
        dict(
            status=Status.FALSE,
            rationale="The outlet corrected it: the soldiers were in camps, not at the front.",
            credibility=5,
            tags=["correction", *_TROOPS],
            notes="Corrected by the outlet on 30 October: camps in the Far East, not the front.",
        ),
    ),
)

LINKS = (
    ("hur_12000", "nis_1500", Relation.CONTRADICTS, "12,000 assigned vs 1,500 transferred"),
    ("hur_12000", "nis_3000", Relation.CONTRADICTS, ""),
    ("nis_3000", "nis_1500", Relation.UPDATES, "NIS doubled its estimate on 30 October"),
    ("park_10000_again", "park_10000", Relation.SAME, ""),
    ("lee_scenario", "park_10000_again", Relation.CONTRADICTS, ""),
    ("kwon_3000", "nis_3000", Relation.SUPPORTS, ""),
    ("front_line", "nis_1500", Relation.CITES, "The corrected sentence misreported this figure"),
)

EVIDENCE = (
    (
        "nis_3000",
        "https://example.org/harbourline/2024/10/30/nis-update-3000",
        "Written NIS statement quoted in the update.",
        "supports",
    ),
    (
        "front_line",
        "https://example.org/harbourline/2024/10/30/nis-update-3000",
        "Correction note at the end of the updated article.",
        "refutes",
    ),
)


def _add_evidence(ws: Workspace, claim: ClaimInfo, url: str, note: str, stance: str) -> None:
    add_evidence(ws, claim.id, url=url, note=note, stance=stance)


def populate(ws: Workspace) -> dict[str, ClaimInfo]:
    """Fill an empty workspace with the sample articles, sources, claims and links."""
    files = sample_files()
    if len(files) < 4:
        raise InvalidInput(f"The sample articles are missing from {SAMPLE_DIR}.")
    articles = [_import(ws, path) for path in files]
    sources: dict[str, SourceInfo] = {
        s.key: create_source(
            ws,
            s.name,
            kind=s.kind,
            affiliation=s.affiliation,
            aliases=list(s.aliases),
            default_reliability=s.reliability,
        )
        for s in SOURCES
    }
    claims: dict[str, ClaimInfo] = {}
    for spec in CLAIMS:
        claims[spec.key] = create_claim_by_quote(
            ws,
            articles[spec.article].id,
            spec.quote,
            source_id=sources[spec.source].id,
            **spec.fields,
        )
    for a, b, relation, note in LINKS:
        # The sample's statuses are set as its story has them (decided by reviewers).
        add_link(ws, claims[a].id, claims[b].id, relation, note=note, dispute=False)
    for key, url, note, stance in EVIDENCE:
        _add_evidence(ws, claims[key], url, note, stance)
    return claims


def create_sample_workspace(path: Path) -> Path:
    """Build the demo workspace at *path*; refuses to touch a non-empty existing file."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise InvalidInput(f"{path} already exists; the sample workspace needs a new file.")
    path.unlink(missing_ok=True)  # an empty file left by an earlier attempt
    ws = open_workspace(path, create_folder=True)
    try:
        # The demo's claims are the demo desk's, never the work of whoever opens it.
        create_first_analyst(ws, SAMPLE_ANALYST, "SD")
        populate(ws)
    except BaseException:
        ws.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    ws.close()
    return path
