"""Build `ingest/vietnamese/data/tones.tsv`, the counts :mod:`ingest.vietnamese.tones` weighs a hỏi/sắc
reading with, from the shared corpus (one paragraph per line, xz-compressed; see
`ingest/vietnamese/data/README.md`)::

    python -m ingest.vietnamese.tones_build [--corpus /work/shared/corpus] \
        [--out ingest/vietnamese/data/tones.tsv]

Words are lower-cased runs of letters (digits and punctuation skipped, so "số 12/QĐ, ngày" gives the
pair "số ngày"). For every syllable base written in the corpus both with a sắc and with a hỏi, where
one spelling is at least `RATIO` times as frequent as the other, the file keeps the two counts; and
the neighbours (the word before or after) that shift those odds at least `SHIFT` times, with both
spellings' counts beside them: the rarer spelling's usual company ("đường đỏ" 14 against "đường đó"
27, where "đó" is 14 times "đỏ" overall), seen at least `MIN_RARE` times, and the commoner one's
("tổng hợp" 6,964 against "tống hợp" 3), seen at least `MIN_COMMON` times. About 2 minutes.
"""

from __future__ import annotations

import argparse
import collections
import lzma
import pathlib
import re
import unicodedata

from ingest.vietnamese.tones import split_tone

CORPUS = pathlib.Path("/work/shared/corpus")
FILES = ("vn_legal_phapdien.txt.xz", "vn_admin_docs.txt.xz", "viwiki.txt.xz")
OUT = pathlib.Path(__file__).parent / "data" / "tones.tsv"
RATIO = 3.0  # one spelling at least this many times the other: worth a second look when the rarer is read
SHIFT = 3.0  # a neighbour is kept if the odds beside it differ this many times from the odds overall
MIN_RARE = 5  # ... and the rarer spelling was seen beside it this many times
MIN_COMMON = 50  # ... or the commoner spelling, this many times
_WORD = re.compile(r"[^\W\d_]+")
ACUTE, HOOK = "\u0301", "\u0309"


def paragraphs(corpus: pathlib.Path):
    """Lower-case word lists of every paragraph of the corpus files."""
    for name in FILES:
        with lzma.open(corpus / name, "rt", encoding="utf-8") as f:
            for line in f:
                yield _WORD.findall(unicodedata.normalize("NFC", line).lower())


def build(corpus: pathlib.Path) -> list[str]:
    """The lines of tones.tsv (see the module docstring)."""
    counts: collections.Counter[str] = collections.Counter()
    for words in paragraphs(corpus):
        counts.update(words)
    by_base: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for word, n in counts.items():
        base, tone = split_tone(word)
        if tone in (ACUTE, HOOK):
            by_base[base][tone == HOOK] += n
    kept = {b: c for b, c in by_base.items() if min(c) > 0 and max(c) >= RATIO * min(c)}
    context: collections.Counter[tuple[str, str, str, str]] = collections.Counter()  # side word base tone
    for words in paragraphs(corpus):
        for i, word in enumerate(words):
            base, tone = split_tone(word)
            if base not in kept or tone not in (ACUTE, HOOK):
                continue
            if i:
                context["<", words[i - 1], base, tone] += 1
            if i + 1 < len(words):
                context[">", words[i + 1], base, tone] += 1
    lines = ["# base\tsắc\thỏi  |  < or >\tneighbour (before / after)\tbase\tsắc\thỏi"]
    lines += [f"{b}\t{c[0]}\t{c[1]}" for b, c in sorted(kept.items())]
    pairs = {key[:3] for key in context}
    for side, other, base in sorted(pairs):
        acute, hook = context[side, other, base, ACUTE], context[side, other, base, HOOK]
        overall = (kept[base][0] + 1) / (kept[base][1] + 1)
        beside = (acute + 1) / (hook + 1)
        rarer_acute = kept[base][0] < kept[base][1]
        rare, common = (acute, hook) if rarer_acute else (hook, acute)
        towards_rare = beside / overall if rarer_acute else overall / beside
        rare_at_home = rare >= MIN_RARE and towards_rare >= SHIFT
        if rare_at_home or (common >= MIN_COMMON and towards_rare <= 1 / SHIFT):
            lines.append(f"{side}\t{other}\t{base}\t{acute}\t{hook}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=CORPUS)
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    a = ap.parse_args()
    lines = build(a.corpus)
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{a.out}: {len(lines)} lines, {a.out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
