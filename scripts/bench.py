#!/usr/bin/env python3
"""Benchmark of the release page in headless Chromium: prints a table and writes BENCHMARKS.md.

For N tasks gathered (one sleep each, delays spread from 0.5 to 1.0 s, real time): the measured
total against the ideal (the longest delay) and against plain JS doing the same in the same page
(Promise.all over setTimeout), timer lateness as the page reports it, frames per second and the
longest frame during the run; then 100 runs of 1,000 tasks for leaks, the first render, and the
gzipped size of every file the page downloads.
"""
import argparse
import base64
import datetime
import functools
import gzip
import http.server
import json
import os
import pathlib
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import zlib

from playwright.sync_api import sync_playwright

import bench_python

ROOT = pathlib.Path(__file__).resolve().parents[1]
DIST = pathlib.Path(os.environ.get("DIST_DIR", ROOT / "dist"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--enable-precise-memory-info", "--js-flags=--expose-gc", "--enable-features=AlignWakeUps"]


def z_link(scenario):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(json.dumps(scenario, separators=(",", ":")).encode()) + packer.flush()
    return "#z=" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def delays(n, low=0.5, high=1.0):
    return [round(low + (high - low) * (i / (n - 1) if n > 1 else 0), 6) for i in range(n)]


def gather_scenario(n, time_scale=1.0, low=0.5, high=1.0):
    return {"version": 1, "title": f"{n} tasks gathered", "strategy": "gather", "time_scale": time_scale,
            "tasks": [{"name": f"t{i}", "steps": [{"sleep": d}], "returns": i} for i, d in enumerate(delays(n, low, high))]}


FRAMES_JS = """() => { window.__frames = []; window.__recording = true;
  const tick = t => { window.__frames.push(t); if (window.__recording) requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""
PLAIN_JS = """async delays => { const t0 = performance.now();
  await Promise.all(delays.map(d => new Promise(resolve => setTimeout(resolve, d))));
  return performance.now() - t0; }"""


def heap(page, cdp):
    cdp.send("HeapProfiler.collectGarbage")
    return page.evaluate("() => ({js: performance.memory.usedJSHeapSize, wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength : 0})")


def open_page(browser, base_url, fragment=""):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.add_init_script("addEventListener('TrunkApplicationStarted', e => { window.__wasm = e.detail.wasm; })")
    page.goto(base_url + fragment)
    page.wait_for_selector('[data-testid="run-state"]')
    return page


def run_size(browser, base_url, n):
    page = open_page(browser, base_url, z_link(gather_scenario(n)))
    page.wait_for_function(f"document.querySelector('.editor-pane .count')?.textContent === '{n}'", timeout=120_000)
    page.evaluate(FRAMES_JS)
    page.click('[data-testid="run"]')
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=300_000)
    page.evaluate("() => { window.__recording = false; }")
    frames = page.evaluate("() => window.__frames")
    total = float(page.locator('[data-testid="total-time"]').get_attribute("data-ms"))
    lateness = page.locator('[data-testid="lateness"]')
    median, p99 = float(lateness.get_attribute("data-median-ms")), float(lateness.get_attribute("data-p99-ms"))
    plain = page.evaluate(PLAIN_JS, [d * 1000 for d in delays(n)])
    gaps = [b - a for a, b in zip(frames, frames[1:])]
    duration = (frames[-1] - frames[0]) if len(frames) > 1 else 0
    page.close()
    return {"n": n, "total": total, "ideal": 1000.0, "plain": plain, "median": median, "p99": p99,
            "fps": (len(frames) - 1) / duration * 1000 if duration else 0, "longest_frame": max(gaps) if gaps else 0}


def run_on_open(browser, base_url, n):
    """The same gather opened by a `&run=1` link in a fresh page, as a visitor meets it: no
    warm-up, no click; then plain JS timers in the same page for comparison."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(base_url + z_link(gather_scenario(n)) + "&run=1")
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=300_000)
    total = float(page.locator('[data-testid="total-time"]').get_attribute("data-ms"))
    lateness = page.locator('[data-testid="lateness"]')
    median, p99 = float(lateness.get_attribute("data-median-ms")), float(lateness.get_attribute("data-p99-ms"))
    plain = page.evaluate(PLAIN_JS, [d * 1000 for d in delays(n)])
    context.close()
    return {"n": n, "total": total, "ideal": 1000.0, "plain": plain, "median": median, "p99": p99}


def leak_check(browser, base_url, runs=100, n=1000):
    page = open_page(browser, base_url, z_link(gather_scenario(n, time_scale=0.01)))
    cdp = page.context.new_cdp_session(page)
    page.click('[data-testid="run"]')
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=60_000)
    before = heap(page, cdp)
    for _ in range(runs):
        page.click('[data-testid="run"]')
        page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=60_000)
    after = heap(page, cdp)
    page.close()
    return before, after


