"""Shared (PostgreSQL) workspace UI: open dialog, change poller, conflict dialog."""
