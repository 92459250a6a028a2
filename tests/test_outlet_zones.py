"""A byline's time without a zone is read in the outlet's zone, said to be assumed."""

from __future__ import annotations

import pytest

from db.importing.bylines import zone_of_language, zone_of_url
from db.importing.html import read_html_article

STORY = "<p>Exports rose 6 percent in December, the trade ministry said on Monday.</p>"


def _page(head: str, byline: str, lang: str = "en") -> bytes:
    return (
        f"<html lang='{lang}'><head><title>Exports</title>{head}</head><body><article>"
        f"<p class='date'>{byline}</p>{STORY}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.koreaherald.com/view.php?ud=2025011300123",
        "https://english.chosun.com/site/data/html_dir/2025/01/13/x.html",
        "https://koreajoongangdaily.joins.com/news/2025-01-13/x",
    ],
)
def test_a_korean_outlet_on_a_com_address_is_read_in_seoul(url: str) -> None:
    head = f"<link rel='canonical' href='{url}'>"
    article = read_html_article(_page(head, "Published: 13 Jan. 2025, 11:17"), "x.html")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-01-13T02:17:00+00:00"
    assert (article.published_offset, article.published_zone) == (540, "KST (assumed)")


def test_a_korean_page_without_an_address_is_read_in_seoul() -> None:
    article = read_html_article(_page("", "입력 2025.01.13 11:17", lang="ko-KR"), "ko.html")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-01-13T02:17:00+00:00"
    assert article.published_zone == "KST (assumed)"


def test_a_zone_the_page_names_is_kept_and_an_unknown_place_stays_as_given() -> None:
    named = read_html_article(
        _page("", "Published: 13 Jan. 2025, 11:17 GMT", lang="ko"), "named.html"
    )
    assert named.published_at is not None and named.published_offset == 0
    assert named.published_at.isoformat() == "2025-01-13T11:17:00+00:00"
    head = "<link rel='canonical' href='https://news.example.com/x'>"
    plain = read_html_article(_page(head, "Published: 13 Jan. 2025, 11:17"), "plain.html")
    assert plain.published_at is not None and plain.published_zone == ""
    assert plain.published_at.isoformat() == "2025-01-13T11:17:00+00:00"


def test_the_zone_tables() -> None:
    assert zone_of_url("https://WWW.KoreaHerald.com./x") == "Asia/Seoul"
    assert zone_of_url("https://notkoreaherald.com/x") is None  # a label, not a suffix
    assert zone_of_url("https://en.yna.co.kr/x") == "Asia/Seoul"
    assert zone_of_language("da-DK") == "Europe/Copenhagen"
    assert zone_of_language("en") is None and zone_of_language("ru") is None
