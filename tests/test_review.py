"""Analysts and roles, settings, the review rules, the queue, verdicts and the compare set."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from review_support import act_as, add_seed, claim_at
from sqlalchemy import select, update

from db import analysts, claims, links, review, settings
from db.compare import compare_set, sentence_bounds
from db.errors import InvalidInput, NotFound, Refused
from db.models import Claim, HistoryEntry, Role, Status, Verdict
from db.workspace import Workspace


@pytest.fixture
def team(ws: Workspace) -> Workspace:
    """The default admin "Analyst" plus an analyst Ana and reviewers Rita and Ravi."""
    analysts.add_analyst(ws, "Ana Lyst")
    analysts.add_analyst(ws, "Rita Review", role="reviewer", color="#10b981")
    analysts.add_analyst(ws, "Ravi Second", role="reviewer")
    return ws


# ---------------------------------------------------------------- analysts


def test_first_analyst_is_admin_and_current(ws_path: Path) -> None:
    from db.workspace import open_workspace

    ws = open_workspace(ws_path)
    try:
        assert analysts.needs_first_analyst(ws)
        me = analysts.create_first_analyst(ws, "Mara Okafor", "MO", "#ff8800")
        assert me.role == Role.ADMIN and me.initials == "MO" and me.color == "#ff8800"
        assert ws.analyst_id == me.id
        assert not analysts.needs_first_analyst(ws)
        assert analysts.get_current(ws).name == "Mara Okafor"
        with pytest.raises(Refused):
            analysts.create_first_analyst(ws, "Someone Else")
        # bind_analyst without a name picks the first analyst, not a new "Analyst".
        ws.analyst_id = None
        assert analysts.bind_analyst(ws) == me.id
        assert [a.name for a in analysts.list_analysts(ws)] == ["Mara Okafor"]
    finally:
        ws.close()


def test_add_analyst_defaults_and_validation(ws: Workspace) -> None:
    info = analysts.add_analyst(ws, "Jean-Luc Picard")
    assert info.role == Role.ANALYST
    assert info.initials == "JLP"
    assert info.color.startswith("#")
    with pytest.raises(InvalidInput, match="already"):
        analysts.add_analyst(ws, "jean-luc picard")
    with pytest.raises(InvalidInput, match="role"):
        analysts.add_analyst(ws, "X", role="boss")
    with pytest.raises(InvalidInput, match="colour"):
        analysts.add_analyst(ws, "Y", color="blue")
    with pytest.raises(InvalidInput, match="name"):
        analysts.add_analyst(ws, "   ")


def test_only_admins_grant_roles(team: Workspace) -> None:
    act_as(team, "Ana Lyst")
    with pytest.raises(Refused, match="Only admins"):
        analysts.set_role(team, "Ana Lyst", "reviewer")
    with pytest.raises(Refused, match="Only admins"):
        analysts.add_analyst(team, "Sneaky", role="admin")
    # Plain analysts may still be added by anyone.
    assert analysts.add_analyst(team, "Newbie").role == Role.ANALYST
    act_as(team, "Analyst")
    assert analysts.set_role(team, "ana lyst", "reviewer").role == Role.REVIEWER
    with pytest.raises(Refused, match="only admin"):
        analysts.set_role(team, "Analyst", "analyst")


def test_bind_unknown_analyst_is_not_found(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="Nobody"):
        analysts.bind_analyst(ws, "Nobody")


# ---------------------------------------------------------------- settings


def test_settings_defaults_and_admin_only(team: Workspace) -> None:
    assert settings.four_eyes_enabled(team) is True
    assert settings.organisation_name(team) == ""
    settings.set_organisation_name(team, "Desk North")
    assert settings.all_settings(team)["organisation"] == "Desk North"
    with pytest.raises(InvalidInput):
        settings.set_setting(team, "four_eyes", "maybe")
    with pytest.raises(InvalidInput):
        settings.set_setting(team, "colour", "red")
    act_as(team, "Rita Review")
    with pytest.raises(Refused):
        settings.set_four_eyes(team, False)
    assert settings.four_eyes_enabled(team) is True


# ---------------------------------------------------------------- rules


def test_solo_admin_may_verify_own_claim(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    assert (
        claims.update_claim(
            ws, c.id, status="verified", rationale="Checked against the record."
        ).status
        == Status.VERIFIED
    )
    verdict = review.give_verdict(ws, c.id, "false", "Contradicted by the ministry's figures.")
    assert verdict.status == Status.FALSE


def test_plain_analyst_cannot_decide(team: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(team, seed_paths[0])
    act_as(team, "Ana Lyst")
    c = claim_at(team, aid, text)
    for status in ("verified", "false", "unverifiable"):
        with pytest.raises(Refused, match="Only reviewers and admins can mark a claim"):
            claims.update_claim(team, c.id, status=status)
    # Flagging a dispute or sending to review is fine for analysts...
    assert claims.update_claim(team, c.id, status="disputed").status == Status.DISPUTED
    assert claims.update_claim(team, c.id, status="in_review").status == Status.IN_REVIEW
    # ... but "disputed" as a verdict is a reviewer's decision.
    with pytest.raises(Refused, match="Only reviewers"):
        review.give_verdict(team, c.id, "disputed", "Two sources disagree.")
    assert claims.get_claim(team, c.id).status == Status.IN_REVIEW


def test_four_eyes_refuses_creator(team: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(team, seed_paths[1])
    act_as(team, "Rita Review")
    before = len(claims.list_claims(team))
    with pytest.raises(Refused, match="four-eyes"):  # not even by creating it verified
        claim_at(team, aid, text, status="verified", rationale="Checked against the record.")
    assert len(claims.list_claims(team)) == before
    c = claim_at(team, aid, text, status="in_review")
    with pytest.raises(Refused, match="four-eyes rule: another reviewer must confirm"):
        claims.update_claim(team, c.id, status="verified", rationale="Checked against the record.")
    with pytest.raises(Refused, match="four-eyes"):
        review.give_verdict(team, c.id, "false", "Wrong year.")
    # Unverifiable is not covered by the four-eyes rule.
    assert claims.update_claim(team, c.id, status="unverifiable").status == Status.UNVERIFIABLE
    claims.update_claim(team, c.id, status="in_review")
    act_as(team, "Ravi Second")
    v = review.give_verdict(team, c.id, "verified", "Matches the agency's release.")
    assert v.reviewer_name == "Ravi Second"
    # With the rule switched off by the admin, the creator may decide.
    act_as(team, "Analyst")
    settings.set_four_eyes(team, False)
    act_as(team, "Rita Review")
    assert (
        claims.update_claim(
            team, c.id, status="false", rationale="Checked against the record."
        ).status
        == Status.FALSE
    )


def test_unbound_session_refused_when_team_exists(team: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(team, seed_paths[1])
    c = claim_at(team, aid, text)
    team.analyst_id = None
    with pytest.raises(Refused, match="Choose who you are"):
        claims.update_claim(team, c.id, status="verified", rationale="Checked against the record.")


# ---------------------------------------------------------------- verdicts


def test_verdict_recorded_with_reviewer_and_status_in_one_go(
    team: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = add_seed(team, seed_paths[2])
    act_as(team, "Ana Lyst")
    c = claim_at(team, aid, text, status="in_review")
    act_as(team, "Rita Review")
    v = review.give_verdict(team, c.id, "verified", "  Confirmed by the court record.  ")
    assert v.rationale == "Confirmed by the court record."
    assert claims.get_claim(team, c.id).status == Status.VERIFIED
    got = review.verdicts_of(team, c.id)
    assert [(x.reviewer_name, x.status, x.rationale) for x in got] == [
        ("Rita Review", Status.VERIFIED, "Confirmed by the court record.")
    ]
    with team.session() as s:
        entry = s.scalars(
            select(HistoryEntry).where(HistoryEntry.entity_id == c.id).order_by(HistoryEntry.at)
        ).all()[-1]
        assert entry.action == "verdict"
        assert entry.changes["status"] == ["in_review", "verified"]
        assert entry.analyst_id == v.reviewer_id


def test_empty_rationale_refused_and_nothing_changes(
    team: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = add_seed(team, seed_paths[2])
    act_as(team, "Ana Lyst")
    c = claim_at(team, aid, text, status="in_review")
    act_as(team, "Rita Review")
    with pytest.raises(InvalidInput, match="rationale"):
        review.give_verdict(team, c.id, "verified", "   ")
    with pytest.raises(InvalidInput, match="verdict is one of"):
        review.give_verdict(team, c.id, "in_review", "because")
    assert claims.get_claim(team, c.id).status == Status.IN_REVIEW
    with team.session() as s:
        assert s.scalars(select(Verdict)).all() == []


# ---------------------------------------------------------------- queue


def test_queue_filters(team: Workspace, seed_paths: list[Path]) -> None:
    from db.sources import create_source

    a1, t1 = add_seed(team, seed_paths[0], "First")
    a2, t2 = add_seed(team, seed_paths[1], "Second")
    src = create_source(team, "Ministry of Defence")
    act_as(team, "Ana Lyst")
    q1 = claim_at(team, a1, t1, 0, status="in_review", source_id=src.id)
    q2 = claim_at(team, a1, t1, 1, status="disputed")
    q3 = claim_at(team, a2, t2, 0, status="in_review")
    claim_at(team, a2, t2, 1)  # unverified: not in the queue
    assert {i.claim_id for i in review.review_queue(team)} == {q1.id, q2.id, q3.id}
    assert {i.claim_id for i in review.review_queue(team, article_id=a1)} == {q1.id, q2.id}
    assert [i.claim_id for i in review.review_queue(team, source_id=src.id)] == [q1.id]
    review.assign(team, q3.id, "Rita Review")
    items = review.review_queue(team, assignee_id="rita review")
    assert [(i.claim_id, i.assignee_name) for i in items] == [(q3.id, "Rita Review")]
    assert {i.claim_id for i in review.review_queue(team, unassigned=True)} == {q1.id, q2.id}
    # Age counts from when the claim entered its status (kept in status_since as the
    # status changes, filled from the history by migration 0022): backdate q2's.
    # History is append-only in the database: lift the guard for this one backdating.
    from db import append_only

    with team.session() as s:
        append_only.drop(s.connection())
        s.execute(
            update(HistoryEntry)
            .where(HistoryEntry.entity_id == q2.id)
            .values(at=dt.datetime.now(dt.UTC) - dt.timedelta(days=10))
        )
        append_only.create(s.connection())
        s.execute(
            update(Claim)
            .where(Claim.id == q2.id)
            .values(status_since=dt.datetime.now(dt.UTC) - dt.timedelta(days=10))
        )
    claims.update_claim(team, q1.id, notes="an edit that is not a status change")
    old = review.review_queue(team, older_than_days=7)
    assert [i.claim_id for i in old] == [q2.id]
    assert old[0].age_days > 9.9
    assert review.review_queue(team)[0].claim_id == q2.id  # oldest first
    review.assign(team, q3.id, None)
    assert claims.get_claim(team, q3.id).assignee_id is None
    with pytest.raises(NotFound):
        review.assign(team, q3.id, "Nobody Here")


def test_queue_counts_open_threads(team: Workspace, seed_paths: list[Path]) -> None:
    from db.comments import add_comment, resolve_thread

    aid, text = add_seed(team, seed_paths[3])
    c = claim_at(team, aid, text, status="disputed")
    first = add_comment(team, c.id, "Which figure is right?")
    add_comment(team, c.id, "Second question")
    assert review.review_queue(team)[0].open_threads == 2
    resolve_thread(team, first.id)
    assert review.review_queue(team)[0].open_threads == 1


# ---------------------------------------------------------------- compare


def test_sentence_bounds() -> None:
    text = "First one. The army said 40 died. Later! Next\nline here"
    start = text.index("40")
    lo, hi = sentence_bounds(text, start, start + 2)
    assert text[lo:hi] == "The army said 40 died."
    start = text.index("line")
    assert text[slice(*sentence_bounds(text, start, start + 4))] == "line here"
    start = text.index("Next")
    assert text[slice(*sentence_bounds(text, start, start + 4))] == "Next"


def test_compare_set_two_hops(ws: Workspace, seed_paths: list[Path]) -> None:
    a1, t1 = add_seed(ws, seed_paths[0], "One")
    a2, t2 = add_seed(ws, seed_paths[1], "Two")
    a3, t3 = add_seed(ws, seed_paths[2], "Three")
    c1 = claim_at(ws, a1, t1, 0, reliability="B", credibility=2, event_start="2024-10-01")
    c2 = claim_at(ws, a2, t2, 0)
    c3 = claim_at(ws, a3, t3, 0)
    c4 = claim_at(ws, a3, t3, 1)
    c5 = claim_at(ws, a1, t1, 2)
    links.add_link(ws, c2.id, c1.id, "contradicts")
    links.add_link(ws, c3.id, c2.id, "updates")
    links.add_link(ws, c4.id, c3.id, "same")  # three hops from c1: left out
    links.add_link(ws, c5.id, c1.id, "supports")  # not a compare relation
    items = compare_set(ws, c1.id)
    assert items[0].claim_id == c1.id
    assert {i.claim_id: i.hops for i in items} == {c1.id: 0, c2.id: 1, c3.id: 2}
    first = items[0]
    assert first.grading == "B2" and first.event_start == dt.date(2024, 10, 1)
    assert first.article_title == "One"
    for item in items:
        assert item.quote in item.sentence
        assert item.sentence[item.quote_start : item.quote_start + len(item.quote)] == item.quote
        assert "\n" not in item.sentence
    by_id = {i.claim_id: i for i in items}
    assert by_id[c2.id].relation == "contradicts"
    assert by_id[c3.id].relation == "updates"
    # Seen from c3, the claim it updates (c2) is "updated by" it.
    assert {i.claim_id: i.relation for i in compare_set(ws, c3.id)}[c2.id] == "updated by"
    with pytest.raises(NotFound):
        compare_set(ws, uuid.uuid4())


def test_direct_sql_rows_exist(team: Workspace, seed_paths: list[Path]) -> None:
    """Assignments are stored on the claim row itself."""
    aid, text = add_seed(team, seed_paths[4])
    c = claim_at(team, aid, text, status="in_review")
    review.assign(team, c.id, "Ravi Second")
    with team.session() as s:
        row = s.get_one(Claim, c.id)
        assert row.assignee_id == analysts.get_analyst(team, "Ravi Second").id


def test_undo_of_delete_brings_back_decided_status(team: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(team, seed_paths[3])
    act_as(team, "Ana Lyst")
    c = claim_at(team, aid, text, status="in_review")
    act_as(team, "Rita Review")
    review.give_verdict(team, c.id, "verified", "Confirmed.")
    act_as(team, "Ana Lyst")
    info = claims.get_claim(team, c.id)
    claims.delete_claim(team, c.id)
    # The undo of the delete restores the verified status, even for a plain analyst...
    assert claims.restore_claim(team, info).status == Status.VERIFIED
    # ... but a brand-new claim cannot be created already verified by one.
    with pytest.raises(Refused, match="Only reviewers"):
        claim_at(team, aid, text, 2, status="verified", rationale="Checked against the record.")
