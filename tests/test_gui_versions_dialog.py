"""File ▸ Earlier Versions of Article… lists who replaced each earlier text and when.

The article is replaced twice from the window, by two analysts, on a workspace file;
the dialog's rows give each version's number, local time, analyst and length, in order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gui_shell_support import action, add_text_article, make_window
from PySide6.QtCore import Qt

from db.analysts import add_analyst
from db.revisions import revisions
from desktop.review import act_as
from desktop.revisions.versions_dialog import BY, LENGTH, REPLACED, TITLES, VERSION

LEAD = "한국 정부는 월요일에 예산을 발표했다.\n\n"
FIRST = LEAD + "The ministry said 12 schools would open.\n"
SECOND = "UPDATE: " + FIRST
THIRD = "UPDATE: " + LEAD + "The ministry said 14 schools would open.\n"


def _replace_as(window, qtbot, name: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    assert act_as(window.ctx, name)
    window.ctx.dialogs.next_paths = [str(path)]
    job = window.revisions_ui.replace_current()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error is None, job.error


def _cell(dialog, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = dialog.table.model()
    return model.data(model.index(row, column), role)


def test_rows_name_who_replaced_each_text_and_when_in_order(ws, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_analyst(ws, "Ann Lee", "AL")
    add_analyst(ws, "Bo Kim", "BK")
    art = add_text_article(ws, FIRST, "Budget")
    files = []
    for name, text in (("v2.txt", SECOND), ("v3.txt", THIRD)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")

    window = make_window(ws, tmp_path, qtbot)
    assert window.open_article(art.id)
    _replace_as(window, qtbot, "Ann Lee", files[0])
    _replace_as(window, qtbot, "Bo Kim", files[1])
    assert window.reader.toPlainText() == THIRD

    action(window, "actionArticleVersions").trigger()  # File ▸ Earlier Versions of Article…
    dialog = window.revisions_ui.versions_dialog
    assert dialog is not None
    model = dialog.table.model()
    assert model.rowCount() == 2
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == list(TITLES)
    assert [_cell(dialog, r, VERSION) for r in range(2)] == ["1", "2"]
    assert [_cell(dialog, r, BY) for r in range(2)] == ["Ann Lee", "Bo Kim"]
    assert [_cell(dialog, r, LENGTH) for r in range(2)] == [
        f"{len(FIRST)} characters",
        f"{len(SECOND)} characters",
    ]
    # The times are the stored ones in local time, the first replacement first.
    stored = [info.replaced_at for info in revisions(ws, art.id)]
    assert isinstance(stored[0], dt.datetime) and stored[0] <= stored[1]
    shown = [_cell(dialog, r, REPLACED) for r in range(2)]
    assert shown == [s.astimezone().strftime("%Y-%m-%d %H:%M") for s in stored]
    now = dt.datetime.now().astimezone().replace(tzinfo=None)
    for text in shown:
        when = dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
        assert dt.timedelta(0) <= now - when <= dt.timedelta(minutes=5)
    full = [_cell(dialog, r, REPLACED, Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert full == [
        f"{s.astimezone().strftime('%A %d %B %Y, %H:%M:%S')} ({s.astimezone().tzname()})"
        for s in stored
    ]
    # The text shown is the one just before the last replacement; choosing the first
    # row shows the first text.
    assert dialog.text.toPlainText() == SECOND
    dialog.table.selectRow(0)
    assert dialog.text.toPlainText() == FIRST
    dialog.close()


def test_a_version_whose_replacer_is_not_recorded_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    import uuid

    from db.revisions import RevisionInfo
    from desktop.revisions.versions_dialog import VersionsDialog

    when = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    info = RevisionInfo(uuid.uuid4(), uuid.uuid4(), 1, "old.txt", when, 12)
    dialog = VersionsDialog("One", [info], lambda _n: "old text")
    qtbot.addWidget(dialog)
    assert _cell(dialog, 0, BY) == "not recorded"
    assert "does not record" in _cell(dialog, 0, BY, Qt.ItemDataRole.ToolTipRole)
    assert _cell(dialog, 0, REPLACED) == when.astimezone().strftime("%Y-%m-%d %H:%M")
