"""Shared steps of the end-to-end tests."""
import base64
import json
import pathlib
import subprocess
import zlib


def link(scenario, run=True):
    data = base64.urlsafe_b64encode(json.dumps(scenario).encode()).rstrip(b"=").decode()
    return f"#s={data}" + ("&run=1" if run else "")


def z_link(scenario, run=True):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(json.dumps(scenario).encode()) + packer.flush()
    data = base64.urlsafe_b64encode(packed).rstrip(b"=").decode()
    return f"#z={data}" + ("&run=1" if run else "")


def console(page):
    """(scenario ms, text) of every console line, in order."""
    return page.eval_on_selector_all(
        '[data-testid="console-line"]',
        "lines => lines.map(l => [parseFloat(l.dataset.t), l.querySelector('[data-testid=console-text]').textContent])",
    )


def wait_done(page, timeout=60_000):
    """Waits for the run to end, looking every 100 ms (not at every frame: the test must not
    compete with the page's timers for this machine's two cores)."""
    state = page.locator('[data-testid="run-state"]')
    for _ in range(timeout // 100):
        if state.count() and state.get_attribute("data-state") == "done":
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the run did not end within {timeout} ms")


def python_program(page):
    return page.locator(".python").inner_text()


HARNESS = pathlib.Path(__file__).resolve().parents[1] / "support" / "virtual_clock.py"


def run_with_cpython(program):
    """Runs a program on CPython's own asyncio loop with a virtual clock: (ms, text) of each
    line it prints on standard output."""
    result = subprocess.run(["python3", "-X", "utf8", str(HARNESS), "-"], input=program,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return [(line["t"] * 1000, line["text"]) for line in lines if line["stream"] == "stdout"]


def tolerance_ms(t):
    """How far a measured line may be from CPython's ideal time: 50 ms + 5 %, in program ms."""
    return 50 + 0.05 * t


def same_lines(page_lines, cpython_lines):
    """The page printed CPython's lines, in CPython's order, each within `tolerance_ms` of
    CPython's time. Returns (ok, why)."""
    texts = [text for _, text in page_lines]
    expected = [text for _, text in cpython_lines]
    if texts != expected:
        return False, f"lines differ:\npage    {texts}\nCPython {expected}"
    for (t, text), (ideal, _) in zip(page_lines, cpython_lines):
        if abs(t - ideal) > tolerance_ms(ideal):
            return False, f"{text!r} at {t:.1f} ms, CPython {ideal:.1f} ms (allowed ±{tolerance_ms(ideal):.1f})"
    return True, ""


def scenario_of_link(url):
    """The scenario JSON a `#z=` or `#s=` link carries."""
    fragment = url.split("#", 1)[1].split("&", 1)[0]
    kind, data = fragment.split("=", 1)
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return json.loads(zlib.decompress(raw, -15) if kind == "z" else raw)


def run_opened_link(browser, base_url, scenario, tries=3):
    """Opens `scenario` by a link that runs it on open, in a fresh page (no warm-up, no click),
    and checks the console against CPython on a virtual clock. The lines and their order are
    checked strictly on every try. Timing alone may miss on a busy two-core machine: such a try
    is run again, up to `tries` times; a systematic delay misses every time. Returns (ok, why)."""
    misses = []
    for _ in range(tries):
        visitor = browser.new_context().new_page()
        try:
            visitor.goto(base_url + z_link(scenario))
            wait_done(visitor)
            expected = run_with_cpython(python_program(visitor))
            lines = console(visitor)
        finally:
            visitor.context.close()
        texts, wanted = [t for _, t in lines], [t for _, t in expected]
        assert texts == wanted, f"lines differ:\npage    {texts}\nCPython {wanted}"
        ok, why = same_lines(lines, expected)
        if ok:
            return True, ""
        misses.append(why)
    return False, "late on every try: " + "; ".join(misses)


def py_link(source, run=True, scale=None):
    """A `#py=` link (spec §3): base64url of the raw DEFLATE of the program's UTF-8 source."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(source.encode()) + packer.flush()
    data = base64.urlsafe_b64encode(packed).rstrip(b"=").decode()
    return f"#py={data}" + (f"&scale={scale}" if scale is not None else "") + ("&run=1" if run else "")


def run_program_with_cpython(source):
    """(stdout lines as (ms, text), last stderr line or None, status) of `source` on CPython's
    asyncio loop with a virtual clock."""
    result = subprocess.run(["python3", "-X", "utf8", str(HARNESS), "-"], input=source,
                            capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    stdout = [(line["t"] * 1000, line["text"]) for line in lines if line["stream"] == "stdout"]
    stderr = [line["text"] for line in lines if line["stream"] == "stderr"]
    return stdout, (stderr[-1] if stderr else None), result.returncode


def console_streams(page):
    """(scenario ms, stream, text) of every console line, in order."""
    return page.eval_on_selector_all(
        '[data-testid="console-line"]',
        "lines => lines.map(l => [parseFloat(l.dataset.t), l.dataset.stream,"
        " l.querySelector('[data-testid=console-text]').textContent])",
    )


def wait_state(page, states, timeout=60_000):
    """Waits (looking every 100 ms) until the run state is one of `states`; returns it."""
    state = page.locator('[data-testid="run-state"]')
    for _ in range(timeout // 100):
        if state.count() and state.get_attribute("data-state") in states:
            return state.get_attribute("data-state")
        page.wait_for_timeout(100)
    raise AssertionError(f"the run state did not become {states} within {timeout} ms")


def loop_inside(page):
    """The loop's inside as time travel shows it: the ready queue, the timers (deadline, who) and
    every task's state."""
    return {
        "ready": page.eval_on_selector_all(
            '[data-testid="ready-queue-item"]', "xs => xs.map(x => x.querySelector('code').textContent)"),
        "timers": page.eval_on_selector_all(
            '[data-testid="timer"]', "xs => xs.map(x => [x.dataset.deadlineMs, x.querySelector('code').textContent])"),
        "tasks": page.eval_on_selector_all(
            '[data-testid="task-state"]', "xs => xs.map(x => [x.dataset.task, x.dataset.state])"),
    }
