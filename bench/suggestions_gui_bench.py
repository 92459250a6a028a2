"""Time to suggestions in the real window, per seed article (offscreen).

For each seed: the time to open the article in the reader (the baseline, measured in
the same run), and the time from opening it to its suggestions listed and underlined,
computed off the GUI thread, first (cold cache) and again (cached).  Also the longest
gap between GUI-thread events while suggestions were computed, to show the window
never waits for them.  Run: PYTHONPATH=. .venv/bin/python bench/suggestions_gui_bench.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> int:
    app = QApplication.instance() or QApplication([])
    from db.analysts import bind_analyst
    from db.importing import import_file
    from db.workspace import open_workspace
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLAIMDESK_DATA_DIR"] = tmp
        ws = open_workspace(Path(tmp) / "bench.sqlite")
        bind_analyst(ws)
        articles = [import_file(ws, p) for p in sorted(SEEDS.glob("*.txt"))]
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(AppContext(ws, RecordingDialogs()), settings)
        window.show()
        view = window.suggestions_view
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()

        def wait_shown() -> None:
            deadline = time.perf_counter() + 30
            while (view.pending or view.timer.isActive()) and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)

        print(
            f"{'article':<22}{'chars':>8}{'open (ms)':>11}{'cold (ms)':>11}"
            f"{'cached (ms)':>13}{'compute (ms)':>14}{'count':>7}"
        )
        for article in articles:
            for run in ("cold", "cached"):
                window.reader.clear_article()
                app.processEvents()
                began = time.perf_counter()
                window.open_article(article.id)
                opened = time.perf_counter() - began
                wait_shown()
                shown = time.perf_counter() - began
                if run == "cold":
                    cold, compute, open_ms = shown, view.last_seconds, opened
            print(
                f"{article.filename[:21]:<22}{len(window.reader._text):>8}"
                f"{open_ms * 1000:>11.1f}{cold * 1000:>11.1f}{shown * 1000:>13.1f}"
                f"{compute * 1000:>14.1f}{view.model.rowCount():>7}"
            )
        timer.stop()
        print(f"longest gap between GUI events: {max(gaps) * 1000:.1f} ms")
        window.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
