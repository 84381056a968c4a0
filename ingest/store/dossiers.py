"""Dossier records and the links between dossiers and documents: create/update, import the export
of a one-stop-shop system (CSV or JSON), link and unlink with an audit trail of who and when."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.core.enums import AuditAction, LinkSource
from ingest.core.errors import NotFound, Refusal, RejectedInput
from ingest.store.audit import audit
from ingest.store.models import Document, DocumentDossier, Dossier
from ingest.vietnamese.orthography import strip_marks
from schemas.dossier import DossierIn, DossierLink, DossierOut, ImportReport, LinkedDocument

FIELDS = list(DossierIn.model_fields)
# what a person may give as a dossier code: the national portal's 000.00.17.H55-210516-0001 and
# every province's own shape are letters, digits and . _ / -
DOSSIER_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$")
# column names seen in one-stop-shop exports, mapped to ours (compared without marks, case, spaces)
ALIASES = {
    "code": "code", "ma_ho_so": "code", "mahoso": "code", "so_ho_so": "code", "dossier_code": "code",
    "ma_thu_tuc": "procedure_code", "ten_thu_tuc": "procedure_name", "co_quan": "agency",
    "don_vi": "agency", "nguoi_nop": "applicant", "chu_ho_so": "applicant", "ngay_tiep_nhan": "received_at",
    "ngay_hen_tra": "due_at", "ngay_tra": "resolved_at", "ngay_tra_ket_qua": "resolved_at",
    "trang_thai": "status",
}
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y",
                 "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d-%m-%Y")


def check_dossier_code(code: str | None) -> str | None:
    """A dossier code as given by a person, trimmed (None when none was given), or a clear refusal."""
    if code is None or not code.strip():
        return None
    code = code.strip()
    if not DOSSIER_CODE.match(code):
        raise RejectedInput(f"dossier code {code!r} is not valid: use letters, digits, '.', '-', '_' or '/' "
                            "(for example 000.00.17.H55-210516-0001)", Refusal.BAD_DOSSIER_CODE)
    return code


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", strip_marks(name).lower()).strip("_")


def _date(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        return value or None
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return text  # let validation say what is wrong with it


def upsert(session: Session, code: str, data: DossierIn, *, actor: str | None = None) -> tuple[Dossier, bool]:
    """Create the dossier or update the fields given; every change is audited. Returns (dossier, created)."""
    code = check_dossier_code(code) or ""
    if not code:
        raise RejectedInput("a dossier needs a code (mã hồ sơ)", Refusal.BAD_DOSSIER_CODE)
    row = session.scalar(select(Dossier).where(Dossier.code == code))
    created = row is None
    if created:
        row = Dossier(code=code)
        session.add(row)
        audit(session, actor, AuditAction.DOSSIER_CREATE, dossier_code=code)
    for field, value in data.model_dump(exclude_unset=True).items():
        if getattr(row, field) != value:
            if not created:
                audit(session, actor, AuditAction.DOSSIER_EDIT, dossier_code=code, field=field,
                      old=getattr(row, field), new=value)
            setattr(row, field, value)
    return row, created


def dossier_out(session: Session, code: str, *, agencies: list[str] | None = None) -> DossierOut:
    """A dossier with the documents linked to it (only those in `agencies`, when given)."""
    row = session.scalar(select(Dossier).where(Dossier.code == code))
    if row is None:
        raise NotFound(f"dossier {code} does not exist; import it or create it with PUT /api/dossiers/{code}")
    links = session.execute(select(Document, DocumentDossier.source).join(
        DocumentDossier, DocumentDossier.document_id == Document.id).where(
        DocumentDossier.dossier_code == code).order_by(Document.id)).all()
    docs = [LinkedDocument(document_id=d.id, filename=d.filename, status=d.status, doc_type=d.doc_type,
                           number=d.number, symbol=d.symbol, issued_date=d.issued_date, source=source)
            for d, source in links if agencies is None or d.agency in agencies]
    return DossierOut(code=row.code, created_at=row.created_at, updated_at=row.updated_at, documents=docs,
                      **{f: getattr(row, f) for f in FIELDS})


def link(session: Session, document_id: int, code: str, *, source: LinkSource,
         actor: str | None = None) -> bool:
    """Attach a dossier code to a document (known dossier or not); False if it already was."""
    code = check_dossier_code(code) or ""
    if not code:
        raise RejectedInput("give a dossier code to link", Refusal.BAD_DOSSIER_CODE)
    exists = session.scalar(select(DocumentDossier).where(DocumentDossier.document_id == document_id,
                                                          DocumentDossier.dossier_code == code))
    if exists is not None:
        return False
    session.add(DocumentDossier(document_id=document_id, dossier_code=code, source=source, created_by=actor))
    audit(session, actor, AuditAction.LINK, document_id=document_id, dossier_code=code, new=source)
    return True


def unlink(session: Session, document_id: int, code: str, *, actor: str | None = None) -> None:
    row = session.scalar(select(DocumentDossier).where(DocumentDossier.document_id == document_id,
                                                       DocumentDossier.dossier_code == code))
    if row is None:
        raise NotFound(f"document {document_id} is not linked to dossier {code}")
    session.delete(row)
    audit(session, actor, AuditAction.UNLINK, document_id=document_id, dossier_code=code, old=row.source)


def links_of(session: Session, document_id: int) -> list[DossierLink]:
    rows = session.scalars(select(DocumentDossier).where(DocumentDossier.document_id == document_id)
                           .order_by(DocumentDossier.id)).all()
    known = set(session.scalars(select(Dossier.code).where(Dossier.code.in_([r.dossier_code for r in rows]))))
    return [DossierLink(code=r.dossier_code, source=r.source, known=r.dossier_code in known,
                        created_by=r.created_by, created_at=r.created_at) for r in rows]


def _records(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RejectedInput(f"{path.name} is not valid JSON (line {exc.lineno}: {exc.msg})",
                                Refusal.BAD_RECORD) from exc
        if isinstance(data, dict):
            data = data.get("dossiers") or data.get("items") or [data]
        if not isinstance(data, list):
            raise RejectedInput(f"{path.name}: expected a list of dossiers", Refusal.BAD_RECORD)
        return [d for d in data if isinstance(d, dict)]
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def import_file(session: Session, path: Path, *, actor: str | None = None) -> ImportReport:
    """Import dossiers from a CSV or JSON export; bad rows are reported, good ones kept."""
    report = ImportReport(created=0, updated=0)
    for n, record in enumerate(_records(path), start=2 if path.suffix.lower() != ".json" else 1):
        row: dict[str, Any] = {}
        for name, value in record.items():
            target = ALIASES.get(_key(name or ""), _key(name or ""))
            if target in FIELDS or target == "code":
                row[target] = value.strip() if isinstance(value, str) else value
        code = row.pop("code", None)
        for f in ("received_at", "due_at", "resolved_at"):
            if f in row:
                row[f] = _date(row[f])
        try:
            data = DossierIn(**{k: (v if v != "" else None) for k, v in row.items()})
            _, created = upsert(session, code or "", data, actor=actor)
        except (ValidationError, RejectedInput) as exc:
            msg = exc.message if isinstance(exc, RejectedInput) else "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            report.errors.append(f"record {n}: {msg}")
            continue
        report.created += created
        report.updated += not created
        session.flush()
    return report


SYSTEM_ACTOR = "sohoa"  # who the audit trail names for what the pipeline does on its own


def record_found_codes(session: Session, document_id: int, codes: list[str]) -> None:
    """Link the dossier codes found in a document's text (audited as made by the system)."""
    for code in codes:
        try:
            link(session, document_id, code, source=LinkSource.TEXT, actor=SYSTEM_ACTOR)
        except RejectedInput:  # a code the extractor read but that is not a valid code: not linked
            continue
