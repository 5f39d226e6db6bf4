# Sourced by the Makefile's commands: puts the project's own tools (wasm-opt 132) first on PATH.
export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
