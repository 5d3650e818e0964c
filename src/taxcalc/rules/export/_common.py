"""What the export adapters share: the catalogue named by an input, the checks of rates and totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...explain import format_value
from ...export.catalogue import MAX_RATE, Catalogue
from ...inputs import grammar

__all__ = ["CATALOGUE", "CODE", "TOTAL_LIMIT", "TOTAL_LIMIT_TEXT", "catalogue", "rebate_cap"]

#: A product code: 8 or 10 digits.
CODE = r"^[0-9]{8}([0-9]{2})?$"
#: Catalogue files are CSV or TOML.
CATALOGUE = r"^[^\s\x00-\x1f\x7f]([^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?\.(csv|toml)$"
#: Figures that add up to this many yuan could not be shown as amounts once multiplied out.
TOTAL_LIMIT = Decimal(grammar.AMOUNT_LIMIT // 10)
TOTAL_LIMIT_TEXT = "10^15"


def catalogue(path: str | None, *, sample: bool) -> Catalogue | None:
    """The catalogue an input names: the shipped SAMPLE, a file, or none."""
    if sample:
        return Catalogue.sample()
    if path:
        return Catalogue.load(path)
    return None


def rebate_cap(rate: Decimal, field: str = "rebate_rate") -> Iterator[tuple[str, str]]:
    """The problem of a rate above the highest VAT rate there has been, if it is."""
    if rate > MAX_RATE:
        yield field, f"must be between 0 and {MAX_RATE} (got {rate}): " \
            f"{format_value(MAX_RATE, 'rate')} is the highest VAT rate there has been"
