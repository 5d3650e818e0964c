"""What the VAT adapters share: how figures are shown in a result's head line."""

from __future__ import annotations

from ...explain import Explained, format_value
from ...vat._common import bands_of, law_or_default

__all__ = ["BAND", "bands", "head", "pct", "yes", "yuan"]

#: How a band field is described (the bands are read from the law data when asked).
BAND = "a band, e.g. standard, low_rate_goods, transport (see: taxcalc vat bands)"


def bands() -> tuple[str, ...]:
    """The band names of the law data (as :func:`taxcalc.vat.bands`)."""
    return bands_of(law_or_default(None))


def pct(x: object) -> str:
    """A rate as people read it (``13%``)."""
    return format_value(x, "rate")


def yuan(x: object) -> str:
    """An amount of yuan as people read it."""
    return format_value(x, "yuan")


def yes(x: object, lang: str) -> str:
    """A flag as a word of ``lang``."""
    return format_value(x, "bool", lang)


def head(result: Explained, lang: str, zh: str, en: str) -> str:
    """The head line in ``lang``, then the result's explanation."""
    return f"{en if lang == 'en' else zh}\n{result.explain(lang)}"
