"""Quit drill: open an empty workspace and quit at once, many times; count how each ended.

    python scripts/quit_drill.py --runs 200 [--jobs 3] [--ways close,app.quit]

Each run starts ClaimDesk through its entry point in a fresh process (offscreen, with
``-X faulthandler`` and settings of its own) on a copy of an empty workspace, and
quits at a delay spread over 0-2 s after the main window shows: by closing the window
(what File > Quit does) or by ``QApplication.quit()``.  Quitting then meets the
start-up's background jobs (panels filling, the loading of the import code).  The
drill prints, per way of quitting, how many runs ended with each exit code (negative:
killed by that signal; ``hung``: still running after --hang seconds) and the stderr
of the runs that did not end cleanly.  Several jobs at once load the machine, as CI
does.  Exit 0 when every run ended with 0 and no error reached stderr.

``app.quit`` before the entry point reaches its main event loop is ignored by Qt (the
window stays open): such runs count as ``hung``, not as failures.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

way, delay, db = sys.argv[1], float(sys.argv[2]), sys.argv[3]
app = QApplication([sys.argv[0]])

class QuitAfterShow(QObject):
    armed = False

    def eventFilter(self, watched, event):
        if (
            not self.armed
            and event.type() == QEvent.Type.Show
            and type(watched).__name__ == "MainWindow"
        ):
            self.armed = True
            QTimer.singleShot(int(delay * 1000), lambda: quit_now(watched))
        return False

def quit_now(window):
    if way == "app.quit":
        app.quit()
    else:
        window.close()

watch = QuitAfterShow()
app.installEventFilter(watch)
from desktop.launcher import main
sys.exit(main(["--db", db]))
"""

NOISE = ("This plugin does not support propagateSizeHints()",)


def make_template(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from db.analysts import create_first_analyst
    from db.workspace import open_workspace

    ws = open_workspace(path)
    create_first_analyst(ws, "Dana Reyes", "DR")  # no "who is working" dialog
    ws.close()


def one_run(template: Path, way: str, delay: float, hang: float) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix="quit-drill-") as tmp:
        db = Path(tmp) / "w.claimdesk.sqlite"
        shutil.copy(template, db)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
            "CLAIMDESK_DATA_DIR": f"{tmp}/data",
        }
        command = [sys.executable, "-X", "faulthandler", "-c", PROBE, way, str(delay), str(db)]
        try:
            done = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=hang
            )
        except subprocess.TimeoutExpired:
            return "hung", ""
        err = "\n".join(line for line in done.stderr.splitlines() if line not in NOISE)
        return str(done.returncode), err


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=3, help="runs at once (load)")
    parser.add_argument("--ways", default="close,app.quit")
    parser.add_argument("--hang", type=float, default=40.0, help="seconds before 'hung'")
    options = parser.parse_args()
    ways = options.ways.split(",")
    with tempfile.TemporaryDirectory(prefix="quit-drill-template-") as tmp:
        template = Path(tmp) / "template.claimdesk.sqlite"
        make_template(template)
        plan = [
            (ways[n % len(ways)], round((n * 0.618034) % 1.0 * 2.0, 3)) for n in range(options.runs)
        ]
        with ThreadPoolExecutor(options.jobs) as pool:
            ends = list(pool.map(lambda p: (*p, *one_run(template, *p, options.hang)), plan))
    counts = collections.Counter((way, code) for way, _delay, code, _err in ends)
    failed = [e for e in ends if e[2] not in ("0", "hung") or e[3].strip()]
    for way, delay, code, err in failed[:20]:
        print(f"--- {way} at {delay:.3f} s: exit {code}\n{err[-2000:]}")
    for (way, code), n in sorted(counts.items()):
        print(f"{way:9} exit {code:>5}: {n}")
    print(f"{len(failed)} of {len(ends)} runs did not end cleanly")
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
