"""Names, titles and places printed in capitals written back in running-text case ("Ủy ban nhân dân
tỉnh Sóc Trăng", "Phó Chủ tịch"), and the casing and spelling a document itself uses for a name
elsewhere in its text, which outvote a heading's capitals or a copy OCR misread."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ingest.metadata.lines import Doc, upper_ratio
from ingest.metadata.thresholds import CAPS_SHARE
from ingest.metadata.vocabulary import ADMIN_UNITS, NOT_NAMES, SIGN_PREFIX, TITLES, UNIT_SPELLINGS
from ingest.vietnamese.orthography import fold, is_valid_syllable

TITLE_SCORE = 86  # fuzzy score from which a title line is read as a known official title...
TITLE_LENGTH_SLACK = 2  # ...of nearly the same length (characters)...
TITLE_SPACELESS_SCORE = 90  # ...and the same word count, or this close with the spaces taken out
BODY_CASE_MAX_WORDS = 40  # a name longer than this is not looked up in the running text
BODY_CASE_PHRASE_WORDS = 8  # the longest run of a name's words looked up in the running text
RUNNING_TEXT_CAPS = 0.5  # a copy of the name with more capitals than this is a heading, not running text
SPELLING_SCORE = 85  # fuzzy score from which another spelling in the text is the same place name
SPELLING_MIN_VOTES = 2  # copies of another spelling needed to prefer it


def unit_at(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """(folded administrative unit, its word count) when words[i:] start with one: "tỉnh", "thị xã".
    The marks must match ("quản" is no "quận") unless OCR printed the word without any."""
    for n in (2, 1):
        if i + n > len(words):
            continue
        raw = " ".join(words[i:i + n]).lower().strip("(),")
        after = fold(words[i + n]).lower().strip("(),") if i + n < len(words) else ""
        if after in NOT_NAMES:
            continue  # "xã hội", "tỉnh ủy", "tỉnh lộ": a common noun, not a unit and its name
        if raw in UNIT_SPELLINGS:
            return UNIT_SPELLINGS[raw], n
        if raw.isascii() and raw in ADMIN_UNITS:
            return ("thanh pho" if raw.startswith("tp") else raw), n
    return None


def recase_place(place: str) -> str:
    """ "VỊ Thanh" (a capital I read for i) as "Vị Thanh"; a place printed in capitals is left alone."""
    if upper_ratio(place) >= CAPS_SHARE:
        return place
    return " ".join(cap(w.lower()) if len(w) > 1 and w[1:] != w[1:].lower() and is_valid_syllable(w) else w
                    for w in place.split())


def cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def is_acronym(word: str) -> bool:
    core = word.strip("().,;:-")
    return bool(core) and (not is_valid_syllable(core) or core in ("VP", "TP")) and core.upper() == core


def case_name(text: str) -> str:
    """An agency or place name printed in capitals, in running-text case: "Ủy ban nhân dân tỉnh Sóc
    Trăng", "Trung tâm Phục vụ hành chính công"; acronyms (UBND, HĐND) stay as printed."""
    if upper_ratio(text) < CAPS_SHARE:
        return text
    words = text.split()
    out: list[str] = []
    proper = False
    cap_next = True
    named = False  # inside the name after "Sở", "Phòng"...: "Tài nguyên và Môi trường"
    i = 0
    while i < len(words):
        w = words[i]
        if named and out and fold(out[-1]) in ("va", "-"):
            cap_next = True
        if is_acronym(w):
            out.append(w)
            i += 1
            cap_next = False
            continue
        low = w.lower()
        two = fold(" ".join(words[i:i + 2]).lower())
        one = fold(low.strip("(),"))
        if w.startswith("("):
            proper = False
            cap_next = True
        unit = unit_at(words, i)
        if not cap_next and not proper and unit:
            n = unit[1]
            out.extend(x.lower() for x in words[i:i + n])
            i += n
            proper = True
            continue
        if proper or cap_next:
            out.append(_cap_inner(low))
        else:
            out.append(low)
        after_uy = i > 0 and fold(words[i - 1]).lower() == "uy"
        cap_next = one in ("so", "phong", "bo", "cuc", "vien") or (one == "ban" and not after_uy)
        if two in ("trung tam", "chi cuc", "van phong", "tong cuc", "bo phan"):
            out.append(words[i + 1].lower())
            i += 2
            cap_next = True
            named = True
            continue
        named = named or cap_next
        if w.endswith(","):
            proper = False
        i += 1
    return " ".join(out)


