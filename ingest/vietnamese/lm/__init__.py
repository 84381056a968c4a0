"""The syllable n-gram language model: its data files, lookups and scores, Viterbi decoding, the
unpacked copy in the cache folder, and the builder (`python -m ingest.vietnamese.lm.train`)."""
