"""Failures a user can cause, each with a message that says what is wrong and what to do."""

from __future__ import annotations


class SohoaError(Exception):
    """Base of every error sohoa reports to a person; `exit_code` is the CLI's exit status."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RejectedInput(SohoaError):
    """An upload refused at intake (empty, wrong type, damaged, too large). Nothing was stored."""

    exit_code = 2


class NotFound(SohoaError):
    """A document, page or object that does not exist."""

    exit_code = 3


class RecognitionFailed(SohoaError):
    """OCR of a page could not be completed."""

    exit_code = 4


class TransientError(SohoaError):
    """A service (object store, database, broker) is briefly unavailable: retry later."""

    exit_code = 75


class StorageUnavailable(TransientError):
    """The object store did not answer."""