def scrub_check(browser, base_url, n=10_000, python=False):
    """Time travel over an n-task gather (a scenario, or with `python` the same gather as a
    Python program): the scrubber moved by keyboard (callbacks, iterations, ends) and by mouse
    across the run, while every animation frame is recorded."""
    if python:
        page = open_page(browser, base_url, bench_python.py_link(bench_python.TASKS.replace("10_000", f"{n:_}")
                                                                 + "asyncio.run(main())\n"))
    else:
        page = open_page(browser, base_url, z_link(gather_scenario(n, time_scale=0.1)))
        page.wait_for_function(f"document.querySelector('.editor-pane .count')?.textContent === '{n}'", timeout=120_000)
        page.click('[data-testid="run"]')
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=300_000)
    if page.locator('[data-testid="record-history"]').count():
        page.click('[data-testid="record-history"]')
    scrubber = page.locator('[data-testid="scrubber"]')
    scrubber.wait_for(timeout=60_000)
    callbacks = int(scrubber.get_attribute("max"))
    scrubber.focus()
    page.evaluate(FRAMES_JS)
    keys = ["Home"] + ["ArrowRight"] * 10 + ["Shift+ArrowRight"] * 6 + ["End"] + ["ArrowLeft"] * 10 + ["Shift+ArrowLeft"] * 6
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(30)
    box = scrubber.bounding_box()
    clicks = 20
    for i in range(clicks):
        page.mouse.click(box["x"] + box["width"] * (i + 0.5) / clicks, box["y"] + box["height"] / 2)
        page.wait_for_timeout(30)
    page.evaluate("() => { window.__recording = false; }")
    frames = page.evaluate("() => window.__frames")
    gaps = [b - a for a, b in zip(frames, frames[1:])]
    page.close()
    return {"n": n, "callbacks": callbacks, "moves": len(keys) + clicks, "longest_frame": max(gaps) if gaps else 0,
            "median_frame": sorted(gaps)[len(gaps) // 2] if gaps else 0}


def first_render(browser, base_url, tries=5):
    times = []
    for _ in range(tries):
        page = open_page(browser, base_url)
        times.append(page.evaluate("() => performance.getEntriesByName('app-rendered')[0].startTime"))
        page.close()
    return sorted(times)[len(times) // 2]


def sizes():
    rows = []
    for path in sorted(DIST.iterdir()):
        if path.is_file():
            rows.append((path.name, path.stat().st_size, len(gzip.compress(path.read_bytes(), 9))))
    return rows


INTERPRETER_PROGRAMS = {
    "10,000 tasks by code (`gather(*(work(i) for i in range(10_000)))`, sleep 1 s each)": (
        "import asyncio\n\n"
        "async def work(i):\n    await asyncio.sleep(1)\n    return i\n\n"
        "async def main():\n    results = await asyncio.gather(*(work(i) for i in range(10_000)))\n"
        "    print(len(results))\n\n"
        "asyncio.run(main())\n"),
    "CPU loop (3,000,000 iterations of `s += i * i`)": (
        "s = 0\nfor i in range(3_000_000):\n    s += i * i\nprint(s)\n"),
}


def cpu_seconds(command, tries=3):
    """The best child CPU time (user + system) of `command` over a few tries."""
    best = None
    for _ in range(tries):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = spent if best is None else min(best, spent)
    return best


def interpreter_vs_cpython():
    """The interpreter (native build of `asyncio-run`, virtual clock) against CPython on the same
    programs (CPython's own loop on the same virtual clock), in CPU seconds."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "asyncio-run"], check=True, cwd=ROOT)
    binary = ROOT / "target" / "release" / "asyncio-run"
    harness = ROOT / "tests" / "support" / "virtual_clock.py"
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for label, source in INTERPRETER_PROGRAMS.items():
            path = pathlib.Path(folder) / "program.py"
            path.write_text(source)
            ours = cpu_seconds([str(binary), str(path)])
            cpython = cpu_seconds([sys.executable, str(harness), str(path)])
            rows.append((label, ours, cpython))
            print(f"interpreter: {label}: {ours * 1000:.0f} ms CPU, CPython {cpython * 1000:.0f} ms", flush=True)
    return rows


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, {chromium}, headless"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument("--open-sizes", default="1000,10000")
    parser.add_argument("--leak-runs", type=int, default=100)
    options = parser.parse_args()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(DIST))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in [int(s) for s in options.sizes.split(",")]:
            results.append(run_size(browser, base_url, n))
            r = results[-1]
            print(f"N={n:>6}: total {r['total']:.1f} ms (ideal {r['ideal']:.0f}, plain JS {r['plain']:.1f}), "
                  f"lateness median {r['median']:.2f} p99 {r['p99']:.2f} ms, {r['fps']:.0f} fps, longest frame {r['longest_frame']:.0f} ms", flush=True)
        opened = []
        for n in [int(s) for s in options.open_sizes.split(",") if s]:
            opened.append(run_on_open(browser, base_url, n))
            r = opened[-1]
            print(f"N={n:>6} on open: total {r['total']:.1f} ms (plain JS {r['plain']:.1f}), "
                  f"lateness median {r['median']:.2f} p99 {r['p99']:.2f} ms", flush=True)
        before, after = leak_check(browser, base_url, options.leak_runs)
        render = first_render(browser, base_url)
        scrub = scrub_check(browser, base_url)
        print(f"time travel over {scrub['n']:,} tasks: {scrub['moves']} moves, longest frame {scrub['longest_frame']:.0f} ms", flush=True)
        scrub_py = scrub_check(browser, base_url, python=True)
        print(f"time travel over a {scrub_py['n']:,}-task Python program: longest frame {scrub_py['longest_frame']:.0f} ms", flush=True)
        in_a_page = bench_python.measure(browser, DIST)
        browser.close()
    server.shutdown()
    interpreter = interpreter_vs_cpython()
    files = sizes()
    lines = [
        "| N tasks | measured total | ideal | total ÷ ideal | plain JS total | measured ÷ plain JS | median lateness | p99 lateness | fps | longest frame |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['n']:,} | {r['total']:.1f} ms | {r['ideal']:.0f} ms | {r['total'] / r['ideal']:.3f} | {r['plain']:.1f} ms | "
                     f"{r['total'] / r['plain']:.3f} | {r['median']:.2f} ms | {r['p99']:.2f} ms | {r['fps']:.0f} | {r['longest_frame']:.0f} ms |")
    lines += ["", "Opened by a `&run=1` link in a fresh page (no click, no warm-up):", "",
              "| N tasks | measured total | total ÷ ideal | plain JS total | measured ÷ plain JS | median lateness | p99 lateness |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in opened:
        lines.append(f"| {r['n']:,} | {r['total']:.1f} ms | {r['total'] / r['ideal']:.3f} | {r['plain']:.1f} ms | "
                     f"{r['total'] / r['plain']:.3f} | {r['median']:.2f} ms | {r['p99']:.2f} ms |")
    lines += ["", f"Memory over {options.leak_runs} runs of 1,000 tasks: JS heap {before['js'] / 1e6:.2f} MB → {after['js'] / 1e6:.2f} MB "
              f"({(after['js'] - before['js']) / 1e6:+.2f} MB); wasm memory {before['wasm'] / 1e6:.2f} MB → {after['wasm'] / 1e6:.2f} MB.",
              "", f"First render (the `app-rendered` mark, median of 5 loads): {render:.0f} ms after navigation.", "",
              f"Time travel over {scrub['n']:,} gathered tasks ({scrub['callbacks']:,} loop callbacks): {scrub['moves']} scrubber moves "
              f"(←/→, Shift+←/→, Home/End, 20 clicks across the run): longest frame {scrub['longest_frame']:.0f} ms, "
              f"median frame {scrub['median_frame']:.1f} ms. The same gather as a Python program "
              f"({scrub_py['callbacks']:,} loop callbacks, rebuilt from its run's journal): longest frame "
              f"{scrub_py['longest_frame']:.0f} ms, median frame {scrub_py['median_frame']:.1f} ms.", "",
              "| file of dist/ | bytes | gzipped |", "|---|---:|---:|"]
    lines += [f"| {name} | {size:,} | {packed:,} |" for name, size, packed in files]
    lines.append(f"| **all** | {sum(f[1] for f in files):,} | **{sum(f[2] for f in files):,}** |")
    lines += ["", "The Python interpreter, native build of `asyncio-run` on the virtual clock, against CPython "
              f"{platform.python_version()} running the same program on its own loop with the same virtual clock "
              "(CPU time, best of 3, start-up included):", "",
              "| program | interpreter | CPython | interpreter ÷ CPython |", "|---|---:|---:|---:|"]
    lines += [f"| {label} | {ours * 1000:.0f} ms | {cpython * 1000:.0f} ms | {ours / cpython:.2f} |"
              for label, ours, cpython in interpreter]
    lines += ["", "Python in a page (see above for how each is measured):", ""] + bench_python.table(in_a_page)
    table = "\n".join(lines)
    print("\n" + table)
    header = (ROOT / "docs" / "benchmarks-intro.md").read_text()
    stamp = f"Measured {datetime.date.today().isoformat()} on {machine()}."
    pathlib.Path(options.out).write_text(header.rstrip() + "\n\n" + stamp + "\n\n" + table + "\n")


if __name__ == "__main__":
    main()
