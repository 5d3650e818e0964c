"""The report's input: one enterprise's facts for one tax year, read from TOML or JSON.

The file is checked completely before anything is computed, and every problem is
reported at once, one per line, each naming the field by its path
(``purchases[3].amount``; list positions count from 0)::

    purchases[3].amount: a float is not money; write "1234.50"
    sales[0].band: unknown value 'standrd'; expected one of: standard
    enterprise.nmae: unknown field; did you mean 'name'?

An unknown field is an error, never silently ignored: a misspelt field would
otherwise quietly drop a fact.  Amounts are strings (``"1234.50"``) or integers,
never floats; dates are TOML dates or ``"YYYY-MM-DD"`` strings; months are
``"YYYY-MM"`` strings.  The format is described field by field in
``docs/report.md``, and :data:`SCHEMA` holds the same description as data (the
documentation's field tables are generated from it).

>>> facts = parse_text('''
... format = 1
... year = 2018
... [enterprise]
... name = "示例公司"
... [[sales]]
... month = "2018-05"
... amount = "1000.00"
... ''', "toml")
>>> facts.year, facts.sales[0].band, facts.sales[0].amount
(2018, 'standard', Decimal('1000.00'))
>>> parse_text('{"format": 1, "year": 2018, "enterprise": {"name": "x"}, '
...            '"sales": [{"month": "2018-13", "amount": 1.5}]}', "json")
Traceback (most recent call last):
...
taxcalc.report.input.ReportInputError: 2 problems in the report input:
sales[0].month: '2018-13' is not a month (write "YYYY-MM")
sales[0].amount: a float is not money; write "1.5"
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InvalidInput, TaxcalcError
from ..money import CONTEXT, FEN, money

__all__ = [
    "BANDS",
    "bands",
    "CREDIT_RATINGS",
    "EXPORTER_KINDS",
    "FORMAT_VERSION",
    "SECTORS",
    "ASSET_CLASSES",
    "ACQUISITIONS",
    "ExcessCreditRefund2018",
    "LOSS_EXTENSIONS",
    "SCHEMA",
    "Enterprise",
    "Equipment",
    "Export",
    "Income",
    "Loss",
    "Problem",
    "Purchase",
    "Qualification",
    "QUALIFICATION_KINDS",
    "Quarter",
    "RD",
    "RDProject",
    "ReportInput",
    "ReportInputError",
    "Sale",
    "Vat",
    "json_schema",
    "load",
    "main_businesses",
    "parse_data",
    "parse_text",
]

#: The version of the input format this module reads (the ``format`` field).
FORMAT_VERSION = 1

def bands() -> tuple[str, ...]:
    """The VAT bands a sale may name: the last part of every ``vat.rate.<band>`` key in the data.

    >>> "standard" in bands()
    True
    """
    from ..law import default

    return tuple(k.removeprefix("vat.rate.") for k in default().keys("vat.rate."))


#: The band a sale is in when it names none.
BANDS = ("standard",)
#: What a qualification may be.
QUALIFICATION_KINDS: tuple[str, ...] = ("high_tech", "tech_sme", "advanced_tech_service")
#: How the enterprise exports (免抵退 for a manufacturer, 免退 for a trading firm).
EXPORTER_KINDS: tuple[str, ...] = ("none", "manufacturer", "trader")
VAT_TAXPAYER_KINDS: tuple[str, ...] = ("general", "small_scale")
VAT_PERIODS: tuple[str, ...] = ("month", "quarter")
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



# -- the facts ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Enterprise:
    """Who the enterprise is (纳税人基本情况)."""

    name: str
    name_en: str = ""
    province: str = ""
    #: 国民经济行业分类 (GB/T 4754-2017) code: a section letter and up to four digits, e.g. ``C14``.
    industry: str = ""
    registered: _dt.date | None = None
    vat_taxpayer: str = "general"
    vat_period: str = "month"
    exporter: str = "none"
    employees: int | None = None
    total_assets: Decimal | None = None
    #: The sector of the small-scale standard; ``""``: derived from ``industry`` (see ``docs/report.md``).
    sector: str = ""
    #: The day it opened (开业) or closed (终止经营), when inside the report year (for the income-tax tests).
    opened: _dt.date | None = None
    closed: _dt.date | None = None


@dataclass(frozen=True, slots=True)
class Qualification:
    """A qualification held over a window, e.g. 高新技术企业 with its certificate dates."""

    kind: str
    first: _dt.date
    last: _dt.date
    certificate: str = ""


@dataclass(frozen=True, slots=True)
class Sale:
    """Sales of one month in one VAT band, excluding VAT (不含税销售额), by tax point."""

    month: _dt.date  # the first day of the month
    amount: Decimal
    band: str = "standard"
    kind: str = "goods"


@dataclass(frozen=True, slots=True)
class Purchase:
    """Purchases of one month that carry input VAT.

    ``invoice`` (增值税专用发票) and ``customs`` (海关进口增值税专用缴款书): ``amount``
    excluding VAT and the ``vat`` shown on the voucher; ``band`` says which rate the
    supplier charged (for what-if comparisons).  ``agricultural`` (农产品收购发票或销售发票):
    ``amount`` is the purchase price (买价); the deduction rate is the law's, chosen
    by ``use`` (``standard`` when the produce goes into goods of the standard band).
    """

    month: _dt.date
    kind: str
    amount: Decimal
    vat: Decimal | None = None
    band: str = ""
    use: str = ""


@dataclass(frozen=True, slots=True)
class RDProject:
    """One R&D project's expensed spending of the year, by category (研发费用归集)."""

    name: str = ""
    personnel: Decimal = Decimal(0)
    direct_inputs: Decimal = Decimal(0)
    depreciation: Decimal = Decimal(0)
    amortisation: Decimal = Decimal(0)
    design: Decimal = Decimal(0)
    other: Decimal = Decimal(0)
    entrusted_domestic: Decimal = Decimal(0)
    entrusted_overseas: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class RD:
    """Research and development spending of the year (研发费用).

    Either ``projects`` (by category, the caps applied) or ``expensed`` (one figure,
    counted as given); ``intangible_amortisation`` is the year's amortisation of
    intangibles formed by R&D.
    """

    expensed: Decimal = Decimal(0)
    intangible_amortisation: Decimal = Decimal(0)
    projects: tuple[RDProject, ...] = ()
    base_after_switch: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Equipment:
    """A fixed asset whose tax treatment the report works out: bought in the year, or earlier.

    ``acquired`` is the purchase date as 国家税务总局公告2018年第46号 defines it for
    the ``acquisition``; ``in_use`` the day it was put into use (``None``: the day
    acquired); ``asset_class`` the class of its minimum tax life (``""``: machinery
    for ``equipment``, tools for an ``appliance``); ``depreciation_booked`` the
    depreciation in the accounts this year (``None``: straight line over
    ``useful_life_years`` from the month after it was put into use, no residual).
    """

    acquired: _dt.date
    cost: Decimal
    description: str = ""
    kind: str = "equipment"
    useful_life_years: int = 10
    depreciation_booked: Decimal | None = None
    in_use: _dt.date | None = None
    asset_class: str = ""
    acquisition: str = "purchase"
    residual: Decimal = Decimal(0)
    elect_one_time: bool = True


