"""The agreement report between two analysts on one article (read only)."""

from __future__ import annotations

import uuid

from db.agreement import AgreementReport
from db.agreement import agreement as agreement_report
from desktop.context import AppContext


def agreement(
    ctx: AppContext,
    article_id: uuid.UUID | str,
    analyst_a: uuid.UUID | str,
    analyst_b: uuid.UUID | str,
    overlap: float = 0.5,
) -> AgreementReport:
    return agreement_report(ctx.ws, article_id, analyst_a, analyst_b, overlap=overlap)
