"""A self-contained HTML report of claims, for reading, sharing and printing.

One page, inline CSS only (no scripts, no external resources), with print
rules for A4 and Letter.  Every text from the workspace is HTML-escaped and
marked ``dir="auto"`` so right-to-left scripts display correctly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from html import escape
from pathlib import Path
from typing import IO

from db.claims import ClaimFilter
from db.exporting.entries import Entry, describe_filter, iter_entries, status_counts
from db.exporting.rows import Progress
from db.exporting.support import current_analyst_name, text_target, tick, workspace_label
from db.exporting.xlsx import is_web_url
from db.invisible import marked
from db.models import Status
from db.timeutil import utcnow
from db.workspace import Workspace

CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", "NanumGothic", "Noto Sans CJK KR",
       "Noto Naskh Arabic", Arial, sans-serif; font-size: 10pt; line-height: 1.4;
       color: #111; max-width: 50em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.6em;
     page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin-bottom: 0.2em; page-break-after: avoid; break-after: avoid; }
.title-page { margin-bottom: 1.5em; }
.meta { color: #444; }
table.counts { border-collapse: collapse; }
table.counts td, table.counts th { border: 1px solid #bbb; padding: 2px 8px; text-align: left; }
.claim { margin: 1em 0 1.4em 0; page-break-inside: avoid; break-inside: avoid; }
blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.6em; border-left: 3px solid #bbb; }
blockquote em { font-style: normal; font-weight: bold; background: #fff3b0; }
.label { color: #555; font-weight: bold; }
.outside { color: #555; font-style: italic; }
@page { size: auto; margin: 18mm 16mm; }  /* the printer's paper: A4 or Letter */
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  a { color: #111; text-decoration: none; }
}
"""


def _e(value: object) -> str:
    """*value* as HTML text; invisible and direction characters written ``<U+202E>``,
    so none can reorder a line of the report (or of the PDF made from it)."""
    return escape(marked(str(value)), quote=True)


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _p(label: str, html_value: str) -> str:
    return f'<p dir="auto"><span class="label">{_e(label)}:</span> {html_value}</p>\n'


def title_page(ws: Workspace, flt: ClaimFilter, total: int) -> str:
    counts = status_counts(ws, flt)
    rows = "".join(
        f"<tr><td>{_e(s.label)}</td><td>{counts.get(s, 0)}</td></tr>"
        for s in Status
        if counts.get(s)
    )
    who = current_analyst_name(ws) or "unknown analyst"
    return (
        '<div class="title-page">\n'
        '<h1 dir="auto">Claims report</h1>\n'
        + _p("Workspace", _e(workspace_label(ws)))
        + _p("Filter", _e(describe_filter(flt)))
        + _p("Exported by", _e(who))
        + _p("Exported at", _e(_when(utcnow())))
        + _p("Claims", str(total))
        + f'<table class="counts"><tr><th>Status</th><th>Claims</th></tr>{rows}</table>\n</div>\n'
    )


def citation(entry: Entry) -> str:
    row = entry.row
    parts = [f"“{_e(row.article_title)}”"]
    if row.outlet:
        parts.append(_e(row.outlet))
    if row.published_at:
        parts.append(_e(row.published_text))
    if row.url and is_web_url(row.url):  # a file path or file: URL says nothing to a reader
        parts.append(f'<a href="{_e(row.url)}">{_e(row.url)}</a>')
    return ", ".join(parts)


