"""sohoa ingest pipeline: intake, rasterise, preprocess, OCR, Vietnamese repair, storage, search."""
