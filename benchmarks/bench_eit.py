"""Benchmark the enterprise income tax rules: the full annual computation of one enterprise, and its parts.

Run: ``python benchmarks/bench_eit.py`` (``--bars``: the ratios only; ``--calls``: the function calls per
call of each timed function, which do not depend on the machine's load; ``--against SRC``: this
version's ``annual()``, ``annual().explain()`` and ``EnterpriseYear.from_mapping()`` against those of
another checkout's sources, ``SRC`` the directory holding its ``taxcalc`` package, both imported into one
process).  Figures are recorded in docs/performance/eit.md.

Two enterprises: (a) a small low-profit enterprise of 2018 (profit, adjustments,
quarterly size figures; no R&D, equipment or losses), against a bare function of
the relief alone; (b) the 2018 manufacturer of docs/benefit-2018.md: quarterly
size figures, two R&D projects (other expenses capped, entrusted R&D), two
assets, two losses brought forward, a high-tech certificate, and the small
low-profit relief — every line of the computation, with its explanation steps.
"""

from __future__ import annotations

import cProfile
import dataclasses
import datetime
import decimal
import importlib
import importlib.util
import json
import pstats
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved_us, median_us, report, report_ratios  # noqa: E402

from taxcalc.eit import (  # noqa: E402
    EnterpriseYear,
    Equipment,
    HnteCertificate,
    Loss,
    Quarter,
    RdFacts,
    RdProject,
    annual,
    benefit,
    equipment_schedule,
    rd_super_deduction,
    small_profit,
)
from taxcalc.inputs import parse  # noqa: E402
from taxcalc.law import default  # noqa: E402
from taxcalc.money import CONTEXT, FEN, ZERO  # noqa: E402

D = Decimal
ONE = D(1)


def sample() -> EnterpriseYear:
    """The 2018 sample enterprise (see docs/benefit-2018.md)."""
    return EnterpriseYear(
        2018, profit=D("1900000"), adjustments=D("30000"), industry="manufacturing", hnte_years=(2017, 2018, 2019),
        quarters=(Quarter(70, 74, D("24000000"), D("25000000")), Quarter(74, 78, D("25000000"), D("26500000")),
                  Quarter(78, 80, D("26500000"), D("27000000")), Quarter(80, 82, D("27000000"), D("28000000"))),
        rd=RdFacts(projects=(RdProject("P1", personnel=D("260000"), direct_inputs=D("90000"), other=D("45000")),
                             RdProject("P2", personnel=D("120000"), design=D("30000"),
                                       entrusted_domestic=D("50000")))),
        equipment=(Equipment("CNC lathe", D("480000"), "machinery", acquired_on="2018-03-12", in_use="2018-04-02",
                             book_depreciation=D("32400")),
                   Equipment("Server", D("60000"), "electronics", acquired_on="2018-12-10", in_use="2018-12-20")),
        losses=(Loss(2013, D("120000")), Loss(2016, D("200000"))),
    )


def sample_with_certificate() -> EnterpriseYear:
    """The sample with its high-tech certificate instead of a list of years (the rate and losses read from it)."""
    return dataclasses.replace(sample(), hnte_years=(),
                               hnte_certificates=(HnteCertificate("GR201713000456", "2017-10-27", "2020-10-26"),))


def sample_mapping() -> dict[str, Any]:
    """The sample as a JSON file gives it: amounts and dates as strings (see :func:`sample`)."""
    return json.loads("""{
      "year": 2018, "profit": "1900000", "adjustments": "30000", "industry": "manufacturing",
      "hnte_years": [2017, 2018, 2019],
      "quarters": [
        {"employees_start": 70, "employees_end": 74, "assets_start": "24000000", "assets_end": "25000000"},
        {"employees_start": 74, "employees_end": 78, "assets_start": "25000000", "assets_end": "26500000"},
        {"employees_start": 78, "employees_end": 80, "assets_start": "26500000", "assets_end": "27000000"},
        {"employees_start": 80, "employees_end": 82, "assets_start": "27000000", "assets_end": "28000000"}],
      "rd": {"projects": [
        {"name": "P1", "personnel": "260000", "direct_inputs": "90000", "other": "45000"},
        {"name": "P2", "personnel": "120000", "design": "30000", "entrusted_domestic": "50000"}]},
      "equipment": [
        {"name": "CNC lathe", "cost": "480000", "kind": "machinery", "acquired_on": "2018-03-12",
         "in_use": "2018-04-02", "book_depreciation": "32400"},
        {"name": "Server", "cost": "60000", "kind": "electronics", "acquired_on": "2018-12-10",
         "in_use": "2018-12-20"}],
      "losses": [{"year": 2013, "amount": "120000"}, {"year": 2016, "amount": "200000"}]
    }""")


