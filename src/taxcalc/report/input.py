"""The report's input: one enterprise's facts for one tax year, read from TOML or JSON.

Each table of the file is one :func:`taxcalc.inputs.record` below, each field
declared once with what it accepts; the parser, the checks and the published JSON
Schema (:func:`json_schema`, ``taxcalc report --schema``) all come from those
declarations.  The file is checked completely before anything is computed, and
every problem is reported at once, one per line, each naming the field by its
path (``purchases[3].amount``; list positions count from 0)::

    purchases[3].amount: a float is not money; write "1234.50" (a string)
    sales[0].band: unknown value 'standrd'; did you mean 'standard'? expected one of: …
    enterprise.nmae: unknown field; did you mean 'name'?

An unknown field is an error, never silently ignored: a misspelt field would
otherwise quietly drop a fact.  Values follow the one strict grammar of
:mod:`taxcalc.inputs.grammar`: amounts are strings (``"1234.50"``: digits, a point
and at most two decimals, no separators) or integers, never floats; rates are
``"13%"`` or ``"0.13"``; dates are TOML dates or ``"YYYY-MM-DD"`` strings; months
are ``"YYYY-MM"`` strings.  An input these checks accept is computed: the limits
of the computation (the years the law data covers, the largest figure a report
shows) are checked here too, each as a problem of the field that exceeds them.
The format is described field by field in ``docs/report.md``.

Format 2 (:data:`FORMAT_VERSION`) names the fields of ``[income]``,
``[[equipment]]`` and ``[[qualifications]]`` as :mod:`taxcalc.eit` does
(``income.profit``, ``equipment[0].acquired_on`` …).  A
file of format 1, the deprecated spelling, is read by renaming its fields
(:data:`FORMAT_1_NAMES`); its problems name the fields as it spells them.

>>> facts = parse_text('''
... format = 2
... year = 2018
... [enterprise]
... name = "示例公司"
... [[sales]]
... month = "2018-05"
... amount = "1000.00"
... ''', "toml")
>>> facts.year, facts.sales[0].band, facts.sales[0].amount
(2018, 'standard', Decimal('1000.00'))
>>> parse_text('{"format": 2, "year": 2018, "enterprise": {"name": "x"}, '
...            '"sales": [{"month": "2018-13", "amount": 1.5}]}', "json")
Traceback (most recent call last):
...
taxcalc.report.input.ReportInputError: 2 problems in the report input:
sales[0].month: '2018-13' is not a month (write "YYYY-MM")
sales[0].amount: a float is not money; write "1.5" (a string)
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from .. import calendar as _calendar
from .. import datafile as _datafile
from ..datafile import MAX_BYTES, MAX_DEPTH
from ..eit._common import quarters_operated
from ..eit.accelerated_depreciation import acceleration_industry, industry_of_code
from ..eit.equipment import (
    Article98,
    DepreciationMethod,
    IndustryForAcceleration,
    LifeMonths,
    MainBusinessShareInUse,
    method_fields_problems,
    method_problems,
)
from ..eit.equipment import Equipment as TaxAsset
from ..eit.hardship import HardshipExtensionInput, unmatched_tests
from ..eit.losses import Loss
from ..eit.project_holiday import Project
from ..eit.rd_super_deduction import RdProject
from ..eit.restructuring import InheritedLosses, inherited_by_year
from ..eit.small_profit import MAX_EMPLOYEES, Quarter
from ..eit.small_profit import Month as MonthFigures
from ..eit.tech_transfer import TechnologyTransfer
from ..eit.venture import VentureInvestment
from ..environment import EnvironmentalTaxInput
from ..errors import InputProblems, InvalidInput, LawDataError, OutsideCoverage, Problem
from ..inputs import (
    BAD,
    Amount,
    Choice,
    Code,
    Date,
    Field,
    FieldSpec,
    Flag,
    Integer,
    ListOf,
    Month,
    Nested,
    Rate,
    Rows,
    Text,
    read,
    record,
    spec,
)
from ..inputs import json_schema as _record_schema
from ..inputs.fields import shown
from ..money import CONTEXT
from ..rules.vat.small_scale_vat import SmallScaleInput
from ..vat.small_loan_interest import LOAN_METHODS, SmallLoan

if TYPE_CHECKING:
    from ..law import Law

__all__ = [
    "ACQUISITIONS",
    "ASSET_CLASSES",
    "BANDS",
    "CREDIT_RATINGS",
    "EXPORTER_KINDS",
    "FORMAT_VERSION",
    "LOSS_EXTENSIONS",
    "QUALIFICATION_KINDS",
    "RD",
    "SECTORS",
    "sector_of",
    "FORMAT_1_NAMES",
    "TABLES",
    "Enterprise",
    "Equipment",
    "ExcessCreditRefund2018",
    "ExcessCreditRefundClaim",
    "Export",
    "Income",
    "Loss",
    "Problem",
    "Project",
    "Purchase",
    "Qualification",
    "Quarter",
    "RDProject",
    "ReportInput",
    "ReportInputError",
    "Sale",
    "TechnologyTransfer",
    "VentureInvestment",
    "as_format_1",
    "Vat",
    "bands",
    "fields_of",
    "json_schema",
    "load",
    "main_businesses",
    "parse_data",
    "parse_text",
    "quarters_operated",
]

#: The version of the input format (the ``format`` field): format 2 names the income-tax facts as
#: :mod:`taxcalc.eit` does.  Format 1 is still read (see :data:`FORMAT_1_NAMES`).
FORMAT_VERSION = 2


def bands() -> tuple[str, ...]:
    """The VAT bands a sale may name: the last part of every ``vat.rate.<band>`` key in the data.

    >>> "standard" in bands()
    True
    """
    from ..law import default

    return _bands_of(default())


@functools.lru_cache(maxsize=8)
def _bands_of(law: Law) -> tuple[str, ...]:
    return tuple(k.removeprefix("vat.rate.") for k in law.keys("vat.rate."))


#: The band a sale is in when it names none.
BANDS = ("standard",)
#: What a qualification may be.
QUALIFICATION_KINDS: tuple[str, ...] = ("high_tech", "tech_sme", "advanced_tech_service")
#: How the enterprise exports (免抵退 for a manufacturer, 免退 for a trading firm).
EXPORTER_KINDS: tuple[str, ...] = ("none", "manufacturer", "trader")
VAT_TAXPAYER_KINDS: tuple[str, ...] = ("general", "small_scale")
#: ``transaction``: a small-scale taxpayer filing per transaction (按次纳税, from 2026), each day tested apart.
VAT_PERIODS: tuple[str, ...] = ("month", "quarter", "transaction")
SALE_KINDS: tuple[str, ...] = ("goods", "services")
#: The sectors of the small-scale standard (``taxcalc.vat.SECTORS``).
SECTORS: tuple[str, ...] = ("production", "commerce", "services")
#: Tax credit ratings (纳税信用等级), as ``taxcalc.export.CREDIT_RATINGS``.
CREDIT_RATINGS: tuple[str, ...] = ("A", "B", "M", "C", "D")
EXPORT_BASES: tuple[str, ...] = ("invoice", "customs")
#: The highest rate a rebate or purchase VAT rate may be: 17%, the highest VAT rate there has been.
MAX_EXPORT_RATE = Decimal("0.17")
PURCHASE_KINDS: tuple[str, ...] = ("invoice", "customs", "agricultural")
EQUIPMENT_KINDS: tuple[str, ...] = ("equipment", "appliance")
#: The class of minimum tax life (an equipment's ``kind``) by its ``item``, when ``kind`` is not given.
ASSET_CLASS_OF_KIND: dict[str, str] = {"equipment": "machinery", "appliance": "tools"}
#: Classes of fixed asset of the minimum depreciation lives (实施条例 第六十条), as ``taxcalc.eit.ASSET_KINDS``.
ASSET_CLASSES: tuple[str, ...] = ("buildings", "machinery", "tools", "vehicles", "electronics")
#: How an asset was acquired (国家税务总局公告2018年第46号 一（二）), as ``taxcalc.eit.ACQUISITIONS``.
ACQUISITIONS: tuple[str, ...] = ("purchase", "instalment", "self_built", "other")
#: Marks of a 2020 loss an industry rule extends, as ``taxcalc.eit.EXTENSIONS`` (without the empty mark).
LOSS_EXTENSIONS: tuple[str, ...] = ("hardship", "film")


def main_businesses() -> tuple[str, ...]:
    """The main-business codes of the income-tax rules (``taxcalc.eit.INDUSTRIES``).

    >>> "manufacturing" in main_businesses()
    True
    """
    from ..eit import INDUSTRIES

    return tuple(INDUSTRIES)


#: The tax years a report may be of (the checks then ask that the law data covers the year).
YEAR_FIRST, YEAR_LAST = 1994, 2099
#: Rows a list of the file may hold.
MAX_ROWS = 10_000
#: The amounts of an input added up stay below 10^15 yuan (一千万亿元): every figure the report
#: computes from them (sums, taxes, deductions of up to twice the base) then stays below the
#: 10^16 yuan a figure may have (:data:`taxcalc.inputs.grammar.AMOUNT_LIMIT`).
TOTAL_LIMIT = 10**15


# -- the facts ------------------------------------------------------------------
#
# Each record is one table of the file; its fields are declared once, in the order
# of the Python constructor (which other code calls positionally).


@record
class Enterprise:
    """Who the enterprise is (纳税人基本情况)."""

    name: Annotated[str, Text("the enterprise's name (纳税人名称)")]
    name_en: Annotated[str, Text("its name in English, for `--lang en`")] = ""
    province: Annotated[str, Text("province of tax registration, e.g. 河北省")] = ""
    industry: Annotated[str, Code("a GB/T 4754 industry code (国民经济行业分类, GB/T 4754-2017): a section "
                                  "letter A–T and 2 to 4 digits, e.g. `C14`",
                                  pattern=r"^[A-T]([0-9]{2}([0-9]{1,2})?)?$", example="C14")] = ""
    registered: Annotated[_dt.date | None, Date("date of tax registration (办理税务登记日期)")] = None
    vat_taxpayer: Annotated[str, Choice("`general` (一般纳税人) or `small_scale` (小规模纳税人)",
                                        VAT_TAXPAYER_KINDS)] = "general"
    vat_period: Annotated[str, Choice("VAT return period: `month`, `quarter` or, for a small-scale taxpayer "
                                      "filing per transaction (按次纳税, from 2026), `transaction` (each "
                                      "`sales` row then names its `day`)", VAT_PERIODS)] = "month"
    exporter: Annotated[str, Choice("`none`, `manufacturer` (生产企业, 免抵退) or `trader` (外贸企业, 免退)",
                                    EXPORTER_KINDS)] = "none"
    employees: Annotated[int | None, Integer("employees, annual average (从业人数)",
                                             minimum=0, maximum=MAX_EMPLOYEES)] = None
    assets: Annotated[Decimal | None, Amount("total assets, annual average (资产总额)")] = None
    #: The sector of the small-scale standard; ``""``: derived from ``industry`` (see ``docs/report.md``).
    sector: Annotated[str, Choice("sector of the small-scale standard: `production` (货物生产、加工修理修配), "
                                  "`commerce` (批发零售等其他) or `services` (营改增应税行为); default: from "
                                  "`industry`", SECTORS)] = ""
    #: The day it opened (开业) or closed (终止经营), when inside the report year (for the income-tax tests).
    opened: Annotated[_dt.date | None, Date("the day it opened (开业), when inside the report year: the "
                                            "income-tax tests then count the months and quarters it "
                                            "operated")] = None
    closed: Annotated[_dt.date | None, Date("the day it closed (终止经营), when inside the report year")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """closed is not before opened."""
        if self.opened is not None and self.closed is not None and self.closed < self.opened:
            yield "closed", f"{self.closed} is before 'opened' {self.opened}"


@record
class Qualification:
    """A qualification held over a window, e.g. 高新技术企业 with its certificate's number and dates.

    The fields are named as those of :class:`taxcalc.eit.HnteCertificate`: ``number``,
    ``first`` and ``last`` (format 1 spelt them ``certificate``, ``from`` and ``to``).
    """

    kind: Annotated[str, Choice("`high_tech` (高新技术企业), `tech_sme` (科技型中小企业) or "
                                "`advanced_tech_service` (技术先进型服务企业)", QUALIFICATION_KINDS)]
    first: Annotated[_dt.date, Date("first day the qualification holds (certificate date)")]
    last: Annotated[_dt.date, Date("last day it holds")]
    number: Annotated[str, Text("certificate or registration number")] = ""

    def checks(self) -> Iterator[tuple[str, str]]:
        """last is not before first; first is not before 1950 (the income-tax rules take no earlier year)."""
        if self.last < self.first:
            yield "last", f"{self.last} is before 'first' {self.first}"
        if self.first.year < 1950:
            yield "first", f"{self.first} is before 1950, earlier than any tax year the income-tax rules take"


#: The fields of the small-scale rule (``vat.small_scale_vat``) a sales row takes as they are declared there.
_SMALL_SCALE = {f.name: f.field for f in spec(SmallScaleInput)}
_ZERO = Decimal(0)


@record
class Sale:
    """Sales of one month in one VAT band, excluding VAT (不含税销售额), by tax point."""

    month: Annotated[_dt.date, Month("month of the tax point (纳税义务发生时间), `\"YYYY-MM\"`")]
    amount: Annotated[Decimal, Amount("sales excluding VAT (不含税销售额)")]
    band: Annotated[str, Choice("VAT band: the `vat.rate.<band>` key that applies", bands)] = "standard"
    kind: Annotated[str, Choice("`goods` (货物及劳务) or `services` (服务、无形资产), for the small-scale "
                                "exemption", SALE_KINDS)] = "goods"
    special_invoice_sales: Annotated[Decimal, _SMALL_SCALE["special_invoice_sales"]] = _ZERO
    special_invoice_rate: Annotated[str, _SMALL_SCALE["special_invoice_rate"]] = "reduced"
    day: Annotated[_dt.date | None, Date("per-transaction filers (`enterprise.vat_period = \"transaction\"`): the "
                                         "day of the transaction, in `month`; the rows of one day are tested "
                                         "together against the per-transaction 起征点")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """special_invoice_sales is part of amount; the rate `full` comes with special-invoice sales; day is in
        month."""
        if self.special_invoice_sales > self.amount:
            yield "special_invoice_sales", f"is more than the row's amount ({self.amount})"
        if self.special_invoice_rate != "reduced" and not self.special_invoice_sales:
            yield "special_invoice_rate", "full applies only to sales on special invoices: give special_invoice_sales"
        if self.day is not None and (self.day.year, self.day.month) != (self.month.year, self.month.month):
            yield "day", f"{self.day} is not in the row's month {self.month.isoformat()[:7]}"


@record
class Purchase:
    """Purchases of one month that carry input VAT.

    ``invoice`` (增值税专用发票) and ``customs`` (海关进口增值税专用缴款书): ``amount``
    excluding VAT and the ``vat`` shown on the voucher; ``band`` says which rate the
    supplier charged (for what-if comparisons).  ``agricultural`` (农产品收购发票或销售发票):
    ``amount`` is the purchase price (买价); the deduction rate is the law's, chosen
    by ``use`` (``standard`` when the produce goes into goods of the standard band).
    """

    month: Annotated[_dt.date, Month("month the input VAT is deducted, `\"YYYY-MM\"`")]
    kind: Annotated[str, Choice("`invoice` (增值税专用发票), `customs` (海关进口增值税专用缴款书) or "
                                "`agricultural` (农产品收购发票或销售发票)", PURCHASE_KINDS)]
    amount: Annotated[Decimal, Amount("amount excluding VAT; for `agricultural` the purchase price (买价)")]
    vat: Annotated[Decimal | None, Amount("VAT shown on the voucher (required for `invoice` and `customs`)")] = None
    band: Annotated[str, Choice("the band the supplier charged (optional)", bands)] = ""
    use: Annotated[str, Choice("for `agricultural`: the band of the goods the produce goes into (optional)",
                               bands)] = ""

    def checks(self) -> Iterator[tuple[str, str]]:
        """vat is given for kinds invoice and customs, and not for agricultural; use only for agricultural."""
        if self.kind in ("invoice", "customs") and self.vat is None:
            yield "vat", f"missing (required for kind '{self.kind}'): the VAT shown on the voucher"
        if self.kind == "agricultural" and self.vat is not None:
            yield "vat", "not for kind 'agricultural': its input VAT is 买价 × the law's deduction rate"
        if self.kind != "agricultural" and self.use:
            yield "use", "only for kind 'agricultural'"


#: The R&D project of the income-tax rules (:class:`taxcalc.eit.RdProject`); ``RDProject`` is its
#: former name here, kept as an alias.
RDProject = RdProject


@record
class RD:
    """Research and development spending of the year (研发费用).

    Either ``projects`` (by category, the caps applied) or ``expensed`` (one figure,
    counted as given); ``intangible_amortisation`` is the year's amortisation of
    intangibles formed by R&D.
    """

    expensed: Annotated[Decimal, Amount("R&D spending expensed in the year (费用化研发费用), not itemised: "
                                        "counted as given; give `projects` instead to have the caps "
                                        "applied")] = _ZERO
    intangible_amortisation: Annotated[Decimal, Amount("the year's amortisation of intangibles formed by R&D "
                                                       "(无形资产摊销)")] = _ZERO
    projects: Annotated[tuple[RDProject, ...], Rows("R&D projects, spending by category (`[[rd.projects]]`)",
                                                    RDProject, max_items=MAX_ROWS)] = ()
    base_after_switch: Annotated[Decimal | None, Amount("2022 only: the part of the base incurred from "
                                                        "2022-10-01 (the actual method of 2022年第28号 二); "
                                                        "default: by months")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """Not both expensed and projects."""
        if self.expensed and self.projects:
            yield "expensed", "give either expensed (one figure, counted as given) or projects, not both"


@record
class Equipment:
    """A fixed asset whose tax treatment the report works out: bought in the year, or earlier.

    The fields are named as those of :class:`taxcalc.eit.Equipment`.  ``acquired_on``
    is the purchase date as 国家税务总局公告2018年第46号 defines it for the
    ``acquisition``; ``in_use`` the day it was put into use (``None``: the day
    acquired); ``kind`` the class of its minimum tax life (``""``: machinery for
    an ``item`` of equipment, tools for an appliance); ``book_depreciation`` the
    depreciation in the accounts this year (``None``: straight line over
    ``useful_life_years`` from the month after it was put into use, no residual).
    ``method``, ``life_months``, ``industry``, ``main_business_share`` and
    ``article_98``: the depreciation chosen (declared once, with
    :class:`taxcalc.eit.Equipment`); ``industry`` left out is the enterprise's
    (:func:`acceleration_industry_of`), ``main_business_share`` left out
    ``income.main_business_share``; a choice the law does not allow is refused
    when the file is read.
    """

    acquired_on: Annotated[_dt.date, Date("purchase date (购进日期): the invoice date; for an instalment or "
                                          "credit purchase the arrival date; self-built, the completion "
                                          "settlement date")]
    cost: Annotated[Decimal, Amount("cost, the unit value (单位价值, 计税基础), excluding VAT", sign="positive")]
    name: Annotated[str, Text("what it is")] = ""
    item: Annotated[str, Choice("`equipment` (设备) or `appliance` (器具): the default of `kind`",
                                EQUIPMENT_KINDS)] = "equipment"
    useful_life_years: Annotated[int, Integer("the life the accounts depreciate it over, for the default of "
                                              "`book_depreciation`", minimum=1, maximum=100)] = 10
    book_depreciation: Annotated[Decimal | None, Amount("depreciation charged in the accounts this year; "
                                                        "default: straight line over `useful_life_years` "
                                                        "from the month after `in_use`, no residual "
                                                        "value")] = None
    in_use: Annotated[_dt.date | None, Date("the day it was put into use (投入使用); default: `acquired_on`")] = None
    kind: Annotated[str, Choice("class of its minimum tax life (实施条例 第六十条): `buildings` 20 years, "
                                "`machinery` 10, `tools` 5, `vehicles` 4, `electronics` 3; default: "
                                "`machinery` for `equipment`, `tools` for an `appliance`",
                                ASSET_CLASSES)] = ""
    acquisition: Annotated[str, Choice("`purchase`, `instalment`, `self_built`, or `other` (donated, "
                                       "contributed, exchanged: not bought, no one-time deduction)",
                                       ACQUISITIONS)] = "purchase"
    residual: Annotated[Decimal, Amount("residual value for tax depreciation (预计净残值)")] = _ZERO
    elect_one_time: Annotated[bool, Flag("whether the one-time deduction is chosen where it is available")] = True
    method: DepreciationMethod = "straight_line"
    life_months: LifeMonths = None
    industry: IndustryForAcceleration = ""
    main_business_share: MainBusinessShareInUse = None
    article_98: Article98 = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """residual is not more than cost; the fields of the method go together (as taxcalc.eit.Equipment's)."""
        if self.residual > self.cost:
            yield "residual", f"{self.residual} is more than the cost {self.cost}"
        yield from method_fields_problems(self)

    def tax_asset(self, name: str, industry: str, main_business_share: Decimal,
                  book_depreciation: Decimal = _ZERO) -> TaxAsset:
        """The asset as :class:`taxcalc.eit.Equipment` (``name`` when it has none; ``industry`` and
        ``main_business_share`` standing in for those left out, with a method)."""
        chosen = self.method != "straight_line"
        share = self.main_business_share
        return TaxAsset(self.name or name, self.cost, self.kind or ASSET_CLASS_OF_KIND[self.item],
                        acquired_on=self.acquired_on, in_use=self.in_use or self.acquired_on,
                        acquisition=self.acquisition, residual=self.residual, elect_one_time=self.elect_one_time,
                        book_depreciation=book_depreciation, method=self.method, life_months=self.life_months,
                        industry=(self.industry or industry) if chosen else "",
                        main_business_share=(main_business_share if share is None else share) if chosen else None,
                        article_98=self.article_98)


def acceleration_industry_of(income: Income | None, enterprise: Enterprise | None) -> str:
    """The enterprise's industry for accelerated depreciation (``taxcalc.eit.ACCELERATION_INDUSTRIES``).

    From ``income.industry`` when given (:func:`taxcalc.eit.accelerated_depreciation.acceleration_industry`),
    else from the GB/T 4754 code ``enterprise.industry``
    (:func:`taxcalc.eit.accelerated_depreciation.industry_of_code`: the six industries of 财税〔2014〕75号,
    any other manufacturing, or other).  An ``[[equipment]]`` row's own ``industry``
    comes first.
    """
    if income is not None and income.industry:
        return acceleration_industry(income.industry)
    return industry_of_code(enterprise.industry if enterprise is not None else "")


@record
class Income:
    """The year's accounts, and the facts the income-tax rules test.

    The fields are named as those of :class:`taxcalc.eit.EnterpriseYear`.
    ``industry`` is a code of ``taxcalc.eit.INDUSTRIES`` (``""``: read from
    ``enterprise.industry``); ``industrial`` overrides 工业企业 (``None``: mining,
    manufacturing or utilities).
    """

    profit: Annotated[Decimal, Amount("profit before tax in the accounts (利润总额); may be negative",
                                      sign="any")]
    adjustments: Annotated[Decimal, Amount("net other tax adjustments (纳税调整增加额 − 减少额), + raises "
                                           "taxable income; not the depreciation of the `equipment` "
                                           "listed nor the R&D super-deduction, which the report "
                                           "computes", sign="any")] = _ZERO
    industry: Annotated[str, Choice("the main business for the income-tax rules "
                                    "(taxcalc.eit.INDUSTRIES); default: read from `enterprise.industry`",
                                    main_businesses)] = ""
    main_business_share: Annotated[Decimal, Rate("main-business income as a share of income "
                                                 "(主营业务收入占比)")] = Decimal(1)
    industrial: Annotated[bool | None, Flag("工业企业 for the small low-profit caps before 2019; default: "
                                            "mining, manufacturing or utilities")] = None
    restricted: Annotated[bool, Flag("in a restricted or prohibited industry (no small low-profit "
                                     "relief)")] = False
    ic_machine: Annotated[bool, Flag("on the list of integrated-circuit or industrial mother-machine "
                                     "enterprises (2023–2027 R&D ratio)")] = False
    wages: Annotated[Decimal | None, Amount("wages and salaries of the year (工资薪金总额), for the employee "
                                            "education cap; give it with `education_expenses`")] = None
    education_expenses: Annotated[Decimal | None, Amount("employee education expenses of the year "
                                                         "(职工教育经费支出), in the profit: the report computes "
                                                         "their adjustment (leave it out of `adjustments`)")] = None
    education_brought_forward: Annotated[Decimal, Amount("employee education expenses carried forward from "
                                                         "earlier years (以前年度结转)")] = _ZERO
    venture_brought_forward: Annotated[Decimal, Amount("venture-capital deduction carried forward from earlier "
                                                       "years (以前年度结转的创业投资抵扣额)")] = _ZERO
    hardship_tests: Annotated[tuple[HardshipExtensionInput, ...], Rows(
        "facts of the 2020 hardship-industry test of each loss marked `hardship` (2020年第8号 第四条; "
        "`[[income.hardship_tests]]`)", HardshipExtensionInput, max_items=MAX_ROWS)] = ()
    inherited_losses: Annotated[tuple[InheritedLosses, ...], Rows(
        "losses taken over in a special-treatment merger or division (财税〔2009〕59号; "
        "`[[income.inherited_losses]]`)", InheritedLosses, max_items=MAX_ROWS)] = ()

    def checks(self) -> Iterator[tuple[str, str]]:
        """wages and education_expenses together; a carry-forward with the year's expenses."""
        if (self.wages is None) != (self.education_expenses is None):
            yield ("wages" if self.wages is None else "education_expenses",
                   "give both wages and education_expenses for the employee education cap")
        elif self.education_brought_forward and self.education_expenses is None:
            yield "education_expenses", ("missing: education_brought_forward is deducted within the year's cap; "
                                         "give wages and education_expenses")


def _percent(rate: Decimal) -> str:
    """A rate as a percentage: ``0.175`` → ``17.5%``."""
    shown = f"{rate.scaleb(2, context=CONTEXT).normalize(context=CONTEXT):f}"
    return f"{shown}%"


@record
class Export:
    """Goods exported on one day (by the date on the customs declaration, 报关单出口日期).

    A manufacturer (免抵退) may give the duty-free materials used (``exempt_materials``,
    ``bonded_materials`` for 进料加工); a trading firm (免退) gives the purchase of the
    goods exported (``purchase_amount`` at ``purchase_vat_rate``).
    """

    date: Annotated[_dt.date, Date("export date on the customs declaration (报关单出口日期)")]
    fob: Annotated[Decimal, Amount("FOB value in yuan (离岸价 × 外汇人民币折合率)", sign="positive")]
    hs_code: Annotated[str, Code("a commodity code (商品代码): 8 to 10 digits, as a string, looked up in the "
                                 "catalogue", pattern=r"^[0-9]{8,10}$", example="22029900")] = ""
    description: Annotated[str, Text("what was exported")] = ""
    rebate_rate: Annotated[Decimal | None, Rate("the rebate rate (退税率), when not taken from the catalogue; "
                                                "at most 17%")] = None
    purchase_vat_rate: Annotated[Decimal | None, Rate("trader: the VAT rate on the purchase invoice, at most "
                                                      "17%; required for a trader")] = None
    band: Annotated[str, Choice("the goods' VAT band: its rate on the export date is the levy rate (征税率)",
                                bands)] = "standard"
    exempt_materials: Annotated[Decimal, Amount("manufacturer: domestic materials bought free of VAT for these "
                                                "goods (免税购进原材料)")] = _ZERO
    bonded_materials: Annotated[Decimal, Amount("manufacturer: bonded imports of 进料加工 for these goods, at "
                                                "their composite taxable value (保税进口料件组成计税价格)")] = _ZERO
    allocation_rate: Annotated[Decimal | None, Rate("manufacturer, 进料加工 by the consumption method (实耗法): "
                                                    "the allocation rate (分配率); the bonded imports are then "
                                                    "fob × rate, instead of bonded_materials")] = None
    purchase_amount: Annotated[Decimal | None, Amount("trader: the purchase of these goods excluding VAT "
                                                      "(退税计税依据); required for a trader")] = None
    supplier_collection_rate: Annotated[Decimal | None, Rate("trader: the collection rate of a small-scale "
                                                             "seller (caps the rebate rate), at most "
                                                             "17%")] = None
    basis: Annotated[str, Choice("trader: `invoice` (增值税专用发票) or `customs` (海关进口增值税专用缴款书)",
                                 EXPORT_BASES)] = "invoice"

    def checks(self) -> Iterator[tuple[str, str]]:
        """The rates are at most 17%; hs_code or rebate_rate is given, not both; band is not an export band."""
        for name in ("rebate_rate", "purchase_vat_rate", "supplier_collection_rate"):
            rate = getattr(self, name)
            if rate is not None and rate > MAX_EXPORT_RATE:
                yield name, f"{_percent(rate)} is above 17%, the highest VAT rate there has been"
        if not self.hs_code and self.rebate_rate is None:
            yield "", "give hs_code (to look the rebate rate up) or rebate_rate"
        if self.hs_code and self.rebate_rate is not None:
            yield "rebate_rate", "give either hs_code (looked up in the catalogue) or rebate_rate, not both"
        if self.allocation_rate is not None and self.bonded_materials:
            yield "allocation_rate", "give either bonded_materials or allocation_rate (which computes them), not both"
        if self.band in ("export", "cross_border_services"):
            yield "band", ("the levy rate is the goods' domestic VAT rate: name the band they would be taxed "
                           "in at home (e.g. standard)")


def _super_credit_policies() -> tuple[str, ...]:
    from ..vat.super_credit import SUPER_CREDIT_POLICIES

    return SUPER_CREDIT_POLICIES


def _refund_categories() -> tuple[str, ...]:
    from ..vat.excess_credit_refund import REFUND_CATEGORIES

    return REFUND_CATEGORIES


def _sizes() -> tuple[str, ...]:
    from ..vat.excess_credit_refund import SIZES

    return SIZES


@record
class ExcessCreditRefundClaim:
    """An application for the refund of excess input credit from 2019 (留抵退税), in the report year.

    The end credits of the report year's months come from the report's own VAT
    periods; December of the year before is ``[vat] opening_credit``; the months before
    it are ``earlier_end_credits``.
    """

    applied_on: Annotated[_dt.date, Date("the day of the application, in the report year")]
    category: Annotated[str, Choice("the taxpayer's category: general, advanced_manufacturing, small_micro, "
                                    "listed_industry or real_estate", _refund_categories)]
    credit_rating: Annotated[str, Choice("tax credit rating (纳税信用等级): A, B, M, C or D", CREDIT_RATINGS)]
    listed_input_tax: Annotated[Decimal, Amount("input composition: VAT on special invoices, customs and "
                                                "withholding certificates deducted since 2019-04")]
    total_input_tax: Annotated[Decimal, Amount("input composition: all input VAT deducted since 2019-04")]
    toll_road_input_tax: Annotated[Decimal, Amount("input composition: VAT on toll-road e-invoices deducted")] = _ZERO
    base_credit: Annotated[Decimal, Amount("the end credit of 2019-03-31")] = _ZERO
    prior_year_end_credit: Annotated[Decimal | None, Amount("from 2025-09 (general): the end credit of 12-31 of the "
                                                            "year before the last month")] = None
    industry_sales_share: Annotated[Decimal | None, Rate("the share of sales in the category's listed "
                                                         "industries")] = None
    size: Annotated[str | None, Choice("the enterprise's size: micro, small, medium or large", _sizes)] = None
    stock_refunded: Annotated[bool, Flag("the one-off stock credit was refunded before (2022)")] = False
    excluded: Annotated[bool, Flag("an exclusion applies (fraud, two tax-evasion penalties in 36 months, "
                                   "即征即退 or 先征后返 since 2019-04-01)")] = False
    earlier_end_credits: Annotated[tuple[Decimal, ...], ListOf(
        "end credits of the months before December of the year before, oldest first (the last is November)",
        Amount("an end credit"), noun="amounts", max_items=24)] = ()


@record
class Vat:
    """VAT facts that are not monthly: the excess input credit brought into the year, the super-credit
    policy and the refund of excess credit applied for."""

    #: 上年末期末留抵税额: the excess input VAT carried into January.
    opening_credit: Annotated[Decimal, Amount("excess input VAT carried into January (上年末期末留抵税额)")] = _ZERO
    #: 加计抵减: the one super-credit policy of the year (none by default).
    super_credit_policy: Annotated[str | None, Choice(
        "the input-VAT super-credit policy of the year (加计抵减): production_services, living_services, "
        "advanced_manufacturing, integrated_circuit or mother_machine", _super_credit_policies)] = None
    super_credit_sales_share: Annotated[Decimal | None, Rate(
        "services policies: the services' share of all sales of the year before, e.g. 80%")] = None
    super_credit_brought_forward: Annotated[Decimal, Amount(
        "the super-credit balance carried into January (上年末加计抵减额余额)")] = _ZERO
    #: 留抵退税 from 2019: an application in the report year.
    excess_credit_refund: Annotated[ExcessCreditRefundClaim | None, Nested(
        "the refund of excess input credit applied for in the year (`[vat.excess_credit_refund]`)",
        ExcessCreditRefundClaim)] = None
    #: 小微企业贷款利息免征增值税: the method chosen for the year's `[[small_loans]]`.
    small_loan_method: Annotated[str | None, Choice(
        "with [[small_loans]]: the method chosen for the year, per_loan_rate (方法（一）) or split (方法（二）)",
        LOAN_METHODS)] = None
    small_loan_lender_qualifies: Annotated[bool, Flag(
        "with [[small_loans]]: the enterprise is a lender of 财税〔2018〕91号 第二条 (or 2023年第16号 第二条)")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """A services super-credit has its share of sales; a balance brought forward has its policy."""
        if self.super_credit_policy in ("production_services", "living_services") \
                and self.super_credit_sales_share is None:
            yield "super_credit_sales_share", f"missing: needed for the {self.super_credit_policy} super-credit"
        if self.super_credit_policy is None and self.super_credit_brought_forward:
            yield "super_credit_policy", "missing: a super-credit balance is brought forward"


@record
class ExcessCreditRefund2018:
    """An application for the 2018 refund of excess input credits (财税〔2018〕70号)."""

    applied_on: Annotated[_dt.date, Date("the day the refund was applied for (2018-06-27 to 2018-09-30)")]
    credit_rating: Annotated[str, Choice("tax credit rating (纳税信用等级): A, B, M, C or D", CREDIT_RATINGS)]
    listed_input_tax: Annotated[Decimal, Amount("input VAT deducted on special invoices, customs and "
                                                "withholding vouchers over the ratio period (2015–2017, or "
                                                "since registration)")]
    total_input_tax: Annotated[Decimal, Amount("all input VAT deducted over the same period")]
    industry: Annotated[str, Text("the industry division (大类) on the tax registration, as named in the "
                                  "notice's annex, e.g. 专用设备制造业; required unless `grid_company`")] = ""
    grid_company: Annotated[bool, Flag("a grid company holding a transmission or supply licence")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """industry is given unless grid_company; listed_input_tax is not more than total_input_tax."""
        if not self.industry and not self.grid_company:
            yield "industry", ("missing (required unless grid_company = true): the industry division on the "
                               "tax registration")
        if self.listed_input_tax > self.total_input_tax:
            yield "listed_input_tax", f"{self.listed_input_tax} exceeds total_input_tax {self.total_input_tax}"


class _Format(Field):
    """The input format version: :data:`FORMAT_VERSION`, or 1 (the deprecated spelling); the schema states 2."""

    kind = "integer"

    def _read(self, raw: object, path: str, problems: list[Problem]) -> Any:
        if type(raw) is int and raw in (1, FORMAT_VERSION):
            return raw
        problems.append(Problem(path, f"this version reads format {FORMAT_VERSION} (and format 1, the deprecated "
                                      f"spelling) (got {shown(raw)})"))
        return BAD

    def _schema(self) -> dict[str, Any]:
        return {"type": "integer", "const": FORMAT_VERSION}


#: Format 1, the deprecated spelling: table → {the format-1 name: the format-2 name}.  Format 2
#: names each fact the income-tax rules take as :mod:`taxcalc.eit` does; a format-1 file is read
#: by renaming its fields (all of a table at once: an equipment's ``kind`` became ``item`` when
#: ``asset_class`` became ``kind``), and its problems name the fields as the file spells them.
FORMAT_1_NAMES: dict[str, dict[str, str]] = {
    "qualifications": {"from": "first", "to": "last", "certificate": "number"},
    "equipment": {"acquired": "acquired_on", "description": "name", "depreciation_booked": "book_depreciation",
                  "kind": "item", "asset_class": "kind"},
    "income": {"accounting_profit": "profit", "other_adjustments": "adjustments", "main_business": "industry"},
    "enterprise": {"total_assets": "assets"},
}
#: A path to a field of a renamed table, as a message may name it.
_PATH_RE = re.compile(rf"\b({'|'.join(FORMAT_1_NAMES)})((?:\[[0-9]+\])?)\.([a-z_]+)\b")
#: A format-2 name in a format-1 file is unknown there: it is read under this mark.
_NEW_IN_1 = "\x00"


def _from_format_1(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` of a format-1 file with the format-2 names (and its format-2 names marked unknown)."""
    out = dict(data)
    for table, names in FORMAT_1_NAMES.items():
        raw = out.get(table)
        if isinstance(raw, Mapping):
            out[table] = _renamed(raw, names)
        elif isinstance(raw, list | tuple):
            out[table] = [_renamed(row, names) for row in raw]
    return out


def _renamed(row: object, names: Mapping[str, str]) -> object:
    """A table of a format-1 file with its fields renamed all at once; a format-2 name marked unknown."""
    if not isinstance(row, Mapping):
        return row
    new_only = set(names.values()) - set(names)
    return {names.get(k, k + _NEW_IN_1 if k in new_only else k): v for k, v in row.items()}


def _format_1_names(table: str) -> list[str]:
    """The field names of ``table`` as format 1 spelt them."""
    old = {v: k for k, v in FORMAT_1_NAMES[table].items()}
    return sorted(old.get(f.name, f.name) for f in spec(TABLES[table]))


def as_format_1(problem: Problem) -> Problem:
    """``problem`` with its field named as a format-1 file spells it (and its did-you-mean in format 1's names).

    >>> as_format_1(Problem("equipment[2].acquired_on", "2019-01-01 is after the report year 2018"))
    Problem(path='equipment[2].acquired', reason='2019-01-01 is after the report year 2018')
    >>> as_format_1(Problem("qualifications[0].last", "2018-04-30 is before 'first' 2018-05-01"))
    Problem(path='qualifications[0].to', reason="2018-04-30 is before 'from' 2018-05-01")
    """
    head, dot, name = problem.path.rpartition(".")
    table = head.partition("[")[0]
    names = FORMAT_1_NAMES.get(table)
    if not dot or names is None:
        return Problem(problem.path, _paths_in_format_1(problem.reason))
    old = {v: k for k, v in names.items()}
    reason = problem.reason
    if reason.startswith("unknown field;"):
        name = name.removesuffix(_NEW_IN_1)
        known = _format_1_names(table)
        near = difflib.get_close_matches(name, known, n=1)
        reason = "unknown field; " + (f"did you mean {near[0]!r}?" if near else f"expected one of: {', '.join(known)}")
    else:
        name = old.get(name, name)
        reason = re.sub(r"'([a-z_]+)'", lambda m: f"'{old.get(m[1], m[1])}'", reason)
    return Problem(f"{head}.{name}", _paths_in_format_1(reason))


def _paths_in_format_1(reason: str) -> str:
    """The fields a message names by path (``enterprise.assets``), as format 1 spelt them."""
    def spelt(m: re.Match[str]) -> str:
        old = {new: was for was, new in FORMAT_1_NAMES[m[1]].items()}
        return f"{m[1]}{m[2]}.{old.get(m[3], m[3])}"

    return _PATH_RE.sub(spelt, reason)


def _renamed_in_2(problem: Problem) -> Problem:
    """A problem of a format-2 file: a field spelt as in format 1 gets the did-you-mean of its format-2 name."""
    head, dot, name = problem.path.rpartition(".")
    table = head.partition("[")[0]
    names = FORMAT_1_NAMES.get(table)
    if not dot or names is None:
        return problem
    if name in names and problem.reason.startswith("unknown field;"):
        return Problem(problem.path, f"unknown field; did you mean {names[name]!r}? ({name!r} is the spelling of "
                                     "format 1)")
    for item in EQUIPMENT_KINDS:
        if table == "equipment" and name == "kind" and problem.reason.startswith(f"unknown value {item!r};"):
            return Problem(problem.path, f"{problem.reason} (kind is the class of the minimum tax life; "
                                         f"write item = {item!r}, as format 2 names it)")
    return problem


@record
class ReportInput:
    """One enterprise's facts for one tax year: everything ``taxcalc report`` reads."""

    year: Annotated[int, Integer("the tax year reported on", minimum=YEAR_FIRST, maximum=YEAR_LAST)]
    enterprise: Annotated[Enterprise, Nested("who the enterprise is (`[enterprise]`)", Enterprise)]
    qualifications: Annotated[tuple[Qualification, ...], Rows(
        "qualifications held (`[[qualifications]]`)", Qualification, max_items=MAX_ROWS)] = ()
    sales: Annotated[tuple[Sale, ...], Rows("sales by month and band (`[[sales]]`)", Sale,
                                            max_items=MAX_ROWS)] = ()
    purchases: Annotated[tuple[Purchase, ...], Rows("purchases with input VAT by month (`[[purchases]]`)",
                                                    Purchase, max_items=MAX_ROWS)] = ()
    rd: Annotated[RD | None, Nested("research and development spending (`[rd]`)", RD)] = None
    equipment: Annotated[tuple[Equipment, ...], Rows("fixed assets (`[[equipment]]`)", Equipment,
                                                     max_items=MAX_ROWS)] = ()
    losses: Annotated[tuple[Loss, ...], Rows("losses brought forward (`[[losses]]`)", Loss,
                                             max_items=MAX_ROWS)] = ()
    income: Annotated[Income | None, Nested("the year's accounts (`[income]`)", Income)] = None
    quarters: Annotated[tuple[Quarter, ...], Rows("employees and assets by quarter (`[[quarters]]`)", Quarter,
                                                  max_items=4)] = ()
    months: Annotated[tuple[MonthFigures, ...], Rows("employees and assets by month, 2008–2016 (`[[months]]`)",
                                                     MonthFigures, max_items=12)] = ()
    exports: Annotated[tuple[Export, ...], Rows("goods exported (`[[exports]]`)", Export,
                                                max_items=MAX_ROWS)] = ()
    tech_transfers: Annotated[tuple[TechnologyTransfer, ...], Rows(
        "technology transfers of the year, their income in the profit (`[[tech_transfers]]`)", TechnologyTransfer,
        max_items=MAX_ROWS)] = ()
    projects: Annotated[tuple[Project, ...], Rows(
        "public-infrastructure and environmental projects, income accounted for separately (`[[projects]]`)",
        Project, max_items=MAX_ROWS)] = ()
    venture_investments: Annotated[tuple[VentureInvestment, ...], Rows(
        "a venture-capital enterprise's equity investments (`[[venture_investments]]`)", VentureInvestment,
        max_items=MAX_ROWS)] = ()
    small_loans: Annotated[tuple[SmallLoan, ...], Rows(
        "a lender's loans to small and micro businesses and their interest of the year (`[[small_loans]]`)",
        SmallLoan, max_items=MAX_ROWS)] = ()
    environmental_tax: Annotated[tuple[EnvironmentalTaxInput, ...], Rows(
        "environmental protection tax by month: each outlet's pollutants and their tax before the reductions "
        "(`[[environmental_tax]]`)", EnvironmentalTaxInput, max_items=12)] = ()
    vat: Annotated[Vat, Nested("VAT facts that are not monthly (`[vat]`)", Vat)] = Vat()
    excess_credit_refund_2018: Annotated[ExcessCreditRefund2018 | None, Nested(
        "the 2018 refund of excess input credits (`[excess_credit_refund_2018]`)", ExcessCreditRefund2018)] = None
    #: The rebate-rate catalogue: a path (relative to the input file) or ``"sample"``; ``""``: none.
    catalogue: Annotated[str, Text("the export rebate-rate catalogue: a .csv or .toml path relative to this "
                                   "file, or \"sample\" for the shipped SAMPLE catalogue",
                                   max_length=1000)] = ""
    #: The input format version (required in a file; see :data:`FORMAT_VERSION`).
    format: Annotated[int, _Format("the input format version")] = FORMAT_VERSION
    #: Where the facts were read from (a file name), shown in the report.
    source: str = field(default="", compare=False, init=False)
    #: The directory a relative ``catalogue`` path is read from (the input file's; ``""``: the working one).
    base_dir: str = field(default="", compare=False, init=False)

    def holds(self, kind: str, on: _dt.date) -> bool:
        """Whether a qualification of ``kind`` covers the day ``on``."""
        return any(q.kind == kind and q.first <= on <= q.last for q in self.qualifications)

    def checks(self) -> Iterator[tuple[str, str]]:
        """Checks across tables.

        Months and dates of sales, purchases and exports are in the report year; a
        month, band and kind (and day) of sales appears once; special-invoice sales and
        per-transaction filing are a small-scale taxpayer's, whose per-transaction rows
        name their day (and only those), and the rows of one period give one rate of
        special invoice; equipment is acquired by the end
        of the year; losses arose in the 10 years before it, each year once;
        enterprise.opened is not after the year nor closed before it; quarters
        appear once each, one for every quarter the enterprise operated, and not
        with the annual averages; months likewise (2008–2016), and not with quarters;
        quarters or months as the year's law averages (by month to 2016); the income-tax size test has both annual averages
        (or quarters); exports need an exporter, and the fields of a manufacturer
        or of a trader; the 2018 refund is of 2018, of a general taxpayer, with
        enterprise.registered not after applied_on; the law data covers the year,
        the income of the year, and the days of sales (with their special invoices and, per transaction, their
        day), purchases, exports, equipment
        (acquired_on and in_use) and excess_credit_refund_2018 it is read on; tech_transfers, projects
        and venture_investments come with [income]: a transfer's income_date is in the year, an
        investment's registered_on and a project's first_income_year not after it, and the law data
        covers the preferences they take (with income.education_expenses and
        income.venture_brought_forward); each income.hardship_tests row tests a loss of [[losses]]
        marked hardship, once; the amounts added up stay below 10^15 yuan.
        """
        return _across(_View.of(self))


_LISTS = ("qualifications", "sales", "purchases", "equipment", "losses", "quarters", "exports", "tech_transfers",
          "projects", "venture_investments", "small_loans", "environmental_tax", "months")
#: The lists of income-tax facts that need ``[income]``.
_INCOME_LISTS = ("tech_transfers", "projects", "venture_investments")


@dataclass(frozen=True, slots=True)
class _View:
    """What the checks across tables see: the parts that read cleanly, each row with its position."""

    year: int | None
    enterprise: Enterprise | None
    rows: Mapping[str, Sequence[tuple[int, Any]]]
    #: The lists all of whose rows read cleanly.
    complete: frozenset[str]
    rd: RD | None
    income: Income | None
    vat: Vat | None
    claim: ExcessCreditRefund2018 | None
    #: The input format version (the checks' messages name a field as the file spells it).
    format: int | None
    #: Whether the input has ``[income]`` (read cleanly or not).
    income_given: bool = True

    def spelt(self, table: str, name: str) -> str:
        """Field ``name`` of ``table`` as the file spells it."""
        if self.format == 1:
            return {new: was for was, new in FORMAT_1_NAMES.get(table, {}).items()}.get(name, name)
        return name

    @classmethod
    def of(cls, facts: ReportInput) -> _View:
        rows = {name: tuple(enumerate(getattr(facts, name))) for name in _LISTS}
        return cls(facts.year, facts.enterprise, rows, frozenset(_LISTS), facts.rd, facts.income, facts.vat,
                   facts.excess_credit_refund_2018, facts.format, facts.income is not None)

    @classmethod
    def partial(cls, data: Mapping[str, Any]) -> _View:
        """The parts of ``data`` that read cleanly (their problems are reported already)."""
        scratch: list[Problem] = []
        parts: dict[str, Any] = {}
        rows: dict[str, Sequence[tuple[int, Any]]] = {}
        complete = set()
        for fs in spec(ReportInput):
            raw = data.get(fs.name, BAD)
            if isinstance(fs.field, Rows):
                got = [] if raw is BAD or not isinstance(raw, list | tuple) else [
                    (i, fs.field.read([item], fs.name, scratch)) for i, item in enumerate(raw)]
                rows[fs.name] = tuple((i, r[0]) for i, r in got if r is not BAD)
                if raw is BAD or len(rows[fs.name]) == len(got) == len(raw) <= fs.field.max_items:
                    complete.add(fs.name)
            else:
                value = fs.field.read(raw, fs.name, scratch) if raw is not BAD else None if fs.required else fs.default
                parts[fs.name] = None if value is BAD else value
        return cls(parts["year"], parts["enterprise"], rows, frozenset(complete), parts["rd"], parts["income"],
                   parts["vat"], parts["excess_credit_refund_2018"], parts["format"], "income" in data)


def _in_year(year: int, day: _dt.date, path: str, what: str) -> Iterator[tuple[str, str]]:
    if day.year != year:
        yield path, f"{what} {day.isoformat()[: 7 if what == 'month' else 10]} is not in the report year {year}"


#: The key whose windows are the days the one-off refund of 2018 was applied for and made.
_REFUND_2018_KEY = "vat.excess_credit_refund_2018.industries"


def _refund_2018_year(year: int) -> Iterator[tuple[str, str]]:
    """A refund claim in a year the law data give the one-off refund of 2018 no window in is refused,
    naming the document and the years it was made in (from the windows of :data:`_REFUND_2018_KEY`)."""
    from ..law import default

    windows = [v for v in default().history(_REFUND_2018_KEY) if not v.gap]
    years = sorted({y for v in windows for y in range(v.first.year, (v.last or v.first).year + 1)})
    if year in years:
        return
    docs = "、".join(dict.fromkeys(v.citation.doc for v in windows))
    yield "excess_credit_refund_2018", (f"the refund of {docs} was made in {', '.join(map(str, years))} only, "
                                        f"not in {year}")


def _across(v: _View) -> Iterator[tuple[str, str]]:
    """The checks across tables (see :meth:`ReportInput.checks`), on the parts of ``v``."""
    year, ent = v.year, v.enterprise
    if year is not None:
        yield from _dated(v, year)
    if ent is not None:
        yield from _exporter(v, ent)
        yield from _small_scale_sales(v, ent)
    if year is not None and ent is not None:
        yield from _income(v, year, ent)
    claim = v.claim
    if claim is not None:
        if year is not None:
            yield from _refund_2018_year(year)
        if ent is not None and ent.vat_taxpayer == "small_scale":
            yield "excess_credit_refund_2018", "a small-scale taxpayer has no input credit to refund"
    yield from _vat_credits(v, year, ent, claim)
    yield from _other_preferences(v, year)
    yield from _hardship_marks(v)
    if year is not None and v.income is not None:
        for path, why in inherited_by_year(v.income.inherited_losses, year):
            yield f"income.inherited_losses{path}", why
    if not v.income_given:
        for name in _INCOME_LISTS:
            if v.rows[name]:
                yield name, "income-tax facts: they need [income] (the year's profit)"
    yield from _covered(v)
    yield from _total(v)


def _hardship_marks(v: _View) -> Iterator[tuple[str, str]]:
    """Each ``[[income.hardship_tests]]`` row tests a loss of ``[[losses]]`` marked ``hardship``, once."""
    income = v.income
    if income is None or not income.hardship_tests or "losses" not in v.complete:
        return
    marked = {loss.year for _, loss in v.rows["losses"] if loss.extension == "hardship"}
    for i, why in unmatched_tests(income.hardship_tests, marked, "in [[losses]]"):
        yield f"income.hardship_tests[{i}].year", why


def _other_preferences(v: _View, year: int | None) -> Iterator[tuple[str, str]]:
    """Small loans have their method, their interest in the report year; environmental tax months are in the
    year, each once."""
    vat = v.vat
    if v.rows["small_loans"] and vat is not None and vat.small_loan_method is None:
        yield "vat.small_loan_method", "missing: needed for [[small_loans]] (one method for the year)"
    if year is None:
        return
    for i, loan in v.rows["small_loans"]:
        yield from _in_year(year, loan.interest_date, f"small_loans[{i}].interest_date", "day")
    months: set[_dt.date] = set()
    for i, m in v.rows["environmental_tax"]:
        yield from _in_year(year, m.month, f"environmental_tax[{i}].month", "month")
        if m.month in months:
            yield f"environmental_tax[{i}].month", f"the month {m.month.isoformat()[:7]} is given twice"
        months.add(m.month)


def _vat_credits(v: _View, year: int | None, ent: Enterprise | None,
                 claim: ExcessCreditRefund2018 | None) -> Iterator[tuple[str, str]]:
    """The super-credit and the refund of excess credit are a general taxpayer's; the refund is a monthly
    filer's, in the report year, and not with the 2018 refund."""
    vat = v.vat
    if vat is None:
        return
    general = ent is None or ent.vat_taxpayer == "general"
    if vat.super_credit_policy is not None and not general:
        yield "vat.super_credit_policy", "a small-scale taxpayer has no input credit to add to"
    c = vat.excess_credit_refund
    if c is None:
        return
    if year is not None:
        yield from _in_year(year, c.applied_on, "vat.excess_credit_refund.applied_on", "day")
    if not general:
        yield "vat.excess_credit_refund", "a small-scale taxpayer has no input credit to refund"
    elif ent is not None and ent.vat_period != "month":
        yield "vat.excess_credit_refund", "taxcalc computes the refund of excess credit for monthly filers only"
    if claim is not None:
        yield "vat.excess_credit_refund", "give either the 2018 refund or this one, not both"


def _dated(v: _View, year: int) -> Iterator[tuple[str, str]]:
    """Rows inside (or, for equipment and losses, before) the report year."""
    seen: dict[tuple[_dt.date, str, str, _dt.date | None], int] = {}
    for i, s in v.rows["sales"]:
        yield from _in_year(year, s.month, f"sales[{i}].month", "month")
        k = (s.month, s.band, s.kind, s.day)
        if k in seen:
            yield f"sales[{i}]", (f"repeats sales[{seen[k]}] (same month, band and kind"
                                  f"{', and day' if s.day is not None else ''}); add them up")
        seen[k] = i
    for i, p in v.rows["purchases"]:
        yield from _in_year(year, p.month, f"purchases[{i}].month", "month")
    for i, e in v.rows["equipment"]:
        if e.acquired_on.year > year:
            yield f"equipment[{i}].acquired_on", f"{e.acquired_on} is after the report year {year}"
    loss_years: dict[int, int] = {}
    for i, loss in v.rows["losses"]:
        if loss.year >= year:
            yield f"losses[{i}].year", f"{loss.year} is not before the report year {year}"
        elif loss.year < year - 10:
            yield f"losses[{i}].year", f"{loss.year} is more than 10 years before {year}; no rule carries it that far"
        if loss.year in loss_years:
            yield f"losses[{i}].year", f"{loss.year} repeats losses[{loss_years[loss.year]}]"
        loss_years[loss.year] = i
    for i, x in v.rows["exports"]:
        yield from _in_year(year, x.date, f"exports[{i}].date", "date")
    for i, t in v.rows["tech_transfers"]:
        yield from _in_year(year, t.income_date, f"tech_transfers[{i}].income_date", "day")
    for i, inv in v.rows["venture_investments"]:
        if inv.registered_on.year > year:
            yield f"venture_investments[{i}].registered_on", f"{inv.registered_on} is after the report year {year}"
    for i, p in v.rows["projects"]:
        if p.first_income_year > year:
            yield f"projects[{i}].first_income_year", f"{p.first_income_year} is after the report year {year}"


def _exporter(v: _View, ent: Enterprise) -> Iterator[tuple[str, str]]:
    """Exports need an exporter, and the fields of its kind."""
    exports = v.rows["exports"]
    if exports and ent.exporter == "none":
        yield "enterprise.exporter", "is 'none' but the input lists exports; write 'manufacturer' or 'trader'"
    for i, x in exports:
        if ent.exporter == "trader":
            for name in ("exempt_materials", "bonded_materials"):
                if getattr(x, name):
                    yield f"exports[{i}].{name}", "only for a manufacturer (免抵退); a trader's refund rests on its purchase"
            for name in ("purchase_amount", "purchase_vat_rate"):
                if getattr(x, name) is None:
                    yield f"exports[{i}].{name}", "missing (required for a trader, whose refund rests on its purchase)"
        elif ent.exporter == "manufacturer":
            for name in ("purchase_amount", "purchase_vat_rate", "supplier_collection_rate"):
                if getattr(x, name) is not None:
                    yield f"exports[{i}].{name}", "only for a trader (免退); a manufacturer's refund rests on the FOB value"
            if x.basis != "invoice":
                yield f"exports[{i}].basis", "only for a trader (免退)"
            materials = CONTEXT.add(x.exempt_materials, x.bonded_materials)
            if materials > x.fob:
                yield (f"exports[{i}].exempt_materials" if x.exempt_materials else f"exports[{i}].bonded_materials",
                       f"duty-free materials {materials} exceed the FOB value {x.fob}; 免抵退税额 would be negative")


def small_scale_period(sale: Sale, vat_period: str) -> _dt.date:
    """The first day of the small-scale period of a sales row: its month, quarter or (per transaction) day."""
    if vat_period == "transaction":
        return sale.day if sale.day is not None else sale.month
    return _calendar.quarter_start(sale.month) if vat_period == "quarter" else sale.month


def _small_scale_sales(v: _View, ent: Enterprise) -> Iterator[tuple[str, str]]:
    """Special-invoice sales and per-transaction filing are a small-scale taxpayer's; a per-transaction filer's
    rows name their day, and no other rows do; the rows of one period agree on the rate of their special
    invoices (the rule takes one choice a period)."""
    small = ent.vat_taxpayer == "small_scale"
    transaction = ent.vat_period == "transaction"
    if transaction and not small:
        yield "enterprise.vat_period", "transaction: only a small-scale taxpayer files per transaction (按次纳税)"
    rates: dict[_dt.date, tuple[int, str]] = {}
    for i, s in v.rows["sales"]:
        if s.special_invoice_sales and not small:
            yield (f"sales[{i}].special_invoice_sales", "only for a small-scale taxpayer (enterprise.vat_taxpayer = "
                                                        "\"small_scale\"): a general taxpayer's sales are all taxed")
        if transaction and small and s.day is None:
            yield f"sales[{i}].day", "missing: a per-transaction filer's rows name the day of the transaction"
        if s.day is not None and not transaction:
            yield f"sales[{i}].day", "only for a per-transaction filer (enterprise.vat_period = \"transaction\")"
        if s.special_invoice_sales:
            start = small_scale_period(s, ent.vat_period)
            j, rate = rates.setdefault(start, (i, s.special_invoice_rate))
            if rate != s.special_invoice_rate:
                yield (f"sales[{i}].special_invoice_rate", f"{s.special_invoice_rate} differs from sales[{j}] of the "
                                                           f"same period ({rate}): one rate for a period's special "
                                                           "invoices")


def _covered_small_scale(i: int, s: Sale, vat_period: str, law: Law) -> Iterator[tuple[str, str]]:
    """A small-scale row's period is one the law data computes: the threshold it is tested against, and for
    special invoices the waiver (from 2019), the rate given up to (``full``) and a band at the 3% rate."""
    from ..vat import small_scale_exemption as _small_scale
    from ..vat import small_scale_special as _special

    start = small_scale_period(s, vat_period)
    try:
        reached = law.value(_small_scale.REACHED_TAXED, start).value is True
        if vat_period == "transaction":
            law.value(_small_scale.START_POINT["transaction"], start)
        else:
            law.value((_small_scale.START_POINT if reached else _small_scale.LIMIT)["month"], s.month)
    except OutsideCoverage as exc:
        yield f"sales[{i}].day" if vat_period == "transaction" else f"sales[{i}].month", str(exc)
        return
    if not s.special_invoice_sales:
        return
    if s.band in _small_scale.REAL_ESTATE_BANDS[reached]:
        yield (f"sales[{i}].special_invoice_sales", f"band {s.band} is outside the sales at the 3% collection rate "
                                                    "that special invoices of the small-scale rule are part of")
    try:
        law.value(_special.EXEMPTION_WAIVED, start)
    except OutsideCoverage as exc:
        yield f"sales[{i}].special_invoice_sales", str(exc)
        return
    if s.special_invoice_rate == "full":
        try:
            law.value(_special.FULL_RATE, start)
        except OutsideCoverage as exc:
            yield f"sales[{i}].special_invoice_rate", f"giving up the reduced rate cannot be computed for {start}: {exc}"


def _income(v: _View, year: int, ent: Enterprise) -> Iterator[tuple[str, str]]:
    """The facts of the income-tax section: the part year and the size figures."""
    opened, closed = ent.opened, ent.closed
    if opened is not None and opened.year > year:
        yield "enterprise.opened", f"{opened} is after the report year {year}"
    if closed is not None and closed.year < year:
        yield "enterprise.closed", f"{closed} is before the report year {year}"
    quarters, months = v.rows["quarters"], v.rows["months"]
    if months:
        yield from _months(v, year, ent)
    if quarters:
        seen: dict[int, int] = {}
        for i, q in quarters:
            if q.quarter is None:
                yield f"quarters[{i}].quarter", "missing (required in a report: the quarter of the year, 1 to 4)"
                continue
            if q.quarter in seen:
                yield f"quarters[{i}].quarter", f"quarter {q.quarter} repeats quarters[{seen[q.quarter]}]"
            seen[q.quarter] = i
        given = [name for name in ("employees", "assets") if getattr(ent, name) is not None]
        if given:
            yield "quarters", f"give either quarters or the annual averages (enterprise.{given[0]}), not both"
        if "quarters" in v.complete and (opened is None or closed is None or opened <= closed):
            wanted = quarters_operated(year, opened, closed)
            missing = [q for q in wanted if q not in seen]
            extra = sorted(q for q in seen if q not in wanted)
            if missing:
                yield "quarters", (f"the enterprise operated in quarter(s) {', '.join(map(str, wanted))} of {year}; "
                                   f"give one row for each (missing: {', '.join(map(str, missing))})")
            if extra:
                yield "quarters", (f"the enterprise did not operate in quarter(s) {', '.join(map(str, extra))} "
                                   f"of {year} (see enterprise.opened and enterprise.closed)")
    elif not months and v.income is not None and (ent.employees is None) != (ent.assets is None):
        missing_name = "employees" if ent.employees is None else "assets"
        yield f"enterprise.{missing_name}", ("missing: the income-tax size test takes both annual averages "
                                             f"(employees and {v.spelt('enterprise', 'assets')}), or [[quarters]]")


def _months(v: _View, year: int, ent: Enterprise) -> Iterator[tuple[str, str]]:
    """``[[months]]``: each numbered, once, one for every month the enterprise operated; not with
    ``[[quarters]]`` nor the annual averages."""
    opened, closed = ent.opened, ent.closed
    seen: dict[int, int] = {}
    for i, m in v.rows["months"]:
        if m.month is None:
            yield f"months[{i}].month", "missing (required in a report: the month of the year, 1 to 12)"
        elif m.month in seen:
            yield f"months[{i}].month", f"month {m.month} repeats months[{seen[m.month]}]"
        else:
            seen[m.month] = i
    if v.rows["quarters"]:
        yield "months", "give either [[months]] (2008–2016) or [[quarters]] (from 2017), not both"
    given = [name for name in ("employees", "assets") if getattr(ent, name) is not None]
    if given:
        yield "months", f"give either months or the annual averages (enterprise.{given[0]}), not both"
    if "months" in v.complete and (opened is None or closed is None or opened <= closed):
        first = opened.month if opened is not None and opened.year == year else 1
        last = closed.month if closed is not None and closed.year == year else 12
        missing = [m for m in range(first, last + 1) if m not in seen]
        extra = sorted(m for m in seen if not first <= m <= last)
        if missing:
            yield "months", (f"the enterprise operated in month(s) {first} to {last} of {year}; give one row "
                             f"for each (missing: {', '.join(map(str, missing))})")
        if extra:
            yield "months", (f"the enterprise did not operate in month(s) {', '.join(map(str, extra))} of {year} "
                             "(see enterprise.opened and enterprise.closed)")


def _averaged_by(v: _View, year: int, law: Law) -> Iterator[tuple[str, str]]:
    """``[[months]]`` in a year the law averages by month (2008–2016), ``[[quarters]]`` in one it averages by
    quarter (``eit.small_profit.averaging``)."""
    given = [name for name in ("months", "quarters") if v.rows[name]]
    if not given:
        return
    try:
        method = law.value("eit.small_profit.averaging", _dt.date(year, 12, 31))
    except OutsideCoverage as exc:
        yield given[0], str(exc)
        return
    wanted = "months" if method.value == "monthly" else "quarters"
    for name in given:
        if name != wanted:
            c = method.citation
            yield name, (f"in {year} employees and total assets are averaged by {wanted[:-1]} ({c.doc} "
                         f"{c.article}): give [[{wanted}]], or enterprise.employees and enterprise.assets "
                         "(the annual averages)")


def _methods_allowed(v: _View, law: Law) -> Iterator[tuple[str, str]]:
    """Each ``[[equipment]]`` row's method is one the law allows for it (:func:`taxcalc.eit.equipment.method_problems`)."""
    inc = v.income
    if inc is None:
        return
    industry = acceleration_industry_of(inc, v.enterprise)
    for i, e in v.rows["equipment"]:
        if e.method == "straight_line":
            continue
        try:
            asset = e.tax_asset(f"equipment[{i}]", industry, inc.main_business_share)
        except InvalidInput:  # its own problems are reported with the row
            continue
        for name, why in method_problems(asset, law=law):
            yield f"equipment[{i}].{name}", why


def _covered(v: _View) -> Iterator[tuple[str, str]]:
    """The days the computation reads the law on are inside what the law data covers.

    Each check is a lookup of the key the computation reads first for that fact,
    so an input refused here would otherwise stop the report when it is built.
    """
    from ..law import default

    law = default()

    def outside(path: str, key: str, day: _dt.date) -> Iterator[tuple[str, str]]:
        try:
            law.value(key, day)
        except OutsideCoverage as exc:
            yield path, str(exc)

    year, ent = v.year, v.enterprise
    if year is not None:
        end = _dt.date(year, 12, 31)
        sector = sector_of(ent.industry, ent.sector)[0] if ent is not None else "commerce"
        yield from outside("year", f"vat.small_scale.standard.{sector}", end)
        if v.income is not None:
            yield from outside("income", "eit.small_profit.band1.limit", end)
        yield from _averaged_by(v, year, law)
    small = ent is not None and ent.vat_taxpayer == "small_scale"
    for i, s in v.rows["sales"]:
        yield from outside(f"sales[{i}].month", "vat.small_scale.levy_rate" if small else f"vat.rate.{s.band}",
                           s.month)
        if small and ent is not None:  # the threshold the period is tested against, special invoices
            yield from _covered_small_scale(i, s, ent.vat_period, law)
    for i, p in v.rows["purchases"]:
        if p.band:
            yield from outside(f"purchases[{i}].month", f"vat.rate.{p.band}", p.month)
        if p.kind == "agricultural":
            key = "vat.agri.deduction_rate_top_rate_goods" if p.use else "vat.agri.deduction_rate"
            yield from outside(f"purchases[{i}].month", key, p.month)
    method = {"manufacturer": "exempt_credit_refund", "trader": "exempt_refund"}.get(ent.exporter if ent else "")
    for i, x in v.rows["exports"]:
        yield from outside(f"exports[{i}].date", f"vat.rate.{x.band}", x.date)
        if method:
            yield from outside(f"exports[{i}].date", f"export.method.{method}", x.date)
    if year is not None and v.income is not None:
        yield from _covered_preferences(v, year, outside)
    for i, loan in v.rows["small_loans"]:
        yield from outside(f"small_loans[{i}].interest_date", "vat.small_loan_interest.credit_limit",
                           loan.interest_date)
    for i, m in v.rows["environmental_tax"]:
        yield from outside(f"environmental_tax[{i}].month", "environment.reduction.lower_threshold", m.month)
    for i, e in v.rows["equipment"]:
        yield from outside(f"equipment[{i}].acquired_on", "eit.equipment.one_time.in_force", e.acquired_on)
        if e.in_use is not None:
            yield from outside(f"equipment[{i}].in_use", "eit.depreciation.start_month_offset", e.in_use)
    yield from _methods_allowed(v, law)
    claim = v.claim
    if claim is not None:
        yield from outside("excess_credit_refund_2018.applied_on", "vat.excess_credit_refund_2018.industries",
                           claim.applied_on)
        if ent is not None and ent.registered is None:
            yield "enterprise.registered", "missing: needed for excess_credit_refund_2018 (it decides the ratio period)"
        elif ent is not None and ent.registered is not None and claim.applied_on < ent.registered:
            yield "excess_credit_refund_2018.applied_on", f"{claim.applied_on} is before the registration day {ent.registered}"


def _covered_preferences(v: _View, year: int,
                         outside: Callable[[str, str, _dt.date], Iterator[tuple[str, str]]]
                         ) -> Iterator[tuple[str, str]]:
    """The keys the income-tax preferences of the optional facts read first, on the days they read them."""
    inc = v.income
    assert inc is not None
    end = _dt.date(year, 12, 31)
    if inc.education_expenses is not None:
        tase = any(q.kind == "advanced_tech_service" and q.first.year <= year <= q.last.year
                   and (q.last >= end or q.first.year == year) for _, q in v.rows["qualifications"])
        yield from outside("income.education_expenses", f"eit.education.cap.{'tase' if tase else 'ordinary'}", end)
    for i, _t in v.rows["tech_transfers"]:
        yield from outside(f"tech_transfers[{i}].income_date", "eit.tech_transfer.in_force", end)
    for i, p in v.rows["projects"]:
        yield from outside(f"projects[{i}]", f"eit.project.{p.kind}.in_force", end)
    if v.rows["venture_investments"] or inc.venture_brought_forward:
        where = "venture_investments" if v.rows["venture_investments"] else "income.venture_brought_forward"
        yield from outside(where, "eit.venture.holding_months", _dt.date(year, 1, 1))
    for i, g in enumerate(inc.inherited_losses):  # the rule of 59号 of the restructuring's year, each loss's window
        path = f"income.inherited_losses[{i}]"
        yield from outside(f"{path}.year", f"eit.restructuring.{g.kind}.special_transfer", _dt.date(g.year, 12, 31))
        for j, loss in enumerate(g.losses):
            yield from outside(f"{path}.losses[{j}].year", "eit.losses.years.general", _dt.date(loss.year, 12, 31))


_MONEY_FIELDS: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _money_fields(cls: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the amounts of record ``cls``, and of its lists of records (made once)."""
    got = _MONEY_FIELDS.get(cls)
    if got is None:
        fields = spec(cls)
        got = _MONEY_FIELDS[cls] = (tuple(f.name for f in fields if isinstance(f.field, Amount)),
                                    tuple(f.name for f in fields if isinstance(f.field, Rows)))
    return got


def _amounts(v: _View) -> Iterator[tuple[str, str, Decimal]]:
    """Every amount of the input, with the path of its table and its name."""
    def of(path: str, rec: Any) -> Iterator[tuple[str, str, Decimal]]:
        amounts, lists = _money_fields(type(rec))
        for name in amounts:
            value = getattr(rec, name)
            if value is not None:
                yield path, name, value
        for name in lists:
            for i, row in enumerate(getattr(rec, name)):
                yield from of(f"{path}.{name}[{i}]", row)

    if v.enterprise is not None:
        yield from of("enterprise", v.enterprise)
    for name in _LISTS:
        for i, row in v.rows[name]:
            yield from of(f"{name}[{i}]", row)
    for name in ("rd", "income", "vat"):
        part = getattr(v, name)
        if part is not None:
            yield from of(name, part)
    if v.claim is not None:
        yield from of("excess_credit_refund_2018", v.claim)


def _total(v: _View) -> Iterator[tuple[str, str]]:
    """The amounts added up stay below :data:`TOTAL_LIMIT`; the problem names the largest."""
    total, largest, where = Decimal(0), Decimal(-1), ""
    for path, name, amount in _amounts(v):
        size = amount.copy_abs()
        total = CONTEXT.add(total, size)
        if size > largest:
            largest, where = size, f"{path}.{name}"
    if total >= TOTAL_LIMIT:
        yield where, (f"the amounts of the input add up to {total}, beyond the 10^15 yuan "
                      "(一千万亿元) the report computes with (so that every figure it shows stays below 10^16)")


# -- errors -------------------------------------------------------------------------


class ReportInputError(InputProblems):
    """The input has problems; ``problems`` lists every one, each naming its field by path."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], *, source: str = "") -> None:
        super().__init__(problems, what=f"the report input {source}" if source else "the report input")


# -- reading ----------------------------------------------------------------------


def parse_data(data: object, source: str = "", *, base_dir: str = "") -> ReportInput:
    """Check ``data`` (as read from TOML or JSON, numbers with a point as :class:`~taxcalc.inputs.FloatLiteral`) and return the facts.

    Raises :class:`ReportInputError` listing every problem, each naming its field:
    the fields of every table, then the checks across tables (on the parts that
    read cleanly, so that every problem shows at once).  ``base_dir`` is the
    directory a relative ``catalogue`` path is read from (the input file's).
    """
    if not isinstance(data, Mapping):
        raise ReportInputError([Problem("", "the input must be a table (a JSON object)")], source=source)
    problems: list[Problem] = []
    if "format" not in data:
        problems.append(Problem("format", f"missing (required); write format = {FORMAT_VERSION}"))
    spelt = as_format_1 if type(data.get("format")) is int and data["format"] == 1 else _renamed_in_2
    if spelt is as_format_1:
        data = _from_format_1(data)
    got = read(ReportInput, data, "", problems)
    if got is BAD and not any(p.path == "" for p in problems):
        known = {p for p in problems}
        problems.extend(Problem(path, reason) for path, reason in _across(_View.partial(data))
                        if Problem(path, reason) not in known)
    if problems:
        raise ReportInputError([spelt(p) for p in problems], source=source)
    assert isinstance(got, ReportInput)
    # the rows as the computation reads them (the checks above named them by their place in the file)
    object.__setattr__(got, "losses", tuple(sorted(got.losses, key=lambda x: x.year)))
    object.__setattr__(got, "quarters", tuple(sorted(got.quarters, key=lambda q: q.quarter or 0)))
    object.__setattr__(got, "months", tuple(sorted(got.months, key=lambda m: m.month or 0)))
    object.__setattr__(got, "source", source)
    object.__setattr__(got, "base_dir", base_dir)
    catalogued = [Problem(path, reason) for path, reason in _catalogued(got)]
    if catalogued:
        raise ReportInputError([spelt(p) for p in catalogued], source=source)
    return got


def _catalogued(facts: ReportInput) -> Iterator[tuple[str, str]]:
    """Every export looked up in the catalogue has a row there, and one in force on its day where the
    rebate rate is the row as written (before the general rate rules start).

    A catalogue that cannot be read is left to the report, which names it (a ``--catalogue`` given on
    the command line replaces it).
    """
    from ..export import Catalogue
    from ..export.rebate_rate import general_rules_start
    from ..law import default

    looked_up = [(i, x) for i, x in enumerate(facts.exports) if x.hs_code and x.rebate_rate is None]
    if not looked_up or not facts.catalogue:
        return
    try:
        cat = Catalogue.named(facts.catalogue, facts.base_dir)
    except (OSError, LawDataError):  # the report names the catalogue's own problem
        return
    first: _dt.date | None = general_rules_start(default())
    for i, x in looked_up:
        if cat.resolve(x.hs_code) is None:
            yield f"exports[{i}].hs_code", f"{x.hs_code} is not in the catalogue {cat.label()}"
        elif first is not None and x.date < first and cat.lookup(x.hs_code, x.date) is None:
            yield f"exports[{i}].hs_code", f"no row of the catalogue {cat.label()} for {x.hs_code} covers {x.date}"


def parse_text(text: str, fmt: str, source: str = "", *, max_depth: int = MAX_DEPTH) -> ReportInput:
    """Parse ``text`` as ``"toml"`` or ``"json"`` and check it (see :func:`parse_data`).

    The text is read as :func:`taxcalc.datafile.parse_text` reads it: a key repeated
    in a JSON object is refused naming its path, and tables and lists nest at most
    ``max_depth`` levels.  ``source`` (a file name) is named in the message.

    >>> parse_text('{"format": 1, "format": 1}', "json", "facts.json")
    Traceback (most recent call last):
    ...
    taxcalc.report.input.ReportInputError: 1 problem in the report input facts.json:
    format: the key is given 2 times; give it once
    """
    if fmt not in ("toml", "json"):
        raise InvalidInput("format", f"unknown input format {fmt!r}; expected toml or json")
    try:
        data = _datafile.parse_text(text, fmt, source=source, max_depth=max_depth)
    except InputProblems as exc:
        raise ReportInputError(exc.problems, source=source) from None
    return parse_data(data, source)


def load(path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES,
         max_depth: int = MAX_DEPTH) -> ReportInput:
    """Read a ``.toml`` or ``.json`` file and check it.

    The format is chosen by the suffix (anything other than ``.json`` is read as TOML).
    The file is UTF-8, with or without a byte-order mark, unless ``encoding`` names
    another (``"gb18030"`` covers GBK); it is at most ``max_bytes`` long and nests
    at most ``max_depth`` levels (:mod:`taxcalc.datafile`).  Every problem, of the
    file or of a field, is a :class:`ReportInputError` naming the file.
    """
    p = Path(path)
    try:
        data = _datafile.read_file(p, encoding=encoding, max_bytes=max_bytes, max_depth=max_depth)
    except InputProblems as exc:
        raise ReportInputError(exc.problems, source=str(p)) from None
    return parse_data(data, str(p), base_dir=str(p.parent))


# -- the format, described ------------------------------------------------------------

#: The tables of the file: name → record (``rd.projects`` for the list inside ``[rd]``).
TABLES: dict[str, type[Any]] = {
    fs.name: fs.field.cls for fs in spec(ReportInput) if isinstance(fs.field, Nested | Rows)
}
TABLES["rd.projects"] = RDProject
TABLES["vat.excess_credit_refund"] = ExcessCreditRefundClaim


def fields_of(table: str = "", format: int = FORMAT_VERSION) -> tuple[FieldSpec, ...]:  # noqa: A002
    """The fields of one table as a file of ``format`` names them (``""``: the top level; ``rd.projects`` …).

    >>> [f.name for f in fields_of("qualifications")]
    ['kind', 'first', 'last', 'number']
    >>> [f.name for f in fields_of("qualifications", format=1)]
    ['kind', 'from', 'to', 'certificate']
    """
    fields = spec(TABLES[table] if table else ReportInput)
    if format == 1 and table in FORMAT_1_NAMES:
        old = {new: was for was, new in FORMAT_1_NAMES[table].items()}
        return tuple(f._replace(name=old.get(f.name, f.name)) for f in fields)
    return fields


def json_schema() -> dict[str, Any]:
    """The input format as a JSON Schema (draft 2020-12), generated from the records.

    A schema cannot say everything the checks do (dates inside the year, no
    repeated months …): each table lists those in ``x-checks``, and
    :func:`parse_data` is the authority.

    >>> s = json_schema()
    >>> s["required"], s["properties"]["sales"]["items"]["required"]
    (['format', 'year', 'enterprise'], ['month', 'amount'])
    """
    out = _record_schema(ReportInput, title=f"taxcalc report input, format {FORMAT_VERSION}")
    out["required"] = ["format", *out["required"]]
    out["properties"]["format"].pop("default", None)
    quarter = out["properties"]["quarters"]["items"]  # a report's quarter rows name their quarter
    quarter["required"] = ["quarter", *quarter["required"]]
    return out


def sector_of(industry: str, given: str = "") -> tuple[str, bool]:
    """The sector of the small-scale standard, and whether it was derived from the industry code.

    >>> sector_of("C14"), sector_of("I65"), sector_of("F51"), sector_of("C14", "commerce")
    (('production', True), ('services', True), ('commerce', True), ('commerce', False))
    """
    if given:
        return given, False
    letter = industry[:1]
    if letter in ("B", "C", "D"):
        return "production", True
    if letter == "E" or "G" <= letter <= "T":
        return "services", True
    return "commerce", True
