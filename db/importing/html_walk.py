"""The visible text of an HTML page's body, passage by passage, as a browser lays it out.

A *passage* is what a browser shows as one block of text: a paragraph, a
heading, a list item, a caption, a data table's row (a page laid out in a
table has its cells laid out as blocks), or the loose text between two blocks.
Its white space is collapsed to single spaces (as the page shows it); inline
elements (links, emphasis, spans, ``<wbr>``) run on within it, a single line
break (``<br>``) is a space inside a paragraph and two in a row end it; any
other element, a custom element (``<article-body>``) included, is a block of
its own unless it stands between words, so two blocks never run their words
together.  Ruby annotations (``<rt>``) are left out of the base text.

Left out on purpose, and never text: scripts, styles, ``<template>``,
``<noscript>``, frames, embeds and graphics, form controls (a control between
two words leaves a space), the page's navigation and its site footer (a
``<footer>`` outside an article or section), and anything the page hides
(``hidden``, ``display: none``, a screen-reader-only class such as
``sr-only``).  Passages are marked, not dropped, when they sit in an
``<aside>`` or an ``<object>``'s fallback, in a ``<header>`` outside an
article or section (a masthead, or a headline set above the article), in an
element the page names as an ad, a cookie banner, a share or related-stories
box and the like (:data:`CHROME_WORDS`), or when most of their text is links:
:mod:`db.importing.html_select` decides about those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

# Elements whose content is never shown as text, or never article text.
DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "embed",
        "svg",
        "math",
        "canvas",
        "button",
        "select",
        "option",
        "optgroup",
        "datalist",
        "textarea",
        "input",
        "nav",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "img",
        "area",
        "rt",  # ruby annotations (pronunciation over the base text) and their fallback
        "rp",
    }
)
# Inline elements: their text runs on with the text around them.
INLINE = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "picture",
        "q",
        "rb",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "audio",
        "video",
        "source",
        "track",
        "output",
        "meter",
        "progress",
    }
)
# Elements HTML lays out as blocks.  An element that is neither one of these nor inline
# (a custom element, an unknown tag) is a block unless it runs on with text around it.
BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
    | {"figure", "figcaption", "section", "article", "main", "aside", "header", "footer"}
    | {"address", "hr", "details", "summary", "fieldset", "legend", "form", "center", "body"}
    | {"html", "menu", "dir", "hgroup", "search", "dialog", "map", "frameset", "noframes"}
    | {"object"}
)
# Blocks in which one line break is a space and two end a paragraph; elsewhere
# (a <div>, the body) one line break ends the text before it.
PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"}
    | {"figcaption", "caption", "summary", "address", "legend"}
)
# <header> and <footer> are the site's own only outside these.
SECTIONING = frozenset({"article", "main", "section", "aside"})
CELLS = frozenset({"td", "th"})
MAX_CELL = 100  # characters: a row of cells no longer than this is one passage
_ROW_BREAKS = BLOCKS | {"br"}
# Words in an element's class or id naming it as something other than the article.
# Boxes: an element named so is never the article's wrapper, whatever it holds.
BOX_WORDS = frozenset(
    {"ad", "ads", "adslot", "advert", "adverts", "advertisement", "advertising", "sponsor"}
    | {"sponsored", "promo", "promotion", "cookie", "cookies", "consent", "gdpr", "newsletter"}
    | {"subscribe", "subscription", "signup", "outbrain", "taboola", "paywall", "popup"}
    | {"modal", "disqus"}
)
# Page furniture: share and social buttons, related stories, menus, sidebars, comments.
# A page may name the wrapper of its article so ('page with-sidebar').
CHROME_WORDS = BOX_WORDS | frozenset(
    {"share", "sharing", "sharebar", "social", "related", "recommended", "breadcrumb"}
    | {"breadcrumbs", "menu", "navbar", "sidebar", "comments", "toolbar"}
)
# A word after one of these says what the element has or lacks, not what it is.
_MODIFIERS = frozenset({"no", "has", "with", "without", "hide", "show", "enable", "disable"})
# Controls and embedded content shown between words: left out, but never gluing them.
_WIDGETS = frozenset(
    {"input", "button", "select", "textarea", "iframe", "embed", "svg", "canvas", "math"}
)
# ARIA roles of the page's own furniture (dropped) and of asides.
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
_ASIDE_ROLES = frozenset({"complementary", "note"})
# A passage that is only one of these words labels an ad.
AD_LABELS = frozenset(
    {"advertisement", "advertising", "advert", "ad", "ads", "sponsored", "anzeige", "werbung"}
    | {"publicité", "publicidad", "pubblicità", "реклама", "광고", "广告", "広告"}
)
# Classes that hide text from the screen and leave it to screen readers ('opens in a
# new window', 'Photo:'): not shown, and inside a sentence they would garble it.
SCREEN_READER_ONLY = frozenset(
    {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-text"}
    | {"screen-reader-only", "a11y-hidden", "element-invisible", "u-visually-hidden", "sr-text"}
)
_WORDS = re.compile(r"[a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


@dataclass(slots=True)
class Passage:
    """One block of visible text and where it came from."""

    text: str  # white space collapsed to single spaces, never empty
    element: lxml.html.HtmlElement  # the block it was laid out in
    linked: float  # the share of its characters (not counting spaces) inside links
    # Set when the page shows it apart from the article: "aside" (a pull quote, a box
    # beside the text) or "object" (an embedded object's fallback content).
    aside: str = ""
    # The innermost element around it that the page names as an ad, a cookie banner,
    # a share or related-stories box and the like (or the passage's own block, when
    # its text is an ad's label).
    chrome: lxml.html.HtmlElement | None = None

    @property
    def linky(self) -> bool:
        """Mostly links: a menu, a list of stories, a 'read more'."""
        return self.linked >= 0.5


def _clean(value: str) -> str:
    return " ".join(value.split())


def _attr(element: lxml.html.HtmlElement, name: str) -> str:
    value = element.get(name)
    return value.lower() if isinstance(value, str) else ""


def _dropped(element: lxml.html.HtmlElement, tag: str) -> bool:
    if tag in DROP or element.get("hidden") is not None:
        return True
    if not SCREEN_READER_ONLY.isdisjoint(_attr(element, "class").split()):
        return True
    if tag == "dialog" and element.get("open") is None:
        return True  # a dialog that is not open is not shown
    if _HIDDEN_STYLE.search(_attr(element, "style")):
        return True
    if _attr(element, "role") in _DROP_ROLES:
        return True
    return tag == "footer" and _site_wide(element)


def _site_wide(element: lxml.html.HtmlElement) -> bool:
    """A <header> or <footer> outside any article or section: the site's own."""
    return not any(a.tag in SECTIONING for a in element.iterancestors())