def small_mapping() -> dict[str, Any]:
    """A small low-profit enterprise as a JSON file gives it: profit, adjustments, quarterly size figures."""
    return json.loads("""{
      "year": 2018, "profit": "560000", "adjustments": "20000", "industry": "wholesale_retail",
      "quarters": [
        {"employees_start": 40, "employees_end": 42, "assets_start": "3000000", "assets_end": "3200000"},
        {"employees_start": 42, "employees_end": 45, "assets_start": "3200000", "assets_end": "3500000"},
        {"employees_start": 45, "employees_end": 44, "assets_start": "3500000", "assets_end": "3600000"},
        {"employees_start": 44, "employees_end": 48, "assets_start": "3600000", "assets_end": "4000000"}]
    }""")


def small() -> EnterpriseYear:
    """The small low-profit enterprise of :func:`small_mapping`: no R&D, equipment or losses."""
    return EnterpriseYear(
        2018, profit=D("560000"), adjustments=D("20000"), industry="wholesale_retail",
        quarters=(Quarter(40, 42, D("3000000"), D("3200000")), Quarter(42, 45, D("3200000"), D("3500000")),
                  Quarter(45, 44, D("3500000"), D("3600000")), Quarter(44, 48, D("3600000"), D("4000000"))),
    )


# The bare Decimal baselines: the same arithmetic as annual(), no steps, no law lookups.


def bare_small_law() -> dict[str, Decimal]:
    """The law values of the small low-profit relief for 2018 (an enterprise other than industrial), read once."""
    law = default()
    day = datetime.date(2018, 12, 31)

    def v(key: str) -> Any:
        return law.value(key, day).value

    return {
        "standard": v("eit.rate.standard"),
        "sp_cap": v("eit.small_profit.income_cap"),
        "sp_emp": v("eit.small_profit.employees_cap.other"),
        "sp_assets": v("eit.small_profit.assets_cap.other"),
        "sp_limit": v("eit.small_profit.band1.limit"),
        "sp_ratio": v("eit.small_profit.band1.ratio"),
        "sp_rate": v("eit.small_profit.rate"),
    }


def bare_small(f: EnterpriseYear, law: dict[str, Any]) -> tuple[Decimal, ...]:
    """The small low-profit relief alone, in plain Decimal: taxable income, the caps tests, the reduced tax.

    The baseline of bar (a): the year's averages are the record's (as for
    :func:`annual`), the law values read before; no steps.
    """
    with decimal.localcontext(CONTEXT):
        ti = f.profit + f.adjustments
        standard = (ti * law["standard"]).quantize(FEN)
        emp, assets = f.size  # type: ignore[misc]
        if ti <= law["sp_cap"] and emp <= law["sp_emp"] and assets <= law["sp_assets"] and ti <= law["sp_limit"]:
            tax = min(standard, (ti * law["sp_ratio"] * law["sp_rate"]).quantize(FEN))
        else:
            tax = standard
        return ti, tax, standard - tax




def bare_law() -> dict[str, Decimal]:
    """The law values the sample's computation uses, read once (outside the timing)."""
    law = default()
    day = datetime.date(2018, 12, 31)

    def v(key: str, on: datetime.date = day) -> Any:
        return law.value(key, on).value

    return {
        "cap": v("eit.equipment.one_time.unit_value_cap", datetime.date(2018, 3, 12)),
        "offset": v("eit.equipment.one_time.deduction_month_offset", datetime.date(2018, 3, 12)),
        "share": v("eit.rd.other_expenses.cap_share"),
        "entrusted": v("eit.rd.entrusted.share"),
        "ratio": v("eit.rd.ratio.general"),
        "years": v("eit.losses.years.general"),
        "qualified": v("eit.losses.years.qualified"),
        "standard": v("eit.rate.standard"),
        "hnte": v("eit.rate.hnte"),
        "sp_cap": v("eit.small_profit.income_cap"),
        "sp_emp": v("eit.small_profit.employees_cap.industrial"),
        "sp_assets": v("eit.small_profit.assets_cap.industrial"),
        "sp_limit": v("eit.small_profit.band1.limit"),
        "sp_ratio": v("eit.small_profit.band1.ratio"),
        "sp_rate": v("eit.small_profit.rate"),
    }


