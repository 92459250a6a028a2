"""The demo workspace's Conflicts queue, the first proposals a newcomer sees, proposes what
its own analyst marked would call for: a claim agreeing with one the analyst marked as
contradicting a third is, if proposed against that third, a contradiction too (never an
update of it); and a figure the analyst marked only as citing another's (a misreport) is
proposed against no other claim.  The expectations are read from the sample's own LINKS."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from db.claims import list_claims
from db.facts.proposals import LinkProposal, conflicts, propose_links
from db.models import Relation
from db.sample import CLAIMS, LINKS, create_sample_workspace
from db.workspace import open_workspace

AGREEING = (Relation.SUPPORTS, Relation.SAME)


def implied_contradictions() -> set[frozenset[str]]:
    """Pairs of sample claims the sample's marks make contradictions: one agrees with (supports
    or repeats) a claim the other is marked as contradicting, and the two are not linked."""
    linked = {frozenset((a, b)) for a, b, _r, _n in LINKS}
    agree = [frozenset((a, b)) for a, b, r, _n in LINKS if r in AGREEING]
    dispute = [frozenset((a, b)) for a, b, r, _n in LINKS if r is Relation.CONTRADICTS]
    found = set()
    for pair in agree:
        for other in dispute:
            shared = pair & other
            if len(shared) == 1:
                ends = (pair | other) - shared
                if len(ends) == 2 and frozenset(ends) not in linked:
                    found.add(frozenset(ends))
    return found


def cited_only() -> set[str]:
    """Sample claims whose only marks are citing another claim (a figure misreported)."""
    marks: dict[str, set[Relation]] = {}
    for a, b, relation, _note in LINKS:
        marks.setdefault(a, set()).add(relation)
        marks.setdefault(b, set()).add(relation)
    return {key for key, found in marks.items() if found == {Relation.CITES}}


@pytest.fixture
def sample(tmp_path: Path) -> tuple[list[LinkProposal], list[LinkProposal], dict[uuid.UUID, str]]:
    path = create_sample_workspace(tmp_path / "demo.sqlite")
    ws = open_workspace(path)
    try:
        keys_by_quote = {c.quote: c.key for c in CLAIMS}
        keys = {c.id: keys_by_quote[c.quote] for c in list_claims(ws)}
        return conflicts(ws), propose_links(ws), keys
    finally:
        ws.close()


def _pair(p: LinkProposal, keys: dict[uuid.UUID, str]) -> frozenset[str]:
    return frozenset((keys[p.from_claim.claim_id], keys[p.to_claim.claim_id]))


def test_the_sample_queue_proposes_contradictions_its_marks_imply(
    sample: tuple[list[LinkProposal], list[LinkProposal], dict[uuid.UUID, str]],
) -> None:
    queue, _every, keys = sample
    implied = implied_contradictions()
    assert implied  # (the sample marks such a pair: the test asks something)
    proposed = {_pair(p, keys): p.relation for p in queue}
    asked = [pair for pair in implied if pair in proposed]
    # The figures of such a pair disagree, so the queue proposes it, and as what it is.
    assert asked
    for pair in asked:
        assert proposed[pair] is Relation.CONTRADICTS, (sorted(pair), proposed[pair])


def test_a_misreported_figure_is_proposed_against_no_other_claim(
    sample: tuple[list[LinkProposal], list[LinkProposal], dict[uuid.UUID, str]],
) -> None:
    _queue, every, keys = sample
    misreported = cited_only()
    assert misreported
    for p in every:
        assert not (_pair(p, keys) & misreported), (sorted(_pair(p, keys)), p.relation, p.why)


def test_no_sample_proposal_updates_a_figure_its_marks_dispute(
    sample: tuple[list[LinkProposal], list[LinkProposal], dict[uuid.UUID, str]],
) -> None:
    queue, _every, keys = sample
    implied = implied_contradictions()
    assert queue
    for p in queue:
        if p.relation is Relation.UPDATES:
            assert _pair(p, keys) not in implied, p.why
