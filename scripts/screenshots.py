"""Pictures of the real window for the user guide (run by scripts/screenshots.sh).

Opens a fresh copy of the sample workspace in the main window on the display it is
given (an Xvfb screen), sizes the window to the screen and saves what the screen
shows in five situations: the default layout, focus mode, a claim being made (words
selected in the reader), the inspector with a claim chosen and the review queue.

    .venv/bin/python scripts/screenshots.py --out docs/pictures --name laptop [--dark]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Colours of a dark desktop palette, as dark desktops ship them.
DARK = {
    QPalette.ColorRole.Window: "#323232",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1c1c1c",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#3a3a3a",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2d2d2d",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.Mid: "#5a5a5a",
    QPalette.ColorRole.Dark: "#202020",
    QPalette.ColorRole.Light: "#606060",
    QPalette.ColorRole.Shadow: "#141414",
}
# Greyed-out text of disabled controls.
DISABLED = {
    QPalette.ColorRole.Text: "#8c8c8c",
    QPalette.ColorRole.ButtonText: "#8c8c8c",
    QPalette.ColorRole.WindowText: "#8c8c8c",
    QPalette.ColorRole.Button: "#323232",
    QPalette.ColorRole.Light: "#3a3a3a",
    QPalette.ColorRole.Midlight: "#363636",
}


SHOTS = (
    "default",
    "focus",
    "new-claim",
    "inspector",
    "review-queue",
    "conflicts",
    "facts",
    "timeline",
    "graph",
)


def settle(app: QApplication, seconds: float = 0.6) -> None:
    """Let background reads finish and the window repaint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(app: QApplication, path: Path, window: QWidget | None = None) -> None:
    """What the screen shows (or *window* alone), as a small palette PNG."""
    settle(app)
    if window is not None:
        image = window.grab().toImage()
    else:
        image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
    small = image.convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
    )
    small.save(str(path), "PNG", 0)  # quality 0: the strongest compression
    print(f"{path} {image.width()}x{image.height()} {path.stat().st_size // 1024} KiB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/pictures"))
    parser.add_argument("--name", required=True, help="prefix of the picture files")
    parser.add_argument("--dark", action="store_true", help="a dark desktop palette")
    parser.add_argument(
        "--shots",
        default=",".join(SHOTS),
        help=f"which pictures, comma-separated (default: all of {', '.join(SHOTS)})",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from desktop.app import make_application

    app = make_application([])
    if args.dark:
        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        for role, colour in DISABLED.items():
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
        QApplication.setPalette(palette)

    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.main_window import MainWindow
    from desktop.operations import articles as article_ops
    from desktop.operations.workspaces import create_sample, open_workspace

    folder = Path(tempfile.mkdtemp(prefix="claimdesk-pictures-"))
    ws = open_workspace(create_sample(folder / "sample.claimdesk.sqlite"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(ws, RecordingDialogs())
    window = MainWindow(ctx, settings)
    screen = QGuiApplication.primaryScreen()
    window.setGeometry(QRect(screen.availableGeometry()))
    window.show()
    settle(app, 1.5)

    # The article with the most claims, opened at its top.
    panel = window.article_panel
    articles = panel.model.articles
    busiest = max(articles, key=lambda a: getattr(a, "claim_count", 0))
    panel.select(str(busiest.id))
    settle(app)
    reader = window.reader
    claims = reader.claims

    wanted = {name.strip() for name in args.shots.split(",")}
    unknown = wanted - set(SHOTS)
    if unknown:
        parser.error(
            f"unknown picture {', '.join(sorted(unknown))}; choose from {', '.join(SHOTS)}"
        )

    def shot(name: str, prepare: Callable[[], QWidget | None]) -> None:
        alone = prepare()  # a window of its own is pictured alone
        if name in wanted:
            save(app, args.out / f"{args.name}-{name}.png", alone)

    shot("default", lambda: None)
    shot("focus", lambda: window.set_focus_mode(True))
    window.set_focus_mode(False)

    def make_claim() -> None:
        # Words after the first claim, selected as a drag would: Ctrl+E makes them one.
        text = article_ops.article_text(ctx, busiest.id).text
        start = claims[0].end + 1 if claims else 0
        while start < len(text) and not text[start].isalpha():
            start += 1
        end = start
        for _ in range(6):
            end = text.find(" ", end + 1)
        reader.setFocus()
        reader.select_text(start, end if end > start else min(len(text), start + 40))

    shot("new-claim", make_claim)

    def inspect() -> None:
        reader.setTextCursor(reader.textCursor())
        target = max(claims, key=lambda c: c.end - c.start) if claims else None
        if target is not None:
            ctx.claimSelected.emit(target.id)

    shot("inspector", inspect)

    def queue() -> None:
        dock = window.docks["Review queue"]
        dock.show()
        dock.raise_()

    shot("review-queue", queue)

    def dock(title: str) -> Callable[[], None]:
        def show() -> None:
            docked = window.docks[title]
            docked.show()
            docked.raise_()
            settle(app, 2.0)  # the proposals are worked out in the background

        return show

    shot("conflicts", dock("Conflicts"))
    shot("facts", dock("Facts"))

    def open_view(action_name: str) -> Callable[[], QWidget | None]:
        def show() -> QWidget | None:
            from PySide6.QtGui import QAction

            found = window.findChild(QAction, action_name)
            if found is None:
                raise SystemExit(f"no action named {action_name!r} in the main window")
            before = set(QApplication.topLevelWidgets())
            found.trigger()
            settle(app, 2.0)  # laid out in the background
            opened = [
                w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()
            ]
            return opened[0] if opened else None

        return show

    shot("timeline", open_view("actionTimeline"))
    shot("graph", open_view("actionLinkGraph"))
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
