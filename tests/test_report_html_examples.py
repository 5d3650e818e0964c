"""The HTML page of the second built-in example: every figure as its JSON has it, every saving cited."""

from __future__ import annotations

from html import escape

import pytest

from taxcalc.report import build_report, example

pytest.importorskip("matplotlib", reason="the extra html (matplotlib) is not installed")

import test_report_html as html_checks  # noqa: E402  (after the skip: it needs the extra)
from taxcalc.report.html import render_html  # noqa: E402


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_second_example_page_shows_every_figure_and_citation(lang: str) -> None:
    report = build_report(example("tech-service-2023"))
    data = report.as_dict()
    page = render_html(report, lang)
    html_checks.check_page(page, data, lang)
    policies = {s["policy"] for s in data["savings"]}
    assert {"eit.employee_education_8pct", "eit.tech_transfer", "eit.venture_capital"} <= policies
    for s in data["savings"]:
        assert escape(s["zh"] if lang == "zh" else s["en"]) in page
        assert all(c["doc"] in page for c in s["cite"])
