"""The inspector's widgets and layout; the behaviour lives in :mod:`desktop.inspector.inspector`."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.models import ClaimKind, Status
from desktop.inspector.fact_section import FactSection
from desktop.inspector.relays import RelaysSection
from desktop.inspector.sections import EvidenceSection, LinksSection
from desktop.inspector.widgets import CommitLineEdit, CommitTextEdit, TagCompleter, split_tags
from desktop.palette import error_style, hint_style, status_icon
from desktop.shared.grading_combos import credibility_combo, reliability_combo
from desktop.shared.steady_box import SteadyBox

if TYPE_CHECKING:
    from desktop.inspector.inspector import ClaimInspector

GRADING_TIP = (
    "Source reliability (A–F) rates the source's track record; information "
    "credibility (1–6) rates this piece of information. The two are judged "
    "separately: a reliable source can pass on doubtful information, and an "
    "unknown source can report something confirmed elsewhere."
)


class InspectorForm:
    """Builds the inspector's controls as attributes of the inspector itself."""

    # ------------------------------------------------------------ building

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _build(self: ClaimInspector) -> None:  # type: ignore[misc]
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel("Select a claim to see and edit it here.", self)
        self.placeholder.setObjectName("inspectorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(hint_style())
        self.stack.addWidget(self.placeholder)

        body = QWidget(self)
        outer = QVBoxLayout(body)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        self.header = QLabel(body)
        self.header.setObjectName("inspectorHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Another claim's header: the form is laid out again only when its height differs.
        form.addRow(SteadyBox(self.header, body, full_width=True))

        self.quote_view = QTextBrowser(body)
        self.quote_view.setObjectName("quoteView")
        self.quote_view.setReadOnly(True)
        self.quote_view.setOpenLinks(False)
        self.quote_view.setTabChangesFocus(True)
        self.quote_view.setMaximumHeight(96)
        self.quote_view.setToolTip("The quoted text, with the words around it in grey")
        form.addRow(self._label("&Quote:", self.quote_view), self.quote_view)

        self.statement_edit = CommitTextEdit(body)
        self.statement_edit.setObjectName("statementEdit")
        self.statement_edit.setMaximumHeight(72)
        self.statement_edit.setPlaceholderText("The claim in your own words (Ctrl+Enter saves)")
        self.statement_edit.reverted.connect(self._revert_field)
        self.statement_edit.committed.connect(
            lambda: self._push({"statement": self.statement_edit.toPlainText()})
        )
        form.addRow(self._label("&Statement:", self.statement_edit), self.statement_edit)

        self.kind_combo = QComboBox(body)
        self.kind_combo.setObjectName("kindCombo")
        for kind in ClaimKind:
            self.kind_combo.addItem(kind.value.capitalize(), kind.value)
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self._combo_changed("kind", self.kind_combo)
        )
        form.addRow(self._label("&Kind:", self.kind_combo), self.kind_combo)

        self.source_combo = QComboBox(body)
        self.source_combo.setObjectName("sourceCombo")
        self.source_combo.setEditable(True)
        self.source_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source_combo.lineEdit().setPlaceholderText(
            "Who makes the claim? Type a new name to add it"
        )
        self._source_names = QStringListModel(self)
        completer = QCompleter(self._source_names, self.source_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source_combo.setCompleter(completer)
        self.source_combo.lineEdit().editingFinished.connect(self._source_confirmed)
        self.source_combo.activated.connect(lambda _i: self._source_confirmed())
        form.addRow(self._label("S&ource:", self.source_combo), self.source_combo)

        self.relays = RelaysSection(self.ctx, self._source_names, body)
        self.relays.setObjectName("relaysSection")
        form.addRow(self._label("Rel&ayed by:", self.relays.input), self.relays)

        self.reliability_combo = reliability_combo(body, "– not judged")
        self.reliability_combo.setObjectName("reliabilityCombo")
        self.reliability_combo.setToolTip("Source reliability. " + GRADING_TIP)
        self.reliability_combo.currentIndexChanged.connect(
            lambda _i: self._combo_changed("reliability", self.reliability_combo)
        )
        form.addRow(self._label("Reliabilit&y:", self.reliability_combo), self.reliability_combo)

        self.credibility_combo = credibility_combo(body, "– not judged")
        self.credibility_combo.setObjectName("credibilityCombo")
        self.credibility_combo.setToolTip("Information credibility. " + GRADING_TIP)
        self.credibility_combo.currentIndexChanged.connect(
            lambda _i: self._combo_changed("credibility", self.credibility_combo)
        )
        form.addRow(self._label("Credi&bility:", self.credibility_combo), self.credibility_combo)

        self.status_combo = QComboBox(body)
        self.status_combo.setObjectName("statusCombo")
        for status in Status:
            self.status_combo.addItem(status_icon(status, 14), status.label, status.value)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self._combo_changed("status", self.status_combo)
        )
        # Marks beside the status: contested (a verdict questioned by a contradiction)
        # and superseded (a newer claim updates this one).
        self.status_badges = QLabel(body)
        self.status_badges.setObjectName("statusBadges")
        self.status_badges.setTextFormat(Qt.TextFormat.RichText)
        self.status_badges.hide()
        status_box = QWidget(body)
        status_layout = QHBoxLayout(status_box)
        status_layout.setContentsMargins(0, 0, 0, 0)
        status_layout.addWidget(self.status_combo, 1)
        status_layout.addWidget(self.status_badges)
        form.addRow(self._label("Stat&us:", self.status_combo), status_box)

        self.event_edit = CommitLineEdit(body)
        self.event_edit.setObjectName("eventDateEdit")
        self.event_edit.setAccessibleName("Event date")
        self.event_edit.setPlaceholderText("YYYY-MM-DD, or a range YYYY-MM-DD/YYYY-MM-DD")
        self.event_edit.setToolTip("When the reported event happened (not when it was reported)")
        self.event_edit.reverted.connect(self._revert_field)
        self.event_edit.committed.connect(self._event_confirmed)
        self.event_error = QLabel(body)
        self.event_error.setObjectName("eventDateError")
        self.event_error.setStyleSheet(error_style())
        self.event_error.setWordWrap(True)
        self.event_error.hide()
        event_box = QWidget(body)
        event_layout = QVBoxLayout(event_box)
        event_layout.setContentsMargins(0, 0, 0, 0)
        event_layout.setSpacing(2)
        event_layout.addWidget(self.event_edit)
        event_layout.addWidget(self.event_error)
        form.addRow(self._label("Event da&te:", self.event_edit), event_box)

        self.tags_edit = CommitLineEdit(body)
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText("comma, separated, tags")
        self.tag_completer = TagCompleter(self.tags_edit)
        self.tags_edit.setCompleter(self.tag_completer)
        self.tags_edit.reverted.connect(self._revert_field)
        self.tags_edit.committed.connect(
            lambda: self._push({"tags": split_tags(self.tags_edit.text())})
        )
        form.addRow(self._label("Ta&gs:", self.tags_edit), self.tags_edit)

        self.notes_edit = CommitTextEdit(body)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setMaximumHeight(80)
        self.notes_edit.setPlaceholderText("Working notes (Ctrl+Enter saves)")
        self.notes_edit.reverted.connect(self._revert_field)
        self.notes_edit.committed.connect(
            lambda: self._push({"notes": self.notes_edit.toPlainText()})
        )
        form.addRow(self._label("&Notes:", self.notes_edit), self.notes_edit)

        # Shown when a field's stored text holds invisible characters (the editors
        # cannot show them without changing the text).
        self.hidden_note = QLabel(body)
        self.hidden_note.setObjectName("hiddenCharactersNote")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setTextFormat(Qt.TextFormat.RichText)
        self.hidden_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hidden_note.hide()
        form.addRow(self.hidden_note)

        self.evidence = EvidenceSection(self.ctx, body)
        self.evidence.setObjectName("evidenceSection")
        form.addRow(self._label("Evi&dence:", self.evidence.list), self.evidence)

        self.links = LinksSection(self.ctx, body)
        self.links.setObjectName("linksSection")
        form.addRow(self._label("L&inks:", self.links.list), self.links)

        self.fact_section = FactSection(self.ctx, body)
        # (No mnemonic on the label: its letters are taken; "&Put in Fact…" has one.)
        form.addRow(self._label("Fact:", self.fact_section.assign_button), self.fact_section)

        scroll = QScrollArea(self)
        scroll.setAccessibleName("Claim details")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.stack.addWidget(scroll)
        self.scroll = scroll
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        chain: list[QWidget] = [
            self.quote_view,
            self.statement_edit,
            self.kind_combo,
            self.source_combo,
            self.relays.input,
            self.relays.list,
            self.relays.add_button,
            self.relays.up_button,
            self.relays.down_button,
            self.relays.remove_button,
            self.reliability_combo,
            self.credibility_combo,
            self.status_combo,
            self.event_edit,
            self.tags_edit,
            self.notes_edit,
            self.evidence.list,
            self.evidence.input,
            self.evidence.stance,
            self.evidence.add_button,
            self.evidence.remove_button,
            self.links.list,
            self.links.link_button,
            self.links.remove_button,
            self.fact_section.assign_button,
            self.fact_section.new_button,
            self.fact_section.remove_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
