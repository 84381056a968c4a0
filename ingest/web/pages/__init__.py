"""The staff pages, one module per group of pages (each with its own router under /web)."""
