"""The constructor signatures shown to type checkers match the records they describe.

An input record (``EnterpriseYear``, ``Equipment``, ``PurchaseLine`` …) is a frozen
dataclass whose fields hold checked values (``Decimal``, ``date``) but whose
constructor accepts what people write (``"1234.50"``, ``"2018-12-05"``).  The
accepted types are declared in an ``__init__`` under ``if TYPE_CHECKING:``; the
dataclass builds the real one.  This test keeps the two in step: same names, same
order, a default exactly where the field has one.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import textwrap

import pytest

from taxcalc.eit import (
    EnterpriseYear,
    Equipment,
    HnteCertificate,
    Loss,
    Quarter,
    RdFacts,
    RdIntangible,
    RdProject,
    TechSmeRegistration,
)
from taxcalc.export import ExemptCreditRefundInput, ExportLine, PurchaseLine

RECORDS: list[type] = [EnterpriseYear, Equipment, HnteCertificate, Loss, Quarter, RdFacts, RdIntangible,
                       RdProject, TechSmeRegistration, ExemptCreditRefundInput, ExportLine, PurchaseLine]


def _declared(cls: type) -> list[tuple[str, bool]]:
    """``(name, has a default)`` of the ``__init__`` declared for type checkers."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    for node in ast.walk(tree):
        if (isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
            init = next(n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
            a = init.args
            positional = [*a.posonlyargs, *a.args][1:]  # without self
            n_plain = len(positional) - len(a.defaults)
            out = [(p.arg, i >= n_plain) for i, p in enumerate(positional)]
            out += [(p.arg, d is not None) for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True)]
            return out
    raise AssertionError(f"{cls.__name__} declares no __init__ for type checkers")


@pytest.mark.parametrize("cls", RECORDS, ids=[c.__name__ for c in RECORDS])
def test_the_declared_constructor_matches_the_fields(cls: type) -> None:
    fields = [(f.name, f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING)
              for f in dataclasses.fields(cls) if f.init]
    assert _declared(cls) == fields
