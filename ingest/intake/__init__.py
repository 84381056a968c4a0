"""Intake: what an upload really is (sniffed by content), its limits and integrity checks."""
