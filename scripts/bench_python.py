"""Python in a page: the playground's interpreter against the peers that run Python in a browser
page (Pyodide, MicroPython, both from npm in .tools/peers, loaded offline in the same headless
Chromium), and native CPython. Called by bench.py; prints one line per measure."""
import base64
import functools
import gzip
import http.server
import pathlib
import subprocess
import sys
import threading
import time
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
PEERS = ROOT / ".tools" / "peers"

CPU_LOOP = "s = 0\nfor i in range(3_000_000):\n    s += i * i\nprint(s)\n"
TASKS = ("import asyncio\n\nasync def work(i):\n    await asyncio.sleep(1)\n    return i\n\n"
         "async def main():\n    results = await asyncio.gather(*(work(i) for i in range(10_000)))\n"
         "    print(len(results))\n\n")
READY = "print('ready')\n"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def py_link(source):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(source.encode()) + packer.flush()
    return "#py=" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode() + "&run=1"


def downloaded(page_urls, base_url, folder):
    """Gzipped bytes of every file the page fetched from `folder`."""
    total = 0
    for url in set(page_urls):
        if not url.startswith(base_url):
            continue
        path = folder / url[len(base_url):].split("#")[0].split("?")[0]
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), 9))
    return total


def ours(browser, dist):
    """The playground: time to the first line of a program opened by link (page, worker and
    interpreter loaded), then the program's own measured total for each program."""
    server, base_url = serve(dist)
    page = browser.new_page()
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base_url + py_link(READY))
    page.wait_for_selector('[data-testid="console-line"]', timeout=60_000)
    ready = page.evaluate("() => performance.now()")
    page.wait_for_timeout(500)
    size = downloaded(urls, base_url, dist)
    page.close()
    results = {"ready": ready, "download": size}
    for name, source in [("cpu", CPU_LOOP), ("tasks", TASKS + "asyncio.run(main())\n")]:
        page = browser.new_page()
        page.goto(base_url + py_link(source))
        page.wait_for_selector('[data-testid="total-time"]', timeout=120_000)
        results[name] = float(page.get_attribute('[data-testid="total-time"]', "data-ms"))
        page.close()
    server.shutdown()
    return results


PYODIDE = """async ([ready, cpu, tasks]) => {
    const t0 = performance.now();
    const {loadPyodide} = await import('/node_modules/pyodide/pyodide.mjs');
    const py = await loadPyodide({indexURL: '/node_modules/pyodide/', stdout: () => {}});
    py.runPython(ready);
    const t1 = performance.now();
    py.runPython(cpu);
    const t2 = performance.now();
    await py.runPythonAsync(tasks);
    const t3 = performance.now();
    return {ready: t1 - t0, cpu: t2 - t1, tasks: t3 - t2};
}"""

MICROPYTHON = """async ([ready, cpu, tasks]) => {
    const t0 = performance.now();
    const {loadMicroPython} = await import('/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs');
    const mp = await loadMicroPython({heapsize: 256 * 1024 * 1024, pystack: 1 << 20, stdout: () => {}});
    mp.runPython(ready);
    const t1 = performance.now();
    mp.runPython(cpu);
    const t2 = performance.now();
    await mp.runPythonAsync(tasks);
    const t3 = performance.now();
    return {ready: t1 - t0, cpu: t2 - t1, tasks: t3 - t2};
}"""


def peer(browser, script):
    """A peer loaded in a blank page of its own: time to ready (import, load, first print) and
    the two programs (the tasks as a notebook cell: top-level `await main()`)."""
    (PEERS / "index.html").write_text("<!doctype html><title>peers</title>\n")
    server, base_url = serve(PEERS)
    page = browser.new_page()
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base_url)
    results = page.evaluate(script, [READY, CPU_LOOP, TASKS + "await main()\n"])
    results["download"] = downloaded(urls, base_url, PEERS) - len(gzip.compress((PEERS / "index.html").read_bytes(), 9))
    page.close()
    server.shutdown()
    return results


def cpython():
    """Native CPython: the CPU loop's wall time, and the tasks on CPython's own loop with real
    sleeps (what `asyncio.run` takes on this machine)."""
    results = {"ready": None, "download": None}
    for name, source in [("cpu", CPU_LOOP), ("tasks", TASKS + "asyncio.run(main())\n")]:
        timed = f"import time as _t\n_t0 = _t.perf_counter()\n{source}\nprint(f'@{{(_t.perf_counter() - _t0) * 1000:.1f}}')\n"
        out = subprocess.run([sys.executable, "-c", timed], capture_output=True, text=True, check=True).stdout
        results[name] = float(out.strip().splitlines()[-1][1:])
    return results


def measure(browser, dist):
    """Rows (name, results) for the table; a peer that fails says why instead."""
    rows = [("Async Playground (this page)", ours(browser, dist))]
    for name, script in [("Pyodide 0.27.7 (CPython 3.12 in wasm)", PYODIDE),
                         ("MicroPython 1.27 (webassembly-pyscript)", MICROPYTHON)]:
        try:
            rows.append((name, peer(browser, script)))
        except Exception as error:  # a peer missing or broken: reported, not fatal
            rows.append((name, {"error": str(error).splitlines()[0]}))
    rows.append((f"CPython {sys.version.split()[0]} (native, not in a page)", cpython()))
    for name, r in rows:
        print(f"python in a page: {name}: {r}", flush=True)
    return rows


def table(rows):
    def ms(value):
        return "—" if value is None else f"{value:,.0f} ms"

    def kb(value):
        return "—" if value is None else f"{value / 1024:,.0f} KB"

    lines = ["| runs Python | download (gzip) | ready | CPU loop, 3 M iterations | 10,000 tasks sleeping 1 s (÷ ideal) |",
             "|---|---:|---:|---:|---:|"]
    for name, r in rows:
        if "error" in r:
            lines.append(f"| {name} | failed: {r['error']} | | | |")
            continue
        lines.append(f"| {name} | {kb(r['download'])} | {ms(r['ready'])} | {ms(r['cpu'])} | "
                     f"{ms(r['tasks'])} ({r['tasks'] / 1000:.2f}) |")
    return lines


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--enable-features=AlignWakeUps"])
        print("\n".join(table(measure(browser, ROOT / "dist"))))
        browser.close()
