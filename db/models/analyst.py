"""Analysts: the people who annotate and review."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, new_uuid
from db.models.enums import Role, str_enum
from db.timeutil import utcnow


class Analyst(Base):
    __tablename__ = "analyst"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    initials: Mapped[str] = mapped_column(String(8), default="")
    color: Mapped[str] = mapped_column(String(16), default="#3b82f6")
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.ANALYST)
    # Database login for shared workspaces; None in local ones.
    login: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
