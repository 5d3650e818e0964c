"""Citation.text, written on first read and kept, is the same whichever threads read it first.

The text is a pure function of the citation's two fields, and the one write
(``obj.__dict__["text"] = ...``) is a single dict assignment: threads that read
a fresh citation at once may each write it, always the same string.
"""

from __future__ import annotations

import threading

from taxcalc.explain import Citation, Step


def test_concurrent_first_reads_of_fresh_citations_all_see_the_same_text():
    cites = [Citation(f"财税〔2018〕{n}号", f"第{n % 7}条" if n % 3 else "") for n in range(2000)]
    expected = [f"{c.doc} {c.article}".rstrip() for c in cites]
    threads_n = 8
    start = threading.Barrier(threads_n)
    seen: list[list[str]] = [[] for _ in range(threads_n)]

    def read(i: int) -> None:
        start.wait()
        order = cites if i % 2 else cites[::-1]  # half the threads start from the other end
        got = [c.text for c in order]
        seen[i] = got if i % 2 else got[::-1]

    workers = [threading.Thread(target=read, args=(i,)) for i in range(threads_n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert not any(w.is_alive() for w in workers)
    for got in seen:
        assert got == expected
    assert [str(c) for c in cites] == expected  # kept: later reads agree
    assert all(c.__dict__["text"] == e for c, e in zip(cites, expected, strict=True))


def test_the_text_kept_is_not_part_of_the_value():
    a, b = Citation("财税〔2018〕77号", "一"), Citation("财税〔2018〕77号", "一")
    assert a.text == "财税〔2018〕77号 一" and "text" in a.__dict__ and "text" not in b.__dict__
    assert a == b and hash(a) == hash(b)
    assert Step("x", "甲", "x", 1, cite=(a,)) == Step("x", "甲", "x", 1, cite=(b,))
    assert a._replace(article="二").text == "财税〔2018〕77号 二"  # a copy with a new field is written anew
