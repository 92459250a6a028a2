"""The main window: article list and details left, reader centre, claim panels around."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QEventLoop,
    QObject,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QInputEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import ClaimDeskError
from desktop import source_lines
from desktop.actions import ActionId, create_actions, icon, undo_actions
from desktop.context import AppContext
from desktop.main_window import panes, workspaces
from desktop.main_window.layout import STATE_VERSION, BottomTitles, DockLayout
from desktop.main_window.menus import build_menus, build_toolbar

if TYPE_CHECKING:  # the panels' code loads after the window's first paint
    from desktop.operations.imports import ImportReport  # loads when an import begins
    from desktop.workers import Job

log = logging.getLogger(__name__)

Area = Qt.DockWidgetArea
# First start (nothing saved yet): share of the screen's free area the window takes.
FIRST_START_WIDTH = 0.92
FIRST_START_HEIGHT = 0.9
# Every dock of the window in the order the View menu lists them: title, area, and the
# dock whose tab group it joins.  The window frames them all before its first paint
# (a saved layout needs them to restore); the panels move in once built.
DOCKS: tuple[tuple[str, Qt.DockWidgetArea, str | None], ...] = (
    ("Articles", Area.LeftDockWidgetArea, None),
    ("Article details", Area.LeftDockWidgetArea, None),
    ("Claim", Area.RightDockWidgetArea, None),
    ("Claims", Area.BottomDockWidgetArea, None),
    ("Sources", Area.BottomDockWidgetArea, "Claims"),
    ("Review queue", Area.BottomDockWidgetArea, "Claims"),
    ("Compare", Area.BottomDockWidgetArea, "Claims"),
    ("Discussion", Area.RightDockWidgetArea, "Claim"),
    ("History", Area.RightDockWidgetArea, "Claim"),
    ("Conflicts", Area.BottomDockWidgetArea, "Claims"),
    ("Facts", Area.BottomDockWidgetArea, "Claims"),
    ("Suggestions", Area.BottomDockWidgetArea, "Claims"),
    ("Orphans", Area.BottomDockWidgetArea, "Claims"),
)
# Start-up: how long the other panels wait at most for the claims table's first page.
FIRST_ROWS_WAIT_MS = 250
# What ``build_panels`` makes: asked for before, they are built at once.
PANEL_ATTRIBUTES = frozenset(
    {
        "reader_pane",
        "reader",
        "article_panel",
        "metadata_editor",
        "inspector",
        "claims_table",
        "review_ui",
        "shared_ui",
        "conflicts_view",
        "facts_view",
        "suggestions_view",
        "timeline_action",
        "graph_action",
        "safety_ui",
        "search_ui",
        "search_indexer",
        "revisions_ui",
        "bulk_menu",
        "analyst_button",
        "analyst_label",
        "_sources_view",
        "_sources_holder",
    }
)
# Keys and clicks that, arriving before the panels are built, build them first (all of
# them QInputEvent subclasses).
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.ShortcutOverride,
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
    }
)


def _toolbars(window: QMainWindow) -> list[QToolBar]:
    return [bar for bar in window.findChildren(QToolBar) if bar.parentWidget() is window]


def _placeholder(parent: QWidget, name: str) -> QWidget:
    """An empty panel standing where a panel will be built."""
    widget = QWidget(parent)
    widget.setObjectName(name)
    return widget


class _InputFirst(QObject):
    """Until the window's panels are built: a key or a click meant for the window builds
    them first, so it reaches the real panels (and every shortcut is in place).

    Until the window's first paint only the window and its bars are watched: nothing
    else of it is on screen to be clicked yet, and keys go to the window.  Watching
    the whole application then would hand this filter every event of the start-up
    (each one wrapped for Python, its class made by PySide6 on first sight: some
    20-40 ms of the first paint); :meth:`watch_all` widens it once painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._watched: list[QWidget] = [window, window.menuBar(), *_toolbars(window)]
        for widget in self._watched:
            widget.installEventFilter(self)

    def watch_all(self) -> None:
        """Watch every event of the application (the window has been painted)."""
        for widget in self._watched:
            widget.removeEventFilter(self)
        self._watched = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here while the panels are built: the
        # class check first (``type()`` makes a Python enum member at every call).
        if (
            isinstance(event, QInputEvent)
            and event.type() in INPUT_EVENTS
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._window.build_panels()
        return False


class _FirstRows(QObject):
    """Start-up: calls *go* once the claims table's first page is painted (at once when
    the table is not on screen or its read fails, at the latest after
    ``FIRST_ROWS_WAIT_MS``), so that building the other panels does not hold back
    the rows read meanwhile (the GUI thread busy building, nothing is delivered)."""

    def __init__(self, window: MainWindow, go: Callable[[], None]) -> None:
        super().__init__(window)
        self._go: Callable[[], None] | None = go
        panel = window.claims_table
        self._model = panel.model
        self._viewport = panel.table.viewport()
        self._model.loaded.connect(self._loaded)
        self._model.loadFailed.connect(self._run)
        QTimer.singleShot(FIRST_ROWS_WAIT_MS, self, self._run)
        # (Just moved into its dock, the table is shown in the next pass: asked whether
        # it will be, not whether it is.)
        if not self._model.loading or not self._viewport.isVisibleTo(window):
            QTimer.singleShot(0, self, self._run)

    def _loaded(self, _count: int) -> None:
        if not self._viewport.isVisible():
            self._run()
            return
        from desktop.main_window.first_paint import after_first_paint

        after_first_paint(self._viewport, self._run)  # the paint showing the rows

    def _run(self, *_args: object) -> None:
        go, self._go = self._go, None
        if go is None:
            return
        self._model.loaded.disconnect(self._loaded)
        self._model.loadFailed.disconnect(self._run)
        self.deleteLater()
        go()


class PanelScroll(QScrollArea):
    """Holds a bottom panel: the panel fills the view and scrolls only when the view
    is below the panel's minimum (Qt's own resizing would give a panel with any
    height-for-width part its preferred height, and scroll the rest)."""

    def fit_panel(self) -> None:
        panel = self.widget()
        if panel is None:
            return
        view, least = self.viewport().size(), panel.minimumSizeHint()
        panel.resize(max(view.width(), least.width()), max(view.height(), least.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_panel()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit_panel()
        return handled


def scrolling(widget: QWidget, title: str, parent: QWidget) -> QScrollArea:
    """*widget* in a frameless scroll area that takes no focus itself."""
    holder = PanelScroll(parent)
    holder.setObjectName(f"{title.replace(' ', '')[:1].lower()}{title.replace(' ', '')[1:]}Scroll")
    holder.setAccessibleName(title)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    holder.setWidget(widget)
    holder.fit_panel()
    return holder


def first_start_geometry(available: QRect, minimum: QSize | None = None) -> QRect:
    """Where a window without saved geometry goes: most of *available*, centred in it
    (never smaller than *minimum*)."""
    size = QSize(
        int(available.width() * FIRST_START_WIDTH), int(available.height() * FIRST_START_HEIGHT)
    )
    if minimum is not None:
        size = size.expandedTo(minimum)
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    rect.moveTo(max(rect.left(), available.left()), max(rect.top(), available.top()))
    return rect


class MainWindow(QMainWindow):
    """Composes the panels; every panel talks to the others through ``ctx`` signals."""

    panelsBuilt = Signal()  # the panels are in their docks (see ``build_panels``)

    def __init__(
        self,
        ctx: AppContext,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        fill_after_paint: bool = False,
    ) -> None:
        """With *fill_after_paint* (start-up) the window is shown empty: the article
        list is read and the last article opened once it has been painted."""
        super().__init__(parent)
        self._fill_after_paint = fill_after_paint
        self.ctx = ctx
        self.settings = settings if settings is not None else QSettings()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.jobs: list[Job] = []
        self._menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._awaiting: dict[str, QWidget] = {}  # dock title -> placeholder panel
        self._fronts: set[str] | None = None  # docks on screen when the build began
        self._built = False
        self._stepping = False  # one of start-up's building passes is running
        self._steps: list[Callable[[], None]] | None = None  # building steps left
        self._painted: dict[str, QSize] = {}  # the docks' sizes as first painted
        self._shown_state: QByteArray | None = None  # the layout painted before the panels
        self._restored_state: QByteArray | None = None  # the saved layout restored
        self._input_guard: QObject | None = None
        self._least_remembered = False  # minimum size set from the settings
        self.layouts = DockLayout(self)
        self.bottom_titles = BottomTitles(self)

        self.actions_by_id = create_actions(self)
        self.undo_action, self.redo_action = undo_actions(ctx.undo_stack, self)
        # Window-wide shortcuts; Delete belongs to the reader only (added below).
        for action_id, action in self.actions_by_id.items():
            if action_id is not ActionId.DELETE_CLAIM:
                self.addAction(action)
        self.addActions([self.undo_action, self.redo_action])
        # The reader moves into this holder once built (see _build_panels).
        central = _placeholder(self, "readerHolder")
        QVBoxLayout(central).setContentsMargins(0, 0, 0, 0)
        self.setCentralWidget(central)
        build_menus(self)
        build_toolbar(self)
        # Every dock in its default place, each still without its panel: a saved
        # layout is restored onto these, and the panels move in once built.
        for title, area, beside in DOCKS:
            self._frame_dock(title, area, beside)
        self.docks["Claims"].raise_()
        self.docks["Claim"].raise_()
        self._first_layout_pending = False
        self._first_start_rect = QRect()
        self.workspace_label = QLabel(self)
        self.workspace_label.setObjectName("workspaceLabel")
        self.statusBar().addPermanentWidget(self.workspace_label, 1)
        # Where the analyst's button goes once built: as high, so the bar keeps its height.
        self._analyst_stand_in = QToolButton(self)
        self._analyst_stand_in.setAutoRaise(True)
        self._analyst_stand_in.setText("Analyst: …")
        self._analyst_stand_in.setEnabled(False)
        self.statusBar().addPermanentWidget(self._analyst_stand_in)
        self.layouts.remember_default()
        if fill_after_paint:
            # Start-up: the frame is painted first; right after, the claims table is
            # built and its first page read and painted, then the other panels, one
            # pass of the event loop each (all at once when a key or a click comes
            # before that).
            self._restore_settings()
            self.update_workspace_labels()
            self._input_guard = _InputFirst(self)
            from desktop.main_window.first_paint import after_first_paint

            after_first_paint(self, self._build_in_passes)
        else:
            self.build_panels()
            self._restore_settings()
            self.update_workspace_labels()
            self._open_first_article()

    def __getattr__(self, name: str) -> Any:
        # A panel asked for before the start-up has built them: built now (not from
        # within a building pass: that panel is not built yet).
        if (
            name in PANEL_ATTRIBUTES
            and not self.__dict__.get("_built", True)
            and not self.__dict__.get("_stepping", False)
        ):
            self.build_panels()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def built(self) -> bool:
        """Whether the panels are built (start-up builds them after the first paint)."""
        return self._built

    def build_panels(self) -> None:
        """Build the panels not built yet into their docks, at once; at start-up, also
        read the article list and open the last article.  Runs once; later calls do
        nothing (nor does a call made while one of start-up's passes is building)."""
        if self._built or self._stepping:
            return
        self._built = True
        if self._input_guard is not None:
            self._input_guard.deleteLater()
            self._input_guard = None
        try:
            steps = self._begin_build()
            while steps:
                steps.pop(0)()
            if self._fill_after_paint:
                self._settle_layout(self._painted)
                self.update_workspace_labels()
                self._fill()
        finally:
            source_lines.forget()
            self.panelsBuilt.emit()

    def _build_in_passes(self) -> None:
        """Start-up, once the frame is painted: the claims table first, then (once its
        first page is painted, see ``_FirstRows``) the other panels, one pass of the
        event loop each; the last pass settles the layout and fills the window."""
        if self._built or self._stepping:
            return
        if isinstance(self._input_guard, _InputFirst):
            self._input_guard.watch_all()
        steps = self._begin_build()
        if not steps:
            self.build_panels()
            return
        try:
            self._step(steps.pop(0))  # the claims table, its first page asked for
        finally:
            if "claims_table" in self.__dict__:
                _FirstRows(self, self._next_pass)
            else:  # (failed: the next pass goes on)
                QTimer.singleShot(0, self, self._next_pass)

    def _next_pass(self) -> None:
        if self._built or self._stepping:
            return
        steps = self._begin_build()
        if len(steps) <= 1:  # the last one: built at once, with what follows the build
            self.build_panels()
            return
        QTimer.singleShot(0, self, self._next_pass)  # (first: a step that fails stops nothing)
        self._step(steps.pop(0))

    def _step(self, step: Callable[[], None]) -> None:
        self._stepping = True
        try:
            step()
        finally:
            self._stepping = False
            source_lines.forget()  # what loading the step's modules left behind

    def _begin_build(self) -> list[Callable[[], None]]:
        """The building steps left (made, with the layout as painted, on the first call)."""
        if self._steps is None:
            if self._fill_after_paint:
                self._shown_state = self.saveState(STATE_VERSION)
                self._fronts = self._in_front()
                self._painted = {
                    title: self.docks[title].size()
                    for title in self._fronts
                    if not self.docks[title].isFloating()
                }
            self._steps = [
                self._build_claims_table,
                self._finish_claims_table,
                self._build_reader_and_sides,
                self._install_review,
                self._install_shared,
                self._install_conflicts,
                self._install_facts,
                self._install_suggestions,
                self._install_views,
                self._install_safety,
                self._install_search,
                self._finish_panels,
            ]
        return self._steps

    def wait_for_panels(self) -> None:
        """Run the event loop until the panels are built (start-up: the window is
        painted meanwhile)."""
        if self._built:
            return
        loop = QEventLoop()
        self.panelsBuilt.connect(loop.quit)
        loop.exec()
        self.panelsBuilt.disconnect(loop.quit)

    def _build_claims_table(self) -> None:
        from desktop.claims_table import ClaimsTableView

        # First: at start-up its first page is read and painted before the other
        # panels are built (see ``_build_in_passes``).
        self.claims_table = ClaimsTableView(self.ctx, defer=True)
        self.add_dock(self.claims_table, "Claims", Area.BottomDockWidgetArea)
        self.claims_table.start()  # (once built: see ClaimsTableView.start)

    def _finish_claims_table(self) -> None:
        self.claims_table.finish()  # (its saved filters: not before its first rows)

    def _build_reader_and_sides(self) -> None:
        from desktop.articles import ArticleListPanel, ArticleMetadataEditor
        from desktop.inspector import ClaimInspector
        from desktop.main_window.reader_pane import ReaderPane

        ctx = self.ctx
        self.reader_pane = ReaderPane(ctx, self)
        self.reader = self.reader_pane.reader
        self.reader.use_settings(self.settings)  # the analyst's zoom of the text
        holder = self.centralWidget().layout()
        if self._fill_after_paint and holder is not None:
            # Shown already: the reader moves into the holder the frame was painted
            # with (a new central widget would give the docks its room meanwhile).
            holder.addWidget(self.reader_pane)
        else:
            self.setCentralWidget(self.reader_pane)
        # The reader's own actions also fill its context menu.
        self.reader.addActions(
            [self.action(ActionId.NEW_CLAIM), self.action(ActionId.DELETE_CLAIM)]
        )

        self.article_panel = ArticleListPanel(ctx, load=not self._fill_after_paint)
        self.metadata_editor = ArticleMetadataEditor(ctx)
        self.inspector = ClaimInspector(ctx)
        # The sources panel starts as a tab behind the claims: built when first shown.
        self._sources_view: QWidget | None = None
        self._sources_holder = QWidget(self)
        self._sources_holder.setObjectName("sourcesHolder")
        QVBoxLayout(self._sources_holder).setContentsMargins(0, 0, 0, 0)

        from desktop.reader.claim_edges import install_claim_edges

        install_claim_edges(self)
        self.add_dock(self.article_panel, "Articles", Area.LeftDockWidgetArea)
        # Scrollable, so on a low screen the article list above it keeps some rows.
        details = QScrollArea(self)
        details.setObjectName("articleDetailsScroll")
        details.setAccessibleName("Article details")
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setWidgetResizable(True)
        details.setWidget(self.metadata_editor)
        self.add_dock(details, "Article details", Area.LeftDockWidgetArea)
        self.add_dock(self.inspector, "Claim", Area.RightDockWidgetArea)
        sources_dock = self.add_dock(self._sources_holder, "Sources", Area.BottomDockWidgetArea)
        sources_dock.visibilityChanged.connect(self._sources_shown)

    def _install_review(self) -> None:
        from desktop.review import install_review_ui

        self.review_ui = install_review_ui(self, self.ctx)

    def _install_shared(self) -> None:
        from desktop.shared.install import install_shared_ui

        self.shared_ui = install_shared_ui(self, self.ctx, settings=self.settings)

    def _install_conflicts(self) -> None:
        from desktop.conflicts import install_conflicts_ui

        self.conflicts_view = install_conflicts_ui(self, self.ctx)

    def _install_facts(self) -> None:
        from desktop.facts import install_facts_ui

        self.facts_view = install_facts_ui(self, self.ctx)

    def _install_suggestions(self) -> None:
        from desktop.suggestions import install_suggestions_ui

        self.suggestions_view = install_suggestions_ui(self, self.ctx)

    def _install_views(self) -> None:
        from desktop.graph import install_graph_ui
        from desktop.timeline import install_timeline_ui

        self.timeline_action = install_timeline_ui(self, self.ctx)
        self.graph_action = install_graph_ui(self, self.ctx)

    def _install_safety(self) -> None:
        from desktop.safety import install_safety_ui

        self.safety_ui = install_safety_ui(self, self.ctx, self.settings)

    def _install_search(self) -> None:
        from desktop.search import install_search_ui
        from desktop.search.indexer import SearchIndexer

        self.search_ui = install_search_ui(self, self.ctx)
        # Indexes what an import leaves queued; at once, what one left before the
        # workspace was last closed.
        self.search_indexer = SearchIndexer(self.ctx, self.statusBar(), self)
        QTimer.singleShot(0, self.search_indexer.start)

    def _finish_panels(self) -> None:
        from desktop.claims_table.bulk_menu import install_bulk_menu
        from desktop.revisions import install_revisions_ui

        self.revisions_ui = install_revisions_ui(self, self.ctx)
        self.bulk_menu = install_bulk_menu(self)
        self._build_status_bar()
        self._connect()
        layout = self.layout()
        if layout is not None:  # the window's minimum size is now the panels'
            if self._least_remembered:
                self.setMinimumSize(0, 0)  # (see _restore_settings)
                layout.invalidate()
            layout.activate()

    # ------------------------------------------------------------ public API

    def action(self, action_id: ActionId) -> QAction:
        return self.actions_by_id[action_id]

    def menu(self, name: str) -> QMenu:
        """The menu called *name* (e.g. "Review"), created at the end if missing."""
        menu = self._menus.get(name)
        if menu is None:
            menu = self.menuBar().addMenu(f"&{name}")
            menu.setObjectName(f"menu{name.replace(' ', '')}")
            self._menus[name] = menu
        return menu

    def add_dock(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea = Area.RightDockWidgetArea
    ) -> QDockWidget:
        """Put *widget* in a dock; its show/hide toggle goes to the View menu.  A dock
        the window framed already (see ``DOCKS``) takes *widget* where it stands."""
        if title not in self._awaiting:
            self._frame_dock(title, area, None)
        dock = self.docks[title]
        waiting = self._awaiting.pop(title)
        if area == Area.BottomDockWidgetArea:
            # The bottom tabs start small: a panel needing more height than they
            # have scrolls rather than growing them or being cut off.
            widget = scrolling(widget, title, self)
        shown = self._fronts is None or title in self._fronts
        if waiting.isHidden() or not shown:  # behind another tab: hidden, as its
            policy = widget.sizePolicy()  # placeholder was (see panes.hide_when_tabbed_away)
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            widget.hide()
        dock.setWidget(widget)
        waiting.deleteLater()
        return dock

    def _frame_dock(self, title: str, area: Qt.DockWidgetArea, beside: str | None) -> QDockWidget:
        """A dock called *title* in *area* (on a tab beside the dock *beside*), holding
        a placeholder until its panel is built (``add_dock``)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock{title.replace(' ', '')}")
        waiting = _placeholder(dock, "panelPlaceholder")
        dock.setWidget(waiting)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        if beside is not None:
            self.tabifyDockWidget(self.docks[beside], dock)
        panes.hide_when_tabbed_away(dock)
        self.docks[title] = dock
        self._awaiting[title] = waiting
        self.bottom_titles.watch(dock)
        self.menu("View").addAction(dock.toggleViewAction())
        return dock

    def _settle_layout(self, painted: dict[str, QSize]) -> None:
        """Once the panels are in their docks: the layout painted before (the restored
        one, or the first start's split), each dock at the size it was *painted*
        with, and each panel told whether it is on screen (docks report that only
        on a change)."""
        if self._restored_state is not None:
            self.restoreState(self._restored_state, STATE_VERSION)
        elif self._shown_state is not None:
            self.restoreState(self._shown_state, STATE_VERSION)
        sides = (Area.LeftDockWidgetArea, Area.RightDockWidgetArea)
        wide = [t for t in painted if self.dockWidgetArea(self.docks[t]) in sides]
        self.resizeDocks(
            [self.docks[t] for t in wide],
            [painted[t].width() for t in wide],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks(
            [self.docks[t] for t in painted],
            [size.height() for size in painted.values()],
            Qt.Orientation.Vertical,
        )
        # The bottom panels' tab bar, shown now that they are tabbed, takes its height
        # from theirs: once laid out, each dock gets back what it was painted with.
        self.layout().activate()
        off = {t: painted[t].height() - self.docks[t].height() for t in painted}
        if any(off.values()):
            self.resizeDocks(
                [self.docks[t] for t in painted],
                [painted[t].height() + max(0, off[t]) for t in painted],
                Qt.Orientation.Vertical,
            )
        for title in self._in_front():
            self.docks[title].visibilityChanged.emit(True)

    def _in_front(self) -> set[str]:
        """The docks on screen: shown, and in front of their tabs if tabbed."""
        fronts: set[str] = set()
        by_title = {dock.windowTitle(): title for title, dock in self.docks.items()}
        for bar in self.findChildren(QTabBar):
            if bar.parentWidget() is self and bar.count() and not bar.isHidden():
                title = by_title.get(bar.tabText(bar.currentIndex()))
                if title is not None:
                    fronts.add(title)
        for title, dock in self.docks.items():
            if not dock.isHidden() and (dock.isFloating() or not self.tabifiedDockWidgets(dock)):
                fronts.add(title)
        return fronts

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None:
        """As QMainWindow's, but a framed dock of a window already shown stays where it
        stands: moving it would show its panel for a moment (and make it load)."""
        framed = {title for title, _area, _beside in DOCKS}
        if self.isVisible() and second.windowTitle() in framed and first.windowTitle() in framed:
            return
        super().tabifyDockWidget(first, second)

    @property
    def sources_view(self) -> QWidget:
        """The sources panel, built on first use (it starts hidden behind the claims)."""
        if self._sources_view is None:
            from desktop.sources import SourcesView

            self._sources_view = SourcesView(self.ctx)
            layout = self._sources_holder.layout()
            assert layout is not None
            layout.addWidget(self._sources_view)
        return self._sources_view

    def _sources_shown(self, visible: bool) -> None:
        if visible:
            self.sources_view  # noqa: B018 - builds it

    def open_article(self, article_id: str | uuid.UUID) -> bool:
        try:
            self.reader.open_article(article_id)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            return False
        return True

    def import_paths(
        self,
        paths: list[str | Path],
        encodings: dict[Path, str] | None = None,
        *,
        skipped: list[Path] | None = None,
    ) -> Job | None:
        """Import files in the background; the first new article opens when done.

        A file whose encoding was only recognised is stored once the analyst has
        confirmed the encoding or picked another (when someone can be asked).
        """
        if not paths:
            return None
        if self.ctx.ws.analyst_id is None and not self.ctx.ws.shared:
            self.ctx.dialogs.error(
                "Import articles",
                "Nobody is named as working in this workspace: click “No analyst” in the "
                "status bar and say who you are first.",
            )
            return None
        from desktop.operations.imports import start_import

        asker = self._ask_encodings if self.ctx.dialogs.interactive else None
        job = start_import(
            self.ctx,
            paths,
            self,
            on_done=self._import_done,
            encodings=encodings,
            ask_encodings=asker,
            skipped=skipped or (),
        )
        self.jobs.append(job)
        job.finished.connect(lambda _r: self.jobs.remove(job) if job in self.jobs else None)
        job.failed.connect(lambda _e: self.jobs.remove(job) if job in self.jobs else None)
        return job

    def _ask_encodings(self, guessed: list[tuple[Path, str]]) -> None:
        from desktop.articles.encoding_dialog import ask_encodings

        ask_encodings(
            guessed, self, lambda chosen: self.import_paths(list(chosen), encodings=chosen)
        )

    def switch_workspace(self, target: str | Path) -> bool:
        if workspaces.same_workspace(self.ctx.ws, target):
            return True
        ws = workspaces.try_open(target, self.ctx.dialogs)
        if ws is None:
            return False
        for job in list(self.jobs):  # running imports belong to the old workspace
            job.cancel()
        self.ctx.set_workspace(ws)
        workspaces.remember(self.settings, target)
        self.ensure_analyst()
        self._open_first_article()
        return True

    def ensure_analyst(self) -> None:
        """Someone named is working here: the analyst last chosen on this machine, or
        the one the analyst names when asked (see desktop.review.who_is_working)."""
        from desktop.review.who_is_working import ensure_analyst

        ensure_analyst(self.ctx, self.settings)
        self.update_workspace_labels()

    # ------------------------------------------------------------ building

    def _build_status_bar(self) -> None:
        from desktop.review.who_is_working import AnalystButton

        # Who is working, switched with one click (its menu lists the team).
        self.analyst_button = AnalystButton(self.ctx, self.settings, self)
        self.analyst_button.switched.connect(self.update_workspace_labels)
        self.analyst_label = self.analyst_button  # the name shown in the status bar
        self.statusBar().removeWidget(self._analyst_stand_in)
        self._analyst_stand_in.deleteLater()
        self.statusBar().addPermanentWidget(self.analyst_button)

    def _connect(self) -> None:
        a = self.action
        a(ActionId.IMPORT).triggered.connect(self.ask_import)
        a(ActionId.IMPORT_FOLDER).triggered.connect(self.ask_import_folder)
        a(ActionId.EXPORT).triggered.connect(self.show_export_dialog)
        a(ActionId.NEW_CLAIM).triggered.connect(self.reader.new_claim_from_selection)
        a(ActionId.DELETE_CLAIM).triggered.connect(self.reader.delete_selected_claim)
        self.reader.deleteRequested.connect(a(ActionId.DELETE_CLAIM).trigger)
        a(ActionId.NEXT_CLAIM).triggered.connect(self.reader.next_claim)
        a(ActionId.PREV_CLAIM).triggered.connect(self.reader.previous_claim)
        a(ActionId.FIND).triggered.connect(self.focus_claims_filter)
        a(ActionId.FOCUS_ARTICLES).triggered.connect(
            lambda: self._focus("Articles", self.article_panel.view)
        )
        a(ActionId.FOCUS_READER).triggered.connect(self.reader.setFocus)
        a(ActionId.FOCUS_INSPECTOR).triggered.connect(lambda: self._focus("Claim", self.inspector))
        a(ActionId.FOCUS_CLAIMS).triggered.connect(
            lambda: self._focus("Claims", self._claims_view())
        )
        a(ActionId.FOCUS_SOURCES).triggered.connect(
            lambda: self._focus("Sources", getattr(self.sources_view, "table", self.sources_view))
        )
        a(ActionId.NEXT_PANE).triggered.connect(lambda: panes.move_focus(self, 1))
        a(ActionId.PREV_PANE).triggered.connect(lambda: panes.move_focus(self, -1))
        a(ActionId.SHORTCUTS).triggered.connect(self.show_shortcuts)
        a(ActionId.OPEN_WORKSPACE).triggered.connect(self.ask_open_workspace)
        a(ActionId.NEW_WORKSPACE).triggered.connect(self.ask_new_workspace)
        a(ActionId.DELETE_ARTICLE).triggered.connect(self.delete_current_article)
        a(ActionId.QUIT).triggered.connect(self.close)
        a(ActionId.FOCUS_MODE).toggled.connect(self.set_focus_mode)
        a(ActionId.RESET_LAYOUT).triggered.connect(self.reset_layout)
        a(ActionId.ABOUT).triggered.connect(self.show_about)
        self.article_panel.articleChosen.connect(self.open_article)
        self.reader.articleOpened.connect(self._article_opened)
        self.reader.articleOpened.connect(self.claims_table.hold_article)
        # After the reader (connected when it was made) has opened the claim's article.
        self.ctx.claimSelected.connect(self._claim_chosen)
        self.ctx.openClaimRequested.connect(self._claim_chosen)
        self.ctx.workspaceChanged.connect(lambda: self.metadata_editor.show_article(None))
        self.ctx.undo_stack.indexChanged.connect(self._show_undo_text)

    def _claims_view(self) -> QWidget:
        return getattr(self.claims_table, "table", None) or self.claims_table

    # ------------------------------------------------------------ slots

    def _article_opened(self, article_id: str) -> None:
        if not self.article_panel.select(article_id, emit=False):
            self.article_panel.clear_selection()  # filtered out: no other article looks chosen
        self.metadata_editor.show_article(article_id, self.reader.opened_info)

    def _claim_chosen(self, claim_id: str) -> None:
        """A claim chosen anywhere: the article list shows the reader's article selected."""
        aid = self.reader.article_id
        if not claim_id or aid is None or self.article_panel.selected_id() == str(aid):
            return
        if not self.article_panel.select(aid, emit=False):
            self.article_panel.clear_selection()

    def _focus(self, dock: str, widget: QWidget) -> None:
        self.docks[dock].show()
        self.docks[dock].raise_()
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            # A container panel: focus its first control that takes keyboard focus.
            for child in widget.findChildren(QWidget):
                if (
                    child.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and child.isEnabled()
                    and child.isVisibleTo(widget)
                ):
                    widget = child
                    break
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_claims_filter(self) -> None:
        edit = getattr(self.claims_table, "filter_edit", None)
        self._focus("Claims", edit or self.claims_table)
        if edit is not None:
            edit.selectAll()

    def _show_undo_text(self, _index: int) -> None:
        try:
            text = self.ctx.undo_stack.undoText()
        except RuntimeError:  # the stack is being destroyed with the context
            return
        if text:
            self.statusBar().showMessage(f"Done: {text} (Ctrl+Z undoes it)", 4000)

    def ask_import(self) -> None:
        from desktop.operations.imports import file_filters

        paths = self.ctx.dialogs.open_files("Import articles", file_filters())
        self.import_paths(list(paths))

    def ask_import_folder(self) -> None:
        folder = self.ctx.dialogs.open_folder("Import a folder of articles")
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> Job | None:
        """Import every article under *folder*; files it cannot read are reported."""
        from desktop.operations.imports import folder_files

        try:
            scan = folder_files(folder)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc, "Import")
            return None
        if not scan.files:
            self.ctx.dialogs.info("Import", f"{folder} holds no article files ClaimDesk reads.")
            return None
        return self.import_paths(list(scan.files), skipped=scan.skipped)

    def _import_done(self, report: ImportReport) -> None:
        if report.added and self.reader.article_id is None:
            self.article_panel.select(str(report.added[0].id))
        if report.added:
            # The import left their search entries queued.  Started once the article is
            # open: the indexer gives way to the loads its opening started (suggestions,
            # claims) instead of taking the interpreter first.  How many wait was counted
            # by the import's thread: no query here, on the GUI thread.
            self.search_indexer.start(report.queued)
        if report.added:
            count = len(report.added)
            self.statusBar().showMessage(f"Imported {count} article{'s' * (count != 1)}.", 5000)

    def show_export_dialog(self) -> None:
        from desktop.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self, article_id=self.reader.article_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def ask_open_workspace(self) -> None:
        path = self.ctx.dialogs.open_file("Open workspace", workspaces.FILTERS)
        if path:
            self.switch_workspace(path)

    def ask_new_workspace(self) -> None:
        path = self.ctx.dialogs.save_file(
            "New workspace", workspaces.FILTERS, "workspace.claimdesk.sqlite"
        )
        if not path:
            return
        if Path(path).exists():
            self.ctx.dialogs.error(
                "New workspace", f"{path} exists already; use Open Workspace to open it."
            )
            return
        self.switch_workspace(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = workspaces.recent(self.settings)
        if not items:
            empty = self.recent_menu.addAction("No recent workspaces")
            empty.setEnabled(False)
            return
        for n, target in enumerate(items, 1):
            action = self.recent_menu.addAction(f"&{n} {target}")
            action.triggered.connect(lambda _c=False, t=target: self._open_recent(t))

    def _open_recent(self, target: str) -> None:
        if "://" not in target and not Path(target).exists():
            self.ctx.dialogs.error("Open workspace", f"{target} no longer exists.")
            workspaces.forget(self.settings, target)
            return
        self.switch_workspace(target)

    def delete_current_article(self) -> None:
        """Delete the article selected in the article list (the one the analyst sees
        chosen there); the confirmation names it."""
        article_id = self.article_panel.selected_id()
        if article_id is None:
            self.ctx.dialogs.error(
                "Delete article", "Choose the article to delete in the article list first."
            )
            return
        from desktop.operations import articles as article_ops

        article_ops.delete_article(self.ctx, article_id)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) for every menu action that has keys, in menu order."""
        rows: list[tuple[str, str, str]] = []
        for top in self.menuBar().actions():
            pending = [top.menu()] if top.menu() else []
            while pending:
                menu = pending.pop(0)
                for item in menu.actions():
                    if item.menu():
                        pending.append(item.menu())
                    keys = [
                        k.toString(QKeySequence.SequenceFormat.NativeText) for k in item.shortcuts()
                    ]
                    if keys and not item.isSeparator():
                        name = item.text().replace("&", "")
                        rows.append((top.text().replace("&", ""), name, ", ".join(keys)))
        return rows

    def show_shortcuts(self) -> None:
        import html  # (not at start-up: html.entities is a large table)

        lines = []
        previous = ""
        for menu, name, keys in self.shortcut_rows():
            shown = html.escape(menu) if menu != previous else ""  # the menu once per group
            previous = menu
            lines.append(
                f"<tr style='white-space: nowrap'><td>{shown}</td><td>{html.escape(name)}</td>"
                f"<td><b>{html.escape(keys)}</b></td></tr>"
            )
        self.ctx.dialogs.info(
            "Keyboard shortcuts",
            "<table cellspacing='6'>" + "".join(lines) + "</table>"
            "<p>In the reader: select words with Shift+arrows, then Ctrl+E makes them a claim. "
            "Every menu opens with Alt and its underlined letter.</p>",
        )

    def show_about(self) -> None:
        self.ctx.dialogs.info(
            "About ClaimDesk",
            "ClaimDesk helps analysts check the claims made in news articles: mark "
            "claims in the text, grade their sources, verify and export them.",
        )

    def update_workspace_labels(self) -> None:
        ws = self.ctx.ws
        kind = "Shared workspace" if ws.shared else "Workspace"
        self.workspace_label.setText(f"{kind}: {ws.display_name}")
        if self._built:
            self.analyst_button.refresh()
        # The platform adds the application's name ("… — ClaimDesk") itself.
        self.setWindowTitle(Path(ws.display_name).name or ws.display_name)

    # ------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths: list[str | Path] = [
            u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()
        ]
        if paths:
            event.acceptProposedAction()
            # Folders, bundles and workspaces too, each taken as what it is.
            from desktop.main_window.handed import open_handed

            open_handed(self, paths, offer_workspace=True)

    # ------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        least = self.settings.value("window/minimumSize")
        if not self._built and isinstance(least, QSize) and least.isValid():
            # The frame holds the room its panels took last time, so the window
            # restored now keeps its size once they are built.
            self.setMinimumSize(least)
            self._least_remembered = True
        geometry = self.settings.value("window/geometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty()
        if not (restored and self.restoreGeometry(geometry)):
            self.size_for_first_start()
        state = self.settings.value("window/state")
        self._restored_state = None
        if isinstance(state, QByteArray) and self.restoreState(state, STATE_VERSION):
            self._restored_state = state
        else:
            # Nothing saved: split the docks once the window has its real size.
            self._first_layout_pending = True
            self.apply_first_layout()
        workspaces.remember(self.settings, self.ctx.ws.url)

    def _fill(self) -> None:
        """The article list and the last article, read once the window shows."""
        self.article_panel.refresh()
        self._open_first_article()
        self.inspector.read_choices_soon()
        if self.reader.article_id is None:  # most likely to import articles next
            from desktop.main_window.warm_up import warm_up_later

            warm_up_later(self)

    def size_for_first_start(self) -> None:
        """Most of the free area of the screen the window opens on (the primary one
        when it has none yet)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 900)
            return
        self.setGeometry(first_start_geometry(screen.availableGeometry(), self.minimumSizeHint()))
        self._first_start_rect = QRect(self.geometry())  # as sized here (see showEvent)

    def apply_first_layout(self) -> None:
        """Dock sizes for a first start: side columns of a readable width, the
        bottom tabs (claims, sources, review queue, compare, ...) small."""
        self.bottom_titles.update()
        self.layouts.apply_sizes()
        # Small, but never below what the claims panel needs (once laid out).
        self.bottom_titles.fit_soon(self.docks["Claims"])

    def set_focus_mode(self, on: bool) -> None:
        """Reader and inspector only (F11), or back to the panels shown before."""
        self.layouts.set_focus_mode(on)
        focus = self.action(ActionId.FOCUS_MODE)
        if focus.isChecked() != on:
            focus.setChecked(on)

    def reset_layout(self) -> None:
        """Every panel back in its first-start place and size."""
        self.layouts.reset()
        # Then the first start's pass again (titles settled first, the claims panel
        # fitted), so the bottom panels come back at the height they first had.  The
        # layouts' own sizing before it stays: without it the height was off in 3 of 20
        # runs of the test.
        self.apply_first_layout()
        self.action(ActionId.FOCUS_MODE).setChecked(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_layout_pending:
            self._first_layout_pending = False
            self.apply_first_layout()
            screen = self.screen()
            if (
                screen is not None
                and self.geometry() == self._first_start_rect  # nobody placed it since
                and not screen.availableGeometry().contains(self.frameGeometry())
            ):
                # Shown, the panels need less room than while being built: size the
                # window again to fit the screen (at 2× a small screen holds little).
                QTimer.singleShot(0, self._fit_first_start)

    def _fit_first_start(self) -> None:
        screen = self.screen()
        if screen is not None and not screen.availableGeometry().contains(self.frameGeometry()):
            self.size_for_first_start()  # the docks keep their shares of the new size

    def _open_first_article(self) -> None:
        last = self.settings.value("window/lastArticle")
        if isinstance(last, str) and last and self.article_panel.select(last):
            return
        titles = self.article_panel.model.articles
        if titles:
            self.article_panel.view.setCurrentIndex(self.article_panel.model.index(0, 0))

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._built:
            self.settings.setValue("window/minimumSize", self.minimumSizeHint())
        self.settings.setValue("window/state", self.layouts.state_to_save())
        if self._built:  # else the article read last time stays the one to open
            aid = self.reader.article_id
            self.settings.setValue("window/lastArticle", str(aid) if aid else "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for job in list(self.jobs):
            job.cancel()
        self.save_settings()
        super().closeEvent(event)
