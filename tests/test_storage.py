"""The object-store contract, on the local folder and on a real S3 server: originals kept once."""

from __future__ import annotations

import pytest

from ingest.core.errors import NotFound
from ingest.store.objects import LocalStore, derived_key, open_store, original_key, put_original
from tests.conftest import s3_url


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return open_store(f"file://{tmp_path}/objects")
    return open_store(s3_url(request.getfixturevalue("s3_server").port, f"b{abs(hash(tmp_path)) % 10**8}"))


def test_put_get_exists_delete(store):
    store.put("derived/abc/page_0001.hocr", b"<html/>")
    assert store.exists("derived/abc/page_0001.hocr")
    assert store.get("derived/abc/page_0001.hocr") == b"<html/>"
    store.put("derived/abd/x", b"")
    assert store.keys("derived/ab") == ["derived/abc/page_0001.hocr", "derived/abd/x"]
    store.delete("derived/abc/page_0001.hocr")
    assert not store.exists("derived/abc/page_0001.hocr")
    with pytest.raises(NotFound):
        store.get("derived/abc/page_0001.hocr")


def test_original_is_written_once_and_never_replaced(store):
    sha = "ab" * 32
    key = put_original(store, sha, b"first", content_type="image/png")
    put_original(store, sha, b"second", content_type="image/png")
    assert key == original_key(sha) == f"originals/ab/{sha}"
    assert store.get(key) == b"first"
    assert derived_key(sha, "x.json") == f"derived/{sha}/x.json"


def test_keys_cannot_escape_the_store(tmp_path):
    store = LocalStore(tmp_path / "objects")
    with pytest.raises(ValueError):
        store.put("../outside", b"x")


def test_open_store_from_url(tmp_path):
    store = open_store(f"file://{tmp_path}/objs")
    store.put("k", b"v")
    assert (tmp_path / "objs" / "k").read_bytes() == b"v"
