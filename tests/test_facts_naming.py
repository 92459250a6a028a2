"""Names offered for proposed facts: the question, told apart by the words most of its
claims share, in the command line and in the Facts tab."""

from __future__ import annotations

import json
from pathlib import Path

from db.cli import run
from db.facts.naming import fact_name, fact_names
from db.facts.service import list_facts
from tests.test_facts import STORY, _claims

TROOPS = [
    "Pellmark has moved about 1,500 soldiers to Vardia",
    "about 12,000 Pellmarkian soldiers, including 500 officers",
    "around 3,000 soldiers had reached Vardia by the end of the month",
    "about 3,000 Pellmarkian soldiers have been sent to Vardia",
]


def test_a_name_carries_the_words_most_of_its_claims_share() -> None:
    name = fact_name("troops", TROOPS)
    # "Pellmark" and "Pellmarkian" are one term; "Vardia" is in three of four quotes.
    assert name == "How many troops? (Pellmark, soldiers, Vardia)"
    # Words of how a figure is given, numbers, and the unit itself never name it.
    assert "about" not in name and "1,500" not in name and "troops?" in name


def test_a_group_with_nothing_shared_is_named_by_its_question_alone() -> None:
    assert fact_name("flights", ["cancelled 300 flights", "scrapped 310 flights"]) == (
        "How many flights?"
    )
    assert fact_name("", ["12 of them", "14 in all"]) == "How many of them?"


def test_no_two_proposals_share_a_name() -> None:
    names = fact_names([("troops", TROOPS), ("troops", TROOPS), ("ships", ["9 ships sank"])])
    assert names[0] != names[1] and names[1] == names[0] + " (2)"
    assert names[2] == "How many ships?"
    assert len(set(names)) == 3


def test_cli_fact_propose_names_the_fact_by_its_shared_words(  # type: ignore[no-untyped-def]
    ws, ws_path: Path, capsys
) -> None:
    _claims(ws, STORY)
    capsys.readouterr()
    assert run(["--db", str(ws_path), "fact", "propose", "--format", "json"]) == 0
    (proposed,) = json.loads(capsys.readouterr().out)
    quotes = [c["quote"] for c in proposed["claims"]]
    assert proposed["name"] == fact_name("troops", quotes)
    assert proposed["name"].startswith("How many troops? (") and "(1)" not in proposed["name"]
    assert run(["--db", str(ws_path), "fact", "propose", "--accept"]) == 0
    (fact,) = list_facts(ws)
    assert fact.name == proposed["name"]


def test_facts_tab_offers_the_shared_words_as_the_name(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.gui_shell_support import make_window

    _claims(ws, STORY)
    window = make_window(ws, tmp_path, qtbot)
    view = window.facts_view
    offered: list[str] = []
    view.ask_name = lambda suggestion: offered.append(suggestion) or suggestion
    view.ctx.dialogs.confirm = lambda *_a, **_k: True  # type: ignore[method-assign]
    view.propose()
    qtbot.waitUntil(lambda: bool(list_facts(ws)), timeout=15000)
    (fact,) = list_facts(ws)
    assert offered == [fact.name] and fact.name.startswith("How many troops? (")
