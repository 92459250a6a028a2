"""Claims as W3C Web Annotations: one JSON-LD AnnotationCollection.

Each claim is an Annotation whose target is the article (``urn:uuid:<id>``)
narrowed by a TextQuoteSelector and a TextPositionSelector in code points,
and whose bodies carry the statement, the status and the tags.  The claim's
original source is ``attributedTo`` (PROV's wasAttributedTo) and its relay
chain ``relayedBy``, an ordered list of names, nearest the original source
first.  The collection is written annotation by annotation, so large exports
stay small in memory.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from db.claims import ClaimFilter
from db.exporting.rows import Progress, SheetRow, count_rows, iter_rows
from db.exporting.support import analyst_names, iso_z, text_target, tick, workspace_label
from db.exporting.xlsx import is_web_url
from db.timeutil import utcnow
from db.workspace import Workspace

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# The published anno.jsonld lacks the "assessing" motivation the model defines;
# the second entry maps it so JSON-LD processors expand it to oa:assessing.
# The other two terms carry who asserts the claim and who relayed it.
CONTEXT: list[object] = [
    ANNO_CONTEXT,
    {
        "assessing": "http://www.w3.org/ns/oa#assessing",
        "attributedTo": "http://www.w3.org/ns/prov#wasAttributedTo",
        "relayedBy": {"@id": "urn:claimdesk:relayedBy", "@container": "@list"},
    },
]


def urn(value: uuid.UUID) -> str:
    return f"urn:uuid:{value}"


def annotation(row: SheetRow, names: dict[uuid.UUID, str]) -> dict[str, Any]:
    """The Web Annotation for one claim (without @context)."""
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": row.statement, "purpose": "describing"},
        {"type": "TextualBody", "value": row.status.value, "purpose": "assessing"},
    ]
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in row.tags]
    source: dict[str, Any] = {"id": urn(row.article_id), "type": "Text", "format": "text/plain"}
    if row.url and is_web_url(row.url):
        source["via"] = row.url
    out: dict[str, Any] = {
        "id": urn(row.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": iso_z(row.created_at),
        "modified": iso_z(row.updated_at),
    }
    if row.created_by_id is not None:
        out["creator"] = {
            "id": urn(row.created_by_id),
            "type": "Person",
            "name": names.get(row.created_by_id, ""),
        }
    out["body"] = body
    if row.source:
        out["attributedTo"] = row.source
    if row.relayed_by:
        out["relayedBy"] = list(row.relayed_by)
    out["target"] = {
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": row.quote,
                "prefix": row.prefix,
                "suffix": row.suffix,
            },
            {"type": "TextPositionSelector", "start": row.start, "end": row.end},
        ],
    }
    return out


def write_w3c(
    ws: Workspace, flt: ClaimFilter, target: Path | None, progress: Progress | None = None
) -> int:
    """Write the claims matching *flt* as a Web Annotation collection; returns the count."""
    total = count_rows(ws, flt)
    names = analyst_names(ws)
    label = f"ClaimDesk claims from {workspace_label(ws)}"
    head = {
        "@context": CONTEXT,
        "id": urn(uuid.uuid4()),
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
        "created": iso_z(utcnow()),
    }
    page_head = {"id": urn(uuid.uuid4()), "type": "AnnotationPage", "startIndex": 0}
    done = 0
    tick(progress, 0, total)
    with text_target(target) as fh:
        fh.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2])
        fh.write(',\n "first": ' + json.dumps(page_head, ensure_ascii=False)[:-1])
        fh.write(', "items": [')
        for batch in iter_rows(ws, flt):
            for row in batch:
                fh.write(",\n  " if done else "\n  ")
                fh.write(json.dumps(annotation(row, names), ensure_ascii=False))
                done += 1
            tick(progress, done, total)
        fh.write("\n ]}\n}\n")
    return done
