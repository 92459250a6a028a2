"""The claim sheet as CSV and JSON, streamed in batches.

CSV cells that a spreadsheet would run as a formula (text whose first
character, or first character after leading spaces, tabs, line breaks or NUL,
is ``=``, ``+``, ``-`` or ``@``; or text starting with a tab or a carriage
return) get a leading apostrophe, and invisible or text-direction characters
in any cell are written marked (``<U+202E>``, :mod:`db.invisible`); the numeric
start/end columns stay numbers.  JSON is written incrementally, one claim at a
time, with the text exactly as stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from db.audit import to_json
from db.claims import ClaimFilter
from db.exporting import atomic_path
from db.exporting.cells import (
    NO_EXTRAS,
    Build,
    Event,
    Extra,
    Published,
    SheetCells,
    iter_cells,
)
from db.exporting.rows import COLUMNS, ExportCancelled, Progress, count_rows, iter_rows
from db.exporting.verdicts import VerdictCell
from db.invisible import SHEET_LAYOUT, hidden_pattern, marked
from db.timeutil import utcnow
from db.workspace import Workspace

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Target = Path | str | IO[str] | None


FORMULA_STARTS = ("=", "+", "-", "@")
BLANKS = " \t\r\n\x00"


# A cell can need the apostrophe only when it starts with one of these.
SUSPECT_FIRST = frozenset(FORMULA_PREFIXES + FORMULA_STARTS) | frozenset(BLANKS)


def neutralise(value: Any) -> Any:
    """*value* made safe for a spreadsheet: invisible and direction characters written
    ``<U+202E>`` (so none can reorder a cell), formula-like text given a leading
    apostrophe."""
    if isinstance(value, str):
        value = marked(value, keep=SHEET_LAYOUT)
    if isinstance(value, str) and (
        value.startswith(FORMULA_PREFIXES) or value.lstrip(BLANKS).startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value


_HIDDEN_IN_CELL = hidden_pattern(SHEET_LAYOUT)


def neutral_text(value: str) -> str:
    """:func:`neutralise` for text, looking past the first character only when it must
    (a suspect first character, or an invisible or direction character to mark)."""
    if value[:1] in SUSPECT_FIRST or _HIDDEN_IN_CELL.search(value) is not None:
        return str(neutralise(value))
    return value


@functools.lru_cache(maxsize=4096)
def _iso(value: dt.datetime) -> str:
    return value.isoformat()  # one per article, not one per claim


def _csv_cells(row: SheetCells) -> list[str | int]:
    """The CSV columns of one claim (:data:`COLUMNS`), text neutralised where it needs it.

    Most rows need nothing: one search over the row's text and a look at each first
    character decide that, instead of a search per cell.
    """
    texts: tuple[str, ...] = (
        row.statement,
        row.quote,
        row.article_title,
        row.outlet,
        row.url,
        row.source,
        row.relayed_by,
        row.verifier,
        row.rationale,
        row.tags,
        row.links,
        row.evidence,
    )
    joined = "".join(texts)
    # Every invisible or direction character is one str.isprintable() refuses
    # (tests/test_export_invisible_fast.py checks all of them), so printable text
    # needs no search; text with a line break or a no-break space gets one.
    if (
        not joined.isprintable() and _HIDDEN_IN_CELL.search(joined) is not None
    ) or not SUSPECT_FIRST.isdisjoint([text[:1] for text in texts]):
        texts = tuple(neutral_text(text) for text in texts)
    statement, quote, title, outlet, url, source, relays, verifier, why, tags, links, ev = texts
    published = _iso(row.published) if row.published is not None else ""
    return [
        row.id,
        statement,
        quote,
        row.start,
        row.end,
        title,
        outlet,
        url,
        published,
        source,
        relays,
        row.grading,
        row.reliability,
        row.credibility or "",
        row.status,
        "yes" if row.contested else "",
        verifier,
        row.verdict_at,
        why,
        row.event_date,
        tags,
        links,
        row.superseded_by,
        ev,
    ]


def _csv_rows() -> Build[list[str | int]]:
    """A :func:`iter_cells` *build* making :func:`_csv_cells` straight from the query's row,
    for one export.

    Each text is neutralised on its own (:func:`neutral_text`), so a text that needs
    nothing is looked at only as far as deciding that: an article's title, outlet and
    URL, a source's name and a verifier's once per export (kept here), the statement
    and quote of every claim, the extras and the rationale only for the claims that
    have any.
    """
    articles: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    sources: dict[str, str] = {}
    verifiers: dict[str, str] = {}

    def build(
        r: Any,
        cid: str,
        published: Published,
        extra: Extra,
        verdict: VerdictCell | None,
        event: Event,
    ) -> list[str | int]:
        statement, quote = r[1], r[2]
        if (
            statement[:1] in SUSPECT_FIRST
            or quote[:1] in SUSPECT_FIRST
            or not (statement + quote).isprintable()  # all marked characters are unprintable
        ):
            statement, quote = neutral_text(statement), neutral_text(quote)
        place = (r[5], r[6], r[7])
        article = articles.get(place)
        if article is None:
            article = articles[place] = (neutral_text(r[5]), neutral_text(r[6]), neutral_text(r[7]))
        name = r[11] or ""
        source = sources.get(name)
        if source is None:
            source = sources[name] = neutral_text(name)
        relays, tags, links, ev, newer = extra
        if extra is not NO_EXTRAS:
            relays, tags, links, ev = (
                neutral_text(t) if t else t for t in (relays, tags, links, ev)
            )
        if verdict is None:
            verifier = at = why = ""
        else:
            known = verifiers.get(verdict.verifier)
            if known is None:
                known = verifiers[verdict.verifier] = neutral_text(verdict.verifier)
            verifier, at, why = known, verdict.decided_text, verdict.rationale
            if why[:1] in SUSPECT_FIRST or not why.isprintable():
                why = neutral_text(why)
        rel, cred = r[12], r[13]
        return [
            cid,
            statement,
            quote,
            r[3],
            r[4],
            article[0],
            article[1],
            article[2],
            published[2],
            source,
            relays,
            f"{rel or ''}{cred or ''}",
            rel or "",
            cred or "",
            r[14],
            "yes" if r[18] else "",
            verifier,
            at,
            why,
            event[2],
            tags,
            links,
            newer,
            ev,
        ]

    return build


def filter_as_json(flt: ClaimFilter) -> dict[str, Any]:
    """The filter an export used, as JSON-safe values."""
    return {
        "statuses": sorted(s.value for s in flt.statuses),
        "article_ids": sorted(str(a) for a in flt.article_ids),
        "source_ids": sorted(str(s) for s in flt.source_ids),
        "tags": sorted(flt.tags),
        "text": flt.text,
        "since": to_json(flt.since) if flt.since else None,
        "until": to_json(flt.until) if flt.until else None,
        "contested_only": flt.contested_only,
        "hide_superseded": flt.hide_superseded,
    }


@contextmanager
def open_text_target(target: Target, *, newline: str | None = "\n") -> Iterator[IO[str]]:
    """A text stream for *target*: a file written atomically, a given stream, or stdout."""
    if target is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    if not isinstance(target, str | Path):
        yield target
        return
    with atomic_path(Path(target)) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as fh:
        yield fh


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ExportCancelled("The export was cancelled.")


def write_csv(
    ws: Workspace, flt: ClaimFilter, target: Target, progress: Progress | None = None
) -> int:
    """Write the claim sheet as UTF-8 CSV with a header row; returns the number of claims."""
    total = count_rows(ws, flt)
    done = 0
    with open_text_target(target, newline="") as fh:
        # Files get RFC 4180 line ends; streams get "\n" (a text console adds its own).
        to_file = isinstance(target, str | Path)
        writer = csv.writer(fh, lineterminator="\r\n" if to_file else "\n")
        writer.writerow(COLUMNS)
        _tick(progress, 0, total)
        for batch in iter_cells(ws, flt, build=_csv_rows()):
            writer.writerows(batch)
            done += len(batch)
            _tick(progress, done, max(total, done))
    return done


def write_json(
    ws: Workspace, flt: ClaimFilter, target: Target, progress: Progress | None = None
) -> int:
    """Write ``{"exported_at", "filter", "claims": [...], "count"}``; returns the count.

    The count follows the claims so that it states exactly how many were written.
    """
    total = count_rows(ws, flt)
    done = 0
    with open_text_target(target) as fh:
        fh.write("{\n")
        fh.write(f'  "exported_at": {json.dumps(utcnow().isoformat())},\n')
        fh.write(f'  "filter": {json.dumps(filter_as_json(flt), ensure_ascii=False)},\n')
        fh.write('  "claims": [')
        _tick(progress, 0, total)
        for batch in iter_rows(ws, flt):
            for row in batch:
                fh.write(",\n    " if done else "\n    ")
                fh.write(json.dumps(row.as_json(), ensure_ascii=False))
                done += 1
            _tick(progress, done, max(total, done))
        fh.write("\n  ],\n" if done else "],\n")
        fh.write(f'  "count": {done}\n}}\n')
    return done


__all__ = ["filter_as_json", "neutralise", "open_text_target", "write_csv", "write_json"]
