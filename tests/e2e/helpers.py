"""Shared steps of the end-to-end tests."""
import base64
import json
import re
import subprocess


def link(scenario, run=True):
    data = base64.urlsafe_b64encode(json.dumps(scenario).encode()).rstrip(b"=").decode()
    return f"#s={data}" + ("&run=1" if run else "")


def console(page):
    """(scenario ms, text) of every console line, in order."""
    return page.eval_on_selector_all(
        '[data-testid="console-line"]',
        "lines => lines.map(l => [parseFloat(l.dataset.t), l.querySelector('[data-testid=console-text]').textContent])",
    )


def wait_done(page, timeout=60_000):
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=timeout)


def python_program(page):
    return page.locator(".python").inner_text()


def run_with_cpython(program, scale):
    """Runs the page's program with every delay multiplied by `scale`; returns its lines."""
    scaled = re.sub(
        r"(asyncio\.sleep|time\.sleep)\(([0-9.e+-]+)\)",
        lambda m: f"{m.group(1)}({float(m.group(2)) * scale!r})",
        program,
    )
    result = subprocess.run(["python3", "-X", "utf8", "-"], input=scaled, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")[:-1]


def clusters(lines, gap_ms):
    """Groups console lines whose measured times are within `gap_ms` of the previous one."""
    groups = []
    for t, text in lines:
        if groups and t - groups[-1][0] <= gap_ms:
            groups[-1][1].append(text)
            groups[-1][0] = t
        else:
            groups.append([t, [text]])
    return [texts for _, texts in groups]


def same_output(page_lines, cpython_lines, gap_ms):
    """CPython's lines are the page's instants in the same order, each instant in any order."""
    rest = list(cpython_lines)
    for group in clusters(page_lines, gap_ms):
        head, rest = rest[: len(group)], rest[len(group):]
        if sorted(head) != sorted(group):
            return False, f"page {group} vs CPython {head}"
    return (not rest), f"CPython printed more: {rest}"
