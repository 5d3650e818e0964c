"""A levy rate below the rebate rate counts as a zero difference in 免抵退 (征税率低于退税率的差额视为零).

Read by :mod:`taxcalc.export.exempt_credit_refund` (a period's 不得免征和抵扣税额) and by
:mod:`taxcalc.export.rebate_rate` (a manufacturer's transition rate above the new levy
rate), from the law key ``export.exempt_credit_refund.levy_below_rebate``: its citation, and,
where the text is silent (a value other than ``"written"``), taxcalc's choice as a
second citation.

>>> from taxcalc.law import default
>>> [str(c) for c in levy_below_rebate_citations(default().value(LEVY_BELOW_REBATE_KEY, "2018-06-30"))]
['财税〔2018〕32号 第五条', 'taxcalc choice: the 2018 text is silent; treated as in 2019年第39号']
>>> [str(c) for c in levy_below_rebate_citations(default().value(LEVY_BELOW_REBATE_KEY, "2019-04-01"))]
['财政部 税务总局 海关总署公告2019年第39号 第三条第二款']
"""

from __future__ import annotations

from ..explain import Citation
from ..law import LawValue

__all__ = ["LEVY_BELOW_REBATE_KEY", "levy_below_rebate_citations"]

#: The law key: the ground of the rule on a day, and taxcalc's choice where the text is silent.
LEVY_BELOW_REBATE_KEY = "export.exempt_credit_refund.levy_below_rebate"
#: The value of a day whose cited article itself says so (other values are taxcalc's choice, "choice: …").
WRITTEN = "written"


def levy_below_rebate_citations(rule: LawValue) -> tuple[Citation, ...]:
    """The citations of the rule on its day: the document, then taxcalc's choice when the text is silent."""
    if rule.value == WRITTEN:
        return (rule.citation,)
    return (rule.citation, Citation("taxcalc", str(rule.value)))
