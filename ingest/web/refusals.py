"""Why an upload was refused, said in Vietnamese for the counter: one text per refusal code
(`ingest.core.errors.Refusal`), never found by matching the English message."""

from __future__ import annotations

from ingest.core.errors import Refusal, RejectedInput, SohoaError

__all__ = ["VIETNAMESE", "refusal_in_vietnamese"]

_RESCAN = "Ảnh quá lớn để xử lý an toàn; hãy quét lại ở 300 dpi."
VIETNAMESE: dict[Refusal, str] = {
    Refusal.EMPTY_FILE: ("Tệp rỗng (0 byte): bản quét chưa được lưu hoặc sao chép đầy đủ; hãy quét hoặc "
                         "sao chép lại."),
    Refusal.TOO_LARGE: "Tệp quá lớn so với giới hạn dung lượng; hãy tách thành các tệp nhỏ hơn.",
    Refusal.NOT_A_SCAN: "Tệp không phải bản quét PDF, TIFF, PNG hoặc JPEG; hãy tải lên chính bản quét.",
    Refusal.EXTENSION_LIES: ("Đuôi tên tệp không khớp với nội dung; hãy đổi tên cho đúng rồi tải lên "
                             "lại."),
    Refusal.TOO_MANY_PAGES: "Tệp có quá nhiều trang; hãy tách thành các tệp nhỏ hơn.",
    Refusal.INCOMPLETE_PDF: ("PDF không đầy đủ (bị cắt khi sao chép hoặc tải về); hãy lấy tệp đầy đủ rồi "
                             "tải lên lại."),
    Refusal.DAMAGED_PDF: "PDF bị hỏng, không đọc được; hãy xuất hoặc quét lại.",
    Refusal.EMPTY_PDF: "PDF không có trang nào; hãy tải lên chính bản quét.",
    Refusal.TOO_MANY_PIXELS: _RESCAN,
    Refusal.TOO_LARGE_TO_DECODE: _RESCAN,
    Refusal.UNDECODABLE_IMAGE: "Ảnh bị hỏng hoặc không đầy đủ; hãy quét hoặc sao chép lại.",
}


def refusal_in_vietnamese(error: SohoaError) -> str:
    """The reason an upload was refused, in Vietnamese when its code has a translation (the message as
    it is otherwise)."""
    if isinstance(error, RejectedInput) and error.code in VIETNAMESE:
        return VIETNAMESE[error.code]
    return error.message
