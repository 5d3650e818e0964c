"""A rebate-rate catalogue file is read as strictly as every other input file (:mod:`taxcalc.datafile`):
a file in another encoding, a stray byte, a key or column given twice, a file too large — each is one
message naming the file, exit status 1 on the command line, never a traceback; a byte-order mark, or
the encoding given (``--catalogue-encoding``, ``encoding=``), is read as intended."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from taxcalc.cli import main
from taxcalc.errors import InvalidInput, LawDataError
from taxcalc.export import Catalogue
from taxcalc.report import ReportInputError, build_report, example

#: The shipped SAMPLE catalogue (TOML), which the built-in report example uses.
SAMPLE = (resources.files("taxcalc.export") / "sample_catalogue.toml").read_text("utf-8")
CSV = "code,rate,first,last,citation,name\n9901000010,17%,2017-01-01,open,样本目录,示例商品\n"
NOT_UTF8 = "save the file as UTF-8, or give its encoding (e.g. gb18030, which covers GBK)"


def sample_with(old: str, new: str) -> bytes:
    assert old in SAMPLE
    return SAMPLE.replace(old, new, 1).encode("utf-8")


#: name: (file name, its bytes, options, the message after the file name)
BAD = {
    "a GBK CSV file": ("gbk.csv", CSV.encode("gbk"), (),
                       f"not UTF-8 text (byte 0xd1 at line 2, column 32); {NOT_UTF8}"),
    "a GBK TOML file": ("gbk.toml", ("# 出口退税率文库（样本）\n" + SAMPLE).encode("gbk"), (),
                        f"not UTF-8 text (byte 0xb3 at line 1, column 3); {NOT_UTF8}"),
    "a stray 0xff byte": ("ff.toml", SAMPLE.encode("utf-8").replace(b'title = "', b'title = "\xff', 1), (),
                          f"not UTF-8 text (byte 0xff at line 9, column 10); {NOT_UTF8}"),
    "a UTF-16 file": ("utf16.csv", CSV.encode("utf-16"), (),
                      "UTF-16 text (it starts with a UTF-16 byte-order mark); save the file as UTF-8, "
                      "or give its encoding (utf-16)"),
    "a key given twice in a row": ("dup.toml", sample_with('rate = "17%"\n', 'rate = "17%"\nrate = "1%"\n'), (),
                                   "not valid TOML: Cannot overwrite a value (at line 17, column 12): the key "
                                   "'rate' is given twice in its table; give it once"),
    "a table given twice": ("dup-table.toml", sample_with("[catalogue]\n", "[catalogue]\n[catalogue]\n"), (),
                            "not valid TOML: Cannot declare ('catalogue',) twice (at line 9, column 11): a table "
                            "or key is given twice; give it once"),
    "a column given twice": ("dup.csv", b"code,rate,first,last,citation,rate\n9901000010,17%,2017-01-01,open,x,1%\n",
                             (), "line 1 (header): column 'rate' appears twice"),
    "a file over --max-size": ("big.csv", CSV.encode("utf-8") + b"#" * (1024 * 1024) + b"\n", ("--max-size", "1"),
                               "larger than 1,048,576 bytes (1 MiB), the most an input file may be"),
    "GBK given for a UTF-16 file": ("utf16-as-gbk.csv", CSV.encode("utf-16"), ("--catalogue-encoding", "gbk"),
                                    "not gbk text (byte 0xff at line 1, column 1); give the encoding the file was "
                                    "saved in"),
}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", BAD)
def test_a_bad_catalogue_file_is_one_message_naming_the_file(case: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    name, data, options, message = BAD[case]
    path = write(tmp_path, name, data)
    code = main(["report", "--catalogue", str(path), *options])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"taxcalc: error: --catalogue: {path}: {message}\n"


@pytest.mark.parametrize("case", [c for c in BAD if not BAD[c][2]])
def test_the_library_names_the_file_and_the_report_the_field(case: str, tmp_path: Path) -> None:
    name, data, _, message = BAD[case]
    path = write(tmp_path, name, data)
    with pytest.raises(LawDataError) as caught:
        Catalogue.load(path)
    assert str(caught.value) == f"{path}: {message}"
    with pytest.raises(ReportInputError) as in_report:
        build_report(example(), catalogue=path)
    assert [(p.path, p.reason) for p in in_report.value.problems] == [("--catalogue", f"{path}: {message}")]


def test_the_catalogue_a_report_file_names_is_read_as_strictly(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.toml"
    main(["report", "--print-example"])
    text = capsys.readouterr().out
    assert 'catalogue = "sample"' in text
    report.write_text(text.replace('catalogue = "sample"', 'catalogue = "rates.csv"', 1), "utf-8")
    write(tmp_path, "rates.csv", CSV.encode("gbk"))
    code = main(["report", str(report)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err == (f"taxcalc: error: {report}: catalogue: {tmp_path / 'rates.csv'}: not UTF-8 text (byte 0xd1 at "
                   f"line 2, column 32); {NOT_UTF8}\n")


def test_a_gbk_catalogue_read_with_its_encoding_gives_the_same_rows_and_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# 出口退税率文库（样本）\n" + SAMPLE
    (tmp_path / "utf8").mkdir()
    (tmp_path / "gbk").mkdir()
    utf8 = write(tmp_path / "utf8", "rates.toml", text.encode("utf-8"))
    gbk = write(tmp_path / "gbk", "rates.toml", text.encode("gbk"))
    rows = Catalogue.load(utf8).rows
    assert Catalogue.load(gbk, encoding="gb18030").rows == rows
    assert rows[1].code == "9901000020" and rows[1].rate == Decimal("0.15")
    assert main(["report", "--json", "--catalogue", str(utf8)]) == 0
    expected = capsys.readouterr().out
    assert main(["report", "--json", "--catalogue", str(gbk), "--catalogue-encoding", "gb18030"]) == 0
    assert capsys.readouterr().out == expected.replace(str(utf8), str(gbk))


def test_a_byte_order_mark_is_read_fine(tmp_path: Path) -> None:
    plain = Catalogue.load(write(tmp_path, "plain.csv", CSV.encode("utf-8")))
    marked = Catalogue.load(write(tmp_path, "bom.csv", CSV.encode("utf-8-sig")))
    assert marked.rows == plain.rows and plain.rows[0].name == "示例商品"
    toml = Catalogue.load(write(tmp_path, "bom.toml", SAMPLE.encode("utf-8-sig")))
    assert toml.rows == Catalogue.sample().rows


def test_a_float_rate_is_refused_as_written(tmp_path: Path) -> None:
    path = write(tmp_path, "float.toml", sample_with('rate = "17%"\n', "rate = 0.170\n"))
    with pytest.raises(LawDataError) as caught:
        Catalogue.load(path)
    assert str(caught.value) == (f"{path}: row 1, field 'rate': 0.170 is a float; write the rate as text, "
                                 'e.g. "0.170" or a percentage')
    path = write(tmp_path, "float-code.toml", sample_with('code = "9901000010"', "code = 99010000.0"))
    with pytest.raises(LawDataError, match=r"row 1, field 'code': 99010000\.0 must be written as text"):
        Catalogue.load(path)


def test_an_unknown_encoding_is_refused_naming_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--catalogue", "sample", "--catalogue-encoding", "base64"]) == 1
    assert capsys.readouterr().err == (
        "taxcalc: error: --catalogue-encoding: unknown encoding 'base64' (e.g. utf-8, gb18030)\n")
    with pytest.raises(InvalidInput, match="encoding: unknown encoding 'nope'"):
        Catalogue.load(Path("any.csv"), encoding="nope")
