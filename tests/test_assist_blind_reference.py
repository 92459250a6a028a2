"""The held-out references tests/fixtures/assist_blind/, assist_blind2/, assist_blind3/,
assist_blind4/, assist_blind5/, assist_blind6/, assist_blind7/, assist_blind8/, assist_blind9/,
assist_blind10/, assist_blind11/ and assist_blind12/ are well formed: every file decodes in the
encoding it is stored in, every mark reads back at its offsets in the stored text, and every
statement names its source.  Their scores are measured with bench/assist_unseen.py only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.assist.reference import load_reference
from db.importing.text import decode_text, normalise_text

FIXTURES = Path(__file__).parent / "fixtures"
FOLDERS = [
    "assist_blind", "assist_blind2", "assist_blind3",
    "assist_blind4", "assist_blind5", "assist_blind6",
    "assist_blind7", "assist_blind8", "assist_blind9",
    "assist_blind10", "assist_blind11", "assist_blind12",
]  # fmt: skip
# claims, of them dates, quotations, attributions (as each README gives them)
COUNTS = {
    "assist_blind": (83, 26, 16, 22),
    "assist_blind2": (108, 39, 17, 12),
    "assist_blind3": (151, 49, 16, 12),
    "assist_blind4": (108, 37, 13, 19),
    "assist_blind5": (121, 45, 17, 19),
    "assist_blind6": (85, 28, 11, 11),
    "assist_blind7": (75, 27, 11, 11),
    "assist_blind8": (80, 28, 11, 12),
    "assist_blind9": (91, 35, 12, 15),
    "assist_blind10": (108, 43, 13, 12),
    "assist_blind11": (160, 65, 21, 24),
    "assist_blind12": (160, 56, 22, 20),
}
FIVE = ["ar", "da", "en", "ko", "ru"]
LANGUAGES = {name: FIVE for name in FOLDERS} | {
    "assist_blind5": sorted([*FIVE, "de"]),
    # two German articles and no Korean one
    "assist_blind9": sorted(["ar", "da", "de", "de", "en", "ru"]),
    "assist_blind10": sorted([*FIVE, "de"]),
    "assist_blind11": sorted([*FIVE, "de"]),
    "assist_blind12": sorted([*FIVE, "de"]),
}
CLAIM_KEYS = [
    "start", "end", "quote", "kind", "value", "value_max", "unit", "qualifier", "source",
    "relayed_by", "event_date", "hedge", "digits",
]  # fmt: skip
STATEMENT_KEYS = ["start", "end", "quote", "kind", "source", "relayed_by"]


def _stored(folder: Path, name: str) -> tuple[str, str]:
    data = (folder / name).read_bytes()
    text, encoding = decode_text(data, name)
    return normalise_text(text), encoding


@pytest.mark.parametrize("folder_name", FOLDERS)
def test_each_language_in_its_encoding(folder_name: str) -> None:
    folder = FIXTURES / folder_name
    reference = load_reference(folder)
    languages = sorted(entry["language"] for entry in reference.values())
    assert languages == LANGUAGES[folder_name]
    for name, entry in reference.items():
        text, encoding = _stored(folder, name)
        assert encoding == entry["detected_encoding"], name
        assert f"\nPublished: {entry['published']}\n" in text, name
        raw, _ = decode_text((folder / name).read_bytes(), name)
        assert ("\r\n" in raw) == (entry["line_ends"] == "CRLF"), name


@pytest.mark.parametrize("folder_name", FOLDERS)
def test_every_mark_reads_back_at_its_offsets(folder_name: str) -> None:
    folder = FIXTURES / folder_name
    for name, entry in load_reference(folder).items():
        text, _ = _stored(folder, name)
        for claim in entry["claims"]:
            assert list(claim) == CLAIM_KEYS, (name, claim["quote"])
            assert claim["kind"] in ("figure", "date"), (name, claim["quote"])
            assert text[claim["start"] : claim["end"]] == claim["quote"], name
        for mark in entry["statements"]:
            assert list(mark) == STATEMENT_KEYS, (name, mark["quote"])
            assert mark["kind"] in ("attribution", "quotation"), (name, mark["quote"])
            assert mark["source"], (name, mark["quote"])
            assert text[mark["start"] : mark["end"]] == mark["quote"], name


@pytest.mark.parametrize("folder_name", FOLDERS)
def test_marked_in_the_numbers_the_readme_gives(folder_name: str) -> None:
    reference = load_reference(FIXTURES / folder_name)
    claims = [c for entry in reference.values() for c in entry["claims"]]
    statements = [s for entry in reference.values() for s in entry["statements"]]
    total, dates, quotations, attributions = COUNTS[folder_name]
    assert len(claims) == total
    assert sum(c["kind"] == "date" for c in claims) == dates
    assert sum(s["kind"] == "quotation" for s in statements) == quotations
    assert sum(s["kind"] == "attribution" for s in statements) == attributions