def bare_annual(f: EnterpriseYear, law: dict[str, Any]) -> tuple[Decimal, ...]:
    """The sample's tax year in plain Decimal: operators in the money context, fen rounding as annual(), no steps.

    The baseline of the bars: what the computation costs with nothing but the
    arithmetic and the tests of the sample's path (the law values read before).
    """
    with decimal.localcontext(CONTEXT):
        y = f.year
        adj = ZERO
        for a in f.equipment:  # one-time deduction in the year of the month after first use
            when = (a.in_use.year * 12 + a.in_use.month - 1 + law["offset"]) // 12
            ded = a.cost if a.cost <= law["cap"] and when == y else ZERO
            adj += a.book_depreciation - ded
        factor = law["share"] / (ONE - law["share"])
        five = other = domestic = ZERO
        for p in f.rd.projects:  # other expenses capped per project; entrusted R&D counted at 80%
            p5 = p.personnel + p.direct_inputs + p.depreciation + p.amortisation + p.design
            five += p5
            other += min(p.other, (p5 * factor).quantize(FEN))
            domestic += p.entrusted_domestic
        base = five + other + domestic * law["entrusted"]
        rd_extra = (base * law["ratio"]).quantize(FEN)
        before = f.profit + f.adjustments + adj - rd_extra
        room, used = before, ZERO
        for loss in f.losses:  # oldest first, within the window (10 years for a high-tech enterprise)
            n = law["qualified"] if y in f.hnte_years and y - loss.year <= law["qualified"] else law["years"]
            if loss.year + n >= y:
                use = min(loss.amount, room)
                room -= use
                used += use
        ti = before - used
        standard = (ti * law["standard"]).quantize(FEN)
        hnte = (ti * law["hnte"]).quantize(FEN)
        emp, assets = f.size  # type: ignore[misc]
        if ti <= law["sp_cap"] and emp <= law["sp_emp"] and assets <= law["sp_assets"] and ti <= law["sp_limit"]:
            small = (ti * law["sp_ratio"] * law["sp_rate"]).quantize(FEN)
        else:
            small = standard
        tax = min(standard, hnte, small)
        return before, used, ti, tax, standard - tax


def calls_per_call(fn: Any, number: int = 200) -> float:
    """Function calls (Python functions and built-ins, as :mod:`cProfile` counts them) per call of ``fn``.

    Unlike a time, the count does not depend on the load of the machine: on a shared
    machine it shows what a change removed when the times cannot.
    """
    fn()  # warm up: the law's values of the year, read once
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(number):
        fn()
    profile.disable()
    return (pstats.Stats(profile).total_calls - number) / number  # less the calls of fn itself


def print_calls() -> None:
    """``--calls``: function calls per call of each timed function (load-independent)."""
    s, s_mapping, f, mapping = small(), small_mapping(), sample(), sample_mapping()
    for name, fn in (
        ("(a) annual()", lambda: annual(s)), ("(a) annual().explain()", lambda: annual(s).explain()),
        ("(a) EnterpriseYear.from_mapping()", lambda: EnterpriseYear.from_mapping(s_mapping)),
        ("(a) benefit()", lambda: benefit(s)),
        ("(b) annual()", lambda: annual(f)), ("(b) annual().explain()", lambda: annual(f).explain()),
        ("(b) EnterpriseYear.from_mapping()", lambda: EnterpriseYear.from_mapping(mapping)),
        ("(b) benefit()", lambda: benefit(f)),
    ):
        print(f"{name:<36} {calls_per_call(fn):7.0f} calls")


