"""Enterprise income tax (企业所得税): the preferences, the annual computation, and the benefit of each policy.

One module per rule; each module's docstring is its specification.

* :mod:`~taxcalc.eit.small_profit` — small low-profit enterprises (小型微利企业)
* :mod:`~taxcalc.eit.equipment` — one-time deduction of equipment (设备、器具一次性扣除)
* :mod:`~taxcalc.eit.accelerated_depreciation` — shortened lives and accelerated methods (固定资产加速折旧)
* :mod:`~taxcalc.eit.losses` — loss carry-forward (亏损结转弥补)
* :mod:`~taxcalc.eit.hardship` — the 2020 hardship-industry loss extension's test (困难行业企业)
* :mod:`~taxcalc.eit.restructuring` — losses in mergers and divisions (企业重组)
* :mod:`~taxcalc.eit.rd_super_deduction` — R&D super-deduction (研发费用加计扣除)
* :mod:`~taxcalc.eit.employee_education` — employee education expenses (职工教育经费)
* :mod:`~taxcalc.eit.tech_transfer` — technology-transfer income (技术转让所得)
* :mod:`~taxcalc.eit.venture` — venture-capital investment (创业投资企业抵扣应纳税所得额)
* :mod:`~taxcalc.eit.project_holiday` — project income holidays (三免三减半)
* :mod:`~taxcalc.eit.deemed_profit` — deemed-profit assessment (核定应税所得率征收)
* :mod:`~taxcalc.eit.qualifications` — qualification years of high-tech
  enterprises and technology-based SMEs (资格年度), for the rate and for losses
* :mod:`~taxcalc.eit.facts` — the input: one enterprise's facts for one tax year
* :mod:`~taxcalc.eit.annual` — the annual computation (年度汇算清缴)
* :mod:`~taxcalc.eit.benefit` — the benefit of each policy (政策效应)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_package

if TYPE_CHECKING:
    from ._common import INDUSTRIES
    from .accelerated_depreciation import (
        ACCELERATED_METHODS,
        ACCELERATION_INDUSTRIES,
        DEPRECIATION_METHODS,
        AcceleratedSchedule,
        AcceleratedYear,
        DepreciableAsset,
        accelerated_depreciation,
        accelerated_schedule,
    )
    from .annual import REGIMES, AnnualResult, annual
    from .benefit import POLICIES, Benefit, Policy, PolicyBenefit, benefit, policy_law
    from .deemed_profit import DEEMED_INDUSTRIES, DeemedProfit, DeemedProfitInput, deemed_profit
    from .employee_education import (
        EDUCATION_KINDS,
        EmployeeEducation,
        EmployeeEducationInput,
        employee_education,
    )
    from .equipment import (
        ACQUISITIONS,
        ASSET_KINDS,
        Equipment,
        EquipmentSchedule,
        EquipmentYear,
        equipment_in_year,
        equipment_schedule,
    )
    from .facts import EnterpriseYear
    from .hardship import (
        HARDSHIP_INDUSTRIES,
        HardshipExtension,
        HardshipExtensionInput,
        hardship_loss_extension,
    )
    from .losses import (
        EXTENSIONS,
        Loss,
        LossLedger,
        LossSchedule,
        LossUse,
        LossYear,
        apply_losses,
        loss_schedule,
        loss_window,
    )
    from .project_holiday import (
        PROJECT_KINDS,
        Project,
        ProjectHoliday,
        ProjectHolidayInput,
        project_holiday,
    )
    from .qualifications import (
        HnteCertificate,
        QualificationYear,
        TechSmeRegistration,
        hnte_q4_years,
        hnte_rate_years,
        hnte_validity_years,
        qualification_year,
        registration_years,
    )
    from .rd_super_deduction import (
        KINDS,
        RdFacts,
        RdIntangible,
        RdProject,
        RdRatio,
        RdResult,
        rd_ratio,
        rd_super_deduction,
    )
    from .restructuring import (
        RESTRUCTURING_KINDS,
        TREATMENTS,
        InheritedLosses,
        InheritedLossesInput,
        InheritedLossYear,
        RestructuringInput,
        TransferredLosses,
        combine_losses,
        inherited_loss_year,
        transferred_losses,
    )
    from .small_profit import (
        Averages,
        Month,
        Quarter,
        SmallProfit,
        monthly_averages,
        quarterly_averages,
        small_profit,
        small_profit_cliffs,
    )
    from .tech_transfer import (
        TRANSFER_KINDS,
        TechnologyTransfer,
        TechTransfer,
        TechTransferInput,
        TransferIncome,
        tech_transfer,
    )
    from .venture import (
        VENTURE_TARGETS,
        VentureCapital,
        VentureCapitalInput,
        VentureInvestment,
        venture_capital,
    )

__all__ = [
    "ACCELERATED_METHODS",
    "ACCELERATION_INDUSTRIES",
    "DEPRECIATION_METHODS",
    "AcceleratedSchedule",
    "AcceleratedYear",
    "DepreciableAsset",
    "accelerated_depreciation",
    "accelerated_schedule",
    "HARDSHIP_INDUSTRIES",
    "HardshipExtension",
    "HardshipExtensionInput",
    "hardship_loss_extension",
    "RESTRUCTURING_KINDS",
    "TREATMENTS",
    "InheritedLossYear",
    "InheritedLosses",
    "InheritedLossesInput",
    "RestructuringInput",
    "TransferredLosses",
    "combine_losses",
    "inherited_loss_year",
    "transferred_losses",
    "DEEMED_INDUSTRIES",
    "DeemedProfit",
    "DeemedProfitInput",
    "deemed_profit",
    "PROJECT_KINDS",
    "Project",
    "ProjectHoliday",
    "ProjectHolidayInput",
    "project_holiday",
    "VENTURE_TARGETS",
    "VentureCapital",
    "VentureCapitalInput",
    "VentureInvestment",
    "venture_capital",
    "TRANSFER_KINDS",
    "TechTransfer",
    "TechTransferInput",
    "TechnologyTransfer",
    "TransferIncome",
    "tech_transfer",
    "EDUCATION_KINDS",
    "EmployeeEducation",
    "EmployeeEducationInput",
    "employee_education",
    "ACQUISITIONS",
    "INDUSTRIES",
    "POLICIES",
    "REGIMES",
    "AnnualResult",
    "EnterpriseYear",
    "ASSET_KINDS",
    "EXTENSIONS",
    "KINDS",
    "Averages",
    "Benefit",
    "Equipment",
    "EquipmentSchedule",
    "EquipmentYear",
    "HnteCertificate",
    "Loss",
    "LossLedger",
    "LossSchedule",
    "LossUse",
    "LossYear",
    "Policy",
    "PolicyBenefit",
    "QualificationYear",
    "RdFacts",
    "RdIntangible",
    "RdProject",
    "RdRatio",
    "RdResult",
    "Month",
    "Quarter",
    "SmallProfit",
    "TechSmeRegistration",
    "annual",
    "apply_losses",
    "benefit",
    "equipment_in_year",
    "equipment_schedule",
    "hnte_q4_years",
    "hnte_rate_years",
    "hnte_validity_years",
    "loss_schedule",
    "loss_window",
    "policy_law",
    "qualification_year",
    "monthly_averages",
    "quarterly_averages",
    "rd_ratio",
    "rd_super_deduction",
    "registration_years",
    "small_profit",
    "small_profit_cliffs",
]

#: Each name's module is imported when the name is first read (see :mod:`taxcalc._lazy`).
lazy_package(__name__, {
    "_common": ("INDUSTRIES",),
    "accelerated_depreciation": ("ACCELERATED_METHODS", "ACCELERATION_INDUSTRIES", "DEPRECIATION_METHODS",
        "AcceleratedSchedule", "AcceleratedYear", "DepreciableAsset", "accelerated_depreciation", "accelerated_schedule"),
    "annual": ("REGIMES", "AnnualResult", "annual"),
    "benefit": ("POLICIES", "Benefit", "Policy", "PolicyBenefit", "benefit", "policy_law"),
    "deemed_profit": ("DEEMED_INDUSTRIES", "DeemedProfit", "DeemedProfitInput", "deemed_profit"),
    "employee_education": ("EDUCATION_KINDS", "EmployeeEducation", "EmployeeEducationInput", "employee_education"),
    "equipment": ("ACQUISITIONS", "ASSET_KINDS", "Equipment", "EquipmentSchedule", "EquipmentYear",
        "equipment_in_year", "equipment_schedule"),
    "facts": ("EnterpriseYear",),
    "hardship": ("HARDSHIP_INDUSTRIES", "HardshipExtension", "HardshipExtensionInput", "hardship_loss_extension"),
    "losses": ("EXTENSIONS", "Loss", "LossLedger", "LossSchedule", "LossUse", "LossYear", "apply_losses",
        "loss_schedule", "loss_window"),
    "project_holiday": ("PROJECT_KINDS", "Project", "ProjectHoliday", "ProjectHolidayInput", "project_holiday"),
    "qualifications": ("HnteCertificate", "QualificationYear", "TechSmeRegistration", "hnte_q4_years",
        "hnte_rate_years", "hnte_validity_years", "qualification_year", "registration_years"),
    "rd_super_deduction": ("KINDS", "RdFacts", "RdIntangible", "RdProject", "RdRatio", "RdResult", "rd_ratio",
        "rd_super_deduction"),
    "restructuring": ("RESTRUCTURING_KINDS", "TREATMENTS", "InheritedLosses", "InheritedLossesInput",
        "InheritedLossYear", "RestructuringInput", "TransferredLosses", "combine_losses", "inherited_loss_year",
        "transferred_losses"),
    "small_profit": ("Averages", "Month", "Quarter", "SmallProfit", "monthly_averages", "quarterly_averages",
        "small_profit", "small_profit_cliffs"),
    "tech_transfer": ("TRANSFER_KINDS", "TechnologyTransfer", "TechTransfer", "TechTransferInput", "TransferIncome",
        "tech_transfer"),
    "venture": ("VENTURE_TARGETS", "VentureCapital", "VentureCapitalInput", "VentureInvestment", "venture_capital"),
})
