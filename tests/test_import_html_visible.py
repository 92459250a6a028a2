"""What a reader sees on hostile and broken pages is what is stored, or left out on purpose,
or reported.

Each page below was written for this test.  An independent reader (the standard
library's ``html.parser``, not the importer's parser) lists the page's visible
pieces of text: the text of each block, cut at line breaks, with white space
collapsed as the importer documents.  Every piece must then be

* inside one stored paragraph, whole (not split, not garbled), in the page's order,
* or one of the page's ``DELIBERATE`` omissions (navigation, ads, cookie banners,
  share buttons, site furniture),
* or named in one of the import's notes.

And nothing is stored that the page does not show: every stored paragraph is
made of the page's visible pieces.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.importing.html import read_html_article

# Never shown by a browser (scripts on): their text is not visible text.
UNSEEN = {"script", "style", "template", "noscript", "head", "title", "svg", "iframe", "object"}
INLINE = {
    "a",
    "abbr",
    "b",
    "cite",
    "code",
    "em",
    "i",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "wbr",
    "img",
    "picture",
    "source",
    "label",
}
VOID = {"br", "img", "source", "wbr", "embed", "input", "meta", "link", "hr", "area", "track"}


class VisibleText(HTMLParser):
    """The visible pieces of a page: every block's text, cut at each line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.current: list[str] = []
        self.unseen = 0
        self.stack: list[str] = []

    def cut(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.pieces.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = " ".join(v or "" for n, v in attrs if n == "style").replace(" ", "")
        classes = " ".join(v or "" for n, v in attrs if n == "class").split()
        hidden = any(name == "hidden" for name, _ in attrs) or "display:none" in style
        hidden = hidden or "sr-only" in classes  # shown to screen readers only
        if tag not in VOID:
            self.stack.append(tag)
            if tag in UNSEEN or hidden or self.unseen:
                self.unseen += 1
        if self.unseen:
            return
        if tag == "br" or tag not in INLINE:
            self.cut()
        elif tag == "td" or tag == "th":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if self.unseen:
                self.unseen -= 1
            elif open_tag not in INLINE:
                self.cut()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.unseen:
            self.current.append(data)

    @classmethod
    def of(cls, page: str) -> list[str]:
        reader = cls()
        reader.feed(page)
        reader.close()
        reader.cut()
        return reader.pieces


@dataclass(frozen=True)
class Page:
    body: str
    deliberate: tuple[str, ...] = ()  # visible, left out on purpose
    reported: tuple[str, ...] = ()  # visible, left out and named in a note
    # How the page ends: a browser shows what comes after </body> or </html> in the body.
    ending: str = "</body></html>"


SITE = (
    "<header><div class='masthead'>The Valley Ledger</div>"
    "<nav><ul><li><a href='/'>Front page</a></li><li><a href='/towns'>Towns</a></li>"
    "<li><a href='/weather'>Weather</a></li></ul></nav></header>"
)
SITE_WORDS = ("The Valley Ledger", "Front page", "Towns", "Weather")
FOOT = "<footer><p>Valley Ledger, 4 Mill Lane</p><a href='/privacy'>Privacy</a></footer>"
FOOT_WORDS = ("Valley Ledger, 4 Mill Lane", "Privacy")
COOKIE = (
    "<div class='cookie-banner'><p>We use cookies to count visits.</p>"
    "<button>Accept all</button></div>"
)


def html(page: Page) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Ferry service cut</title>"
        "<style>.masthead { font-size: 3em }</style><script>var counter = 0;</script>"
        f"</head><body>{COOKIE}{SITE}{page.body}{FOOT}{page.ending}"
    )


ALWAYS_DELIBERATE = (*SITE_WORDS, *FOOT_WORDS, "We use cookies to count visits.", "Accept all")

ARTICLE = (
    "<article><h1>Ferry service cut</h1>"
    "<p>The island ferry will run only twice a day from March, the operator said.</p>"
    "<p>Commuters said they would have to find rooms on the mainland.</p></article>"
)

