"""`crawl explain --html` looked at in a real browser (headless Chromium).

The report is served from 127.0.0.1 beside a harness page whose script reads
the report's computed styles through a same-origin iframe (the report itself
runs no script: its policy forbids it) and writes them into the DOM, which
Chromium's --dump-dom prints. Skipped, saying why, when no Chromium is found.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.pages import republished_page

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                "google-chrome"))), None)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine: "
                       "install Debian's `chromium` package (.ci/run does it in CI)"),
]

HARNESS = """<!DOCTYPE html><html><body>
<iframe id="report" src="report.html" width="1000" height="4000"></iframe>
<pre id="result">pending</pre>
<script>
document.getElementById("report").addEventListener("load", () => {
  const doc = document.getElementById("report").contentDocument;
  const view = doc.defaultView;
  const blocks = [...doc.querySelectorAll(".removed")].map(el => ({
    label: el.querySelector(".label").textContent,
    border: view.getComputedStyle(el).borderLeftColor,
    width: view.getComputedStyle(el).borderLeftWidth,
    visible: el.getBoundingClientRect().height > 0,
  }));
  const legend = [...doc.querySelectorAll("nav.legend li")].map(li => li.textContent.trim());
  const kept = [...doc.querySelectorAll("p.kept")].map(p => ({
    border: view.getComputedStyle(p).borderLeftWidth}));
  const scripts = doc.querySelectorAll("script").length;
  document.getElementById("result").textContent =
    JSON.stringify({blocks, legend, kept: kept.length,
                    keptBorders: [...new Set(kept.map(k => k.border))], scripts});
});
</script></body></html>"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def render_in_chromium(url: str, profile: Path) -> dict[str, object]:
    # The flags keep Chromium off the network (this machine has none) and sandbox-free as root.
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--disable-quic", "--no-first-run",
               f"--user-data-dir={profile}", "--virtual-time-budget=10000",
               "--dump-dom", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                            env=os.environ | {"HOME": str(profile)})
    assert result.returncode == 0, result.stderr[-2000:]
    node = LexborHTMLParser(result.stdout).css_first("#result")
    assert node is not None and node.text() != "pending", result.stdout[-2000:]
    return dict(json.loads(node.text()))


def test_explain_html_shows_removed_blocks_highlighted_with_a_legend(
        served: str, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    page = tmp_path / "page.html"
    page.write_text(republished_page(), encoding="utf-8")
    explained = subprocess.run(
        [str(Path(sys.executable).with_name("crawl")), "explain", str(page),
         "--url", "https://republisher.example/2026/11/27/harbour-reopens/", "--html", str(report)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False)
    assert explained.returncode == 0, explained.stderr
    (tmp_path / "harness.html").write_text(HARNESS, encoding="utf-8")

    seen = render_in_chromium(f"{served}/harness.html", tmp_path / "profile")

    blocks = seen["blocks"]
    assert isinstance(blocks, list) and blocks, "removed blocks are drawn"
    assert all(b["visible"] and b["width"] == "5px" for b in blocks)
    labels = " ".join(b["label"] for b in blocks)
    assert all(kind in labels for kind in ("source", "related", "comments"))
    colours = {b["border"] for b in blocks}
    assert len(colours) >= 2, "kinds are told apart by colour"
    assert "rgb(0, 0, 0)" not in colours, "a kind's colour came through"
    assert seen["kept"] and seen["keptBorders"] == ["0px"], "kept text is not highlighted"
    legend = seen["legend"]
    assert isinstance(legend, list) and any(item.startswith("kept") for item in legend)
    assert any(item.startswith("related") for item in legend)
    assert seen["scripts"] == 0
