"""The words of a page's lines cleaned after recognition: junk read out of stamps, signatures and
rules dropped, unsure words corrected in context by the Vietnamese model, units and slips that no
Vietnamese word has fixed."""

from __future__ import annotations

from ingest.core.confidence import UNSURE_BELOW
from ingest.recognise.hocr import union_box
from ingest.recognise.junk import drop_junk, fix_units, is_plausible
from schemas.ocr import OcrLine


def clean_lines(lines: list[OcrLine], *, repair: bool = True) -> list[OcrLine]:
    """Lines without junk words (`ingest.recognise.junk.drop_junk`), their unsure words corrected in context
    by the Vietnamese model (`ingest.vietnamese.correct_words`); empty lines dropped."""
    cleaned = []
    for line in lines:
        kept = [item[3] for item in drop_junk((w.text, w.conf, w.bbox, w) for w in line.words)]
        if not kept:
            continue
        if repair and any(w.conf < UNSURE_BELOW and not is_plausible(w.text) for w in kept):
            from ingest.vietnamese import correct_words  # the model loads only when a page needs it

            fixed = correct_words([(w.text, w.conf) for w in kept])
            kept = [w if t == w.text else w.model_copy(update={"text": t}) for w, t in zip(kept, fixed,
                                                                                          strict=True)]
        units = fix_units([w.text for w in kept])
        kept = [w if t == w.text else w.model_copy(update={"text": t})
                for w, t in zip(kept, units, strict=True)]
        if kept == line.words:
            cleaned.append(line)
            continue
        cleaned.append(OcrLine(text=" ".join(w.text for w in kept), block=line.block,
                               bbox=union_box([w.bbox for w in kept]), words=kept))
    return cleaned
