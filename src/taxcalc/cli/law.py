"""``taxcalc law``: list the keys, show a key's history, or its value on a day."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any

from .._provenance import provenance
from ..law import Law, LawValue
from ..law.coverage import STATUS_ZH
from ..money import date_arg
from ..text import render_table
from . import HAND_WRITTEN
from .common import (
    WIDTH,
    add_law_options,
    add_output_options,
    chosen_law,
    dump_json,
    fit,
    law_options,
)

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "law",
        help=HAND_WRITTEN["law"][0],
        description=HAND_WRITTEN["law"][1],
    )
    p.add_argument("key", nargs="?", help="a key, e.g. vat.rate.standard (or a prefix to list)")
    p.add_argument("--on", metavar="DATE", help="the value in force on DATE (YYYY-MM-DD)")
    p.add_argument("--coverage", metavar="DATE",
                   help="what the law data covers on DATE: whether each rule can answer (its example run on "
                        "DATE), its keys that answer, and for each key that does not, where its data stop and why")
    add_law_options(p)
    add_output_options(p)
    p.set_defaults(func=run)


def value_json(v: LawValue) -> dict[str, Any]:
    out: dict[str, Any] = {
        "from": v.first.isoformat(),
        "to": v.last.isoformat() if v.last else None,
    }
    if v.gap:
        out["gap"] = v.gap
        out["gap_zh"] = v.gap_zh
    else:
        out["value"] = str(v.value) if not isinstance(v.value, bool | int | tuple) else v.value
        out["doc"] = v.citation.doc
        out["article"] = v.citation.article
    if v.note:
        out["note"] = v.note
    if v.superseded_by:
        out["enacted_to"] = v.enacted_last.isoformat() if v.enacted_last else None
        out["superseded_by"] = v.superseded_by
    return out


def _cite(v: LawValue, lang: str) -> str:
    return v.gap_reason(lang) if v.gap else str(v.citation)


def run(args: argparse.Namespace) -> str:
    en = args.lang == "en"
    known, _ = law_options(args)
    data = chosen_law(args)
    if args.coverage:
        return _coverage(data, date_arg(args.coverage, "--coverage"), en=en, as_json=args.json)
    if args.key is None or (args.key not in data.keys() and data.keys(args.key)):
        names = data.keys(args.key or "")
        if args.json:
            return dump_json(
                {
                    "keys": [
                        {
                            "key": k,
                            "zh": data.spec(k).zh,
                            "en": data.spec(k).en,
                            "type": data.spec(k).type,
                            "from": data.spec(k).first.isoformat(),
                            "to": (lambda s: s.isoformat() if s else None)(data.spec(k).last),
                        }
                        for k in names
                    ],
                    "provenance": provenance(data),
                }
            )
        rows = [
            [k, data.spec(k).en if en else data.spec(k).zh,
             f"{data.spec(k).first} – {data.spec(k).last or '…'}"]
            for k in names
        ]
        head = ["key", "name", "covered"] if en else ["键", "名称", "覆盖期间"]
        return render_table(head, rows, width=WIDTH, fixed=(0, 2))
    spec = data.spec(args.key)
    if args.on:
        v = data.value(args.key, date_arg(args.on, "--on"))
        if args.json:
            return dump_json({"key": spec.name, "on": args.on, **value_json(v),
                              "provenance": provenance(data)})
        lines = [
            f"{spec.name}  {spec.en if en else spec.zh}",
            f"{'on' if en else '日期'}: {args.on}" + (f"  ({'as known on' if en else '依'} {known}"
                                                      + ("" if en else " 已公布的规定") + ")" if known else ""),
            f"{'value' if en else '值'}: {v.shown(args.lang)}",
            f"{'window' if en else '期间'}: {v.window()}",
            f"{'citation' if en else '依据'}: {v.citation}",
        ]
        if v.note:
            lines.append(f"{'note' if en else '说明'}: {v.note}")
        return fit("\n".join(lines))
    values = data.history(args.key)
    if args.json:
        return dump_json(
            {"key": spec.name, "zh": spec.zh, "en": spec.en, "type": spec.type,
             "known_on": known.isoformat() if known else None,
             "values": [value_json(v) for v in values], "provenance": provenance(data)}
        )
    head = ["from", "to", "value", "citation"] if en else ["起", "止", "值", "依据"]
    rows = [[str(v.first), str(v.last or "…"), v.shown(args.lang), _cite(v, args.lang)] for v in values]
    title = f"{spec.name}  {spec.en if en else spec.zh}"
    if known:
        title += f"  (as known on {known})" if en else f"（依{known}已公布的规定）"
    figures = spec.type not in ("text", "codes")  # figures line up on the right; text wraps
    table = render_table(head, rows, right=(2,) if figures else (), width=WIDTH, fixed=(0, 1))
    return fit(title) + "\n" + table


def coverage_document(data: Law, on: _dt.date) -> dict[str, Any]:
    """Every rule, whether it answers on ``on`` (its example run on the day, see
    :func:`taxcalc.law.rule_coverage`) and the keys it reads that answer; every key that
    does not, and why.

    A rule whose keys answer only in part may still answer: some rules read
    different keys on different days (the small-scale threshold, for one), so the
    keys of another era do not answer.  The keys that do not answer say why.  As
    ``taxcalc law --coverage DATE --json`` prints it (and the service answers it).
    """
    from ..law import coverage, rule_coverage
    from ..rules import RULES

    rows = coverage(on, law=data)
    verdicts = {v.rule: v for v in rule_coverage(on, law=data)}
    answers = {r.key: r.answers for r in rows}

    def named(pattern: str) -> list[str]:
        return [k for k in answers if (k.startswith(pattern[:-1]) if pattern.endswith("*") else k == pattern)]

    rules: list[dict[str, Any]] = []
    for rule in RULES:
        keys = sorted({k for p in rule.keys for k in named(p)})
        good = [k for k in keys if answers[k]]
        v = verdicts[rule.id]
        rules.append({"id": rule.id, "verdict": v.verdict, "answers": v.answers, "reason": v.reason,
                      "reason_zh": v.reason_zh,
                      "stops": {"key": v.key, "to": v.last.isoformat() if v.last else None} if v.key else None,
                      "example": v.example,
                      "keys": len(keys), "answering": len(good),
                      "not_answering": [k for k in keys if not answers[k]]})
    return {
        "on": on.isoformat(),
        "rules": rules,
        "keys": [{"key": r.key, "answers": r.answers, "status": r.status, "from": r.first.isoformat(),
                  "to": r.last.isoformat() if r.last else None, "reason": r.reason,
                  "reason_zh": r.reason_in("zh", law=data), "citation": r.citation}
                 for r in rows],
        "provenance": provenance(data),
    }


def _in_part(rule: dict[str, Any], reason: str, *, en: bool) -> str:
    """Why a rule does not answer in full: its reason, said to be about a part where it answers in part."""
    if rule["verdict"] != "answers in part":
        return reason
    head = "answers in part; does not answer: " if en else "部分可答；不可答部分："
    return head + reason


def _coverage(data: Law, on: _dt.date, *, en: bool, as_json: bool) -> str:
    """The coverage of ``on`` as JSON or as tables (see :func:`coverage_document`)."""
    doc = coverage_document(data, on)
    if as_json:
        return dump_json(doc)
    rules: list[dict[str, Any]] = doc["rules"]
    rows: list[dict[str, Any]] = doc["keys"]
    missing = [r for r in rows if not r["answers"]]
    head = ["rule", "on the day", "keys answering"] if en else ["规则", "当日", "可答键数"]
    shown = {"answers": "可答", "answers in part": "部分可答", "not in force": "未施行", "cannot answer": "不可答",
             "not tested": "未测"}
    table = render_table(
        head, [[str(r["id"]), str(r["verdict"]) if en else shown[str(r["verdict"])], f"{r['answering']} / {r['keys']}"]
               for r in rules], right=(2,), width=WIDTH)
    able = sum(1 for r in rules if r["answers"])
    part = sum(1 for r in rules if r["verdict"] == "answers in part")
    title = (f"What the law data covers on {on}: {able} of {len(rules)} rules answer"
             + (f" ({part} in part)" if part else "") + f", {len(rows) - len(missing)} of {len(rows)} keys answer"
             if en else f"{on} 法规数据覆盖情况：{len(rules)} 条规则中 {able} 条可答"
             + (f"（其中 {part} 条部分可答）" if part else "") + f"，{len(rows)} 个键中 {len(rows) - len(missing)} 个可答")
    out = [fit(title), table]
    silent = [r for r in rules if not r["answers"] or r["verdict"] in ("not in force", "answers in part")]
    if silent:
        out += ["", render_table(["rule", "why"] if en else ["规则", "原因"],
                                 [[str(r["id"]), _in_part(r, str(r["reason" if en else "reason_zh"]), en=en)]
                                  for r in silent], width=WIDTH, fixed=(0,))]
    if missing:
        out += ["", render_table(["key", "status", "why"] if en else ["键", "状态", "原因"],
                                 [[r["key"], r["status"] if en else STATUS_ZH[r["status"]],
                                   r["reason" if en else "reason_zh"]] for r in missing],
                                 width=WIDTH, fixed=(0, 1))]
    return "\n".join(out)

