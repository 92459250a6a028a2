"""Offline exchange bundles (``.claimdesk`` zip files) between workspaces."""

from db.bundles.archive import FORMAT, SUFFIX, VERSION, BundleContents, read_bundle
from db.bundles.export import BundleSummary, export_bundle
from db.bundles.merge import (
    Conflict,
    MergeReport,
    import_bundle,
    resolve_conflict,
    restore_bundle,
)

__all__ = [
    "FORMAT",
    "SUFFIX",
    "VERSION",
    "BundleContents",
    "BundleSummary",
    "Conflict",
    "MergeReport",
    "export_bundle",
    "import_bundle",
    "read_bundle",
    "resolve_conflict",
    "restore_bundle",
]
