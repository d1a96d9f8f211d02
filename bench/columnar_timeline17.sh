#!/usr/bin/env bash
# Throughput of the columnar paths on the Timeline17 dev articles (3,354
# PTB-tokenized articles): `annotate --to json`, `annotate --to parquet`
# (both over all cores; the baseline the Python and Spark front ends are
# compared with), then `ingest --from parquet` of that file into a fresh
# store (no annotation). Prints wall time, docs/s and tokens/s for each.
#
# Usage: [CHRONICLE_BIN=target/release/chronicle] bench/columnar_timeline17.sh [ARTICLES.jsonl.gz]
# Exit status 0 unless a step fails outright (the corpus has 24 empty
# articles: they are reported and skipped, which alone makes `annotate`
# exit 1; that is expected and ignored here).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
articles="${1:-$root/../shared/data/timeline17/articles.jsonl.gz}"
if [[ ! -f "$articles" ]]; then
    echo "skipped: $articles not found" >&2
    exit 0
fi
bin="${CHRONICLE_BIN:-}"
if [[ -z "$bin" ]]; then
    cargo build --release -p chronicle-cli --manifest-path "$root/Cargo.toml" >&2
    bin="${CARGO_TARGET_DIR:-$root/target}/release/chronicle"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# The token count comes from annotate's own summary line on stderr.
report() { # name start end log
    local wall docs tokens
    wall=$(awk "BEGIN{print $3 - $2}")
    docs=$(sed -nE 's/^annotated ([0-9]+) documents.*/\1/p' "$4")
    tokens=$(sed -nE 's/.* ([0-9]+) tokens in.*/\1/p' "$4")
    printf '%-22s wall %6.1f s, %d docs, %6.0f docs/s, %d tokens, %8.0f tokens/s\n' "$1" "$wall" \
        "$docs" "$(awk "BEGIN{print $docs / $wall}")" "$tokens" "$(awk "BEGIN{print $tokens / $wall}")"
}

s=$(now); "$bin" annotate "$articles" >"$work/out.jsonl" 2>"$work/json.log" || true; e=$(now)
report "annotate --to json" "$s" "$e" "$work/json.log"

s=$(now); "$bin" annotate --to parquet --out "$work/out.parquet" "$articles" 2>"$work/pq.log" || true; e=$(now)
report "annotate --to parquet" "$s" "$e" "$work/pq.log"
echo "sizes: json $(du -h "$work/out.jsonl" | cut -f1), parquet $(du -h "$work/out.parquet" | cut -f1)"

s=$(now); "$bin" ingest --store "$work/store" --from parquet "$work/out.parquet" >"$work/ingest.out" 2>"$work/ingest.log"; e=$(now)
rows=$(sed -nE 's/^ingested ([0-9]+), .*/\1/p' "$work/ingest.out")
printf '%-22s wall %6.1f s, %d docs, %6.0f docs/s (%s)\n' "ingest --from parquet" "$(awk "BEGIN{print $e - $s}")" \
    "$rows" "$(awk "BEGIN{print $rows / ($e - $s)}")" "$(tail -1 "$work/ingest.out")"
