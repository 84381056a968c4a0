"""Backfill of a generated archive tree with a real worker: interrupted, resumed, every good file done
exactly once, duplicates recorded, every bad file reported with a reason; manifests; reports."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from ingest.cli.samples import render_page
from ingest.store.models import Backfill, BackfillItem, Document, Page
from ingest.store.services import get_services
from tests.conftest import run_sohoa

pytestmark = pytest.mark.usefixtures("worker")
NON_UTF8 = "k\xe9t_qu\xe1.png".encode("latin-1")  # a name written by an old Windows machine


def _page(i: int) -> Image.Image:
    return render_page([f"Hồ sơ lưu trữ số {i}: biên bản bàn giao"], size=(1400, 160), font_px=44, margin=30)


def _encode(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "PDF":
        img.save(buf, format="PDF", resolution=300.0)
    elif fmt == "TIFF":
        img.convert("1").save(buf, format="TIFF", compression="group4", dpi=(300, 300))
    else:
        img.save(buf, format=fmt, dpi=(300, 300))
    return buf.getvalue()


def make_tree(root: Path) -> dict[str, object]:
    """200+ files: unique scans in four formats in nested folders, byte-identical copies elsewhere,
    corrupt files, and one file whose name is not UTF-8."""
    formats = [("PNG", ".png"), ("JPEG", ".jpg"), ("TIFF", ".tif"), ("PDF", ".pdf")]
    good: list[Path] = []
    for i in range(180):
        fmt, ext = formats[i % 4]
        folder = root / f"{2015 + i % 6}" / f"quy_{i % 4 + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"ho_so_{i:03d}{ext}"
        path.write_bytes(_encode(_page(i), fmt))
        good.append(path)
    dups = root / "ban_sao"
    dups.mkdir()
    for i in range(0, 180, 9):  # 20 copies of files already in the tree
        (dups / f"copy_{good[i].name}").write_bytes(good[i].read_bytes())
    bad = root / "hong"
    bad.mkdir()
    pdf = good[3].read_bytes()
    (bad / "cut.pdf").write_bytes(pdf[: len(pdf) // 2])
    (bad / "empty.png").write_bytes(b"")
    (bad / "notes.png").write_bytes("ghi chú, không phải ảnh".encode())
    (bad / "half.jpg").write_bytes(good[1].read_bytes()[:400])
    (bad / "fake.tif").write_bytes(b"II*\x00" + b"\x00" * 20)
    with open(os.path.join(os.fsencode(root), NON_UTF8), "wb") as fh:
        fh.write(_encode(_page(999), "PNG"))
    return {"unique": 181, "files": 180 + 20 + 5 + 1, "bad": 5, "dups": 20}


def _items(backfill_id: int) -> list[BackfillItem]:
    with get_services().sessions() as session:
        return list(session.query(BackfillItem).filter_by(backfill_id=backfill_id))


def test_backfill_interrupted_resumed_everything_exactly_once(tmp_path):
    tree = tmp_path / "luu_tru"
    expect = make_tree(tree)
    report = tmp_path / "report.csv"
    argv = [sys.executable, "-m", "ingest", "backfill", str(tree), "--max-inflight", "12",
            "--report", str(report)]
    first = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=os.environ.copy())
    svc = get_services()
    deadline = time.monotonic() + 240
    backfill_id = None
    while time.monotonic() < deadline:  # interrupt once a good part of the files is through
        with svc.sessions() as session:
            backfill_id = session.query(Backfill.id).order_by(Backfill.id.desc()).scalar()
            finished = session.query(BackfillItem).filter(
                BackfillItem.backfill_id == backfill_id,
                BackfillItem.status.in_(("done", "duplicate", "failed"))).count() if backfill_id else 0
        if finished >= 40:
            break
        assert first.poll() is None, first.communicate()
        time.sleep(0.2)
    first.send_signal(signal.SIGINT)
    out, errs = first.communicate(timeout=60)
    assert first.returncode == 130, out + errs
    assert f"--resume {backfill_id}" in errs
    done_before = {i.path for i in _items(backfill_id) if i.status == "done"}
    failed_first = {i.path for i in _items(backfill_id) if i.status == "failed"}  # tried once more later
    assert 0 < len(done_before) < expect["unique"]

    status = run_sohoa("backfill", "status", str(backfill_id))
    assert "stopped" in status.stdout and "pages/min" in status.stdout

    again = run_sohoa("backfill", str(tree), "--max-inflight", "12", "--report", str(report), timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"backfill {backfill_id}:" in again.stdout  # the same backfill, continued

    items = _items(backfill_id)
    assert len(items) == expect["files"]
    by_status: dict[str, list[BackfillItem]] = {}
    for item in items:
        by_status.setdefault(item.status, []).append(item)
    assert len(by_status.get("done", [])) == expect["unique"]
    assert len(by_status.get("duplicate", [])) == expect["dups"]
    assert len(by_status["failed"]) == expect["bad"]
    assert all(i.reason for i in by_status["failed"])
    assert {Path(i.path).name for i in by_status["failed"]} == {"cut.pdf", "empty.png", "notes.png",
                                                              "half.jpg", "fake.tif"}
    failed_before = {i.path for i in by_status["failed"]} & failed_first
    assert all(i.attempts == (2 if i.path in failed_before else 1) for i in by_status["failed"])
    odd = [i for i in items if i.path_raw.endswith(NON_UTF8)]
    assert len(odd) == 1 and odd[0].status == "done" and "\\xe9" in odd[0].path

    with svc.sessions() as session:
        doc_ids = [i.document_id for i in by_status["done"]]
        assert len(set(doc_ids)) == expect["unique"]  # each good file its own document, once
        for dup in by_status["duplicate"]:
            assert dup.document_id in doc_ids
        pages = session.query(Page).filter(Page.document_id.in_(doc_ids)).count()
        assert pages == expect["unique"]  # one page each, never processed twice
        unfinished = session.query(Document).filter(Document.id.in_(doc_ids), Document.status != "done")
        assert unfinished.count() == 0
        sample = session.query(Page).filter(Page.document_id == odd[0].document_id).one()
        assert "999" in sample.text

    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert len(rows) == expect["files"]
    assert {r["status"] for r in rows} == {"done", "duplicate", "failed"}
    assert all(r["reason"] for r in rows if r["status"] == "failed")
    assert all(r["pages"] == "1" and float(r["mean_confidence"]) > 50 for r in rows if r["status"] == "done")


def test_manifest_with_dossier_and_agency(tmp_path):
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "a.png").write_bytes(_encode(_page(5001), "PNG"))
    (scans / "b.pdf").write_bytes(_encode(_page(5002), "PDF"))
    manifest = tmp_path / "ds.csv"
    manifest.write_text("path,dossier_code,agency,doc_type\n"
                        "scans/a.png,000.00.17.H55-200101-0009,UBND huyện Mỹ Xuyên,Giấy phép\n"
                        "scans/b.pdf,,,\n"
                        "scans/missing.png,,,\n", encoding="utf-8")
    proc = run_sohoa("backfill", "--manifest", str(manifest), timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 done, 1 failed" in proc.stdout
    svc = get_services()
    with svc.sessions() as session:
        item = session.query(BackfillItem).filter(BackfillItem.path.like("%a.png")).one()
        doc = session.get(Document, item.document_id)
        assert (doc.dossier_code, doc.agency, doc.doc_type) == ("000.00.17.H55-200101-0009",
                                                                "UBND huyện Mỹ Xuyên", "Giấy phép")
        missing = session.query(BackfillItem).filter(BackfillItem.path.like("%missing.png")).one()
        assert missing.status == "failed" and "cannot read" in missing.reason


def test_bad_arguments_get_clear_errors(tmp_path):
    assert "not a folder" in run_sohoa("backfill", str(tmp_path / "nope")).stderr
    assert "does not exist" in run_sohoa("backfill", "--resume", "99999").stderr
    bad = tmp_path / "m.csv"
    bad.write_text("file\nx.png\n")
    proc = run_sohoa("backfill", "--manifest", str(bad))
    assert proc.returncode != 0 and "'path' column" in proc.stderr
