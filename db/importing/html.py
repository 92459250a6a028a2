"""HTML articles: the page's own visible text, the article chosen with trafilatura's help.

Nothing in the page is fetched or opened: the markup is parsed from memory
with network access off.  The page is laid out into passages as a browser
shows it (:mod:`db.importing.html_walk`: scripts, styles, navigation, hidden
and embedded content are never text) and trafilatura's main text tells which
passages are the article (:mod:`db.importing.html_select`); the stored text is
those passages, whole, separated by blank lines.  What is left out and is not
navigation, links, an ad or the like is named in the import's notes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xml import xmltotxt

from db.articles import NewArticle
from db.errors import InvalidInput
from db.importing.bylines import assume_outlet_zone, better_dateline, byline_dateline
from db.importing.encodings import declared_charset
from db.importing.html_body import gather_body
from db.importing.html_select import MainText, left_out_notes, main_text, select
from db.importing.html_walk import passages
from db.importing.metadata import Dateline, outlet_from_url, parse_dateline
from db.importing.text import decode_text, normalise_text

_LOOKS_HTML = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|p|div|article|h[1-6]|title|meta|section|span|br)\b",
    re.I,
)
# Void elements (they never hold content) that libxml2's HTML parser does not know
# as void: it nests everything after one of them inside it, so dropping the element
# would drop the rest of the page.  They are unwrapped: their misplaced children stay.
_VOID_MISNESTED = ("embed", "source", "track", "wbr", "param", "area", "keygen", "col")


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    title: str = ""
    author: str = ""
    outlet: str = ""
    url: str = ""
    published: Dateline | None = None


def decode_html(data: bytes, filename: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode by the encoding named, a BOM, the declared charset, then recognition.

    A declared charset the bytes do not fit is not trusted (pages lie): the
    bytes are then read as any other text file, never with replacement marks.
    """
    if encoding is not None or data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        return decode_text(data, filename, encoding)
    declared = declared_charset(data)
    if declared is not None:
        if b"\x00" in data and "16" not in declared and "32" not in declared:
            raise InvalidInput(f"{filename or 'The file'} looks like a binary file, not HTML.")
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return decode_text(data, filename)


def _parse(text: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True
    )
    root = lxml.html.document_fromstring(text, parser=parser)
    gather_body(root)  # text after </body> or </html> is the body's, as a browser shows it
    for void in root.xpath("|".join(f"//{tag}" for tag in _VOID_MISNESTED)):
        if void.getparent() is not None:
            void.drop_tag()
    return root


def _clean(value: str) -> str:
    return " ".join(value.split())


def _meta(root: lxml.html.HtmlElement) -> HtmlMeta:
    def meta(*names: str) -> str:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                found = root.xpath(f'//meta[@{attr}="{name}"]/@content')
                if found and _clean(found[0]):
                    return _clean(found[0])
        return ""

    url = ""
    for candidate in (*root.xpath('//link[@rel="canonical"]/@href'), meta("og:url")):
        candidate = candidate.strip()
        if candidate.lower().startswith(("http://", "https://")):
            url = candidate
            break
    title = meta("og:title", "twitter:title")
    if not title:
        found = root.xpath("//title")
        title = _clean(found[0].text_content()) if found else ""
    published = None
    for value in (
        meta("article:published_time", "datePublished", "pubdate", "date", "dc.date"),
        *(t.strip() for t in root.xpath("//time/@datetime")[:1]),
    ):
        if value:
            published = parse_dateline(value)
            if published:
                break
    return HtmlMeta(
        title=title,
        author=meta("author", "article:author", "dc.creator"),
        outlet=meta("og:site_name", "application-name"),
        url=url,
        published=published,
    )


@dataclass(frozen=True, slots=True)
class MainMeta:
    """The metadata trafilatura found beside the main text (what the page's own misses)."""

    title: str = ""
    author: str = ""
    sitename: str = ""
    url: str = ""
    date: str = ""


