"""What is kept of what Tesseract returns (ingest.recognise.junk) and the syllable shape it rests on."""

from __future__ import annotations

from ingest.recognise import junk
from ingest.vietnamese.orthography import is_syllable_shape


def test_vietnamese_syllables():
    for s in ["nghiêng", "Khải", "QUYẾT", "ĐỊNH", "ý", "chuyển", "người", "khuya", "gì", "quốc"]:
        assert is_syllable_shape(s), s
    for s in ["lll", "ñ", "ft", "Z2", "hđndp", "xyz", "ẫẫ"]:
        assert not is_syllable_shape(s), s


def test_drop_junk_keeps_real_text_however_unsure():
    box = (0, 0, 10, 10)
    words = [("Quyết", 12.0, box), ("1216/QĐ-UBND", 30.0, box), ("61/2018/NĐ-CP", 20.0, box),
             ("(Cục", 40.0, box), ("KSTTHC);", 35.0, box), ("Đ/c", 25.0, box), ("16/CT-TTg", 31.0, box),
             ("-", 10.0, box), ("m²", 20.0, box), ("ZZz", 95.0, box)]
    assert junk.drop_junk(words) == words


def test_drop_junk_removes_stamp_and_signature_noise():
    box = (0, 0, 10, 10)
    noise = [("`*>⁄_~", 0.0, box), ("Z2>~——", 5.0, box), ("|", 20.0, box), ("lll", 30.0, box),
             ("./Z", 29.0, box), ("—", 10.0, box)]
    assert junk.drop_junk(noise) == []


def test_text_is_output_block_by_block():
    box = (0, 0, 1, 1)
    words = [junk.Word("ỦY", 90, box, (1, 1, 1)), junk.Word("BAN", 90, box, (1, 1, 1)),
             junk.Word("TỈNH", 90, box, (1, 1, 2)), junk.Word("CỘNG", 90, box, (2, 1, 1))]
    assert junk.to_text(words) == "ỦY BAN\nTỈNH\n\nCỘNG\n"
