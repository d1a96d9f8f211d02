#!/usr/bin/env bash
# Scores the same system timelines with tilse (PyPI, ROUGE-1.5.5 Perl) and
# with chronicle-tls's Rust metrics; fails when they differ by more than 0.005.
#
#   bench/tilse_check.sh [DATA_DIR]     (default ../shared/data/timeline17)
#
# Needs Debian's libxml-parser-perl for tilse's ROUGE script
# (apt-get install -y libxml-parser-perl); makes its own venv in bench/.venv.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/timeline17}"
out="$root/bench/out/tilse_check"

if ! perl -MXML::Parser -e1 2>/dev/null; then
    echo "tilse_check: Perl's XML::Parser is missing: apt-get install -y libxml-parser-perl" >&2
    exit 2
fi
if [ ! -x "$root/bench/.venv/bin/python" ]; then
    python3 -m venv "$root/bench/.venv"
fi
"$root/bench/.venv/bin/python" -c 'import tilse' 2>/dev/null \
    || "$root/bench/.venv/bin/pip" install --quiet tilse

cd "$root"
cargo build --release -p chronicle-tls --example t17
target="${CARGO_TARGET_DIR:-$root/target}"
rm -rf "$out"
"$target/release/examples/t17" "$data" --out "$out"
"$root/bench/.venv/bin/python" "$root/bench/tilse/compare.py" "$out" "$data"
