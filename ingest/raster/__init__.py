"""Rasterise: page images of an upload, and the text layers PDFs already carry."""
