"""The development set tests/fixtures/assist_ru_ko_dev/ is well formed: every file decodes in
the encoding it is stored in, carries the publication date and line ends its entry gives, every
mark reads back at its offsets in the stored text, every statement names its source, and the
marks come in the numbers its README gives.  Its scores are measured with
bench/assist_unseen.py.
"""

from __future__ import annotations

from pathlib import Path

from db.assist.reference import load_reference
from db.importing.text import decode_text, normalise_text

FOLDER = Path(__file__).parent / "fixtures" / "assist_ru_ko_dev"
# file: claims, of them dates, of them the outlet's own or hedged, quotations, attributions
COUNTS = {
    "ko_cabbage_prices.txt": (16, 8, 6, 4, 2),
    "ru_bus_fares.txt": (17, 7, 4, 2, 4),
}
LANGUAGES = {name: name[:2] for name in COUNTS}
CLAIM_KEYS = {"start", "end", "quote", "kind", "source", "relayed_by"}
STATEMENT_KEYS = ["start", "end", "quote", "kind", "source", "relayed_by"]


def _stored(name: str) -> tuple[str, str, str]:
    raw, encoding = decode_text((FOLDER / name).read_bytes(), name)
    return normalise_text(raw), encoding, raw


def test_the_files_and_their_encodings() -> None:
    reference = load_reference(FOLDER)
    assert sorted(reference) == sorted(COUNTS)
    assert sorted(p.name for p in FOLDER.glob("*.txt")) == sorted(COUNTS)
    for name, entry in reference.items():
        assert entry["language"] == LANGUAGES[name]
        text, encoding, raw = _stored(name)
        assert encoding == entry["detected_encoding"], name
        assert f"\nPublished: {entry['published']}\n" in text, name
        assert ("\r\n" in raw) == (entry["line_ends"] == "CRLF"), name


def test_every_mark_reads_back_at_its_offsets() -> None:
    for name, entry in load_reference(FOLDER).items():
        text, _, _ = _stored(name)
        for claim in entry["claims"]:
            assert CLAIM_KEYS <= set(claim), (name, claim["quote"])
            assert claim["kind"] in ("figure", "date"), (name, claim["quote"])
            assert text[claim["start"] : claim["end"]] == claim["quote"], name
            assert claim["source"] is None or claim["source"], (name, claim["quote"])
        for mark in entry["statements"]:
            assert sorted(mark) == sorted(STATEMENT_KEYS), (name, mark["quote"])
            assert mark["kind"] in ("attribution", "quotation"), (name, mark["quote"])
            assert mark["source"], (name, mark["quote"])
            assert text[mark["start"] : mark["end"]] == mark["quote"], name


def test_marked_in_the_numbers_the_readme_gives() -> None:
    for name, entry in load_reference(FOLDER).items():
        claims, statements = entry["claims"], entry["statements"]
        assert (
            len(claims),
            sum(c["kind"] == "date" for c in claims),
            sum(c["source"] is None for c in claims),
            sum(s["kind"] == "quotation" for s in statements),
            sum(s["kind"] == "attribution" for s in statements),
        ) == COUNTS[name], name
