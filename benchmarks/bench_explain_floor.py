"""The floor under the bar ``annual().explain() ≤ 8 × bare``: the same text written by hand.

Run: ``python benchmarks/bench_explain_floor.py``.  Figures are recorded in
docs/performance/explain-floor.md.

Enterprise (a) of ``bench_eit.py`` (a small low-profit enterprise of 2018) is
explained by ``annual(s).explain()`` in ten lines with 22 amounts.  Here the same
ten lines are written by the fastest plain Python there is for them: one
f-string a line, fixed for this one enterprise (its wording, its citations and
its return-form lines typed in), fed by the bare computation of the bar
(``bare_small``) and the law values read beforehand.  The script checks that the
text is byte for byte what ``explain()`` gives, then times, in the same rounds:

* ``bare_small``: the bar's baseline (the relief alone in plain Decimal);
* ``bare_small + text``: the baseline and then the hand-written text;
* ``annual().explain()``: the library.

``bare_small + text`` is what an implementation would cost that did nothing but
compute and print, with no law lookup, no step objects, no citation data and no
choice of wording: no implementation that produces this text can be faster.
Its ratio to ``bare_small`` is therefore the least ``annual().explain() ÷ bare``
can be.
"""

from __future__ import annotations

import decimal
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved_us, report_ratios  # noqa: E402
from bench_eit import CONTEXT, bare_small, bare_small_law, small  # noqa: E402

from taxcalc.eit import EnterpriseYear, annual  # noqa: E402


def _yuan(d: Decimal) -> str:
    return f"{d:,.2f}"


def _percent(d: Decimal) -> str:
    return f"{(d * 100).normalize():f}%"


def bare_text(f: EnterpriseYear, law: dict[str, Any]) -> str:
    """The bare computation of bar (a), then the text of ``annual(f).explain()`` written with f-strings."""
    ti, tax, relief = bare_small(f, law)
    with decimal.localcontext(CONTEXT):
        standard = tax + relief
        reduced = ti * law["sp_ratio"]
    emp, assets = f.size  # type: ignore[misc]
    y = _yuan
    zero = y(Decimal(0))
    return "\n".join((
        f"1. 利润总额：{y(f.profit)} (A100000)",
        f"2. 纳税调整（净额，不含所列资产）：{y(f.adjustments)} (A105000)",
        f"3. 纳税调整后所得：{y(ti)} = {y(f.profit)} + {y(f.adjustments)} + {zero} − {zero} (A100000)",
        f"4. 应纳税所得额：{y(ti)} (A100000)",
        f"5. 小型微利企业条件（其他企业）：是 = 应纳税所得额 {y(ti)} ≤ {y(law['sp_cap'])} ✓；"
        f"从业人数（全年季度平均值） {emp} ≤ {law['sp_emp']} ✓；资产总额 {y(assets)} ≤ {y(law['sp_assets'])} ✓ "
        "[财税〔2018〕77号 一; 财税〔2018〕77号 二]",
        f"6. 减按比例计入的应纳税所得额：{y(reduced)} = {y(ti)} × {_percent(law['sp_ratio'])} "
        f"(≤ {y(law['sp_limit'])}) [财税〔2018〕77号 一] (A107040)",
        f"7. 适用税率：{_percent(law['sp_rate'])} [主席令第63号 第二十八条第一款]",
        f"8. 适用税率方式：小型微利企业（取税额最低者，不叠加）：{y(tax)} = min(基本税率 {y(standard)}, "
        f"小型微利企业 {y(tax)})",
        f"9. 应纳所得税额：{y(tax)} (A100000)",
        f"10. 减免所得税额：{y(relief)} = {y(standard)} − {y(tax)} (A107040)",
    ))


def main() -> None:
    s = small()
    law = bare_small_law()
    text = bare_text(s, law)
    if text != annual(s).explain():
        raise SystemExit("the hand-written text is no longer the text of annual().explain(): update bare_text")
    print("enterprise (a): the text of annual().explain() written by hand (checked byte for byte):")
    runs = interleaved_us({
        "bare_small": (lambda: bare_small(s, law), 4000),
        "bare_small + text": (lambda: bare_text(s, law), 1000),
        "annual": (lambda: annual(s), 1000),
        "annual.explain": (lambda: annual(s).explain(), 500),
    })
    report_ratios(runs, [("bare_small + text", "bare_small", 8.0), ("annual", "bare_small", 4.0),
                         ("annual.explain", "bare_small", 8.0), ("annual.explain", "bare_small + text", None)])


if __name__ == "__main__":
    main()
