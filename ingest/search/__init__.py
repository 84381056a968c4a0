"""Search: diacritic-insensitive full-text search over the recognised pages."""
