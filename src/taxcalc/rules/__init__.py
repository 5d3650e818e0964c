"""The registry of rules: one description of each rule, from which the command line,
the documentation and the published schemas are made.

This module is the **index**: plain data (ids, summaries, law keys, the command-line
spelling, documentation pages, the adapter module's name as a string).  Importing
it imports no rule module, so listing the rules and ``taxcalc --help`` stay cheap.
Each rule has an adapter module of its own, named by its id (``vat.rate`` →
:mod:`taxcalc.rules.vat.rate`), which imports the rule module it calls and no other;
:meth:`Rule.load` imports it on demand and returns its
:class:`~taxcalc.rules.protocol.Definition`: the input model, the compute function
and the result type.  One question thus loads one rule.

>>> from taxcalc import rules
>>> rule = rules.get("vat.rate")
>>> rule.command, rule.keys
(('vat', 'rate'), ('vat.rate.*',))
>>> result = rule.compute({"band": "standard", "on": "2019-04-01"})
>>> result.rate
Decimal('0.13')
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..law import Law
    from .protocol import Definition

__all__ = ["GROUPS", "RULES", "Group", "Rule", "all_rules", "get", "provenance"]


class Group(NamedTuple):
    """A command of ``taxcalc`` that holds rule questions (``taxcalc vat …``)."""

    name: str
    help: str
    description: str


#: The commands that hold rule questions, in the order ``taxcalc --help`` lists them.
GROUPS: tuple[Group, ...] = (
    Group("vat", "VAT: rates by band, invoice lines, agricultural deduction, the small-scale regime",
          "VAT (增值税) rules, one question per command.  Dates are YYYY-MM-DD; amounts are yuan, "
          "e.g. 1234.56."),
    Group("eit", "enterprise income tax: small low-profit relief, R&D ratio, equipment, loss windows",
          "One-shot enterprise income tax (企业所得税) questions, explained and cited."),
    Group("export", "export VAT rebates: rebate rates, 免抵退, 免退, the 2018 excess-credit refund",
          "Export VAT rebates (出口退税), one question at a time."),
    Group("env", "environmental protection tax: the reductions for low concentrations",
          "Environmental protection tax (环境保护税) questions, explained and cited."),
)


#: No names: the default of the mappings of a rule (read-only, shared).
_NONE: Mapping[str, str] = MappingProxyType({})


class Rule(NamedTuple):
    """One rule as the index describes it (plain data; nothing imported).

    * ``id`` — ``"<domain>.<rule>"``, e.g. ``"vat.rate"``;
    * ``zh``, ``en`` — a one-line summary in each language;
    * ``adapter`` — the rule's own adapter module (a string, ``"taxcalc.rules." + id``)
      whose ``DEFINITIONS[id]`` is the rule's :class:`~taxcalc.rules.protocol.Definition`;
    * ``keys`` — the law keys the rule reads; ``"vat.rate.*"`` names every key under
      ``vat.rate.``;
    * ``doc`` — the rule's documentation page, relative to the project root;
    * ``command`` — the command-line spelling, ``("vat", "rate")`` for ``taxcalc vat rate``;
    * ``arguments`` — the input fields given as positional arguments, in order;
    * ``options`` — command-line names that differ from ``--field-name`` (a field
      given as an argument is shown by the name given here, e.g. ``YEAR``);
    * ``exclusive`` — groups of fields of which at most one may be given (``(True,
      fields)``: exactly one);
    * ``one_row`` — a list-of-tables field the command line gives as one row, its
      fields as options (e.g. the one export line of ``taxcalc export refund``);
    * ``metavars`` — how the help shows a field's value where the field's kind says
      too little (``FILE`` for a catalogue path);
    * ``from_file`` — the command takes the input as a JSON or TOML file (inputs with
      lists of tables);
    * ``covers`` — the public functions the rule stands for;
    * ``reader`` — how a mapping is read: ``"taxcalc.inputs.parse"`` for every rule (kept in
      the published registry so that a reader of it knows).
    """

    id: str
    zh: str
    en: str
    adapter: str
    keys: tuple[str, ...]
    doc: str
    command: tuple[str, str]
    covers: tuple[str, ...]
    arguments: tuple[str, ...] = ()
    options: Mapping[str, str] = _NONE
    exclusive: tuple[tuple[bool, tuple[str, ...]], ...] = ()
    one_row: str = ""
    metavars: Mapping[str, str] = _NONE
    from_file: bool = False
    reader: str = "taxcalc.inputs.parse"

    def load(self) -> Definition:
        """The rule's definition: its adapter module is imported now (once)."""
        module = importlib.import_module(self.adapter)
        definition: Definition = module.DEFINITIONS[self.id]
        return definition

    def read(self, data: object) -> Any:
        """The rule's input from a mapping (a parsed JSON or TOML document); every problem reported."""
        return self.load().read(data)

    def compute(self, data: object, *, law: Law | None = None) -> Any:
        """The rule's result for ``data`` (a mapping, or the input model itself)."""
        definition = self.load()
        inputs = data if isinstance(data, definition.input) else definition.read(data)
        return definition.compute(inputs, law=law)

    def input_schema(self) -> dict[str, Any]:
        """The JSON Schema of the input (what :meth:`read` accepts)."""
        return self.load().input_schema(self.id)

    def output_schema(self) -> dict[str, Any]:
        """The JSON Schema of the result's ``as_dict()``."""
        return self.load().output_schema(self.id)

    def describe(self) -> dict[str, Any]:
        """The rule as ``taxcalc rules --json`` prints it."""
        return {
            "id": self.id,
            "summary": {"zh": self.zh, "en": self.en},
            "command": "taxcalc " + " ".join(self.command),
            "input_schema": self.input_schema(),
            "output_schema": self.output_schema(),
            "keys": list(self.keys),
            "doc": self.doc,
            "reader": self.reader,
            "covers": list(self.covers),
            "example": dict(self.load().example),
        }


