"""The claims table: model, filters, sorting, signals, in-place refresh."""

from __future__ import annotations

import pytest
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt, QThreadPool

from db import claims as claim_ops
from db.articles import article_text
from db.claims import ClaimFilter
from db.models import Status
from db.sources import create_source
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.models.claims_model import (
    COL_GRADING,
    COL_ID,
    COL_SOURCE,
    COL_STATEMENT,
    COL_STATUS,
    COL_TAGS,
    COL_THREADS,
    ClaimIdRole,
    ClaimsTableModel,
    SortRole,
    StatusRole,
)


@pytest.fixture
def ctx(ws):
    return AppContext(ws, RecordingDialogs())


@pytest.fixture
def data(ws, seed_paths):
    """Two articles, eight claims with varied status, source and tags."""
    first = add_seed_article(ws, seed_paths[1], "Alpha report")
    second = add_seed_article(ws, seed_paths[2], "Beta report")
    a = sentence_claims(ws, first, article_text(ws, first.id).text, 5)
    b = sentence_claims(ws, second, article_text(ws, second.id).text, 3)
    agency = create_source(ws, "Wire agency", default_reliability="B")
    claim_ops.update_claim(
        ws, a[0].id, status="verified", rationale="Checked against the record.", tags=["casualties"]
    )
    claim_ops.update_claim(
        ws,
        a[1].id,
        status="false",
        rationale="Checked against the record.",
        source_id=agency.id,
        reliability="C",
    )
    claim_ops.update_claim(
        ws,
        b[0].id,
        status="verified",
        rationale="Checked against the record.",
        tags=["casualties", "border"],
    )
    claim_ops.update_claim(ws, b[2].id, notes="Zebrafish marker", credibility=4)
    return {"a": a, "b": b, "agency": agency, "articles": (first, second)}


@pytest.fixture
def view(qtbot, ctx, data):
    widget = ClaimsTableView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    _wait_loaded(qtbot, widget)
    return widget


def _wait_loaded(qtbot, view: ClaimsTableView) -> None:
    """Rows are read in the background: wait until the latest request is shown and counted."""
    qtbot.waitUntil(lambda: not view.model.busy, timeout=5000)


def _drain(qtbot) -> None:
    """Wait for every background read to end and deliver what it sent to the GUI thread."""
    qtbot.waitUntil(lambda: not QThreadPool.globalInstance().activeThreadCount(), timeout=5000)
    qtbot.wait(10)


def _ids(view: ClaimsTableView) -> set[str]:
    model = view.model
    return {model.claim_id_at(r) for r in range(model.rowCount())}


def test_names_and_all_rows(view, data):
    assert view.objectName() == "claimsTablePanel"
    assert view.table.objectName() == "claimsTable"
    assert view.findChild(type(view.table), "claimsTable") is view.table
    assert view.model.rowCount() == 8
    assert view.table.verticalHeader().defaultSectionSize() == 24
    assert "8 claims" in view.count_label.text()


def test_empty_table_says_what_to_do(qtbot, ctx, ws, view, data):
    # A filter that matches nothing points at the filters, not at an empty workspace.
    view.filter_bar.filter_edit.setText("no claim says this")
    view.filter_bar.apply_now()
    _wait_loaded(qtbot, view)
    assert view.model.rowCount() == 0
    assert "No claims match these filters" in view.count_label.text()
    # A workspace without claims says how to make the first one.
    for claim in [*data["a"], *data["b"]]:
        claim_ops.delete_claim(ws, claim.id)
    view.filter_bar.filter_edit.clear()
    view.filter_bar.apply_now()
    _wait_loaded(qtbot, view)
    assert "No claims yet" in view.count_label.text()
    assert "Ctrl+E" in view.count_label.text()


