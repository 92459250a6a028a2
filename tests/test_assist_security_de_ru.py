"""How German and Russian security reporting attributes and dates what it reports, as read from
the German and Russian listings of the security development set.  Every text here is written for
these tests."""

from __future__ import annotations

import datetime as dt

from db.assist.attribution import extract_attributions
from db.assist.dates import extract_dates
from db.assist.suggest import names_outlet, suggest

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def dates_of(text: str) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in extract_dates(text, PUBLISHED)}


def source_of(text: str, words: str, language: str) -> str | None:
    at = text.index(words)
    for a in extract_attributions(text, language):
        if a.start <= at < a.end:
            return a.source
    return None


# The outlet counting for itself

OWN_COUNT = (
    "Заголовок\n\n"
    "Мост закрыли на ремонт, сообщили в мэрии. В 2025 году, по подсчётам «Волжского курьера», "
    "ремонт дорог обошёлся городу не менее чем в 40 млн рублей."
)


def test_the_outlet_named_as_the_counter_in_another_case_is_its_own_statement() -> None:
    found = suggest(OWN_COUNT, PUBLISHED, "ru", outlet="Волжский курьер")
    figure = next(s for s in found if s.kind == "figure" and "40" in s.quote)
    assert figure.source is None
    # another outlet's count stays that outlet's
    other = suggest(OWN_COUNT, PUBLISHED, "ru", outlet="Северная газета")
    assert next(s for s in other if s.kind == "figure" and "40" in s.quote).source is not None


def test_names_outlet_allows_endings_only() -> None:
    assert names_outlet("«Невского вестника»", "Невский вестник")
    assert names_outlet("the Morning Ledger", "Morning Ledger")
    assert not names_outlet("«Невского времени»", "Невский вестник")
    assert not names_outlet("Ledger", "Morning Ledger")