def other_version(src: str) -> Any:
    """The ``taxcalc.eit`` of the package ``taxcalc`` under ``src``, imported as ``taxcalc_before.eit``.

    Its modules import each other relatively, so the two versions run side by side
    in one process (the law data are read from each package's own files).
    """
    init = Path(src) / "taxcalc" / "__init__.py"
    spec = importlib.util.spec_from_file_location("taxcalc_before", init, submodule_search_locations=[str(init.parent)])
    assert spec is not None and spec.loader is not None, f"no taxcalc package under {src}"
    package = importlib.util.module_from_spec(spec)
    sys.modules["taxcalc_before"] = package
    spec.loader.exec_module(package)
    return importlib.import_module("taxcalc_before.eit")


def print_against(src: str, rounds: int = 80) -> None:
    """``--against SRC``: this version against another, in one process, the order of the two alternated.

    Per round, each function is called a few times in turn; the two versions swap
    places every round (the one timed second in a pair is favoured on a loaded
    machine).  Printed: the median over the rounds of now ÷ before, and each
    version's ratio to the bare baseline of the bars, medians and fastest rounds.
    """
    before = other_version(src)
    cases = (("(a)", small_mapping(), bare_small, bare_small_law()), ("(b)", sample_mapping(), bare_annual, bare_law()))
    for tag, mapping, bare, law in cases:
        now_f, before_f = EnterpriseYear.from_mapping(mapping), before.EnterpriseYear.from_mapping(mapping)
        for lang in ("zh", "en"):  # the same explanation from both
            assert annual(now_f).explain(lang) == before.annual(before_f).explain(lang)
        fns: dict[str, tuple[Any, int]] = {
            "bare": (lambda: bare(now_f, law), 400),  # noqa: B023  (called within the iteration)
            "annual now": (lambda: annual(now_f), 80),  # noqa: B023
            "annual before": (lambda: before.annual(before_f), 80),  # noqa: B023
            "explain now": (lambda: annual(now_f).explain(), 20),  # noqa: B023
            "explain before": (lambda: before.annual(before_f).explain(), 20),  # noqa: B023
            "from_mapping now": (lambda: EnterpriseYear.from_mapping(mapping), 40),  # noqa: B023
            "from_mapping before": (lambda: before.EnterpriseYear.from_mapping(mapping), 40),  # noqa: B023
            # read and computed: what a caller given a table pays (parts of the record made when read included)
            "read+annual now": (lambda: annual(EnterpriseYear.from_mapping(mapping)), 40),  # noqa: B023
            "read+annual before": (lambda: before.annual(before.EnterpriseYear.from_mapping(mapping)), 40),  # noqa: B023
        }
        orders = (list(fns), ["bare", "annual before", "annual now", "explain before", "explain now",
                              "from_mapping before", "from_mapping now", "read+annual before", "read+annual now"])
        times: dict[str, list[float]] = {name: [] for name in fns}
        for fn, _ in fns.values():
            fn()
        for i in range(rounds):
            for name in orders[i % 2]:
                fn, number = fns[name]
                start = time.perf_counter()
                for _ in range(number):
                    fn()
                times[name].append((time.perf_counter() - start) / number * 1e6)
        print(f"{tag} fastest round, µs: " + ", ".join(f"{n} {min(t):.2f}" for n, t in times.items()))
        for what in ("annual", "explain"):
            now, was = times[f"{what} now"], times[f"{what} before"]
            print(f"{tag} {what}: now ÷ before {_median_ratio(now, was):.3f}; ÷ bare now "
                  f"{_median_ratio(now, times['bare']):.2f} (fastest rounds {min(now) / min(times['bare']):.2f}), "
                  f"before {_median_ratio(was, times['bare']):.2f} (fastest rounds {min(was) / min(times['bare']):.2f})")
        now, was = times["from_mapping now"], times["from_mapping before"]
        print(f"{tag} from_mapping: now ÷ before {_median_ratio(now, was):.3f}; ÷ annual now "
              f"{_median_ratio(now, times['annual now']):.2f} (fastest rounds {min(now) / min(times['annual now']):.2f}), "
              f"before {_median_ratio(was, times['annual before']):.2f} "
              f"(fastest rounds {min(was) / min(times['annual before']):.2f})")
        now, was = times["read+annual now"], times["read+annual before"]
        print(f"{tag} from_mapping + annual: now ÷ before {_median_ratio(now, was):.3f}")


def _median_ratio(times: list[float], against: list[float]) -> float:
    """The median over the rounds of ``times ÷ against``."""
    return statistics.median(a / b for a, b in zip(times, against, strict=True))


