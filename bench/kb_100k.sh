#!/usr/bin/env bash
# Knowledge-base queries on a store of 100,000 articles.
#
# 1. Ingests the Timeline17 dev articles once with the release CLI (the
#    only annotation), 2. replays them into a store of N articles with
#    shifted dates and ids (`kb_bench generate`: layers copied, nothing
#    re-annotated), 3. times `timeline` (200 items), `quotes` (100) and
#    `conflicts` in process for 100 entities sampled in proportion to their
#    mentions (`kb_bench query`; it first precomputes the timeline and
#    conflict answers of every entity, or with LAZY=1 only the sample's,
#    by a separately timed first pass), 4. times the cold path (computing
#    and storing each sampled entity's timeline from its reports,
#    `kb_bench cold`), 5. times a few whole CLI processes and reports the
#    store size per 1,000 articles. FULL=1 also stales every precomputed
#    answer and times recomputing them all (`kb_bench precompute`, minutes).
# Target: p99 < 50 ms per query kind.
#
# Usage: bench/kb_100k.sh [N]   (default 100000)
# WORK=dir keeps the stores (default /work/targets/kb_100k; never the repo).
# Stores already there are reused: delete WORK to start over.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"
articles="$root/../shared/data/timeline17/articles.jsonl.gz"
if [[ ! -f "$articles" ]]; then
    echo "skipped: $articles not found" >&2
    exit 0
fi
work="${WORK:-/work/targets/kb_100k}"
mkdir -p "$work"
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -p chronicle-cli --manifest-path "$root/Cargo.toml" >&2
cargo build --release -p chronicle-query --example kb_bench --manifest-path "$root/Cargo.toml" >&2
bin="$target/release/chronicle"
bench="$target/release/examples/kb_bench"

src="$work/t17"
if [[ ! -f "$src/chronicle.sqlite" ]]; then
    "$bin" ingest --store "$src" "$articles" 2>&1 | grep -v '^error: ' || true
fi
big="$work/store-$n"
if [[ ! -f "$big/.complete" ]]; then
    start=$(date +%s.%N)
    "$bench" generate "$src" "$big" "$n"
    end=$(date +%s.%N)
    touch "$big/.complete"
    printf 'generated %d articles in %.0f s\n' "$n" "$(awk "BEGIN{print $end - $start}")"
fi

if [[ "${LAZY:-0}" == 1 ]]; then
    "$bench" query "$big" 100 --lazy
else
    "$bench" query "$big" 100
fi

"$bench" cold "$big" 100
if [[ "${FULL:-0}" == 1 ]]; then
    "$bench" precompute "$big"
fi

bytes=$(du -sb "$big" | cut -f1)
sqlite=$(du -sb "$big/chronicle.sqlite" | cut -f1)
printf 'store size: %.1f MB per 1,000 articles (%.0f MB total, SQLite %.0f MB, full-text index %.0f MB)\n' \
    "$(awk "BEGIN{print $bytes / 1e6 / ($n / 1000)}")" "$(awk "BEGIN{print $bytes / 1e6}")" \
    "$(awk "BEGIN{print $sqlite / 1e6}")" "$(awk "BEGIN{print ($bytes - $sqlite) / 1e6}")"

# Whole processes: start-up, store open and output included.
for cmd in "timeline BP --limit 200" "timeline Obama --limit 200" "quotes --speaker Obama --limit 100" \
    "conflicts --entity Hayward" "entities --limit 20"; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$bin" $cmd --store "$big" >/dev/null
    end=$(date +%s.%N)
    printf 'chronicle %-40s %6.0f ms\n' "$cmd" "$(awk "BEGIN{print ($end - $start) * 1000}")"
done
