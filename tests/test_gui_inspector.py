"""The claim inspector: real widgets over a real SQLite workspace."""

from __future__ import annotations

import datetime as dt

import pytest
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt

from db import claims as claim_ops
from db import evidence as evidence_ops
from db import sources as source_ops
from db.articles import article_text
from db.changes import Entity, Op, changed
from db.links import links_of_claim
from db.models import Relation, Stance, Status
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.inspector import ClaimInspector
from desktop.inspector.link_dialog import LinkClaimDialog


@pytest.fixture
def ctx(ws):
    context = AppContext(ws, RecordingDialogs())
    yield context
    context.undo_stack.clear()


@pytest.fixture
def claims(ws, seed_paths):
    article = add_seed_article(ws, seed_paths[0], "Defectors")
    text = article_text(ws, article.id).text
    return sentence_claims(ws, article, text, 3)


@pytest.fixture
def inspector(qtbot, ctx):
    widget = ClaimInspector(ctx)
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    return widget


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _give_reason(inspector, qtbot, text: str) -> None:
    """Write the rationale the verified/false dialog asks for, and press its OK button."""
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = inspector.rationale_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no verdict without a reason
    qtbot.keyClicks(dialog.rationale, text)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert inspector.rationale_dialog is None


def test_names_and_selection_signal(ctx, claims, inspector):
    assert inspector.objectName() == "claimInspector"
    assert inspector.stack.currentIndex() == 0
    ctx.claimSelected.emit(str(claims[1].id))
    assert inspector.claim_id == claims[1].id
    assert inspector.statement_edit.toPlainText() == claims[1].statement
    assert claims[1].quote in inspector.quote_view.toPlainText()
    assert claims[1].suffix.split()[0] in inspector.quote_view.toPlainText()
    combo = inspector.findChild(type(inspector.status_combo), "statusCombo")
    assert combo is inspector.status_combo
    inspector.show_claim(None)
    assert inspector.stack.currentIndex() == 0


def test_status_change_undo_redo(ctx, ws, claims, inspector, qtbot):
    from db.review import verdicts_of

    claim = claims[0]
    inspector.show_claim(str(claim.id))
    _choose(inspector.status_combo, Status.VERIFIED.value)
    assert claim_ops.get_claim(ws, claim.id).status == Status.UNVERIFIED  # asked first
    _give_reason(inspector, qtbot, "The ministry's statement confirms it.")
    assert claim_ops.get_claim(ws, claim.id).status == Status.VERIFIED
    assert ctx.undo_stack.count() == 1
    (verdict,) = verdicts_of(ws, claim.id)
    assert (verdict.status, verdict.rationale) == (
        Status.VERIFIED,
        "The ministry's statement confirms it.",
    )
    assert verdict.reviewer_name
    ctx.undo_stack.undo()
    assert claim_ops.get_claim(ws, claim.id).status == Status.UNVERIFIED
    assert inspector.status_combo.currentData() == Status.UNVERIFIED.value
    ctx.undo_stack.redo()
    assert claim_ops.get_claim(ws, claim.id).status == Status.VERIFIED
    assert inspector.status_combo.currentData() == Status.VERIFIED.value
    assert len(verdicts_of(ws, claim.id)) == 1  # a redo puts the same decision back


def test_cancelling_the_rationale_changes_nothing(ctx, ws, claims, inspector, qtbot):
    from db.review import verdicts_of

    inspector.show_claim(str(claims[1].id))
    _choose(inspector.status_combo, Status.FALSE.value)
    dialog = inspector.rationale_dialog
    assert dialog is not None and dialog.status() is Status.FALSE
    dialog.reject()
    assert inspector.rationale_dialog is None
    assert claim_ops.get_claim(ws, claims[1].id).status == Status.UNVERIFIED
    assert inspector.status_combo.currentData() == Status.UNVERIFIED.value
    assert ctx.undo_stack.count() == 0 and verdicts_of(ws, claims[1].id) == []


