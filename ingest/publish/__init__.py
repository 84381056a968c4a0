"""Publish: archival outputs of a recognised document (text, searchable PDF/A, ALTO)."""
