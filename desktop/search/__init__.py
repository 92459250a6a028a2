"""Search in the desktop app: the search box (Ctrl+Shift+F) and the reader's find bar (Ctrl+F).

:func:`install_search_ui` wires both into the main window.
"""

from desktop.search.dialog import SearchDialog
from desktop.search.find_bar import FindBar
from desktop.search.install import SearchUi, install_search_ui, open_hit
from desktop.search.model import SearchResultsModel

__all__ = [
    "FindBar",
    "SearchDialog",
    "SearchResultsModel",
    "SearchUi",
    "install_search_ui",
    "open_hit",
]