#: The annual computation reads the rates and every preference it applies.
_ANNUAL_KEYS = ("eit.rate.*", "eit.hnte.*", "eit.tase.in_force", "eit.small_profit.*", "eit.rd.*",
                "eit.equipment.*", "eit.depreciation.*", "eit.accelerated_depreciation.*", "eit.losses.*",
                "eit.education.cap.*", "eit.tech_transfer.*", "eit.venture.*", "eit.project.*")

#: Every rule, in the order the command line lists them.
RULES: tuple[Rule, ...] = (
    Rule("vat.rate", "某税目在某日的增值税税率", "the rate of a band on the day the liability arises",
         "taxcalc.rules.vat.rate", ("vat.rate.*",), "docs/rules/vat-rates.md", ("vat", "rate"), ("taxcalc.vat.vat_rate", "taxcalc.vat.bands"),
         arguments=("band",)),
    Rule("vat.replacement_rate", "旧税率调整后的适用税率", "the rate that replaced an old rate by a date",
         "taxcalc.rules.vat.replacement_rate", ("vat.rate.*",), "docs/rules/vat-rates.md", ("vat", "replacement"), ("taxcalc.vat.replacement_rate",),
         arguments=("old_rate",)),
    Rule("vat.invoice_rate", "税率调整后补开、重开发票的税率", "the rate on an invoice issued after a rate change",
         "taxcalc.rules.vat.invoice_rate", ("vat.rate.*", "vat.invoice.original_rate_rule"), "docs/rules/vat-rates.md", ("vat", "invoice-rate"),
         ("taxcalc.vat.invoice_rate",), arguments=("band",),
         options={"liability_date": "--liability", "invoice_date": "--invoice"}),
    Rule("vat.invoice_line", "发票行：金额、税额与价税合计", "split an invoice line into 金额 and 税额",
         "taxcalc.rules.vat.invoice_line", ("vat.rate.*",), "docs/rules/vat-invoice.md", ("vat", "invoice"),
         ("taxcalc.vat.invoice_line", "taxcalc.vat.split_gross", "taxcalc.vat.add_tax"), arguments=("amount",)),
    Rule("vat.agricultural_deduction", "农产品进项税额计算扣除", "input VAT on farm produce from its purchase price",
         "taxcalc.rules.vat.agricultural_deduction", ("vat.agri.deduction_rate", "vat.agri.deduction_rate_top_rate_goods"), "docs/rules/vat-agricultural-deduction.md", ("vat", "agri"),
         ("taxcalc.vat.agricultural_input_tax", "taxcalc.vat.agricultural_deduction_rate"),
         arguments=("purchase_price",), options={"purchase_price": "price", "for_top_rate_goods": "--top-rate"}),
    Rule("vat.freight_deduction", "运输费用结算单据按扣除率计算的进项税额（营改增前）",
         "input VAT on an ordinary freight bill at the deduction rate, before transport joined VAT",
         "taxcalc.rules.vat.freight_deduction", ("vat.freight.*",), "docs/rules/vat-freight-deduction.md", ("vat", "freight"),
         ("taxcalc.vat.freight_input_tax",), arguments=("freight_amount",),
         options={"freight_amount": "amount", "issued_on": "--issued", "claimed_on": "--claimed"}),
    Rule("vat.small_scale_standard", "小规模纳税人标准；是否应登记为一般纳税人",
         "the small-scale standard; with --sales, whether general registration is due",
         "taxcalc.rules.vat.small_scale_standard", ("vat.small_scale.standard.*",), "docs/rules/vat-small-scale-standard.md", ("vat", "standard"),
         ("taxcalc.vat.small_scale_standard", "taxcalc.vat.must_register_general"),
         options={"annual_sales": "--sales"}),
    Rule("vat.reregistration", "一般纳税人转登记为小规模纳税人", "may a general taxpayer re-register as small-scale (转登记)",
         "taxcalc.rules.vat.reregistration", ("vat.reregistration.*",), "docs/rules/vat-reregistration.md", ("vat", "reregister"), ("taxcalc.vat.may_reregister",),
         arguments=("sales_by_period",), options={"sales_by_period": "sales"}),
    Rule("vat.reregistered_sales", "转登记后应税销售额超过标准应当再次登记为一般纳税人",
         "after re-registration: do sales above the standard require general registration again (转登记)",
         "taxcalc.rules.vat.reregistered_sales", ("vat.reregistration.*", "vat.small_scale.standard.*"), "docs/rules/vat-reregistration.md",
         ("vat", "reregistered"), ("taxcalc.vat.reregistered_sales_check",), arguments=("sales_by_period",),
         options={"sales_by_period": "sales", "reregistered_on": "--on"}),
    Rule("vat.small_scale_vat", "小规模纳税人一个月、一个季度或按次的增值税", "a small-scale taxpayer's VAT for a month, a quarter or one transaction",
         "taxcalc.rules.vat.small_scale_vat", ("vat.small_scale.threshold_reached_taxed", "vat.small_scale.exemption.*",
              "vat.small_scale.start_point.*", "vat.small_scale.special_invoice.*",
              "vat.small_scale.levy_rate", "vat.small_scale.levy_rate_by_business.*",
              "vat.small_scale.real_estate_levy_rate"),
         "docs/rules/vat-small-scale-exemption.md", ("vat", "small-scale"),
         ("taxcalc.vat.small_scale_vat",), arguments=("sales",),
         options={"period_start": "--on", "goods_sales": "--goods", "services_sales": "--services",
                  "real_estate_sales": "--real-estate"}),
    Rule("vat.period_tax", "一般纳税人一个纳税期的应纳税额或期末留抵税额",
         "a general taxpayer's VAT for one tax period: tax payable or excess credit carried forward",
         "taxcalc.rules.vat.period_tax", ("vat.period.*",), "docs/rules/vat-period-tax.md", ("vat", "period"),
         ("taxcalc.vat.period_tax", "taxcalc.vat.period_tax_of"),
         options={"period_start": "--on", "output_tax": "--output", "input_tax": "--input",
                  "credit_brought_forward": "--brought-forward"}),
    Rule("vat.super_credit", "一般纳税人一个纳税期的增值税加计抵减", "the input-VAT super-credit of a tax period (加计抵减)",
         "taxcalc.rules.vat.super_credit", ("vat.super_credit.*",), "docs/rules/vat-super-credit.md", ("vat", "super-credit"),
         ("taxcalc.vat.super_credit",),
         options={"period_start": "--on", "creditable_input_tax": "--input", "tax_before_credit": "--tax",
                  "sales_share": "--share", "export_input_tax": "--export-input",
                  "transferred_out_input_tax": "--transferred-out"}),
    Rule("vat.input_composition_ratio", "留抵退税的进项构成比例", "the input composition ratio of a refund (进项构成比例)",
         "taxcalc.rules.vat.input_composition_ratio", ("vat.input_composition.*",), "docs/rules/vat-excess-credit-refund.md", ("vat", "input-composition"),
         ("taxcalc.vat.input_composition_ratio",),
         options={"listed_input_tax": "--listed", "total_input_tax": "--total", "toll_road_input_tax": "--toll-road"}),
    Rule("vat.excess_credit_refund", "2019年起增值税期末留抵税额退税", "the refund of excess input credit from 2019 (留抵退税)",
         "taxcalc.rules.vat.excess_credit_refund", ("vat.excess_credit_refund.*", "vat.input_composition.*"), "docs/rules/vat-excess-credit-refund.md",
         ("vat", "excess-credit-refund"), ("taxcalc.vat.excess_credit_refund",), from_file=True),
    Rule("vat.small_loan_interest", "金融机构小微企业贷款利息收入免征增值税",
         "interest on small loans to small and micro businesses, exempt from VAT (one accounting year)",
         "taxcalc.rules.vat.small_loan_interest", ("vat.small_loan_interest.*", "vat.rate.financial_services"), "docs/rules/vat-small-loan-interest.md",
         ("vat", "small-loans"), ("taxcalc.vat.small_loan_interest",), from_file=True),
    Rule("eit.small_profit", "小型微利企业的条件与应纳税额", "small low-profit enterprise test and tax (小型微利企业)",
         "taxcalc.rules.eit.small_profit", ("eit.small_profit.*", "eit.rate.standard"), "docs/rules/eit-small-profit.md", ("eit", "small-profit"),
         ("taxcalc.eit.small_profit", "taxcalc.eit.small_profit_cliffs", "taxcalc.eit.quarterly_averages",
          "taxcalc.eit.monthly_averages"),
         arguments=("income",), metavars={"employees": "N"}),
    Rule("eit.rd_ratio", "某年度研发费用加计扣除比例", "R&D super-deduction ratio of a year (研发费用加计扣除比例)",
         "taxcalc.rules.eit.rd_ratio", ("eit.rd.in_force", "eit.rd.ratio.*"), "docs/rules/eit-rd-super-deduction.md", ("eit", "rd-ratio"), ("taxcalc.eit.rd_ratio",),
         options={"kinds": "--kind"}),
    Rule("eit.rd_super_deduction", "研发费用加计扣除额", "the R&D super-deduction of a year from the projects' expenses",
         "taxcalc.rules.eit.rd_super_deduction", ("eit.rd.*",), "docs/rules/eit-rd-super-deduction.md", ("eit", "rd-super-deduction"), ("taxcalc.eit.rd_super_deduction",),
         from_file=True),
    Rule("eit.equipment", "设备、器具一次性扣除或折旧", "one-time deduction or depreciation of an asset (设备、器具)",
         "taxcalc.rules.eit.equipment", ("eit.equipment.*", "eit.depreciation.*"), "docs/rules/eit-equipment.md", ("eit", "equipment"),
         ("taxcalc.eit.equipment_schedule", "taxcalc.eit.equipment_in_year"), arguments=("cost",),
         options={"acquired_on": "--acquired"}),
    Rule("eit.accelerated_depreciation", "固定资产缩短折旧年限或加速折旧", "a fixed asset's shortened life or "
         "accelerated depreciation, against the straight line (固定资产加速折旧)",
         "taxcalc.rules.eit.accelerated_depreciation", ("eit.accelerated_depreciation.*", "eit.depreciation.*"), "docs/rules/eit-accelerated-depreciation.md",
         ("eit", "accelerated-depreciation"),
         ("taxcalc.eit.accelerated_depreciation", "taxcalc.eit.accelerated_schedule"), arguments=("cost",),
         options={"acquired_on": "--acquired"}),
    Rule("eit.loss_window", "亏损的最长结转年限", "the last year a loss may be used (亏损结转年限)",
         "taxcalc.rules.eit.loss_window", ("eit.losses.years.*", "eit.losses.qualified_lookback"), "docs/rules/eit-losses.md", ("eit", "loss-window"),
         ("taxcalc.eit.loss_window",), arguments=("origin",),
         options={"origin": "YEAR", "qualified_years": "--qualified"}),
    Rule("eit.losses", "以前年度亏损的弥补", "losses brought forward set against a year's income",
         "taxcalc.rules.eit.losses", ("eit.losses.years.*", "eit.losses.qualified_lookback"), "docs/rules/eit-losses.md", ("eit", "losses"),
         ("taxcalc.eit.apply_losses", "taxcalc.eit.loss_schedule"), from_file=True),
    Rule("eit.hardship_extension", "2020年度困难行业企业亏损结转年限延长至8年的条件",
         "the 2020 hardship-industry loss extension: industry and main-business share test (困难行业企业)",
         "taxcalc.rules.eit.hardship_extension", ("eit.losses.hardship.*", "eit.losses.years.*", "eit.losses.qualified_lookback"),
         "docs/rules/eit-hardship-extension.md", ("eit", "hardship"), ("taxcalc.eit.hardship_loss_extension",),
         options={"main_business_income": "--main", "total_income": "--total",
                  "non_taxable_income": "--non-taxable", "investment_income": "--investment"}),
    Rule("eit.restructuring_losses", "企业合并、分立转入的亏损及其弥补限额", "losses passed on at a merger or "
         "division (企业重组) and their use in its year",
         "taxcalc.rules.eit.restructuring_losses", ("eit.restructuring.*", "eit.losses.years.*", "eit.losses.qualified_lookback"),
         "docs/rules/eit-restructuring-losses.md", ("eit", "restructuring"),
         ("taxcalc.eit.transferred_losses", "taxcalc.eit.combine_losses"), from_file=True),
    Rule("eit.inherited_losses", "合并、分立转入亏损在以后年度的弥补", "inherited losses of a merger or division "
         "set against a later year's income, at most the yearly limit",
         "taxcalc.rules.eit.inherited_losses", ("eit.losses.years.*", "eit.losses.qualified_lookback"), "docs/rules/eit-restructuring-losses.md",
         ("eit", "inherited-losses"), ("taxcalc.eit.inherited_loss_year",), from_file=True),
    Rule("eit.qualification_year", "高新技术企业、科技型中小企业的资格年度",
         "qualification years of a high-tech enterprise or technology-based SME",
         "taxcalc.rules.eit.qualification_year", ("eit.hnte.rate_years", "eit.losses.qualification_year.*", "eit.losses.years.general",
              "eit.losses.years.qualified"), "docs/rules/eit-qualifications.md", ("eit", "qualification-year"),
         ("taxcalc.eit.qualification_year", "taxcalc.eit.hnte_q4_years", "taxcalc.eit.hnte_rate_years",
          "taxcalc.eit.hnte_validity_years", "taxcalc.eit.registration_years"), from_file=True),
    Rule("eit.employee_education", "职工教育经费税前扣除限额与结转", "employee education expenses: the deduction "
         "cap on wages and the carry-forward",
         "taxcalc.rules.eit.employee_education", ("eit.education.cap.*",), "docs/rules/eit-employee-education.md", ("eit", "education"),
         ("taxcalc.eit.employee_education",), options={"brought_forward": "--brought-forward"}),
    Rule("eit.tech_transfer", "技术转让所得免征、减半征收企业所得税", "technology-transfer income: exempt up to "
         "5 million a year, taxed at half above (技术转让所得)",
         "taxcalc.rules.eit.tech_transfer", ("eit.tech_transfer.*", "eit.rate.standard"), "docs/rules/eit-tech-transfer.md", ("eit", "tech-transfer"),
         ("taxcalc.eit.tech_transfer",), from_file=True),
    Rule("eit.venture_capital", "创业投资企业按投资额的70%抵扣应纳税所得额", "venture-capital investment: 70% "
         "of the investment deducted from taxable income when the 2-year holding completes (创业投资)",
         "taxcalc.rules.eit.venture_capital", ("eit.venture.*",), "docs/rules/eit-venture-capital.md", ("eit", "venture"),
         ("taxcalc.eit.venture_capital",), from_file=True),
    Rule("eit.project_holiday", "公共基础设施项目、环境保护节能节水项目所得三免三减半",
         "project income holiday: 3 years exempt, 3 at half (三免三减半)",
         "taxcalc.rules.eit.project_holiday", ("eit.project.*", "eit.rate.standard"), "docs/rules/eit-project-holiday.md", ("eit", "project-holiday"),
         ("taxcalc.eit.project_holiday",), arguments=("income",),
         options={"first_income_year": "--first-income-year"}),
    Rule("eit.deemed_profit", "核定应税所得率征收的应纳税所得额（及小型微利企业优惠）",
         "deemed-profit assessment: taxable income from revenue or costs and the deemed rate (核定征收)",
         "taxcalc.rules.eit.deemed_profit", ("eit.deemed_profit.*", "eit.small_profit.*", "eit.rate.standard"), "docs/rules/eit-deemed-profit.md",
         ("eit", "deemed-profit"), ("taxcalc.eit.deemed_profit",), metavars={"employees": "N"}),
    Rule("eit.annual", "企业所得税年度汇算", "the annual enterprise income tax computation (年度汇算清缴)",
         "taxcalc.rules.eit.annual", _ANNUAL_KEYS, "docs/rules/eit-annual.md", ("eit", "annual"), ("taxcalc.eit.annual",), from_file=True),
    Rule("eit.benefit", "每项优惠政策的减税效应", "the benefit of each preferential policy (政策效应)",
         "taxcalc.rules.eit.benefit", _ANNUAL_KEYS, "docs/rules/eit-benefit.md", ("eit", "benefit"), ("taxcalc.eit.benefit", "taxcalc.eit.policy_law"),
         from_file=True),
    Rule("export.rebate_rate", "某商品在出口日的退税率", "the rebate rate of a product on an export date",
         "taxcalc.rules.export.rebate_rate", ("export.tier_*", "export.rate_change.product_list", "export.rate_change.carry_forward",
             "export.rebate_rate.cap", "export.exempt_refund.collection_rate_cap", "export.rebate_rate.export_date_rule",
             "export.rebate_rate.levy_rate_rule", "export.exempt_refund.invoice_rate_cap",
             "export.exempt_credit_refund.levy_below_rebate"),
         "docs/rules/export-rebate-rate.md", ("export", "rate"),
         ("taxcalc.export.rebate_rate", "taxcalc.export.check_catalogue"), arguments=("code",),
         options={"export_date": "--on", "purchase_vat_rate": "--purchase-rate",
                  "supplier_collection_rate": "--collection-rate"},
         exclusive=((True, ("catalogue", "sample")),), metavars={"catalogue": "FILE"}),
    Rule("export.exempt_credit_refund", "生产企业一个月的免抵退税", "a manufacturer's month of 免抵退 (one export line)",
         "taxcalc.rules.export.exempt_credit_refund", ("export.method.exempt_credit_refund",
             "export.exempt_credit_refund.levy_below_rebate"), "docs/rules/export-exempt-credit-refund.md", ("export", "refund"),
         ("taxcalc.export.exempt_credit_refund",), one_row="exports",
         options={"domestic_output_tax": "--output-tax"}),
    Rule("export.bonded_materials", "进料加工保税进口料件计入免税购进原材料价格（实耗法、购进法）",
         "进料加工 bonded imports counted in a period's 免抵退 (consumption or purchase method)",
         "taxcalc.rules.export.bonded_materials", ("export.processing.*",), "docs/rules/export-bonded-materials.md", ("export", "bonded-materials"),
         ("taxcalc.export.bonded_materials",),
         options={"processing_fob": "--fob", "import_total": "--imports", "export_total": "--exports",
                  "allocation_rate": "--rate", "imports_cif": "--cif"}),
    Rule("export.exempt_refund", "外贸企业的免退税", "免退 of one purchase line of a foreign-trade enterprise",
         "taxcalc.rules.export.exempt_refund", ("export.method.exempt_refund", "export.exempt_refund.collection_rate_cap", "export.tier_*",
          "export.rate_change.product_list", "export.rate_change.carry_forward", "export.rebate_rate.cap",
          "export.rebate_rate.export_date_rule", "export.rebate_rate.levy_rate_rule",
          "export.exempt_refund.invoice_rate_cap"),
         "docs/rules/export-exempt-refund.md",
         ("export", "trader-refund"), ("taxcalc.export.exempt_refund",), one_row="lines",
         options={"export_date": "--on", "purchase_vat_rate": "--purchase-rate",
                  "supplier_collection_rate": "--collection-rate"},
         exclusive=((False, ("catalogue", "sample")),), metavars={"catalogue": "FILE"}),
    Rule("export.excess_credit_refund_2018", "2018年退还部分行业增量留抵税额",
         "the 2018 refund of excess input credits (财税〔2018〕70号)",
         "taxcalc.rules.export.excess_credit_refund_2018", ("vat.excess_credit_refund_2018.*",), "docs/rules/export-excess-credit-refund-2018.md", ("export", "excess-credit-2018"),
         ("taxcalc.export.excess_credit_refund_2018",),
         options={"credit_rating": "--rating", "registered_on": "--registered", "listed_input_tax": "--listed",
                  "total_input_tax": "--total", "prior_period_end_credit": "--prior-credit",
                  "end_2017_credit": "--credit-2017", "applied_on": "--applied", "grid_company": "--grid"},
         exclusive=((True, ("industry", "grid_company")),)),
    Rule("env.reduction", "环境保护税浓度值低于排放标准的减征", "environmental protection tax reduced for "
         "concentrations 30% or 50% below the standard (one month)",
         "taxcalc.rules.env.reduction", ("environment.reduction.*",), "docs/rules/env-reduction.md", ("env", "reduction"),
         ("taxcalc.environment.environmental_tax_reduction",), from_file=True),
)

_BY_ID = {r.id: r for r in RULES}


def get(rule_id: str) -> Rule:
    """The rule ``rule_id`` (``KeyError`` naming the known ids if there is none)."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"no rule {rule_id!r}; known: {', '.join(_BY_ID)}") from None


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in the order of :data:`RULES`."""
    return RULES


def provenance(law: Law | None = None) -> dict[str, Any]:
    """What produced an output: :func:`taxcalc.provenance` of ``law`` (the taxcalc version,
    the digest of the law data, its "as known on" day and what-if values).

    Every JSON output of a rule command carries this object at its top level, made here only.

    >>> provenance()["taxcalc"] == __import__("taxcalc").__version__
    True
    """
    import taxcalc

    return dict(taxcalc.provenance(law))