def test_model_passes_qtmodeltester(qtmodeltester, ws, data):
    model = ClaimsTableModel(lambda: ws)
    model.load()
    qtmodeltester.check(model, force_py=True)
    # The tester keeps watching: sorting, reloading, in-place updates, removals and
    # insertions must all signal consistently.
    model.sort(COL_STATEMENT, Qt.SortOrder.DescendingOrder)
    model.load(ClaimFilter(statuses=frozenset({Status.VERIFIED})))
    claim_ops.update_claim(ws, data["a"][0].id, status="disputed")
    claim_ops.update_claim(
        ws, data["a"][2].id, status="verified", rationale="Checked against the record."
    )
    model.refresh_ids([data["a"][0].id, data["a"][2].id, data["b"][0].id])
    assert model.rowCount() == 2
    assert model.row_of(str(data["a"][0].id)) is None
    assert model.row_of(str(data["a"][2].id)) is not None


def test_model_passes_qtmodeltester_with_background_loads(qtbot, qtmodeltester, ws, data):
    from db import comments as comment_ops

    model = ClaimsTableModel(lambda: ws)
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_THREADS, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.load_async()
    comment_ops.add_comment(ws, data["b"][2].id, "Is the date right?")
    assert model.refresh_thread_counts() == 1
    assert model.index(model.row_of(str(data["b"][2].id)), COL_THREADS).data() == "1"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.load_async(ClaimFilter(text="zebrafish"))
    assert model.rowCount() == 1
    assert model.index(0, COL_THREADS).data() == "1"


