#!/usr/bin/env bash
# CI for the Python package and Spark (called from .ci/run; runnable by hand).
# Makes its own venv, builds the wheel with maturin into the workspace's target
# dir (so the crates the CLI build compiled are reused), lints and unit-tests
# the binding crate (a workspace of its own), then runs pytest: the API
# against the CLI, the Arrow entry point, and a PySpark local[2] job.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${CHRONICLE_VENV:-$ROOT/bench/.venv}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CHRONICLE_BIN=${CHRONICLE_BIN:-$CARGO_TARGET_DIR/release/chronicle}
start=$SECONDS

echo "== python: venv ($VENV)"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check "maturin>=1.7,<2" pytest pyarrow pyspark "pandas>=2.2,<3"
export PYO3_PYTHON="$VENV/bin/python"

# No --locked for chronicle-py: python/Cargo.lock pins the third-party crates,
# and cargo may add entries when a workspace crate gains a dependency.
echo "== python: format and lint (chronicle-py)"
cargo fmt --manifest-path python/Cargo.toml --check
cargo clippy --manifest-path python/Cargo.toml --release --all-targets -- -D warnings

echo "== python: unit tests (chronicle-py)"
# The test binary links libpython (a wheel does not): point the loader at it.
LIBDIR=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')
LD_LIBRARY_PATH="$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    cargo test --manifest-path python/Cargo.toml --release

echo "== python: wheel"
rm -rf "$CARGO_TARGET_DIR/wheels"
"$VENV/bin/maturin" build --release -m python/Cargo.toml -i "$VENV/bin/python" \
    --out "$CARGO_TARGET_DIR/wheels"
"$VENV/bin/pip" install -q --force-reinstall --no-deps "$CARGO_TARGET_DIR"/wheels/chronicle-*.whl

echo "== python: CLI (the reference the package is compared with)"
[ -x "$CHRONICLE_BIN" ] || cargo build --release --locked -p chronicle-cli

echo "== python: pytest (API vs CLI, Arrow, PySpark local[2])"
cd python/tests
"$VENV/bin/python" -m pytest -q -p no:cacheprovider
echo "python CI took $((SECONDS - start)) s"
