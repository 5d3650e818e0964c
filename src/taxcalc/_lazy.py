"""Packages whose public names are imported from their modules when first used.

``taxcalc.vat``, ``taxcalc.eit`` and ``taxcalc.export`` offer every rule's function and
types under the package (``from taxcalc.vat import vat_rate``), but importing the
package imports none of its rule modules: a name's module is imported when the name is
first read (PEP 562), so that one rule's module, or one command-line question, costs
the import of that module alone.

A package calls :func:`lazy_package` with where each of its names lives; type checkers
read the same names from ordinary imports under ``if TYPE_CHECKING:``, and the
package's ``__all__`` lists them (a test checks that the three agree).

A rule module and its main function often share a name (``taxcalc.vat.period_tax``):
as with the imports it replaces, the package's name is the function, even after the
module has been imported.

>>> import taxcalc.vat.period_tax
>>> import taxcalc.vat
>>> callable(taxcalc.vat.period_tax), taxcalc.vat.period_tax.__module__
(True, 'taxcalc.vat.period_tax')
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Mapping

__all__ = ["lazy_package"]

#: By package name: the module (relative to the package) of each of its public names.
_WHERE: dict[str, dict[str, str]] = {}


class _LazyPackage(types.ModuleType):
    """A package that imports a public name's module when the name is first read."""

    def __getattr__(self, name: str) -> object:
        """Called only for a name the package does not hold yet."""
        module = _WHERE[self.__name__].get(name)
        if module is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value: object = getattr(importlib.import_module(f"{self.__name__}.{module}"), name)
        self.__dict__[name] = value  # found without this method from now on
        return value

    def __setattr__(self, name: str, value: object) -> None:
        if (isinstance(value, types.ModuleType) and name in _WHERE[self.__name__]
                and value.__name__ == f"{self.__name__}.{name}"):
            return  # the import system binding a module named as a public name: the name stays the function
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(_WHERE[self.__name__]))


def lazy_package(package: str, where: Mapping[str, tuple[str, ...]]) -> None:
    """Make ``package`` (already in :data:`sys.modules`, normally the caller) import each name of
    ``where`` (module → names) from its module when the name is first read."""
    _WHERE[package] = {name: module for module, names in where.items() for name in names}
    sys.modules[package].__class__ = _LazyPackage
