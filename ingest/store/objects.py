"""Object storage behind the `ObjectStore` protocol: originals (content-addressed by SHA-256, written
once, never modified) and derived files (hOCR, page JSON, text) under a separate prefix.
`LocalStore` keeps them in a folder, `S3Store` in an S3 bucket (MinIO) through the minio SDK;
`open_store()` picks one from the storage URL."""

from __future__ import annotations

import io
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, quote, unquote, urlparse

from ingest.core.errors import NotFound, SohoaError, StorageUnavailable


class ObjectStore(Protocol):
    """Bytes under string keys. `put` of an existing key replaces it, except through `put_original`."""

    def put(self, key: str, data: bytes, *, content_type: str = "application/octet-stream",
            metadata: dict[str, str] | None = None) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None: ...

    def keys(self, prefix: str) -> list[str]:
        """Every key that starts with `prefix`, sorted."""
        ...

    def download_url(self, key: str, *, filename: str, expires: timedelta) -> str | None:
        """A short-lived URL a browser can fetch the object from, or None to stream it ourselves."""
        ...


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

    def keys(self, prefix: str) -> list[str]:
        root = self.root.resolve()
        found = (p.relative_to(root).as_posix() for p in root.rglob("*")
                 if p.is_file() and not p.name.startswith(".tmp-"))
        return sorted(k for k in found if k.startswith(prefix))

    def download_url(self, key: str, *, filename: str, expires: timedelta) -> str | None:
        return None


class S3Store:
    """An S3 bucket (MinIO, or any S3-compatible server), created if missing.

    Connection failures and server errors become `StorageUnavailable`, which the workers retry with
    backoff; a missing key is `NotFound`.
    """

    def __init__(self, endpoint: str, access_key: str, secret_key: str, bucket: str, *,
                 secure: bool = True, region: str | None = None) -> None:
        import urllib3
        from minio import Minio

        http = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=5, read=60), maxsize=8,
            retries=urllib3.Retry(total=3, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]))
        self.bucket = bucket
        self.client = Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=secure,
                            region=region, http_client=http)
        self._bucket_ready = False

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        from minio.error import S3Error, ServerError
        from urllib3.exceptions import HTTPError

        try:
            if not self._bucket_ready:
                if not self.client.bucket_exists(self.bucket):
                    try:
                        self.client.make_bucket(self.bucket)
                    except S3Error as exc:  # another worker made it first
                        if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                            raise
                self._bucket_ready = True
            return fn(*args, **kwargs)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject", "ResourceNotFound"):
                raise NotFound(f"object {args[1] if len(args) > 1 else ''} is missing from bucket "
                               f"{self.bucket}") from exc
            raise SohoaError(f"object store refused the request: {exc.code}: {exc.message}") from exc
        except (ServerError, HTTPError, OSError) as exc:
            raise StorageUnavailable(f"object store at {self.client._base_url.host} is unavailable "
                                     f"({exc.__class__.__name__}); will retry") from exc

    def put(self, key: str, data: bytes, *, content_type: str = "application/octet-stream",
            metadata: dict[str, str] | None = None) -> None:
        meta = {k: quote(v, safe="") for k, v in (metadata or {}).items()}  # headers are ASCII
        self._call(self.client.put_object, self.bucket, key, io.BytesIO(data), len(data),
                   content_type=content_type, metadata=meta or None)

    def get(self, key: str) -> bytes:
        def read() -> bytes:
            resp = self.client.get_object(self.bucket, key)
            try:
                return resp.read()
            finally:
                resp.close()
                resp.release_conn()

        return self._call(read)

    def exists(self, key: str) -> bool:
        try:
            self._call(self.client.stat_object, self.bucket, key)
        except NotFound:
            return False
        return True

    def metadata(self, key: str) -> dict[str, str]:
        """The user metadata stored with an object (x-amz-meta-*), decoded."""
        stat = self._call(self.client.stat_object, self.bucket, key)
        prefix = "x-amz-meta-"
        return {k.lower()[len(prefix):]: unquote(v) for k, v in (stat.metadata or {}).items()
                if k.lower().startswith(prefix)}

    def delete(self, key: str) -> None:
        self._call(self.client.remove_object, self.bucket, key)

    def keys(self, prefix: str) -> list[str]:
        def names() -> list[str]:
            listing = self.client.list_objects(self.bucket, prefix=prefix, recursive=True)
            return [o.object_name for o in listing]

        return sorted(self._call(names))

    def download_url(self, key: str, *, filename: str, expires: timedelta) -> str | None:
        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        return self._call(self.client.presigned_get_object, self.bucket, key, expires=expires,
                          response_headers={"response-content-disposition": disposition})


def open_store(url: str) -> ObjectStore:
    """The store a SOHOA_STORAGE_URL names: file:///path (local folder) or
    s3://ACCESS:SECRET@host:port/bucket?secure=false&region=us-east-1 (MinIO / S3)."""
    parsed = urlparse(url)
    if parsed.scheme in ("", "file"):
        return LocalStore(Path(unquote(parsed.path if parsed.scheme else url)))
    if parsed.scheme == "s3":
        query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        bucket = parsed.path.strip("/")
        if not (parsed.hostname and bucket):
            raise SohoaError(f"storage URL {url!r} needs a host and a bucket: "
                             "s3://ACCESS:SECRET@host:9000/bucket?secure=false")
        endpoint = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        return S3Store(endpoint, unquote(parsed.username or ""), unquote(parsed.password or ""), bucket,
                       secure=query.get("secure", "true").lower() not in ("0", "false", "no"),
                       region=query.get("region"))
    raise SohoaError(f"storage URL scheme {parsed.scheme!r} is not supported; use file:///path or s3://")
