"""Which taxcalc and which law data computed a result, for the record of an audit."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .law import Law

__all__ = ["provenance"]


def _json_value(value: object) -> object:
    """A law value as the JSON outputs show one: decimals and dates as strings, lists as lists."""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def provenance(law: Law | None = None) -> dict[str, Any]:
    """Where a result comes from: the taxcalc version and the law it was computed under.

    ``law`` is the :class:`~taxcalc.law.Law` given to the computation (default: the
    package's data).  The answer is plain JSON data, with the keys in this order:

    * ``taxcalc`` — the library version (:data:`taxcalc.__version__`);
    * ``law_digest`` — :attr:`Law.digest <taxcalc.law.Law.digest>`, the SHA-256 (64
      hex digits) of the law data, its what-if values and its "as known on" day: the
      same digest means the same law;
    * ``known_on`` — the day the law is read as known on (``"YYYY-MM-DD"``), or
      ``None`` for everything published;
    * ``what_if`` — each replaced value by key, sorted, as the law holds it (rates
      and amounts as decimal strings, ``"0.15"`` for ``15%``; flags and counts as
      JSON booleans and numbers; dates as ``"YYYY-MM-DD"``; codes as a list); empty
      for the law as enacted.

    The JSON of a report (:meth:`taxcalc.report.Report.as_dict`, ``taxcalc report
    --json``) and of ``taxcalc law --json`` carries it as ``provenance``.

    >>> import taxcalc
    >>> from taxcalc.law import default
    >>> taxcalc.provenance()  # doctest: +ELLIPSIS
    {'taxcalc': '...', 'law_digest': '...', 'known_on': None, 'what_if': {}}
    >>> taxcalc.provenance()["taxcalc"] == taxcalc.__version__
    True
    >>> what_if = default().as_known_on("2018-07-10").with_values({"vat.rate.standard": "15%"})
    >>> p = taxcalc.provenance(what_if)
    >>> p["known_on"], p["what_if"], p["law_digest"] != taxcalc.provenance()["law_digest"]
    ('2018-07-10', {'vat.rate.standard': '0.15'}, True)
    """
    from .law import default
    from .law.model import WHAT_IF

    if law is None:
        law = default()
    what_if: dict[str, object] = {}
    for key in law:
        values = law.spec(key).values
        if len(values) == 1 and values[0].citation.doc == WHAT_IF:
            what_if[key] = _json_value(values[0].value)
    return {
        "taxcalc": __version__,
        "law_digest": law.digest,
        "known_on": law.known_on.isoformat() if law.known_on else None,
        "what_if": what_if,
    }
