"""Suggested claims beside the reader: underlined in the text, listed in a dock."""

from desktop.suggestions.install import install_suggestions_ui
from desktop.suggestions.view import SuggestionsView

__all__ = ["SuggestionsView", "install_suggestions_ui"]
