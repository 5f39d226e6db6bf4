#!/usr/bin/env python3
"""Screenshots of the built page (dist/) in headless Chromium, to look at before calling UI work done.

usage: scripts/screenshot.py OUT.png [--fragment '#z=...&run=1'] [--width 1400] [--dark] [--wait-done]
                              [--click SELECTOR]... [--wait SELECTOR]...
"""
import argparse
import functools
import http.server
import pathlib
import threading

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--fragment", default="")
parser.add_argument("--width", type=int, default=1400)
parser.add_argument("--height", type=int, default=1000)
parser.add_argument("--dark", action="store_true")
parser.add_argument("--viewport-only", action="store_true", help="only what fits the window, not the whole page")
parser.add_argument("--wait-done", action="store_true")
parser.add_argument("--click", action="append", default=[], help="a selector to click first")
parser.add_argument("--wait", action="append", default=[], help="a selector to wait for before the shot")
options = parser.parse_args()

handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ROOT / "dist"))
handler.log_message = lambda *a: None
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page(viewport={"width": options.width, "height": options.height},
                            color_scheme="dark" if options.dark else "light")
    page.on("console", lambda m: print("console:", m.type, m.text) if m.type in ("error", "warning") else None)
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/{options.fragment}")
    page.wait_for_selector('[data-testid="run-state"]')
    for selector in options.click:
        page.click(selector)
    if options.wait_done:
        page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=60_000)
    for selector in options.wait:
        page.wait_for_selector(selector, timeout=60_000)
    page.wait_for_timeout(300)
    page.screenshot(path=options.out, full_page=not options.viewport_only)
    browser.close()
server.shutdown()
