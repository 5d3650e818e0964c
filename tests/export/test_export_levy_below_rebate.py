"""A levy rate below the rebate rate counts as zero in 免抵退: its ground, read from the law data by day.

The key ``export.exempt_credit_refund.levy_below_rebate`` gives the document of each
era and, where the text is silent, taxcalc's choice (a second citation).  Checked on
the day before and the day of each switch, through the rule and through a what-if.
"""

from __future__ import annotations

import pytest

from taxcalc.export import ExemptCreditRefundInput, ExportLine, exempt_credit_refund
from taxcalc.law import default

SILENT = "taxcalc choice: the text is silent; treated as in 2019年第39号"
SILENT_2018 = "taxcalc choice: the 2018 text is silent; treated as in 2019年第39号"


def _cites(period: str, law=None) -> list[str]:
    r = exempt_credit_refund(ExemptCreditRefundInput(
        period=period, exports=(ExportLine(fob="100000", levy_rate="13%", rebate_rate="16%"),),
        domestic_output_tax="0", input_tax="20000", opening_credit="0"), law=law)
    [step] = [s for s in r.steps if s.name == "negative_gap"]
    assert step.value == 0
    return [str(c) for c in step.cite]


@pytest.mark.parametrize(("period", "expected"), [
    ("2012-06-01", ["财税〔2002〕7号 第三条（条次未核实）", SILENT]),
    ("2012-07-01", ["财税〔2012〕39号 第五条第（一）项", SILENT]),
    ("2018-04-01", ["财税〔2012〕39号 第五条第（一）项", SILENT]),
    ("2018-05-01", ["财税〔2018〕32号 第五条", SILENT_2018]),
    ("2019-03-01", ["财税〔2018〕32号 第五条", SILENT_2018]),
    ("2019-04-01", ["财政部 税务总局 海关总署公告2019年第39号 第三条第二款"]),
    ("2026-11-01", ["财政部 税务总局 海关总署公告2019年第39号 第三条第二款"]),
])
def test_the_ground_of_each_era_and_the_choice_where_the_text_is_silent(period, expected):
    assert _cites(period) == expected


def test_the_ground_is_law_data_a_what_if_changes_it():
    what_if = default().with_values({"export.exempt_credit_refund.levy_below_rebate": "written"})
    assert _cites("2018-05-01", what_if) == ["假设 what-if export.exempt_credit_refund.levy_below_rebate = written"]
