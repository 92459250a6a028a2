"""Which of a page's passages are the article: the main-text extractor chooses, the page's
own text is kept.

trafilatura finds a page's main text well but rewrites it: it drops short
passages (captions, photo credits, short paragraphs), splits a paragraph where
a line break or a line of the source falls, runs paragraphs together, writes
tables in Markdown and, on a page with little text, takes the site's menus
along.  So its text is used only to tell which passages of the page
(:mod:`db.importing.html_walk`) are the article, and the stored text is made of
the page's passages themselves:

* a passage the main text holds is *matched* (compared without white space or
  punctuation, so however it was split or joined);
* an element named as page furniture ('with-sidebar', 'related') that holds a
  substantial matched passage wraps the article and is not furniture; a box
  named as an ad or a cookie banner never is;
* the article runs from the first to the last matched passage that is plain
  text (not links, not in an aside, an ad or the like), the headline right
  above it included, and takes in everything inside the element holding its
  substantial ones (or the ``<article>`` or ``<main>`` around them; never the
  whole body) and the figures beside them: a caption or credit after the last
  paragraph belongs to the article as much as one between two paragraphs;
* inside the article every passage is kept but links that the main text left
  out (a menu, 'read more'); outside it only matched plain passages;
* passages in ads, cookie banners, share and related-story boxes are never
  kept, nor asides (pull quotes, boxes beside the text) and the fallback text
  of embedded objects.

A passage left out that is none of navigation, links, ads and the like, and
whose words are not already in the stored text nor the article's title, is
reported when it is a caption, a headline, a sentence or a few words (not a label such as
'Most read'): one note each (:func:`left_out_notes`), five at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.html

from db.importing.html_walk import Passage, is_box

SUBSTANTIAL = 40  # characters: a passage this long marks the article's extent
_LONG = 20  # squashed characters from which a passage is looked for anywhere in the main text
_KEY = 12  # squashed characters the main text's paragraphs are found by
_SLACK = 4000  # squashed characters of main text a passage may be looked for beyond the last one
MAX_NOTES = 5
_EXCERPT = 80
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)]$")
_DIGIT = re.compile(r"\d")


_NON_WORD = re.compile(r"\W+")
_PIECE = 1 << 18  # characters of a long text squashed at a time


def squash(text: str) -> str:
    """*text* without white space or punctuation, lower-cased: what two copies of it share."""
    return _NON_WORD.sub("", text).lower()


@dataclass(frozen=True, slots=True)
class MainText:
    """The main text as the passages are looked for in it: its paragraphs squashed
    (:func:`squash`) and joined, and where each paragraph starts in that, by its first
    squashed characters."""

    joined: str
    starts: dict[str, list[int]]


def main_text(paragraphs: Iterable[str]) -> MainText:
    """The :class:`MainText` of *paragraphs*, taken one at a time: each is squashed as it
    comes, so no list of them is held beside the squashed text."""
    pieces: list[str] = []
    starts: dict[str, list[int]] = {}
    offset = 0
    for paragraph in paragraphs:
        text = squash(paragraph)
        if text:
            starts.setdefault(text[:_KEY], []).append(offset)
            pieces.append(text)
            offset += len(text)
    return MainText("".join(pieces), starts)


def _matched(items: Sequence[Passage], main: MainText) -> list[bool]:
    """For each passage, whether the main text holds it, in the page's order where it can.

    A passage is looked for just after the one matched before it; a long one that is
    not there is looked for at the start of every paragraph of the main text (the main
    text may hold text the page's passages do not, or put a passage elsewhere).
    """
    joined, starts = main.joined, main.starts
    found = [False] * len(items)
    cursor = 0
    for index, item in enumerate(items):
        target = squash(item.text)
        if not target:
            continue
        at = joined.find(target, cursor, cursor + len(target) + _SLACK)
        if at < 0 and len(target) >= _LONG:
            held = [i for i in starts.get(target[:_KEY], ()) if joined.startswith(target, i)]
            later = [i for i in held if i >= cursor]
            if held and not later:
                found[index] = True  # held, out of the page's order: the cursor stays
                continue
            at = later[0] if later else -1
        if at >= 0:
            found[index] = True
            cursor = at + len(target)
    return found


def _ancestors(element: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [element, *element.iterancestors()]


def _common(elements: Sequence[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """The innermost element holding all of *elements*."""
    if not elements:
        return None
    chain = _ancestors(elements[0])
    depth = 0
    for element in elements[1:]:
        held = set(_ancestors(element))
        while chain[depth] not in held:
            depth += 1
    return chain[depth]


@dataclass(frozen=True, slots=True)
class Selection:
    kept: list[Passage]
    left_out: list[Passage]  # neither kept nor left out on purpose: to be reported


def _wrappers(items: Sequence[Passage], found: Sequence[bool]) -> set[lxml.html.HtmlElement]:
    """Elements taken for page furniture ('sidebar', 'related', a <header> above the
    article) that hold a substantial passage of the main text, outside any box: they
    wrap the article.  A box (an ad, a cookie banner: :func:`is_box`) never does."""
    held: set[lxml.html.HtmlElement] = set()
    for item, matched in zip(items, found, strict=True):
        chrome = item.chrome
        if not matched or chrome is None or chrome is item.element or is_box(chrome):
            continue
        if len(item.text) >= SUBSTANTIAL and not item.linky:
            held.update(a for a in _ancestors(item.element) if not is_box(a))
    return held


def _parent(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    parent = element.getparent()
    return element if parent is None else parent


def _figure(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for inner in _ancestors(element):
        if inner.tag == "figure":
            return inner
    return None


def select(items: Sequence[Passage], main: MainText) -> Selection:
    """The passages of the article, and those left out that the analyst should hear of."""
    found = _matched(items, main)

    wrappers = _wrappers(items, found)
    # Body text: not in an aside, not in an ad or the like.
    body = [not p.aside and (p.chrome is None or p.chrome in wrappers) for p in items]
    plain = [body[i] and not p.linky for i, p in enumerate(items)]
    # The article runs from the first to the last plain passage of the main text, and
    # takes in the element holding its substantial ones (the parent of a lone one), or
    # the <article> or <main> around them.
    anchors = [i for i in range(len(items)) if found[i] and plain[i]]
    if not anchors:  # the main text matched nothing: the page's plain text is the article
        anchors = [i for i in range(len(items)) if plain[i]]
    first, last = (anchors[0], anchors[-1]) if anchors else (len(items), -1)
    while 0 < first < len(items) and plain[first - 1] and items[first - 1].element.tag in _HEADINGS:
        first -= 1  # the headline right above the article's first paragraph is its own
    substantial = [i for i in anchors if len(items[i].text) >= SUBSTANTIAL] or anchors
    holders = [items[i].element for i in substantial]
    holder = _common(holders) if len(holders) > 1 else _common([_parent(h) for h in holders])
    if holder is not None:  # inside an <article> or <main>, the page says that is the article
        holder = next((a for a in _ancestors(holder) if a.tag in ("article", "main")), holder)
    if holder is not None and holder.tag in ("body", "html"):
        holder = None
    # A figure beside the article's paragraphs (in the same element) is the article's.
    beside = {items[i].element.getparent() for i in anchors}

    def in_article(index: int, item: Passage) -> bool:
        if first <= index <= last:
            return True
        if holder is not None and holder in _ancestors(item.element):
            return True
        figure = _figure(item.element)
        return figure is not None and figure.getparent() in beside

    kept: list[Passage] = []
    left_out: list[Passage] = []
    for index, item in enumerate(items):
        if not body[index]:
            keep = False
        elif in_article(index, item):
            keep = plain[index] or found[index]
        else:
            keep = plain[index] and found[index]
        if keep:
            kept.append(item)
        elif not item.linky and (item.chrome is None or item.chrome in wrappers):
            left_out.append(item)
    if not kept:  # nothing but asides and boxes: they are all the page has to say
        kept = [p for p in items if not p.linky and p.chrome is not p.element]
        return Selection(kept, [])
    return Selection(kept, left_out)


def _worth_telling(item: Passage) -> bool:
    """A caption, a headline, a sentence, a few words or a table's row that holds a
    figure: not a label such as 'Most read'."""
    if item.element.tag == "h1" or _figure(item.element) is not None:
        return True
    if _DIGIT.search(item.text) and any(inner.tag == "table" for inner in _ancestors(item.element)):
        return True  # a row of a table of figures (a port's ferries and their counts)
    return len(item.text.split()) >= 4 or bool(_SENTENCE_END.search(item.text))


def _squash_long(text: str) -> str:
    """:func:`squash` of a long text a piece at a time: ``re.sub`` holds every run of
    word characters it keeps as a string of its own until it joins them (on a text of
    megabytes, about 100 MiB).  Leaving out characters piece by piece leaves out the
    same ones; the whole is lower-cased at once, as the case of some letters depends
    on the letters around them."""
    if len(text) <= _PIECE:
        return squash(text)
    kept = "".join(_NON_WORD.sub("", text[at : at + _PIECE]) for at in range(0, len(text), _PIECE))
    return kept.lower()


def _paragraphs_among(stored: str, wanted: set[str]) -> set[str]:
    """Those of *wanted* that are a paragraph of *stored* squashed: the paragraphs are
    split and squashed one at a time, not all held at once."""
    found: set[str] = set()
    if not wanted:
        return found
    start = 0
    while True:
        end = stored.find("\n\n", start)
        words = squash(stored[start:] if end < 0 else stored[start:end])
        if words in wanted:
            found.add(words)
        if end < 0:
            return found
        start = end + 2


def left_out_notes(left_out: Sequence[Passage], stored: str, title: str = "") -> tuple[str, ...]:
    """One note for each passage left out whose words the stored text does not hold (nor
    the article's *title*: a headline above the article is kept as its title)."""
    told = [(item, squash(item.text)) for item in left_out if _worth_telling(item)]
    paragraphs = _paragraphs_among(stored, {words for _, words in told})
    heading = squash(title)
    text: str | None = None  # the stored text squashed, made when first needed
    missing: list[Passage] = []
    for item, words in told:
        if words in paragraphs or (heading and words in heading):
            continue
        # Past the passages named, the rest are only counted: no search of the whole text.
        if len(missing) > MAX_NOTES:
            missing.append(item)
            continue
        if text is None:
            text = _squash_long(stored)
        if words not in text:
            missing.append(item)
    notes = []
    for item in missing[:MAX_NOTES]:
        excerpt = item.text if len(item.text) <= _EXCERPT else item.text[: _EXCERPT - 1] + "…"
        where = {
            "aside": "beside the article",
            "object": "shown in place of an embedded object",
        }.get(item.aside, "outside the article")
        notes.append(f"text {where} on the page was left out: “{excerpt}”")
    if len(missing) > MAX_NOTES:
        more = len(missing) - MAX_NOTES
        notes.append(f"{more} more passage{'s' if more != 1 else ''} of the page left out")
    return tuple(notes)
