"""Recognise: the OCR engine, page recognition, column re-reads and second passes, junk filters."""
