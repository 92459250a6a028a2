"""Legacy encodings are recognised and named; damaged UTF-8 and mojibake are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.cli import run
from db.errors import InvalidInput
from db.importing.encodings import label
from db.importing.html import read_html_article
from db.importing.text import decode_text, read_text_article

# Written for these tests, one per script.
SAMPLES = {
    "euc-kr": "북한군 1만5000명이 러시아에 파병되었다고 국가정보원이 밝혔다. 군인들은 훈련 중이다.",
    "cp1251": "Министр обороны сообщил, что до 15 тысяч военных прибыли в Курскую область.",
    "koi8-r": "Министр обороны сообщил, что до 15 тысяч военных прибыли в Курскую область.",
    "shift_jis": "北朝鮮の兵士約1万人がロシアに派遣されたと韓国の情報機関が発表した。",
    "gb18030": "韩国国家情报院称，朝鲜已向俄罗斯派遣约一万名士兵。",
    "iso8859-2": "Minister obrony powiedział, że żołnierze przybyli już w październiku.",
    "cp1256": "قال المتحدث إن 30 شاحنة وصلت أمس إلى الحدود.",
}


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
def test_legacy_encodings_are_recognised(encoding: str) -> None:
    text = SAMPLES[encoding]
    decoded, found = decode_text(text.encode(encoding), "story.txt")
    assert decoded == text
    assert "\ufffd" not in decoded
    assert label(found)  # a name to tell the analyst


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # Mostly ASCII English: the pound sign must not become a Polish "Ł".
        (
            "Repairs will cost £45 million to £60 million, the council said. “We’re ready.”",
            "cp1252",
        ),
        ("Skaderne kan løbe op i 1,2 milliarder kroner, oplyser Forsikring & Pension.", "cp1252"),
        ("Minister obrony powiedział, że żołnierze przybyli już w październiku.", "cp1250"),
    ],
)
def test_latin_code_pages_are_told_apart_by_their_letters(text: str, encoding: str) -> None:
    decoded, _ = decode_text(text.encode(encoding), "story.txt")
    assert decoded == text


@pytest.mark.parametrize(
    "data",
    [
        # UTF-8 with one damaged sequence among valid ones.
        "Министр said 1,500 soldiers".encode() + b"\xc3\x28" + " — and more".encode(),
        # UTF-8 cut in the middle of a character.
        "Seoul: 북한군 1만5000명".encode()[:-1],
    ],
)
def test_damaged_utf8_is_refused_with_the_offset(data: bytes) -> None:
    with pytest.raises(InvalidInput, match=r"offset \d+") as info:
        decode_text(data, "damaged.txt")
    assert "damaged UTF-8" in str(info.value)


def test_mixed_utf8_and_windows_1252_is_refused_not_garbled() -> None:
    # "é" written as UTF-8, "€" as Windows-1252: any one reading garbles a part.
    mixed = "Café".encode() + " costs 3 €.".encode("cp1252")
    with pytest.raises(InvalidInput, match="offset 14"):
        decode_text(mixed, "mixed.txt")


def test_the_analyst_names_the_encoding() -> None:
    data = SAMPLES["koi8-r"].encode("koi8-r")
    article = read_text_article(data, "ru.txt", encoding="koi8-r")
    assert article.text == SAMPLES["koi8-r"] and article.encoding == "koi8-r"
    with pytest.raises(InvalidInput, match="is not UTF-8: the byte at offset 0"):
        read_text_article(data, "ru.txt", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not an encoding"):
        read_text_article(data, "ru.txt", encoding="martian-7")


def test_html_whose_declared_charset_lies_is_not_read_with_replacement_marks() -> None:
    body = f"<p>{SAMPLES['cp1251']}</p>"
    page = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    article = read_html_article(page.encode("cp1251"), "ru.html")
    assert SAMPLES["cp1251"] in article.text and "\ufffd" not in article.text


def test_cli_names_the_encoding_and_takes_another(ws_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kr.txt"
    path.write_bytes(SAMPLES["euc-kr"].encode("euc-kr"))
    assert run(["--db", str(ws_path), "import", str(path)]) == 1  # held back
    err = capsys.readouterr().err
    assert "kr.txt: not imported: it is not UTF-8" in err and "EUC-KR" in err
    assert run(["--db", str(ws_path), "import", "--encoding", "euc-kr", str(path)]) == 0
    assert "not UTF-8" not in capsys.readouterr().err
    other = tmp_path / "ru.txt"
    other.write_bytes(SAMPLES["koi8-r"].encode("koi8-r"))
    assert run(["--db", str(ws_path), "import", "--encoding", "koi8-r", str(other)]) == 0
    assert "not UTF-8" not in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Министр".encode() + b"\xc3\x28" + "Министр".encode())
    assert run(["--db", str(ws_path), "import", str(bad)]) == 2
    assert "offset 14" in capsys.readouterr().err


def test_utf8_mixed_with_windows_1252_is_refused_not_read_as_windows_1250() -> None:
    from db.importing.encodings import recognise

    mixed = b"Caf\xc3\xa9 and then \x93quoted\x94 words and a \x85 broken \xc3 byte.\n"
    with pytest.raises(InvalidInput, match="offset 15"):
        recognise(mixed, "mixed.txt")  # "CafĂ©" was stored as Windows-1250


def test_polish_in_windows_1250_is_not_read_as_windows_1252() -> None:
    from db.importing.encodings import recognise

    text = "Minister powiedział w poniedziałek, że ewakuowano 300 osób. Żołnierze pomagają.\n"
    found = recognise(text.encode("cp1250"), "pl.txt")
    assert (found.text, found.encoding) == (text, "cp1250")  # not "powiedzia³"


def test_a_long_windows_1252_file_whose_sample_reads_best_as_another_latin_page() -> None:
    """On about 2 MiB of this text the detector ranks ISO 8859-2 first, in which the
    dash is a control character: the other Latin pages it found are tried."""
    from charset_normalizer import from_bytes

    from db.importing.encodings import LEGACY, recognise

    line = (
        "Kommunen oplyser, at udgifterne steg med 12 % til 4,5 mio. kr. i år – "
        "især på grund af højere priser på el og varme. Byrådets formand, Søren Ærø, "
        "siger: »Vi må prioritere«.\n"
    )
    data = (line * 12123).encode("cp1252")
    assert from_bytes(data, cp_isolation=list(LEGACY)).best().encoding == "iso8859_2"
    found = recognise(data, "budget.txt")
    assert found.encoding == "cp1252"
    assert found.text == line * 12123


def _strict_bad_utf8(data: bytes) -> tuple[int, int, int]:
    """What a strict decoder meets, restarted after each bad sequence (slow, exact)."""
    first, valid, bad, position = -1, 0, 0, 0
    while True:
        try:
            text = data[position:].decode("utf-8")
        except UnicodeDecodeError as exc:
            if first < 0:
                first = position + exc.start
            valid += sum(ord(ch) > 127 for ch in data[position:][: exc.start].decode("utf-8"))
            bad += 1
            position += exc.end
            continue
        return first, valid + sum(ord(ch) > 127 for ch in text), bad


@pytest.mark.parametrize("slice_bytes", [1, 2, 3, 5, 1 << 20])
def test_bad_utf8_is_found_and_counted_as_a_strict_decoder_would(
    slice_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read a slice at a time (slices of a few bytes cut sequences everywhere)."""
    import random

    import db.importing.encodings as encodings
    from db.importing.encodings import _first_bad_utf8

    monkeypatch.setattr(encodings, "_SLICE", slice_bytes)
    pieces = [b"a", b" ", b"\xc3\xa9", b"\xe2\x80\x94", b"\xf0\x9f\x98\x80", b"\xe9", b"\xe2\x80"]
    pieces += [b"\xff", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf0\x9f"]
    rng = random.Random(7)
    for _ in range(1500):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        first, valid, bad = _first_bad_utf8(data)
        want = _strict_bad_utf8(data)
        assert (first, valid) == want[:2], data
        if want[1] >= want[2]:  # mostly UTF-8: the damaged places are counted exactly
            assert bad == want[2], data
        else:  # another encoding: a count that still outnumbers the valid characters
            assert valid < bad <= want[2], data


@pytest.mark.parametrize("slice_bytes", [1, 3, 1 << 20])
def test_the_commonest_encoding_giving_the_text_compared_a_slice_at_a_time(
    slice_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.importing.encodings as encodings

    monkeypatch.setattr(encodings, "_SLICE", slice_bytes)
    text = "Le maire a dit : « 1 200 personnes » – puis il est parti.\n" * 3
    # ISO 8859-15 reads these bytes as Windows-1252 does: the commoner page is named
    assert encodings._commonest(text.encode("cp1252"), text, "iso8859-15") == "cp1252"
    # a text one byte longer is given by neither
    assert encodings._commonest(text.encode("cp1252") + b"x", text, "iso8859-15") == "iso8859-15"
    korean = "서울시는 1만5000명이 참가했다고 밝혔다.\n" * 2
    assert encodings._commonest(korean.encode("cp949"), korean, "euc_kr") == "cp949"
