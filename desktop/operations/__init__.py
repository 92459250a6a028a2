"""User operations that run db/ work (often in a background job) and report the outcome."""
