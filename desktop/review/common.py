"""Small helpers shared by the review panels."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from db.changes import EVERYTHING, Change, Changes, Entity, Op, changed
from db.errors import ClaimDeskError, NotFound
from desktop.context import AppContext

T = TypeVar("T")


def local_time(when: dt.datetime | None, seconds: bool = False) -> str:
    """An aware UTC timestamp shown in the computer's local time."""
    if when is None:
        return ""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def attempt(
    ctx: AppContext,
    action: Callable[[], T],
    title: str = "ClaimDesk",
    *,
    quiet_not_found: bool = False,
) -> T | None:
    """Run a db/ call; an expected failure is shown to the user and None returned.

    With *quiet_not_found*, a vanished item (deleted meanwhile) just gives None.
    """
    try:
        return action()
    except ClaimDeskError as exc:
        if quiet_not_found and isinstance(exc, NotFound):
            return None
        ctx.report_error(exc, title)
        return None


def as_uuid(value: str | uuid.UUID | None) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def hidden_in_window(widget: QWidget) -> bool:
    """True when *widget* sits hidden in a shown window (a dock on a tab behind another).

    Such a panel reads nothing on a change: it marks itself stale and reads
    when shown.  A panel not yet in a shown window (built, or tested alone)
    reads at once.
    """
    return widget.window().isVisible() and not widget.isVisible()


def when_shown(widget: QWidget, catch_up: Callable[[], None]) -> None:
    """Run *catch_up* after *widget*'s show event if it is still visible then.

    A window being shown shows every dock for a moment, tabbed-away ones too;
    the check after the event loop turns skips those.
    """

    def check() -> None:
        if widget.isVisible():
            catch_up()

    QTimer.singleShot(0, widget, check)


def follow_changes(
    ctx: AppContext, handler: Callable[[Changes], None], owner: QObject | None = None
) -> None:
    """Call *handler* with every change record published on ``ctx.changed``.

    Writers not yet publishing records still announce claim and link edits on
    the legacy ``claimsChanged``/``linksChanged`` signals; those are turned into
    records naming the same claims.  ``ctx.publish`` emits both for one write,
    so the legacy echo of a published record is skipped.  When *owner* is
    destroyed the handler is disconnected.
    """
    # What the legacy echo of the last published record may name (None: nothing).
    echo: dict[str, set[str] | None] = {"claims": None, "links": None}

    def on_changed(changes: Changes) -> None:
        if changes.everything:
            echo["claims"], echo["links"] = set(), set()
        else:
            echo["claims"] = claims_named(changes) or None
            echo["links"] = {c.parent or c.id for c in changes.of(Entity.LINK)} or None
        # The echo follows at once, within the same publish; forget it afterwards
        # (a record emitted without publish has no echo).
        QTimer.singleShot(0, forget)
        handler(changes)

    def forget() -> None:
        echo["claims"] = echo["links"] = None

    def is_echo(kind: str, ids: list[str]) -> bool:
        expected = echo[kind]
        if expected is None or (bool(ids) != bool(expected)) or not set(ids) <= expected:
            return False
        echo[kind] = None
        return True

    def on_claims(ids: list[str]) -> None:
        if not is_echo("claims", ids):
            handler(changed(Entity.CLAIM, ids) if ids else EVERYTHING)

    def on_links(ids: list[str]) -> None:
        if not is_echo("links", ids):
            handler(
                Changes(tuple(Change(Entity.LINK, "", Op.UPDATED, parent=str(i)) for i in ids))
                if ids
                else EVERYTHING
            )

    ctx.changed.connect(on_changed)
    ctx.claimsChanged.connect(on_claims)
    ctx.linksChanged.connect(on_links)

    def disconnect() -> None:
        for signal, slot in (
            (ctx.changed, on_changed),
            (ctx.claimsChanged, on_claims),
            (ctx.linksChanged, on_links),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the context went first
                pass

    if owner is not None:
        owner.destroyed.connect(disconnect)


def bare_claims(changes: Changes) -> set[str]:
    """Claims *changes* creates with nothing attached: no comment, verdict, link or
    evidence of theirs is named, so a panel showing one of them has nothing to read.

    Deleting a claim deletes what was attached to it, so a claim brought back by an
    undo is bare too unless the same record names what came back with it.
    """
    attached = {
        c.parent
        for c in changes.items
        if c.entity in (Entity.COMMENT, Entity.VERDICT, Entity.LINK, Entity.EVIDENCE)
    }
    return changes.ids(Entity.CLAIM, Op.CREATED) - attached


def claims_named(changes: Changes) -> set[str]:
    """The claims a record concerns: claims themselves and the claims owning its
    comments, verdicts, evidence and links."""
    ids = changes.ids(Entity.CLAIM)
    for entity in (Entity.COMMENT, Entity.VERDICT, Entity.EVIDENCE, Entity.LINK):
        ids |= {c.parent for c in changes.of(entity) if c.parent}
    return ids
