"""An acknowledged edit survives the process being killed right after it.

Each child process makes an edit, prints "ok" once the call has returned (the
edit is acknowledged to the user) and then SIGKILLs itself, so no clean-up,
checkpoint or close runs.  The parent reopens the workspace and looks for it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.claims import create_claim, get_claim, list_claims
from db.models import Status
from db.workspace import open_workspace

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Seoul said 1,500 soldiers left 원산 🚢; Kyiv said 12,000 were already training.\n"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _prepare(path: Path) -> uuid.UUID:
    ws = open_workspace(path)
    try:
        bind_analyst(ws)
        return add_article(ws, NewArticle(text=TEXT, original=TEXT.encode())).id
    finally:
        ws.close()


def _run_and_kill(code: str, *args: str, gui: bool = False) -> list[str]:
    env = dict(os.environ)
    if gui:
        env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    lines = result.stdout.split()
    assert lines and lines[0] == "ok", result.stdout + result.stderr
    return lines[1:]


CREATE = """
    import os, signal, sys
    from db.analysts import bind_analyst
    from db.claims import create_claim
    from db.workspace import open_workspace

    ws = open_workspace(sys.argv[1])
    bind_analyst(ws)
    info = create_claim(ws, sys.argv[2], 11, 16, status="in_review", tags=["crash"])
    print("ok", info.id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_created_claim_survives_sigkill(ws_path: Path) -> None:
    article_id = _prepare(ws_path)
    (claim_id,) = _run_and_kill(CREATE, str(ws_path), str(article_id))
    ws = open_workspace(ws_path)
    try:
        claim = get_claim(ws, claim_id)
        assert claim.quote == "1,500"
        assert claim.status is Status.IN_REVIEW
        assert claim.tags == ("crash",)
    finally:
        ws.close()


UPDATE_MANY = """
    import os, signal, sys
    from db.analysts import bind_analyst
    from db.claims import list_claims, update_claim
    from db.workspace import open_workspace

    ws = open_workspace(sys.argv[1])
    bind_analyst(ws)
    for claim in list_claims(ws):
        update_claim(
            ws, claim.id, status="verified", rationale="Seen.", notes="checked before the crash"
        )
    print("ok", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_status_changes_survive_sigkill(ws_path: Path) -> None:
    article_id = _prepare(ws_path)
    ws = open_workspace(ws_path)
    try:
        bind_analyst(ws)
        for start in range(0, 40):
            create_claim(ws, article_id, start, start + 5)
    finally:
        ws.close()
    _run_and_kill(UPDATE_MANY, str(ws_path))
    ws = open_workspace(ws_path)
    try:
        claims = list_claims(ws)
        assert len(claims) == 40
        assert {c.status for c in claims} == {Status.VERIFIED}
        assert {c.notes for c in claims} == {"checked before the crash"}
        assert {c.version for c in claims} == {2}
    finally:
        ws.close()


UNDO_STACK = """
    import os, signal, sys, uuid
    from PySide6.QtWidgets import QApplication
    from db.analysts import bind_analyst
    from db.workspace import open_workspace
    from desktop.commands.claims import CreateClaimCommand, UpdateClaimCommand
    from desktop.context import AppContext

    app = QApplication([])
    ws = open_workspace(sys.argv[1])
    bind_analyst(ws)
    ctx = AppContext(ws)
    start = int(sys.argv[3])
    create = CreateClaimCommand(ctx, uuid.UUID(sys.argv[2]), start, start + 6)
    ctx.undo_stack.push(create)
    ctx.undo_stack.push(UpdateClaimCommand(ctx, create.claim_id, {"status": "disputed"}))
    app.processEvents()
    assert not create.failed
    print("ok", create.claim_id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_edit_through_the_undo_stack_survives_sigkill(ws_path: Path) -> None:
    article_id = _prepare(ws_path)
    start = str(TEXT.index("12,000"))
    (claim_id,) = _run_and_kill(UNDO_STACK, str(ws_path), str(article_id), start, gui=True)
    ws = open_workspace(ws_path)
    try:
        claim = get_claim(ws, claim_id)
        assert claim.quote == "12,000"
        assert claim.status is Status.DISPUTED
    finally:
        ws.close()


MAIN_WINDOW = """
    import os, signal, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor
    from db.anchors import Utf16Index
    from db.analysts import bind_analyst
    from db.workspace import open_workspace
    from desktop.app import make_application
    from desktop.context import AppContext
    from desktop.main_window import MainWindow

    app = make_application([])
    ws = open_workspace(sys.argv[1])
    bind_analyst(ws)
    ctx = AppContext(ws)
    window = MainWindow(ctx, QSettings(sys.argv[4], QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    assert window.open_article(sys.argv[2])
    reader = window.reader
    start = int(sys.argv[3])
    index = Utf16Index(reader.toPlainText())
    cursor = reader.textCursor()
    cursor.setPosition(index.to_utf16(start))
    cursor.setPosition(index.to_utf16(start + 6), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    assert reader.new_claim_from_selection()
    app.processEvents()
    assert ctx.undo_stack.count() == 1
    print("ok", reader.selected_claim_id or "-", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_claim_made_in_the_main_window_survives_sigkill(ws_path: Path, tmp_path: Path) -> None:
    article_id = _prepare(ws_path)
    start = TEXT.index("12,000")
    settings = tmp_path / "settings.ini"
    _run_and_kill(MAIN_WINDOW, str(ws_path), str(article_id), str(start), str(settings), gui=True)
    ws = open_workspace(ws_path)
    try:
        claims = list_claims(ws)
        assert [(c.start, c.quote) for c in claims] == [(start, "12,000")]
    finally:
        ws.close()
