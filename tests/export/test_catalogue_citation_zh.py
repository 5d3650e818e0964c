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
#: The sample's name in Chinese: its Chinese title marked as a sample (样例).
SAMPLE_TITLE_ZH = "样例：taxcalc 随附目录（仅作说明，非官方退税率）"


def _catalogue_step(r: object) -> Step:
    return next(s for s in r.steps if s.name == "catalogue_rate")  # type: ignore[attr-defined]


def test_the_catalogue_rate_step_cites_the_row_in_chinese_for_zh_and_as_before_for_en():
    r = rebate_rate("9901000020", "2018-03-20", catalogue=Catalogue.sample())
    assert r.rate == Decimal("0.15")
    step = _catalogue_step(r)
    (c,) = step.cite
    assert isinstance(c, BilingualCitation)
    assert (c.doc, c.article) == (f"catalogue {SAMPLE_TITLE}, row 2", f"({SAMPLE_ROW})")
    assert (c.doc_zh, c.article_zh) == (f"出口退税率文库 {SAMPLE_TITLE_ZH}，第2行", f"（{SAMPLE_ROW}）")
    assert step.render("en").endswith(f"[catalogue {SAMPLE_TITLE}, row 2 ({SAMPLE_ROW})]")
    assert step.render("zh").endswith(f"[出口退税率文库 {SAMPLE_TITLE_ZH}，第2行 （{SAMPLE_ROW}）]")
    assert str(c) == f"catalogue {SAMPLE_TITLE}, row 2 ({SAMPLE_ROW})"  # the golden files' form is unchanged
    zh = r.explain("zh")
    assert f"出口退税率文库 {SAMPLE_TITLE_ZH}，第2行" in zh and "catalogue taxcalc" not in zh
    assert SAMPLE_TITLE not in zh and "SAMPLE:" not in zh
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
                          "doc_zh": f"出口退税率文库 {SAMPLE_TITLE_ZH}，第2行", "article_zh": f"（{SAMPLE_ROW}）"}]
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
    assert "出口退税率文库样例：taxcalc随附目录（仅作说明，非官方退税率），第2行（SAMPLErow,notanofficialrate）" in flat_zh
    assert "SAMPLEcatalogue" not in flat_zh and "出口退税率文库" not in flat_en and "样例" not in flat_en
    assert "cataloguetaxcalcSAMPLEcatalogue(illustrative,notofficialrates),row2(SAMPLErow,notanofficialrate)" \
        in flat_en


def test_the_html_report_cites_the_catalogue_in_the_language_of_the_page():
    pytest.importorskip("matplotlib", reason="the extra html (matplotlib) is not installed")
    from taxcalc.report.html import render_html

    report = build_report(example("hebei-2018"))
    zh, en = render_html(report, "zh"), render_html(report, "en")
    assert f"出口退税率文库 {SAMPLE_TITLE_ZH}，第2行 （{SAMPLE_ROW}）" in zh and "SAMPLE catalogue" not in zh
    assert f"catalogue {SAMPLE_TITLE}, row 2 ({SAMPLE_ROW})" in en and "出口退税率文库" not in en and "样例" not in en


def test_a_sample_is_marked_in_either_language_and_a_catalogue_of_record_is_not():
    row = {"code": "9901000020", "rate": "13%", "first": "2019-04-01", "last": "2019-12-31", "citation": "x"}
    mine = Catalogue.from_rows([row], source="mine.csv", title="trial rates", sample=True)
    assert (mine.label(), mine.label("zh")) == ("SAMPLE: trial rates", "样例：trial rates")
    named = Catalogue.from_rows([row], source="mine.csv", title="trial rates", title_zh="试用退税率", sample=True)
    assert (named.label(), named.label("zh")) == ("SAMPLE: trial rates", "样例：试用退税率")
    marked = Catalogue.from_rows([row], source="m.csv", title="SAMPLE rates", title_zh="样例退税率", sample=True)
    assert (marked.label(), marked.label("zh")) == ("SAMPLE rates", "样例退税率")  # marked once
    official = Catalogue.from_rows([row], source="lib.csv", title="library 2019A", title_zh="文库2019A版")
    assert (official.label(), official.label("zh")) == ("library 2019A", "文库2019A版")
    assert Catalogue.from_rows([row], source="lib.csv").label("zh") == "lib.csv"
    assert (Catalogue.sample().label(), Catalogue.sample().label("zh")) == (SAMPLE_TITLE, SAMPLE_TITLE_ZH)


def test_an_unknown_code_is_refused_naming_the_catalogue_in_either_language():
    from taxcalc.errors import InvalidInput

    with pytest.raises(InvalidInput) as err:
        rebate_rate("9999999999", "2018-03-20", catalogue=Catalogue.sample())
    assert err.value.reason_in("en") == f"9999999999 is not in the catalogue {SAMPLE_TITLE}"
    assert err.value.reason_in("zh") == f"9999999999 不在出口退税率文库 {SAMPLE_TITLE_ZH} 中"


def test_a_toml_catalogue_gives_its_chinese_title_as_a_string(tmp_path):
    from taxcalc.errors import LawDataError

    rows = '[[row]]\ncode = "9901000020"\nrate = "13%"\nfirst = 2019-04-01\nlast = 2019-12-31\ncitation = "x"\n'
    good = tmp_path / "good.toml"
    good.write_text(f'[catalogue]\ntitle = "library"\ntitle_zh = "文库"\n{rows}', "utf-8")
    assert Catalogue.load(good).label("zh") == "文库"
    bad = tmp_path / "bad.toml"
    bad.write_text(f'[catalogue]\ntitle = "library"\ntitle_zh = 1\n{rows}', "utf-8")
    with pytest.raises(LawDataError, match=r"\[catalogue\]: title_zh must be a string"):
        Catalogue.load(bad)