def test_grading_and_item_texts(ctx, ws, claims, inspector):
    claim = claims[0]
    inspector.show_claim(claim.id)
    texts = [inspector.reliability_combo.itemText(i) for i in range(7)]
    assert "B — Usually reliable" in texts
    assert "separately" in inspector.reliability_combo.toolTip()
    assert "separately" in inspector.credibility_combo.toolTip()
    _choose(inspector.reliability_combo, "B")
    _choose(inspector.credibility_combo, 2)
    assert claim_ops.get_claim(ws, claim.id).grading == "B2"
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    assert claim_ops.get_claim(ws, claim.id).grading == "B"


def test_statement_commits_on_ctrl_enter_not_while_typing(qtbot, ctx, ws, claims, inspector):
    claim = claims[0]
    inspector.show_claim(claim.id)
    edit = inspector.statement_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Casualty figure")
    assert claim_ops.get_claim(ws, claim.id).statement == claim.statement
    assert ctx.undo_stack.count() == 0
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert claim_ops.get_claim(ws, claim.id).statement == "Casualty figure"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert edit.toPlainText() == claim.statement


def test_reload_skips_field_being_edited(qtbot, ctx, ws, claims, inspector):
    claim = claims[0]
    inspector.show_claim(claim.id)
    inspector.notes_edit.setFocus()
    qtbot.keyClicks(inspector.notes_edit, "half typed")
    claim_ops.update_claim(ws, claim.id, status="disputed")
    ctx.publish(changed(Entity.CLAIM, [claim.id], fields={"status"}))
    assert inspector.status_combo.currentData() == "disputed"
    assert inspector.notes_edit.toPlainText() == "half typed"
    inspector.notes_edit.commit()
    assert claim_ops.get_claim(ws, claim.id).notes == "half typed"


def _add_new_source(inspector, qtbot, kind: str = "other") -> None:
    """Confirm the New source dialog typing a new name opens (with *kind* chosen)."""
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = inspector.new_source_dialog
    assert dialog is not None and dialog.isVisible()
    _choose(dialog.kind_combo, kind)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert inspector.new_source_dialog is None


def test_new_source_by_typing(ctx, ws, claims, inspector, qtbot):
    claim = claims[0]
    inspector.show_claim(claim.id)
    inspector.set_source_text("Ministry of Unification")
    assert source_ops.find_source(ws, "ministry of unification") is None  # asked first
    _add_new_source(inspector, qtbot)
    created = source_ops.find_source(ws, "ministry of unification")
    assert created is not None
    assert claim_ops.get_claim(ws, claim.id).source_id == created.id
    assert inspector.source_combo.currentText() == "Ministry of Unification"
    ctx.undo_stack.undo()  # one macro: attribution and the new source
    assert claim_ops.get_claim(ws, claim.id).source_id is None
    assert source_ops.find_source(ws, "Ministry of Unification") is None
    ctx.undo_stack.redo()
    assert claim_ops.get_claim(ws, claim.id).source_id == created.id


def test_existing_source_fills_default_reliability(ctx, ws, claims, inspector):
    source = source_ops.create_source(ws, "Yonhap", default_reliability="B")
    inspector.show_claim(claims[0].id)
    inspector.set_source_text("yonhap")
    stored = claim_ops.get_claim(ws, claims[0].id)
    assert stored.source_id == source.id
    assert stored.reliability == "B"
    assert inspector.reliability_combo.currentData() == "B"
    # An explicit reliability is not overwritten by another source's default.
    _choose(inspector.reliability_combo, "D")
    reuters = source_ops.create_source(ws, "Reuters", default_reliability="A")
    ctx.publish(changed(Entity.SOURCE, [reuters.id], Op.CREATED))
    inspector.set_source_text("Reuters")
    assert claim_ops.get_claim(ws, claims[0].id).reliability == "D"


