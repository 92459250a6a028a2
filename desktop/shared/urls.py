"""Building shared-workspace URLs and keeping passwords out of settings and logs."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

from db.workspace import redact

DRIVER = "postgresql+psycopg"


def build_url(host: str, port: int, database: str, user: str, password: str | None = None) -> str:
    """A postgresql+psycopg URL; the password is included only when given."""
    url = URL.create(
        DRIVER,
        username=user.strip() or None,
        password=password or None,
        host=host.strip() or None,
        port=int(port) if port else None,
        database=database.strip() or None,
    )
    return url.render_as_string(hide_password=False)


def _replace_password(url: str, password: str | None) -> str:
    # URL.set(password=None) keeps the old password, so rebuild the URL.
    p = make_url(url)
    rebuilt = URL.create(
        p.drivername,
        username=p.username,
        password=password or None,
        host=p.host,
        port=p.port,
        database=p.database,
        query=p.query,
    )
    return rebuilt.render_as_string(hide_password=False)


def without_password(url: str) -> str:
    """The URL with the password removed entirely (safe to store in settings)."""
    return _replace_password(url, None)


def scrub(text: str, url: str) -> str:
    """*text* with the URL and its password hidden (for log lines and messages)."""
    password = make_url(url).password
    out = text.replace(url, redact(url))
    if password:
        out = out.replace(str(password), "***")
    return out
