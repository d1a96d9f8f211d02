#!/usr/bin/env bash
# Timeline summarisation on the Timeline17 development tasks: scores (AR1-F,
# AR2-F, concat ROUGE-1 F, Date-F1 per task and averaged as news-tls does)
# and per-task wall time, annotation (segmentation + temporal tagging)
# included; the last line gives the median and the largest task's time.
# Target: median task <= 2 s on the 2-core development machine.
#
#   bench/tls_timeline17.sh [DATA_DIR]     (default ../shared/data/timeline17)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/timeline17}"
cd "$root"
cargo build --release -p chronicle-cli
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$root/bench/out"
echo "machine: $(nproc) cores; timex tagger: $(git log -1 --format='%h %cs' -- crates/chronicle-timex 2>/dev/null || echo unknown)"
/usr/bin/time -f "total wall %es, max RSS %MkB" "$target/release/chronicle" eval tls "$data" \
    | tee "$root/bench/out/tls_timeline17.txt"
