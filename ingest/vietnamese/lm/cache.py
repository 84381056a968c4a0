"""The model loaded once per process, and its unpacked copy in the user's cache folder.

Building the model from its compressed, delta-coded arrays takes ~1.2 s, paid by every `sohoa`
call that needs it (a photocopied or faxed page through `sohoa ocr`, `sohoa restore`).  The built
arrays are kept in the user's cache folder as .npy files, mapped into memory when loaded (the
pages a lookup touches are read, and worker processes share them), the rest of the model pickled.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import pickle
import shutil
import tempfile
from functools import lru_cache

import numpy as np

from .model import DATA, NgramModel

_DONE = "complete"  # the file that marks an unpacked copy as fully written
_FORMAT = 2  # bump when NgramModel's attributes change


@lru_cache(maxsize=2)
def load(data: str | None = None) -> NgramModel:
    """The model in `data` (default: `$SOHOA_VN_DATA`, else the shipped `data/`), loaded once per
    process: from its unpacked copy in the cache folder (:func:`cache_folder`) when there is one
    (~0.1 s instead of ~1.2 s), else built from `data` and unpacked there for the next process."""
    data = data or os.environ.get("SOHOA_VN_DATA")
    folder = pathlib.Path(data) if data else DATA
    cached = cache_folder(folder)
    if cached is not None and (cached / _DONE).exists():
        try:
            return _read_unpacked(cached)
        except (OSError, ValueError, EOFError, KeyError, pickle.UnpicklingError):
            shutil.rmtree(cached, ignore_errors=True)  # a damaged copy: made again below
    model = NgramModel(folder)
    if cached is not None:
        _write_unpacked(model, cached)
    return model


def cache_folder(data: pathlib.Path) -> pathlib.Path | None:
    """Where the unpacked copy of the model in `data` goes: ``$SOHOA_CACHE`` (empty: no copy), else
    ``$XDG_CACHE_HOME/sohoa`` or ``~/.cache/sohoa``, in a folder named after the model's files."""
    base = os.environ.get("SOHOA_CACHE")
    if base == "":
        return None
    if base is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "sohoa")
    try:
        stamp = [_FORMAT] + [(f.name, f.stat().st_size, f.stat().st_mtime_ns)
                             for f in sorted(data.iterdir()) if f.is_file()]
    except OSError:
        return None
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]
    return pathlib.Path(base) / f"lm-{digest}"


def _write_unpacked(model: NgramModel, folder: pathlib.Path) -> None:
    """Write the unpacked copy (next to it first, then renamed into place); quietly nothing where
    the cache folder cannot be written."""
    state = {k: v for k, v in model.__dict__.items() if k != "memo"}
    arrays = {f"{name}_{i}": a for name in ("keys", "scores", "bows") for i, a in enumerate(state.pop(name))}
    arrays.update({f"filters_{n}": a for n, a in state.pop("filters").items()})
    candidates = state.pop("candidates")  # one array, not 58,000 small ones (5x faster to load)
    state["candidate_forms"] = list(candidates)
    lists = list(candidates.values())
    arrays["candidate_ids"] = np.concatenate(lists) if lists else np.zeros(0, np.uint64)
    arrays["candidate_ends"] = np.cumsum([len(a) for a in lists], dtype=np.int64)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = pathlib.Path(tempfile.mkdtemp(dir=folder.parent, prefix=folder.name + "."))
    except OSError:
        return
    try:
        for name, a in arrays.items():
            np.save(tmp / f"{name}.npy", a)
        with open(tmp / "rest.pickle", "wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        (tmp / _DONE).touch()
        os.replace(tmp, folder)  # another process may have put its copy there first: then keep that
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return
    for old in folder.parent.glob("lm-*"):  # copies of models no longer there (~200 MB each)
        if old.name != folder.name and "." not in old.name:
            shutil.rmtree(old, ignore_errors=True)


def _read_unpacked(folder: pathlib.Path) -> NgramModel:
    model = NgramModel.__new__(NgramModel)
    with open(folder / "rest.pickle", "rb") as f:
        model.__dict__.update(pickle.load(f))

    def mapped(name: str) -> np.ndarray:
        return np.load(folder / f"{name}.npy", mmap_mode="r")

    model.keys = [mapped(f"keys_{i}") for i in range(model.order)]
    model.scores = [mapped(f"scores_{i}") for i in range(model.order)]
    model.bows = [mapped(f"bows_{i}") for i in range(model.order - 1)] if model.kn else []
    model.filters = {n: mapped(f"filters_{n}") for n in (3, 4) if n <= model.order}
    ids, ends = np.load(folder / "candidate_ids.npy"), np.load(folder / "candidate_ends.npy").tolist()
    forms = model.__dict__.pop("candidate_forms")
    model.candidates = {f: ids[a:b] for f, a, b in zip(forms, [0, *ends[:-1]], ends, strict=True)}
    model.memo = {}
    return model
