"""Hard cases for the Vietnamese language layer: orthography, legacy encodings, restoration, OCR repair."""

from __future__ import annotations

import pytest

from ingest.vietnamese import (
    canonical,
    convert_legacy,
    correct_marks,
    correct_words,
    fold,
    is_valid_syllable,
    nfc,
    place_tone,
    repair_ocr,
    restore,
    strip_marks,
    tcvn3_to_unicode,
    vni_to_unicode,
)

# --- orthography -----------------------------------------------------------------------------------


def test_fold_and_strip_keep_their_behaviour() -> None:
    assert strip_marks("Đường Nguyễn Huệ") == "Duong Nguyen Hue"
    assert fold("Kết QUẢ Đường") == "ket qua duong"
    assert nfc("Vie\u0323\u0302t") == "Việt"


@pytest.mark.parametrize(
    ("word", "old", "new"),
    [("hoà", "hòa", "hoà"), ("thuỷ", "thủy", "thuỷ"), ("Uỷ", "Ủy", "Uỷ"), ("khoẻ", "khỏe", "khoẻ"),
     ("hoàn", "hoàn", "hoàn"), ("người", "người", "người"), ("quý", "quý", "quý"), ("già", "già", "già"),
     ("ngoài", "ngoài", "ngoài"), ("thuyết", "thuyết", "thuyết")],
)
def test_tone_placement_styles(word: str, old: str, new: str) -> None:
    assert place_tone(word, "old") == old
    assert place_tone(word, "new") == new


def test_canonical_text_keeps_everything_else() -> None:
    assert canonical("Cộng hoà xã hội, 61/2018/NĐ-CP") == "Cộng hòa xã hội, 61/2018/NĐ-CP"
    assert canonical("Cộng hòa", "new") == "Cộng hoà"


@pytest.mark.parametrize("word", ["nghiêng", "Hòa", "hoà", "đấy", "quốc", "gì", "khuya", "ĐƯỜNG"])
def test_valid_syllables(word: str) -> None:
    assert is_valid_syllable(word)


@pytest.mark.parametrize("word", ["UBND", "ka", "ngi", "tiêngx", "NĐ", "cp", "hòap", "tìch"])
def test_invalid_syllables(word: str) -> None:
    assert not is_valid_syllable(word)


# --- legacy encodings ------------------------------------------------------------------------------


def test_tcvn3() -> None:
    # "Cộng hòa xã hội chủ nghĩa Việt Nam" / "Điều 1. Thủ tục hành chính" typed in .VnTime (ABC)
    assert tcvn3_to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert tcvn3_to_unicode("§iÒu 1. Thñ tôc hµnh chÝnh") == "Điều 1. Thủ tục hành chính"


def test_vni() -> None:
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vni_to_unicode("Ñieàu 1. Thuû tuïc haønh chính") == "Điều 1. Thủ tục hành chính"
    assert vni_to_unicode("ñöôïc, ngöôøi, Ñöôøng") == "được, người, Đường"


def test_convert_legacy_guesses_and_leaves_unicode_alone() -> None:
    assert convert_legacy("Thñ tôc hµnh chÝnh") == "Thủ tục hành chính"
    assert convert_legacy("Thuû tuïc haønh chính") == "Thủ tục hành chính"
    assert convert_legacy("Thủ tục hành chính") == "Thủ tục hành chính"


# --- restoration -----------------------------------------------------------------------------------


def test_restore_sentence() -> None:
    out = restore("Trung tam da nhan duoc 8.311 ho so thu tuc hanh chinh")
    assert out == "Trung tâm đã nhận được 8.311 hồ sơ thủ tục hành chính"


def test_restore_keeps_numbers_codes_and_d_handling() -> None:
    out = restore("Can cu Nghi dinh so 61/2018/ND-CP ngay 23 thang 4 nam 2018 cua Chinh phu;")
    assert out == "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;"


