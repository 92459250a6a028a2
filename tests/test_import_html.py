"""HTML import: main text, metadata, charsets, broken markup, no fetching."""

from __future__ import annotations

import builtins
import datetime as dt
import http.server
import io
import os
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from db.articles import article_text, list_articles
from db.errors import InvalidInput
from db.importing import import_file, read_file
from db.importing.html import read_html_article

PARAS = [
    "The ministry said on Tuesday that 3,000 soldiers had crossed the border overnight.",
    "Officials in the capital did not confirm the figure, citing an ongoing review of the data.",
    "Independent monitors counted at least twelve convoys moving along the main highway.",
]


def page(body: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Troops cross border | Daily Example</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


FULL_HEAD = """
<link rel="canonical" href="https://daily.example/world/troops">
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="Troops cross border">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-10-05T10:30:00+02:00">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "JSONLD-SECRET"}</script>
<style>p { color: red } .STYLE-SECRET {}</style>
"""


def article_body() -> str:
    return (
        "<nav><a href='/'>Home NAV-SECRET</a><a href='/world'>World</a></nav>"
        "<article><h1>Troops cross border</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "<script>var SCRIPT_SECRET = 1;</script></article>"
        "<footer>FOOTER-SECRET all rights reserved</footer>"
    )


def test_text_and_metadata():
    new = read_html_article(page(article_body(), FULL_HEAD).encode(), "troops.html")
    assert new.format == "html"
    assert new.title == "Troops cross border"
    assert new.author == "Jane Roe"
    assert new.outlet == "Daily Example"
    assert new.url == "https://daily.example/world/troops"
    assert new.published_at == dt.datetime(2024, 10, 5, 8, 30, tzinfo=dt.UTC)
    assert new.published_at.tzinfo is not None
    for para in PARAS:
        assert para in new.text
    # Paragraphs stay paragraphs.
    assert "\n\n".join(PARAS) in new.text
    for secret in ("SECRET", "color: red", "NewsArticle", "Home"):
        assert secret not in new.text


@pytest.mark.parametrize(
    ("charset_tag", "codec", "word"),
    [
        ('<meta charset="windows-1251">', "cp1251", "Министерство обороны сообщило"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            "latin-1",
            "Le café du ministère a confirmé",
        ),
        ('<meta charset="shift_jis">', "shift_jis", "防衛省は火曜日に発表した"),
    ],
)
def test_declared_charset_is_honoured(charset_tag, codec, word):
    text = f"{word}: "
    html = (
        f"<html><head>{charset_tag}<title>t</title></head><body><article>"
        f"<p>{text}{PARAS[0]}</p><p>{PARAS[1]}</p></article></body></html>"
    )
    new = read_html_article(html.encode(codec), "x.html")
    assert word in new.text


def test_undeclared_utf8_and_arabic():
    arabic = "قالت الوزارة إن الهجوم وقع صباح الثلاثاء في المدينة الساحلية الكبيرة"
    html = f"<html><body><article><p>{arabic}</p><p>{PARAS[0]}</p></article></body></html>"
    new = read_html_article(html.encode("utf-8"), "ar.html")
    assert arabic in new.text


def test_broken_markup_loses_no_paragraph():
    broken = (
        "<html><head><title>Broken</title><link rel=stylesheet href=x.css"
        "<body><div><article>"
        f"<p>{PARAS[0]}"
        f"<p>{PARAS[1]}</div></div>"
        f"<p>{PARAS[2]}</span></p></p>"
        "<div>A closing paragraph without any paragraph tag, long enough to matter here."
    )
    new = read_html_article(broken.encode(), "broken.html")
    for para in PARAS:
        assert para in new.text, para
    assert "A closing paragraph without any paragraph tag" in new.text
    assert new.text.count("\n\n") >= 2


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<p>REMOTE-CONTENT</p>")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    _Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def hostile_page(base: str, local: Path) -> str:
    return page(
        f"""
<article>
<p>{PARAS[0]} <img src="{base}/img.png" onerror="alert('ONERROR-SECRET')"></p>
<p style="background: url({base}/bg.png)">{PARAS[1]}</p>
<iframe src="{base}/frame.html">IFRAME-SECRET</iframe>
<object data="{base}/obj.swf">OBJECT-SECRET</object>
<p><a href="javascript:alert('JS-SECRET')">{PARAS[2]}</a>
<img src="file://{local}"><img src="{local}"><img src="file:///etc/passwd"></p>
<script src="{base}/app.js">SCRIPT-SECRET</script>
<script>fetch("{base}/xhr")</script>
</article>""",
        head=f"""
<link rel="stylesheet" href="{base}/style.css">
<link rel="preload" href="{base}/font.woff2">
<style>@import url("{base}/import.css"); body {{ background: url('{base}/b.png') }}</style>
<meta http-equiv="refresh" content="0; url={base}/refresh">
<base href="{base}/">
<!DOCTYPE x SYSTEM "{base}/dtd"><!ENTITY e SYSTEM "file:///etc/passwd">
""",
    )


def test_no_network_and_no_file_reads(server, tmp_path, monkeypatch):
    local = tmp_path / "local-secret.txt"
    local.write_text("LOCAL-FILE-SECRET", encoding="utf-8")
    html_path = tmp_path / "hostile.html"
    html_path.write_text(hostile_page(server, local), encoding="utf-8")
    read_file(html_path)  # warm-up: libraries load their own data files once
    opened: list[str] = []
    real_open, real_os_open, real_io_open = builtins.open, os.open, io.open

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_os_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    new = read_file(html_path)
    monkeypatch.setattr(builtins, "open", real_open)
    monkeypatch.setattr(io, "open", real_io_open)
    monkeypatch.setattr(os, "open", real_os_open)
    assert _Counter.hits == []
    assert str(html_path) in opened  # the spy sees file opens
    assert not [p for p in opened if p not in (str(html_path),) and not p.isdigit()]
    assert "passwd" not in " ".join(opened) and str(local) not in opened
    for para in PARAS:
        assert para in new.text
    for secret in ("SECRET", "REMOTE-CONTENT", "fetch(", "alert", "root:x:0"):
        assert secret not in new.text


def test_server_counts_requests(server):
    # The counting server itself works, so a zero above means something.
    import urllib.request

    with urllib.request.urlopen(f"{server}/probe") as response:
        assert response.status == 200
    assert _Counter.hits == ["/probe"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.html", bytes(range(256)) * 4, "binary"),
        ("plain.html", b"just some words, no markup at all, nothing else", "does not look like"),
        ("empty.htm", b"<html><body><script>x()</script></body></html>", "no article text"),
    ],
)
def test_bad_html_is_refused_and_nothing_stored(ws, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InvalidInput) as err:
        import_file(ws, path)
    assert name in str(err.value) and reason in str(err.value)
    assert list_articles(ws) == []


