"""The development sets tests/fixtures/assist_german_dev/, assist_ru_ko_dev/ and
assist_security_dev/ are well formed: every file decodes in the encoding it is stored in, carries
the publication date and line ends its entry gives, every mark reads back at its offsets in the
stored text, every statement names its source, and the marks come in the numbers its README
gives.  Their scores are measured with bench/assist_unseen.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.assist.reference import load_reference
from db.importing.text import decode_text, normalise_text

FIXTURES = Path(__file__).parent / "fixtures"
# folder: {file: claims, of them dates, of them the outlet's own or hedged, quotations,
# attributions}
SETS = {
    "assist_german_dev": {
        "de_hafenstreik.txt": (13, 5, 5, 2, 5),
        "de_mietanstieg.txt": (13, 5, 2, 2, 3),
        "de_stichwahl.txt": (14, 6, 8, 2, 4),
        "de_sturmschaeden.txt": (19, 8, 7, 2, 4),
        "en_energy_bills.txt": (12, 5, 1, 4, 2),
    },
    "assist_ru_ko_dev": {
        "ko_cabbage_prices.txt": (16, 8, 6, 4, 2),
        "ru_bus_fares.txt": (17, 7, 4, 2, 4),
    },
    "assist_security_dev": {
        "de_hur_drohnen.txt": (18, 8, 4, 2, 3),
        "de_wehrdienst.txt": (20, 9, 5, 6, 2),
        "en_wire_casualties.txt": (24, 11, 6, 3, 3),
        "ko_engineers_source.txt": (16, 7, 8, 6, 4),
        "ko_jcs_missiles.txt": (21, 9, 9, 5, 4),
        "ko_nis_troops.txt": (24, 9, 8, 6, 2),
        "ru_kontrakt_istochniki.txt": (24, 13, 6, 3, 2),
        "ru_pvo_minoborony.txt": (25, 8, 4, 2, 2),
    },
}
CLAIM_KEYS = {"start", "end", "quote", "kind", "source", "relayed_by"}
STATEMENT_KEYS = ["start", "end", "quote", "kind", "source", "relayed_by"]


def _stored(folder: Path, name: str) -> tuple[str, str, str]:
    raw, encoding = decode_text((folder / name).read_bytes(), name)
    return normalise_text(raw), encoding, raw


@pytest.mark.parametrize("folder_name", sorted(SETS))
def test_the_files_and_their_encodings(folder_name: str) -> None:
    folder, counts = FIXTURES / folder_name, SETS[folder_name]
    reference = load_reference(folder)
    assert sorted(reference) == sorted(counts)
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted(counts)
    for name, entry in reference.items():
        assert entry["language"] == name[:2]
        text, encoding, raw = _stored(folder, name)
        assert encoding == entry["detected_encoding"], name
        assert f"\nPublished: {entry['published']}\n" in text, name
        assert ("\r\n" in raw) == (entry["line_ends"] == "CRLF"), name


@pytest.mark.parametrize("folder_name", sorted(SETS))
def test_every_mark_reads_back_at_its_offsets(folder_name: str) -> None:
    folder = FIXTURES / folder_name
    for name, entry in load_reference(folder).items():
        text, _, _ = _stored(folder, name)
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


@pytest.mark.parametrize("folder_name", sorted(SETS))
def test_marked_in_the_numbers_the_readme_gives(folder_name: str) -> None:
    for name, entry in load_reference(FIXTURES / folder_name).items():
        claims, statements = entry["claims"], entry["statements"]
        assert (
            len(claims),
            sum(c["kind"] == "date" for c in claims),
            sum(c["source"] is None for c in claims),
            sum(s["kind"] == "quotation" for s in statements),
            sum(s["kind"] == "attribution" for s in statements),
        ) == SETS[folder_name][name], name