def trafilatura_main(root: lxml.html.HtmlElement) -> tuple[MainText, MainMeta | None]:
    """trafilatura's main text of the page *root*, as the passages are looked for in it
    (:func:`db.importing.html_select.main_text`), and its metadata.

    trafilatura works on a copy of the tree (the page's own is left as it was).  Its
    main text is written out here, once the extraction is over, as trafilatura writes a
    document's text: asked for text, trafilatura writes it while it still holds its copy
    of the page and the main text run into one line (on a page of megabytes, about 40
    MiB more at the import's peak).  The text is then squashed a line at a time and let
    go of: a list of its lines would hold it twice.
    """
    doc = trafilatura.bare_extraction(
        root,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
        output_format="txt",  # the main text's tree only: written out below
    )
    if doc is None:
        return main_text(()), None
    found = MainMeta(
        title=getattr(doc, "title", None) or "",
        author=getattr(doc, "author", None) or "",
        sitename=getattr(doc, "sitename", None) or "",
        url=getattr(doc, "url", None) or "",
        date=str(getattr(doc, "date", None) or ""),
    )
    tree = getattr(doc, "body", None)
    del doc  # with it the main text in one line, which nothing here reads
    text = xmltotxt(tree, False)  # as trafilatura writes a document's text
    del tree
    return main_text(_lines(text)), found


def _lines(text: str) -> Iterator[str]:
    """The lines of *text* (split at each line feed, as ``str.split`` would) one at a
    time, without a list of them all."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _body_text(root: lxml.html.HtmlElement) -> Iterator[str]:
    """The text nodes in the page's body, in order, as ``root.xpath("//body//text()")``
    lists them, one at a time (the list of a long page costs MiB)."""
    for body in root.iter("body"):
        if not any(a.tag == "body" for a in body.iterancestors()):
            yield from body.itertext()


def strip_site_name(title: str, outlet: str) -> str:
    """``"Headline | Outlet"`` → ``"Headline"`` when the tail names the outlet."""
    if not outlet:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, found, tail = title.rpartition(sep)
        if found and head and tail.strip().lower() == outlet.lower():
            return head.strip()
    return title


def _page(data: bytes, filename: str, encoding: str | None) -> tuple[lxml.html.HtmlElement, str]:
    """The page's tree, and the encoding its bytes were read in."""
    name = filename or "The file"
    text, encoding = decode_html(data, filename, encoding)
    if not _LOOKS_HTML.search(text[:65536]):
        raise InvalidInput(f"{name} does not look like an HTML page.")
    try:
        return _parse(text), encoding
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InvalidInput(f"{name} cannot be read as HTML ({exc}).") from None


def read_html_article(data: bytes, filename: str, encoding: str | None = None) -> NewArticle:
    """Read an ``.html`` file into a :class:`NewArticle` with its metadata.

    The page is decoded and parsed once; its tree serves the metadata, trafilatura
    (which works on a copy of it) and the passages.  On a page of megabytes the
    decoded text, the tree, trafilatura's trees and the passages each take tens of
    MiB: each is let go of once used.
    """
    name = filename or "The file"
    root, found_encoding = _page(data, filename, encoding)
    meta = _meta(root)
    byline = byline_dateline(_body_text(root))
    language = root.get("lang") or ""
    main, found = trafilatura_main(root)
    chosen = select(passages(root), main)
    del main, root
    body = normalise_text("\n\n".join(p.text for p in chosen.kept))
    left_out = chosen.left_out
    del chosen
    if not body.strip():
        raise InvalidInput(f"{name} holds no article text.")
    title = meta.title or _clean(found.title if found else "")
    author = meta.author or _clean(found.author if found else "")
    outlet = meta.outlet or _clean(found.sitename if found else "")
    title = strip_site_name(title, outlet)
    url = meta.url
    if not url:
        given = found.url if found else ""
        url = given if given.lower().startswith(("http://", "https://")) else ""
    if not outlet and url:
        outlet = outlet_from_url(url)
    published = meta.published
    dateline = found.date if found else ""
    if published is None and dateline:
        published = parse_dateline(dateline)
    published = better_dateline(published, byline)
    if published is not None:
        published = assume_outlet_zone(published, url, language)
    notes = left_out_notes(left_out, body, title)
    return NewArticle(
        text=body,
        original=data,
        filename=filename,
        encoding=found_encoding,
        format="html",
        title=title,
        outlet=outlet,
        author=author,
        url=url,
        published_at=published.when if published else None,
        published_offset=published.offset if published else None,
        published_zone=published.zone if published else "",
        notes=notes,
    )