def chrome_words(element: lxml.html.HtmlElement) -> frozenset[str]:
    """The words of :data:`CHROME_WORDS` that an element's class or id names it by."""
    found: set[str] = set()
    for name in (_attr(element, "class"), _attr(element, "id")):
        words = _WORDS.findall(name)
        for index, word in enumerate(words):
            if word in CHROME_WORDS and (index == 0 or words[index - 1] not in _MODIFIERS):
                found.add(word)
    return frozenset(found)


def is_box(element: lxml.html.HtmlElement) -> bool:
    """An ad, a cookie banner, a sign-up box: never the article's wrapper."""
    return element.tag == "dialog" or bool(chrome_words(element) & BOX_WORDS)


def _is_chrome(element: lxml.html.HtmlElement, tag: str) -> bool:
    if tag == "header" and _site_wide(element):
        return True  # the site's masthead, or a headline and standfirst set above the article
    return tag == "dialog" or bool(chrome_words(element))


def _aside(element: lxml.html.HtmlElement, tag: str) -> str:
    if tag == "object":
        return "object"
    return "aside" if tag == "aside" or _attr(element, "role") in _ASIDE_ROLES else ""


def _short_cells(row: lxml.html.HtmlElement) -> bool:
    """Whether a table row holds data (short cells of text only), not a page's layout."""
    for cell in row:
        if not isinstance(cell.tag, str):
            continue
        if len(cell.text_content()) > MAX_CELL:
            return False
        for inner in cell.iterdescendants():
            if isinstance(inner.tag, str) and inner.tag.lower() in _ROW_BREAKS:
                return False
    return True


