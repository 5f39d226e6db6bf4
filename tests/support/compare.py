"""Runs Python programs on CPython (virtual clock) and on the playground's interpreter
(`asyncio-run --json`) and reports where they differ.

    python3 tests/support/compare.py [--bin PATH] PROGRAM.py...

A program matches when its stdout lines are the same, in the same order, each at the same
virtual time, its exit status is the same, and its last stderr line is the same.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cpython(path):
    run = subprocess.run([sys.executable, os.path.join(HERE, "virtual_clock.py"), path],
                         capture_output=True, text=True, timeout=60)
    lines = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    return [(l["t"], l["stream"], l["text"]) for l in lines], run.returncode


def ours(binary, path):
    run = subprocess.run([binary, "--json", path], capture_output=True, text=True, timeout=60)
    if run.returncode == 2:
        return [(0.0, "stderr", l) for l in run.stderr.splitlines()], 2
    lines = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    return [(l["t_ms"] / 1000, l["stream"], l["text"]) for l in lines], run.returncode


def differences(expected, got):
    (e_lines, e_status), (g_lines, g_status) = expected, got
    problems = []
    e_out = [(t, text) for t, s, text in e_lines if s == "stdout"]
    g_out = [(t, text) for t, s, text in g_lines if s == "stdout"]
    for i in range(max(len(e_out), len(g_out))):
        e = e_out[i] if i < len(e_out) else None
        g = g_out[i] if i < len(g_out) else None
        if e is None or g is None or e[1] != g[1] or abs(e[0] - g[0]) > 1e-9:
            problems.append(f"  stdout line {i + 1}: expected {e!r}, got {g!r}")
            break
    e_err = [text for t, s, text in e_lines if s == "stderr"]
    g_err = [text for t, s, text in g_lines if s == "stderr"]
    if (e_err[-1:] or [None]) != (g_err[-1:] or [None]):
        problems.append(f"  last stderr line: expected {e_err[-1:]!r}, got {g_err[-1:]!r}")
    if e_status != g_status:
        problems.append(f"  exit status: expected {e_status}, got {g_status}")
    return problems


def main():
    args = sys.argv[1:]
    binary = os.path.join(HERE, "..", "..", "target", "release", "asyncio-run")
    if args[:1] == ["--bin"]:
        binary, args = args[1], args[2:]
    failed = 0
    for path in args:
        problems = differences(cpython(path), ours(binary, path))
        if problems:
            failed += 1
            print(f"DIFF {path}")
            print("\n".join(problems))
    print(f"{len(args) - failed}/{len(args)} match")
    sys.exit(1 if failed else 0)


main()
