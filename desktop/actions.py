"""Every window action in one table: text, shortcuts, objectName, icon and menu.

``create_actions`` builds them all; the main window connects them.  Undo and
redo come from the undo stack (``undo_actions``) so their text names the edit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack

from db.paths import RESOURCES


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcuts: tuple[str, ...] = ()
    icon: str = ""
    tip: str = ""
    menu: str = ""
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut


class ActionId(enum.Enum):
    NEW_WORKSPACE = ActionSpec("&New Workspace…", ("Ctrl+N",), "new", menu="File")
    OPEN_WORKSPACE = ActionSpec("&Open Workspace…", ("Ctrl+O",), "open", menu="File")
    IMPORT = ActionSpec(
        "&Import Articles…", ("Ctrl+I",), "import", "Import article files", menu="File"
    )
    IMPORT_FOLDER = ActionSpec(
        "Import &Folder…",
        ("Ctrl+Shift+I",),
        "import",
        "Import every article in a folder",
        menu="File",
    )
    EXPORT = ActionSpec(
        "&Export Claims…", ("Ctrl+Shift+E",), "export", "Export a claim sheet", menu="File"
    )
    DELETE_ARTICLE = ActionSpec("&Delete Article…", (), "delete", menu="File")
    QUIT = ActionSpec("&Quit", ("Ctrl+Q",), "", menu="File")
    NEW_CLAIM = ActionSpec(
        "New &Claim from Selection",
        ("Ctrl+E",),
        "claim",
        "Make the selected words a claim",
        menu="Claim",
    )
    NEW_EXACT_CLAIM = ActionSpec(
        "New Claim from &Exact Selection",
        ("Ctrl+Alt+E",),
        "claim",
        "Make exactly the selected characters a claim (Ctrl+E widens to whole words)",
        menu="Claim",
    )
    GROW_CLAIM_END = ActionSpec(
        "&Grow Claim at End",
        ("Shift+Alt+Right",),
        "",
        "Take in the next word at the selected claim's end",
        menu="Claim",
    )
    SHRINK_CLAIM_END = ActionSpec(
        "Shrink Claim at E&nd",
        ("Shift+Alt+Left",),
        "",
        "Give up the last word of the selected claim",
        menu="Claim",
    )
    GROW_CLAIM_START = ActionSpec(
        "Grow Claim at &Start",
        ("Ctrl+Shift+Alt+Left", "Shift+Alt+Up"),
        "",
        "Take in the word before the selected claim's start",
        menu="Claim",
    )
    SHRINK_CLAIM_START = ActionSpec(
        "Shrink Claim at S&tart",
        ("Ctrl+Shift+Alt+Right", "Shift+Alt+Down"),
        "",
        "Give up the first word of the selected claim",
        menu="Claim",
    )
    DELETE_CLAIM = ActionSpec(
        "&Delete Claim",
        ("Delete",),
        "delete",
        "Delete the selected claim",
        menu="Claim",
        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
    )
    NEXT_CLAIM = ActionSpec("&Next Claim", ("F8", "Ctrl+]"), "next", menu="Claim")
    PREV_CLAIM = ActionSpec("&Previous Claim", ("Shift+F8", "Ctrl+["), "prev", menu="Claim")
    NEXT_SUGGESTION = ActionSpec(
        "Ne&xt Suggestion",
        ("F9",),
        "next",
        "Select the next suggested claim in the article",
        menu="Claim",
    )
    PREV_SUGGESTION = ActionSpec(
        "Pre&vious Suggestion",
        ("Shift+F9",),
        "prev",
        "Select the previous suggested claim in the article",
        menu="Claim",
    )
    ACCEPT_SUGGESTION = ActionSpec(
        "&Accept Suggestion",
        ("Alt+Return", "Alt+Enter"),
        "claim",
        "Make the selected suggestion a claim with its source, date and figure",
        menu="Claim",
    )
    DISMISS_SUGGESTION = ActionSpec(
        "D&ismiss Suggestion",
        ("Alt+Del",),
        "",
        "Do not suggest it again in this article (offers a dismissed one again)",
        menu="Claim",
    )
    SHOW_DISMISSED = ActionSpec(
        "&Show Dismissed Suggestions",
        ("Ctrl+F9",),
        "",
        "Show the suggestions dismissed in this article again",
        menu="Claim",
    )
    FIND = ActionSpec(
        "&Filter Claims…", ("Ctrl+Shift+L",), "find", "Filter the claims table", menu="Edit"
    )
    SEARCH = ActionSpec(
        "&Search Everywhere…",
        ("Ctrl+Shift+F",),
        "find",
        "Search articles, claims, comments, sources and tags",
        menu="Edit",
    )
    FIND_IN_ARTICLE = ActionSpec(
        "Find in &Article…", ("Ctrl+F",), "find", "Find words in the open article", menu="Edit"
    )
    FOCUS_ARTICLES = ActionSpec("Go to &Articles", ("Alt+1",), menu="View")
    FOCUS_READER = ActionSpec("Go to &Reader", ("Alt+2",), menu="View")
    FOCUS_INSPECTOR = ActionSpec("Go to &Inspector", ("Alt+3",), menu="View")
    FOCUS_CLAIMS = ActionSpec("Go to Claims &Table", ("Alt+4",), menu="View")
    FOCUS_SOURCES = ActionSpec("Go to &Sources", ("Alt+5",), menu="View")
    NEXT_PANE = ActionSpec(
        "Next &Pane", ("F6",), tip="Move the keyboard focus to the next panel", menu="View"
    )
    PREV_PANE = ActionSpec(
        "Previous Pa&ne",
        ("Shift+F6",),
        tip="Move the keyboard focus to the previous panel",
        menu="View",
    )
    FOCUS_MODE = ActionSpec(
        "&Focus on the Article",
        ("F11",),
        tip="Show the reader and the claim inspector only; again to bring the panels back",
        menu="View",
    )
    RESET_LAYOUT = ActionSpec(
        "Reset &Layout", (), tip="Put every panel back in its first-start place", menu="View"
    )
    SHORTCUTS = ActionSpec("&Keyboard Shortcuts", ("F1",), menu="Help")
    ABOUT = ActionSpec("&About ClaimDesk", (), menu="Help")

    @property
    def object_name(self) -> str:
        return "action" + "".join(part.capitalize() for part in self.name.split("_"))


# Actions named here keep the exact objectNames other code and tests look up.
OBJECT_NAMES = {
    ActionId.PREV_CLAIM: "actionPrevClaim",
}
MENU_ORDER = ("File", "Edit", "Claim", "View", "Review", "Tools", "Help")


def object_name(action_id: ActionId) -> str:
    return OBJECT_NAMES.get(action_id, action_id.object_name)


def icon(name: str) -> QIcon:
    """An icon from resources/icons (empty if missing)."""
    path = RESOURCES / "icons" / f"{name}.svg"
    return QIcon(str(path)) if name and path.exists() else QIcon()


def create_actions(parent: QObject) -> dict[ActionId, QAction]:
    actions: dict[ActionId, QAction] = {}
    for action_id in ActionId:
        spec: ActionSpec = action_id.value
        action = QAction(spec.text, parent)
        action.setObjectName(object_name(action_id))
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(spec.context)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        tip = spec.tip or spec.text.replace("&", "").rstrip("…")
        if spec.shortcuts:
            tip = f"{tip} ({spec.shortcuts[0]})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        actions[action_id] = action
    actions[ActionId.FOCUS_MODE].setCheckable(True)
    # The platform's Quit keys where it has some (some Linux platforms have none).
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    if quit_keys:
        actions[ActionId.QUIT].setShortcuts(quit_keys)
    return actions


def undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Undo/redo actions tied to *stack*: Ctrl+Z and Ctrl+Shift+Z (plus Ctrl+Y)."""
    undo = stack.createUndoAction(parent, "&Undo")
    undo.setObjectName("actionUndo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    undo.setIcon(icon("undo"))
    redo = stack.createRedoAction(parent, "&Redo")
    redo.setObjectName("actionRedo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setIcon(icon("redo"))
    return undo, redo
