"""The states and modes that cross module boundaries and are stored in the database, as `StrEnum`s.

Each member's value is the string stored in the database and shown in the API, so a member compares
equal to (and serialises as) that string: the schema and the JSON are the same as with bare strings.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["AuditAction", "BackfillKind", "BackfillStatus", "Channel", "DocumentStatus", "DossierStatus",
           "ItemStatus", "JobSource", "LinkSource", "OcrMode", "PageSource", "Role", "Satisfaction"]


class DocumentStatus(StrEnum):
    """Where a document is in the pipeline (`document.status`)."""

    QUEUED = "queued"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"

    @classmethod
    def active(cls) -> tuple[DocumentStatus, ...]:
        """Still being worked on: the sweeper requeues these when they stop making progress."""
        return cls.QUEUED, cls.PROCESSING

    @classmethod
    def final(cls) -> tuple[DocumentStatus, ...]:
        """Nothing more will happen to the document on its own."""
        return cls.DONE, cls.FAILED, cls.NEEDS_REVIEW


class OcrMode(StrEnum):
    """What happens to text layers a PDF already has (`document.ocr_mode`, OCRmyPDF's modes)."""

    SKIP = "skip"    # keep good Vietnamese text, repair garbled legacy OCR without OCR
    REDO = "redo"    # keep good text, OCR garbled pages again
    FORCE = "force"  # OCR every page


class PageSource(StrEnum):
    """Where a saved page's text came from (`page.source`)."""

    OCR = "ocr"
    TEXT_LAYER = "text_layer"  # the PDF's own good text layer, kept
    REPAIRED = "repaired"      # the PDF's garbled text layer, repaired by the Vietnamese model


class LinkSource(StrEnum):
    """How a document came to be linked to a dossier code (`document_dossier.source`)."""

    UPLOAD = "upload"  # given with the upload
    TEXT = "text"      # found in the document's text
    MANUAL = "manual"  # linked by a person afterwards


class JobSource(StrEnum):
    """Which door an upload came through (`job.source`)."""

    CLI = "cli"
    API = "api"
    WEB = "web"
    BACKFILL = "backfill"


class BackfillKind(StrEnum):
    """What a backfill walks (`backfill.kind`)."""

    FOLDER = "folder"
    MANIFEST = "manifest"


class BackfillStatus(StrEnum):
    """A backfill run's state (`backfill.status`)."""

    RUNNING = "running"
    STOPPED = "stopped"
    FINISHED = "finished"


class ItemStatus(StrEnum):
    """What became of one file of a backfill (`backfill_item.status`)."""

    PENDING = "pending"
    QUEUED = "queued"
    DONE = "done"
    FAILED = "failed"
    DUPLICATE = "duplicate"

    @classmethod
    def final(cls) -> tuple[ItemStatus, ...]:
        return cls.DONE, cls.FAILED, cls.DUPLICATE


class Role(StrEnum):
    """A staff member's role (`app_user.role`)."""

    CLERK = "clerk"        # uploads and follows documents of their agency
    REVIEWER = "reviewer"  # also corrects text and metadata, links dossiers
    ADMIN = "admin"        # everything, every agency, and the accounts


class AuditAction(StrEnum):
    """What a person (or the pipeline) did, in the audit trail (`audit_event.action`)."""

    EDIT = "edit"                        # a metadata field corrected
    RETRY = "retry"                      # a failed document sent to the workers again
    LINK = "link"                        # a document linked to a dossier code
    UNLINK = "unlink"
    DOSSIER_CREATE = "dossier_create"
    DOSSIER_EDIT = "dossier_edit"
    DOSSIER_IMPORT = "dossier_import"    # a one-stop-shop export imported (one event per file)
    RATINGS_IMPORT = "ratings_import"


class DossierStatus(StrEnum):
    """Where a dossier is in the one-stop shop (`dossier.status`)."""

    IN_PROGRESS = "in_progress"  # Đang giải quyết
    RESOLVED = "resolved"        # Đã trả kết quả
    RETURNED = "returned"        # Hoàn trả: given back to the applicant unresolved
    WITHDRAWN = "withdrawn"      # Rút hồ sơ: withdrawn by the applicant

    @classmethod
    def given_back(cls) -> tuple[DossierStatus, ...]:
        """Ended without a result: what the monthly report counts as returned."""
        return cls.RETURNED, cls.WITHDRAWN


class Channel(StrEnum):
    """How a dossier was handed in (`dossier.channel`)."""

    ONLINE = "online"    # Trực tuyến
    COUNTER = "counter"  # Trực tiếp
    POST = "post"        # Bưu chính


class Satisfaction(StrEnum):
    """An applicant's rating of the service (`rating.satisfaction`)."""

    VERY_SATISFIED = "very_satisfied"  # Rất hài lòng
    SATISFIED = "satisfied"            # Hài lòng
    NOT_SATISFIED = "not_satisfied"    # Không hài lòng

    @classmethod
    def content(cls) -> tuple[Satisfaction, ...]:
        """What the monthly report counts as satisfied."""
        return cls.VERY_SATISFIED, cls.SATISFIED
