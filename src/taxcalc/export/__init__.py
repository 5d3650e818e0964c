"""Export VAT rebates (出口退税): rebate rates over time and the refund computations.

* :class:`Catalogue` — the user's product rate catalogue (CSV or TOML), validated;
* :func:`rebate_rate` — the rebate rate of a product on an export date, with the
  general tier rules of 2018 and 2019, the transitions and the caps;
* :func:`exempt_credit_refund` — a manufacturer's month of 免抵退;
* :func:`bonded_materials` — the 进料加工 bonded imports a period's 免抵退 counts
  (实耗法 or 购进法), fed to :class:`ExportLine` as ``bonded_materials``;
* :func:`exempt_refund` — a foreign-trade enterprise's 免退, per purchase line;
* :func:`excess_credit_refund_2018` — the 2018 refund of excess input credits
  (财税〔2018〕70号).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_package

if TYPE_CHECKING:
    from .bonded_materials import (
        BONDED_METHODS,
        BondedMaterials,
        BondedMaterialsInput,
        bonded_materials,
    )
    from .catalogue import MAX_RATE, Catalogue, CatalogueRow
    from .excess_credit_refund_2018 import (
        CREDIT_RATINGS,
        ExcessCreditRefund2018,
        excess_credit_refund_2018,
    )
    from .exempt_credit_refund import (
        ExemptCreditRefund,
        ExemptCreditRefundInput,
        ExportLine,
        exempt_credit_refund,
    )
    from .exempt_refund import BASES, ExemptRefund, ExemptRefundLine, PurchaseLine, exempt_refund
    from .rebate_rate import EXPORTERS, KINDS, RebateRate, check_catalogue, rebate_rate

__all__ = [
    "BASES",
    "BONDED_METHODS",
    "CREDIT_RATINGS",
    "EXPORTERS",
    "KINDS",
    "MAX_RATE",
    "BondedMaterials",
    "BondedMaterialsInput",
    "Catalogue",
    "CatalogueRow",
    "ExcessCreditRefund2018",
    "ExemptCreditRefund",
    "ExemptCreditRefundInput",
    "ExemptRefund",
    "ExemptRefundLine",
    "ExportLine",
    "PurchaseLine",
    "RebateRate",
    "bonded_materials",
    "check_catalogue",
    "excess_credit_refund_2018",
    "exempt_credit_refund",
    "exempt_refund",
    "rebate_rate",
]

#: Each name's module is imported when the name is first read (see :mod:`taxcalc._lazy`).
lazy_package(__name__, {
    "bonded_materials": ("BONDED_METHODS", "BondedMaterials", "BondedMaterialsInput", "bonded_materials"),
    "catalogue": ("MAX_RATE", "Catalogue", "CatalogueRow"),
    "excess_credit_refund_2018": ("CREDIT_RATINGS", "ExcessCreditRefund2018", "excess_credit_refund_2018"),
    "exempt_credit_refund": ("ExemptCreditRefund", "ExemptCreditRefundInput", "ExportLine", "exempt_credit_refund"),
    "exempt_refund": ("BASES", "ExemptRefund", "ExemptRefundLine", "PurchaseLine", "exempt_refund"),
    "rebate_rate": ("EXPORTERS", "KINDS", "RebateRate", "check_catalogue", "rebate_rate"),
})
