"""Random enterprise years and what the library shows of them: the data of the differential check.

``python tests/eit/eit_outputs.py`` writes ``tests/eit/fixtures/eit_outputs.json``: for each
of a fixed, seeded set of enterprise years given as mappings of Python values, a digest of
what the library shows — the record read (``repr``), ``annual()``'s ``as_dict()``, its
explanation in Chinese and in English and its ``repr``, ``benefit()``'s ``as_dict()`` and
explanations for one in four, or the error raised, type and message.  The fixture was
written by the code before the speed work of the annual computation; the test
(``test_eit_outputs_unchanged.py``) checks that the code of today shows the same, figure
for figure and word for word.  Regenerate it only for a change meant to change an output.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from taxcalc.eit import EnterpriseYear, annual, benefit
from taxcalc.eit._common import INDUSTRIES

FIXTURE = Path(__file__).parent / "fixtures" / "eit_outputs.json"
SEED = 20261201
COUNT = 1500

_INDUSTRIES = sorted(INDUSTRIES)
_CLIFFS = ("30000", "60000", "100000", "200000", "300000", "500000", "1000000", "3000000")


def _amount(rnd: random.Random, low: int, high: int) -> Any:
    """An amount as a caller gives it: a string, an integer or a Decimal, sometimes with fen."""
    value = Decimal(rnd.randint(low, high))
    if rnd.random() < 0.3:
        value += Decimal(rnd.randint(0, 99)) / 100
    kind = rnd.random()
    if kind < 0.5:
        return str(value)
    if kind < 0.75 and value == value.to_integral_value():
        return int(value)
    return value


def enterprise(rnd: random.Random) -> dict[str, Any]:
    """One random enterprise year, as a mapping of Python values (a few with an error)."""
    year = rnd.randint(2010, 2027)
    m: dict[str, Any] = {"year": year, "industry": rnd.choice(_INDUSTRIES)}
    r = rnd.random()
    if r < 0.35:  # near a cliff of the small low-profit relief
        cliff = Decimal(rnd.choice(_CLIFFS))
        m["profit"] = str(cliff + Decimal(rnd.choice((-1, 0, 1, 0, -100, 50))) / 100)
    elif r < 0.7:
        m["profit"] = _amount(rnd, 0, 3_500_000)
    elif r < 0.9:
        m["profit"] = _amount(rnd, 3_000_000, 60_000_000)
    else:
        m["profit"] = _amount(rnd, -2_000_000, 0)
    if rnd.random() < 0.6:
        m["adjustments"] = _amount(rnd, -50_000, 200_000) if rnd.random() < 0.8 else "-" + str(rnd.randint(1, 90000))
    if rnd.random() < 0.15:
        m["restricted"] = True
    if rnd.random() < 0.2:
        m["industrial"] = rnd.random() < 0.5
    if rnd.random() < 0.15:
        m["main_business_share"] = rnd.choice(("0.5", "0.6", "0.8", "1"))
    part = rnd.random()
    if part < 0.1:
        m["opened"] = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    elif part < 0.15:
        m["closed"] = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    size = rnd.random()
    if size < 0.55:
        n = 4
        if "opened" in m or "closed" in m:
            n = rnd.randint(1, 4)
        base_e, base_a = rnd.randint(5, 350), rnd.randint(100_000, 60_000_000)
        m["quarters"] = [{"employees_start": base_e + rnd.randint(-3, 3) if base_e > 3 else base_e,
                          "employees_end": base_e + rnd.randint(0, 5),
                          "assets_start": _amount(rnd, base_a, base_a + 500_000),
                          "assets_end": _amount(rnd, base_a, base_a + 900_000)} for _ in range(n)]
    elif size < 0.8:
        m["employees"] = str(rnd.randint(1, 400)) if rnd.random() < 0.7 else f"{rnd.randint(1, 400)}.25"
        m["assets"] = _amount(rnd, 10_000, 60_000_000)
    if rnd.random() < 0.3:
        m["hnte_years"] = sorted(rnd.sample(range(year - 3, year + 2), rnd.randint(1, 3)))
    if rnd.random() < 0.1:
        m["tase_years"] = [year]
    if rnd.random() < 0.15:
        m["tech_sme_years"] = [year]
    if rnd.random() < 0.3:
        m["losses"] = sorted(({"year": y, "amount": _amount(rnd, 1, 900_000)}
                              for y in rnd.sample(range(year - 11, year), rnd.randint(1, 3))),
                             key=lambda loss: loss["year"])
    if rnd.random() < 0.3:
        m["rd"] = {"projects": [{"name": f"P{i}", "personnel": _amount(rnd, 0, 800_000),
                                 "direct_inputs": _amount(rnd, 0, 300_000), "other": _amount(rnd, 0, 90_000),
                                 **({"entrusted_domestic": _amount(rnd, 0, 100_000)} if rnd.random() < 0.3 else {})}
                                for i in range(rnd.randint(1, 3))]}
    if rnd.random() < 0.2:
        m["equipment"] = [{"name": f"E{i}", "cost": _amount(rnd, 1_000, 8_000_000),
                           "kind": rnd.choice(("machinery", "electronics", "vehicles", "buildings")),
                           "acquired_on": f"{year}-{rnd.randint(1, 6):02d}-10",
                           "in_use": f"{year}-{rnd.randint(7, 12):02d}-02",
                           **({"book_depreciation": _amount(rnd, 0, 50_000)} if rnd.random() < 0.5 else {})}
                          for i in range(rnd.randint(1, 2))]
    if rnd.random() < 0.05:  # an error: a field misspelt, a float as money, a bad value
        k = rnd.random()
        if k < 0.33:
            m["proft"] = m.pop("profit")
        elif k < 0.66:
            m["profit"] = 1.5
        else:
            m["industry"] = "bakery"
    return m


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _error(e: Exception) -> str:
    return f"{type(e).__name__}: {e}"


def outputs(m: dict[str, Any], *, with_benefit: bool) -> dict[str, str]:
    """What the library shows of one enterprise year (digests of the texts, or the error)."""
    out: dict[str, str] = {}
    try:
        f = EnterpriseYear.from_mapping(m)
    except Exception as e:  # noqa: BLE001 - the error is an output too
        out["from_mapping"] = _error(e)
        return out
    out["from_mapping"] = _digest(repr(f))
    try:
        r = annual(f)
    except Exception as e:  # noqa: BLE001
        out["annual"] = _error(e)
        return out
    out["annual.tax"] = str(r.tax)
    out["annual.as_dict"] = _digest(json.dumps(r.as_dict(), ensure_ascii=False, sort_keys=True))
    out["annual.zh"] = _digest(r.explain("zh"))
    out["annual.en"] = _digest(r.explain("en"))
    out["annual.repr"] = _digest(repr(r))
    if with_benefit:
        try:
            b = benefit(f)
        except Exception as e:  # noqa: BLE001
            out["benefit"] = _error(e)
            return out
        out["benefit.as_dict"] = _digest(json.dumps(b.as_dict(), ensure_ascii=False, sort_keys=True))
        out["benefit.zh"] = _digest(b.explain("zh"))
        out["benefit.en"] = _digest(b.explain("en"))
    return out


def cases() -> list[dict[str, Any]]:
    rnd = random.Random(SEED)
    return [enterprise(rnd) for _ in range(COUNT)]


def all_outputs() -> list[dict[str, str]]:
    return [outputs(m, with_benefit=i % 4 == 0) for i, m in enumerate(cases())]


if __name__ == "__main__":
    data = all_outputs()
    FIXTURE.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    computed = sum("annual.tax" in d for d in data)
    print(f"{len(data)} cases, {computed} computed, written to {FIXTURE}", file=sys.stderr)