PAGES = {
    # Captions and credits written in a <div> or a <span> inside <figure>, short ones too.
    "figure-div-captions": Page(
        "<article><h1>Ferry service cut to two crossings a day</h1>"
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "<figure><img src='ferry.jpg'><div class='caption'>The ferry at the north pier.</div>"
        "<div class='credit'>Photo: Mara Lind</div></figure>"
        "<p>Residents said the change would leave commuters stranded on weekday evenings.</p>"
        "<figure><picture><source srcset='quay.webp'><img src='quay.jpg'></picture>"
        "<figcaption>Quay.</figcaption><span class='credit'>Ole Brask</span></figure>"
        "<p>The council will meet the operator on Thursday to discuss the timetable.</p>"
        "<figure><img src='map.png'><figcaption>Route map</figcaption></figure>"
        "</article>"
    ),
    # A comment in the middle of a sentence, in several places; CDATA; <wbr>.
    "comments-cdata-wbr": Page(
        "<article><h1>Ferry service cut</h1>"
        "<p>Troops of volunteers arrived <!-- ad slot --> on Monday to help at the pier.</p>"
        "<p>The operator <!-- a --><em>blamed</em><!-- b --> rising fuel costs\n"
        "<!-- c -->for the decision, its chief executive said.</p>"
        "<div>Passengers queued <!-- inline-ad -->\nfor an hour before the first sailing.</div>"
        "<p>Ticket prices <![CDATA[ignored]]> will stay the same until the summer.</p>"
        "<p>A spokes<wbr>woman called the cut tempo<wbr>rary and regret<wbr>table.</p>"
        "</article>"
    ),
    # Line breaks inside inline elements, inline elements nested across lines.
    "inline-breaks": Page(
        "<article><h1>Ferry service cut</h1>"
        "<p>The last crossing now leaves at six, <b>two hours\n   earlier <i>than\n"
        "   before</i></b>, the timetable shows.</p>"
        "<p><strong>Fares</strong> will not change, <a href='/f'>the\n operator</a>\n"
        "   <em>insisted</em>.</p>"
        "<p>The union said drivers would lose shifts and income over the winter months.</p>"
        "</article>"
    ),
    # Custom elements holding the article; a template and noscript fallback text.
    "custom-elements": Page(
        "<article-body><story-headline>Ferry service cut</story-headline>"
        "<story-para>The island ferry will run only twice a day from March.</story-para>"
        "<story-para>Commuters said they would have to find rooms on the mainland.</story-para>"
        "<template><p>Loading the next story for you now.</p></template>"
        "<noscript><p>Turn scripts on to see the comments.</p></noscript>"
        "<story-note>Updated at noon with the council's reply.</story-note></article-body>"
    ),
    # A pull quote that repeats the text (nothing lost) and one that does not (reported),
    # lists, a table and <details>.
    "aside-lists-tables-details": Page(
        "<article><h1>Ferry service cut</h1>"
        "<p>“We were told nothing until the posters went up,” said one commuter at the pier.</p>"
        "<aside class='pullquote'>We were told nothing until the posters went up</aside>"
        "<p>The new timetable keeps the morning and evening sailings only.</p>"
        "<aside><p>The island has had a ferry link since the railway closed.</p></aside>"
        "<ul><li>Morning sailing at 7:10</li><li>Evening sailing at 18:00</li></ul>"
        "<table><tr><th>Sailing</th><th>Passengers</th></tr>"
        "<tr><td>Morning</td><td>240</td></tr><tr><td>Evening</td><td>310</td></tr></table>"
        "<details><summary>How we counted</summary>"
        "<p>Figures come from the operator's ticket sales for October.</p></details>"
        "<p>The operator said it would review the timetable again in the autumn.</p>"
        "</article>"
        "<aside class='related'><h3>More from the islands</h3><ul>"
        "<li><a href='/a'>Harbour dues to rise</a></li><li><a href='/b'>New school</a></li>"
        "</ul></aside>",
        deliberate=("More from the islands", "Harbour dues to rise", "New school"),
        reported=("The island has had a ferry link since the railway closed.",),
    ),
    # A very short page: a headline and one paragraph; the site's menus must stay out.
    "short-page": Page(
        "<main><h1>Ferry cut</h1><p>Only two crossings a day from March.</p></main>"
        "<div class='share'><a href='/s/fb'>Share</a> <a href='/s/m'>Email</a></div>",
        deliberate=("Share Email",),
    ),
    "short-page-two-paragraphs": Page(
        "<div class='story'><p>The ferry will run twice a day from March.</p>"
        "<p>The council meets the operator on Thursday.</p></div>"
        "<div class='ad'>Advertisement</div><div id='menu'><a href='/a'>Archive</a> "
        "<a href='/b'>Contact</a></div>",
        deliberate=("Advertisement", "Archive Contact"),
    ),
    # Wrappers whose class or id names an ad or a sidebar hold the article all the same;
    # a whole page inside a <form>; an article's own header and footer; hidden text.
    "wrappers-and-forms": Page(
        "<form id='pageForm' action='/post'><input type='hidden' name='state' value='1'>"
        "<div id='page' class='layout has-sidebar no-ads'><div class='content'>"
        "<article><header><h1>Ferry service cut</h1>"
        "<p class='standfirst'>Two crossings a day instead of six from March.</p></header>"
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "<div style='display: none'>A paragraph the page keeps hidden from readers.</div>"
        "<p hidden>Another hidden paragraph.</p>"
        "<p>Commuters said they would have to find rooms <a href='/r'>on the mainland"
        "<span class='sr-only'> (opens in a new window)</span></a>.</p>"
        "<footer><p>Reporting by Ilse Varn.</p><ul class='tags'><li><a href='/t/f'>Ferries</a>"
        "</li></ul></footer></article></div>"
        "<div class='sidebar'><h4>Most read</h4><ol><li><a href='/1'>Harbour dues</a></li></ol>"
        "</div></div></form>",
        deliberate=("Most read", "Harbour dues", "Ferries"),
    ),
    # Custom or unknown elements inside a sentence run on with it.
    "custom-inline": Page(
        "<article><h1>Ferry service cut</h1>"
        "<p>The <x-term>operator</x-term> blamed <glossary-word data-id='3'>bunker</glossary-word>"
        " fuel prices for the cut.</p>"
        "<div>Tickets bought <x-note>before March</x-note> stay valid.</div>"
        "<p>Commuters said they would have to find rooms on the mainland.</p></article>"
    ),
    # An old page laid out in a table: the menu's cell and the article's never run together;
    # a figure whose credit is a link keeps it.
    "layout-table": Page(
        "<table><tr><td class='left'><a href='/'>Start</a><br><a href='/old'>Older news</a></td>"
        "<td>The island ferry will run only twice a day from March, the operator said.<br>"
        "Commuters said they would have to find rooms on the mainland.<br>"
        "<figure><img src='f.jpg'><figcaption>Photo: <a href='/p/ilse'>Ilse Varn</a>"
        "</figcaption></figure>The council meets the operator on Thursday.</td></tr></table>",
        deliberate=("Start", "Older news"),
    ),
    # Broken markup: unclosed paragraphs, stray end tags, text loose in the body.
    "broken": Page(
        "<div><p>The ferry will run twice a day from March, the operator announced.<p>"
        "Commuters were angry.</span></div></div><p>Some said they would move to the "
        "mainland.</p></p>Loose text in the page body after the article, with no tag at all."
        "<p>The council meets the operator on Thursday to discuss the new timetable.",
    ),
    # Text after the body's end, after the page's end and in a second body: a browser
    # shows it at the end of the body.
    "text-after-body": Page(
        ARTICLE,
        ending="</body>\n<p>The ministry must still approve the deal, an official said.</p>\n"
        "Loose words after the body said the vote was close.</html>\n",
    ),
    "text-after-html": Page(
        ARTICLE,
        ending="</body></html>\n<p>The ministry must still approve the deal, an official said.</p>"
        "\n<div class='ad'>Advertisement</div>Loose words after the page said the vote was close.",
        deliberate=("Advertisement",),
    ),
    "second-body": Page(
        ARTICLE,
        ending="</body><body class='late'><p>The ministry must still approve the deal, an "
        "official said.</p><nav><a href='/m'>More news</a></nav></body></html>",
        deliberate=("More news",),
    ),
    "second-page-after-html": Page(
        ARTICLE,
        ending="</body></html><html><head><title>Late title</title><style>p{}</style></head>"
        "<body><h2>The deal</h2><p>The ministry must still approve the deal, an official said."
        "</p></body></html>",
    ),
}