def test_invalid_event_date_shows_error_and_writes_nothing(ctx, ws, claims, inspector):
    claim = claims[0]
    inspector.show_claim(claim.id)
    before = claim_ops.get_claim(ws, claim.id).version
    inspector.set_event_text("next tuesday-ish")
    assert not inspector.event_error.isHidden()
    assert inspector.event_error.text()
    stored = claim_ops.get_claim(ws, claim.id)
    assert stored.event_start is None and stored.version == before
    assert ctx.undo_stack.count() == 0
    inspector.set_event_text("2024-10-18/2024-10-20")
    assert inspector.event_error.isHidden()
    stored = claim_ops.get_claim(ws, claim.id)
    assert (stored.event_start, stored.event_end) == (dt.date(2024, 10, 18), dt.date(2024, 10, 20))
    inspector.set_event_text("October 8-13, 2024")  # the shared parser reads written dates
    assert inspector.event_edit.text() == "2024-10-08/2024-10-13"
    inspector.set_event_text("")
    assert claim_ops.get_claim(ws, claim.id).event_start is None


def test_tags_commit(ctx, ws, claims, inspector):
    inspector.show_claim(claims[0].id)
    inspector.tags_edit.setText("ukraine, defectors, ukraine")
    inspector.tags_edit.dirty = True
    inspector.tags_edit.commit()
    assert claim_ops.get_claim(ws, claims[0].id).tags == ("defectors", "ukraine")
    assert inspector.tags_edit.text() == "defectors, ukraine"
    assert inspector.tag_completer.splitPath("ukraine, def") == ["def"]


def test_stale_edit_reports_and_reverts(ctx, ws, claims, inspector, qtbot):
    claim = claims[0]
    inspector.show_claim(claim.id)
    # Someone else changes the claim without this window hearing about it.
    claim_ops.update_claim(ws, claim.id, status="in_review")
    _choose(inspector.status_combo, Status.FALSE.value)
    _give_reason(inspector, qtbot, "Contradicted by the satellite images.")
    assert ctx.dialogs.errors, "the stale edit must be reported"
    assert "changed by someone else" in ctx.dialogs.errors[-1][1]
    assert claim_ops.get_claim(ws, claim.id).status == Status.IN_REVIEW
    assert inspector.status_combo.currentData() == Status.IN_REVIEW.value
    assert ctx.undo_stack.count() == 0


def test_evidence_add_remove_undo(ctx, ws, claims, inspector):
    claim = claims[0]
    inspector.show_claim(claim.id)
    section = inspector.evidence
    section.input.setText("https://example.org/report confirms the count")
    _choose(section.stance, Stance.REFUTES.value)
    section.add_button.click()
    stored = evidence_ops.list_evidence(ws, claim.id)
    assert [(e.url, e.note, e.stance) for e in stored] == [
        ("https://example.org/report", "confirms the count", Stance.REFUTES)
    ]
    assert section.list.count() == 1 and section.input.text() == ""
    section.input.setText("Phone call with the ministry")
    section.add_button.click()
    assert section.list.count() == 2
    section.list.setCurrentRow(0)
    section.remove_button.click()
    assert [e.note for e in evidence_ops.list_evidence(ws, claim.id)] == [
        "Phone call with the ministry"
    ]
    ctx.undo_stack.undo()
    assert len(evidence_ops.list_evidence(ws, claim.id)) == 2
    assert section.list.count() == 2
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert evidence_ops.list_evidence(ws, claim.id) == []
    assert section.list.count() == 0


def test_bad_evidence_url_is_refused(ctx, ws, claims, inspector):
    inspector.show_claim(claims[0].id)
    assert not inspector.evidence.add("ftp://x", "", Stance.SUPPORTS)
    assert ctx.dialogs.errors and "http" in ctx.dialogs.errors[-1][1]
    assert evidence_ops.list_evidence(ws, claims[0].id) == []
    assert ctx.undo_stack.count() == 0


