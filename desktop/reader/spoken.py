"""What a screen reader says about a claim: status, source, grading, then its words."""

from __future__ import annotations

from db.claims import ClaimInfo
from db.models import CREDIBILITY, RELIABILITY

QUOTE_LIMIT = 160


def grading_words(info: ClaimInfo) -> str:
    """ "B2 (usually reliable; probably true)", or "not graded"."""
    if not info.grading:
        return "not graded"
    words = [
        RELIABILITY.get(info.reliability or "", ""),
        CREDIBILITY.get(info.credibility or 0, ""),
    ]
    detail = "; ".join(w for w in words if w)
    return f"{info.grading} ({detail})" if detail else info.grading


def spoken_claim(info: ClaimInfo, superseded: bool = False) -> str:
    """One sentence per fact, status first: what an analyst moving claim to claim needs."""
    status = info.status.label + (", contested" if info.contested else "")
    if superseded:
        status += ", superseded by a newer claim"
    words = " ".join((info.statement or info.quote).split())
    if len(words) > QUOTE_LIMIT:
        words = words[: QUOTE_LIMIT - 1] + "…"
    return (
        f"Claim, {status}. Source: {info.source_name or 'none'}. "
        f"Grading: {grading_words(info)}. “{words}”"
    )
