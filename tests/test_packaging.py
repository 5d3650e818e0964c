"""The package as installed and as shipped: one version, and a source archive that can test itself."""

from __future__ import annotations

import importlib.metadata

import taxcalc
from taxcalc import _version


def test_installed_metadata_has_the_package_version() -> None:
    assert importlib.metadata.version("taxcalc-cn") == taxcalc.__version__


def test_the_version_is_written_once() -> None:
    assert taxcalc.__version__ is _version.__version__
