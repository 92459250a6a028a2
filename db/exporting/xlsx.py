"""The claim sheet as an Excel workbook, streamed row by row.

Every text goes in as a string cell, so no content can become a formula,
a number or a link by accident; only http(s) URLs become hyperlinks.
Invisible and text-direction characters are written marked (``<U+202E>``,
:mod:`db.invisible`), so none can reorder what a cell shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

import xlsxwriter
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from db.articles import utc_offset_text, zone_text
from db.claims import ClaimFilter, _apply_filter, _base_query
from db.exporting import atomic_path
from db.exporting.cells import SheetCells, iter_cells
from db.exporting.rows import Progress, count_rows
from db.exporting.support import need_file, tick
from db.invisible import SHEET_LAYOUT, has_hidden, hidden_pattern, marked
from db.models import Claim, ClaimLink, Source
from db.workspace import Workspace

MAX_URLS = 65000  # Excel caps hyperlinks per sheet at 65,530
MAX_URL_LEN = 2000

PUBLISHED_HEADER = "published_at (article's zone)"

# (header, width, kind) — kind picks the writer and cell format.
CLAIM_COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("id", 38, "text"),
    ("statement", 50, "wrap"),
    ("quote", 50, "wrap"),
    ("start", 8, "int"),
    ("end", 8, "int"),
    ("article_title", 36, "wrap"),
    ("outlet", 20, "text"),
    ("url", 36, "url"),
    # The time as the article gave it (Excel dates carry no zone); the zone beside it.
    (PUBLISHED_HEADER, 18, "datetime"),
    ("published_zone", 16, "text"),
    ("source", 24, "text"),
    ("relayed_by", 24, "wrap"),
    ("grading", 9, "text"),
    ("reliability", 11, "text"),
    ("credibility", 11, "int"),
    ("status", 13, "text"),
    ("contested", 10, "text"),
    ("verifier", 20, "text"),
    ("verdict_at (UTC)", 26, "text"),
    ("rationale", 50, "wrap"),
    ("event_start", 12, "date"),
    ("event_end", 12, "date"),
    ("tags", 24, "wrap"),
    ("links", 36, "wrap"),
    ("superseded_by", 38, "wrap"),
    ("evidence", 40, "wrap"),
    ("notes", 40, "wrap"),
)


@functools.lru_cache(maxsize=4096)  # one URL per article, written once per claim
def is_web_url(url: str) -> bool:
    lower = url.strip().lower()
    return (
        lower.startswith(("http://", "https://"))
        and len(url) <= MAX_URL_LEN
        and not any(ch.isspace() or ord(ch) < 32 for ch in url)
    )


class _Book:
    """A workbook with the few cell formats the sheets use."""

    def __init__(self, path: Path) -> None:
        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "remove_timezone": True,
            },
        )
        self.header = self.book.add_format({"bold": True, "bg_color": "#E5E7EB", "border": 1})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.top = self.book.add_format({"valign": "top"})
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        self.datetime = self.book.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"})
        self.link = self.book.add_format({"font_color": "blue", "underline": 1, "valign": "top"})
        self.url_count = 0

    def sheet(self, name: str, columns: tuple[tuple[str, int, str], ...]) -> Any:
        sheet = self.book.add_worksheet(name)
        for col, (header, width, kind) in enumerate(columns):
            sheet.set_column(col, col, width, self.wrap if kind == "wrap" else None)
            sheet.write_string(0, col, header, self.header)
        sheet.freeze_panes(1, 0)
        return sheet

    def cell(self, sheet: Any, row: int, col: int, kind: str, value: Any) -> None:
        if value is None or value == "":
            return  # no cell at all: an empty cell needs no format
        if kind == "int":
            sheet.write_number(row, col, value, self.top)
        elif kind == "date":
            sheet.write_datetime(row, col, value, self.date)
        elif kind == "datetime":  # the wall time as given; Excel has no zones
            naive = value.replace(tzinfo=None)
            sheet.write_datetime(row, col, naive, self.datetime)
        elif isinstance(value, str) and has_hidden(value, keep=SHEET_LAYOUT):
            # Marked, never a link: an override could make a link read as another.
            text = marked(value, keep=SHEET_LAYOUT)
            sheet.write_string(row, col, text, self.wrap if kind == "wrap" else self.top)
        elif kind == "url" and is_web_url(value) and self.url_count < MAX_URLS:
            if sheet.write_url(row, col, value, self.link, string=value) == 0:
                self.url_count += 1
            else:
                sheet.write_string(row, col, value, self.top)
        else:
            sheet.write_string(row, col, str(value), self.wrap if kind == "wrap" else self.top)


@functools.lru_cache(maxsize=4096)
def published_zone_text(value: dt.datetime | None, offset: int | None, zone: str) -> str:
    """The zone the published_at cell is in: ``KST (UTC+09:00)``, ``UTC+05:30``,
    or ``UTC (no zone given)`` when the article named none."""
    if value is None:
        return ""
    if offset is None:
        return "UTC (no zone given)"
    named = zone_text(offset, zone)
    exact = utc_offset_text(offset)
    return named if named == exact else f"{named} ({exact})"


def _claim_values(row: SheetCells) -> list[Any]:
    return [
        row.id,
        row.statement,
        row.quote,
        row.start,
        row.end,
        row.article_title,
        row.outlet,
        row.url,
        row.published,
        published_zone_text(row.published_at, row.published_offset, row.published_zone),
        row.source,
        row.relayed_by,
        row.grading,
        row.reliability,
        row.credibility,
        row.status,
        "yes" if row.contested else "",
        row.verifier,
        row.verdict_at,
        row.rationale,
        row.event_start,
        row.event_end,
        row.tags,
        row.links,
        row.superseded_by,
        row.evidence,
        row.notes,
    ]


_HIDDEN_IN_CELL = hidden_pattern(SHEET_LAYOUT)


def _write_claim(book: _Book, sheet: Any, r: int, values: list[Any]) -> None:
    """One claim row: strings and numbers straight in, empty cells left out; text
    holding invisible or direction characters goes through cell(), which marks it."""
    for col, value in enumerate(values):
        if value is None or value == "":
            continue  # as in cell(): nothing written for an empty value
        kind = CLAIM_COLUMNS[col][2]
        if (
            isinstance(value, str)
            and not value.isprintable()  # all marked characters are unprintable
            and _HIDDEN_IN_CELL.search(value) is not None
        ):
            book.cell(sheet, r, col, kind, value)
        elif kind == "wrap":
            sheet.write_string(r, col, value, book.wrap)
        elif kind == "text":
            sheet.write_string(r, col, value, book.top)
        else:
            book.cell(sheet, r, col, kind, value)


SOURCE_COLUMNS = (
    ("name", 30, "text"),
    ("kind", 12, "text"),
    ("affiliation", 30, "wrap"),
    ("aliases", 30, "wrap"),
    ("default_reliability", 10, "text"),
    ("claim_count", 10, "int"),
)
LINK_COLUMNS = (
    ("from_id", 38, "text"),
    ("relation", 12, "text"),
    ("to_id", 38, "text"),
    ("from_quote", 50, "wrap"),
    ("to_quote", 50, "wrap"),
)


def _write_sources(ws: Workspace, book: _Book, used: set[str]) -> None:
    sheet = book.sheet("Sources", SOURCE_COLUMNS)
    counts = select(Claim.source_id, func.count().label("n")).group_by(Claim.source_id).subquery()
    query = (
        select(Source, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.source_id == Source.id)
        .order_by(func.lower(Source.name))
    )
    r = 0
    with ws.session() as session:
        for source, n in session.execute(query):
            if source.name not in used:
                continue
            r += 1
            values = [
                source.name,
                source.kind.value,
                source.affiliation,
                "; ".join(source.aliases or ()),
                source.default_reliability or "",
                n,
            ]
            for col, (_h, _w, kind) in enumerate(SOURCE_COLUMNS):
                book.cell(sheet, r, col, kind, values[col])
    sheet.autofilter(0, 0, max(r, 1), len(SOURCE_COLUMNS) - 1)


def _write_links(ws: Workspace, book: _Book, flt: ClaimFilter) -> None:
    """Links touching an exported claim; the selection stays in the database."""
    sheet = book.sheet("Links", LINK_COLUMNS)
    chosen = _apply_filter(_base_query(), flt).with_only_columns(Claim.id).subquery()
    a, b = aliased(Claim), aliased(Claim)
    query = (
        select(ClaimLink.from_claim_id, ClaimLink.relation, ClaimLink.to_claim_id, a.quote, b.quote)
        .join(a, a.id == ClaimLink.from_claim_id)
        .join(b, b.id == ClaimLink.to_claim_id)
        .where(
            ClaimLink.from_claim_id.in_(select(chosen.c.id))
            | ClaimLink.to_claim_id.in_(select(chosen.c.id))
        )
        .order_by(ClaimLink.created_at, ClaimLink.id)
    )
    r = 0
    with ws.session() as session:
        for from_id, relation, to_id, from_quote, to_quote in session.execute(
            query.execution_options(yield_per=1000)
        ):
            r += 1
            values = [str(from_id), relation.value, str(to_id), from_quote, to_quote]
            for col, (_h, _w, kind) in enumerate(LINK_COLUMNS):
                book.cell(sheet, r, col, kind, values[col])
    sheet.autofilter(0, 0, max(r, 1), len(LINK_COLUMNS) - 1)


def _write_only(sheet: Any) -> bool:
    """Give the sheet's temporary row file (constant_memory) a write-only handle.

    XlsxWriter opens it for reading and writing, and a text file open for both resets
    its decoder on every write (over a million calls for 100,000 claims).  It is only
    read once the workbook closes, which reopens it for that when it was closed
    (``_opt_close``, :meth:`_ClaimRows.finish`); nothing is written to it before the
    first row, so the handle can change here.  An XlsxWriter without these attributes
    keeps its own handle (False).
    """
    name = getattr(sheet, "row_data_filename", None)
    old = getattr(sheet, "row_data_fh", None)
    if not name or old is None or sheet.fh is not old or not hasattr(sheet, "_opt_close"):
        return False
    if old.tell() != 0:
        return False
    old.close()
    sheet.row_data_fh = sheet.fh = open(name, "w", encoding="utf-8", buffering=2**20)
    return True


# What XlsxWriter writes other than as given in an inline string: &, < and > escaped,
# controls but tab and line feed as _xHHHH_, an _xHHHH_ already there escaped once
# more, and the two non-characters U+FFFE and U+FFFF.
_XML_CARE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x")
# XlsxWriter cuts a string past 32,767 UTF-16 units; no cell of a row this short can be.
_SHORT_ROW = 16383


def _inline(ref: str, style: str, text: str) -> str:
    """The <c> element XlsxWriter writes for an inline string needing no escape; the
    space is kept when the text starts or ends with whitespace (what its pattern
    ``^\\s|\\s$`` finds: ``\\s`` is ``str.isspace()``, and strip() removes those)."""
    if text.strip() != text:
        return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c r="{ref}"{style} t="inlineStr"><is><t>{text}</t></is></c>'


class _Styles(dict[str, str]):
    """Format name (an attribute of :class:`_Book`) -> the `` s="N"`` attribute of its
    cells.  XlsxWriter numbers a format when the first cell using it is written, and
    the rows here are built in that same order (row by row, column by column), so each
    format gets the number it would have had."""

    def __init__(self, book: _Book) -> None:
        super().__init__()
        self.book = book

    def __missing__(self, name: str) -> str:
        style = self[name] = f' s="{getattr(self.book, name)._get_xf_index()}"'
        return style


# The XlsxWriter releases whose rows :meth:`_ClaimRows.direct` writes as they do
# (tests/test_export_xlsx_rows.py compares the two); with any other, XlsxWriter writes
# every row itself.
ROWS_AS_WRITTEN_BY = ((3, 3),)


def _can_write_rows(sheet: Any) -> bool:
    """True when the sheet streams its rows (constant_memory) through the parts of
    XlsxWriter that :meth:`_ClaimRows.direct` keeps up to date."""
    release = tuple(int(part) for part in xlsxwriter.__version__.split(".")[:2] if part.isdigit())
    if release not in ROWS_AS_WRITTEN_BY:
        return False
    needed = (
        "table",
        "previous_row",
        "hyperlinks",
        "hlink_count",
        "xls_rowmax",
        "dim_rowmin",
        "dim_rowmax",
        "dim_colmin",
        "dim_colmax",
        "_write_single_row",
        "_convert_date_time",
        "fh",
    )
    return (
        getattr(sheet, "constant_memory", False) is True
        and all(hasattr(sheet, name) for name in needed)
        and getattr(sheet, "excel_version", 2007) == 2007
        and getattr(sheet, "default_row_height", None)
        == getattr(sheet, "original_row_height", None)
    )


class _ClaimRows:
    """Writes claim rows with the fewest calls.

    A row of plain text (nothing XlsxWriter would escape, no invisible or direction
    character, nothing long enough to be cut) is written as the XML XlsxWriter makes of
    it, in one piece, by :meth:`direct`: the same cells with the same formats, the
    hyperlink recorded where XlsxWriter records it.  Any other row goes through
    XlsxWriter, one undecorated call per non-empty cell (:meth:`through_xlsxwriter`), or
    :func:`_write_claim` when it holds a character to mark.  Dates are turned into Excel
    serial numbers once per distinct value.
    """

    def __init__(self, book: _Book, sheet: Any) -> None:
        self.book, self.sheet = book, sheet
        # The undecorated writers: the public ones first convert "A1" cell names, which
        # these calls never use (same cells, same file).
        self.string = getattr(sheet, "_write_string", sheet.write_string)
        self.number = getattr(sheet, "_write_number", sheet.write_number)
        self.url = getattr(sheet, "_write_url", sheet.write_url)
        self.convert = getattr(sheet, "_convert_date_time", None)
        self.serials: dict[Any, float] = {}
        self.write_only = _write_only(sheet)
        self.can_write_rows = _can_write_rows(sheet)
        self.styles = _Styles(book)
        # URL -> the hyperlink XlsxWriter made for its first cell; the later cells of
        # that URL share it (in constant_memory it is only read, when the sheet closes).
        self.links: dict[str, Any] = {}

    def finish(self) -> None:
        """Close the write-only row file, for the workbook to reopen and read it."""
        if self.write_only:
            self.write_only = False
            self.sheet._opt_close()

    def serial(self, value: dt.date | dt.datetime) -> float | None:
        """*value* as the number Excel stores for it (None: let XlsxWriter convert it)."""
        found = self.serials.get(value)
        if found is None and self.convert is not None:
            naive = value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value
            found = self.serials[value] = self.convert(naive)
        return found

    def write(self, r: int, row: SheetCells) -> None:
        zone = published_zone_text(row.published_at, row.published_offset, row.published_zone)
        texts = (
            row.statement,
            row.quote,
            row.article_title,
            row.outlet,
            row.url,
            zone,
            row.source,
            row.relayed_by,
            row.verifier,
            row.rationale,
            row.tags,
            row.links,
            row.evidence,
            row.notes,
        )
        joined = "".join(texts)
        # Every marked character is one str.isprintable() refuses.
        printable = joined.isprintable()
        if not printable and _HIDDEN_IN_CELL.search(joined) is not None:
            _write_claim(self.book, self.sheet, r, _claim_values(row))
        elif not (self.can_write_rows and self.direct(r, row, zone, joined, printable)):
            self.through_xlsxwriter(r, row, texts)

    def direct(self, r: int, row: SheetCells, zone: str, joined: str, printable: bool) -> bool:
        """Write the row as XlsxWriter would, in one piece; False (nothing written) when
        a cell needs what only XlsxWriter does: an escape, a cut, a hyperlink not yet
        made, a row past the sheet's last."""
        book, sheet = self.book, self.sheet
        if len(joined) > _SHORT_ROW or r >= sheet.xls_rowmax:
            return False
        if not printable and _XML_CARE.search(joined) is not None:
            return False
        rest = "".join(
            (row.id, row.grading, row.reliability, row.status, row.verdict_at, row.superseded_by)
        )
        whole = joined + rest
        # Controls and non-characters are unprintable: printable text needs only these.
        if "&" in whole or "<" in whole or ">" in whole or "_x" in whole:
            return False
        if not rest.isprintable() and _XML_CARE.search(rest) is not None:
            return False
        url = row.url
        link = None
        if url and is_web_url(url) and book.url_count < MAX_URLS:
            link = self.links.get(url)
            if link is None:
                return False  # its first cell: XlsxWriter makes the hyperlink
        if sheet.table:  # the row before, written through XlsxWriter, goes out first
            sheet._write_single_row(r)
        n = r + 1
        styles = self.styles
        top = styles["top"]  # column A always holds the id, so this one is first
        cells = [f'<row r="{n}">', _inline(f"A{n}", top, row.id)]
        add = cells.append
        if row.statement:
            add(_inline(f"B{n}", styles["wrap"], row.statement))
        if row.quote:
            add(_inline(f"C{n}", styles["wrap"], row.quote))
        add(f'<c r="D{n}"{top}><v>{row.start:.16G}</v></c>')
        add(f'<c r="E{n}"{top}><v>{row.end:.16G}</v></c>')
        if row.article_title:
            add(_inline(f"F{n}", styles["wrap"], row.article_title))
        if row.outlet:
            add(_inline(f"G{n}", top, row.outlet))
        if url:
            if link is None:
                add(_inline(f"H{n}", top, url))
            else:
                sheet.hlink_count += 1
                book.url_count += 1
                sheet.hyperlinks[r][7] = link
                add(_inline(f"H{n}", styles["link"], url))
        if row.published is not None:
            add(f'<c r="I{n}"{styles["datetime"]}><v>{self.serial(row.published):.16G}</v></c>')
        if zone:
            add(_inline(f"J{n}", top, zone))
        if row.source:
            add(_inline(f"K{n}", top, row.source))
        if row.relayed_by:
            add(_inline(f"L{n}", styles["wrap"], row.relayed_by))
        if row.grading:
            add(_inline(f"M{n}", top, row.grading))
        if row.reliability:
            add(_inline(f"N{n}", top, row.reliability))
        if row.credibility is not None:
            add(f'<c r="O{n}"{top}><v>{row.credibility:.16G}</v></c>')
        if row.status:
            add(_inline(f"P{n}", top, row.status))
        if row.contested:
            add(f'<c r="Q{n}"{top} t="inlineStr"><is><t>yes</t></is></c>')
        if row.verifier:
            add(_inline(f"R{n}", top, row.verifier))
        if row.verdict_at:
            add(_inline(f"S{n}", top, row.verdict_at))
        if row.rationale:
            add(_inline(f"T{n}", styles["wrap"], row.rationale))
        if row.event_start is not None:
            add(f'<c r="U{n}"{styles["date"]}><v>{self.serial(row.event_start):.16G}</v></c>')
        if row.event_end is not None:
            add(f'<c r="V{n}"{styles["date"]}><v>{self.serial(row.event_end):.16G}</v></c>')
        last = 21
        for col, letter, text in (
            (22, "W", row.tags),
            (23, "X", row.links),
            (24, "Y", row.superseded_by),
            (25, "Z", row.evidence),
            (26, "AA", row.notes),
        ):
            if text:
                add(_inline(f"{letter}{n}", styles["wrap"], text))
                last = col
        add("</row>")
        sheet.fh.write("".join(cells))
        # What XlsxWriter notes of each cell it is given: the rows and columns in use,
        # and the row being written.
        sheet.previous_row = r
        if sheet.dim_rowmin is None or r < sheet.dim_rowmin:
            sheet.dim_rowmin = r
        if sheet.dim_rowmax is None or r > sheet.dim_rowmax:
            sheet.dim_rowmax = r
        if sheet.dim_colmin is None or sheet.dim_colmin > 0:
            sheet.dim_colmin = 0
        if sheet.dim_colmax is None or sheet.dim_colmax < last:
            sheet.dim_colmax = last
        return True

    def through_xlsxwriter(self, r: int, row: SheetCells, texts: tuple[str, ...]) -> None:
        """The row as one undecorated XlsxWriter call per non-empty cell, the check for
        marked characters already done."""
        book, string, number = self.book, self.string, self.number
        top, wrap = book.top, book.wrap
        statement, quote, title, outlet, url, zone, source, relays = texts[:8]
        verifier, why, tags, links, ev, notes = texts[8:]
        string(r, 0, row.id, top)
        if statement:
            string(r, 1, statement, wrap)
        if quote:
            string(r, 2, quote, wrap)
        number(r, 3, row.start, top)
        number(r, 4, row.end, top)
        if title:
            string(r, 5, title, wrap)
        if outlet:
            string(r, 6, outlet, top)
        if url:  # as cell() writes it, the check for marked characters already done
            if not (is_web_url(url) and book.url_count < MAX_URLS):
                string(r, 7, url, top)
            elif self.url(r, 7, url, book.link, url) == 0:
                book.url_count += 1
                if self.can_write_rows:
                    self.links.setdefault(url, self.sheet.hyperlinks[r][7])
            else:
                string(r, 7, url, top)
        if row.published is not None:
            self._datetime(r, 8, row.published, book.datetime)
        if zone:
            string(r, 9, zone, top)
        if source:
            string(r, 10, source, top)
        if relays:
            string(r, 11, relays, wrap)
        if row.grading:
            string(r, 12, row.grading, top)
        if row.reliability:
            string(r, 13, row.reliability, top)
        if row.credibility is not None:
            number(r, 14, row.credibility, top)
        if row.status:
            string(r, 15, row.status, top)
        if row.contested:
            string(r, 16, "yes", top)
        if verifier:
            string(r, 17, verifier, top)
        if row.verdict_at:
            string(r, 18, row.verdict_at, top)
        if why:
            string(r, 19, why, wrap)
        if row.event_start is not None:
            self._datetime(r, 20, row.event_start, book.date)
        if row.event_end is not None:
            self._datetime(r, 21, row.event_end, book.date)
        if tags:
            string(r, 22, tags, wrap)
        if links:
            string(r, 23, links, wrap)
        if row.superseded_by:
            string(r, 24, row.superseded_by, wrap)
        if ev:
            string(r, 25, ev, wrap)
        if notes:
            string(r, 26, notes, wrap)

    def _datetime(self, r: int, col: int, value: dt.date | dt.datetime, fmt: Any) -> None:
        serial = self.serial(value)
        if serial is None:
            naive = value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value
            self.sheet.write_datetime(r, col, naive, fmt)
        else:  # the cell write_datetime makes: the number, in the date format
            self.number(r, col, serial, fmt)


def write_xlsx(
    ws: Workspace, flt: ClaimFilter, target: Path | None, progress: Progress | None = None
) -> int:
    """Write the claims matching *flt* to an .xlsx workbook; returns the claim count."""
    path = need_file(target, "XLSX")
    total = count_rows(ws, flt)
    done = 0
    tick(progress, 0, total)
    with atomic_path(path) as tmp:
        book = _Book(tmp)
        claims: _ClaimRows | None = None
        try:
            sheet = book.sheet("Claims", CLAIM_COLUMNS)
            claims = _ClaimRows(book, sheet)
            used_sources: set[str] = set()
            for batch in iter_cells(ws, flt):
                for row in batch:
                    done += 1
                    claims.write(done, row)
                    used_sources.add(row.source)
                tick(progress, done, total)
            used_sources.discard("")
            sheet.autofilter(0, 0, max(done, 1), len(CLAIM_COLUMNS) - 1)
            _write_sources(ws, book, used_sources)
            _write_links(ws, book, flt)
        finally:
            if claims is not None:
                claims.finish()
            book.book.close()
    return done