def _cap_inner(word: str) -> str:
    return word[:1] + cap(word[1:]) if word.startswith("(") else cap(word)


def case_title(text: str) -> str:
    """A signer-block title line in running-text case, marks restored for known titles."""
    m = SIGN_PREFIX.match(text)
    prefix = ""
    if m:
        prefix = (m.group(1) or m.group(2)).upper() + ". "
        text = text[m.end():]
    text = text.strip(" .,")
    key = fold(text)
    # same word count: "Trưởng Công an xã" is no "Phó Trưởng Công an"
    close = [t for t in TITLES if fuzz.ratio(fold(t), key) >= TITLE_SCORE
             and abs(len(t) - len(key)) <= TITLE_LENGTH_SLACK
             and (len(t.split()) == len(key.split())
                  or fuzz.ratio(fold(t).replace(" ", ""), key.replace(" ", ""))
                  >= TITLE_SPACELESS_SCORE)]
    if close:
        # "Thứ trưởng" and "Thủ trưởng" fold alike: keep the one nearest to the marks printed
        low = text.lower()
        best = min(close, key=lambda t: (-fuzz.ratio(fold(t), key),
                                         Levenshtein.distance(t.lower(), low)))
        return prefix + best
    if upper_ratio(text) >= CAPS_SHARE:
        words = [w if is_acronym(w) else w.lower() for w in text.split()]
        if words:
            words[0] = cap(words[0])
            if fold(words[0]) in ("pho", "chanh", "q.", "quyen") and len(words) > 1:
                words[1] = cap(words[1])
        text = " ".join(words)
    return prefix + text


def sentence_case(text: str) -> str:
    if upper_ratio(text) < CAPS_SHARE:
        return text
    words = [w if is_acronym(w) else w.lower() for w in text.split()]
    return cap(" ".join(words))


def body_case(name: str, doc: Doc) -> str:
    """Capitals of a name as the document's running text writes it ("Điện lực Mỹ Tú"); letters are
    kept."""
    words = name.split()
    fixed = [False] * len(words)
    units = [False] * len(words)
    for i in range(len(words)):
        u = unit_at(words, i)
        if u:
            units[i:i + u[1]] = [True] * u[1]
    if len(words) > BODY_CASE_MAX_WORDS:
        return name
    for k in range(min(len(words), BODY_CASE_PHRASE_WORDS), 1, -1):
        for i in range(len(words) - k + 1):
            if all(fixed[i:i + k]):
                continue
            pat = r"(?<!\w)" + r"\s+".join(re.escape(fold(w)) for w in words[i:i + k]) + r"(?!\w)"
            for m in re.finditer(pat, doc.key):
                found = doc.text[m.start():m.end()].split()
                if upper_ratio(" ".join(found)) > RUNNING_TEXT_CAPS or len(found) != k:
                    continue
                for j, f in enumerate(found):
                    w = words[i + j]
                    # only raise a capital the casing rules missed ("Điện lực Mỹ Tú"), never lower one
                    if not fixed[i + j] and f.lower() == w and f[:1].isupper() and not units[i + j]:
                        words[i + j] = f
                    fixed[i + j] = True
                break
    if words and words[0][:1].islower():
        words[0] = cap(words[0])
    return " ".join(words)


def vote_spelling(phrase: str, text: str) -> str:
    """The spelling of a place name that the document's `text` uses most, when OCR misread one copy."""
    words = phrase.split()
    n = len(words)
    key = fold(phrase)
    counts: Counter[str] = Counter()
    tokens = re.findall(r"[^\W\d_]+", text)
    for k in range(len(tokens) - n + 1):
        cand = " ".join(tokens[k:k + n])
        if not all(t[:1].isupper() and (len(t) == 1 or not t[1:].isupper()) for t in tokens[k:k + n]):
            continue  # title-case words only: a heading in capitals says nothing about spelling
        ck = fold(cand)
        initials_match = [w[0] for w in ck.split()] == [w[0] for w in key.split()]
        if fuzz.ratio(ck, key) >= SPELLING_SCORE and initials_match:
            counts[cand] += 1
    if not counts:
        return phrase
    best, c = counts.most_common(1)[0]
    return best if c > counts.get(phrase, 0) and c >= SPELLING_MIN_VOTES else phrase