def claim_html(entry: Entry, number: int) -> str:
    row = entry.row
    out = [f'<div class="claim" id="claim-{row.id}">\n']
    out.append(f'<h3 dir="auto">{number}. {_e(row.statement)}</h3>\n')
    out.append(
        f'<blockquote dir="auto">{_e(entry.before)}<em>{_e(row.quote)}</em>{_e(entry.after)}'
        "</blockquote>\n"
    )
    out.append(_p("Article", citation(entry)))
    if row.source or row.grading:
        grading = []
        if row.reliability:
            grading.append(f"{row.reliability} — {entry.reliability_meaning}")
        if row.credibility:
            grading.append(f"{row.credibility} — {entry.credibility_meaning}")
        text = _e(row.source or "unnamed source")
        if grading:
            text += " (" + _e("; ".join(grading)) + ")"
        out.append(_p("Said by", text))
    if row.relayed_by:
        out.append(_p("Relayed by", _e(" → ".join(row.relayed_by))))
    decided = row.status_text
    if entry.decided_by:
        decided += f", by {entry.decided_by}"
    decided += f", {_when(entry.decided_at)}"
    out.append(_p("Status", _e(decided)))
    if entry.rationale:
        out.append(_p("Rationale", _e(entry.rationale)))
    if row.event_date:
        out.append(_p("Event date", _e(row.event_date)))
    if row.tags:
        out.append(_p("Tags", _e(", ".join(row.tags))))
    for ev in row.evidence:
        link = f'<a href="{_e(ev.url)}">{_e(ev.url)}</a>' if is_web_url(ev.url) else _e(ev.url)
        note = f" — {_e(ev.note)}" if ev.note else ""
        out.append(_p(f"Evidence ({ev.stance})", link + note))
    for label, other_id, statement in entry.links:
        if other_id in entry.outside:
            target = f'{_e(str(other_id)[:8])} <span class="outside">(not in this report)</span>'
        else:
            target = f'<a href="#claim-{other_id}">{_e(str(other_id)[:8])}</a>'
        out.append(_p("Linked", f"{_e(label)} {target} {_e(statement)}"))
    if row.notes:
        out.append(_p("Notes", _e(row.notes)))
    out.append("</div>\n")
    return "".join(out)


def _head(ws: Workspace, css: str = CSS) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Claims report — {_e(workspace_label(ws))}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n"
    )


_TAIL = "</body>\n</html>\n"


def report_chunks(
    ws: Workspace, flt: ClaimFilter, progress: Progress | None = None
) -> Generator[str, None, int]:
    """The report's HTML in pieces, streamed from the database; returns the claim count."""
    from db.exporting.rows import count_rows

    total = count_rows(ws, flt)
    tick(progress, 0, total)
    yield _head(ws)
    yield title_page(ws, flt, total)
    done = 0
    article = None
    for batch in iter_entries(ws, flt):
        for entry in batch:
            if entry.row.article_id != article:
                article = entry.row.article_id
                yield f'<h2 dir="auto">{_e(entry.row.article_title)}</h2>\n'
            done += 1
            yield claim_html(entry, done)
        tick(progress, done, total)
    yield _TAIL
    return done


def report_documents(
    ws: Workspace, flt: ClaimFilter, progress: Progress | None = None, per_document: int = 200
) -> Generator[str, None, int]:
    """The report as complete HTML documents, for rendering one at a time (see desktop.pdf_render).

    The summary, then the claims, *per_document* to a document and never split
    between two; the first document carries the summary and the first claims, so the
    first page is not left nearly empty.  An article whose claims go on into the next
    document gets its heading again there, marked "(continued)".  Progress is reported
    as each document is made.  Returns the claim count.
    """
    from db.exporting.rows import count_rows

    per_document = max(1, per_document)
    total = count_rows(ws, flt)
    tick(progress, 0, total)
    head = _head(ws)
    parts: list[str] = [title_page(ws, flt, total)]
    in_document = 0
    done = 0
    article = None
    for batch in iter_entries(ws, flt):
        for entry in batch:
            if in_document == per_document:
                tick(progress, done, total)
                yield head + "".join(parts) + _TAIL
                parts, in_document = [], 0
                if entry.row.article_id == article:
                    title = f"{entry.row.article_title} (continued)"
                    parts.append(f'<h2 dir="auto">{_e(title)}</h2>\n')
            if entry.row.article_id != article:
                article = entry.row.article_id
                parts.append(f'<h2 dir="auto">{_e(entry.row.article_title)}</h2>\n')
            done += 1
            in_document += 1
            parts.append(claim_html(entry, done))
    tick(progress, done, total)
    if parts:
        yield head + "".join(parts) + _TAIL
    return done


def write_report(
    ws: Workspace, flt: ClaimFilter, out: IO[str], progress: Progress | None = None
) -> int:
    """Write the report to an open text stream; returns the claim count."""
    chunks = report_chunks(ws, flt, progress)
    while True:
        try:
            out.write(next(chunks))
        except StopIteration as finished:
            return int(finished.value)


def write_html(
    ws: Workspace, flt: ClaimFilter, target: Path | None, progress: Progress | None = None
) -> int:
    """Write the claims matching *flt* as an HTML report; returns the claim count."""
    with text_target(target) as fh:
        return write_report(ws, flt, fh, progress)
