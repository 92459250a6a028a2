"""The Facts dock: the questions claims answer, each with its current best answer."""

from desktop.facts.view import FactsView, install_facts_ui

__all__ = ["FactsView", "install_facts_ui"]