class _Layout:
    """Lays the body out into passages (see the module's description)."""

    def __init__(self) -> None:
        self.out: list[Passage] = []
        self.pieces: list[str] = []
        self.linked = 0
        self.breaks = 0
        self.block: lxml.html.HtmlElement | None = None
        self.aside = ""
        self.chrome: lxml.html.HtmlElement | None = None
        self.paragraph = False  # inside a block where one line break is a space
        self.row = False  # inside a table row laid out as one passage
        self.figure = False  # inside a figure: a linked credit is still a caption

    def flush(self) -> None:
        text = _clean("".join(self.pieces))
        if text and self.block is not None:
            total = len(text) - text.count(" ")
            share = min(1.0, self.linked / total) if total and not self.figure else 0.0
            chrome = self.chrome
            if text.strip(" :.-–—").lower() in AD_LABELS:
                chrome = self.block
            self.out.append(Passage(text, self.block, share, self.aside, chrome))
        self.pieces.clear()
        self.linked = 0
        self.breaks = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        if text.strip():
            if self.breaks >= (2 if self.paragraph else 1):
                self.flush()
            self.breaks = 0
            if in_link:
                self.linked += len(text) - sum(1 for c in text if c.isspace())
        self.pieces.append(text)

    def _runs_on(self, element: lxml.html.HtmlElement) -> bool:
        """Whether an element HTML does not know is laid out inline: it holds no block and
        stands in a paragraph or between words (``<p>The <x-term>ferry</x-term> left.</p>``)."""
        if any(
            isinstance(d.tag, str) and d.tag.lower() in BLOCKS for d in element.iterdescendants()
        ):
            return False
        if self.paragraph or (element.tail or "").strip():
            return True
        before = element.getprevious()
        if before is not None:
            return bool((before.tail or "").strip())
        parent = element.getparent()
        return parent is not None and bool((parent.text or "").strip())

    def visit(self, element: lxml.html.HtmlElement, in_link: bool) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return  # a comment or processing instruction: nothing shown
        tag = tag.lower()
        if _dropped(element, tag):
            if tag in _WIDGETS:
                self.pieces.append(" ")  # a control between words keeps them apart
            return
        if tag == "br":
            self.breaks += 1
            self.pieces.append(" ")
            return
        in_link = in_link or tag == "a"
        if tag in INLINE or (tag not in BLOCKS and self._runs_on(element)):
            self.add(element.text, in_link)
            for child in element:
                self.visit(child, in_link)
                self.add(child.tail, in_link)
            return
        if tag in CELLS and self.row:
            # A row of short cells is one passage, its cells separated by a space.
            self.pieces.append(" ")
            self.add(element.text, in_link)
            for child in element:
                self.visit(child, in_link)
                self.add(child.tail, in_link)
            self.pieces.append(" ")
            return
        saved = (self.block, self.aside, self.chrome, self.paragraph, self.row, self.figure)
        self.flush()
        self.block = element
        self.aside = self.aside or _aside(element, tag)
        if _is_chrome(element, tag):
            self.chrome = element
        self.paragraph = tag in PARAGRAPHS
        self.row = tag == "tr" and _short_cells(element)
        self.figure = self.figure or tag == "figure"
        self.add(element.text, in_link)
        for child in element:
            self.visit(child, in_link)
            self.add(child.tail, in_link)
        self.flush()
        self.block, self.aside, self.chrome, self.paragraph, self.row, self.figure = saved


def passages(root: lxml.html.HtmlElement) -> list[Passage]:
    """The visible passages of the page's body, in the page's order."""
    body = root.find("body")
    layout = _Layout()
    layout.visit(body if body is not None else root, False)
    return layout.out
