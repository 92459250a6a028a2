"""Wire search into a main window: the search box, the reader's find bar, their actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from db.errors import ClaimDeskError
from db.search import Hit
from desktop.context import AppContext
from desktop.search.dialog import SearchDialog
from desktop.search.find_bar import ArticleText, FindBar, select_range


@dataclass
class SearchUi:
    """What :func:`install_search_ui` made, for tests and later wiring."""

    dialog: SearchDialog
    find_bar: FindBar


def open_hit(ctx: AppContext, window: Any, hit: Hit, texts: ArticleText) -> bool:
    """Open the article of *hit* in the window's reader with the hit selected.

    A hit in a claim also selects that claim (inspector, reader mark); a hit in
    the article's text or a claim's quote selects exactly the words found.
    """
    reader = window.reader
    if hit.claim_id is not None:
        ctx.openClaimRequested.emit(str(hit.claim_id))
    if reader.article_id != hit.article_id and not window.open_article(hit.article_id):
        return False
    if hit.field in ("text", "quote") and hit.article_start is not None:
        try:
            texts.of(hit.article_id)
        except ClaimDeskError as exc:
            ctx.report_error(exc)
            return False
        select_range(reader, texts.index, hit.article_start, hit.article_end or hit.article_start)
    if hasattr(window, "activateWindow"):  # from the search box back to the reader
        window.activateWindow()
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def install_search_ui(window: Any, ctx: AppContext) -> SearchUi:
    """Search everywhere (Ctrl+Shift+F) and find in article (Ctrl+F) for *window*.

    *window* offers ``reader``, ``reader_pane``, ``open_article(id)``,
    ``action(ActionId)`` and ``menu(name)``.
    """
    from desktop.actions import ActionId

    dialog = SearchDialog(ctx, window)
    find_bar = FindBar(ctx, window.reader, window.reader_pane)
    window.reader_pane.layout().addWidget(find_bar)
    texts = ArticleText(ctx)
    ctx.workspaceChanged.connect(texts.forget)
    dialog.hitChosen.connect(lambda hit: open_hit(ctx, window, hit, texts))

    def search_everywhere() -> None:
        selected = window.reader.textCursor().selectedText()
        one_line = selected if "\u2029" not in selected and len(selected) <= 100 else ""
        dialog.open_with(one_line)

    window.action(ActionId.SEARCH).triggered.connect(search_everywhere)
    window.action(ActionId.FIND_IN_ARTICLE).triggered.connect(find_bar.open_bar)
    edit = window.menu("Edit")
    edit.addActions([window.action(ActionId.SEARCH), window.action(ActionId.FIND_IN_ARTICLE)])
    return SearchUi(dialog=dialog, find_bar=find_bar)
