"""The HTML report opened in a real browser: headless Chromium, driven through the DevTools protocol.

The test starts Chromium itself (Debian's package ``chromium``; ``.ci/run`` installs
it with the CJK fonts ``fonts-noto-cjk``), opens the example's page from a file
with the network off, and checks that it loads without a console error or an
uncaught exception, that each chart is drawn (an SVG of non-zero size with its
bars), that every figure shown equals the report's JSON, and that the Chinese
text is drawn with a CJK font.  It saves a screenshot of each language, and the
page itself, in ``docs/_build/report-html/`` for a person to look at.

Without a browser the test is skipped, and says why; it never passes without
having opened the page.  The browser is found as ``$TAXCALC_CHROMIUM``, else
``chromium`` or ``chromium-browser`` on the path.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from taxcalc.format import format_money
from taxcalc.report import build_report, example
from taxcalc.report.html import write_html
from taxcalc.report.html.charts import CJK_FONTS
from test_report_html import chart_figures, expected, json_amounts, shown

websocket = pytest.importorskip("websocket", reason="websocket-client (the test extra) is not installed")
pytest.importorskip("matplotlib", reason="the extra html (matplotlib) is not installed")

#: Where the screenshots are kept for review (docs/report-html.md points there).
SHOTS = Path(__file__).resolve().parent.parent / "docs" / "_build" / "report-html"

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
)
#: Seconds the browser may take to start, and to answer one command.
START_TIMEOUT, COMMAND_TIMEOUT = 60, 60


def _browser() -> str | None:
    named = os.environ.get("TAXCALC_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


class DevTools:
    """A minimal DevTools-protocol client for one page: commands, and the events seen meanwhile."""

    def __init__(self, url: str) -> None:
        # suppress_origin: Chromium refuses a websocket whose Origin it was not told to allow
        self.ws = websocket.create_connection(url, timeout=COMMAND_TIMEOUT, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + COMMAND_TIMEOUT
        while time.monotonic() < deadline:
            for e in self.events:
                if e.get("method") == event:
                    return e
            self.events.append(json.loads(self.ws.recv()))
        raise AssertionError(f"no {event} within {COMMAND_TIMEOUT} s")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def close(self) -> None:
        self.ws.close()


@contextlib.contextmanager
def chromium(path: str, profile: Path) -> Iterator[str]:
    """Headless Chromium at ``path`` with a fresh profile; yields its DevTools HTTP address, then ends it."""
    profile.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [path, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT
        while not (port_file.is_file() and port_file.read_text().strip()):
            if proc.poll() is not None:
                raise AssertionError(f"{path} exited with status {proc.returncode} before it listened")
            if time.monotonic() > deadline:
                raise AssertionError(f"{path} did not start within {START_TIMEOUT} s")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{int(port_file.read_text().split()[0])}"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the browser and the processes it started
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def browser_or_skip(what: str) -> str:
    """The browser's path, or the test is skipped saying so."""
    path = _browser()
    if path is None:
        pytest.skip(f"no Chromium browser found (install Debian's chromium, or set TAXCALC_CHROMIUM); {what}")
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[str]:
    """A headless Chromium started for this module; yields the DevTools HTTP address."""
    path = browser_or_skip("the HTML report was not opened in a browser")
    with chromium(path, tmp_path_factory.mktemp("chromium-profile")) as address:
        yield address


def _page_target(address: str) -> str:
    with urllib.request.urlopen(f"{address}/json/list", timeout=COMMAND_TIMEOUT) as r:  # noqa: S310 - 127.0.0.1
        targets = json.load(r)
    (page,) = [t for t in targets if t["type"] == "page"][:1]
    return str(page["webSocketDebuggerUrl"])


#: What the page shows, read in the browser: every figure, each chart's size and bars.
READ_PAGE = """(() => {
  const figures = {};
  for (const el of document.querySelectorAll('[data-figure]')) {
    figures[el.dataset.figure] = [el.dataset.value ?? null, el.textContent];
  }
  const charts = [...document.querySelectorAll('figure.chart')].map(f => {
    const svg = f.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return {id: f.dataset.chart, width: box.width, height: box.height,
            bars: [...f.querySelectorAll('svg g[id^="bar-"]')].map(g => g.id),
            labels: [...f.querySelectorAll('svg text')].map(t => t.textContent)};
  });
  return {figures, charts, title: document.title, height: document.documentElement.scrollHeight};
})()"""