def check(name: str, page: Page) -> None:
    source = html(page)
    article = read_html_article(source.encode(), f"{name}.html")
    stored = article.text.split("\n\n")
    visible = VisibleText.of(source)
    deliberate = (*ALWAYS_DELIBERATE, *page.deliberate)
    positions = []
    for piece in visible:
        homes = [i for i, paragraph in enumerate(stored) if piece in paragraph]
        if homes:  # a piece the page repeats (a pull quote) may sit in an earlier one
            later = [i for i in homes if not positions or i >= positions[-1]]
            positions.append((later or homes)[0])
        elif piece in page.reported:
            assert any(piece in note for note in article.notes), (name, piece, article.notes)
        else:
            assert piece in deliberate, (name, piece, stored)
    assert positions == sorted(positions), (name, stored)
    # Nothing stored that the page does not show, nothing left out on purpose stored.
    shown = [p for p in visible if p not in deliberate]
    for paragraph in stored:
        rest = paragraph
        for piece in shown:
            rest = rest.replace(piece, "", 1) if piece in rest else rest
        assert not rest.strip(" "), (name, paragraph, rest)
    for word in deliberate:
        assert word not in article.text, (name, word)
    for piece in page.reported:
        assert piece not in article.text


@pytest.mark.parametrize("name", sorted(PAGES))
def test_visible_text_is_stored_left_out_on_purpose_or_reported(name: str) -> None:
    check(name, PAGES[name])


