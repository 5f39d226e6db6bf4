#!/usr/bin/env bash
# Installs what the page and its tests need on a fresh Debian machine that has rustup and cargo.
# Every step is skipped when its tool is already there, so a second call takes seconds.
# Nothing is downloaded from outside the package registries (crates.io, npm, PyPI, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "setup: '$*' needs root. Run it as root (or install sudo), then run this command again." >&2
    exit 1
  fi
}

# Rust: the wasm target and the lint tools.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# trunk 0.22 needs a newer rustc than 1.95: stay on 0.21.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version '~0.21'
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock. (Not --locked: one of its
# locked dependencies is missing from the registry.)
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION" --force
fi
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

# wasm-opt 132 from npm's binaryen (Debian's binaryen 108 cannot parse Rust 1.95's output).
if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q 'version 132'; then
  if ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js and npm"
    need_root apt-get update -qq
    need_root apt-get install -y -qq nodejs npm
  fi
  say "installing binaryen 132 (wasm-opt) into .tools"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent binaryen@132
fi

# esbuild from npm: the release build minifies the page's JavaScript glue and its CSS with it
# (scripts/externalize_loader.py, trunk's own minifier cannot read wasm-bindgen's module).
if ! "$TOOLS/node_modules/.bin/esbuild" --version 2>/dev/null | grep -qx '0.24.2'; then
  say "installing esbuild 0.24.2 into .tools"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent esbuild@0.24.2
fi

# Headless Chromium and its driver for the browser tests.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing chromium and chromium-driver"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# Python's Playwright (driving /usr/bin/chromium, never its own browser download) and pytest.
if ! python3 -c 'import playwright, pytest' >/dev/null 2>&1; then
  say "installing playwright and pytest for Python"
  python3 -m pip install --quiet playwright pytest
fi

# The peers `make bench` measures the page against (only with `setup.sh bench`): Pyodide and
# MicroPython, both from npm, loaded offline from .tools/peers in the same headless Chromium.
PEERS="$TOOLS/peers/node_modules"
if [ "${1:-}" = "bench" ]; then
  if ! [ -f "$PEERS/pyodide/package.json" ] \
      || ! [ -f "$PEERS/@micropython/micropython-webassembly-pyscript/package.json" ]; then
    say "installing pyodide 0.27.7 and micropython-webassembly-pyscript 1.27.0 into .tools/peers"
    mkdir -p "$TOOLS/peers"
    npm install --prefix "$TOOLS/peers" --no-audit --no-fund --silent \
      pyodide@0.27.7 @micropython/micropython-webassembly-pyscript@1.27.0
  fi
fi