def test_cells_show_claim_data(view, data):
    model = view.model
    row = model.row_of(str(data["a"][1].id))
    assert model.index(row, COL_STATUS).data() == "False"
    assert model.index(row, COL_SOURCE).data() == "Wire agency"
    assert model.index(row, COL_GRADING).data() == "C"
    assert model.index(row, COL_ID).data() == str(data["a"][1].id).replace("-", "")[:8]
    assert model.index(row, COL_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(row, 5).data(ClaimIdRole) == str(data["a"][1].id)
    tagged = model.row_of(str(data["b"][0].id))
    assert model.index(tagged, COL_TAGS).data() == "border, casualties"


def test_filter_by_status_text_tag_source_article(qtbot, view, data):
    bar = view.filter_bar
    bar.status_actions[Status.VERIFIED].setChecked(True)
    _wait_loaded(qtbot, view)
    assert _ids(view) == {str(data["a"][0].id), str(data["b"][0].id)}
    bar.status_actions[Status.FALSE].setChecked(True)
    _wait_loaded(qtbot, view)
    assert len(_ids(view)) == 3
    bar.set_statuses(set())
    _wait_loaded(qtbot, view)
    assert len(_ids(view)) == 8

    with qtbot.waitSignal(bar.filterChanged, timeout=2000):
        view.filter_edit.setText("zebrafish")
    _wait_loaded(qtbot, view)
    assert _ids(view) == {str(data["b"][2].id)}
    view.filter_edit.clear()
    bar.apply_now()

    bar.select_data(bar.tag_combo, "casualties")
    _wait_loaded(qtbot, view)
    assert _ids(view) == {str(data["a"][0].id), str(data["b"][0].id)}
    bar.select_data(bar.tag_combo, None)

    bar.select_data(bar.source_combo, str(data["agency"].id))
    _wait_loaded(qtbot, view)
    assert _ids(view) == {str(data["a"][1].id)}
    bar.select_data(bar.source_combo, None)

    bar.select_data(bar.article_combo, str(data["articles"][1].id))
    _wait_loaded(qtbot, view)
    assert _ids(view) == {str(c.id) for c in data["b"]}
    assert view.current_filter().article_ids == {data["articles"][1].id}


def test_sorting_by_header(qtbot, view, data):
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [view.model.index(r, COL_STATUS).data(StatusRole) for r in range(8)]
    assert statuses == sorted(statuses)  # by the stored value, the order of its index
    assert statuses[0] == "false" and statuses[-1] == "verified"
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.table.sortByColumn(COL_SOURCE, Qt.SortOrder.DescendingOrder)
    assert view.model.index(0, COL_SOURCE).data() == "Wire agency"
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.table.sortByColumn(COL_STATEMENT, Qt.SortOrder.AscendingOrder)
    texts = [view.model.raw_row(r)[5].casefold() for r in range(8)]
    assert texts == sorted(texts)


def test_double_click_and_enter_open_claim(qtbot, ctx, view, data):
    target = data["b"][1]
    row = view.model.row_of(str(target.id))
    index = view.model.index(row, COL_STATEMENT)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    # An item view only takes a double-click on the cell that was pressed first.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(ctx.openClaimRequested) as blocker:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [str(target.id)]

    other = data["a"][2]
    view.table.setCurrentIndex(view.model.index(view.model.row_of(str(other.id)), 1))
    with qtbot.waitSignal(ctx.openClaimRequested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [str(other.id)]


def test_selection_emits_claim_selected(qtbot, ctx, view, data):
    target = data["a"][3]
    with qtbot.waitSignal(ctx.claimSelected) as blocker:
        view.table.selectRow(view.model.row_of(str(target.id)))
    assert blocker.args == [str(target.id)]


def test_refresh_in_place_insert_and_remove(qtbot, ctx, ws, view, data):
    view.filter_bar.status_actions[Status.VERIFIED].setChecked(True)
    _wait_loaded(qtbot, view)
    assert view.model.rowCount() == 2
    changed = data["a"][0]
    # Still verified: the row is updated in place with a dataChanged signal.
    claim_ops.update_claim(ws, changed.id, tags=["casualties", "updated"])
    with qtbot.waitSignal(view.model.dataChanged) as blocker:
        ctx.claims_changed([changed.id])
    row = view.model.row_of(str(changed.id))
    assert blocker.args[0].row() == row and Qt.ItemDataRole.DisplayRole.value in blocker.args[2]
    assert view.model.index(row, COL_TAGS).data() == "casualties, updated"
    # No longer matching the filter: removed.
    claim_ops.update_claim(ws, changed.id, status="disputed")
    with qtbot.waitSignal(view.model.rowsRemoved):
        ctx.claims_changed([changed.id])
    assert str(changed.id) not in _ids(view)
    # Newly matching: inserted.
    newly = data["b"][1]
    claim_ops.update_claim(ws, newly.id, status="verified", rationale="Checked against the record.")
    with qtbot.waitSignal(view.model.rowsInserted):
        ctx.claims_changed([newly.id])
    assert _ids(view) == {str(data["b"][0].id), str(newly.id)}
    # Deleted claims disappear; an empty list reloads everything.
    claim_ops.delete_claim(ws, newly.id)
    with qtbot.waitSignal(view.model.rowsRemoved):
        ctx.claims_changed([newly.id])
    assert _ids(view) == {str(data["b"][0].id)}
    claim_ops.update_claim(
        ws, data["a"][4].id, status="verified", rationale="Checked against the record."
    )
    ctx.claims_changed([])
    _wait_loaded(qtbot, view)
    assert _ids(view) == {str(data["b"][0].id), str(data["a"][4].id)}


def test_set_filter_keeps_selection(qtbot, view, data):
    target = data["b"][0]
    assert view.select_claim(str(target.id))
    with qtbot.waitSignal(view.model.loaded):
        view.set_filter(ClaimFilter(tags=frozenset({"casualties"})))
    assert view.current_claim_id() == str(target.id)
    assert view.select_claim(str(data["a"][4].id)) is False


def test_claim_rows_on_postgresql(pg_url, seed_paths):
    from db.analysts import bind_analyst
    from db.claim_rows import R_ID, R_SOURCE, R_STATUS, R_TAGS, R_UPDATED, claim_rows
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    pg = open_workspace(pg_url)
    try:
        bind_analyst(pg)
        article = add_seed_article(pg, seed_paths[3], "Gamma")
        made = sentence_claims(pg, article, article_text(pg, article.id).text, 3)
        source = create_source(pg, "Agency")
        claim_ops.update_claim(pg, made[1].id, tags=["b", "a"], source_id=source.id)
        rows = {r[R_ID]: r for r in claim_rows(pg)}
        assert set(rows) == {str(c.id) for c in made}
        row = rows[str(made[1].id)]
        assert (row[R_TAGS], row[R_SOURCE], row[R_STATUS]) == ("a, b", "Agency", "unverified")
        assert row[R_UPDATED].utcoffset().total_seconds() == 0
        only = claim_rows(pg, ClaimFilter(tags=frozenset({"a"})), ids=[made[0].id, made[1].id])
        assert [r[R_ID] for r in only] == [str(made[1].id)]
    finally:
        pg.close()


def test_follows_selection_made_elsewhere(qtbot, ctx, view, data):
    target = data["b"][2]
    with qtbot.assertNotEmitted(view.table.doubleClicked):
        ctx.claimSelected.emit(str(target.id))
    assert view.current_claim_id() == str(target.id)
    assert [i.data(ClaimIdRole) for i in view.table.selectionModel().selectedRows()] == [
        str(target.id)
    ]


def test_filter_choices_follow_new_tags_and_sources(qtbot, ctx, ws, view, data):
    bar = view.filter_bar
    assert not bar.choices_loaded  # nothing read until a list is opened
    for combo in (bar.tag_combo, bar.source_combo):
        combo.ensure_loaded()  # as opening the list does
    qtbot.waitUntil(lambda: bar.tag_combo.loaded and bar.source_combo.loaded, timeout=5000)
    claim_ops.update_claim(ws, data["a"][3].id, tags=["fresh-tag"])
    ctx.claims_changed([data["a"][3].id])
    qtbot.waitUntil(lambda: bar.tag_combo.findData("fresh-tag") > 0, timeout=5000)
    new = create_source(ws, "New wire")
    ctx.sourcesChanged.emit()
    qtbot.waitUntil(lambda: bar.source_combo.findData(str(new.id)) > 0, timeout=5000)


def test_set_status_of_several_claims_is_one_undo_step(qtbot, ctx, ws, view, data):
    ids = [str(data["a"][2].id), str(data["a"][3].id), str(data["a"][0].id)]
    assert view.set_status(ids, Status.IN_REVIEW) == 3
    assert ctx.undo_stack.count() == 1
    _wait_loaded(qtbot, view)
    assert {claim_ops.get_claim(ws, i).status for i in ids} == {Status.IN_REVIEW}
    row = view.model.row_of(ids[0])
    assert view.model.index(row, COL_STATUS).data() == "In review"
    ctx.undo_stack.undo()
    _wait_loaded(qtbot, view)
    assert claim_ops.get_claim(ws, ids[0]).status == Status.UNVERIFIED
    assert claim_ops.get_claim(ws, ids[2]).status == Status.VERIFIED
    assert view.set_status([ids[2]], Status.VERIFIED, "Seen.") == 0  # nothing to change
    assert ctx.undo_stack.count() == 1


def test_new_claim_lands_in_sorted_position(qtbot, ctx, ws, view, data):
    view.table.sortByColumn(COL_STATEMENT, Qt.SortOrder.AscendingOrder)
    _wait_loaded(qtbot, view)
    made = claim_ops.create_claim(
        ws, data["articles"][0].id, 0, 5, statement="Mmm middle of the alphabet"
    )
    with qtbot.waitSignal(view.model.rowsInserted):
        ctx.claims_changed([made.id])
    texts = [view.model.raw_row(r)[5].casefold() for r in range(view.model.rowCount())]
    assert texts == sorted(texts)
    assert view.model.row_of(str(made.id)) == texts.index("mmm middle of the alphabet")
    view.table.sortByColumn(COL_STATEMENT, Qt.SortOrder.DescendingOrder)
    _wait_loaded(qtbot, view)
    other = claim_ops.create_claim(ws, data["articles"][0].id, 6, 12, statement="Bbb early")
    with qtbot.waitSignal(view.model.rowsInserted):
        ctx.claims_changed([other.id])
    texts = [view.model.raw_row(r)[5].casefold() for r in range(view.model.rowCount())]
    assert texts == sorted(texts, reverse=True)
    assert view.model.claim_id_at(view.model.row_of(str(other.id))) == str(other.id)


def test_threads_column_counts_open_threads(qtbot, ctx, ws, view, data):
    from db import comments as comment_ops

    target = data["a"][2]
    model = view.model
    row = model.row_of(str(target.id))
    assert model.headerData(COL_THREADS, Qt.Orientation.Horizontal) == "Threads"
    assert model.index(row, COL_THREADS).data() == ""
    first = comment_ops.add_comment(ws, target.id, "Which briefing is this from?")
    with qtbot.waitSignal(model.dataChanged):
        ctx.reviewChanged.emit()
    assert model.index(row, COL_THREADS).data() == "1"
    assert model.index(row, COL_THREADS).data(SortRole) == 1
    # A reply is not a new thread; a second thread is.
    comment_ops.reply(ws, first.id, "The Thursday one.")
    comment_ops.add_comment(ws, target.id, "Second question")
    ctx.claims_changed([target.id])
    _wait_loaded(qtbot, view)
    assert model.index(model.row_of(str(target.id)), COL_THREADS).data() == "2"
    # Sorting by the column puts the discussed claim first when descending.
    view.table.sortByColumn(COL_THREADS, Qt.SortOrder.DescendingOrder)
    _wait_loaded(qtbot, view)
    assert model.claim_id_at(0) == str(target.id)
    for thread in comment_ops.threads_of(ws, target.id):
        comment_ops.resolve_thread(ws, thread.id)
    ctx.reviewChanged.emit()
    assert model.index(model.row_of(str(target.id)), COL_THREADS).data() == ""


def test_discussion_panel_updates_the_thread_count(qtbot, ctx, ws, view, data):
    from desktop.review.discussion import DiscussionPanel

    panel = DiscussionPanel(ctx)
    qtbot.addWidget(panel)
    target = data["b"][1]
    panel.show_claim(str(target.id))
    panel.editor.setPlainText("Source for this figure?")
    panel.add_thread()
    row = view.model.row_of(str(target.id))
    cell = view.model.index(row, COL_THREADS)
    qtbot.waitUntil(lambda: cell.data() == "1", timeout=5000)
    assert panel.select_comment(panel.threads[0].id)
    panel.toggle_resolved()
    qtbot.waitUntil(lambda: cell.data() == "", timeout=5000)


def test_claim_rows_include_open_thread_count(ws, data):
    from db import comments as comment_ops
    from db.claim_rows import R_ID, R_THREADS, claim_rows

    target = data["a"][0]
    comment_ops.add_comment(ws, target.id, "One")
    done = comment_ops.add_comment(ws, target.id, "Two")
    comment_ops.resolve_thread(ws, done.id)
    rows = {r[R_ID]: r for r in claim_rows(ws)}
    assert rows[str(target.id)][R_THREADS] == 1
    assert sum(r[R_THREADS] for r in rows.values()) == 1
    only = claim_rows(ws, ids=[target.id])
    assert only[0][R_THREADS] == 1


def test_load_async_swaps_rows_in_on_loaded(qtbot, ws, data):
    model = ClaimsTableModel(lambda: ws)
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.loadingChanged) as started:
        with qtbot.waitSignal(model.loaded, timeout=5000) as blocker:
            model.load_async(ClaimFilter(statuses=frozenset({Status.VERIFIED})))
            assert model.loading
    assert started.args == [True]
    assert not model.loading
    assert blocker.args == [2]
    assert {model.claim_id_at(r) for r in range(2)} == {
        str(data["a"][0].id),
        str(data["b"][0].id),
    }


def test_only_the_latest_of_quick_filter_changes_is_shown(qtbot, view, data):
    loads: list[int] = []
    view.model.loaded.connect(loads.append)
    view.set_filter(ClaimFilter(statuses=frozenset({Status.FALSE})))
    view.set_filter(ClaimFilter(tags=frozenset({"casualties"})))
    assert view.loading_label.isVisibleTo(view)
    _wait_loaded(qtbot, view)
    _drain(qtbot)  # let the superseded result arrive too: it must be dropped
    assert loads == [2]
    assert _ids(view) == {str(data["a"][0].id), str(data["b"][0].id)}
    assert view.current_filter().tags == {"casualties"}
    assert not view.loading_label.isVisibleTo(view)
    assert "2 claims" in view.count_label.text()


def test_stale_result_is_ignored_after_a_synchronous_load(qtbot, ws, data):
    model = ClaimsTableModel(lambda: ws)
    model.load_async(ClaimFilter(statuses=frozenset({Status.FALSE})))
    assert model.load(ClaimFilter()) == 8
    _drain(qtbot)
    assert model.rowCount() == 8


def test_change_during_background_load_is_read_again(qtbot, ctx, ws, view, data):
    target = data["a"][3]
    view.model.load_async()
    claim_ops.update_claim(ws, target.id, tags=["late-tag"])
    ctx.claims_changed([target.id])
    _wait_loaded(qtbot, view)
    row = view.model.row_of(str(target.id))
    assert view.model.index(row, COL_TAGS).data() == "late-tag"


def test_text_filter_is_debounced(qtbot, view, data):
    loads: list[int] = []
    view.model.loaded.connect(loads.append)
    for text in ("z", "ze", "zeb", "zebrafish"):
        view.filter_edit.setText(text)
    assert not view.model.loading  # nothing queried while typing
    with qtbot.waitSignal(view.model.loaded, timeout=3000):
        pass
    assert loads == [1]
    assert _ids(view) == {str(data["b"][2].id)}


def test_failed_background_load_is_reported_and_keeps_rows(qtbot, monkeypatch, ctx, view, data):
    import desktop.operations.claims_table as claims_ops
    from db.errors import InvalidInput

    def broken(*_args, **_kwargs):
        raise InvalidInput("The claims could not be read.")

    monkeypatch.setattr(claims_ops, "page", broken)
    with qtbot.waitSignal(view.model.loadFailed, timeout=5000) as blocker:
        view.set_filter(ClaimFilter(text="anything"))
    assert isinstance(blocker.args[0], InvalidInput)
    assert not view.model.loading and not view.loading_label.isVisibleTo(view)
    assert view.model.rowCount() == 8
    assert ctx.dialogs.errors[-1][1] == "The claims could not be read."


def test_relayed_by_column_follows_relay_edits_and_sorts(qtbot, ctx, ws, view, data):
    from desktop.models.claims_model import COL_RELAYS
    from desktop.operations import relays as relay_ops

    model = view.model
    target = data["a"][1]  # its source is "Wire agency"
    assert model.headerData(COL_RELAYS, Qt.Orientation.Horizontal) == "Relayed by"
    header = view.table.horizontalHeader()
    assert header.visualIndex(COL_RELAYS) == header.visualIndex(COL_SOURCE) + 1
    row = model.row_of(str(target.id))
    assert model.index(row, COL_RELAYS).data() == ""
    with qtbot.waitSignal(model.refreshed):
        assert relay_ops.add_relay(ctx, target.id, "Park Min-ho")
    with qtbot.waitSignal(model.refreshed):
        assert relay_ops.add_relay(ctx, target.id, "Daily Example")
    _wait_loaded(qtbot, view)
    row = model.row_of(str(target.id))
    assert model.index(row, COL_RELAYS).data() == "Park Min-ho → Daily Example"
    view.table.sortByColumn(COL_RELAYS, Qt.SortOrder.DescendingOrder)
    _wait_loaded(qtbot, view)
    assert model.claim_id_at(0) == str(target.id)
    with qtbot.waitSignal(model.refreshed):
        ctx.undo_stack.undo()
    _wait_loaded(qtbot, view)
    assert model.index(model.row_of(str(target.id)), COL_RELAYS).data() == "Park Min-ho"