def test_restore_keeps_case_punctuation_spacing_and_lines() -> None:
    text = "UY BAN NHAN DAN\nTINH SOC TRANG\n\n  Doc lap - Tu do - Hanh phuc  \n(UBND, TTHC)"
    out = restore(text)
    assert out == "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\n\n  Độc lập - Tự do - Hạnh phúc  \n(UBND, TTHC)"
    assert restore("") == ""
    assert restore("12.345 / 67,8 %\n") == "12.345 / 67,8 %\n"


def test_restore_and_repair_tone_style() -> None:
    assert restore("Uy ban nhan dan, hoa binh") == "Ủy ban nhân dân, hòa bình"
    assert restore("Uy ban nhan dan, hoa binh", style="new") == "Uỷ ban nhân dân, hoà bình"
    assert repair_ocr("Uy ban nhan dan", style="new") == "Uỷ ban nhân dân"


def test_repair_ocr_moves_signer_titles_after_recipients() -> None:
    text = ("Noi nhan: KT. CHU TICH\n- Nhu Diéu 4; PHO CHU TICH\n- Luu: VT, KSTT.\nTran Van Khai\n")
    out = repair_ocr(text).split("\n")
    assert out[:6] == ["Nơi nhận:", "- Như Điều 4;", "- Lưu: VT, KSTT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                       "Trần Văn Khải"]


def test_restore_keeps_acronyms_in_running_text_and_codes() -> None:
    # each letter of an acronym is an initial: only d -> đ may change ("CAT" is Công an tỉnh)
    assert restore("So: 1520/TB-CAT-PC06") == "Số: 1520/TB-CAT-PC06"
    assert restore("- Giam doc CAT (de b/c);") == "- Giám đốc CAT (để b/c);"
    assert restore("- TT/TU, TT/HDND tinh;") == "- TT/TU, TT/HĐND tỉnh;"
    # a run of capitals is an emphasised phrase, restored as words
    assert restore("Tai lieu THU VIEN PHAP LUAT mien phi") == "Tài liệu THƯ VIỆN PHÁP LUẬT miễn phí"


def test_restore_lettered_list_follows_the_alphabet() -> None:
    out = restore("c) Ba;\nd) Bon;\nd) Nam;\ne) Sau.").split("\n")
    assert [line[:2] for line in out] == ["c)", "d)", "đ)", "e)"]


def test_restore_signer_name_line() -> None:
    assert restore("Noi nhan:\nTran Quoc Dung\n") == "Nơi nhận:\nTrần Quốc Dũng\n"


def test_restore_rare_word_after_its_only_context() -> None:
    # "dõi" is rare overall but is what "theo doi" always means
    expected = "Văn phòng theo dõi, đôn đốc việc thực hiện"
    assert restore("Van phong theo doi, don doc viec thuc hien") == expected


def test_restore_leaves_marked_words_alone() -> None:
    assert restore("Quyết định nay") .startswith("Quyết định")


# --- OCR repair ------------------------------------------------------------------------------------


def test_repair_ocr_seed_report_line() -> None:
    out = repair_ocr("Trung tdm da nhén duoc 8.311 hd so TTHC")
    assert out == "Trung tâm đã nhận được 8.311 hồ sơ TTHC"


def test_repair_ocr_digits_for_letters() -> None:
    assert repair_ocr("s68.311 ho so") == "số 8.311 hồ sơ"
    assert repair_ocr("Day 1a mot viéc quan trong") == "Đây là một việc quan trọng"
    assert repair_ocr("Nghi dinh s6 61/2018/ND-CP") == "Nghị định số 61/2018/NĐ-CP"


def test_repair_ocr_reorders_two_column_header() -> None:
    text = ("UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n\n"
            "TINH SOC TRANG Doc lap - Ty do - Hanh phic\n")
    out = repair_ocr(text).split("\n")
    assert out[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Độc lập - Tự do - Hạnh phúc"]


def test_repair_ocr_leaves_good_vietnamese_alone() -> None:
    good = "Căn cứ Luật Tổ chức chính quyền địa phương; Ủy ban nhân dân tỉnh hằng năm báo cáo."
    assert repair_ocr(good) == good


def test_correct_words_only_touches_low_confidence() -> None:
    words = [("Ủy", 95.0), ("ban", 93.0), ("nhân", 91.0), ("dân", 90.0), ("tinh", 30.0)]
    out = correct_words(words)
    assert out[:4] == ["Ủy", "ban", "nhân", "dân"]
    good = [("Chính", 40.0), ("phủ", 35.0)]
    assert correct_words(good) == ["Chính", "phủ"]


def test_correct_marks_fixes_marks_specks_changed_and_nothing_else() -> None:
    """Off a speckled page: a speck read as a mark, however confident Tesseract was."""
    assert correct_marks("Ủy ban nhần dân tỉnh Sóc Trăng".split()) == "Ủy ban nhân dân tỉnh Sóc Trăng".split()
    assert correct_marks("phòng, chống địch COVID-19".split()) == "phòng, chống dịch COVID-19".split()
    assert correct_marks("phong tực tập quán;".split()) == "phong tục tập quán;".split()
    for line in ("Số: 1216/QĐ-UBND ngày 23", "ông Trần Văn Khải",
                 "Căn cứ Luật Tổ chức chính quyền địa phương"):
        assert correct_marks(line.split()) == line.split()


def test_training_spells_every_year_hang() -> None:
    from ingest.vietnamese.lm.train import standard_spelling

    assert standard_spelling("Hàng năm, định kỳ hàng quý") == "Hằng năm, định kỳ hằng quý"
    assert standard_spelling("khách hàng năm nay, hàng năm trời, hàng ngàn") == (
        "khách hàng năm nay, hàng năm trời, hàng ngàn")


def test_unpacked_copy_of_the_model_reads_the_same(tmp_path, monkeypatch) -> None:
    """`sohoa ocr` loads the model on photocopied and faxed pages: from its unpacked copy in the
    cache folder, not from the compressed arrays, and a damaged copy is made again."""
    import numpy as np

    from ingest.vietnamese.lm import cache
    from ingest.vietnamese.lm.model import DATA

    monkeypatch.setenv("SOHOA_CACHE", str(tmp_path))
    built = cache.load.__wrapped__()
    folder = cache.cache_folder(DATA)
    assert folder is not None and folder.parent == tmp_path and (folder / "complete").exists()
    read = cache.load.__wrapped__()
    assert isinstance(read.keys[2], np.memmap)
    text = "uy ban nhan dan tinh soc trang\nquyet dinh ve viec ban hanh quy dinh danh gia"
    assert restore(text, model=read) == restore(text, model=built)
    assert read.candidates.keys() == built.candidates.keys()
    assert all((read.candidates[k] == v).all() for k, v in list(built.candidates.items())[::97])
    (folder / "rest.pickle").write_bytes(b"damaged")
    again = cache.load.__wrapped__()
    assert again.vocab == built.vocab and (folder / "complete").exists()
    assert cache.load.__wrapped__().vocab == built.vocab  # the new copy reads
    monkeypatch.setenv("SOHOA_CACHE", "")
    assert cache.cache_folder(DATA) is None


def test_the_lenient_syllable_check_is_the_strict_one_without_spelling_and_tone_rules():
    """One syllable grammar, two strictness levels: every valid syllable has a syllable's shape; an OCR
    slip that breaks only a spelling rule (k before a) or the tones a stop coda takes keeps the shape."""
    from ingest.vietnamese.orthography import is_syllable_shape, is_valid_syllable

    for word in ["nghiêng", "Khải", "QUYẾT", "gì", "quốc", "khuya", "ngoao", "đấy", "Hòa", "hoà"]:
        assert is_valid_syllable(word) and is_syllable_shape(word), word
    for slip in ["ka", "ngi", "tiềc", "kăn", "cẽ"]:
        assert is_syllable_shape(slip) and not is_valid_syllable(slip), slip
    for word in ["UBND", "lll", "ẫẫ", "tiêngx", "hđndp"]:
        assert not is_syllable_shape(word) and not is_valid_syllable(word), word