def test_link_listed_on_both_claims(qtbot, ctx, ws, claims, inspector):
    a, b = claims[0], claims[1]
    other = ClaimInspector(ctx)
    qtbot.addWidget(other)
    inspector.show_claim(a.id)
    other.show_claim(b.id)

    def answer(exclude):
        assert exclude == str(a.id)
        dialog = LinkClaimDialog(ctx, exclude)
        dialog.filter_edit.setText(b.quote[:25])
        dialog.refresh()
        assert dialog.select_claim(str(b.id))
        dialog.set_relation(Relation.UPDATES)
        dialog.exec = lambda: 1  # accepted
        return dialog

    inspector.links.dialog_factory = answer
    inspector.links.link_button.click()
    assert [(v.label, v.other_id) for v in inspector.links.views()] == [("updates", b.id)]
    assert [(v.label, v.other_id) for v in other.links.views()] == [("updated by", a.id)]
    assert "updated by" in other.links.list.item(0).text()
    assert "Defectors" in other.links.list.item(0).text()

    with qtbot.waitSignal(ctx.openClaimRequested) as blocker:
        other.links.list.setCurrentRow(0)
        qtbot.keyClick(other.links.list, Qt.Key.Key_Return)
    assert blocker.args == [str(a.id)]

    other.links.list.setCurrentRow(0)
    other.links.remove_button.click()
    assert links_of_claim(ws, a.id) == []
    assert inspector.links.list.count() == 0
    ctx.undo_stack.undo()
    assert inspector.links.list.count() == 1
    ctx.undo_stack.undo()
    assert links_of_claim(ws, a.id) == [] and other.links.list.count() == 0


def test_link_dialog_searches_and_excludes_self(qtbot, ctx, claims):
    dialog = LinkClaimDialog(ctx, str(claims[0].id))
    qtbot.addWidget(dialog)
    assert dialog.items.rowCount() == len(claims) - 1
    assert not dialog.select_claim(str(claims[0].id))
    with qtbot.waitSignal(dialog.items.modelReset, timeout=2000):
        dialog.filter_edit.setText(claims[2].quote[:30])
    assert dialog.items.rowCount() == 1
    dialog.set_relation("contradicts")
    assert dialog.choice() == (str(claims[2].id), Relation.CONTRADICTS)
    dialog.filter_edit.setText("no claim says this")
    dialog.refresh()
    assert dialog.choice() is None and "0 matching" in dialog.count_label.text()


def test_deleted_claim_clears_inspector(ctx, ws, claims, inspector):
    inspector.show_claim(claims[2].id)
    claim_ops.delete_claim(ws, claims[2].id)
    ctx.publish(changed(Entity.CLAIM, [claims[2].id], Op.DELETED))
    assert inspector.info is None
    assert inspector.stack.currentIndex() == 0


def test_every_editor_has_a_mnemonic_label(claims, inspector):
    from PySide6.QtWidgets import QLabel

    inspector.show_claim(claims[0].id)
    buddies = {
        label.buddy()
        for label in inspector.findChildren(QLabel)
        if label.buddy() is not None and "&" in label.text()
    }
    for widget in (
        inspector.statement_edit,
        inspector.kind_combo,
        inspector.source_combo,
        inspector.reliability_combo,
        inspector.credibility_combo,
        inspector.status_combo,
        inspector.event_edit,
        inspector.tags_edit,
        inspector.notes_edit,
        inspector.evidence.list,
        inspector.links.list,
    ):
        assert widget in buddies, widget.objectName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_links_list_drops_deleted_other_claim(ctx, ws, claims, inspector):
    from desktop.commands.claims import DeleteClaimCommand

    inspector.show_claim(claims[0].id)
    assert inspector.links.link_to(claims[2].id, Relation.CONTRADICTS)
    assert [v.label for v in inspector.links.views()] == ["contradicts"]
    ctx.undo_stack.push(DeleteClaimCommand(ctx, claims[2].id))
    assert inspector.links.views() == []
    ctx.undo_stack.undo()  # the claim and its link come back, and it is selected
    assert inspector.claim_id == claims[2].id
    assert [(v.label, v.other_id) for v in inspector.links.views()] == [
        ("contradicts", claims[0].id)
    ]


def test_tab_reaches_every_field_in_order(qtbot, claims, inspector):
    inspector.show_claim(claims[0].id)
    inspector.activateWindow()
    inspector.statement_edit.setFocus()
    order = [inspector.statement_edit.objectName()]
    widget = inspector.statement_edit
    for _ in range(20):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        # An editable combo box takes focus in its line edit.
        owner = widget.parentWidget() if not widget.objectName() else widget
        if owner.objectName() != order[-1]:
            order.append(owner.objectName())
    assert order[:12] == [
        "statementEdit",
        "kindCombo",
        "sourceCombo",
        "relayInput",
        "relayList",
        "addRelayButton",
        "relayUpButton",
        "relayDownButton",
        "removeRelayButton",
        "reliabilityCombo",
        "credibilityCombo",
        "statusCombo",
    ]
    assert "eventDateEdit" in order and "tagsEdit" in order


