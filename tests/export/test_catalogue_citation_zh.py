"""A catalogue row's citation: taxcalc's words around it in Chinese for zh, in English for en (unchanged)."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import jsonschema
import pytest

from taxcalc.explain import BilingualCitation, Citation, Step
from taxcalc.export import Catalogue
from taxcalc.export.rebate_rate import catalogue_citation, rebate_rate
from taxcalc.report import build_report, example, render
from taxcalc.rules.protocol import step_schema

SAMPLE_TITLE = "taxcalc SAMPLE catalogue (illustrative, not official rates)"
SAMPLE_ROW = "SAMPLE row, not an official rate"


def _catalogue_step(r: object) -> Step:
    return next(s for s in r.steps if s.name == "catalogue_rate")  # type: ignore[attr-defined]


def test_the_catalogue_rate_step_cites_the_row_in_chinese_for_zh_and_as_before_for_en():
    r = rebate_rate("9901000020", "2018-03-20", catalogue=Catalogue.sample())
    assert r.rate == Decimal("0.15")
    step = _catalogue_step(r)
    (c,) = step.cite
    assert isinstance(c, BilingualCitation)
    assert (c.doc, c.article) == (f"catalogue {SAMPLE_TITLE}, row 2", f"({SAMPLE_ROW})")
    assert (c.doc_zh, c.article_zh) == (f"出口退税率文库 {SAMPLE_TITLE}，第2行", f"（{SAMPLE_ROW}）")
    assert step.render("en").endswith(f"[catalogue {SAMPLE_TITLE}, row 2 ({SAMPLE_ROW})]")
    assert step.render("zh").endswith(f"[出口退税率文库 {SAMPLE_TITLE}，第2行 （{SAMPLE_ROW}）]")
    assert str(c) == f"catalogue {SAMPLE_TITLE}, row 2 ({SAMPLE_ROW})"  # the golden files' form is unchanged
    zh = r.explain("zh")
    assert f"出口退税率文库 {SAMPLE_TITLE}，第2行" in zh and "catalogue taxcalc" not in zh
    assert f"catalogue {SAMPLE_TITLE}, row 2" in r.explain("en") and "出口退税率文库" not in r.explain("en")


def test_a_csv_row_gives_its_line_in_either_language(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("# my rates\ncode,rate,first,last,citation\n9901000020,13%,2019-04-01,2019-12-31,文库2019A\n",
                    "utf-8")
    cat = Catalogue.load(path)
    c = catalogue_citation(cat, cat.rows[0])
    assert c.text_in("en") == f"catalogue {path}, row 1 (line 3) (文库2019A)"
    assert c.text_in("zh") == f"出口退税率文库 {path}，第1行（文件第3行） （文库2019A）"


def test_the_json_gives_the_chinese_beside_the_english_and_the_step_schema_takes_it():
    step = _catalogue_step(rebate_rate("9901000020", "2018-03-20", catalogue=Catalogue.sample()))
    d = step.as_dict()
    assert d["cite"] == [{"doc": f"catalogue {SAMPLE_TITLE}, row 2", "article": f"({SAMPLE_ROW})",
                          "doc_zh": f"出口退税率文库 {SAMPLE_TITLE}，第2行", "article_zh": f"（{SAMPLE_ROW}）"}]
    jsonschema.validate(d, step_schema())
    plain = Step("rate", "税率", "rate", Decimal("0.13"), "rate", cite=(Citation("财税〔2018〕32号", "第一条"),))
    assert plain.as_dict()["cite"] == [{"doc": "财税〔2018〕32号", "article": "第一条"}]  # as before
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**d, "cite": [{"doc": "x", "article": "", "zh": "y"}]}, step_schema())


def test_a_bilingual_citation_keeps_its_chinese_when_copied_and_equals_the_english_one():
    c = BilingualCitation("catalogue X, row 2", "(n)", "出口退税率文库 X，第2行", "（n）")
    for same in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c), copy.copy(c)):  # noqa: S301
        assert type(same) is BilingualCitation and same == c and same.text_in("zh") == "出口退税率文库 X，第2行 （n）"
    assert c == Citation("catalogue X, row 2", "(n)") and hash(c) == hash(Citation("catalogue X, row 2", "(n)"))
    changed = c._replace(article="(m)")  # new words: no Chinese for them, shown in English
    assert changed.text_in("zh") == changed.text_in("en") == "catalogue X, row 2 (m)"
    assert Citation("财税〔2018〕32号", "第一条").text_in("zh") == "财税〔2018〕32号 第一条"
    bare = BilingualCitation("catalogue X, row 2")
    assert bare.text_in("zh") == "catalogue X, row 2" and bare.as_dict()["doc_zh"] == "catalogue X, row 2"


def test_the_chinese_report_cites_the_catalogue_in_chinese_and_the_english_one_as_before():
    report = build_report(example("hebei-2018"))
    zh, en = render(report, "zh"), render(report, "en")
    flat_zh, flat_en = "".join(zh.split()), "".join(en.split())
    assert "出口退税率文库taxcalcSAMPLEcatalogue(illustrative,notofficialrates)，第2行（SAMPLErow,notanofficialrate）" \
        in flat_zh
    assert "cataloguetaxcalcSAMPLE" not in flat_zh and "出口退税率文库" not in flat_en
    assert "cataloguetaxcalcSAMPLEcatalogue(illustrative,notofficialrates),row2(SAMPLErow,notanofficialrate)" \
        in flat_en


def test_the_html_report_cites_the_catalogue_in_the_language_of_the_page():
    pytest.importorskip("matplotlib", reason="the extra html (matplotlib) is not installed")
    from taxcalc.report.html import render_html

    report = build_report(example("hebei-2018"))
    zh, en = render_html(report, "zh"), render_html(report, "en")
    assert f"出口退税率文库 {SAMPLE_TITLE}，第2行 （{SAMPLE_ROW}）" in zh and "catalogue taxcalc SAMPLE" not in zh
    assert f"catalogue {SAMPLE_TITLE}, row 2 ({SAMPLE_ROW})" in en and "出口退税率文库" not in en
