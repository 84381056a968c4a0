"""Tokenisation shared by training and decoding.

Text is lower-cased and split into tokens: words (runs of letters), numbers, and single punctuation
characters. The language model sees words by their lower-case form with the tone mark placed in the
old style, numbers as one class token, sentence-final punctuation as a sentence boundary.
"""

from __future__ import annotations

import re

# letters, numbers (with thousands/decimal separators), or one other non-space character
TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]|_")

BOS = "<s>"
UNK = "<unk>"
NUM = "<num>"
SPECIALS = ("<pad>", BOS, UNK, NUM)
PAD_ID, BOS_ID, UNK_ID, NUM_ID = 0, 1, 2, 3
BOUNDARY = frozenset(".;:!?…")


def token_class(tok: str) -> str:
    """The language-model form of a lower-cased token: word itself, <num>, <s>, or the punctuation."""
    c = tok[0]
    if c.isdigit():
        return NUM
    if tok in BOUNDARY:
        return BOS
    return tok
