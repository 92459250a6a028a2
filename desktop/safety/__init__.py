"""Keeping the open workspace safe: automatic backups and restoring one."""

from desktop.safety.install import install_safety_ui

__all__ = ["install_safety_ui"]
