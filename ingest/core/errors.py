"""Failures a user can cause, each with a message that says what is wrong and what to do.

The tree::

    SohoaError                   exit 1   base of every error reported to a person, never a traceback
    ├── RejectedInput            exit 2   an input refused (upload, code, mode): nothing was stored;
    │                                     `code` (a `Refusal`) names the reason for translation
    ├── NotFound                 exit 3   a document, page, dossier or object that does not exist
    ├── RecognitionFailed        exit 4   OCR of a page could not be completed
    └── TransientError           exit 75  a service is briefly away: retry later
        └── StorageUnavailable            the object store did not answer

(`ingest.store.users` adds `AuthError`, exit 2, and `TooManyAttempts`, exit 6.) `ExitCode` lists every
status the `sohoa` command exits with.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

__all__ = ["ExitCode", "NotFound", "RecognitionFailed", "Refusal", "RejectedInput", "SohoaError",
           "StorageUnavailable", "TransientError"]


class ExitCode(IntEnum):
    """Exit statuses of the `sohoa` command."""

    OK = 0
    ERROR = 1               # a SohoaError without a more precise status; some records refused
    REFUSED = 2             # input refused, or the command line is wrong
    NOT_FOUND = 3
    RECOGNITION_FAILED = 4  # also: a document waited for ended failed
    STILL_RUNNING = 5       # `--wait` gave up before the documents finished
    LOCKED_OUT = 6          # too many wrong passwords
    INTERNAL = 70           # a bug (EX_SOFTWARE)
    TEMPORARY = 75          # a service briefly away: try again (EX_TEMPFAIL)
    INTERRUPTED = 130       # Ctrl-C


class Refusal(StrEnum):
    """Why an input was refused: a stable code that pages and clients translate (never the English text)."""

    EMPTY_FILE = "empty_file"
    TOO_LARGE = "too_large"
    NOT_A_SCAN = "not_a_scan"
    EXTENSION_LIES = "extension_lies"
    TOO_MANY_PAGES = "too_many_pages"
    INCOMPLETE_PDF = "incomplete_pdf"
    DAMAGED_PDF = "damaged_pdf"
    EMPTY_PDF = "empty_pdf"
    TOO_MANY_PIXELS = "too_many_pixels"
    TOO_LARGE_TO_DECODE = "too_large_to_decode"
    UNDECODABLE_IMAGE = "undecodable_image"
    BAD_DOSSIER_CODE = "bad_dossier_code"
    BAD_MODE = "bad_mode"
    BAD_RECORD = "bad_record"  # a malformed import file or record
    BAD_PERIOD = "bad_period"  # a report period that ends before it starts
    OTHER = "other"


class SohoaError(Exception):
    """Base of every error sohoa reports to a person; `exit_code` is the CLI's exit status."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RejectedInput(SohoaError):
    """An input refused (an upload that is empty, of the wrong type, damaged or too large; a bad dossier
    code or mode). Nothing was stored. `code` says which refusal it is."""

    exit_code = ExitCode.REFUSED

    def __init__(self, message: str, code: Refusal = Refusal.OTHER) -> None:
        super().__init__(message)
        self.code = code


class NotFound(SohoaError):
    """A document, page or object that does not exist."""

    exit_code = ExitCode.NOT_FOUND


class RecognitionFailed(SohoaError):
    """OCR of a page could not be completed."""

    exit_code = ExitCode.RECOGNITION_FAILED


class TransientError(SohoaError):
    """A service (object store, database, broker) is briefly unavailable: retry later."""

    exit_code = ExitCode.TEMPORARY


class StorageUnavailable(TransientError):
    """The object store did not answer."""