def _errors(events: list[dict[str, Any]]) -> list[str]:
    out = []
    for e in events:
        p = e.get("params", {})
        if e.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
        elif e.get("method") == "Runtime.exceptionThrown":
            out.append("exception: " + json.dumps(p["exceptionDetails"])[:500])
        elif e.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
            out.append(f"log ({p['entry']['source']}): {p['entry']['text']} {p['entry'].get('url', '')}")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_renders_in_chromium_with_every_figure_and_chart(browser, tmp_path, lang):
    report = build_report(example())
    data = report.as_dict()
    page = write_html(report, tmp_path / f"report-example-{lang}.html", lang)
    tools = DevTools(_page_target(browser))
    try:
        for domain in ("Page", "Runtime", "Log", "DOM", "CSS", "Network"):
            tools.send(f"{domain}.enable")
        tools.send("Network.emulateNetworkConditions", offline=True, latency=0,
                   downloadThroughput=-1, uploadThroughput=-1)
        tools.send("Emulation.setDeviceMetricsOverride", width=1100, height=900, deviceScaleFactor=1, mobile=False)
        tools.send("Page.navigate", url=page.as_uri())
        tools.wait_for("Page.loadEventFired")
        seen = tools.evaluate(READ_PAGE)

        # no console error, no exception, nothing the page failed to load
        assert _errors(tools.events) == []
        assert not [e for e in tools.events if e.get("method") == "Network.loadingFailed"]

        # each chart is drawn, with a bar for each figure it shows
        want = chart_figures(data)
        assert [c["id"] for c in seen["charts"]] == ["savings", "with_without", "vat_months", "refunds"]
        for c in seen["charts"]:
            assert c["width"] > 200 and c["height"] > 50, c
            bars = {k for k in want if k.startswith(f"chart:{c['id']}:")}
            assert len(c["bars"]) == len(bars), c["id"]
        savings = next(c for c in seen["charts"] if c["id"] == "savings")
        assert {format_money(Decimal(s["amount"]), lang, symbol=False) for s in data["savings"]} <= set(
            savings["labels"])

        # every figure shown is the JSON's, as the text report shows it
        figures = {k: v for k, v in seen["figures"].items() if k != "total_saving_daxie"}
        assert json_amounts(data) <= set(figures)
        for figure, (value, text) in figures.items():
            want_value = expected(data, figure) if not figure.startswith("chart:") else want[figure]
            assert value == want_value, figure
            assert text == shown(value, lang, figure), (figure, text)
        assert seen["figures"]["total_saving_daxie"][1].endswith(data["total_saving_daxie"])

        # the Chinese text is drawn with a Chinese font (a bare machine draws empty boxes)
        root = tools.send("DOM.getDocument")["root"]["nodeId"]
        words = tools.send("DOM.querySelector", nodeId=root, selector='[data-figure="total_saving_daxie"]')
        fonts = tools.send("CSS.getPlatformFontsForNode", nodeId=words["nodeId"])["fonts"]
        assert any(f["familyName"] in CJK_FONTS and f["glyphCount"] >= 10 for f in fonts), (
            f"大写金额 drawn with {fonts}: no CJK font installed (Debian: fonts-noto-cjk)")

        # a screenshot of the whole page, and the page, for review
        tools.send("Emulation.setDeviceMetricsOverride", width=1100, height=int(seen["height"]),
                   deviceScaleFactor=1, mobile=False)
        shot = tools.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        SHOTS.mkdir(parents=True, exist_ok=True)
        png = base64.b64decode(shot["data"])
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
        (SHOTS / f"report-example-{lang}.png").write_bytes(png)
        shutil.copyfile(page, SHOTS / page.name)
    finally:
        tools.close()
