"""Every question of the command line, in Chinese and in English: it answers (exit 0) and every
line fits 100 columns (Chinese characters count 2), as the report does."""

from __future__ import annotations

import re

import pytest

from taxcalc.cli import main
from taxcalc.text import display_width

#: One or more invocations of every question, chosen for long lines (long names, citations, lists).
QUESTIONS = [
    "law",
    "law vat.rate.standard",
    "law vat.rate.standard --on 2018-05-01 --known-on 2018-04-10",
    "law eit.small_profit",
    "law vat.reregistration.scope",
    "law vat.excess_credit_refund_2018.industries",
    "law export.tier_2018_11.cancelled",
    "vat bands",
    "vat bands --on 2019-04-01",
    "vat rate standard --on 2019-04-01",
    "vat replacement 17% --on 2019-04-01 --applied-on 2018-04-30",
    "vat invoice-rate standard --liability 2019-03-15 --invoice 2019-04-10",
    "vat invoice 113 --band standard --on 2019-04-01",
    "vat invoice 100 --net --band standard --on 2019-04-01",
    "vat agri 10000 --on 2019-04-01 --top-rate",
    "vat standard --on 2018-05-01 --sector production --sales 6000000",
    "vat reregister 100 200 300 --on 2018-06-01",
    "vat small-scale 300000 --on 2018-04-01 --period quarter --goods 100000 --services 200000",
    "vat small-scale 120000 --on 2019-06-01 --real-estate 50000",
    "vat small-scale 150000 --on 2026-06-01 --real-estate 60000 --start-point-basis carve_out",
    "vat small-scale 300000 --on 2026-04-01 --period quarter",
    "eit small-profit 500000 --year 2018 --employees 100 --assets 2000 --industrial",
    "eit small-profit 5000000 --year 2019",
    "eit rd-ratio --year 2022 --kind manufacturer",
    "eit equipment 6000000 --kind machinery --acquired 2018-12-05 --in-use 2018-12-20 --residual 60000",
    "eit equipment 600000 --kind machinery --acquired 2022-10-05 --in-use 2022-10-20 --hnte",
    "eit loss-window 2020 --extension hardship",
    "export rate 9901000010 --on 2018-05-01 --sample --exporter trader --purchase-rate 17%",
    "export rate 9901000010 --on 2019-05-01 --sample",
    "export refund --period 2019-08 --fob 100000 --exchange-rate 7 --levy-rate 13% --rebate-rate 10% "
    "--input-tax 50000",
    "export trader-refund --amount 10000 --purchase-rate 13% --on 2019-08-01 --code 9901000010 --sample",
    "export excess-credit-2018 --industry 专用设备制造业 --rating A --registered 2014-01-01 --listed 900 "
    "--total 1000 --prior-credit 500 --credit-2017 400 --applied 2018-08-01",
    "export excess-credit-2018 --grid --rating C --registered 2014-01-01 --listed 900 --total 1000 "
    "--prior-credit 500 --credit-2017 400 --applied 2018-08-01",
    "report",
]


def answer(capsys, argv: list[str]) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0 and err == "", (argv, err)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("question", QUESTIONS)
def test_every_line_fits_100_columns(capsys, question, lang):
    out = answer(capsys, [*question.split(), "--lang", lang])
    too_wide = [line for line in out.splitlines() if display_width(line) > 100]
    assert not too_wide, too_wide


#: Words a Chinese answer may contain: what the user types (bands, codes of the law's text values)
#: and the functions of a formula.
_ZH_ALLOWED = {"ROUND", "min", "max"}
_CITED = re.compile(r"\[[^\]]*\]|《[^》]*》|\(A\d{6}\)")  # citations, titles of forms, return lines


def _typed_words() -> set[str]:
    from taxcalc import law
    from taxcalc.vat import bands

    words = set(bands())
    for key in law.keys():  # text values of the law data, e.g. "regulations", "combined"
        for v in law.history(key):
            if isinstance(v.value, str):
                words.add(v.value)
    return words


@pytest.mark.parametrize("question", [q for q in QUESTIONS if not q.startswith(("law", "report"))])
def test_a_chinese_answer_has_no_english_words(capsys, question):
    out = _CITED.sub("", answer(capsys, [*question.split(), "--lang", "zh"]))
    allowed = _ZH_ALLOWED | _typed_words()
    english = [w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", out) if w not in allowed]
    assert not english, english


@pytest.mark.parametrize("question", [q for q in QUESTIONS if not q.startswith(("law", "report"))])
def test_an_english_answer_has_chinese_only_in_citations_glosses_and_input(capsys, question):
    out = _CITED.sub("", answer(capsys, [*question.split(), "--lang", "en"]))
    out = re.sub(r"\([^()]*[\u4e00-\u9fff][^()]*\)", "", out)  # a Chinese term glossed in brackets
    out = re.sub(r"财税〔\d{4}〕\d+号|\d{4}年第\d+号", "", out)  # a document named in a sentence
    for typed in question.split():  # what the user gave, e.g. an industry's name
        out = out.replace(typed, "")
    chinese = re.findall(r"[\u4e00-\u9fff]+", out)
    assert not [c for c in chinese if c != "免抵退"], chinese  # 免抵退 is used as the method's name
