"""Qt item models over plain rows from db/ (no sessions here)."""
