"""SQLAlchemy models, one module per aggregate."""

from db.models.analyst import Analyst
from db.models.article import Article
from db.models.audit import HistoryEntry
from db.models.base import Base
from db.models.claim import Claim, Evidence, Tag, claim_tag
from db.models.dismissal import SuggestionDismissal
from db.models.enums import (
    CREDIBILITY,
    RELIABILITY,
    ClaimKind,
    Relation,
    Role,
    SourceKind,
    Stance,
    Status,
)
from db.models.fact import DismissedProposal, Fact
from db.models.link import ClaimLink
from db.models.reading import ClaimReading
from db.models.relay import ClaimRelay
from db.models.review import Comment, Verdict
from db.models.revision import ArticleRevision
from db.models.saved_filter import SavedFilter
from db.models.setting import Setting
from db.models.source import Source

__all__ = [
    "CREDIBILITY",
    "RELIABILITY",
    "Analyst",
    "Article",
    "ArticleRevision",
    "Base",
    "Claim",
    "ClaimKind",
    "ClaimLink",
    "ClaimReading",
    "ClaimRelay",
    "Comment",
    "DismissedProposal",
    "Evidence",
    "Fact",
    "HistoryEntry",
    "Relation",
    "Role",
    "SavedFilter",
    "Setting",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "SuggestionDismissal",
    "Tag",
    "Verdict",
    "claim_tag",
]
