"""Understand: Decree 30 metadata fields read from a document's text or OCR result.

`extract` holds the entry points. Its modules, bottom to top (each imports only from those below):
thresholds; lines; vocabulary, reading; casing, header; titles; heading, issuer, recipients, signer,
codes; extract."""
