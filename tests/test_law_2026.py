"""The law of 2026 in the data: each change on the day before and the day of its switch
day, its citation, and which keys answer on 2026-12-01 (docs/law-audit.md, "Keys that do
not answer on 2026-12-01")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc import law

DATA = law.default()
D = Decimal
AUDIT = Path(__file__).resolve().parent.parent / "docs" / "law-audit.md"

TEN = "财政部 税务总局公告2026年第10号"
NINETEEN = "财政部 税务总局公告2023年第19号"


def cited(key: str, day: str, known_on: str | None = None) -> tuple[object, str]:
    v = DATA.value(key, day, known_on)
    return v.value, str(v.citation)


# -- the register -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("number", "issued", "known_from", "effective_from"),
    [
        ("财政部 税务总局公告2026年第9号", "2026-01-30", "2026-01-30", "2026-01-01"),
    ],
)
def test_the_2026_notices_are_registered_with_their_days(number, issued, known_from, effective_from):
    d = law.document(number)
    assert (str(d.issued), str(d.known_from), str(d.effective_from)) == (issued, known_from, effective_from)
    assert d.source and d.note


def test_secondary_sources_are_said_to_be_secondary():
    for number in ("财政部 税务总局公告2026年第9号",):
        assert "Secondary sources only" in law.document(number).note, number


# -- telecom: mobile data, SMS/MMS and broadband move to basic telecom -----------------------

def test_telecom_bands_say_what_they_cover_from_2026():
    basic, added = DATA.spec("vat.rate.basic_telecom"), DATA.spec("vat.rate.value_added_telecom")
    assert "2026-01-01" in basic.en and "mobile data" in basic.en and "including" in basic.en
    assert "2026-01-01" in added.en and "mobile data" in added.en and "excluding" in added.en
    assert cited("vat.rate.basic_telecom", "2025-12-31") == (D("0.09"), "财政部 税务总局 海关总署公告2019年第39号 第一条")
    assert cited("vat.rate.basic_telecom", "2026-01-01") == (D("0.09"), "中华人民共和国增值税法 第十条第（二）项")
    assert cited("vat.rate.value_added_telecom", "2025-12-31")[0] == D("0.06")
    assert cited("vat.rate.value_added_telecom", "2026-01-01") == (D("0.06"), "中华人民共和国增值税法 第十条第（三）项")
    for key in ("vat.rate.basic_telecom", "vat.rate.value_added_telecom"):
        assert "财政部 税务总局公告2026年第9号" in DATA.value(key, "2026-01-01").note
        assert "2026年第9号" not in DATA.value(key, "2025-12-31").note