def test_inspector_on_postgresql(qtbot, pg_ws, seed_paths):
    context = AppContext(pg_ws, RecordingDialogs())
    try:
        article = add_seed_article(pg_ws, seed_paths[1], "Shared")
        made = sentence_claims(pg_ws, article, article_text(pg_ws, article.id).text, 2)
        widget = ClaimInspector(context)
        qtbot.addWidget(widget)
        widget.show_claim(str(made[0].id))
        _choose(widget.status_combo, Status.DISPUTED.value)
        assert claim_ops.get_claim(pg_ws, made[0].id).status == Status.DISPUTED
        assert widget.evidence.add("https://example.org/a", "", Stance.SUPPORTS)
        assert widget.links.link_to(made[1].id, Relation.SAME)
        assert [v.label for v in widget.links.views()] == ["same fact as"]
        widget.set_source_text("Shared source")
        _add_new_source(widget, qtbot)
        assert claim_ops.get_claim(pg_ws, made[0].id).source_name == "Shared source"
        while context.undo_stack.canUndo():
            context.undo_stack.undo()
        stored = claim_ops.get_claim(pg_ws, made[0].id)
        assert stored.status == Status.UNVERIFIED and stored.source_id is None
        assert evidence_ops.list_evidence(pg_ws, made[0].id) == []
        assert links_of_claim(pg_ws, made[0].id) == []
        assert context.dialogs.errors == []
    finally:
        context.undo_stack.clear()


def test_escape_reverts_text_without_writing(qtbot, ctx, ws, claims, inspector):
    claim = claims[1]
    inspector.show_claim(claim.id)
    inspector.tags_edit.setFocus()
    qtbot.keyClicks(inspector.tags_edit, "oops")
    qtbot.keyClick(inspector.statement_edit, Qt.Key.Key_A)  # another field being edited too
    qtbot.keyClick(inspector.tags_edit, Qt.Key.Key_Escape)
    assert inspector.tags_edit.text() == ""
    assert inspector.statement_edit.toPlainText() == "a" + claim.statement  # left alone
    qtbot.keyClick(inspector.statement_edit, Qt.Key.Key_Escape)
    assert inspector.statement_edit.toPlainText() == claim.statement
    inspector.statement_edit.commit()
    assert ctx.undo_stack.count() == 0
    assert claim_ops.get_claim(ws, claim.id).version == claim.version


def test_new_source_refused_on_stale_claim_creates_nothing(ctx, ws, claims, inspector):
    inspector.show_claim(claims[0].id)
    claim_ops.update_claim(ws, claims[0].id, notes="edited elsewhere")
    inspector.set_source_text("Brand new source")
    assert ctx.dialogs.errors and "someone else" in ctx.dialogs.errors[-1][1]
    assert source_ops.find_source(ws, "Brand new source") is None
    assert inspector.source_combo.currentText() == ""
    assert inspector.notes_edit.toPlainText() == "edited elsewhere"


def test_status_refused_by_review_rules_reverts(ctx, ws, claims, inspector):
    from db.analysts import add_analyst, bind_analyst

    add_analyst(ws, "Junior")
    bind_analyst(ws, "Junior")
    inspector.show_claim(claims[0].id)
    _choose(inspector.status_combo, Status.VERIFIED.value)
    assert ctx.dialogs.errors and "reviewers" in ctx.dialogs.errors[-1][1]
    assert claim_ops.get_claim(ws, claims[0].id).status == Status.UNVERIFIED
    assert inspector.status_combo.currentData() == Status.UNVERIFIED.value
    _choose(inspector.status_combo, Status.IN_REVIEW.value)  # allowed to analysts
    assert claim_ops.get_claim(ws, claims[0].id).status == Status.IN_REVIEW
    assert ctx.undo_stack.count() == 1


