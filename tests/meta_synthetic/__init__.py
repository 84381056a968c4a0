"""Synthetic Decree 30 documents (text as printed, one line a line, pages split by form feeds) with the
metadata expected of them, written to the conventions of the dev set's meta.json files.

Used by tests/test_metadata_synthetic.py and `bench/bench_meta.py --synthetic`. None of them is a
dev document; they vary the agency level, parent line, number/symbol shape, date padding, signer
chain, subject wrapping, recipients list and dossier codes. Each kind of document has its module;
`CASES` lists them all in the order they were written, which the benchmark reports them in.
"""

from __future__ import annotations

from tests.meta_synthetic.decisions import DECISIONS
from tests.meta_synthetic.letters import LETTERS
from tests.meta_synthetic.papers import PAPERS
from tests.meta_synthetic.plans import PLANS
from tests.meta_synthetic.reports import REPORTS
from tests.meta_synthetic.scoring import EXACT, FIELDS, FUZZY, norm, recipients_f1, score

__all__ = ["CASES", "EXACT", "FIELDS", "FUZZY", "norm", "recipients_f1", "score"]

ORDER = (
    "qd_ubnd_tinh_year_symbol",
    "cv_stnmt_vv_kinh_gui",
    "tb_stnmt_result",
    "kh_syt_multiline",
    "bc_ttpvhcc_no_prefix",
    "ttr_phong_tckh_kinh_gui",
    "gp_sxd_permit",
    "gcn_ho_kinh_doanh",
    "bb_ubnd_xa_two_signers",
    "nq_hdnd_tinh",
    "ct_ubnd_tinh",
    "hd_stp",
    "gm_vp_ubnd_huyen_three_titles",
    "gxn_cong_an_xa_rank",
    "cv_ubnd_huyen_tuq",
    "qd_bo_tu_phap",
    "qd_chi_cuc_thue_q",
    "tb_cong_an_huyen_rank",
    "bc_ubnd_phuong_tm",
    "gp_kinh_doanh_ruou",
    "kh_ubnd_xa_two_pages",
    "cv_sgddt_three_line_vv_codes",
    "tb_ttyt_huyen",
    "qd_stnmt_caps_subject",
    "gcn_attp_chi_cuc",
    "ttr_ubnd_xa_to_huyen",
    "hd_vp_ubnd_tinh_parent_full",
    "bb_ban_giao_dai_dien",
    "cv_cuc_thue_no_parent_kinh_gui_single",
    "qd_caps_two_line_subject_hdnd_signer",
    "cv_bo_cuc_vv_colon_hcm",
    "tb_so_tp_hcm_place_kt_truong_phong",
    "bb_doan_kiem_tra_tm_doan",
    "gm_kt_truong_phong_wrapped_recipient",
    "bc_ban_chi_dao_tm_truong_ban",
    "cv_khan_four_line_vv_wrapped_addressee",
    "qd_ban_quan_ly_kcn",
    "kh_ubnd_huyen_wrapped_recipients",
    "gxn_hon_nhan_ubnd_xa",
    "bc_chi_cuc_thuy_loi",
    "ttr_stc_tl_long_title",
    "gp_khai_thac_nuoc_one_line",
    "qd_ubnd_phuong_numbered_place",
    "cv_phong_tu_phap_tp_kinh_gui_list",
    "qd_sldtbxh_va_xa_hoi_line",
    "gxn_benh_vien_tinh_unit_at_end",)

_BY_NAME = {case["name"]: case for case in DECISIONS + LETTERS + REPORTS + PLANS + PAPERS}
if sorted(_BY_NAME) != sorted(ORDER):
    raise RuntimeError("tests/meta_synthetic: ORDER and the kinds' modules list different documents")
CASES: list[dict] = [_BY_NAME[name] for name in ORDER]