@dataclass(frozen=True, slots=True)
class Loss:
    """A loss of an earlier year not yet made up at the start of the report year.

    ``extension``: ``hardship`` or ``film`` for a 2020 loss declared under 2020年第8号 / 第25号.
    """

    year: int
    amount: Decimal
    extension: str = ""


@dataclass(frozen=True, slots=True)
class Quarter:
    """Employees and total assets at the start and end of one quarter (季初值, 季末值)."""

    quarter: int
    employees_start: int
    employees_end: int
    assets_start: Decimal
    assets_end: Decimal


@dataclass(frozen=True, slots=True)
class Income:
    """The year's accounts, and the facts the income-tax rules test.

    ``main_business`` is a code of ``taxcalc.eit.INDUSTRIES`` (``""``: read from
    ``enterprise.industry``); ``industrial`` overrides 工业企业 (``None``: mining,
    manufacturing or utilities).
    """

    accounting_profit: Decimal
    other_adjustments: Decimal = Decimal(0)
    main_business: str = ""
    main_business_share: Decimal = Decimal(1)
    industrial: bool | None = None
    restricted: bool = False
    ic_machine: bool = False


@dataclass(frozen=True, slots=True)
class Export:
    """Goods exported on one day (by the date on the customs declaration, 报关单出口日期).

    A manufacturer (免抵退) may give the duty-free materials used (``exempt_materials``,
    ``bonded_materials`` for 进料加工); a trading firm (免退) gives the purchase of the
    goods exported (``purchase_amount`` at ``purchase_vat_rate``).
    """

    date: _dt.date
    fob: Decimal
    hs_code: str = ""
    description: str = ""
    rebate_rate: Decimal | None = None
    purchase_vat_rate: Decimal | None = None
    band: str = "standard"
    exempt_materials: Decimal = Decimal(0)
    bonded_materials: Decimal = Decimal(0)
    purchase_amount: Decimal | None = None
    supplier_collection_rate: Decimal | None = None
    basis: str = "invoice"


@dataclass(frozen=True, slots=True)
class Vat:
    """VAT facts that are not monthly: the excess input credit brought into the year."""

    #: 上年末期末留抵税额: the excess input VAT carried into January.
    opening_credit: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class ExcessCreditRefund2018:
    """An application for the 2018 refund of excess input credits (财税〔2018〕70号)."""

    applied_on: _dt.date
    credit_rating: str
    listed_input_tax: Decimal
    total_input_tax: Decimal
    industry: str = ""
    grid_company: bool = False


@dataclass(frozen=True, slots=True)
class ReportInput:
    """One enterprise's facts for one tax year: everything ``taxcalc report`` reads."""

    year: int
    enterprise: Enterprise
    qualifications: tuple[Qualification, ...] = ()
    sales: tuple[Sale, ...] = ()
    purchases: tuple[Purchase, ...] = ()
    rd: RD | None = None
    equipment: tuple[Equipment, ...] = ()
    losses: tuple[Loss, ...] = ()
    income: Income | None = None
    quarters: tuple[Quarter, ...] = ()
    exports: tuple[Export, ...] = ()
    vat: Vat = Vat()
    excess_credit_refund_2018: ExcessCreditRefund2018 | None = None
    #: The rebate-rate catalogue: a path (relative to the input file) or ``"sample"``; ``""``: none.
    catalogue: str = ""
    source: str = field(default="", compare=False)
    #: The directory a relative ``catalogue`` path is read from (the input file's; ``""``: the working one).
    base_dir: str = field(default="", compare=False)

    def holds(self, kind: str, on: _dt.date) -> bool:
        """Whether a qualification of ``kind`` covers the day ``on``."""
        return any(q.kind == kind and q.first <= on <= q.last for q in self.qualifications)


# -- errors -------------------------------------------------------------------------


class Problem(NamedTuple):
    """One problem in the input: the field's path and what is wrong."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class ReportInputError(InvalidInput):
    """The input has problems; ``problems`` lists every one, each naming its field."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        n = len(self.problems)
        head = "1 problem" if n == 1 else f"{n} problems"
        lines = "\n".join(str(p) for p in self.problems)
        TaxcalcError.__init__(self, f"{head} in the report input:\n{lines}")
        self.field = first.path
        self.reason = first.reason


# -- reading ----------------------------------------------------------------------


class FloatLiteral(NamedTuple):
    """A number written with a decimal point or exponent in the file, kept as written."""

    text: str