def test_the_reader_sees_what_a_browser_shows() -> None:
    # The independent reader itself: blocks, line breaks, hidden and unseen elements.
    page = (
        "<body><p>One <b>two</b><br>three</p><script>x()</script><div hidden>gone</div>"
        "<template><p>also gone</p></template><ul><li>four</li></ul>five</body>"
    )
    assert VisibleText.of(page) == ["One two", "three", "four", "five"]


def test_a_caption_stays_whole_and_a_comment_splits_nothing() -> None:
    article = read_html_article(html(PAGES["comments-cdata-wbr"]).encode(), "c.html")
    paragraphs = article.text.split("\n\n")
    assert "Troops of volunteers arrived on Monday to help at the pier." in paragraphs
    assert (
        "The operator blamed rising fuel costs for the decision, its chief executive said."
        in paragraphs
    )
    assert "Passengers queued for an hour before the first sailing." in paragraphs
    assert "A spokeswoman called the cut temporary and regrettable." in paragraphs
    article = read_html_article(html(PAGES["inline-breaks"]).encode(), "i.html")
    assert (
        "The last crossing now leaves at six, two hours earlier than before, "
        "the timetable shows." in article.text.split("\n\n")
    )
    article = read_html_article(html(PAGES["figure-div-captions"]).encode(), "f.html")
    for caption in ("The ferry at the north pier.", "Photo: Mara Lind", "Quay.", "Route map"):
        assert caption in article.text.split("\n\n") or caption in article.text
    assert article.notes == ()


def test_a_table_row_is_one_paragraph_and_a_list_item_one_each() -> None:
    article = read_html_article(html(PAGES["aside-lists-tables-details"]).encode(), "t.html")
    paragraphs = article.text.split("\n\n")
    for expected in (
        "Sailing Passengers",
        "Morning 240",
        "Evening 310",
        "Morning sailing at 7:10",
        "Evening sailing at 18:00",
        "How we counted",
    ):
        assert expected in paragraphs
    assert "|" not in article.text and "- " not in article.text
    # The pull quote that repeats the text is not noted; the box that does not, is.
    assert len(article.notes) == 1 and "ferry link since the railway" in article.notes[0]


