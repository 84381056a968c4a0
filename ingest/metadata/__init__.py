"""Understand: Decree 30 metadata fields read from a document's text or OCR result."""
