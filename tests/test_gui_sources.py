"""The sources view: registry edits with undo, merging, and each source's claims."""

from __future__ import annotations

import pytest
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt

from db import claims as claim_ops
from db import sources as source_ops
from db.articles import article_text
from db.models import SourceKind
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.models.claims_model import ClaimIdRole
from desktop.models.sources_model import COL_AFFILIATION, COL_CLAIMS, COL_RELIABILITY
from desktop.sources import SourcesView
from desktop.sources.dialogs import MergeTargetDialog, SourceEditDialog


@pytest.fixture
def ctx(ws):
    return AppContext(ws, RecordingDialogs())


@pytest.fixture
def data(ws, seed_paths):
    article = add_seed_article(ws, seed_paths[4], "Delta")
    made = sentence_claims(ws, article, article_text(ws, article.id).text, 5)
    ministry = source_ops.create_source(ws, "Defence Ministry", default_reliability="B")
    dup = source_ops.create_source(ws, "Ministry of Defence", affiliation="Government")
    other = source_ops.create_source(ws, "Local resident", kind="person")
    for claim in made[:2]:
        claim_ops.update_claim(ws, claim.id, source_id=ministry.id)
    for claim in made[2:4]:
        claim_ops.update_claim(ws, claim.id, source_id=dup.id)
    claim_ops.update_claim(ws, made[4].id, source_id=other.id)
    return {"claims": made, "ministry": ministry, "dup": dup, "other": other}


@pytest.fixture
def view(qtbot, ctx, data):
    widget = SourcesView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _names(view: SourcesView) -> list[str]:
    return [s.name for s in view.model.sources()]


def test_lists_sources_with_counts(view, data):
    assert view.objectName() == "sourcesView"
    assert _names(view) == ["Defence Ministry", "Local resident", "Ministry of Defence"]
    row = view.model.row_of(str(data["ministry"].id))
    assert view.model.index(row, COL_CLAIMS).data() == 2
    assert view.model.index(row, COL_RELIABILITY).data() == "B — Usually reliable"


def test_the_default_grading_column_and_dialog_carry_credibility(qtbot, ctx, ws, view, data):
    ministry = data["ministry"]
    dialog = SourceEditDialog(source_ops.get_source(ws, ministry.id))
    qtbot.addWidget(dialog)
    dialog.credibility_combo.setCurrentIndex(dialog.credibility_combo.findData(3))
    values = dialog.values()
    assert (values["default_reliability"], values["default_credibility"]) == ("B", 3)
    from desktop.operations import sources as source_door

    stored = source_ops.get_source(ws, ministry.id)
    assert source_door.update_source(
        ctx, ministry.id, {"default_credibility": 3}, {"default_credibility": None}, stored.version
    )
    row = view.model.row_of(str(ministry.id))
    qtbot.waitUntil(
        lambda: (
            view.model.index(row, COL_RELIABILITY).data() == "B3 — Usually reliable; possibly true"
        ),
        timeout=5000,
    )
    again = SourceEditDialog(source_ops.get_source(ws, ministry.id))
    qtbot.addWidget(again)
    assert again.credibility_combo.currentData() == 3


def test_affiliation_cut_short_by_its_column_reads_whole_as_tooltip(view, data):
    row = view.model.row_of(str(data["dup"].id))
    tip = view.model.index(row, COL_AFFILIATION).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Government"


def test_selecting_lists_claims_and_double_click_opens(qtbot, ctx, view, data):
    assert view.select_source(data["dup"].id)
    ids = {view.claims_model.claim_id_at(r) for r in range(view.claims_model.rowCount())}
    assert ids == {str(c.id) for c in data["claims"][2:4]}
    assert "2" in view.claims_label.text()
    index = view.claims_model.index(0, 4)
    with qtbot.waitSignal(ctx.openClaimRequested) as blocker:
        view.claims_table.doubleClicked.emit(index)
    assert blocker.args == [index.data(ClaimIdRole)]


def test_merge_moves_claims(ctx, ws, view, data):
    view.select_source(data["dup"].id)
    chosen = {}

    def merge_dialog(drop, candidates):
        dialog = MergeTargetDialog(drop, candidates)
        assert dialog.combo.findData(str(drop.id)) == -1  # never into itself
        dialog.combo.setCurrentIndex(dialog.combo.findData(str(data["ministry"].id)))
        chosen["target"] = dialog.target_id()
        dialog.exec = lambda: 1
        return dialog

    view.merge_dialog_factory = merge_dialog
    seen = []
    ctx.claimsChanged.connect(seen.append)
    view.merge_button.click()
    assert chosen["target"] == str(data["ministry"].id)
    moved = [claim_ops.get_claim(ws, c.id).source_id for c in data["claims"][:4]]
    assert moved == [data["ministry"].id] * 4
    keep = source_ops.get_source(ws, data["ministry"].id)
    assert keep.claim_count == 4 and "Ministry of Defence" in keep.aliases
    assert keep.affiliation == "Government"
    assert _names(view) == ["Defence Ministry", "Local resident"]
    assert view.selected_source_id() == str(data["ministry"].id)
    assert view.claims_model.rowCount() == 4
    assert set(seen[-1]) == {str(c.id) for c in data["claims"][2:4]}

    ctx.undo_stack.undo()  # the duplicate is back, with its own claims and fields
    dup = source_ops.get_source(ws, data["dup"].id)
    assert (dup.name, dup.affiliation, dup.claim_count) == ("Ministry of Defence", "Government", 2)
    keep = source_ops.get_source(ws, data["ministry"].id)
    assert keep.claim_count == 2 and keep.aliases == data["ministry"].aliases
    assert keep.affiliation == data["ministry"].affiliation
    owners = [claim_ops.get_claim(ws, c.id).source_id for c in data["claims"][:4]]
    assert owners == [data["ministry"].id] * 2 + [data["dup"].id] * 2
    assert _names(view) == ["Defence Ministry", "Local resident", "Ministry of Defence"]

    ctx.undo_stack.redo()
    moved = [claim_ops.get_claim(ws, c.id).source_id for c in data["claims"][:4]]
    assert moved == [data["ministry"].id] * 4
    assert "Ministry of Defence" in source_ops.get_source(ws, data["ministry"].id).aliases


