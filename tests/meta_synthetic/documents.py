"""How a synthetic document is written down: the national title and motto every one prints, and the
`case(name, text, **meta)` function each kind's module records its documents with."""

from __future__ import annotations

from collections.abc import Callable

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def collector(cases: list[dict]) -> Callable[..., None]:
    """A `case(name, text, **meta)` that appends a document to `cases`: its name, its text (one printed
    line a line, pages split by form feeds) and the metadata expected of it, the list fields empty
    unless given."""

    def case(name: str, text: str, **meta: object) -> None:
        meta.setdefault("recipients", [])
        meta.setdefault("dossier_codes", [])
        cases.append({"name": name, "text": text, "meta": meta})

    return case
