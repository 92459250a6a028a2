"""The claims table with its filter bar."""

from desktop.claims_table.view import ClaimsTableView

__all__ = ["ClaimsTableView"]