def test_source_alias_resolves_to_the_source(ctx, ws, claims, inspector):
    ministry = source_ops.create_source(ws, "Defence Ministry", aliases=["MoD"])
    inspector.show_claim(claims[1].id)
    inspector.set_source_text("mod")
    assert claim_ops.get_claim(ws, claims[1].id).source_id == ministry.id
    assert inspector.source_combo.currentText() == "Defence Ministry"
    assert len(source_ops.list_sources(ws)) == 1
    inspector.set_source_text("")
    assert claim_ops.get_claim(ws, claims[1].id).source_id is None


def test_header_names_creator_and_last_editor(ws, ctx, claims, inspector):
    from db import analysts as analyst_ops

    analyst_ops.add_analyst(ws, "Rita Reviewer")
    analyst_ops.bind_analyst(ws, "Rita Reviewer")
    claim_ops.update_claim(ws, claims[0].id, notes="second look")
    ctx.claimSelected.emit(str(claims[0].id))
    header = inspector.header.text()
    assert "Created " in header and " by Analyst · updated " in header
    assert header.endswith("by Rita Reviewer · version 2</span>")


def test_a_new_source_learns_the_grading_and_passes_it_on(ctx, ws, claims, inspector, qtbot):
    inspector.show_claim(claims[0].id)
    _choose(inspector.reliability_combo, "B")
    _choose(inspector.credibility_combo, 2)
    inspector.set_source_text("Harbour Police")
    dialog = inspector.new_source_dialog
    assert dialog.reliability() == "B" and dialog.credibility() == 2  # the claim's grading
    _choose(dialog.credibility_combo, 3)  # the analyst grades it again here
    _add_new_source(inspector, qtbot, kind="agency")
    source = source_ops.find_source(ws, "Harbour Police")
    assert (source.kind.value, source.default_reliability, source.default_credibility) == (
        "agency",
        "B",
        3,
    )
    stored = claim_ops.get_claim(ws, claims[0].id)
    assert (stored.source_id, stored.grading) == (source.id, "B3")
    # The next claim attributed to it starts with its default grading, in the inspector…
    inspector.show_claim(claims[1].id)
    inspector.set_source_text("harbour police")
    assert inspector.new_source_dialog is None  # known: nothing asked
    assert claim_ops.get_claim(ws, claims[1].id).grading == "B3"
    assert inspector.credibility_combo.currentData() == 3
    # … and in the core, for a claim made with that source.
    text = article_text(ws, claims[2].article_id).text
    made = claim_ops.create_claim(
        ws, claims[2].article_id, 0, min(12, len(text)), source_id=source.id
    )
    assert made.grading == "B3"
    # One undo step takes back the source and the first claim's attribution.
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    assert source_ops.find_source(ws, "Harbour Police") is None
    assert claim_ops.get_claim(ws, claims[0].id).grading == ""


def test_cancelling_the_new_source_adds_nothing(ctx, ws, claims, inspector):
    inspector.show_claim(claims[0].id)
    inspector.set_source_text("Nobody yet")
    inspector.new_source_dialog.reject()
    assert source_ops.find_source(ws, "Nobody yet") is None
    assert claim_ops.get_claim(ws, claims[0].id).source_id is None
    assert inspector.source_combo.currentText() == ""
    assert ctx.undo_stack.count() == 0


def test_links_list_names_the_other_claims_status_in_words(qtbot, ctx, ws, claims, inspector):
    a, b = claims[0], claims[1]
    claim_ops.update_claim(ws, b.id, status="disputed")
    from db.links import add_link

    add_link(ws, a.id, b.id, Relation.SUPPORTS)
    inspector.show_claim(a.id)
    [view] = inspector.links.views()
    assert view.other_status is Status.DISPUTED
    row = inspector.links.list.item(0)
    assert "Disputed" in row.text() and "disputed" in row.toolTip()
    other = ClaimInspector(ctx)
    qtbot.addWidget(other)
    other.show_claim(b.id)
    assert "Unverified" in other.links.list.item(0).text()
