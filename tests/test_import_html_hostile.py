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
