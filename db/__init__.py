"""ClaimDesk core: models, workspaces and services. Runs headless; never imports Qt."""

__version__ = "0.1.0"