def test_inline_custom_elements_split_no_sentence() -> None:
    article = read_html_article(html(PAGES["custom-inline"]).encode(), "x.html")
    paragraphs = article.text.split("\n\n")
    assert "The operator blamed bunker fuel prices for the cut." in paragraphs
    assert "Tickets bought before March stay valid." in paragraphs


def test_an_ad_named_wrapper_keeps_the_article_and_hidden_text_stays_out() -> None:
    article = read_html_article(html(PAGES["wrappers-and-forms"]).encode(), "w.html")
    assert article.text.split("\n\n") == [
        "Ferry service cut",
        "Two crossings a day instead of six from March.",
        "The island ferry will run only twice a day from March, the operator said.",
        "Commuters said they would have to find rooms on the mainland.",
        "Reporting by Ilse Varn.",
    ]
    assert article.notes == ()


def test_ruby_keeps_the_base_text() -> None:
    page = (
        "<html><body><article><p><ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>の"
        "フェリーは三月から一日二便に減る。</p></article></body></html>"
    )
    article = read_html_article(page.encode(), "r.html")
    assert article.text == "港のフェリーは三月から一日二便に減る。"


def test_a_headline_above_the_article_is_its_title_and_a_byline_is_reported() -> None:
    page = (
        "<html><head><title>Ferry service cut to two crossings a day</title></head><body>"
        "<div class='top'><h1>Ferry service cut to two crossings a day</h1>"
        "<div class='meta'>By Ilse Varn | 4 March 2025</div></div><div class='body'>"
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "<p>Commuters said they would have to find rooms on the mainland.</p></div>"
        "</body></html>"
    )
    article = read_html_article(page.encode(), "t.html")
    assert article.title == "Ferry service cut to two crossings a day"
    assert article.notes == (
        "text outside the article on the page was left out: “By Ilse Varn | 4 March 2025”",
    )


def test_loose_text_before_the_article_is_reported_whatever_the_title() -> None:
    page = (
        "<html><head><title>F</title></head><body>Volunteers arrived <!-- slot --> on Monday."
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "<p>Commuters said they would have to find rooms on the mainland.</p></body></html>"
    )
    article = read_html_article(page.encode(), "l.html")
    stored = "Volunteers arrived on Monday." in article.text.split("\n\n")
    noted = any("“Volunteers arrived on Monday.”" in note for note in article.notes)
    assert stored or noted


def test_a_layout_table_cell_is_laid_out_like_a_block() -> None:
    article = read_html_article(html(PAGES["layout-table"]).encode(), "l.html")
    assert article.text.split("\n\n") == [
        "The island ferry will run only twice a day from March, the operator said.",
        "Commuters said they would have to find rooms on the mainland.",
        "Photo: Ilse Varn",
        "The council meets the operator on Thursday.",
    ]


def test_controls_between_words_keep_them_apart_and_object_fallbacks_are_reported() -> None:
    page = (
        "<html><body><article><p>Tickets cost four euros<input type='text'>at the pier.</p>"
        "<object data='timetable.swf'><param name='q' value='1'>"
        "<p>The player shows the winter timetable here.</p></object>"
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "</article></body></html>"
    )
    article = read_html_article(page.encode(), "o.html")
    assert article.text.split("\n\n") == [
        "Tickets cost four euros at the pier.",
        "The island ferry will run only twice a day from March, the operator said.",
    ]
    assert article.notes == (
        "text shown in place of an embedded object on the page was left out: "
        "“The player shows the winter timetable here.”",
    )


def test_a_page_of_asides_alone_is_stored_rather_than_refused() -> None:
    page = (
        "<html><body><aside><p>The island ferry will run only twice a day from March.</p>"
        "</aside></body></html>"
    )
    article = read_html_article(page.encode(), "a.html")
    assert article.text == "The island ferry will run only twice a day from March."


