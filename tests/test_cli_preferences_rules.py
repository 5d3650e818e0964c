"""The command line of the 进料加工, hardship and restructuring rules: options, a file, errors naming the
option, JSON output."""

from __future__ import annotations

import json

from taxcalc.cli import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_bonded_materials_command(capsys):
    code, out, _ = _run(capsys, "export", "bonded-materials", "--period", "2014-03", "--method", "consumption",
                        "--fob", "2000000", "--imports", "3000000", "--exports", "6000000", "--json")
    data = json.loads(out)
    assert code == 0 and data["materials"] == "1000000.00" and data["basis"] == "prior_year_actual"
    code, _, err = _run(capsys, "export", "bonded-materials", "--period", "2013-05", "--method", "purchase",
                        "--cif", "1000")
    assert code == 1 and "method: the purchase method (购进法) does not apply" in err and "Traceback" not in err


def test_hardship_command(capsys):
    code, out, _ = _run(capsys, "eit", "hardship", "--year", "2020", "--industry", "scenic_area", "--main", "100",
                        "--total", "300", "--investment", "100", "--json")
    data = json.loads(out)
    assert code == 0 and (data["eligible"], data["share"], data["last_year"]) == (True, "0.5", 2028)
    code, _, err = _run(capsys, "eit", "hardship", "--year", "2020", "--industry", "scenic_area", "--main", "400",
                        "--total", "300")
    assert code == 1 and "--main: main-business income 400 cannot exceed" in err


def test_restructuring_and_inherited_commands(capsys, tmp_path):
    path = tmp_path / "merger.json"
    path.write_text(json.dumps({"year": 2020, "kind": "merger", "treatment": "special",
                                "losses": [{"year": 2019, "amount": "3000000"}],
                                "net_assets_fair_value": "25000000", "bond_rate": "6%", "income": "2000000"}),
                    "utf-8")
    code, out, _ = _run(capsys, "eit", "restructuring", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["transfer"]["annual_cap"] == "1500000.00" and data["first_year"]["used"] == "1500000.00"
    later = tmp_path / "later.toml"
    later.write_text('year = 2021\nincome = "900000"\nannual_cap = "1500000"\n'
                     '[[losses]]\nyear = 2019\namount = "1500000"\n', "utf-8")
    code, out, _ = _run(capsys, "eit", "inherited-losses", str(later), "--json")
    assert code == 0 and json.loads(out)["used"] == "900000"
    path.write_text(json.dumps({"year": 2020, "kind": "merger", "treatment": "special", "losses": []}), "utf-8")
    code, _, err = _run(capsys, "eit", "restructuring", str(path))
    assert code == 1 and "net_assets_fair_value" in err and "Traceback" not in err