class _Reader:
    """Collects problems while converting fields."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, reason: str) -> None:
        self.problems.append(Problem(path, reason))


Converter = Callable[[_Reader, object, str], Any]

_MISSING = object()


class FieldSpec(NamedTuple):
    """One field of a table: converter, whether required, default, and its description."""

    convert: Converter
    required: bool
    default: object
    kind: str
    doc: str


def _text(r: _Reader, raw: object, path: str) -> str | None:
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    r.fail(path, f"must be a non-empty string (got {_shown(raw)})")
    return None


def _shown(raw: object) -> str:
    if isinstance(raw, FloatLiteral):
        return raw.text
    if isinstance(raw, dict):
        return "a table"
    if isinstance(raw, list):
        return "a list"
    return repr(raw)


def _amount(r: _Reader, raw: object, path: str) -> Decimal | None:
    if isinstance(raw, FloatLiteral):
        r.fail(path, f'a float is not money; write "{raw.text}"')
        return None
    if isinstance(raw, str) and not raw.strip():
        r.fail(path, "must be an amount of yuan, e.g. \"1234.50\" (got '')")
        return None
    try:
        d = money(raw, path)
    except TaxcalcError as exc:
        reason = getattr(exc, "reason", str(exc))
        r.fail(path, str(reason))
        return None
    if d != d.quantize(FEN, context=CONTEXT):
        r.fail(path, f"an amount has at most two decimals (fen) (got {raw})")
        return None
    return d


def _nonneg_amount(r: _Reader, raw: object, path: str) -> Decimal | None:
    d = _amount(r, raw, path)
    if d is not None and d < 0:
        r.fail(path, f"must not be negative (got {raw})")
        return None
    return d


def _positive_amount(r: _Reader, raw: object, path: str) -> Decimal | None:
    d = _amount(r, raw, path)
    if d is not None and d <= 0:
        r.fail(path, f"must be more than zero (got {raw})")
        return None
    return d


def _rate(r: _Reader, raw: object, path: str) -> Decimal | None:
    if isinstance(raw, FloatLiteral):
        r.fail(path, f'a float is not a rate; write "{raw.text}" or a percentage such as "13%"')
        return None
    text = raw.strip() if isinstance(raw, str) else raw
    pct = isinstance(text, str) and text.endswith("%")
    try:
        d = money(text[:-1] if pct and isinstance(text, str) else text, path)
    except TaxcalcError as exc:
        r.fail(path, str(getattr(exc, "reason", exc)))
        return None
    if pct:
        d = d.scaleb(-2, context=CONTEXT)
    if not 0 <= d <= 1:
        r.fail(path, f"must be a rate between 0 and 1 (or 0% and 100%) (got {raw})")
        return None
    return d


def _export_rate(r: _Reader, raw: object, path: str) -> Decimal | None:
    d = _rate(r, raw, path)
    if d is not None and d > MAX_EXPORT_RATE:
        r.fail(path, f"{raw} is above 17%, the highest VAT rate there has been")
        return None
    return d


def _bool(r: _Reader, raw: object, path: str) -> bool | None:
    if isinstance(raw, bool):
        return raw
    r.fail(path, f"must be true or false (got {_shown(raw)})")
    return None


def _date(r: _Reader, raw: object, path: str) -> _dt.date | None:
    if type(raw) is _dt.date:
        return raw
    if isinstance(raw, str):
        try:
            return _dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    r.fail(path, f"{_shown(raw)} is not a date (write YYYY-MM-DD)")
    return None


_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def _month(r: _Reader, raw: object, path: str) -> _dt.date | None:
    if isinstance(raw, str):
        m = _MONTH_RE.match(raw.strip())
        if m and 1 <= int(m.group(2)) <= 12:
            return _dt.date(int(m.group(1)), int(m.group(2)), 1)
    r.fail(path, f'{_shown(raw)} is not a month (write "YYYY-MM")')
    return None


def _int(minimum: int, maximum: int) -> Converter:
    def convert(r: _Reader, raw: object, path: str) -> int | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            r.fail(path, f"must be a whole number (got {_shown(raw)})")
            return None
        if not minimum <= raw <= maximum:
            r.fail(path, f"must be between {minimum} and {maximum} (got {raw})")
            return None
        return raw

    return convert


def _choice(options: tuple[str, ...] | Callable[[], tuple[str, ...]]) -> Converter:
    """A converter accepting one of ``options`` (a tuple, or a function giving it when asked)."""

    def known() -> tuple[str, ...]:
        return options() if callable(options) else options

    def convert(r: _Reader, raw: object, path: str) -> str | None:
        if isinstance(raw, str) and raw in known():
            return raw
        r.fail(path, f"unknown value {_shown(raw)}; expected one of: {', '.join(known())}")
        return None

    convert.options = known  # type: ignore[attr-defined]
    return convert


def _nested(spec: Mapping[str, FieldSpec]) -> Converter:
    """A converter for a list of tables inside a table (e.g. ``rd.projects``), each checked by ``spec``."""

    def convert(r: _Reader, raw: object, path: str) -> list[dict[str, Any]] | None:
        rows = _list(r, raw, path, spec)
        if rows is None or any(row is None for row in rows):
            return None
        return [row for row in rows if row is not None]

    convert.spec = spec  # type: ignore[attr-defined]
    return convert


_INDUSTRY_RE = re.compile(r"^[A-T](\d{2}(\d{1,2})?)?$")


def _industry(r: _Reader, raw: object, path: str) -> str | None:
    if isinstance(raw, str) and _INDUSTRY_RE.match(raw.strip()):
        return raw.strip()
    r.fail(path, f"{_shown(raw)} is not a GB/T 4754 industry code (a letter A–T and 2 to 4 digits, e.g. \"C14\")")
    return None


_HS_RE = re.compile(r"^\d{8,10}$")


def _hs_code(r: _Reader, raw: object, path: str) -> str | None:
    if isinstance(raw, str) and _HS_RE.match(raw.strip()):
        return raw.strip()
    r.fail(path, f"{_shown(raw)} is not a commodity code (8 to 10 digits, as a string)")
    return None


def _F(convert: Converter, kind: str, doc: str, *, default: object = _MISSING) -> FieldSpec:  # noqa: N802
    return FieldSpec(convert, default is _MISSING, None if default is _MISSING else default, kind, doc)


_ENTERPRISE = {
    "name": _F(_text, "text", "the enterprise's name (纳税人名称)"),
    "name_en": _F(_text, "text", "its name in English, for `--lang en`", default=""),
    "province": _F(_text, "text", "province of tax registration, e.g. 河北省", default=""),
    "industry": _F(_industry, "code", "GB/T 4754-2017 industry code (国民经济行业分类), e.g. `C14`", default=""),
    "registered": _F(_date, "date", "date of tax registration (办理税务登记日期)", default=None),
    "vat_taxpayer": _F(_choice(VAT_TAXPAYER_KINDS), "choice",
                       "`general` (一般纳税人) or `small_scale` (小规模纳税人)", default="general"),
    "vat_period": _F(_choice(VAT_PERIODS), "choice", "VAT return period: `month` or `quarter`", default="month"),
    "exporter": _F(_choice(EXPORTER_KINDS), "choice",
                   "`none`, `manufacturer` (生产企业, 免抵退) or `trader` (外贸企业, 免退)", default="none"),
    "employees": _F(_int(0, 10_000_000), "integer", "employees, annual average (从业人数)", default=None),
    "total_assets": _F(_nonneg_amount, "amount", "total assets, annual average (资产总额)", default=None),
    "sector": _F(_choice(SECTORS), "choice",
                 "sector of the small-scale standard: `production` (货物生产、加工修理修配), `commerce` "
                 "(批发零售等其他) or `services` (营改增应税行为); default: from `industry`", default=""),
    "opened": _F(_date, "date", "the day it opened (开业), when inside the report year: the income-tax "
                 "tests then count the months and quarters it operated", default=None),
    "closed": _F(_date, "date", "the day it closed (终止经营), when inside the report year", default=None),
}
_QUALIFICATION = {
    "kind": _F(_choice(QUALIFICATION_KINDS), "choice",
               "`high_tech` (高新技术企业), `tech_sme` (科技型中小企业) or "
               "`advanced_tech_service` (技术先进型服务企业)"),
    "from": _F(_date, "date", "first day the qualification holds (certificate date)"),
    "to": _F(_date, "date", "last day it holds"),
    "certificate": _F(_text, "text", "certificate or registration number", default=""),
}
_SALE = {
    "month": _F(_month, "month", "month of the tax point (纳税义务发生时间), `\"YYYY-MM\"`"),
    "amount": _F(_nonneg_amount, "amount", "sales excluding VAT (不含税销售额)"),
    "band": _F(_choice(bands), "choice", "VAT band: the `vat.rate.<band>` key that applies", default="standard"),
    "kind": _F(_choice(SALE_KINDS), "choice",
               "`goods` (货物及劳务) or `services` (服务、无形资产), for the small-scale exemption",
               default="goods"),
}
_PURCHASE = {
    "month": _F(_month, "month", "month the input VAT is deducted, `\"YYYY-MM\"`"),
    "kind": _F(_choice(PURCHASE_KINDS), "choice",
               "`invoice` (增值税专用发票), `customs` (海关进口增值税专用缴款书) or "
               "`agricultural` (农产品收购发票或销售发票)"),
    "amount": _F(_nonneg_amount, "amount", "amount excluding VAT; for `agricultural` the purchase price (买价)"),
    "vat": _F(_nonneg_amount, "amount", "VAT shown on the voucher (required for `invoice` and `customs`)",
              default=None),
    "band": _F(_choice(bands), "choice", "the band the supplier charged (optional)", default=""),
    "use": _F(_choice(bands), "choice",
              "for `agricultural`: the band of the goods the produce goes into (optional)", default=""),
}
_RD_PROJECT = {
    "name": _F(_text, "text", "the project's name", default=""),
    "personnel": _F(_nonneg_amount, "amount", "人员人工费用: wages, social insurance, contractors' labour",
                    default=Decimal(0)),
    "direct_inputs": _F(_nonneg_amount, "amount", "直接投入费用: materials, fuel, power, testing",
                        default=Decimal(0)),
    "depreciation": _F(_nonneg_amount, "amount", "折旧费用: depreciation of instruments and equipment used",
                       default=Decimal(0)),
    "amortisation": _F(_nonneg_amount, "amount", "无形资产摊销费用: software, patents, know-how used",
                       default=Decimal(0)),
    "design": _F(_nonneg_amount, "amount", "新产品设计费等: new-product design, new process rules, trials",
                 default=Decimal(0)),
    "other": _F(_nonneg_amount, "amount", "其他相关费用: counted up to the cap on other expenses",
                default=Decimal(0)),
    "entrusted_domestic": _F(_nonneg_amount, "amount", "paid for R&D entrusted in China (counted at 80%)",
                             default=Decimal(0)),
    "entrusted_overseas": _F(_nonneg_amount, "amount",
                             "paid for R&D entrusted overseas (80%, within 2/3 of the domestic base)",
                             default=Decimal(0)),
}
_RD = {
    "expensed": _F(_nonneg_amount, "amount",
                   "R&D spending expensed in the year (费用化研发费用), not itemised: counted as given; "
                   "give `projects` instead to have the caps applied", default=Decimal(0)),
    "intangible_amortisation": _F(_nonneg_amount, "amount",
                                  "the year's amortisation of intangibles formed by R&D (无形资产摊销)",
                                  default=Decimal(0)),
    "projects": _F(_nested(_RD_PROJECT), "rows", "R&D projects, spending by category (`[[rd.projects]]`)",
                   default=()),
    "base_after_switch": _F(_nonneg_amount, "amount",
                            "2022 only: the part of the base incurred from 2022-10-01 (the actual method of "
                            "2022年第28号 二); default: by months", default=None),
}
_EQUIPMENT = {
    "acquired": _F(_date, "date", "purchase date (购进日期): the invoice date; for an instalment or credit "
                   "purchase the arrival date; self-built, the completion settlement date"),
    "cost": _F(_positive_amount, "amount", "cost, the unit value (单位价值, 计税基础), excluding VAT"),
    "description": _F(_text, "text", "what it is", default=""),
    "kind": _F(_choice(EQUIPMENT_KINDS), "choice", "`equipment` (设备) or `appliance` (器具)",
               default="equipment"),
    "useful_life_years": _F(_int(1, 100), "integer",
                            "the life the accounts depreciate it over, for the default of `depreciation_booked`",
                            default=10),
    "depreciation_booked": _F(_nonneg_amount, "amount",
                              "depreciation charged in the accounts this year; default: straight line over "
                              "`useful_life_years` from the month after `in_use`, no residual value",
                              default=None),
    "in_use": _F(_date, "date", "the day it was put into use (投入使用); default: `acquired`", default=None),
    "asset_class": _F(_choice(ASSET_CLASSES), "choice",
                      "class of its minimum tax life (实施条例 第六十条): `buildings` 20 years, `machinery` 10, "
                      "`tools` 5, `vehicles` 4, `electronics` 3; default: `machinery` for `equipment`, "
                      "`tools` for an `appliance`", default=""),
    "acquisition": _F(_choice(ACQUISITIONS), "choice",
                      "`purchase`, `instalment`, `self_built`, or `other` (donated, contributed, exchanged: "
                      "not bought, no one-time deduction)", default="purchase"),
    "residual": _F(_nonneg_amount, "amount", "residual value for tax depreciation (预计净残值)",
                   default=Decimal(0)),
    "elect_one_time": _F(_bool, "bool", "whether the one-time deduction is chosen where it is available",
                         default=True),
}
_LOSS = {
    "year": _F(_int(1990, 2100), "integer", "the year the loss arose"),
    "amount": _F(_positive_amount, "amount", "the part not yet made up at the start of the report year"),
    "extension": _F(_choice(LOSS_EXTENSIONS), "choice",
                    "a 2020 loss declared as of a hardship industry (2020年第8号) or of a film enterprise "
                    "(2020年第25号)", default=""),
}
_QUARTER = {
    "quarter": _F(_int(1, 4), "integer", "the quarter of the report year, 1 to 4"),
    "employees_start": _F(_int(0, 10_000_000), "integer", "employees at the start of the quarter (季初值), "
                          "dispatched workers included"),
    "employees_end": _F(_int(0, 10_000_000), "integer", "employees at its end (季末值)"),
    "assets_start": _F(_nonneg_amount, "amount", "total assets at the start of the quarter"),
    "assets_end": _F(_nonneg_amount, "amount", "total assets at its end"),
}
_INCOME = {
    "accounting_profit": _F(_amount, "amount", "profit before tax in the accounts (利润总额); may be negative"),
    "other_adjustments": _F(_amount, "amount",
                            "net other tax adjustments (纳税调整增加额 − 减少额), + raises taxable income; "
                            "not the depreciation of the `equipment` listed nor the R&D super-deduction, "
                            "which the report computes", default=Decimal(0)),
    "main_business": _F(_choice(main_businesses), "choice",
                        "the main business for the income-tax rules (taxcalc.eit.INDUSTRIES); default: "
                        "read from `enterprise.industry`", default=""),
    "main_business_share": _F(_rate, "rate", "main-business income as a share of income (主营业务收入占比)",
                              default=Decimal(1)),
    "industrial": _F(_bool, "bool", "工业企业 for the small low-profit caps before 2019; default: "
                     "mining, manufacturing or utilities", default=None),
    "restricted": _F(_bool, "bool", "in a restricted or prohibited industry (no small low-profit relief)",
                     default=False),
    "ic_machine": _F(_bool, "bool", "on the list of integrated-circuit or industrial mother-machine "
                     "enterprises (2023–2027 R&D ratio)", default=False),
}
_EXPORT = {
    "date": _F(_date, "date", "export date on the customs declaration (报关单出口日期)"),
    "fob": _F(_positive_amount, "amount", "FOB value in yuan (离岸价 × 外汇人民币折合率)"),
    "hs_code": _F(_hs_code, "code", "commodity code (商品代码), 8 or 10 digits, looked up in the catalogue",
                  default=""),
    "description": _F(_text, "text", "what was exported", default=""),
    "rebate_rate": _F(_export_rate, "rate", "the rebate rate (退税率), when not taken from the catalogue",
                      default=None),
    "band": _F(_choice(bands), "choice",
               "the goods' VAT band: its rate on the export date is the levy rate (征税率)", default="standard"),
    "exempt_materials": _F(_nonneg_amount, "amount",
                           "manufacturer: domestic materials bought free of VAT for these goods (免税购进原材料)",
                           default=Decimal(0)),
    "bonded_materials": _F(_nonneg_amount, "amount",
                           "manufacturer: bonded imports of 进料加工 for these goods, at their composite "
                           "taxable value (保税进口料件组成计税价格)", default=Decimal(0)),
    "purchase_amount": _F(_nonneg_amount, "amount",
                          "trader: the purchase of these goods excluding VAT (退税计税依据); required for a trader",
                          default=None),
    "purchase_vat_rate": _F(_export_rate, "rate",
                            "trader: the VAT rate on the purchase invoice; required for a trader", default=None),
    "supplier_collection_rate": _F(_export_rate, "rate",
                                   "trader: the collection rate of a small-scale seller (caps the rebate rate)",
                                   default=None),
    "basis": _F(_choice(EXPORT_BASES), "choice",
                "trader: `invoice` (增值税专用发票) or `customs` (海关进口增值税专用缴款书)", default="invoice"),
}
_VAT = {
    "opening_credit": _F(_nonneg_amount, "amount",
                         "excess input VAT carried into January (上年末期末留抵税额)", default=Decimal(0)),
}
_EXCESS_2018 = {
    "applied_on": _F(_date, "date", "the day the refund was applied for (2018-06-27 to 2018-09-30)"),
    "credit_rating": _F(_choice(CREDIT_RATINGS), "choice", "tax credit rating (纳税信用等级): A, B, M, C or D"),
    "listed_input_tax": _F(_nonneg_amount, "amount",
                           "input VAT deducted on special invoices, customs and withholding vouchers over the "
                           "ratio period (2015–2017, or since registration)"),
    "total_input_tax": _F(_nonneg_amount, "amount", "all input VAT deducted over the same period"),
    "industry": _F(_text, "text",
                   "the industry division (大类) on the tax registration, as named in the notice's annex, "
                   "e.g. 专用设备制造业; required unless `grid_company`", default=""),
    "grid_company": _F(_bool, "bool", "a grid company holding a transmission or supply licence",
                       default=False),
}

#: The input format as data: table name → (is a list, {field: spec}).
SCHEMA: dict[str, tuple[bool, dict[str, FieldSpec]]] = {
    "enterprise": (False, _ENTERPRISE),
    "qualifications": (True, _QUALIFICATION),
    "sales": (True, _SALE),
    "purchases": (True, _PURCHASE),
    "rd": (False, _RD),
    "equipment": (True, _EQUIPMENT),
    "losses": (True, _LOSS),
    "income": (False, _INCOME),
    "quarters": (True, _QUARTER),
    "exports": (True, _EXPORT),
    "vat": (False, _VAT),
    "excess_credit_refund_2018": (False, _EXCESS_2018),
}
_TOP = {"format", "year", "catalogue", *SCHEMA}


def _unknown(r: _Reader, path: str, name: str, known: list[str] | set[str]) -> None:
    where = f"{path}.{name}" if path else name
    near = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"did you mean '{near[0]}'?" if near else f"expected one of: {', '.join(sorted(known))}"
    r.fail(where, f"unknown field; {hint}")


def _table(r: _Reader, raw: object, path: str, spec: Mapping[str, FieldSpec]) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        r.fail(path, f"must be a table (got {_shown(raw)})")
        return None
    before = len(r.problems)
    out: dict[str, Any] = {}
    for name in raw:
        if name not in spec:
            _unknown(r, path, name, set(spec))
    for name, f in spec.items():
        if name not in raw:
            if f.required:
                r.fail(f"{path}.{name}", "missing (required)")
            else:
                out[name] = f.default
            continue
        out[name] = f.convert(r, raw[name], f"{path}.{name}")
    return out if len(r.problems) == before else None


def _list(
    r: _Reader, raw: object, path: str, spec: Mapping[str, FieldSpec]
) -> list[dict[str, Any] | None] | None:
    """The rows, each ``None`` where it had a problem (positions are kept for the paths)."""
    if not isinstance(raw, list):
        r.fail(path, f"must be a list of tables (got {_shown(raw)})")
        return None
    return [_table(r, item, f"{path}[{i}]", spec) for i, item in enumerate(raw)]


def parse_data(data: object, source: str = "") -> ReportInput:
    """Check ``data`` (as read from TOML or JSON) and return the facts.

    Raises :class:`ReportInputError` listing every problem, each naming its field.
    """
    r = _Reader()
    if not isinstance(data, dict):
        raise ReportInputError([Problem("", "the input must be a table (a JSON object)")])
    for name in data:
        if name not in _TOP:
            _unknown(r, "", name, _TOP)
    fmt = data.get("format", _MISSING)
    if fmt is _MISSING:
        r.fail("format", f"missing (required); write format = {FORMAT_VERSION}")
    elif fmt != FORMAT_VERSION or isinstance(fmt, bool):
        r.fail("format", f"this version reads format {FORMAT_VERSION} (got {_shown(fmt)})")
    year: int | None = None
    if "year" in data:
        year = _int(1994, 2100)(r, data["year"], "year")
    else:
        r.fail("year", "missing (required)")
    if "enterprise" not in data:
        r.fail("enterprise", "missing (required)")
    catalogue = ""
    if "catalogue" in data:
        catalogue = _text(r, data["catalogue"], "catalogue") or ""
    parts: dict[str, Any] = {}
    for name, (is_list, spec) in SCHEMA.items():
        if name in data:
            parts[name] = (_list if is_list else _table)(r, data[name], name, spec)
    if year is not None:
        _cross_checks(r, year, parts)
    if r.problems:
        raise ReportInputError(r.problems)
    assert isinstance(year, int)
    return _build(year, parts, source, catalogue)


def _in_year(r: _Reader, year: int, day: _dt.date, path: str, what: str) -> None:
    if day.year != year:
        r.fail(path, f"{what} {day.isoformat()[: 7 if what == 'month' else 10]} is not in the report year {year}")


def _rows(parts: dict[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    """The rows of list ``name`` that parsed, with their positions."""
    return [(i, row) for i, row in enumerate(parts.get(name) or ()) if row is not None]


def _cross_checks(r: _Reader, year: int, parts: dict[str, Any]) -> None:
    """Checks across fields, on every row that parsed (so all problems show at once)."""
    for i, q in _rows(parts, "qualifications"):
        if q["to"] < q["from"]:
            r.fail(f"qualifications[{i}].to", f"{q['to']} is before 'from' {q['from']}")
    seen: dict[tuple[_dt.date, str, str], int] = {}
    for i, s in _rows(parts, "sales"):
        _in_year(r, year, s["month"], f"sales[{i}].month", "month")
        k = (s["month"], s["band"], s["kind"])
        if k in seen:
            r.fail(f"sales[{i}]", f"repeats sales[{seen[k]}] (same month, band and kind); add them up")
        seen[k] = i
    for i, p in _rows(parts, "purchases"):
        _in_year(r, year, p["month"], f"purchases[{i}].month", "month")
        if p["kind"] in ("invoice", "customs") and p["vat"] is None:
            r.fail(f"purchases[{i}].vat", f"missing (required for kind '{p['kind']}'): the VAT shown on the voucher")
        if p["kind"] == "agricultural" and p["vat"] is not None:
            r.fail(f"purchases[{i}].vat", "not for kind 'agricultural': its input VAT is 买价 × the law's deduction rate")
        if p["kind"] != "agricultural" and p["use"]:
            r.fail(f"purchases[{i}].use", "only for kind 'agricultural'")
    for i, e in _rows(parts, "equipment"):
        if e["acquired"].year > year:
            r.fail(f"equipment[{i}].acquired", f"{e['acquired']} is after the report year {year}")
        if e["residual"] > e["cost"]:
            r.fail(f"equipment[{i}].residual", f"{e['residual']} is more than the cost {e['cost']}")
    loss_years: dict[int, int] = {}
    for i, loss in _rows(parts, "losses"):
        if loss["year"] >= year:
            r.fail(f"losses[{i}].year", f"{loss['year']} is not before the report year {year}")
        elif loss["year"] < year - 10:
            r.fail(f"losses[{i}].year", f"{loss['year']} is more than 10 years before {year}; no rule carries it that far")
        if loss["year"] in loss_years:
            r.fail(f"losses[{i}].year", f"{loss['year']} repeats losses[{loss_years[loss['year']]}]")
        loss_years[loss["year"]] = i
    ent = parts.get("enterprise") or {}
    _income_checks(r, year, parts, ent)
    exports = _rows(parts, "exports")
    for i, x in exports:
        _in_year(r, year, x["date"], f"exports[{i}].date", "date")
        if not x["hs_code"] and x["rebate_rate"] is None:
            r.fail(f"exports[{i}]", "give hs_code (to look the rebate rate up) or rebate_rate")
    if exports and ent.get("exporter") == "none":
        r.fail("enterprise.exporter", "is 'none' but the input lists exports; write 'manufacturer' or 'trader'")
    exporter = ent.get("exporter")
    for i, x in exports:
        if x["hs_code"] and x["rebate_rate"] is not None:
            r.fail(f"exports[{i}].rebate_rate", "give either hs_code (looked up in the catalogue) or rebate_rate, not both")
        if x["band"] in ("export", "cross_border_services"):
            r.fail(f"exports[{i}].band", "the levy rate is the goods' domestic VAT rate: name the band they "
                   "would be taxed in at home (e.g. standard)")
        materials = x["exempt_materials"] + x["bonded_materials"]
        if exporter == "trader":
            for name in ("exempt_materials", "bonded_materials"):
                if x[name]:
                    r.fail(f"exports[{i}].{name}", "only for a manufacturer (免抵退); a trader's refund rests on its purchase")
            for name in ("purchase_amount", "purchase_vat_rate"):
                if x[name] is None:
                    r.fail(f"exports[{i}].{name}", "missing (required for a trader, whose refund rests on its purchase)")
        elif exporter == "manufacturer":
            for name in ("purchase_amount", "purchase_vat_rate", "supplier_collection_rate"):
                if x[name] is not None:
                    r.fail(f"exports[{i}].{name}", "only for a trader (免退); a manufacturer's refund rests on the FOB value")
            if x["basis"] != "invoice":
                r.fail(f"exports[{i}].basis", "only for a trader (免退)")
            if materials > x["fob"]:
                r.fail(f"exports[{i}].exempt_materials" if x["exempt_materials"] else f"exports[{i}].bonded_materials",
                       f"duty-free materials {materials} exceed the FOB value {x['fob']}; 免抵退税额 would be negative")
    claim = parts.get("excess_credit_refund_2018")
    if claim is not None:
        if year != 2018:
            r.fail("excess_credit_refund_2018", f"the refund of 财税〔2018〕70号 was made in 2018 only, not in {year}")
        if not claim["industry"] and not claim["grid_company"]:
            r.fail("excess_credit_refund_2018.industry",
                   "missing (required unless grid_company = true): the industry division on the tax registration")
        if claim["listed_input_tax"] > claim["total_input_tax"]:
            r.fail("excess_credit_refund_2018.listed_input_tax",
                   f"{claim['listed_input_tax']} exceeds total_input_tax {claim['total_input_tax']}")
        if ent.get("vat_taxpayer") == "small_scale":
            r.fail("excess_credit_refund_2018", "a small-scale taxpayer has no input credit to refund")


def quarters_operated(year: int, opened: _dt.date | None, closed: _dt.date | None) -> tuple[int, ...]:
    """The quarters of ``year`` in which an enterprise opened and closed on those days operated.

    >>> quarters_operated(2018, _dt.date(2018, 5, 20), None)
    (2, 3, 4)
    """
    first = opened.month if opened is not None and opened.year == year else 1
    last = closed.month if closed is not None and closed.year == year else 12
    return tuple(range((first - 1) // 3 + 1, (last - 1) // 3 + 2))


def _income_checks(r: _Reader, year: int, parts: dict[str, Any], ent: dict[str, Any]) -> None:
    """The facts of the income-tax section: the part year, the size figures, R&D given one way."""
    opened, closed = ent.get("opened"), ent.get("closed")
    if opened is not None and opened.year > year:
        r.fail("enterprise.opened", f"{opened} is after the report year {year}")
    if closed is not None and closed.year < year:
        r.fail("enterprise.closed", f"{closed} is before the report year {year}")
    if opened is not None and closed is not None and closed < opened:
        r.fail("enterprise.closed", f"{closed} is before 'opened' {opened}")
    rd = parts.get("rd")
    if rd is not None and rd["expensed"] and rd["projects"]:
        r.fail("rd.expensed", "give either expensed (one figure, counted as given) or projects, not both")
    quarters = _rows(parts, "quarters")
    if quarters:
        seen: dict[int, int] = {}
        for i, q in quarters:
            if q["quarter"] in seen:
                r.fail(f"quarters[{i}].quarter", f"quarter {q['quarter']} repeats quarters[{seen[q['quarter']]}]")
            seen[q["quarter"]] = i
        given = [name for name in ("employees", "total_assets") if ent.get(name) is not None]
        if given:
            r.fail("quarters", f"give either quarters or the annual averages (enterprise.{given[0]}), not both")
        if opened is None or closed is None or opened <= closed:
            wanted = quarters_operated(year, opened, closed)
            missing = [q for q in wanted if q not in seen]
            extra = sorted(q for q in seen if q not in wanted)
            if missing:
                r.fail("quarters", f"the enterprise operated in quarter(s) {', '.join(map(str, wanted))} of {year}; "
                       f"give one row for each (missing: {', '.join(map(str, missing))})")
            if extra:
                r.fail("quarters", f"the enterprise did not operate in quarter(s) {', '.join(map(str, extra))} "
                       f"of {year} (see enterprise.opened and enterprise.closed)")
    elif parts.get("income") is not None and (ent.get("employees") is None) != (ent.get("total_assets") is None):
        missing_name = "employees" if ent.get("employees") is None else "total_assets"
        r.fail(f"enterprise.{missing_name}", "missing: the income-tax size test takes both annual averages "
               "(employees and total_assets), or [[quarters]]")


def _build(year: int, parts: dict[str, Any], source: str, catalogue: str = "") -> ReportInput:
    ent = parts["enterprise"]

    def rows(name: str) -> list[dict[str, Any]]:
        return [row for _, row in _rows(parts, name)]

    return ReportInput(
        year=year,
        enterprise=Enterprise(**ent),
        qualifications=tuple(
            Qualification(q["kind"], q["from"], q["to"], q["certificate"]) for q in rows("qualifications")
        ),
        sales=tuple(Sale(s["month"], s["amount"], s["band"], s["kind"]) for s in rows("sales")),
        purchases=tuple(
            Purchase(p["month"], p["kind"], p["amount"], p["vat"], p["band"], p["use"]) for p in rows("purchases")
        ),
        rd=_rd(parts["rd"]) if parts.get("rd") is not None else None,
        equipment=tuple(Equipment(**e) for e in rows("equipment")),
        losses=tuple(sorted((Loss(**x) for x in rows("losses")), key=lambda x: x.year)),
        income=Income(**parts["income"]) if parts.get("income") is not None else None,
        quarters=tuple(sorted((Quarter(**q) for q in rows("quarters")), key=lambda q: q.quarter)),
        exports=tuple(Export(**x) for x in rows("exports")),
        vat=Vat(**parts["vat"]) if parts.get("vat") is not None else Vat(),
        excess_credit_refund_2018=(
            ExcessCreditRefund2018(**parts["excess_credit_refund_2018"])
            if parts.get("excess_credit_refund_2018") is not None else None
        ),
        catalogue=catalogue,
        source=source,
    )


def _rd(rd: dict[str, Any]) -> RD:
    projects = tuple(RDProject(**x) for x in rd["projects"])
    return RD(rd["expensed"], rd["intangible_amortisation"], projects, rd["base_after_switch"])


_JSON_TYPES: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1},
    "amount": {"type": ["string", "integer"], "pattern": r"^\s*-?[0-9,]*(\.[0-9]{1,2})?\s*$"},
    "rate": {"type": ["string", "integer"], "pattern": r"^\s*[0-9.]+%?\s*$"},
    "date": {"type": "string", "format": "date"},
    "month": {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$"},
    "integer": {"type": "integer"},
    "bool": {"type": "boolean"},
    "code": {"type": "string", "pattern": r"^[A-T0-9][0-9]*$"},
}


def _object_schema(spec: Mapping[str, FieldSpec]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {f: _field_schema(fs) for f, fs in spec.items()},
        "required": [f for f, fs in spec.items() if fs.required],
    }


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.doc.replace("`", "")}
    if spec.kind == "rows":
        out.update({"type": "array", "items": _object_schema(spec.convert.spec)})  # type: ignore[attr-defined]
        return out
    if spec.kind == "choice":
        out["enum"] = list(spec.convert.options())  # type: ignore[attr-defined]
    else:
        out.update(_JSON_TYPES[spec.kind])
    if not spec.required and spec.default not in (None, ""):
        out["default"] = str(spec.default) if isinstance(spec.default, Decimal) else spec.default
    return out


def json_schema() -> dict[str, Any]:
    """The input format as a JSON Schema (draft 2020-12), generated from :data:`SCHEMA`.

    A schema cannot say everything the checks do (dates inside the year, no
    repeated months …); :func:`parse_data` is the authority.

    >>> s = json_schema()
    >>> s["required"], s["properties"]["sales"]["items"]["required"]
    (['format', 'year', 'enterprise'], ['month', 'amount'])
    """
    props: dict[str, Any] = {
        "format": {"const": FORMAT_VERSION, "description": "the input format version"},
        "year": {"type": "integer", "minimum": 1994, "maximum": 2100, "description": "the tax year"},
        "catalogue": {"type": "string", "minLength": 1,
                      "description": "the export rebate-rate catalogue: a .csv or .toml path relative to "
                      "this file, or \"sample\" for the shipped SAMPLE catalogue"},
    }
    for name, (is_list, spec) in SCHEMA.items():
        table = _object_schema(spec)
        props[name] = {"type": "array", "items": table} if is_list else table
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"taxcalc report input, format {FORMAT_VERSION}",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "year", "enterprise"],
        "properties": props,
    }


def parse_text(text: str, fmt: str, source: str = "") -> ReportInput:
    """Parse ``text`` as ``"toml"`` or ``"json"`` and check it (see :func:`parse_data`)."""
    if fmt == "toml":
        try:
            data: object = tomllib.loads(text, parse_float=FloatLiteral)
        except tomllib.TOMLDecodeError as exc:
            raise ReportInputError([Problem("", f"not valid TOML: {exc}")]) from None
    elif fmt == "json":
        try:
            data = json.loads(text, parse_float=FloatLiteral, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise ReportInputError([Problem("", f"not valid JSON: {exc}")]) from None
        except ValueError as exc:
            raise ReportInputError([Problem("", str(exc))]) from None
    else:
        raise InvalidInput("format", f"unknown input format {fmt!r}; expected toml or json")
    return parse_data(data, source)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number; amounts are strings such as \"1234.50\"")


def load(path: str | Path) -> ReportInput:
    """Read a ``.toml`` or ``.json`` file and check it.

    The format is chosen by the suffix (anything other than ``.json`` is read as TOML).
    """
    p = Path(path)
    text = p.read_text("utf-8")
    facts = parse_text(text, "json" if p.suffix.lower() == ".json" else "toml", str(p))
    return replace(facts, base_dir=str(p.parent))
