"""The enumerations the workspace stores as plain strings (portable between SQLite
and PostgreSQL), with the source grading scales.

Importable without the models or the ORM (the window's colours need ``Status`` before
they load); :mod:`db.models` re-exports every name.
"""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    UNVERIFIED = "unverified"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ClaimKind(enum.StrEnum):
    FIGURE = "figure"
    EVENT = "event"
    QUOTATION = "quotation"
    ASSESSMENT = "assessment"


class Relation(enum.StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    SAME = "same"
    UPDATES = "updates"
    CITES = "cites"


class SourceKind(enum.StrEnum):
    PERSON = "person"
    AGENCY = "agency"
    OUTLET = "outlet"
    EXPERT = "expert"
    DOCUMENT = "document"
    OTHER = "other"


class Stance(enum.StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"


class Role(enum.StrEnum):
    ANALYST = "analyst"
    REVIEWER = "reviewer"
    ADMIN = "admin"


# Admiralty (NATO) grading: source reliability and information credibility,
# judged independently of each other.
RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
