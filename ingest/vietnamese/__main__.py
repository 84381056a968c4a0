"""Command line: `python -m ingest.vietnamese stripped|ocr < in.txt > out.txt`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in ("stripped", "ocr"):
        print("usage: python -m ingest.vietnamese stripped|ocr < input > output", file=sys.stderr)
        return 2
    from . import repair_ocr, restore

    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    text = sys.stdin.read()
    out = restore(text) if args[0] == "stripped" else repair_ocr(text)
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
