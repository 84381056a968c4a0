"""Packed n-gram keys: up to four 16-bit syllable ids in one uint64, the first word of the n-gram in
the highest bits (a trigram a b c is ``a << 32 | b << 16 | c``), and the hash that buckets them.

Sorted arrays of such keys are the model's n-gram tables (`model.py`); shifting a key right drops
its last words, masking it keeps its last words.
"""

from __future__ import annotations

import numpy as np

ID_BITS = 16  # bits of one syllable id in a packed key: at most 65,536 ids, four to a uint64

# shifts that drop the last one, two or three words of a packed key
SHIFT_1 = np.uint64(ID_BITS)
SHIFT_2 = np.uint64(2 * ID_BITS)
SHIFT_3 = np.uint64(3 * ID_BITS)
# masks that keep the last one, two or three words of a packed key
LAST_1 = np.uint64(0xFFFF)
LAST_2 = np.uint64(0xFFFFFFFF)
LAST_3 = np.uint64(0xFFFFFFFFFFFF)

GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # 2^64 / golden ratio: the multiplier of Fibonacci hashing


def hash_bucket(keys: np.ndarray, size: int) -> np.ndarray:
    """Bucket in [0, size) (a power of two) of packed keys: multiplicative hashing."""
    return (keys * GOLDEN >> np.uint64(64 - size.bit_length() + 1)).astype(np.int64)
