"""taxcalc: Chinese enterprise tax rules and the benefit of each preferential policy.

Exact (``Decimal`` yuan), effective-dated (any day the law data covers, and an
error outside it) and explained (every result carries its steps and citations).

Where things are:

* :mod:`taxcalc.vat` — VAT rates, invoice lines, the farm-produce deduction, the
  small-scale regime;
* :mod:`taxcalc.eit` — enterprise income tax: small low-profit relief, R&D
  super-deduction, equipment, losses, qualification years, the annual computation
  and the benefit of each policy;
* :mod:`taxcalc.export` — export VAT rebates: rates, 免抵退, 免退, the 2018 refund of
  excess credits;
* :mod:`taxcalc.law` — the law data: a key's value on a day, its history, the cited
  documents, "as known on" and what-if views;
* :mod:`taxcalc.report` — the benefit report of one enterprise for one tax year;
* :mod:`taxcalc.format` — amounts for people (``¥1,234.50``, 大写金额);
* :mod:`taxcalc.money` — exact money and the types accepted (``MoneyLike``,
  ``DateLike``); the errors are here, in :mod:`taxcalc.errors`.

Every function that reads the law takes ``law=`` (a :class:`taxcalc.law.Law`).
A computed result is a frozen dataclass with its ``steps``, ``explain(lang)`` and
``as_dict()`` (a few helpers return plain values: ``bands()``, ``split_gross``,
``add_tax``, ``loss_window``, ``small_profit_cliffs``).

:func:`provenance` says which version of taxcalc and which law data (by its
digest, with the "as known on" day and the what-if values) computed a result;
every JSON output carries it.

``import taxcalc`` imports the errors and the version only; :class:`Citation`,
:class:`Explained`, :class:`Step` and :func:`provenance` are imported from their
modules when first read (``taxcalc --help`` needs none of them).

>>> import taxcalc
>>> taxcalc.Step.__module__, taxcalc.provenance.__module__
('taxcalc.explain', 'taxcalc._provenance')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_package
from ._version import __version__
from .errors import (
    InvalidInput,
    LawDataError,
    NotInForce,
    NotMoney,
    OutsideCoverage,
    TaxcalcError,
    UnknownCategory,
    Unverified,
)

if TYPE_CHECKING:
    from ._provenance import provenance
    from .explain import Citation, Explained, Step

lazy_package(__name__, {"explain": ("Citation", "Explained", "Step"), "_provenance": ("provenance",)})

__all__ = [
    "Citation",
    "Explained",
    "InvalidInput",
    "LawDataError",
    "NotInForce",
    "NotMoney",
    "OutsideCoverage",
    "Step",
    "TaxcalcError",
    "UnknownCategory",
    "Unverified",
    "__version__",
    "provenance",
]