# Generated pages: sentences put in every kind of block and wrapper, split by inline
# elements, comments, CDATA, <wbr> and line ends, between ads, menus and scripts.
SENTENCES = (
    "The ferry left the north pier at dawn with forty cars aboard.",
    "Fares rose by a fifth in the spring.",
    "Nobody was hurt.",
    "The council met twice.",
    "Residents complained about the noise from the new terminal building.",
    "Work stopped in May.",
    "A spokesman declined to comment on the figures.",
    "Crews repainted the hull over the winter.",
    "Quay.",
)
FURNITURE = (
    "<div class='ad'>Advertisement</div>",
    "<div class='share'><a href='/s'>Share</a> <a href='/e'>Email</a></div>",
    "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>",
    "<div class='cookie-banner'><p>We use cookies.</p><button>OK</button></div>",
    "<script>var tracker = 1;</script>",
    "<noscript><p>Enable scripts please.</p></noscript>",
    "<template><p>Template words.</p></template>",
)
LEAKS = ("Advertisement", "Share", "Home", "cookies", "Enable scripts", "Template", "tracker")
WRAPPERS = (
    "<article>{}</article>",
    "<main>{}</main>",
    "<div class='story'>{}</div>",
    "{}",
    "<article-body>{}</article-body>",
    "<div id='page' class='page with-sidebar'><div>{}</div></div>",
)

ENDINGS = (
    "{}</body></html>",
    "</body>{}</html>",
    "</body></html>\n{}",
    "</body><body>{}</body></html>",
    "</body></html><html><body>{}</body></html>",
)


