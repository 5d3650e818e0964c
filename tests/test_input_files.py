"""Input files that must never be misread: another encoding, a stray byte, hostile nesting,
a key given twice, a file too large.  Each is refused with a message naming the file and
the field (exit 1 on the command line, one line per problem, never a traceback); a
byte-order mark, or the encoding given with ``--encoding``, is read as intended."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from taxcalc.cli import main
from taxcalc.datafile import MAX_DEPTH, decode, parse_text, read_file
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.report import ReportInputError, load
from taxcalc.report import parse_text as report_text

REPORT = """\
format = 1
year = 2018
[enterprise]
name = "河北示例食品科技有限公司"
province = "河北省"
industry = "C14"
[[sales]]
month = "2018-05"
amount = "1000.00"
"""

REPORT_JSON = {"format": 1, "year": 2018, "enterprise": {"name": "示例公司"},
               "sales": [{"month": "2018-05", "amount": "1000.00"}]}

ANNUAL = """\
year = 2018
profit = "800000"
employees = "50"
assets = "8000000"
# 示例：小型微利企业
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def errors(err):
    lines = err.splitlines()
    assert lines and all(line.startswith("taxcalc: error: ") for line in lines), err
    assert "Traceback" not in err
    return lines


# -- encodings ------------------------------------------------------------------------------


def test_a_gbk_report_file_is_refused_naming_the_file_and_the_encoding(tmp_path, capsys):
    path = tmp_path / "gbk.toml"
    path.write_bytes(REPORT.encode("gbk"))
    with pytest.raises(ReportInputError) as info:
        load(path)
    message = str(info.value)
    assert str(path) in message and "not UTF-8" in message and "gb18030" in message
    assert [p.path for p in info.value.problems] == [""]
    code, out, err = run(capsys, "report", str(path))
    assert code == 1 and out == ""
    (line,) = errors(err)
    assert line.startswith(f"taxcalc: error: {path}: not UTF-8 text (byte 0x")
    assert "line 4" in line  # the first Chinese character is on line 4


def test_a_gbk_report_file_is_read_with_its_encoding(tmp_path, capsys):
    path = tmp_path / "gbk.toml"
    path.write_bytes(REPORT.encode("gbk"))
    facts = load(path, encoding="gb18030")
    assert facts.enterprise.name == "河北示例食品科技有限公司"
    assert load(path, encoding="gbk") == facts
    plain = tmp_path / "utf8.toml"
    plain.write_text(REPORT, "utf-8")
    assert run(capsys, "report", str(path), "--encoding", "gb18030", "--json")[1] == \
        run(capsys, "report", str(plain), "--json")[1].replace(str(plain), str(path))


def test_a_byte_order_mark_is_read_fine(tmp_path):
    plain, bom = tmp_path / "plain.toml", tmp_path / "bom.toml"
    plain.write_text(REPORT, "utf-8")
    bom.write_bytes(b"\xef\xbb\xbf" + REPORT.encode())
    assert load(bom).enterprise == load(plain).enterprise
    as_json = tmp_path / "bom.json"
    as_json.write_bytes(b"\xef\xbb\xbf" + json.dumps(REPORT_JSON, ensure_ascii=False).encode())
    assert load(as_json).sales[0].amount == Decimal("1000.00")
    assert load(as_json, encoding="utf-8").sales[0].amount == Decimal("1000.00")


@pytest.mark.parametrize("where", [0, 30, len(REPORT.encode())])
def test_a_stray_0xff_byte_is_a_message_never_a_traceback(tmp_path, capsys, where):
    data = REPORT.encode()
    path = tmp_path / "ff.toml"
    path.write_bytes(data[:where] + b"\xff" + data[where:])
    with pytest.raises(ReportInputError, match=r"not UTF-8 text \(byte 0xff at line \d+, column \d+\)"):
        load(path)
    code, _, err = run(capsys, "report", str(path))
    assert code == 1 and len(errors(err)) == 1 and str(path) in err
    code, _, err = run(capsys, "report", str(path), "--encoding", "gb18030")
    assert code == 1 and len(errors(err)) == 1 and "not gb18030 text (byte 0x" in err


def test_utf16_is_named(tmp_path):
    path = tmp_path / "notepad.toml"
    path.write_bytes(REPORT.encode("utf-16"))
    with pytest.raises(ReportInputError, match="UTF-16 text"):
        load(path)
    assert load(path, encoding="utf-16").enterprise.province == "河北省"


