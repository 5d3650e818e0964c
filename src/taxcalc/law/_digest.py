"""The law digest: a SHA-256 of the law data in a canonical form (see :attr:`taxcalc.law.Law.digest`).

Its own module so that the loader can keep the digest of the package's data in its
cache (:mod:`taxcalc.law.loader`) and :class:`~taxcalc.law.Law` compute it when the
cache has none; ``json`` and ``hashlib`` are imported only when a digest is computed.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Document, KeySpec

__all__ = ["law_digest"]

#: The name of the canonical form, part of what is digested: a new form is a new name.
FORMAT = "taxcalc law digest 1"


def law_digest(keys: Mapping[str, KeySpec], documents: Mapping[str, Document], known_on: _dt.date | None) -> str:
    """The SHA-256 (64 hex digits) of ``keys``, ``documents`` and ``known_on`` in the canonical form."""
    import hashlib
    import json

    content = {
        "format": FORMAT,
        "known_on": _canonical(known_on),
        "keys": [[name, _canonical(keys[name])] for name in sorted(keys)],
        "documents": [[n, _canonical(documents[n])] for n in sorted(documents)],
    }
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(obj: object) -> object:
    """``obj`` as JSON data that keeps its type: ``True``, ``1``, ``"1"``, ``Decimal("1")``
    and a date all come out different, so the digest tells them apart.

    >>> _canonical((True, 1, "1", Decimal("1"), _dt.date(2018, 5, 1), None))
    {'tuple': [{'bool': True}, {'int': '1'}, '1', {'decimal': '1'}, {'date': '2018-05-01'}, None]}
    """
    if obj is None or isinstance(obj, str):
        return obj
    if isinstance(obj, bool):
        return {"bool": obj}
    if isinstance(obj, int):
        return {"int": str(obj)}
    if isinstance(obj, Decimal):
        return {"decimal": str(obj)}
    if isinstance(obj, _dt.date):
        return {"date": obj.isoformat()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {type(obj).__name__: {f.name: _canonical(getattr(obj, f.name)) for f in dataclasses.fields(obj)}}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a NamedTuple: LawValue, Document, Citation
        return {type(obj).__name__: {f: _canonical(getattr(obj, f)) for f in obj._fields}}
    if isinstance(obj, tuple | list):
        return {"tuple": [_canonical(x) for x in obj]}
    raise TypeError(f"law data holds a {type(obj).__name__}, which the digest cannot encode: {obj!r}")
