"""ClaimInspector: shows one claim and commits each field edit as one undoable command.

It refreshes from the change records (``ctx.changed``) that name what it
shows: its claim, that claim's evidence and links, a linked claim, its source.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import uuid
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QWidget,
)

from db.changes import Changes, Entity, Op
from db.claims import ClaimInfo
from db.dates import parse_event_date
from db.decisions import needs_rationale
from db.errors import ClaimDeskError, InvalidInput, Refused, StaleEdit
from db.ids import short
from db.invisible import has_hidden
from db.models import SourceKind, Status
from db.sources import SourceInfo
from desktop.context import AppContext
from desktop.inspector.form import InspectorForm
from desktop.inspector.new_source_dialog import NewSourceDialog
from desktop.marks import marked_html, one_line
from desktop.models.claims_model import alive_flag
from desktop.operations import analysts as analyst_ops
from desktop.operations import claims as claim_ops
from desktop.operations import sources as source_ops
from desktop.palette import (
    CONTESTED_COLOR,
    SUPERSEDED_COLOR,
    badge_html,
    error_color,
    muted_css,
    status_tip,
)
from desktop.review.verdict_dialog import VerdictDialog
from desktop.workers import run_job

log = logging.getLogger(__name__)

FIELD_TEXT = {
    "statement": "Edit statement",
    "kind": "Change kind",
    "source_id": "Change source",
    "reliability": "Change source reliability",
    "credibility": "Change information credibility",
    "status": "Change status",
    "event_start": "Change event date",
    "tags": "Change tags",
    "notes": "Edit notes",
}


def parse_event_text(text: str) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) for the event field's text (db.dates' parser); empty text clears it."""
    text = text.strip()
    return parse_event_date(text) if text else (None, None)


def event_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}/{end.isoformat()}"