def _split(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    if len(words) < 3:
        return sentence
    cut = rng.randrange(1, len(words) - 1)
    head, tail = " ".join(words[:cut]), " ".join(words[cut:])
    first, _, rest = tail.partition(" ")
    return rng.choice(
        [
            f"{head} <!-- slot --> {tail}",
            f"{head} <![CDATA[x]]> {tail}",
            f"{head} {tail[:2]}<wbr>{tail[2:]}",
            f"{head}\n   {tail}",
            f"{head} <em>{first}\n <strong>{rest}</strong></em>",
            f"{head} <a href='/x'>{first}</a> {rest}",
            f"{head} <b>{tail}</b>",
            f"{head} <x-term>{tail}</x-term>",
        ]
    )


def _block(text: str, rng: random.Random) -> str:
    return rng.choice(
        [
            "<p>{}</p>",
            "<div>{}</div>",
            "<ul><li>{}</li></ul>",
            "<figure><img src='a.jpg'><figcaption>{}</figcaption></figure>",
            "<figure><picture><source srcset='a.webp'><img src='a.jpg'></picture>"
            "<div class='caption'>{}</div></figure>",
            "<figure><img src='a.jpg'><span class='credit'>{}</span></figure>",
            "<story-para>{}</story-para>",
            "<blockquote>{}</blockquote>",
            "<h2>{}</h2>",
            "<table><tr><td>{}</td><td>12</td></tr></table>",
            "<details><summary>More</summary><p>{}</p></details>",
        ]
    ).format(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_pages_lose_no_sentence_silently(rng: random.Random) -> None:
    sentences = rng.sample(SENTENCES, rng.randint(1, 6))
    parts = [_block(_split(s, rng), rng) for s in sentences]
    for _ in range(rng.randint(0, 3)):
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(FURNITURE))
    # The last parts may come after the body's end, after the page's end or in a second body.
    cut = rng.randint(1, len(parts))
    body = rng.choice(WRAPPERS).format("".join(parts[:cut]))
    ending = rng.choice(ENDINGS).format("".join(parts[cut:]))
    page = f"<html><head><title>Ferry</title></head><body>{SITE}{body}{FOOT}{ending}"
    article = read_html_article(page.encode(), "generated.html")
    paragraphs = article.text.split("\n\n")
    for sentence in sentences:
        stored = any(sentence in paragraph for paragraph in paragraphs)
        assert stored or any(sentence in note for note in article.notes), (page, paragraphs)
    for word in (*LEAKS, *SITE_WORDS, *FOOT_WORDS):
        assert word not in article.text, (page, word)


def test_a_standfirst_in_a_header_above_the_article_is_kept() -> None:
    page = (
        "<html><head><title>Ferry</title></head><body>"
        "<header class='site'><div class='logo'>Valley Ledger</div><nav><a href='/'>Home</a>"
        "</nav></header><header class='article-header'><h1>Ferry service cut</h1>"
        "<p class='standfirst'>The operator blamed fuel costs and a shortage of crews.</p>"
        "</header><article>"
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "<p>Commuters said they would have to find rooms on the mainland.</p>"
        "</article></body></html>"
    )
    article = read_html_article(page.encode(), "s.html")
    paragraphs = article.text.split("\n\n")
    assert "The operator blamed fuel costs and a shortage of crews." in paragraphs
    assert "Valley Ledger" not in article.text and "Home" not in article.text
    assert paragraphs[0] == "Ferry service cut"


def test_a_short_paragraph_in_main_after_the_last_matched_one_stays() -> None:
    page = (
        "<html><head><title>Ferry</title></head><body><main><details><summary>More</summary>"
        "<p>Residents complained about the noise from the new terminal building.</p>"
        "</details><p>Map below.</p></main></body></html>"
    )
    article = read_html_article(page.encode(), "m.html")
    assert article.text.split("\n\n")[-1] == "Map below."


def test_a_paragraph_after_the_pages_end_is_article_text_in_its_place() -> None:
    page = (
        "<!doctype html><html><head><title>Port deal</title></head><body><article>"
        "<h1>Port operator agrees to buy the north quay</h1>"
        "<p>The port operator agreed on Tuesday to buy the north quay from the city.</p>"
        "<p>The city council voted for the sale by a narrow margin after a long debate.</p>"
        "</article></body></html>\n<p>The ministry must still approve the deal, an official"
        " said.</p>\n"
    )
    article = read_html_article(page.encode(), "p.html")
    assert article.text.split("\n\n") == [
        "Port operator agrees to buy the north quay",
        "The port operator agreed on Tuesday to buy the north quay from the city.",
        "The city council voted for the sale by a narrow margin after a long debate.",
        "The ministry must still approve the deal, an official said.",
    ]
    assert article.notes == ()


def test_white_space_after_the_pages_end_changes_nothing() -> None:
    page = "<html><body><p>The ferry will run twice a day from March.</p></body></html>"
    plain = read_html_article(page.encode(), "a.html")
    padded = read_html_article((page + "\n\n  \n").encode(), "b.html")
    assert padded.text == plain.text == "The ferry will run twice a day from March."
    assert padded.notes == plain.notes == ()


def test_a_table_row_of_figures_left_out_of_the_text_is_reported() -> None:
    """A row of a table in the article (a label and a count) that the extractor leaves
    out is told in a note: a figure is never dropped silently."""
    page = (
        "<html><head><title>Ferry</title></head><body>"
        "<header><div class='masthead'>The Valley Ledger</div><nav><ul>"
        "<li><a href='/'>Front page</a></li><li><a href='/towns'>Towns</a></li></ul></nav>"
        "</header><main><table><tr><td>Berth.</td><td>17</td></tr></table>"
        "<details><summary>More</summary><p>Fares rose by a fifth in the spring.</p></details>"
        "</main><footer><p>Valley Ledger, 4 Mill Lane</p><a href='/privacy'>Privacy</a>"
        "</footer></body><body><p>Residents complained about the noise from the new terminal "
        "building.</p><div class='cookie-banner'><p>We use cookies.</p><button>OK</button></div>"
        "</body></html>"
    )
    article = read_html_article(page.encode(), "row.html")
    paragraphs = article.text.split("\n\n")
    if not any("Berth." in p for p in paragraphs):
        assert any("Berth." in note and "17" in note for note in article.notes), article.notes
    assert "Residents complained about the noise from the new terminal building." in paragraphs
