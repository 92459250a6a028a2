"""Relay-chain operations the inspector calls: the chain of a claim, and edits of it
pushed as one undoable command each (which publishes what it changed)."""

from __future__ import annotations

import uuid

from db import relays as relay_ops
from db import sources as source_ops
from db.errors import ClaimDeskError, InvalidInput
from desktop.commands.relays import SetRelaysCommand
from desktop.context import AppContext

__all__ = ["add_relay", "move_relay", "relay_chain", "remove_relay"]

RelayLink = tuple[uuid.UUID, str]  # (source id, source name)


def relay_chain(ctx: AppContext, claim_id: uuid.UUID | str) -> list[RelayLink]:
    """The claim's relay chain, nearest the original source first."""
    return relay_ops.relay_chain(ctx.ws, claim_id)


def _push(ctx: AppContext, command: SetRelaysCommand) -> bool:
    ctx.undo_stack.push(command)
    return not command.failed


def _refuse(ctx: AppContext, message: str) -> bool:
    ctx.report_error(InvalidInput(message))
    return False


def add_relay(ctx: AppContext, claim_id: uuid.UUID, name: str) -> bool:
    """Append a relaying source by name (a registered name or alias, or a new source)."""
    name = " ".join(name.split())
    if not name:
        return _refuse(ctx, "Type the name of the source that relayed the claim.")
    try:
        chain = relay_ops.relay_chain(ctx.ws, claim_id)
        found = source_ops.find_source(ctx.ws, name)
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return False
    old = [sid for sid, _ in chain]
    if found is not None:
        if found.id in old:
            return _refuse(ctx, f"{found.name} already relays this claim.")
        command = SetRelaysCommand(ctx, claim_id, old, [*old, found.id], f"Add relay {found.name}")
    else:
        new_id = uuid.uuid4()
        command = SetRelaysCommand(
            ctx, claim_id, old, [*old, new_id], f"Add relay {name} (new source)", (new_id, name)
        )
    return _push(ctx, command)


def remove_relay(ctx: AppContext, claim_id: uuid.UUID, index: int) -> bool:
    """Remove the relay at *index* of the chain."""
    try:
        chain = relay_ops.relay_chain(ctx.ws, claim_id)
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return False
    if not 0 <= index < len(chain):
        return _refuse(ctx, "Choose a relay in the chain to remove.")
    old = [sid for sid, _ in chain]
    new = old[:index] + old[index + 1 :]
    return _push(ctx, SetRelaysCommand(ctx, claim_id, old, new, f"Remove relay {chain[index][1]}"))


def move_relay(ctx: AppContext, claim_id: uuid.UUID, index: int, step: int) -> bool:
    """Move the relay at *index* one place nearer the original source (-1) or the outlet (+1)."""
    try:
        chain = relay_ops.relay_chain(ctx.ws, claim_id)
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return False
    target = index + step
    if step not in (-1, 1) or not 0 <= index < len(chain) or not 0 <= target < len(chain):
        return False  # already first or last: nothing to move
    old = [sid for sid, _ in chain]
    new = list(old)
    new[index], new[target] = new[target], new[index]
    where = "up" if step < 0 else "down"
    return _push(
        ctx, SetRelaysCommand(ctx, claim_id, old, new, f"Move relay {chain[index][1]} {where}")
    )
