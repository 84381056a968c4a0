"""Thresholds that several steps of reading a document's metadata share. Positions are fractions of the
page's width or height (0 at the left or top edge); fuzzy scores are rapidfuzz's, 0 to 100. Thresholds
that only one step uses are named in its own module."""

from __future__ import annotations

CAPS_SHARE = 0.75  # share of a text's letters in capitals from which it is read as printed in capitals
PHRASE_SCORE = 84  # fuzzy score from which a line spells a known phrase (national title, motto, type name)
MOTTO_MAX_CHARS = 45  # a line holding the motto and not much else is shorter than this
PAGE_MIDDLE = 0.5  # the page's vertical centre line: the left column lies left of it, the right one right
HEADER_LINES = 40  # lines of page 1 searched for the header's fields (agency, number, date, heading)
PLACE_NUMBER_DIGITS = 2  # a number of up to this many digits may end a place name: "Phường 7", "Đại Ân 2"
