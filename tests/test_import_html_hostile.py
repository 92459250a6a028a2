"""Hostile and broken pages: every visible paragraph is stored, in order, as its own paragraph.

Each page below was written for this test.  ``VISIBLE`` lists what a reader of
the page sees as article text; ``HIDDEN`` what is dropped on purpose (scripts,
styles, navigation, embedded data).
"""

from __future__ import annotations

import pytest

from db.importing.html import read_html_article

P1 = "The first paragraph reports that 1,500 soldiers crossed the river on Monday."
P2 = "A second paragraph follows the embedded player and must not be lost at all."
P3 = "The photo caption says the convoy was seen near the border before dawn."
P4 = "A closing paragraph notes that officials declined to comment on the figures."
NAV = "Home News Sport Weather"
SCRIPT = "var tracking = 1;"


def _page(middle: str) -> bytes:
    return (
        "<!doctype html><html><head><title>Convoy</title><script>"
        + SCRIPT
        + "</script></head><body><nav>"
        + NAV
        + "</nav><article>"
        + middle
        + "</article></body></html>"
    ).encode()


PAGES = {
    "embed": f"<p>{P1}</p><embed src='player.swf'><p>{P2}</p>"
    f"<figure><img src='a.png'><figcaption>{P3}</figcaption></figure><p>{P4}</p>",
    "video-source-track": f"<p>{P1}</p><video><source src='v.mp4'><track src='t.vtt'></video>"
    f"<p>{P2}</p><figure><figcaption>{P3}</figcaption></figure><p>{P4}</p>",
    "wbr-param": f"<p>{P1}</p><object><param name=a value=b></object>"
    f"<p>{P2.replace('embedded', 'embed<wbr>ded')}</p><p>{P3}</p><p>{P4}</p>",
    "unclosed": f"<p>{P1}<p>{P2}<div><p>{P3}</div><p>{P4}",
    "custom-elements": f"<story-body><p>{P1}</p><ad-slot></ad-slot><p>{P2}</p></story-body>"
    f"<x-caption><p>{P3}</p></x-caption><p>{P4}</p>",
    "area-map": f"<p>{P1}</p><map><area shape=rect href='#'></map>"
    f"<p>{P2}</p><p>{P3}</p><p>{P4}</p>",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_visible_paragraph_is_stored(name: str) -> None:
    article = read_html_article(_page(PAGES[name]), f"{name}.html")
    paragraphs = article.text.split("\n\n")
    positions = []
    for sentence in (P1, P2, P3, P4):
        assert sentence in paragraphs, (name, sentence, paragraphs)
        positions.append(paragraphs.index(sentence))
    assert positions == sorted(positions)
    assert NAV not in article.text and SCRIPT not in article.text


def test_a_byline_time_on_a_korean_outlet_keeps_its_time_and_zone() -> None:
    page = (
        "<html><head><title>Troops</title>"
        "<meta property='og:site_name' content='Yonhap News Agency'>"
        "<meta property='article:published_time' content='2025-01-13'>"
        "<link rel='canonical' href='https://en.yna.co.kr/view/AEN20250113'></head>"
        f"<body><article><p class='byline'>Published: 13 Jan. 2025, 11:17</p><p>{P1}</p>"
        "</article></body></html>"
    )
    article = read_html_article(page.encode(), "yonhap.html")
    # 11:17 in Seoul (UTC+9), said to be assumed from the outlet's address.
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-01-13T02:17:00+00:00"
    assert (article.published_offset, article.published_zone) == (540, "KST (assumed)")


def test_a_named_zone_is_kept_and_a_day_without_byline_stays_a_day() -> None:
    named = (
        "<html><head><link rel='canonical' href='https://www.kyivindependent.com/x'></head>"
        f"<body><p>Updated: 18 Oct 2024 14:10 KST</p><p>{P1}</p></body></html>"
    )
    article = read_html_article(named.encode(), "named.html")
    assert article.published_zone == "KST" and article.published_offset == 540
    plain = (
        "<html><head><meta property='article:published_time' content='2024-10-18'>"
        f"</head><body><p>{P1}</p></body></html>"
    )
    article = read_html_article(plain.encode(), "plain.html")
    assert article.published_at is not None and article.published_zone == ""


SHORT = ["Work stopped in May.", "Nobody was hurt.", "Costs rose by 12%.", "The mayor agreed."]


@pytest.mark.parametrize("at", range(len(SHORT) + 1))
def test_short_paragraphs_beside_a_figure_keep_their_breaks(at: int) -> None:
    blocks = [f"<p>{s}</p>" for s in SHORT]
    caption = "<figcaption>A crane on the quay.</figcaption>"
    blocks.insert(at, f"<figure><img src='crane.png'>{caption}</figure>")
    page = "<html><head><title>Harbour</title></head><body><article><h1>Harbour works</h1>"
    page += "".join(blocks) + "</article></body></html>"
    paragraphs = read_html_article(page.encode(), "harbour.html").text.split("\n\n")
    expected = ["Harbour works", *SHORT]
    expected.insert(at + 1, "A crane on the quay.")
    assert paragraphs == expected


def test_two_line_breaks_end_a_paragraph_and_one_is_a_space() -> None:
    blocks = "<br><br>".join(SHORT[:3]) + "<br>" + SHORT[3]
    caption = "<figcaption>A crane on the quay.</figcaption>"
    page = "<html><head><title>Harbour</title></head><body><article><h1>Harbour works</h1>"
    page += (
        f"<figure><img src='crane.png'>{caption}</figure><p>{blocks}</p></article></body></html>"
    )
    paragraphs = read_html_article(page.encode(), "harbour.html").text.split("\n\n")
    assert paragraphs == [
        "Harbour works",
        "A crane on the quay.",
        SHORT[0],
        SHORT[1],
        f"{SHORT[2]} {SHORT[3]}",
    ]