def test_import_stores_html_article(ws, tmp_path):
    path = tmp_path / "troops.htm"
    path.write_text(page(article_body(), FULL_HEAD), encoding="utf-8")
    info = import_file(ws, path)
    assert info.format == "html" and info.title == "Troops cross border"
    assert PARAS[2] in article_text(ws, info.id).text


def test_the_main_text_chooses_and_the_page_gives_the_words():
    from db.importing.html import _parse
    from db.importing.html_select import main_text, select
    from db.importing.html_walk import passages

    root = _parse(page(article_body()))
    items = passages(root)
    # The main text as an extractor may give it: two paragraphs run together, one split
    # mid-sentence, a menu taken along; the page's own passages are what is kept.
    main = ["Home World", f"{PARAS[0]} {PARAS[1]}", PARAS[2][:30], PARAS[2][30:]]
    kept = select(items, main_text(main)).kept
    assert [p.text for p in kept] == ["Troops cross border", *PARAS]
    # Nothing matched: the page's plain passages, links and the footer left out.
    assert [p.text for p in select(items, main_text([])).kept] == ["Troops cross border", *PARAS]


def test_title_without_site_name():
    head = '<meta property="og:site_name" content="Daily Example">'
    new = read_html_article(page(article_body(), head).encode(), "t.html")
    assert new.title == "Troops cross border"
    assert new.outlet == "Daily Example"


def test_seed_article_in_a_typical_page(seed_paths):
    from html import escape

    text = seed_paths[1].read_text(encoding="utf-8")
    paras = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    body = (
        "<header><div class='logo'>LOGO-SECRET</div><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li></ul></nav></header>"
        "<main><article><h1>Seed headline</h1><p class='byline'>By Jane Roe</p>"
        + "".join(f"<p>{escape(p)}</p>" for p in paras)
        + "</article><aside><h3>Related</h3><ul><li><a href='/x'>RELATED-SECRET story</a></li>"
        "</ul></aside></main><footer>© FOOTER-SECRET</footer>"
        "<script>window.dataLayer = []; // SCRIPT-SECRET</script>"
    )
    new = read_html_article(page(body, FULL_HEAD).encode(), "seed.html")
    for para in paras:
        assert para in new.text, para[:60]
    assert "\n\n".join(paras[:3]) in new.text
    assert "SECRET" not in new.text
