"""Showing amounts to people: money in the locale's style and the Chinese uppercase form.

* :func:`format_money` — ``¥1,234.50`` (``zh``) or ``CN¥1,234.50`` (``en``), rounded
  half up to the fen first (see :mod:`taxcalc.format.amounts`);
* :func:`daxie` — the uppercase amount written on cheques and invoices,
  ``人民币壹仟贰佰叁拾肆元伍角陆分`` (see :mod:`taxcalc.format.daxie`).

>>> from decimal import Decimal
>>> format_money(Decimal("1234.565"), "zh"), daxie(Decimal("1234.56"))
('¥1,234.57', '人民币壹仟贰佰叁拾肆元伍角陆分')
"""

from __future__ import annotations

from .amounts import LANGS, format_money, format_rate
from .daxie import daxie

__all__ = ["LANGS", "daxie", "format_money", "format_rate"]
