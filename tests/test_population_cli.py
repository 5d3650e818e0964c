"""``taxcalc population generate`` and ``run``: files, summaries, --verify, and nothing written on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from taxcalc.cli import main  # noqa: E402


def test_generate_is_deterministic_by_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, c = tmp_path / "a.parquet", tmp_path / "b.parquet", tmp_path / "c.parquet"
    assert main(["population", "generate", "--n", "500", "--year", "2023", "--seed", "7", "--out", str(a)]) == 0
    assert main(["population", "generate", "--n", "500", "--year", "2023", "--seed", "7", "--out", str(b)]) == 0
    assert main(["population", "generate", "--n", "500", "--year", "2023", "--seed", "8", "--out", str(c)]) == 0
    assert pq.read_table(a).equals(pq.read_table(b))
    assert not pq.read_table(a).equals(pq.read_table(c))
    assert "500 " in capsys.readouterr().out


def test_run_writes_csv_and_prints_a_summary_by_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "p.parquet", tmp_path / "r.csv"
    main(["population", "generate", "--n", "400", "--year", "2019", "--seed", "2", "--out", str(src)])
    capsys.readouterr()
    assert main(["population", "run", str(src), "--year", "2019", "--out", str(out), "--by", "size_band",
                 "--verify", "40", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "400 enterprise-years" in text and "size_band=micro" in text
    assert "saving: small low-profit enterprise relief" in text
    written = pa.csv.read_csv(out)
    assert written.num_rows == 400 and "saving_rd_super_deduction" in written.column_names
    assert not list(tmp_path.glob("*.part"))


def test_run_json_has_provenance_and_sums_in_fen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "p.parquet", tmp_path / "r.parquet"
    main(["population", "generate", "--n", "300", "--year", "2018", "--seed", "4", "--out", str(src)])
    capsys.readouterr()
    assert main(["population", "run", str(src), "--out", str(out), "--json", "--since", "2017-12-31",
                 "--what-if", "eit.small_profit.income_cap=2000000"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["provenance"]["what_if"] == {"eit.small_profit.income_cap": "2000000"}
    assert data["unit"] == "fen" and data["rows"] == 300
    group = data["groups"][0]
    result = pq.read_table(out)
    assert int(group["tax"]) == sum(result.column("tax").to_pylist())
    assert int(group["saving_since"]) == sum(result.column("saving_since").to_pylist())


def test_bad_input_fails_naming_the_column_and_writes_nothing(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "p.csv", tmp_path / "r.parquet"
    src.write_text("year,profit,employees,assets,industry\n2023,100,5,1000,other\n2023,100,5,1000,steel\n",
                   encoding="utf-8")
    assert main(["population", "run", str(src), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "industry: unknown value 'steel'" in err and "(row 2)" in err
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    src.write_text("year,profit,employees,assets\n2023,100.50,5,1000\n", encoding="utf-8")
    assert main(["population", "run", str(src), "--out", str(out)]) == 1
    assert "profit" in capsys.readouterr().err
    assert not out.exists()


def test_population_is_listed_in_the_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "population" in capsys.readouterr().out