class ClaimInspector(InspectorForm, QWidget):
    """Every field of the selected claim (objectName ``claimInspector``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimInspector")
        self.ctx = ctx
        self.info: ClaimInfo | None = None
        self._loading = False
        self._sources: list[SourceInfo] = []
        self._sources_stale = True
        self._tags_stale = True
        self._lookups = 0  # moves on whenever the tags, sources or analysts may change
        # Claims the last change record created with nothing attached (no evidence or
        # link named with them): shown next, they need no evidence or links read.
        self._bare: set[str] = set()
        # Claims whose relay chain the last change record names (read even when bare).
        self._relayed: set[str] = set()
        self._names: dict[uuid.UUID, str] = {}
        self.rationale_dialog: VerdictDialog | None = None
        self.new_source_dialog: NewSourceDialog | None = None
        self._build()
        self.links.reloaded.connect(self._update_badges)
        ctx.claimSelected.connect(self._claim_selected)
        ctx.openClaimRequested.connect(self._claim_selected)
        ctx.changed.connect(self._on_changed)
        ctx.workspaceChanged.connect(self._names.clear)
        ctx.workspaceChanged.connect(self._stale_lookups)
        ctx.workspaceChanged.connect(lambda: self.show_claim(None))
        self.show_claim(None)

    # ------------------------------------------------------------ showing

    @property
    def claim_id(self) -> uuid.UUID | None:
        return self.info.id if self.info else None

    def show_claim(self, claim_id: str | uuid.UUID | None) -> None:
        """Show the claim with this id (None shows the empty placeholder)."""
        if self.info is not None and claim_id is not None and str(claim_id) == str(self.info.id):
            self._reload()
            return
        self._commit_pending()
        info = None
        if claim_id is not None:
            try:
                info = claim_ops.get_claim(self.ctx, str(claim_id))
            except ClaimDeskError as exc:
                self.ctx.report_error(exc)
        self._show(info, force=True)

    def _claim_selected(self, claim_id: str) -> None:
        self.show_claim(claim_id or None)

    def _show(self, info: ClaimInfo | None, *, force: bool) -> None:
        changed_claim = info is None or self.info is None or info.id != self.info.id
        before = self.info
        self.info = info
        if info is None:
            self.stack.setCurrentIndex(0)
            self.evidence.set_claim(None)
            self.links.set_claim(None)
            self.relays.set_claim(None)
            self.fact_section.set_claim(None)
            return
        self.stack.setCurrentIndex(1)
        self._fill_choices()
        self._populate(info, keep_edits=not (force or changed_claim))
        if changed_claim:
            self.scroll.verticalScrollBar().setValue(0)  # another claim starts at its top
        if force or changed_claim:
            bare = str(info.id) in self._bare
            self.evidence.set_claim(info.id, empty=bare)
            self.links.set_claim(info.id, empty=bare)
            self.relays.set_claim(info.id, empty=bare and str(info.id) not in self._relayed)
            self.fact_section.set_claim(info, bare=bare)
        elif before is not None and (info.fact_id, info.source_id) != (
            before.fact_id,
            before.source_id,
        ):
            self.fact_section.set_claim(info)  # its fact or its source changed
        else:
            self.fact_section.info = info

    def _reload(self) -> None:
        """Read the shown claim again (its evidence and links refresh on their own changes)."""
        if self.info is None:
            return
        try:
            info = claim_ops.get_claim(self.ctx, self.info.id)
        except ClaimDeskError:
            info = None  # deleted meanwhile
        self._show(info, force=False)

    def read_choices_soon(self) -> None:
        """Read the tags, sources and analysts in the background (start-up calls this once
        the window shows), so that the first claim shown does not wait for them."""
        if not (self._tags_stale or self._sources_stale or not self._names):
            return
        lookups = self._lookups
        ws_ctx = self.ctx

        def read(_progress: Any) -> tuple[list[str], list[SourceInfo], dict[uuid.UUID, str]]:
            tags = claim_ops.all_tags(ws_ctx)
            sources = source_ops.list_sources(ws_ctx, counts=False)  # names, gradings
            names = {a.id: a.name for a in analyst_ops.list_analysts(ws_ctx)}
            return tags, sources, names

        def done(result: tuple[list[str], list[SourceInfo], dict[uuid.UUID, str]]) -> None:
            if lookups != self._lookups:
                return  # something changed meanwhile: read when shown
            tags, sources, names = result
            if self._tags_stale:
                self.tag_completer.set_tags(tags)
                self._tags_stale = False
            if self._sources_stale:
                self._sources = sources
                self._sources_stale = False
                self._show_sources()
            if not self._names:
                self._names = names

        alive = alive_flag(self)
        run_job(
            "Reading tags and sources",
            read,
            show_progress=False,
            on_done=lambda result: done(result) if alive[0] else None,
            on_error=lambda exc: log.debug("reading the inspector's choices: %s", exc),
        )

    def _stale_lookups(self) -> None:
        """Lists read in the background from before now are not to be used."""
        self._lookups += 1

    def _fill_choices(self) -> None:
        """Refresh the tag completer and the source list when they may have changed."""
        try:
            if self._tags_stale:
                self.tag_completer.set_tags(claim_ops.all_tags(self.ctx))
                self._tags_stale = False
            if not self._sources_stale:
                return
            self._sources = source_ops.list_sources(self.ctx, counts=False)  # names, gradings
            self._sources_stale = False
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            return
        self._show_sources()

    def _show_sources(self) -> None:
        self._source_names.setStringList([s.name for s in self._sources])
        if self.source_combo.lineEdit().hasFocus():
            return
        with QSignalBlocker(self.source_combo):
            self.source_combo.clear()
            self.source_combo.addItem("", None)
            for source in self._sources:
                self.source_combo.addItem(source.name, str(source.id))

    def _analyst_name(self, analyst_id: uuid.UUID | None) -> str:
        """Who an analyst id is (the list is re-read when an id is not known yet)."""
        if analyst_id is None:
            return "—"
        if analyst_id not in self._names:
            try:
                self._names = {a.id: a.name for a in analyst_ops.list_analysts(self.ctx)}
            except ClaimDeskError:
                return "—"
        return self._names.get(analyst_id, "—")

    def _stamp(self, when: Any, analyst_id: uuid.UUID | None) -> str:
        """``2024-10-30 14:10 by Name`` in local time, escaped for rich text."""
        local = when.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{local} by {html.escape(self._analyst_name(analyst_id))}"

    def _populate(self, info: ClaimInfo, *, keep_edits: bool) -> None:
        """Show stored values; with *keep_edits*, text the analyst is typing stays."""
        self._loading = True
        try:
            title = marked_html(info.article_title or "(untitled article)")
            self.header.setText(
                f"<b>Claim {short(info.id)}</b> · {title}<br>"
                f"<span style='{muted_css()}'>Created "
                f"{self._stamp(info.created_at, info.created_by_id)} · updated "
                f"{self._stamp(info.updated_at, info.updated_by_id)} · version "
                f"{info.version}</span>"
            )
            self.quote_view.setHtml(
                f"<div style='white-space: pre-wrap'><span style='{muted_css()}'>…"
                + marked_html(info.prefix)
                + "</span><b>"
                + marked_html(info.quote)
                + f"</b><span style='{muted_css()}'>"
                + marked_html(info.suffix)
                + "…</span></div>"
            )
            if not (keep_edits and self.statement_edit.dirty):
                self.statement_edit.set_stored_text(info.statement)
            if not (keep_edits and self.notes_edit.dirty):
                self.notes_edit.set_stored_text(info.notes)
            self._select(self.kind_combo, info.kind.value)
            if not (keep_edits and self.source_combo.lineEdit().hasFocus()):
                self._select(self.source_combo, str(info.source_id) if info.source_id else None)
                self.source_combo.setEditText(info.source_name)
            self._select(self.reliability_combo, info.reliability)
            self._select(self.credibility_combo, info.credibility)
            self._select(self.status_combo, info.status.value)
            if not (keep_edits and self.event_edit.dirty):
                self.event_edit.set_stored_text(event_text(info.event_start, info.event_end))
                self._set_event_error(None)
            if not (keep_edits and self.tags_edit.dirty):
                self.tags_edit.set_stored_text(", ".join(info.tags))
            self._show_hidden(info)
            self._update_badges()
        finally:
            self._loading = False

    def _show_hidden(self, info: ClaimInfo) -> None:
        """Name the edited fields whose stored text holds invisible characters.

        The fields show the text as stored (an edit must keep what it does not
        change), so the marked text is shown below them.
        """
        fields = (
            ("Statement", info.statement),
            ("Notes", info.notes),
            ("Source", info.source_name),
            ("Tags", ", ".join(info.tags)),
        )
        lines = [
            f"{label} holds invisible or direction characters: “{marked_html(value)}”"
            for label, value in fields
            if has_hidden(value)
        ]
        self.hidden_note.setText("<br>".join(lines))
        self.hidden_note.setVisible(bool(lines))

    def _update_badges(self) -> None:
        """The contested and superseded marks beside the status (links give the second)."""
        contested = self.info is not None and self.info.contested
        newer = self.links.superseded_by() if self.info is not None else []
        words = (["contested"] if contested else []) + (["superseded"] if newer else [])
        colors = {"contested": CONTESTED_COLOR, "superseded": SUPERSEDED_COLOR}
        self.status_badges.setText(" ".join(badge_html(w, colors[w]) for w in words))
        self.status_badges.setAccessibleName(", ".join(words))
        self.status_badges.setToolTip(
            status_tip(contested, str(newer[0].other_id) if newer else None) or ""
        )
        self.status_badges.setVisible(bool(words))

    def badges(self) -> list[str]:
        """The marks shown beside the status, as words (for tests and screen readers)."""
        name = self.status_badges.accessibleName()
        return name.split(", ") if name and not self.status_badges.isHidden() else []

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> None:
        with QSignalBlocker(combo):
            combo.setCurrentIndex(max(combo.findData(data), 0) if data is not None else 0)

    def _on_changed(self, changes: Changes) -> None:
        """Refresh only for a change record naming what is shown."""
        attached = {c.parent for c in changes.items if c.entity in (Entity.EVIDENCE, Entity.LINK)}
        self._bare = changes.ids(Entity.CLAIM, Op.CREATED) - attached
        self._relayed = {c.id for c in changes.of(Entity.CLAIM) if "relayed_by" in c.fields}
        if changes.everything:
            self._stale_lookups()
            self._names.clear()
            self._sources_stale = self._tags_stale = True
            self._reload()
            if self.info is not None:
                self.evidence.reload()
                self.links.reload()
                self.relays.reload()
                self.fact_section.reload()
            return
        claim_changes = changes.of(Entity.CLAIM)
        if changes.touches(Entity.SOURCE):
            self._stale_lookups()
            self._sources_stale = True
        if changes.touches(Entity.ANALYST):
            self._stale_lookups()
            self._names.clear()
        if any("tags" in c.fields or (changes.remote and not c.fields) for c in claim_changes):
            self._stale_lookups()
            self._tags_stale = True
        if self.info is None:
            return
        shown = str(self.info.id)
        if changes.fields_of(Entity.CLAIM, shown) is not None:
            if any(c.id == shown and c.op is Op.DELETED for c in claim_changes):
                self._show(None, force=True)
                return
            self._reload()
            if self.info is not None and self.info.id == uuid.UUID(shown):
                fields = changes.fields_of(Entity.CLAIM, shown)
                if not fields or "relayed_by" in fields:
                    self.relays.reload()
        elif self.info.source_id is not None and str(self.info.source_id) in changes.ids(
            Entity.SOURCE
        ):
            self._reload()  # its source was renamed or removed
        if self.info is None:
            return
        if changes.touches(Entity.SOURCE) and self.relays.list.count():
            self.relays.reload()  # a relaying source may have been renamed or removed
        if self.info.fact_id is not None and str(self.info.fact_id) in changes.ids(Entity.FACT):
            self.fact_section.reload()  # its fact was renamed, or its claims changed
        if any(c.parent == shown for c in changes.of(Entity.EVIDENCE)):
            self.evidence.reload()
        others = {str(view.other_id) for view in self.links.views()}
        if any(c.parent == shown for c in changes.of(Entity.LINK)) or (
            others & changes.ids(Entity.CLAIM)
        ):
            self.links.reload()  # a link of this claim, or a linked claim, changed
            self.fact_section.reload_corroboration()

    # ------------------------------------------------------------ committing

    def _revert_field(self) -> None:
        """Escape in a text field: show the stored value again, write nothing."""
        if self.info is not None:
            self._populate(self.info, keep_edits=True)

    def _commit_pending(self) -> None:
        if self.info is None:
            return
        self.statement_edit.commit()
        self.notes_edit.commit()
        self.tags_edit.commit()

    def _push(self, fields: dict[str, Any], rationale: str | None = None) -> bool:
        """Write changed fields as one undoable command; on failure show stored values."""
        if self.info is None or self._loading:
            return False
        stored = claim_ops.editable_values(self.info)
        new = {k: v for k, v in fields.items() if stored.get(k) != v}
        if not new:
            return False
        old = {k: stored[k] for k in new}
        text = FIELD_TEXT.get(next(iter(new)), "Edit claim")
        if not claim_ops.update_claim(
            self.ctx, self.info.id, new, old, self.info.version, text, rationale
        ):
            self._reload_stored()
            return False
        return True

    def _ask_rationale(self, status: Status) -> None:
        """Verified or false needs the reviewer's reason: asked for before anything is saved.

        The dialog is ``rationale_dialog`` while open; Cancel puts the stored status back.
        """
        if self.info is None:
            return
        dialog = VerdictDialog(one_line(self.info.quote, 200), self)
        dialog.setObjectName("inspectorRationaleDialog")
        dialog.set_status(status)
        dialog.status_box.setEnabled(False)
        dialog.setWindowTitle(f"Mark the claim {status.label.lower()}")
        claim_id = self.info.id
        self.rationale_dialog = dialog

        def done(result: int) -> None:
            self.rationale_dialog = None
            dialog.deleteLater()
            if self.info is None or self.info.id != claim_id:
                return
            if result == QDialog.DialogCode.Accepted:
                self._push({"status": status}, dialog.rationale_text())
            else:
                self._reload_stored()

        dialog.finished.connect(done)
        dialog.open()

    def _reload_stored(self) -> None:
        """Put every field back to what the database holds (after a refused edit)."""
        self.statement_edit.dirty = self.notes_edit.dirty = False
        self.event_edit.dirty = self.tags_edit.dirty = False
        if self.info is not None:
            try:
                info = claim_ops.get_claim(self.ctx, self.info.id)
            except ClaimDeskError:
                info = None
            self._show(info, force=True)

    def _combo_changed(self, field: str, combo: QComboBox) -> None:
        if self._loading:
            return
        if field == "status" and self.info is not None:
            status = Status(combo.currentData())
            if needs_rationale(self.info.status, status):
                refusal = claim_ops.status_refusal(self.ctx, self.info.id, status)
                if refusal is not None:  # refused before the analyst writes a rationale
                    self.ctx.report_error(Refused(refusal))
                    self._reload_stored()
                else:
                    self._ask_rationale(status)
                return
        self._push({field: combo.currentData()})

    def _set_event_error(self, message: str | None) -> None:
        self.event_error.setText(message or "")
        self.event_error.setVisible(bool(message))
        self.event_edit.setStyleSheet(
            f"border: 1px solid {error_color().name()};" if message else ""
        )

    def _event_confirmed(self) -> None:
        if self.info is None:
            return
        try:
            start, end = parse_event_text(self.event_edit.text())
        except InvalidInput as exc:
            self._set_event_error(str(exc))
            return
        self._set_event_error(None)
        self._push({"event_start": start, "event_end": end})

    def _source_confirmed(self) -> None:
        if self.info is None or self._loading:
            return
        name = self.source_combo.currentText().strip()
        if name == self.info.source_name:
            return
        if not name:
            self._push({"source_id": None})
            return
        source = next((s for s in self._sources if s.name.casefold() == name.casefold()), None)
        if source is None:
            try:
                source = source_ops.find_source(self.ctx, name)
            except ClaimDeskError as exc:
                self.ctx.report_error(exc)
                return
        if source is not None:
            self._push(self._source_fields(source))
            return
        try:  # refuse a stale edit before creating anything
            current = claim_ops.get_claim(self.ctx, self.info.id)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            return
        if current.version != self.info.version:
            self.ctx.report_error(
                StaleEdit(
                    f"Claim {short(current.id)} was changed by someone else; "
                    "your edit was not saved."
                )
            )
            self._reload_stored()
            return
        self._ask_new_source(name)

    def _ask_new_source(self, name: str) -> None:
        """A name no source has: ask its kind and grading (``new_source_dialog`` while
        open), then add it and make it the claim's source, as one undo step."""
        assert self.info is not None
        dialog = NewSourceDialog(name, self.info.reliability, self.info.credibility, self)
        claim_id = self.info.id
        self.new_source_dialog = dialog

        def done(result: int) -> None:
            self.new_source_dialog = None
            dialog.deleteLater()
            if self.info is None or self.info.id != claim_id:
                return
            if result != QDialog.DialogCode.Accepted or not dialog.name():
                self._reload_stored()
                return
            self._add_source(
                dialog.name(), dialog.kind(), dialog.reliability(), dialog.credibility()
            )

        dialog.finished.connect(done)
        dialog.open()

    def _add_source(
        self, name: str, kind: SourceKind, reliability: str | None, credibility: int | None
    ) -> None:
        """The new source with its defaults, and the claim graded the same, in one step."""
        stack = self.ctx.undo_stack
        stack.beginMacro(f"Set source to new source {name}")
        try:
            source_id = source_ops.create_source(
                self.ctx,
                name,
                kind=kind,
                default_reliability=reliability,
                default_credibility=credibility,
            )
            if source_id is not None:
                fields: dict[str, Any] = {"source_id": source_id}
                fields["reliability"] = reliability
                fields["credibility"] = credibility
                self._push(fields)
            else:
                self._reload_stored()
        finally:
            stack.endMacro()

    def _source_fields(self, source: SourceInfo) -> dict[str, Any]:
        """The source, and its default grading for the parts the claim has not got."""
        fields: dict[str, Any] = {"source_id": source.id}
        if self.info is not None:
            if source.default_reliability and not self.info.reliability:
                fields["reliability"] = source.default_reliability
            if source.default_credibility and not self.info.credibility:
                fields["credibility"] = source.default_credibility
        return fields

    # ------------------------------------------------------------ conveniences

    def set_event_text(self, text: str) -> None:
        """Type *text* into the event date and confirm it, as the analyst would."""
        self.event_edit.setText(text)
        self.event_edit.dirty = True
        self.event_edit.commit()

    def set_source_text(self, text: str) -> None:
        """Type a source name and confirm it, as the analyst would."""
        self.source_combo.setEditText(text)
        self._source_confirmed()
