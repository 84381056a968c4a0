"""Vietnamese language layer: orthography, legacy encodings, diacritic restoration, OCR repair."""
