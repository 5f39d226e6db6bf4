# The two commands of the README. Each installs what is missing first (scripts/setup.sh).
SHELL := /bin/bash

.PHONY: serve test bench setup

## Serve the page on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	source scripts/env.sh && trunk serve --offline

## Run every test: lints, native, CPython comparison, headless Chromium, release build, end to end.
test: setup
	scripts/test.sh

setup:
	scripts/setup.sh

## Benchmark the release page in headless Chromium; prints a table and rewrites BENCHMARKS.md.
bench: setup
	scripts/setup.sh bench
	source scripts/env.sh && trunk build --release --offline && python3 scripts/bench.py
