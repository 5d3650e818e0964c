"""A bar chart of the saving of each policy by group, as a small self-contained SVG (no plotting library).

>>> svg = saving_svg({"micro": {"small_profit": 300, "rd_super_deduction": 100}}, title="t")
>>> svg.startswith("<svg") and "small_profit" in svg
True
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

__all__ = ["saving_svg"]

_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7")


def saving_svg(groups: Mapping[str, Mapping[str, int]], *, title: str, unit: str = "万元",
               divisor: int = 1_000_000) -> str:
    """Grouped bars: for each group (x axis), one bar per policy of its saving (fen ÷ ``divisor`` in ``unit``)."""
    policies = sorted({p for g in groups.values() for p, v in g.items() if v})
    width, height, left, top, bottom = 760, 360, 70, 40, 90
    plot_w, plot_h = width - left - 20, height - top - bottom
    top_value = max([v for g in groups.values() for v in g.values()] + [1])
    n = max(len(groups), 1)
    slot = plot_w / n
    bar = slot * 0.8 / max(len(policies), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="11">',
             f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#333"/>']
    for k in range(5):
        v = top_value * k // 4
        y = top + plot_h - plot_h * k / 4
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v // divisor:,}</text>')
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
    parts.append(f'<text x="14" y="{top + plot_h / 2}" transform="rotate(-90 14 {top + plot_h / 2})" '
                 f'text-anchor="middle">{escape(unit)}</text>')
    for gi, (name, values) in enumerate(groups.items()):
        x0 = left + gi * slot + slot * 0.1
        for pi, p in enumerate(policies):
            v = values.get(p, 0)
            h = plot_h * max(v, 0) / top_value
            parts.append(f'<rect x="{x0 + pi * bar:.1f}" y="{top + plot_h - h:.1f}" width="{bar * 0.9:.1f}" '
                         f'height="{h:.1f}" fill="{_COLOURS[pi % len(_COLOURS)]}"/>')
        parts.append(f'<text x="{x0 + slot * 0.4:.1f}" y="{top + plot_h + 16}" text-anchor="middle">'
                     f'{escape(name)}</text>')
    for pi, p in enumerate(policies):
        x = left + (pi % 4) * 170
        y = height - 40 + (pi // 4) * 16
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{_COLOURS[pi % len(_COLOURS)]}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}">{escape(p)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:  # pragma: no cover - the script that made docs/population-saving.svg
    """Write the chart of docs/population.md: 200,000 synthetic enterprise-years of 2023, seed 1."""
    import sys

    from . import POLICY_IDS, aggregate, compute, generate

    summary = aggregate(compute(generate(200_000, 2023, 1)), ["size_band"])
    groups = {row["size_band"]: {p: row[f"saving_{p}"] for p in POLICY_IDS}
              for row in sorted(summary.to_pylist(), key=lambda r: ("micro", "small", "medium",
                                                                   "large").index(r["size_band"]))}
    sys.stdout.write(saving_svg(groups, title="Saving by size band and policy, 2023 (200,000 synthetic rows)"))


if __name__ == "__main__":  # pragma: no cover
    main()
