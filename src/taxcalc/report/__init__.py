"""The benefit report: what the law gives one enterprise in one tax year, policy by policy.

Read the facts (:func:`load` a TOML or JSON file, or :func:`example`), build the
report, then show it as text (:func:`render`) or JSON (:meth:`Report.as_dict`).

>>> from taxcalc.report import build_report, example, render
>>> report = build_report(example())
>>> print(render(report, "en").splitlines()[0])
Tax benefit report, 2018 — Hebei Example Food Technology Co., Ltd.
"""

from __future__ import annotations

from .build import EXAMPLE, EXAMPLES, build_report, example, example_text
from .input import ReportInput, ReportInputError, json_schema, load, parse_data, parse_text
from .model import Column, Line, Refund, Report, Saving, Section, Table
from .render import render

__all__ = [
    "EXAMPLE",
    "EXAMPLES",
    "Column",
    "Line",
    "Refund",
    "Report",
    "ReportInput",
    "ReportInputError",
    "Saving",
    "Section",
    "Table",
    "build_report",
    "example",
    "example_text",
    "json_schema",
    "load",
    "parse_data",
    "parse_text",
    "render",
]
