"""Start-up holds the cycle collector off while the window's modules load and its
panels are built; once they are built the collector is on again, start-up's objects
set aside (frozen), and handed back when the window's run ends."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from desktop import start_collection
from tests.test_lazy_start import _workspace, run_probe


@pytest.fixture
def collector_state():  # type: ignore[no-untyped-def]
    """The collector as the test found it, restored after."""
    was_on, frozen = gc.isenabled(), gc.get_freeze_count()
    yield
    start_collection.unfreeze()
    if gc.get_freeze_count() and not frozen:
        gc.unfreeze()
    (gc.enable if was_on else gc.disable)()


def test_hold_then_release_freezes_what_lives_and_switches_the_collector_on(
    collector_state,
) -> None:
    gc.enable()
    start_collection.hold()
    assert not gc.isenabled()
    start_collection.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    start_collection.unfreeze()
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_release_leaves_alone_a_collector_it_did_not_switch_off(collector_state) -> None:
    gc.disable()  # (someone else's pause)
    start_collection.hold()
    start_collection.release()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_release_frees_the_cycles_made_while_held(collector_state) -> None:
    gc.enable()
    start_collection.hold()

    class Node:
        pass

    first, second = Node(), Node()
    first.other, second.other = second, first  # type: ignore[attr-defined]
    import weakref

    gone = weakref.ref(first)
    del first, second
    assert gone() is not None  # a cycle: only the collector frees it
    start_collection.release()
    assert gone() is None  # freed, not frozen


PROBE = r"""
import gc, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {{}}

def at_first_pass():
    # Inside start-up's own wait for the panels (the first pass of its event loop).
    from desktop.main_window.window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    seen["while_building"] = gc.isenabled()
    window.wait_for_panels()
    seen["built"] = [gc.isenabled(), gc.get_freeze_count() > 0]
    window.close()
    app.quit()

QTimer.singleShot(0, at_first_pass)
from desktop.launcher import main
main(["--db", {db!r}])
seen["after"] = [gc.isenabled(), gc.get_freeze_count()]
print(json.dumps(seen))
"""


def test_the_window_starts_with_the_collector_held_and_builds_its_panels_with_it_back(
    tmp_path: Path,
) -> None:
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    seen = run_probe(PROBE.format(db=str(db)), tmp_path)
    assert seen["while_building"] is False
    # Back as soon as the panels are built, even for work that runs inside start-up's
    # wait for them (as the first pass of its event loop does here).
    assert seen["built"] == [True, True]
    assert seen["after"] == [True, 0]