def main() -> None:
    if "--calls" in sys.argv[1:]:
        print_calls()
        return
    if "--against" in sys.argv[1:]:
        print_against(sys.argv[sys.argv.index("--against") + 1])
        return
    start = time.perf_counter()
    default()
    print(f"load the law data: {(time.perf_counter() - start) * 1e3:.1f} ms")
    f = sample()
    r = annual(f)
    print(f"sample: taxable income {r.taxable_income}, regime {r.regime}, tax {r.tax}, {len(r.steps)} steps")
    law = bare_law()
    assert bare_annual(f, law) == (r.income_before_losses, r.losses_used, r.taxable_income, r.tax, r.relief)
    mapping = sample_mapping()
    assert EnterpriseYear.from_mapping(mapping) == f == parse(EnterpriseYear, mapping)
    asset = f.equipment[0]
    fc = sample_with_certificate()
    assert annual(fc).tax == r.tax
    s = small()
    small_law = bare_small_law()
    rs = annual(s)
    assert bare_small(s, small_law) == (rs.taxable_income, rs.tax, rs.relief)
    s_mapping = small_mapping()
    assert EnterpriseYear.from_mapping(s_mapping) == s
    print("The bars, as ratios timed in the same rounds (median over 15 rounds):")
    print("(a) a small low-profit enterprise (profit, adjustments, quarters), against the relief alone:")
    runs = interleaved_us({
        "bare_small": (lambda: bare_small(s, small_law), 4000),
        "annual": (lambda: annual(s), 1000),
        "annual.explain": (lambda: annual(s).explain(), 500),
        "from_mapping": (lambda: EnterpriseYear.from_mapping(s_mapping), 1000),
        "benefit": (lambda: benefit(s), 200),
    })
    report_ratios(runs, [("annual", "bare_small", 4.0), ("annual.explain", "bare_small", 8.0),
                         ("from_mapping", "annual", 1.0), ("benefit", "annual", 10.0)])
    print("(b) the full sample (R&D, equipment, losses, high-tech rate, small low-profit relief):")
    runs = interleaved_us({
        "bare": (lambda: bare_annual(f, law), 2000),
        "annual": (lambda: annual(f), 1000),
        "annual.explain": (lambda: annual(f).explain(), 500),
        "from_mapping": (lambda: EnterpriseYear.from_mapping(mapping), 500),
        "benefit": (lambda: benefit(f), 100),
    })
    report_ratios(runs, [("annual", "bare", 4.0), ("annual.explain", "bare", 8.0),
                         ("from_mapping", "annual", 1.0), ("benefit", "annual", 10.0)])
    if "--bars" in sys.argv[1:]:  # the ratios only
        return
    print("Each function on its own:")
    report(
        [
            ("annual(facts): full computation with explanation steps", median_us(lambda: annual(f)), None),
            ("annual(facts) with a certificate: rate and loss years from it, explained",
             median_us(lambda: annual(fc)), None),
            ("annual(facts).explain(): rendered as text", median_us(lambda: annual(f).explain(), number=1000), None),
            ("annual(facts).as_dict(): JSON-ready data", median_us(lambda: annual(f).as_dict(), number=500), None),
            ("EnterpriseYear.from_mapping(JSON-like mapping)",
             median_us(lambda: EnterpriseYear.from_mapping(mapping), number=1000), None),
            ("taxcalc.inputs.parse(EnterpriseYear, document): the strict reader, every problem",
             median_us(lambda: parse(EnterpriseYear, mapping), number=1000), None),
            ("EnterpriseYear(...) + annual(): from plain values", median_us(lambda: annual(sample()), number=1000),
             None),
            ("small_profit(income, year, employees, assets)",
             median_us(lambda: small_profit("478233.33", 2018, employees=77, assets="26125000", industrial=True)),
             None),
            ("rd_super_deduction(facts.rd, year)", median_us(lambda: rd_super_deduction(f.rd, 2018)), None),
            ("equipment_schedule(asset): both ways, every year", median_us(lambda: equipment_schedule(asset)), None),
            ("benefit(facts): tax, 8 policies off in turn, all off",
             median_us(lambda: benefit(f), number=200), None),
            ("benefit(facts, known_on='2017-12-31')",
             median_us(lambda: benefit(f, known_on="2017-12-31"), number=100), None),
        ]
    )


if __name__ == "__main__":
    main()
