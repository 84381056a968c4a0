"""Repair of Vietnamese read by an OCR engine without Vietnamese, and polishing of Vietnamese OCR:
OCR-word candidates and channel scores, two-column reordering, the repair itself, and the maker of the
training pairs (`python -m ingest.vietnamese.repair.pairs`)."""
