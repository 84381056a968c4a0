"""Object storage behind the `ObjectStore` protocol: originals (content-addressed by SHA-256, written
once, never modified) and derived files (hOCR, page JSON, text). `LocalStore` keeps them in a folder;
`open_store()` picks the implementation from the storage URL."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlparse

from ingest.errors import NotFound, SohoaError


class ObjectStore(Protocol):
    """Bytes under string keys. `put` of an existing key replaces it, except through `put_original`."""

    def put(self, key: str, data: bytes, *, content_type: str = "application/octet-stream",
            metadata: dict[str, str] | None = None) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None: ...


def original_key(sha256: str) -> str:
    """Where the original upload with this SHA-256 lives."""
    return f"originals/{sha256[:2]}/{sha256}"


def derived_key(sha256: str, name: str) -> str:
    """Where a file derived from the original with this SHA-256 lives (hOCR, page JSON, text)."""
    return f"derived/{sha256}/{name}"


def put_original(store: ObjectStore, sha256: str, data: bytes, *, content_type: str,
                 metadata: dict[str, str] | None = None) -> str:
    """Store an original once; a second upload of the same bytes leaves the first copy untouched."""
    key = original_key(sha256)
    if not store.exists(key):
        store.put(key, data, content_type=content_type, metadata={"sha256": sha256, **(metadata or {})})
    return key


class LocalStore:
    """A folder on local disk. Writes are atomic (temporary file, then rename)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"object key {key!r} escapes the store")
        return path

    def put(self, key: str, data: bytes, *, content_type: str = "application/octet-stream",
            metadata: dict[str, str] | None = None) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise NotFound(f"object {key} is missing from the store at {self.root}") from exc

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


def open_store(url: str) -> ObjectStore:
    """The store a SOHOA_STORAGE_URL names: file:///path (local folder)."""
    parsed = urlparse(url)
    if parsed.scheme in ("", "file"):
        return LocalStore(Path(unquote(parsed.path if parsed.scheme else url)))
    raise SohoaError(f"storage URL scheme {parsed.scheme!r} is not supported; use file:///path")