def test_merge_declined_changes_nothing(ctx, ws, view, data):
    ctx.dialogs.confirm_answer = False
    assert not view.merge_sources(data["dup"].id, data["ministry"].id)
    assert source_ops.get_source(ws, data["dup"].id).claim_count == 2


def test_add_edit_delete_with_undo(ctx, ws, view, data):
    new_id = view.add_source("Border guard", kind="agency", default_reliability="C")
    assert new_id is not None and view.selected_source_id() == str(new_id)
    assert source_ops.get_source(ws, new_id).default_reliability == "C"

    assert view.update_source(new_id, name="State Border Guard", aliases=["SBGS"])
    info = source_ops.get_source(ws, new_id)
    assert (info.name, info.aliases) == ("State Border Guard", ("SBGS",))
    ctx.undo_stack.undo()
    assert source_ops.get_source(ws, new_id).name == "Border guard"
    ctx.undo_stack.redo()
    assert source_ops.get_source(ws, new_id).name == "State Border Guard"

    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert source_ops.find_source(ws, "Border guard") is None
    ctx.undo_stack.redo()
    assert source_ops.get_source(ws, new_id).name == "Border guard"


def test_delete_restores_attribution_on_undo(ctx, ws, view, data):
    ministry = data["ministry"]
    view.select_source(ministry.id)
    view.delete_button.click()
    assert source_ops.find_source(ws, "Defence Ministry") is None
    assert claim_ops.get_claim(ws, data["claims"][0].id).source_id is None
    ctx.undo_stack.undo()
    assert claim_ops.get_claim(ws, data["claims"][0].id).source_id == ministry.id
    assert source_ops.get_source(ws, ministry.id).claim_count == 2
    assert "Defence Ministry" in _names(view)


def test_edit_dialog_round_trip(qtbot, ctx, ws, view, data):
    view.select_source(data["other"].id)

    def edit_dialog(info):
        dialog = SourceEditDialog(info)
        assert dialog.name_edit.text() == "Local resident"
        assert dialog.kind_combo.currentData() == SourceKind.PERSON.value
        dialog.affiliation_edit.setText("Kherson")
        dialog.reliability_combo.setCurrentIndex(dialog.reliability_combo.findData("F"))
        dialog.exec = lambda: 1
        return dialog

    view.edit_dialog_factory = edit_dialog
    view.edit_button.click()
    info = source_ops.get_source(ws, data["other"].id)
    assert (info.affiliation, info.default_reliability) == ("Kherson", "F")
    assert ctx.undo_stack.count() == 1


def test_rename_refused_when_stale(ctx, ws, view, data):
    source_ops.update_source(ws, data["other"].id, notes="changed elsewhere")
    assert not view.update_source(data["other"].id, name="Resident")
    assert ctx.dialogs.errors
    assert source_ops.get_source(ws, data["other"].id).name == "Local resident"


def test_filter_field_narrows_list(qtbot, view):
    view.filter_edit.setText("ministry")
    assert view.proxy.rowCount() == 2
    qtbot.keyClicks(view.filter_edit, " of")
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 0).data() == "Ministry of Defence"


def test_sources_model_passes_qtmodeltester(qtmodeltester, ws, data):
    from desktop.models.sources_model import SourcesTableModel

    model = SourcesTableModel()
    model.set_sources(source_ops.list_sources(ws))
    qtmodeltester.check(model, force_py=True)
    model.set_sources(source_ops.list_sources(ws)[:1])
    assert model.rowCount() == 1


def test_changes_update_only_the_sources_named(qtbot, ctx, ws, view, data):
    from db.changes import Entity, Op, changed
    from desktop.commands.claims import UpdateClaimCommand

    model = view.model
    resets: list[int] = []
    inserted: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, a, _b: inserted.append(a))
    # Another analyst's new source arrives as a record: one row added.
    made = source_ops.create_source(ws, "Harbour master")
    ctx.publish(changed(Entity.SOURCE, [made.id], Op.CREATED))
    assert inserted == [3] and resets == []
    assert "Harbour master" in _names(view)
    # A claim moving from one source to another: the counts follow, nothing reloads.
    claim = data["claims"][4]
    ctx.undo_stack.push(
        UpdateClaimCommand(ctx, claim.id, {"source_id": made.id}, {"source_id": data["other"].id})
    )
    other_row = model.row_of(str(data["other"].id))
    qtbot.waitUntil(lambda: model.index(other_row, COL_CLAIMS).data() == 0)
    assert model.index(model.row_of(str(made.id)), COL_CLAIMS).data() == 1
    # A deleted source leaves its row; no reset.
    source_ops.delete_source(ws, made.id)
    ctx.publish(changed(Entity.SOURCE, [made.id], Op.DELETED))
    assert model.row_of(str(made.id)) is None and resets == []