def test_an_unknown_encoding_is_named(tmp_path, capsys):
    path = tmp_path / "facts.toml"
    path.write_text(REPORT, "utf-8")
    with pytest.raises(InvalidInput, match="unknown encoding 'klingon'"):
        load(path, encoding="klingon")
    code, _, err = run(capsys, "report", str(path), "--encoding", "klingon")
    assert code == 1 and errors(err) == ["taxcalc: error: --encoding: unknown encoding 'klingon' (e.g. utf-8, gb18030)"]
    for codec in ("rot13", "base64", "zlib"):  # codecs of bytes, not encodings of text
        code, _, err = run(capsys, "report", str(path), "--encoding", codec)
        assert code == 1 and errors(err) == [f"taxcalc: error: --encoding: unknown encoding '{codec}' (e.g. utf-8, gb18030)"]
        code, _, err = run(capsys, "eit", "annual", str(path), "--encoding", codec)
        assert code == 1 and len(errors(err)) == 1


def test_decode_keeps_the_text_as_written():
    assert decode("名称 = \"甲\"".encode()) == "名称 = \"甲\""
    assert decode(b"\xef\xbb\xbfa = 1") == "a = 1"
    assert decode("名称".encode("gb18030"), "gb18030") == "名称"
    assert decode(b"\xef\xbb\xbf\xef\xbb\xbfa") == "\ufeffa"  # only one mark is dropped; the second is text


# -- nesting, repeated keys, size ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_5000_deep_nesting_is_a_clear_error(tmp_path, capsys, suffix):
    deep = "[" * 5000 + "]" * 5000
    text = '{"format": 1, "year": 2018, "x": ' + deep + "}" if suffix == ".json" else "x = " + deep + "\n"
    path = tmp_path / f"deep{suffix}"
    path.write_text(text, "utf-8")
    with pytest.raises(ReportInputError, match=f"nested more than {MAX_DEPTH} levels deep") as info:
        load(path)
    assert str(path) in str(info.value)
    code, _, err = run(capsys, "report", str(path))
    assert code == 1 and len(errors(err)) == 1
    code, _, err = run(capsys, "eit", "annual", str(path))
    assert code == 1 and len(errors(err)) == 1 and f"{path}: nested more than" in err


def test_nesting_at_the_limit_is_read_and_one_deeper_is_not():
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_text('{"x": ' + ok[1:-1] + "}", "json") == {"x": json.loads(ok[1:-1])}
    with pytest.raises(InputProblems, match="nested more than"):
        parse_text('{"x": ' + ok + "}", "json")
    # TOML nesting made of tables is checked after reading, naming the path
    with pytest.raises(InputProblems) as info:
        parse_text(".".join(["a"] * (MAX_DEPTH + 1)) + " = 1", "toml")
    assert info.value.problems[0].path == ".".join(["a"] * (MAX_DEPTH + 1))
    # brackets inside strings are not nesting
    assert parse_text(json.dumps({"name": "[" * 1000}), "json") == {"name": "[" * 1000}


def test_a_repeated_key_in_json_is_refused_naming_its_path(tmp_path, capsys):
    text = ('{"format": 1, "year": 2018, "enterprise": {"name": "示例公司"}, '
            '"sales": [{"month": "2018-05", "amount": "1000.00", "amount": "10.00"}]}')
    with pytest.raises(ReportInputError) as info:
        report_text(text, "json")
    assert [str(p) for p in info.value.problems] == ["sales[0].amount: the key is given 2 times; give it once"]
    path = tmp_path / "dup.json"
    path.write_text(text, "utf-8")
    with pytest.raises(ReportInputError, match=r"^1 problem in the report input .*dup\.json:\nsales\[0\]\.amount: "):
        load(path)
    code, out, err = run(capsys, "report", str(path))
    assert code == 1 and out == ""
    assert errors(err) == [f"taxcalc: error: {path}: sales[0].amount: the key is given 2 times; give it once"]


def test_every_repeated_key_is_listed():
    text = '{"a": 1, "a": 2, "a": 3, "b": {"c": [{"d": 1, "d": 1}], "e": 1, "e": 2}, "a b": [1, {"x": 1, "x": 1}]}'
    with pytest.raises(InputProblems) as info:
        parse_text(text, "json", source="f.json")
    assert [str(p) for p in info.value.problems] == [
        "a: the key is given 3 times; give it once",
        "b.e: the key is given 2 times; give it once",
        "b.c[0].d: the key is given 2 times; give it once",
        '"a b"[1].x: the key is given 2 times; give it once',
    ]
    assert str(info.value).startswith("4 problems in f.json:")


def test_a_repeated_key_in_toml_names_the_file_the_line_and_the_key(tmp_path, capsys):
    path = tmp_path / "dup.toml"
    path.write_text(REPORT + 'amount = "10.00"\n', "utf-8")
    with pytest.raises(ReportInputError) as info:
        load(path)
    assert str(path) in str(info.value)
    assert "(at line 10, column" in str(info.value) and "the key 'amount' is given twice" in str(info.value)
    code, _, err = run(capsys, "report", str(path))
    assert code == 1 and len(errors(err)) == 1 and f"{path}: not valid TOML: Cannot overwrite a value" in err
    path.write_text(REPORT + "[enterprise]\nname = \"x\"\n", "utf-8")
    with pytest.raises(ReportInputError, match="a table or key is given twice"):
        load(path)


