"""Claims as Markdown: a heading per article and a bullet per claim (no tables,
which break on long text).  Text from the workspace has Markdown's special
characters escaped so it reads back as the same plain text."""

from __future__ import annotations

import re
from pathlib import Path

from db.articles import zone_text
from db.claims import ClaimFilter
from db.exporting.entries import describe_filter, iter_entries
from db.exporting.rows import Progress, count_rows
from db.exporting.support import current_analyst_name, text_target, tick, workspace_label
from db.exporting.xlsx import is_web_url
from db.invisible import marked
from db.timeutil import utcnow
from db.workspace import Workspace

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


def md_escape(text: str) -> str:
    """Escape Markdown (CommonMark) punctuation and fold line breaks into spaces;
    invisible and direction characters are written marked (``<U+202E>``)."""
    return _SPECIAL.sub(r"\\\1", " ".join(marked(str(text)).split()))


def md_escape_around(text: str) -> str:
    """Like md_escape, but a space at either end stays (text beside an emphasised quote)."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


def write_markdown(
    ws: Workspace, flt: ClaimFilter, target: Path | None, progress: Progress | None = None
) -> int:
    """Write the claims matching *flt* as Markdown; returns the claim count."""
    total = count_rows(ws, flt)
    tick(progress, 0, total)
    done = 0
    with text_target(target) as fh:
        fh.write("# Claims report\n\n")
        fh.write(f"- Workspace: {md_escape(workspace_label(ws))}\n")
        fh.write(f"- Filter: {md_escape(describe_filter(flt))}\n")
        fh.write(f"- Exported by: {md_escape(current_analyst_name(ws) or 'unknown analyst')}\n")
        fh.write(f"- Exported at: {utcnow().strftime('%Y-%m-%d %H:%M')} UTC\n")
        fh.write(f"- Claims: {total}\n")
        article = None
        for batch in iter_entries(ws, flt):
            for entry in batch:
                row = entry.row
                if row.article_id != article:
                    article = row.article_id
                    fh.write(f"\n## {md_escape(row.article_title)}\n\n")
                    cite = [md_escape(p) for p in (row.outlet,) if p]
                    if row.published_at:
                        when = row.published_as_given
                        zone = zone_text(row.published_offset, row.published_zone)
                        cite.append(f"{when:%Y-%m-%d %H:%M} {md_escape(zone)}")
                    if row.url:
                        web = is_web_url(row.url) and "<" not in row.url and ">" not in row.url
                        cite.append(f"<{row.url}>" if web else md_escape(row.url))
                    if cite:
                        fh.write(", ".join(cite) + "\n\n")
                done += 1
                fh.write(f"- **{md_escape(row.statement)}**\n")
                before, after = md_escape_around(entry.before), md_escape_around(entry.after)
                quote = f"{before}*{md_escape(row.quote)}*{after}"
                fh.write(f"  > {quote}\n")
                fh.write("\n")
                source = md_escape(row.source or "unnamed source")
                if row.grading:
                    source += f" ({md_escape(row.grading)})"
                fh.write(f"  Source: {source}  \n")
                if row.relayed_by:
                    relays = " → ".join(md_escape(r) for r in row.relayed_by)
                    fh.write(f"  Relayed by: {relays}  \n")
                status = row.status_text
                if entry.decided_by:
                    status += f", by {entry.decided_by}"
                fh.write(f"  Status: {md_escape(status)}  \n")  # a line break before Tags
                if row.tags:
                    fh.write(f"  Tags: {md_escape(', '.join(row.tags))}\n")
                fh.write("\n")
            tick(progress, done, total)
    return done
