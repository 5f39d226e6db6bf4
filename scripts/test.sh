#!/usr/bin/env bash
# Every test, stopping at the first failure: lints, native tests (including the comparison with
# CPython), browser tests in headless Chromium, the release build and the end-to-end test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native and wasm32, warnings denied)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
step "native tests (the engine, against CPython too)"
cargo test --quiet
step "browser tests in headless Chromium"
wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --mode no-install
step "release build (trunk, wasm-opt)"
trunk build --release --offline
step "end-to-end test of the built page in headless Chromium"
python3 -m pytest -q tests/e2e
