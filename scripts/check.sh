#!/usr/bin/env bash
# The local gate: exactly what CI runs after installing packages.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

echo "== core builds without any GUI crate"
cargo build --no-default-features

echo "== cargo test (the README's test command)"
cargo test

echo "== the real window under Xvfb"
bash scripts/gui-smoke.sh