def test_a_file_beyond_the_size_limit_is_refused(tmp_path, capsys):
    path = tmp_path / "big.json"
    path.write_text(json.dumps({**REPORT_JSON, "pad": " " * 2_000_000}), "utf-8")
    with pytest.raises(ReportInputError, match=r"big\.json:\nlarger than 1,048,576 bytes \(1 MiB\)"):
        load(path, max_bytes=2**20)
    code, _, err = run(capsys, "report", str(path), "--max-size", "1")
    assert code == 1 and errors(err) == [f"taxcalc: error: {path}: larger than 1,048,576 bytes (1 MiB), the most "
                                         "an input file may be"]
    # within the default limit it is read (and the unknown field refused as ever)
    with pytest.raises(ReportInputError, match="pad: unknown field"):
        load(path)
    code, _, err = run(capsys, "report", str(path), "--max-size", "lots")
    assert code == 1 and "--max-size: 'lots' is not a size in MiB" in err


def test_nan_and_infinity_are_not_numbers():
    with pytest.raises(InputProblems, match="NaN is not a number"):
        parse_text('{"amount": NaN}', "json")
    with pytest.raises(ReportInputError, match="Infinity is not a number"):
        report_text('{"format": 1, "year": Infinity}', "json")


# -- the rule questions that take a FILE ------------------------------------------------------


def test_a_rule_file_in_gbk_is_refused_then_read_with_its_encoding(tmp_path, capsys):
    path = tmp_path / "annual.toml"
    path.write_bytes(ANNUAL.encode("gbk"))
    code, out, err = run(capsys, "eit", "annual", str(path))
    assert code == 1 and out == "" and len(errors(err)) == 1
    assert f"{path}: not UTF-8 text (byte 0x" in err and "line 5" in err
    code, gbk, _ = run(capsys, "eit", "annual", str(path), "--encoding", "gb18030", "--json")
    assert code == 0
    path.write_text(ANNUAL, "utf-8")
    code, utf8, _ = run(capsys, "eit", "annual", str(path), "--json")
    assert code == 0 and gbk == utf8


def test_a_rule_file_with_a_repeated_key_or_a_stray_byte(tmp_path, capsys):
    path = tmp_path / "annual.json"
    path.write_text('{"year": 2018, "profit": "800000", "employees": "50", "assets": "8000000", '
                    '"losses": [{"year": 2016, "amount": "100000", "amount": "1"}]}', "utf-8")
    code, _, err = run(capsys, "eit", "annual", str(path))
    assert code == 1
    assert errors(err) == [f"taxcalc: error: {path}: losses[0].amount: the key is given 2 times; give it once"]
    path.write_bytes(b'{"year": 2018, "profit": "8\xff"}')
    code, _, err = run(capsys, "eit", "annual", str(path))
    assert code == 1 and errors(err) == [
        f"taxcalc: error: {path}: not UTF-8 text (byte 0xff at line 1, column 28); save the file as UTF-8, "
        "or give its encoding (e.g. gb18030, which covers GBK)"]


def test_read_file_chooses_the_format_by_suffix(tmp_path):
    (tmp_path / "a.JSON").write_text('{"x": 1.5}', "utf-8")
    (tmp_path / "a.txt").write_text("x = 1.5", "utf-8")
    assert read_file(tmp_path / "a.JSON") == read_file(tmp_path / "a.txt")
    with pytest.raises(FileNotFoundError):
        read_file(tmp_path / "missing.toml")


# -- the answer, printed into a stream whose encoding cannot hold it ---------------------------


def _ascii_stream(monkeypatch, *, tty):
    import io
    import sys

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(stream, "isatty", lambda: tty)
    monkeypatch.setattr(sys, "stdout", stream)
    return raw, stream


def test_the_schema_into_an_ascii_file_is_written_as_utf8(monkeypatch):
    raw, stream = _ascii_stream(monkeypatch, tty=False)
    assert main(["report", "--schema"]) == 0
    stream.flush()
    schema = json.loads(raw.getvalue().decode("utf-8"))
    assert schema["properties"]["enterprise"]["description"].startswith("Who the enterprise is (纳税人基本情况)")


def test_an_ascii_terminal_gets_a_message_not_a_changed_answer(monkeypatch, capsys):
    raw, stream = _ascii_stream(monkeypatch, tty=True)
    assert main(["report"]) == 1
    stream.flush()
    assert raw.getvalue() == b""
    assert "cannot show; set PYTHONIOENCODING=utf-8" in capsys.readouterr().err
