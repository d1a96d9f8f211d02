#!/usr/bin/env bash
# Ingest the Timeline17 dev articles (3,354 PTB-tokenized articles, ~4M
# tokens) into a fresh store with the release binary and report wall time,
# docs/s and tokens/s. Target: under 30 s on the 2-core dev machine.
#
# Usage: [CHRONICLE_BIN=target/release/chronicle] bench/ingest_timeline17.sh [ARTICLES.jsonl.gz]
# The records have no `id` (their `doc_id` repeats across collections), so
# each gets `articles:<line>` as the contract says. Exit status is that of
# `chronicle ingest`: 1 here, because 24 articles of the corpus are empty
# and are rejected as such.
# After the ingest, `chronicle ingest` precomputes the answers the new
# documents staled (timelines, conflicts); its time is printed apart, and
# the tokens/s figures are given for the ingest alone and for the whole run.
# INGEST_ARGS=--no-precompute leaves that to the first queries.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
articles="${1:-$root/../shared/data/timeline17/articles.jsonl.gz}"
if [[ ! -f "$articles" ]]; then
    echo "skipped: $articles not found" >&2
    exit 0
fi
# CHRONICLE_BIN=path skips the build (e.g. to time an existing binary).
bin="${CHRONICLE_BIN:-}"
if [[ -z "$bin" ]]; then
    cargo build --release -p chronicle-cli --manifest-path "$root/Cargo.toml" >&2
    bin="${CARGO_TARGET_DIR:-$root/target}/release/chronicle"
fi
store="$(mktemp -d)/store"
trap 'rm -rf "$(dirname "$store")"' EXIT
log="$(mktemp)"
start=$(date +%s.%N)
set +e
"$bin" ingest ${INGEST_ARGS:-} --store "$store" "$articles" >"$log" 2>&1
status=$?
set -e
end=$(date +%s.%N)
grep -v '^error: ' "$log" || true
echo "rejected records: $(grep -c '^error: ' "$log" || true) (first: $(grep -m1 '^error: ' "$log" || echo none))"
summary=$(grep -E '^annotated [0-9]+ documents' "$log" || true)
docs=$(sed -E 's/^annotated ([0-9]+) documents.*/\1/' <<<"$summary")
tokens=$(sed -E 's/.* ([0-9]+) tokens in.*/\1/' <<<"$summary")
wall=$(awk "BEGIN{print $end - $start}")
pre=$(sed -nE 's/^precomputed .* in ([0-9.]+) s$/\1/p' "$log")
pre=${pre:-0}
ingest=$(awk "BEGIN{print $wall - $pre}")
printf 'ingest %.1f s, %d docs, %.0f docs/s, %d tokens, %.0f tokens/s\n' \
    "$ingest" "$docs" "$(awk "BEGIN{print $docs / $ingest}")" "$tokens" "$(awk "BEGIN{print $tokens / $ingest}")"
printf 'precompute %.1f s; whole run %.1f s, %.0f tokens/s (store: %s)\n' \
    "$pre" "$wall" "$(awk "BEGIN{print $tokens / $wall}")" "$(du -sh "$store" | cut -f1)"
"$bin" stats --store "$store"
exit $status
