"""Craft or people at work on one effort, however their work is told: "six vessels were
working at sea", "32 boats were skimming oil" and "more than 40 vessels are taking part"
count those at work, one saying only that they worked, the others at what."""

from __future__ import annotations

import re

# Verbs telling only that the counted were at work, not at what.
AT_WORK = frozenset(
    ("working", "worked", "work", "works", "taking part", "took part", "helping", "helped",
     "involved", "engaged", "busy", "operating", "deployed")
)  # fmt: skip
# Progressive forms telling of no work: waiting, lying idle, kept where they are.
_IDLE = frozenset(
    ("waiting", "queuing", "queueing", "standing", "sheltering", "sitting", "lying", "idling",
     "anchoring", "mooring", "remaining", "staying", "heading", "returning", "leaving",
     "arriving", "sailing", "missing", "burning", "sinking", "drifting")
)  # fmt: skip


def at_work_alike(a: str, b: str) -> bool:
    """Whether two verbs of counted craft or people tell of one work: both only that they
    were at work, or one that and the other a work going on ("skimming", "searching")."""
    if a in AT_WORK:
        return b in AT_WORK or _busy(b)
    return b in AT_WORK and _busy(a)


def _busy(verb: str) -> bool:
    """Whether *verb* tells of a work going on ("skimming", "clearing"), not of lying idle."""
    return verb.endswith("ing") and " " not in verb and verb not in _IDLE


# What a subject does, told after it in its sentence, past a phrase set off by commas:
# "Fourteen vessels, among them two patrol boats, were at work on Thursday".
_DONE_AFTER = re.compile(
    r"(?:\s*,[^.;:!?]{1,120}?,)?\s+(?:(?:were|was|are|is|have|has|had|been|now|still|all|"
    r"already)\s+)+(?P<v>at\s+work|[^\W\d_]{2,}ing)\b",
    re.I,
)


def done_after(quote: str, around: str) -> str:
    """What the counted things of a quote naming only them ("Fourteen vessels") are told
    doing after it in its sentence *around* ("…, were at work": working); "" when
    nothing is."""
    at = around.find(quote)
    if at < 0:
        return ""
    found = _DONE_AFTER.match(around, at + len(quote))
    if found is None:
        return ""
    verb = found["v"].lower()
    return "working" if verb.startswith("at") else verb


def names_only(quote: str) -> bool:
    """Whether a quote is a figure and its noun alone ("Fourteen vessels", "32 boats")."""
    return len(quote.split()) <= 3 and not quote.rstrip().endswith(("ing", "ed"))
