"""Prepare: page clean-up before recognition, pure OpenCV/numpy (Tesseract's orientation detection is
handed in by the caller).  ``page.prepare`` composes the steps of image (shared helpers), geometry
(perspective, skew), resolution, orientation, illumination, seals, specks and cleanup (rule lines,
denoise)."""
