"""S3Store against a real S3-compatible server on loopback (moto's standalone server)."""

from __future__ import annotations

import time
import urllib.request
from datetime import timedelta

import pytest

from ingest.core.errors import NotFound, StorageUnavailable
from ingest.store.objects import S3Store, open_store, original_key, put_original
from tests.conftest import s3_url
from tests.servers import TcpProxy


@pytest.fixture
def s3(s3_server):
    return s3_server


def _store(port: int, bucket: str = "sohoa") -> S3Store:
    store = open_store(s3_url(port, bucket))
    assert isinstance(store, S3Store)
    return store


def test_bucket_is_created_and_objects_round_trip(s3):
    store = _store(s3.port, "fresh-bucket")
    store.put("derived/x/page_0001.hocr", b"<html/>", content_type="text/vnd.hocr+html")
    assert store.client.bucket_exists("fresh-bucket")
    assert store.get("derived/x/page_0001.hocr") == b"<html/>"
    assert store.exists("derived/x/page_0001.hocr") and not store.exists("derived/x/none")
    store.delete("derived/x/page_0001.hocr")
    with pytest.raises(NotFound):
        store.get("derived/x/page_0001.hocr")


def test_original_is_content_addressed_with_metadata_and_never_replaced(s3):
    store = _store(s3.port)
    sha = "cd" * 32
    key = put_original(store, sha, b"scan bytes", content_type="application/pdf",
                       metadata={"filename": "Quyết định 1216.pdf",
                                 "dossier_code": "000.00.17.H55-210516-0001"})
    put_original(store, sha, b"other bytes", content_type="application/pdf")
    assert key == original_key(sha)
    assert store.get(key) == b"scan bytes"
    meta = store.metadata(key)
    assert meta["sha256"] == sha and meta["dossier_code"] == "000.00.17.H55-210516-0001"
    assert meta["filename"] == "Quyết định 1216.pdf"


def test_presigned_download_url_expires_and_serves_the_bytes(s3):
    store = _store(s3.port)
    store.put("originals/ee/abc", b"original")
    url = store.download_url("originals/ee/abc", filename="kết quả.pdf", expires=timedelta(minutes=5))
    assert "X-Amz-Expires=300" in url
    with urllib.request.urlopen(url, timeout=10) as resp:
        assert resp.read() == b"original"


def test_unreachable_server_is_a_transient_error(s3):
    proxy = TcpProxy(s3.port)
    store = _store(proxy.port, "via-proxy")
    store.put("k", b"v")
    proxy.cut()
    try:
        t = time.monotonic()
        with pytest.raises(StorageUnavailable, match="unavailable"):
            store.get("k")
        assert time.monotonic() - t < 30
    finally:
        proxy.restore()
    assert store.get("k") == b"v"
    proxy.close()
