"""Speed of the HTTP service and of ``taxcalc jsonl`` on loopback (not a test).

* a rule question (``POST /v1/rules/vat.rate``) and a report (``POST /v1/report``, the
  built-in example): one client on a kept-alive connection (latency p50/p99, requests
  per second), then several clients at once (requests per second);
* the baseline in the same run: a bare ASGI application under the same server
  (uvicorn) answering a fixed JSON body, asked the same way, so the ratio shows what
  taxcalc and FastAPI add to the server's own cost;
* ``taxcalc jsonl vat.rate`` over many lines, beside a bare Python loop that reads
  and writes the same JSON lines, and the same questions asked in process.

Run with the package installed with its server extra:
``python benchmarks/bench_service.py [--requests N] [--lines N]``.
The client is the standard library's ``http.client`` (lighter than httpx, so the
figures are the server's).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time

QUESTION = json.dumps({"band": "standard", "on": "2019-04-01"}).encode()

#: A bare ASGI application under uvicorn: the server's own cost.
BARE = """
import sys, uvicorn
BODY = b'{"rate":"0.13"}'
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    more = True
    while more:
        more = (await receive()).get("more_body", False)
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"15")]})
    await send({"type": "http.response.body", "body": BODY})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""

#: A bare loop reading and writing JSON lines: the cost of the pipe and of json itself.
BARE_LINES = """
import json, sys
out = sys.stdout
for line in sys.stdin:
    out.write(json.dumps(json.loads(line)) + "\\n")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(argv: list[str], port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server {argv} did not start")


def _sequential(port: int, path: str, body: bytes, n: int) -> list[float]:
    """Latencies in ms of ``n`` requests on one kept-alive connection (after 20 untimed)."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Content-Type": "application/json"}
    out: list[float] = []
    for i in range(n + 20):
        start = time.perf_counter()
        conn.request("POST", path, body, headers)
        response = conn.getresponse()
        data = response.read()
        if i >= 20:
            out.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: {response.status} {data[:200]!r}")
    conn.close()
    return out


def _concurrent(port: int, path: str, body: bytes, clients: int, each: int) -> float:
    """Requests per second of ``clients`` threads, each sending ``each`` requests on its own connection."""
    def client() -> None:
        _sequential(port, path, body, each)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return clients * (each + 20) / (time.perf_counter() - start)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _line(name: str, ms: list[float]) -> str:
    return (f"{name:<34} p50 {statistics.median(ms):6.2f} ms  p99 {_pct(ms, 0.99):6.2f} ms  "
            f"{1000 / statistics.mean(ms):7.0f} req/s (one client)")


def _report_body() -> bytes:
    import tomllib

    from taxcalc.report import example_text

    data = tomllib.loads(example_text())
    return json.dumps(data, default=lambda d: d.isoformat(), ensure_ascii=False).encode()


def _timed_pipe(argv: list[str], data: bytes) -> float:
    """Wall time of one run, in seconds (its CPU time is added to :data:`_CPU`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, input=data, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _CPU.setdefault((tuple(argv), len(data)), []).append(
        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode != 0 and argv[-1] == "vat.rate":
        raise SystemExit(f"taxcalc jsonl failed: {done.returncode}")
    return elapsed


#: The CPU time (user + system) of each run of a command, by command and input size.
_CPU: dict[tuple[tuple[str, ...], int], list[float]] = {}


def _jsonl(lines: int) -> None:
    from taxcalc import rules
    from taxcalc.law import default
    from taxcalc.service.answers import ask_rule, encode, read_json

    days = ["2018-04-30", "2018-05-01", "2019-03-31", "2019-04-01", "2026-01-01"]
    bands = ["standard", "low_rate_goods", "modern_services", "transport", "financial_services"]
    docs = [json.dumps({"band": bands[i % 5], "on": days[(i // 5) % 5]}) for i in range(lines)]
    data = ("\n".join(docs) + "\n").encode()
    jsonl = [sys.executable, "-m", "taxcalc", "jsonl", "vat.rate"]
    empty = statistics.median(_timed_pipe(jsonl, b"") for _ in range(3))
    full = statistics.median(_timed_pipe(jsonl, data) for _ in range(3))
    bare_empty = statistics.median(_timed_pipe([sys.executable, "-c", BARE_LINES], b"") for _ in range(3))
    bare = statistics.median(_timed_pipe([sys.executable, "-c", BARE_LINES], data) for _ in range(3))
    rule, law = rules.get("vat.rate"), default()
    start = time.perf_counter()
    for doc in docs:
        encode(ask_rule(rule, read_json(doc.encode()), law))
    in_process = time.perf_counter() - start
    rate = lines / (full - empty)
    cpu = statistics.median(_CPU[(tuple(jsonl), len(data))]) - statistics.median(_CPU[(tuple(jsonl), 0)])
    print(f"taxcalc jsonl vat.rate, {lines} lines: {full:.2f} s in all, {empty:.2f} s of it start-up; "
          f"{rate:,.0f} lines/s after start-up ({lines / full:,.0f}/s with it)  (target >= 10,000/s)"
          f"{'  ok' if rate >= 10_000 else '  UNDER TARGET'}")
    print(f"  CPU time (user + system) after start-up: {cpu:.2f} s, {lines / cpu:,.0f} lines per CPU second "
          "(less sensitive than wall time to the load of a shared machine)")
    print(f"  the same questions in process (read, compute, encode): {lines / in_process:,.0f}/s")
    print(f"  baseline, a bare json loop over the same lines: {lines / (bare - bare_empty):,.0f} lines/s; "
          f"jsonl takes {(full - empty) / (bare - bare_empty):.1f}x its time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="rule questions timed (default 2000)")
    parser.add_argument("--lines", type=int, default=50_000, help="lines given to taxcalc jsonl (default 50000)")
    args = parser.parse_args()
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.platform()}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    bare_port, port = _free_port(), _free_port()
    bare = _start([sys.executable, "-c", BARE, str(bare_port)], bare_port)
    service = _start([sys.executable, "-m", "taxcalc", "serve", "--port", str(port)], port)
    try:
        report = _report_body()
        base = _sequential(bare_port, "/", QUESTION, args.requests)
        rule = _sequential(port, "/v1/rules/vat.rate", QUESTION, args.requests)
        reports = _sequential(port, "/v1/report", report, max(args.requests // 10, 50))
        print(_line("bare uvicorn app (baseline)", base))
        print(_line("POST /v1/rules/vat.rate", rule) + ("  (target p50 <= 2 ms)"
              f"{'  ok' if statistics.median(rule) <= 2 else '  OVER TARGET'}"))
        print(_line("POST /v1/report (built-in example)", reports))
        print(f"rule question / baseline, p50: {statistics.median(rule) / statistics.median(base):.1f}x")
        for clients in (8,):
            each = max(args.requests // clients, 50)
            print(f"{clients} clients at once: baseline {_concurrent(bare_port, '/', QUESTION, clients, each):,.0f} "
                  f"req/s, rule question {_concurrent(port, '/v1/rules/vat.rate', QUESTION, clients, each):,.0f} "
                  f"req/s, report {_concurrent(port, '/v1/report', report, clients, max(each // 10, 10)):,.0f} req/s")
    finally:
        for proc in (service, bare):
            proc.terminate()
            proc.wait(timeout=10)
    _jsonl(args.lines)


if __name__ == "__main__":
    main()
